/** The group order `l`. */
export declare const L: bigint;
/** Domain-separation tags of protocol v1. */
export declare const DST: Readonly<Record<'G' | 'H' | 'pop' | 'dealing' | 'kdf' | 'share' | 'dleq', Uint8Array>>;

/** An error of the protocol layer; `code` is stable (`'range'`, `'decimal'`, `'point'`, ...). */
export declare class ProtocolError extends Error {
  readonly code: string;
  constructor(code: string, message: string);
}

export declare function concat(...parts: Uint8Array[]): Uint8Array;
export declare function u32le(x: number | bigint): Uint8Array;
export declare function u64le(x: number | bigint): Uint8Array;
export declare function fromHex(hex: string): Uint8Array;
export declare function toHex(bytes: Uint8Array): string;
export declare function scalarToBytes(s: bigint): Uint8Array;
/** Rejects non-canonical scalars (`>= l`). */
export declare function scalarFromBytes(bytes: Uint8Array): bigint;
/** A canonical ristretto255 point (identity allowed). */
export declare function pointFromBytes(bytes: Uint8Array): unknown;
/** A point that must not be the identity. */
export declare function keyFromBytes(bytes: Uint8Array): unknown;
export declare function hashToScalar(bytes: Uint8Array): bigint;
export declare function hashToPoint(bytes: Uint8Array): unknown;
export declare function generator(l: number): unknown;
export declare function blindingGenerator(): unknown;
export declare function randomScalar(): bigint;

/** An i128 as a scalar (section 4); throws a `ProtocolError` outside i128. */
export declare function encodeValue(v: bigint | number): bigint;
/** A scalar to the exact signed integer. */
export declare function decodeValue(s: bigint): bigint;
export declare function fitsI128(v: bigint): boolean;
/** `floor(y / count)`, toward negative infinity. */
export declare function floorDiv(y: bigint, count: number | bigint): bigint;
/** `"4250.75"` with 2 decimals to `425075n`. */
export declare function parseDecimal(text: string, decimals: number): bigint;
/** `425075n` with 2 decimals to `"4250.75"`. */
export declare function formatDecimal(value: bigint, decimals: number): string;

/** A submission in wire form (PROTOCOL.md section 5, step 6). */
export interface Submission {
  ephemeralKey: Uint8Array;
  proof: Uint8Array;
  commitments: Uint8Array[];
  ciphertexts: Uint8Array[];
}

export interface DealParams {
  /** The chain's genesis hash (32 bytes). */
  genesis: Uint8Array;
  jobId: bigint;
  /** The provider's 32-byte account. */
  provider: Uint8Array;
  /** The committee's encryption keys `E_1..E_n`, in committee order. */
  keys: Uint8Array[];
  /** Threshold: `1 <= t < n`. */
  t: number;
  /** One value per dimension. */
  values: bigint[];
}

/** Deals a private input with the platform CSPRNG. */
export declare function deal(params: DealParams): Submission;
/** Deals with given randomness: for test vectors only. */
export declare function dealWithRandomness(params: DealParams & {
  coefficients: bigint[][];
  blinding: bigint[];
  r: bigint;
  k: bigint;
}): Submission;

/** The context every per-input value is bound to (PROTOCOL.md section 5). */
export interface InputContext {
  genesis: Uint8Array;
  jobId: bigint;
  /** The provider's 32-byte account. */
  provider: Uint8Array;
}

/** `aad_i` of worker `index` (1-based). */
export declare function shareAad(params: InputContext & { index: number }): Uint8Array;
/** `key_i` from `R` (`ephemeralKey`), `E_i` (`workerKey`) and `K_i` (`sharedKey`), 32 bytes each. */
export declare function deriveKey(params: InputContext & {
  index: number;
  ephemeralKey: Uint8Array;
  workerKey: Uint8Array;
  sharedKey: Uint8Array;
}): Uint8Array;
/**
 * Decrypts worker `index`'s ciphertext to its share; throws a `ProtocolError` with code
 * `'decrypt'`, `'share'` or `'scalar'` when it is bad.
 */
