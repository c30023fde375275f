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