export declare function decryptShare(params: InputContext & {
  key: Uint8Array;
  index: number;
  d: number;
  ciphertext: Uint8Array;
}): { values: bigint[]; blinding: bigint };
/** The section-6 check of a share against the input's commitments (32 bytes each). */
export declare function checkShare(index: number, share: { values: bigint[]; blinding: bigint }, commitments: Uint8Array[]): boolean;
/** Verifies a dealing proof (section 5 step 4). */
export declare function verifyDealingProof(params: InputContext & {
  ephemeralKey: Uint8Array;
  commitments: Uint8Array[];
  proof: Uint8Array;
}): boolean;
/** Verifies a complaint's DLEQ proof (section 7). */
export declare function verifyDleq(params: InputContext & {
  index: number;
  workerKey: Uint8Array;
  ephemeralKey: Uint8Array;
  sharedKey: Uint8Array;
  proof: Uint8Array;
}): boolean;
export type SubmissionVerdict = 'accepted' | 'wrong_commitment_count' | 'bad_commitment_encoding'
  | 'wrong_ciphertext_count' | 'bad_ciphertext_length' | 'bad_R_encoding' | 'identity_R' | 'bad_proof' | 'repeated_R';
/** The chain's acceptance rules for a submission (section 5), job state aside. */
export declare function submissionVerdict(params: InputContext & Submission & {
  n: number;
  t: number;
  d: number;
  /** `R` of earlier submissions to the job. */
  priorEphemeralKeys?: Uint8Array[];
}): SubmissionVerdict;
/** Decides a complaint as the chain does (section 7). */
export declare function complaintVerdict(params: InputContext & {
  index: number;
  d: number;
  workerKey: Uint8Array;
  ephemeralKey: Uint8Array;
  commitments: Uint8Array[];
  ciphertext: Uint8Array;
  sharedKey: Uint8Array;
  proof: Uint8Array;
}): { verdict: 'invalid_proof' | 'input_disqualified' | 'worker_at_fault'; reason: string };
/** The record's inputs digest (section 10) over inputs in acceptance order. */
export declare function inputsDigest(inputs: { provider: Uint8Array; commitments: Uint8Array[] }[]): Uint8Array;
/**
 * The `committee_digest` an input is bound to (section 10): `BLAKE2b-256(A_1 || E_1 || ... ||
 * A_n || E_n)` over the members' 32-byte accounts (public key bytes) and encryption keys, in
 * committee order. Throws a `ProtocolError` (code `'committee'`) unless each is 32 bytes.
 */
export declare function committeeDigest(members: { account: Uint8Array; key: Uint8Array }[]): Uint8Array;
/** `Ĉ_j = sum_k C_{k,j}` over commitment lists (32 bytes each), as bytes. */
export declare function aggregateCommitments(commitmentLists: Uint8Array[][]): Uint8Array[];

export declare function lagrangeAtZero(indices: number[]): bigint[];
export declare function verifyResultShare(index: number, values: bigint[], blinding: bigint, aggregate: unknown[]): boolean;
/** Re-verifies `t + 1` result shares, the reconstruction and the output check. */
export declare function verifyOutput(params: {
  d: number;
  aggregate: unknown[];
  shares: { index: number; values: bigint[]; blinding: bigint }[];
}): { y: bigint[]; blinding: bigint; values: bigint[] };

// ---- committee key and randomness beacon (PROTOCOL.md section 11) ----

/** Domain-separation tags of section 11 (apart from `DST`, the tags of sections 1-9). */
export declare const BEACON_DST: Readonly<Record<
  'dkgDealing' | 'dkgKdf' | 'dkgShare' | 'dkgDleq' | 'dkgDigest' | 'dkgKey' | 'point' | 'dleq' | 'output' | 'subject' | 'committee' | 'draw',
  Uint8Array
>>;

/** `t_B = floor((n_B - 1) / 2)`; throws a `ProtocolError` unless `3 <= n_B <= 1024`. */
export declare function beaconThreshold(n: number): number;

/** The context every DKG value is bound to: the chain and the epoch (u64). */
export interface EpochParams {
  /** The chain's genesis hash (32 bytes). */
  genesis: Uint8Array;
  epoch: bigint;
}

/** A dealing of dealer `dealer` (1-based member index) in an epoch. */
export interface DealerParams extends EpochParams {
  dealer: number;
}

/** A key dealing in wire form (section 11.2, step 7). */
export interface KeyDealing {
  /** `R = r * G`. */
  R: Uint8Array;
  /** `c || z_1 || z_2` (96 bytes). */
  proof: Uint8Array;
  /** `A_{j,0}..A_{j,t}` (32 bytes each). */
  commitments: Uint8Array[];
  /** `ct_{j,1}..ct_{j,n}` (48 bytes each), in committee order. */
  ciphertexts: Uint8Array[];
}

/** `aad_{j,i}` of member `index`. */
export declare function keyShareAad(params: DealerParams & { index: number }): Uint8Array;
/** `key_{j,i}` from `R`, `E_i` (`memberKey`) and `K_{j,i}` (`K`), 32 bytes each. */
export declare function deriveKeyShareKey(params: DealerParams & {
  index: number;
  R: Uint8Array;
  memberKey: Uint8Array;
  K: Uint8Array;
}): Uint8Array;

/**
 * Deals member `dealer`'s part of the group key (section 11.2) to `memberKeys` (`E_1..E_n`,
 * `n >= 3`). Randomness from the platform CSPRNG; `coefficients` (`a_{j,0}..a_{j,t}`), `r`, `k1`
 * and `k2` may be given for test vectors only.
 */
export declare function dealKey(params: DealerParams & {
  /** The dealer's 32-byte account `W_j`. */
  account: Uint8Array;
  memberKeys: Uint8Array[];
  coefficients?: bigint[];
  r?: bigint;
  k1?: bigint;
  k2?: bigint;
}): KeyDealing;
/** Verifies a key dealing's proof of knowledge of `a_{j,0}` and `r` (section 11.2 step 5). */
export declare function verifyKeyDealingProof(params: DealerParams & {
  account: Uint8Array;
  R: Uint8Array;
  commitments: Uint8Array[];
  proof: Uint8Array;
}): boolean;
/**
 * The chain's acceptance rules for a key dealing (section 11.2); throws a `ProtocolError` (code
 * `'dealing'`) naming the first rule broken, or returns the dealing decoded (points).
 */
export declare function verifyKeyDealing(params: DealerParams & {
  account: Uint8Array;
  /** The committee size `n_B`. */
  n: number;
  dealing: KeyDealing;
  /** The `R` of the epoch's other dealings. */
  priorR?: Uint8Array[];
}): { t: number; R: unknown; commitments: unknown[] };
/**
 * `h_j` (section 11.3), 32 bytes: the digest by which a complaint names dealer `dealer`'s dealing
 * (`complain_dealing(epoch, dealer, dealing_digest, shared_key, proof)`; a digest that is not the
 * stored dealing's is refused with `Mpc.DealingMismatch`).
 * `SHA512("substrate-mpc/v1/dkg/digest" || genesis || u64le(e) || u32le(j) || R || A_{j,0..t} || ct_{j,1..n})[0..32]`.
 * A whole `KeyDealing` may be spread in (its proof is not hashed). Throws a `ProtocolError` (code
 * `'dealing'`) for a part of the wrong length.
 */
export declare function dealingDigest(params: DealerParams & {
  /** `R` (32 bytes). */
  R: Uint8Array;
  /** `A_{j,0}..A_{j,t}` (32 bytes each). */
  commitments: Uint8Array[];
  /** `ct_{j,1}..ct_{j,n}` (48 bytes each). */
  ciphertexts: Uint8Array[];
  proof?: Uint8Array;
}): Uint8Array;
/** The check of section 11.3: `share * G == sum_k index^k * A_{j,k}` (commitments 32 bytes each). */
export declare function checkKeyShare(index: number, share: bigint, commitments: Uint8Array[]): boolean;
/**
 * Member `index` opens and checks its share of a dealing with its secret `e_i` (section 11.3).
 * Returns `s_{j,i}`; throws a `ProtocolError` with code `'decrypt'`, `'share'`, `'scalar'` or
 * `'key-share'` when the share is bad (a reason to complain).
 */
export declare function openKeyShare(params: DealerParams & {
  index: number;
  memberSecret: bigint;
  R: Uint8Array;
  ciphertext: Uint8Array;
  commitments: Uint8Array[];
}): bigint;
/** Member `index`'s complaint (section 11.3): `K_{j,i} = e_i * R` and its DLEQ proof; `k` for test vectors only. */
export declare function keyComplaint(params: DealerParams & {
  index: number;
  memberSecret: bigint;
  R: Uint8Array;
  k?: bigint;
}): { K: Uint8Array; proof: Uint8Array };
/** Verifies a key complaint's DLEQ proof (section 11.3). */
export declare function verifyKeyDleq(params: DealerParams & {
  index: number;
  memberKey: Uint8Array;
  R: Uint8Array;
  K: Uint8Array;
  proof: Uint8Array;
}): boolean;
export type KeyComplaintVerdict = 'dealer_disqualified' | 'member_at_fault';
/**
 * Judges a key complaint as the chain does (section 11.3), from the dealing as stored; throws a
 * `ProtocolError` (code `'complaint'`) when the proof does not verify (no verdict).
 */
export declare function judgeKeyComplaint(params: DealerParams & {
  index: number;
  memberKey: Uint8Array;
  R: Uint8Array;
  commitments: Uint8Array[];
  ciphertext: Uint8Array;
  K: Uint8Array;
  proof: Uint8Array;
}): KeyComplaintVerdict;

/**
 * The group key (section 11.4) of a committee of `n` from the qualified dealings' commitments:
 * `Â_0..Â_t`, `X = Â_0` and `X_1..X_n` (32 bytes each). Throws a `ProtocolError` (code `'dkg'`)
 * when the DKG failed.
 */
export declare function groupKey(n: number, commitmentLists: Uint8Array[][]): {
  commitments: Uint8Array[];
  X: Uint8Array;
  publicShares: Uint8Array[];
};
/** `X_i = sum_k index^k * Â_k` (section 11.4), 32 bytes. */
export declare function publicShare(commitments: Uint8Array[], index: number): Uint8Array;
/** `x_i = sum_{j in Q} s_{j,i}` (section 11.4). */
export declare function combineKeyShares(shares: bigint[]): bigint;
/** `keydigest_e` (section 11.4), 32 bytes. */
export declare function groupKeyDigest(genesis: Uint8Array, epoch: bigint, n: number, commitments: Uint8Array[]): Uint8Array;

/**
 * `P_r` of round `round` with seed `seed` under epoch `epoch` (section 11.5), 32 bytes:
 * `HashToPoint("substrate-mpc/v1/beacon/point" || genesis || u64le(e) || u64le(r) || s_r)`.
 * Throws a `ProtocolError` (code `'seed'`) unless `seed` is 32 bytes.
 */
export declare function roundPoint(genesis: Uint8Array, epoch: bigint, round: bigint, seed: Uint8Array): Uint8Array;
/** A round under its epoch: its number `r` and seed `s_r`. */
export interface RoundParams extends EpochParams {
  round: bigint;
  /**
   * `s_r` (32 bytes): on chain, the `seed` of the stored round, the hash of the parent of the
   * block it opened in. Only `P_r` binds it (not the DLEQ hash nor `ρ_r`).
   */
  seed: Uint8Array;
}
/** A round share in wire form: `Y_i` (32 bytes) and its DLEQ proof `c || z` (64 bytes). */
export interface RoundShare {
  Y: Uint8Array;
  proof: Uint8Array;
}
/** Member `index`'s round share from its secret share `x_i` (section 11.5); `k` for test vectors only. */
export declare function roundShare(params: RoundParams & {
  index: number;
  secretShare: bigint;
  k?: bigint;
}): RoundShare;
/**
 * Verifies member `index`'s round share against its public share `X_i` (section 11.5); false
 * for a share of the same round with another seed. Throws a `ProtocolError` (code `'seed'`)
 * unless `seed` is 32 bytes.
 */
export declare function verifyRoundShare(params: RoundParams & RoundShare & {
  index: number;
  publicShare: Uint8Array;
}): boolean;
/**
 * The round's output: `Y = sum λ_i Y_i` and `ρ_r` (32 bytes each), from shares not verified here.
 * No seed: `ρ_r` does not hash `s_r`; verify the shares with it first (or use `verifyRound`).
 */
export declare function combineRound(
  genesis: Uint8Array,
  epoch: bigint,
  round: bigint,
  shares: { index: number; Y: Uint8Array }[],
): { Y: Uint8Array; output: Uint8Array };
/**
 * Verifies a round from the chain alone (section 11.5): its number, seed and epoch, exactly
 * `t + 1` shares of distinct members (`t = commitments.length - 1`), each checked against `X_i`
 * recomputed from `Â_0..Â_t` on `P_r`; throws a `ProtocolError` (code `'round'`) saying what
 * failed.
 */
export declare function verifyRound(params: RoundParams & {
  /** `Â_0..Â_t` (32 bytes each). */
  commitments: Uint8Array[];
  shares: ({ index: number } & RoundShare)[];
  /** The committee size `n_B`: bounds the indices (`t` alone does not fix it). */
  n?: number;
}): { Y: Uint8Array; output: Uint8Array };

/**
 * `Randomness::random(subject)` (section 11.6), 32 bytes, from `ρ_r` of the round it serves: the
 * latest completed in a block before the caller's.
 */
export declare function subjectValue(rho: Uint8Array, subject: Uint8Array): Uint8Array;
/** A job's committee seed (section 11.6), 32 bytes. */
export declare function committeeSeed(rho: Uint8Array, jobId: bigint): Uint8Array;
/**
 * A job's committee drawn with its committee seed (section 11.6) from `candidates` candidates
 * (positions `0..candidates-1`, in pool order) for `n` seats: the partial Fisher-Yates shuffle
 * with tag `substrate-mpc/v1/beacon/draw`, keeping the candidates `eligible` accepts (asked at
 * most once each, in draw order; default: all). Returns the kept positions in member order
 * (member `i` is `result[i - 1]`), fewer than `n` when too few were eligible. Throws a
 * `ProtocolError` for a seed that is not 32 bytes or counts out of range.
 */
export declare function drawCommittee(seed: Uint8Array, candidates: number, n: number, eligible?: (candidate: number) => boolean): number[];

// ---- input validity proofs (PROTOCOL.md section 12) ----

/** Domain-separation tags of section 12 (apart from `DST` and `BEACON_DST`). */
export declare const VALIDITY_DST: Readonly<Record<'onehot', Uint8Array>>;

/** A job's input rule (section 12.1). */
export type InputRule =
  | { type: 'None' }
  /** `lo_l <= x_l <= hi_l` for every component `l`; bounds are i128 (BigInt). */
  | { type: 'Range'; bounds: [bigint, bigint][] }
  /** `x = e_k` for some `k < d`; with `abstain`, also `x = 0`. */
  | { type: 'OneHot'; abstain: boolean };

/**
 * The SCALE encoding of a rule (section 12.1), what the proofs hash as `rule`: `00`,
 * `01 || compact(bounds.length) || (i128le(lo) || i128le(hi))*`, or `02 || abstain`. Throws a
 * `ProtocolError` (`'rule'`, or `'range'` for a bound outside i128); does not check the rule
 * against a job (the chain does, at job creation).
 */
export declare function encodeInputRule(rule: InputRule): Uint8Array;
/** Decodes a SCALE-encoded rule (e.g. a record's); throws a `ProtocolError` (code `'rule'`) when malformed. */
export declare function decodeInputRule(bytes: Uint8Array): InputRule;

/** What a one-hot proof is about: an input's `C_0` under the rule `OneHot { abstain }` of a job of dimension `d`. */
export interface OneHotParams extends InputContext {
  /** The job's dimension, `d >= 1`. */
  d: number;
  abstain: boolean;
  /** `C_0` (32 bytes), as submitted. */
  c0: Uint8Array;
}

/** A simulated branch of a one-hot proof. */
export interface SimulatedBranch {
  c: bigint;
  z: bigint;
}

/**
 * The one-hot proof of section 12.2, `c_0..c_{m-1} || z_0..z_{m-1}` (`64 m` bytes, `m = d` or
 * `d + 1` with `abstain`). `choice`: the real branch (`k` for the ballot `e_k`, `d` for an
 * abstention); `b0`: the dealing's constant blinding `b_0`. Deterministic given `rho` and the
 * other branches' `simulated` `(c, z)` (an array indexed by branch or a Map from branch); what
 * is not given comes from the CSPRNG. For tests and vectors: not constant time. Throws a
 * `ProtocolError` (code `'onehot'`) when `C_0 - G_choice` (or `C_0`) is not `b0 * H`.
 */
export declare function proveOneHot(params: OneHotParams & {
  choice: number;
  b0: bigint;
  rho?: bigint;
  simulated?: (SimulatedBranch | undefined | null)[] | Map<number, SimulatedBranch>;
}): Uint8Array;
/**
 * Verifies a one-hot proof (section 12.2). False (never a throw) for a proof of the wrong length,
 * a non-canonical scalar or `C_0`, or a false proof; throws a `ProtocolError` only for bad
 * parameters (`d`, `abstain`, the job id).
 */
export declare function verifyOneHot(params: OneHotParams & { proof: Uint8Array }): boolean;
/**
 * The one-hot branch `values` is: `k` for the ballot `e_k`, `d` for all 0 (only with
 * `abstain`). Throws a `ProtocolError` (code `'ballot'`) for values that are not a ballot.
 */
export declare function ballotChoice(values: (bigint | number)[], abstain: boolean): number;
/** The message of the `ProtocolError` (code `'unsupported'`) for the JS dealer and a `Range` job. */
export declare const RANGE_PROVER_MISSING: string;
/**
 * Deals `values` (CSPRNG randomness, like `deal`) to a job with input rule `rule`, with the
 * validity proof `submit_input` takes next to the submission (section 12): empty for `None`;
 * for `OneHot`, the one-hot proof on the dealing's `C_0` and `b_0` (`values` must be a ballot:
 * `ProtocolError` `'ballot'` otherwise, before dealing). `Range` throws a `ProtocolError`
 * (`'unsupported'`): range proofs need the Rust prover built to WebAssembly (`loadProver` of the
 * package's index). The JS one-hot prover is not constant time in the ballot's branch.
 */
export declare function dealWithRule(params: DealParams & { rule: InputRule | Uint8Array }): { submission: Submission; validity: Uint8Array };
/** The bit widths a range proof can have: 8, 16, 32, 64 (section 12.1). */
export declare const RANGE_BITS: readonly number[];
/**
 * A range rule's bit width `N`: the least of 8, 16, 32, 64 with `hi - lo < 2^N` for every pair.
 * Throws a `ProtocolError` (code `'rule'`) for no bounds, `lo > hi` or `hi - lo >= 2^64`.
 */
export declare function rangeBits(bounds: [bigint | number, bigint | number][]): number;
/** The exact length of a range proof for dimension `d` at bit width `nBits` (section 12.3): 544 for d = 1 at 8 bits. */
export declare function rangeProofLength(d: number, nBits: number): number;
/**
 * What this package checks of a range proof without a Bulletproofs verifier: its exact length
 * for the rule and, for `d > 1`, canonical `V_l`. `null` when both hold (which does not make
 * the proof valid), otherwise why not.
 */
export declare function checkRangeProofForm(params: { rule: InputRule | Uint8Array; proof: Uint8Array }): string | null;
/**
 * Verifies an input's validity proof under the job's rule (an `InputRule` or its SCALE bytes):
 * `None` takes only the empty proof, `OneHot` is `verifyOneHot`, `Range` is not supported yet
 * (always false). Throws a `ProtocolError` (code `'rule'`) for a rule that does not decode.
 */
export declare function verifyValidity(params: InputContext & {
  d: number;
  rule: InputRule | Uint8Array;
  c0: Uint8Array;
  proof: Uint8Array;
}): boolean;
