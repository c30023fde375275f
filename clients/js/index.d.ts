import type { ApiPromise } from '@polkadot/api';
import type { Interface, InterfaceAbi } from 'ethers';
import type { AddressOrPair, ApiDecoration } from '@polkadot/api/types';

import type { Submission, InputRule, DealParams } from './protocol.js';

export * from './protocol.js';

/**
 * An error from the chain, named after the pallet error (`errorName` is `Mpc.NotCollecting`,
 * `Mpc.AlreadySubmitted`, ...), or a client-side condition without the `Mpc.` prefix:
 * `Timeout`, `JobFailed`, `JobCancelled`, `NoCommittee` (a job failed without a committee),
 * `NotDrawn` (no committee yet), `CommitteeChanged` (a committee whose digest is not the job's,
 * read in one block state), `NoRecord`, `HistoryUnavailable`, `UnexpectedMetadata`, and for
 * the beacon `NoBeaconRound`, `BeaconRoundOpen`, `NoBeaconKey`; for threshold keys `KeyFailed`,
 * `SignatureFailed` and `RefreshFailed` (a key, a signing request or a refresh ended without).
 * Contracts: errors of
 * pallet-revive (`Revive.OutOfGas`, `Revive.ContractReverted`, ...), `ContractReverted` (a
 * {@link ContractError}), `CompileError`, `AccountUnmapped`, `BadArgument`,
 * `NoInstantiatedEvent`.
 */
export declare class MpcError extends Error {
  readonly errorName: string;
}

export interface JobSpec {
  committeeSize: number;
  threshold: number;
  dimension?: number;
  decimals?: number;
  /** In blocks. */
  inputWindow: number;
  maxInputs: number;
  minInputs?: number;
  allowedProviders?: string[] | null;
  metadata?: string;
  /**
   * Paid to each member whose result share was valid once the job completes; `rewardPerWorker`
   * times `committeeSize` is held in escrow from the creation. A job that ends without a result
   * after its committee was seated (`Failed` with `TooFewInputs`, or `Cancelled` from
   * `Collecting`) pays each member `minRewardPerWorker` for its seat from the escrow before
   * the rest returns. Default: the chain's `minRewardPerWorker`.
   */
  rewardPerWorker?: bigint | number;
  /**
   * What a valid input is (PROTOCOL.md section 12.1); default `'None'` (any value). Every input
   * to a job with a rule carries a proof that it obeys it. The chain refuses a rule that does
   * not fit the job (`d` pairs, `lo <= hi`, `hi - lo < 2^64`) with `Mpc.InvalidInputRule`.
   * {@link submitInput} deals to jobs of every rule; range proofs need the wasm prover
   * ({@link loadProver}, built by scripts/wasm).
   */
  inputRule?: InputRuleSpec;
}

/** A range bound: BigInt, a safe integer, or a decimal string with the job's decimals (`'12.50'`). */
export type RuleBound = bigint | number | string;

/**
 * The shapes of an input rule that {@link createJob} and {@link normalizeInputRule} take:
 * `'None'`; `'OneHot'` (no abstention); `{ oneHot: { abstain } }` / `{ OneHot: { abstain } }`
 * (`abstain` default `false`: a ballot, one value 1 and the others 0; with `abstain`, all 0
 * too); `{ range: [[lo, hi], ...] }` / `{ Range: [[lo, hi], ...] }` (one pair per dimension);
 * `{ none: null }`; or the protocol form `InputRule`.
 */
export type InputRuleSpec =
  | 'None'
  | 'OneHot'
  | null
  | { none: null }
  | { None: null }
  | { oneHot: { abstain?: boolean } | null }
  | { OneHot: { abstain?: boolean } | null }
  | { range: [RuleBound, RuleBound][] }
  | { Range: [RuleBound, RuleBound][] }
  | { type: 'None' }
  | { type: 'OneHot'; abstain?: boolean }
  | { type: 'Range'; bounds: [RuleBound, RuleBound][] };

/**
 * An input rule in the protocol form (`{ type: 'None' }`, `{ type: 'Range', bounds }` with
 * BigInt bounds, `{ type: 'OneHot', abstain }`) from any {@link InputRuleSpec}; range bounds
 * given as decimal strings are read with `decimals` (default 0). Throws a `ProtocolError`
 * (code `'rule'`, `'decimal'` or `'range'`) for a malformed rule; checks the form only (the
 * chain checks a rule against the job).
 */
export declare function normalizeInputRule(rule: InputRuleSpec | undefined, options?: { decimals?: number }): InputRule;

/** A job's phase: the pallet's `JobPhase` variant name (PROTOCOL.md section 10). */
export type JobPhase = 'Drawing' | 'Collecting' | 'Verifying' | 'Computing' | 'Completed' | 'Settled' | 'Failed' | 'Cancelled';

/** Why a job is `Failed`. */
export type FailureReason = 'TooFewInputs' | 'NotEnoughResultShares' | 'NoCommittee';

export interface Job {
  owner: string;
  n: number;
  t: number;
  d: number;
  decimals: number;
  /** `Drawing` while it waits for its committee draw (PROTOCOL.md section 11.7). */
  phase: JobPhase;
  /** The reason of a `Failed` phase, `null` otherwise. */
  failureReason: FailureReason | null;
  /** The beacon round its committee is drawn with, while in `Drawing` (`mpc.drawings`); `null` otherwise. */
  drawRound: number | null;
  /** The block its phase ends in (in `Drawing`: the last block for the draw, `DrawWindow` after creation). */
  deadline: number;
  maxInputs: number;
  inputCount: number;
  qualifiedCount: number;
  /** Settled, failed or cancelled. */
  ended: boolean;
  timeline: Timeline;
  /**
   * Hex of the digest of its committee (PROTOCOL.md section 10), which an input must name
   * (`Mpc.CommitteeMismatch` otherwise); 32 zero bytes while `Drawing`.
   */
  committeeDigest: string;
  /** What a valid input is (PROTOCOL.md section 12.1); `{ type: 'None' }` for any value. */
  inputRule: InputRule;
}

/** The block at which each phase ended (`null` until it has). */
export interface Timeline {
  created: number;
  /**
   * The block its committee was drawn in and collecting began: `created` when no draw was
   * needed, `null` while it waits in `Drawing` (and for a job that ended there).
   */
  drawn: number | null;
  inputsClosed: number | null;
  computingStarted: number | null;
  completed: number | null;
  ended: number | null;
}

export interface JobResult {
  /** Exact sums; `null` where the output leaves the i128 range. */
  sums: (bigint | null)[];
  means: (bigint | null)[];
  qualifiedInputs: number;
  decimals: number;
  /** Sums with the job's decimals, e.g. `"19246.50"`. */
  formatted: string[];
  formattedMeans: string[];
}

export interface ProofOfMpcRecord {
  jobId: bigint;
  n: number;
  t: number;
  d: number;
  /**
   * The rule every input proved it obeys (`ProofOfMpc.input_rule`, PROTOCOL.md section 12.1).
   * A record without one (built by hand, or of a chain without rules) is audited as `None`.
   */
  inputRule?: InputRule;
  /** In committee order: worker `i` (1-based) is `committee[i - 1]`; `key` is `E_i` in hex. */
  committee: { account: string; key: string }[];
  inputCount: number;
  /** Hex of `D_{inputCount}` (PROTOCOL.md section 10). */
  inputsDigest: string;
  /** Indices of the disqualified inputs. */
  disqualified: number[];
  /** Hex of `Ĉ_0..Ĉ_t`. */
  aggregate: string[];
  /** The accepted result shares `(S_i, U_i)` by 1-based worker index, scalars in hex. */
  resultShares: { index: number; sumShares: string[]; blinding: string }[];
  result: JobResult & { output: string[]; reconstructedFrom: number[] };
  timeline: Timeline;
}

/** The job's `mpc.CommitteeDrawn` event, as {@link readJobHistory} finds it. */
export interface CommitteeDrawnEvent {
  block: number;
  /** The draw round; `null` when no draw was needed. */
  round: number | null;
  /** Member `i` is `committee[i - 1]`. */
  committee: string[];
  /** The same members' 32-byte accounts. */
  accounts: Uint8Array[];
  /** Emitted in the block's initialization (a draw), not in an extrinsic. */
  initialization: boolean;
  /** The extrinsic it was emitted in (the creation, when no draw was needed), or `null`. */
  extrinsic: number | null;
  /** The accounts earlier `mpc.CommitteeDrawn` events of the same block seated, in order. */
  seatedBefore: string[];
}

/** What {@link readJobHistory} finds in the chain's blocks; byte fields as Uint8Array. */
export interface JobHistory {
  from: number;
  to: number;
  /** The job's `mpc.JobCreated` event: its extrinsic and draw round (`null`: no draw needed). */
  created: { block: number; extrinsic: number | null; drawRound: number | null } | null;
  /** The job's `mpc.CommitteeDrawn` event. */
  drawn: CommitteeDrawnEvent | null;
  /** Accepted inputs: the `mpc.InputSubmitted` events with their extrinsics' submissions. */
  inputs: {
    index: number;
    provider: string;
    /** The provider's 32-byte account (`P_k`). */
    providerKey: Uint8Array;
    block: number;
    extrinsic: number;
    /** The `committee_digest` its `submit_input` call names. */
    committeeDigest: Uint8Array;
    /**
     * The `validity` its `submit_input` call carries (PROTOCOL.md section 12): empty for a job
     * without a rule; `null` or absent on a chain without input rules (no proof).
     */
    validity?: Uint8Array | null;
    submission: Submission;
  }[];
  /** Disqualifications: the `mpc.InputDisqualified` events with their complaints `(K_i, proof)`. */
  complaints: (HistoryComplaint & {
    sharedKey: Uint8Array;
    proof: Uint8Array;
  })[];
  /**
   * Redundant complaints: the `mpc.ComplaintRedundant` events, each a successful, free
   * `complain` about an input another member's complaint had disqualified already (the chain
   * does not judge it; PROTOCOL.md section 10). Absent in a history built by hand: none.
   */
  redundantComplaints?: HistoryComplaint[];
}

/** A complaint event of the job, matched to its `complain` call. */
export interface HistoryComplaint {
  /** The input it names. */
  index: number;
  /** The complaining member, 1-based. */
  workerIndex: number;
  block: number;
  extrinsic: number;
  /** The event's position in the block's events (orders complaints within a block). */
  event?: number;
  /** The `R` its call names the input by. */
  ephemeralKey?: Uint8Array;
}

/** The outcome of a full audit (PROTOCOL.md section 10). */
export interface AuditReport {
  valid: boolean;
  /** Why the record does not pass, e.g. `input 2 (block 14): its dealing proof does not verify`. */
  reason?: string;
  jobId: bigint;
  /** The blocks read: `timeline.created..timeline.computingStarted`. */
  blocks?: { from: number; to: number };
  /**
   * The committee's draw: its round (`null`: no draw was needed) and block. After
   * {@link auditRecord} of a drawn job: `verified`, the round's `epoch`, `rho` (`ρ_r`, hex)
   * and the candidates the draw `skipped` (no longer eligible).
   */
  draw?: { round: number | null; block: number; verified?: true; epoch?: number; rho?: string; skipped?: string[] };
  /**
   * Each input; `validity`: how its validity proof was checked against the record's rule:
   * `'none'` (no rule: the proof is empty), `'verified'` (a one-hot proof, re-verified here),
   * `'not verified'` (a range proof: present, of its exact length and form
   * (`checkRangeProofForm`), not re-verified by this client).
   */
  inputs: { index: number; provider: string; block: number; qualified?: boolean; validity?: 'none' | 'verified' | 'not verified' }[];
  /** The record's input rule (`None` for a record without one), once the audit got to the inputs. */
  inputRule?: InputRule;
  /**
   * How many validity proofs were re-verified and how many were not (range proofs: this client
   * has no Bulletproofs verifier; `note` says so). An input whose one-hot proof does not verify,
   * or whose range proof has the wrong length or a non-canonical `V_l`, fails the audit.
   */
  validity?: { verified: number; notVerified: number; note?: string };
  disqualified: { index: number; workerIndex: number; worker: string; block: number }[];
  /**
   * The redundant complaints (`mpc.ComplaintRedundant`), each about an input disqualified
   * earlier; they disqualify nothing.
   */
  redundantComplaints: { index: number; workerIndex: number; worker: string; block: number }[];
  /** Recomputed from the chain's history (hex), as far as the audit got. */
  inputsDigest?: string;
  aggregate?: string[];
  /** The re-verified sums, when valid. */
  sums?: bigint[];
}

export interface Worker {
  account: string;
  key: string;
  bond: bigint;
  faults: number;
}

export declare function send(api: ApiPromise, signer: AddressOrPair, tx: unknown, options?: Record<string, unknown>): Promise<{ blockHash: string; events: unknown[] }>;
/** A created job: `drawRound` `null` when no draw was needed; `committee` `null` only when not waited for. */
export interface CreatedJob {
  jobId: bigint;
  drawRound: number | null;
  committee: string[] | null;
}
/**
 * Creates a job. With more workers in the pool than `committeeSize`, the job waits in `Drawing`
 * for beacon round `drawRound` (PROTOCOL.md section 11.7); with `waitForCommittee` (default
 * `true`) this waits for the draw. Rejects like {@link waitForCommittee}.
 */
export declare function createJob(api: ApiPromise, signer: AddressOrPair, spec: JobSpec, options?: {
  waitForCommittee?: boolean;
  /** For the draw; default 120 000. */
  timeoutMs?: number;
  onProgress?: (p: { block: number; phase: JobPhase; drawRound: number | null }) => void;
}): Promise<CreatedJob>;
/**
 * Waits until the job has a committee; resolves with its members' accounts in order. Rejects
 * with `MpcError` `NoCommittee` (failed without one), `JobCancelled`, `JobFailed`,
 * `Mpc.UnknownJob` or `Timeout`.
 */
export declare function waitForCommittee(api: ApiPromise, jobId: bigint | number, options?: {
  timeoutMs?: number;
  onProgress?: (p: { block: number; phase: JobPhase; drawRound: number | null }) => void;
}): Promise<string[]>;
/** The phases in which a job has ended. */
export declare const ENDED_PHASES: readonly ["Settled", "Failed", "Cancelled"];
/** A job as plain data; `api` may be decorated at a past block (`await api.at(hash)`) to read it as it was then. */
export declare function getJob(api: ApiPromise | ApiDecoration<'promise'>, jobId: bigint | number): Promise<Job | null>;
/** A job's committee, read in one block state. */
export interface Committee {
  /** Member `i` is `accounts[i - 1]` (SS58). */
  accounts: string[];
  /** The members' encryption keys `E_i` (32 bytes each), in committee order. */
  keys: Uint8Array[];
  /** The `committee_digest` an input dealt to `keys` names (PROTOCOL.md section 10); `null` without a committee. */
  digest: Uint8Array | null;
}
/** `at`: a block hash to read the committee in (default: the latest state); read the job in the same block. */
export declare function getCommittee(api: ApiPromise | ApiDecoration<'promise'>, jobId: bigint | number, options?: { at?: string | Uint8Array }): Promise<Committee>;
export declare function getCommitteeKeys(api: ApiPromise | ApiDecoration<'promise'>, jobId: bigint | number, options?: { at?: string | Uint8Array }): Promise<Uint8Array[]>;
/**
 * The wasm dealer and provers: `mpc-primitives` built to WebAssembly (crate `mpc-wasm`, built by
 * scripts/wasm into `dist/mpc_wasm.wasm`; PROTOCOL.md section 12.5). Made by {@link loadProver}.
 */
export interface WasmProver {
  /** Where the module came from (a path, a URL, or `'the given bytes'`). */
  readonly source: string;
  /** The module's memory (it may grow during a call). */
  readonly memory: WebAssembly.Memory;
  /**
   * Deals `values` to the committee `committee` (the 32-byte `E_i` in committee order; `keys`
   * is taken too) with the validity proof of `rule` (protocol form or SCALE bytes), as
   * `dealWithRule` does, range proofs included. A fresh 32-byte seed from
   * `crypto.getRandomValues` per call; the request is cleared once copied into the module.
   * Throws a `ProtocolError`: `'range'` (a value outside the rule's bounds or i128), `'ballot'`
   * (not a ballot under `OneHot`), `'threshold'`, `'dimension'`, `'rule'`, or `'wasm'`.
   */
  deal(params: Omit<DealParams, 'keys' | 'values'> & {
    committee?: Uint8Array[];
    keys?: Uint8Array[];
    values: (bigint | number)[];
    rule: InputRule | Uint8Array;
  }): { submission: Submission; validity: Uint8Array };
}
/** The module's default location: `dist/mpc_wasm.wasm` of this package. */
export declare const DEFAULT_WASM_URL: URL;
/**
 * Loads the wasm prover once and caches it (per path). `bytes`: the module itself (not cached);
 * otherwise `path` (a file path or `file:` URL in Node, a URL fetched in the browser), by
 * default `MPC_WASM` in Node, else {@link DEFAULT_WASM_URL}. Rejects with a `ProtocolError`
 * (code `'wasm'`, naming scripts/wasm) when the module cannot be read or is not mpc-wasm.
 */
export declare function loadProver(options?: {
  path?: string | URL;
  bytes?: Uint8Array | ArrayBuffer | WebAssembly.Module;
}): Promise<WasmProver>;

export interface SubmitInputOptions {
  /**
   * Who deals: `'wasm'` ({@link loadProver}; the only one that makes range proofs) or `'js'`
   * (`dealWithRule`). Default: the wasm dealer when its module loads, the JS one otherwise.
   */
  dealer?: 'wasm' | 'js';
  /** A prover from {@link loadProver} (or its promise) to use instead of the default module. */
  prover?: WasmProver | Promise<WasmProver>;
}
/**
 * Deals (in this process) and submits a private input: BigInt or decimal strings. Reads the job
 * and its committee in one block state and names the committee's digest. With the validity
 * proof of the job's input rule (PROTOCOL.md section 12): none for `None`; for `OneHot` the
 * values must be a ballot (else a `ProtocolError` with code `'ballot'`, before anything is sent)
 * and go with their one-hot proof; for `Range` they must lie within the bounds (else a
 * `ProtocolError` with code `'range'`, before anything is sent) and go with their range proof,
 * which only the wasm dealer makes: with the JS dealer, or when the module does not load, a
 * `Range` job throws a `ProtocolError` with code `'unsupported'`; `dealer: 'wasm'` with a module
 * that does not load throws one with code `'wasm'`. Resolves with the dealer that dealt. Rejects
 * with `MpcError` `Mpc.UnknownJob`, `NotDrawn`, `CommitteeChanged`, or the chain's error (e.g.
 * `Mpc.CommitteeMismatch` when the job has another committee where the input lands,
 * `Mpc.InvalidValidityProof`).
 */
export declare function submitInput(api: ApiPromise, signer: AddressOrPair, jobId: bigint | number, values: (bigint | number | string)[], options?: SubmitInputOptions): Promise<{ blockHash: string; events: unknown[]; dealer: 'wasm' | 'js' }>;
/**
 * The `mpc.submitInput(job_id, committee_digest, submission, validity)` extrinsic of a
 * submission dealt to the committee whose digest is `committeeDigest` (32 bytes or hex), with
 * its validity proof `validity` (bytes or hex; default `'0x'`, empty, for a job without a rule;
 * `dealWithRule` makes both), byte fields as hex.
 */
export declare function submitInputTx(api: ApiPromise, jobId: bigint | number, committeeDigest: Uint8Array | string, submission: Submission, validity?: Uint8Array | string): unknown;
/** What {@link reclaimInputDeposit} got back, from the `mpc.InputReclaimed` event. */
export interface ReclaimedDeposit {
  jobId: bigint;
  /** The input's index in the job. */
  index: number;
  /** The provider (SS58): the signer. */
  provider: string;
  /** The deposit released, in the chain's smallest unit; `0n` for a disqualified input (its deposit was forfeited). */
  amount: bigint;
  blockHash: string;
}
/**
 * The provider of an input to an ended job takes its input deposit back at once
 * (`mpc.reclaimInputDeposit`), instead of waiting for the chain's cleanup, which releases it
 * too; the input's data is removed. Rejects with `MpcError` `Mpc.UnknownJob`,
 * `Mpc.JobNotEnded`, or `Mpc.UnknownInput` (no input of the signer's is left in the job: none
 * submitted, reclaimed already, or released by the cleanup, which runs from the block the job
 * ends in).
 */
export declare function reclaimInputDeposit(api: ApiPromise, signer: AddressOrPair, jobId: bigint | number): Promise<ReclaimedDeposit>;
export declare function waitForResult(api: ApiPromise, jobId: bigint | number, options?: {
  timeoutMs?: number;
  onProgress?: (p: { block: number; phase: JobPhase; inputs: number; drawRound: number | null }) => void;
}): Promise<JobResult>;
export declare function getRecord(api: ApiPromise, jobId: bigint | number): Promise<ProofOfMpcRecord | null>;
/** Re-verifies the record's result shares, reconstruction, output, sums and means. */
export declare function verifyRecord(record: ProofOfMpcRecord): { valid: true; sums: bigint[] } | { valid: false; reason: string };
/**
 * The full audit (PROTOCOL.md section 10): the record (fetched, or `options.record`) against the
 * job's committee, inputs and complaints in the chain's blocks, and for a drawn committee
 * {@link verifyCommitteeDraw}. Rejects with `MpcError` `NoRecord`, or
 * `HistoryUnavailable` when a block is pruned: use an archive node
 * (`mpc-node --state-pruning archive --blocks-pruning archive`) for jobs older than 256 blocks.
 */
export declare function auditRecord(api: ApiPromise, jobId: bigint | number, options?: {
  record?: ProofOfMpcRecord;
  onProgress?: (p: { block: number; from: number; to: number }) => void;
}): Promise<AuditReport & { record: ProofOfMpcRecord }>;
/** Reads a job's inputs, disqualifications and redundant complaints from blocks `timeline.created..timeline.computingStarted`. */
export declare function readJobHistory(api: ApiPromise, jobId: bigint | number, timeline: Timeline, options?: {
  onProgress?: (p: { block: number; from: number; to: number }) => void;
  concurrency?: number;
}): Promise<JobHistory>;
/**
 * The full audit on a record and the history already read, for the chain `genesis`: the
 * committee against `mpc.CommitteeDrawn` (its block, phase and round), then steps 1-5.
 */
export declare function auditHistory(record: ProofOfMpcRecord, history: JobHistory, options: {
  genesis: Uint8Array;
  jobId?: bigint | number;
}): AuditReport;
export declare function listWorkers(api: ApiPromise): Promise<Worker[]>;

/** What {@link runLoad} runs; every field optional. */
export interface LoadOptions {
  /** Providers, each submitting one input (default 2000). */
  inputs?: number;
  /** Jobs the inputs are spread over (default `ceil(inputs / api.consts.mpc.maxInputsPerJob)`). */
  jobs?: number;
  /** Committee size of every job (default 5). */
  committee?: number;
  /** Threshold of every job (default 2). */
  threshold?: number;
  /** Values per input (default 1). */
  dimension?: number;
  /** Input window in blocks (default `max(60, ceil(inputs / 20))`, at most `maxInputWindow`). */
  window?: number;
  /** Provider `i` is the sr25519 account `${seed}//${i}` (default `'//load'`). */
  seed?: string;
  /** Unwatched submissions in flight at once (default 256). */
  concurrency?: number;
  /** Who deals: default the wasm dealer when its module loads, else the JS one. */
  dealer?: 'wasm' | 'js';
  /** How long to wait for the funding, and for the results after the submissions (default 900,000). */
  timeoutMs?: number;
  /** Keep every observed block in the figures (`perBlock`). */
  perBlock?: boolean;
}

/** One job of a load run. */
export interface LoadJobFigures {
  jobId: string;
  /** Its share of the inputs: its `max_inputs`. */
  maxInputs: number;
  /** Its `mpc.InputSubmitted` events. */
  inputs: number;
  /** The block of its `mpc.InputsClosed` (it reached `max_inputs`: the window's end). */
  inputsClosedBlock: number | null;
  computingStartedBlock: number | null;
  /** The block of its `mpc.JobCompleted`. */
  resultBlock: number | null;
  /** From `inputsClosedBlock` to `resultBlock`: blocks, and seconds of their timestamps. */
  windowEndToResult: { blocks: number | null; seconds: number | null };
  /** The exact sum of its providers' values (one per dimension when `dimension > 1`). */
  sumExpected: string | string[];
  sumOnChain: string | (string | null)[] | null;
  exact: boolean;
  /** The job's `FailureReason`, when it failed. */
  failed?: string;
}

/** The figures of a load run (JSON-safe: sums as strings). */
export interface LoadFigures {
  inputs: number;
  jobs: number;
  committee: number;
  threshold: number;
  dimension: number;
  window: number;
  concurrency: number;
  dealer: 'wasm' | 'js';
  /** Dealing alone, per input. */
  dealMsPerInput: number;
  signSeconds: number;
  /** Wall time of the submission phase (every input sent unwatched, the node's answers back). */
  submitSeconds: number;
  submitted: number;
  /** Submissions the node's pool refused, and why (by message). */
  refused: number;
  refusedReasons: Record<string, number>;
  /** `mpc.InputSubmitted` events of the run's jobs. */
  accepted: number;
  /** Every `System.ExtrinsicFailed` in the blocks observed, the chain's own included. */
  failedExtrinsics: number;
  /** Those signed by the run's accounts (the signer and the providers). */
  failedByLoad: number;
  /** All failures by `section.call: Section.Error`. */
  failedErrors: Record<string, number>;
  /** `mean` over the blocks that had inputs; `blocks` how many had. */
  inputsPerBlock: { max: number; mean: number; blocks: number };
  perJob: LoadJobFigures[];
  /** The sum of `slot delta - 1` over consecutive observed blocks (Aura slots). */
  slotsMissed: number;
  /** The most best minus finalized seen when a new best block was announced. */
  maxFinalityLag: number;
  outputsExact: boolean;
  blocksObserved: number;
  firstBlock: number | null;
  lastBlock: number | null;
  /** Not every job ended within `timeoutMs`: the missing figures are `null`. */
  timedOut: boolean;
  /**
   * Wall time of each phase, in order: `jobs`, `funding` (transfers sent), `funded` (until they
   * are all in blocks), `dealing`, `signing`, `submitting`, `waiting` (for the results).
   */
  phaseSeconds: Record<string, number>;
  wallSeconds: number;
  /** With `perBlock`: every observed block. */
  perBlock?: { number: number; slot: number | null; timestamp: number; inputs: number; failed: number; lag: number | null }[];
}

/**
 * A load run: creates the jobs (owner `signer`), funds `inputs` fresh providers from `signer`
 * (`balances.transferKeepAlive` with consecutive nonces), once they landed deals one input each
 * (provider `i` contributes `1000 + i % 1000`, so every sum is known exactly), submits them, and
 * follows
 * every block to the last result. Funding and inputs go unwatched (`author_submitExtrinsic`),
 * at most `concurrency` in flight: the node refuses more than 1,024 watched subscriptions per
 * connection. Rejects with `MpcError` `InsufficientFunds` (before sending anything),
 * `FundingRefused`, `FundingStalled`, `FundingMissing`, `Timeout` (the funding), a
 * `ProtocolError` (code `'load'`) for options that do not fit the chain, or `createJob`'s errors.
 */
export declare function runLoad(api: ApiPromise, signer: AddressOrPair, options?: LoadOptions, hooks?: {
  onProgress?: (p: { phase: 'jobs' | 'funding' | 'funded' | 'dealing' | 'signing' | 'submitting' | 'waiting'; done: number; total: number; block?: number; inputs?: number }) => void;
}): Promise<LoadFigures>;

/** A committee draw that verified (PROTOCOL.md sections 11.6 and 11.7). */
export interface VerifiedCommitteeDraw {
  /** The draw round; `null` (and nothing else recomputed) when the job needed no draw. */
  round: number | null;
  epoch: number | null;
  /** `ρ_r` recomputed from the round's shares (32 bytes). */
  rho: Uint8Array | null;
  /** `seed_J` (32 bytes). */
  seed: Uint8Array | null;
  /** The job's candidates in pool order (`mpc.drawings`). */
  candidates: string[] | null;
  committee: string[];
  /** The candidates the draw placed but did not keep (no longer eligible), in draw order. */
  skipped: string[];
  /** The block whose initialization drew it (the creation block when no draw was needed). */
  block: number;
}
/**
 * Checks a committee against the draw of section 11.6 on data already read: `pool` is
 * `mpc.workerList` in the parent of the drawing block, `seatedBefore` the accounts earlier
 * draws of that block seated. A kept member must be in `pool`; a skipped candidate out of it,
 * or in `seatedBefore`. Throws a `ProtocolError` (code `'audit'`).
 */
export declare function checkCommitteeDraw(params: {
  rho: Uint8Array;
  jobId: bigint | number;
  candidates: string[];
  n: number;
  committee: string[];
  pool: string[];
  seatedBefore?: string[];
}): { seed: Uint8Array; drawn: number[]; skipped: string[] };
/** The job's `mpc.JobCreated` and `mpc.CommitteeDrawn` events, from blocks `timeline.created` and `timeline.drawn`. */
export declare function readCommitteeDraw(api: ApiPromise, jobId: bigint | number, timeline: Timeline): Promise<Pick<JobHistory, 'from' | 'to' | 'created' | 'drawn'>>;
/**
 * Re-verifies a job's committee draw from the chain: the events, the candidates, pool and
 * beacon round (verified from its shares) in the parent of the drawing block, and the draw.
 * Throws a `ProtocolError` on a mismatch; rejects with `MpcError` `HistoryUnavailable` (pruned
 * state: use an archive node), `NotDrawn`, `NoBeaconRound`, `NoBeaconKey` or `Mpc.UnknownJob`
 * when it cannot check.
 */
export declare function verifyCommitteeDraw(api: ApiPromise, jobId: bigint | number, options?: {
  timeline?: Timeline;
  n?: number;
  history?: Pick<JobHistory, 'created' | 'drawn'>;
}): Promise<VerifiedCommitteeDraw>;

/**
 * A stored beacon round (PROTOCOL.md section 11.5). Round and epoch numbers are u64 on the chain,
 * plain numbers here (pass `BigInt(round.epoch)` to the protocol functions).
 */
export interface BeaconRound {
  round: number;
  /** The epoch whose key serves it. */
  epoch: number;
  /** The block it opened in (or moved to its epoch in, after its old key's committee did not finish it). */
  opened: number;
  /**
   * `s_r` (32 bytes): the hash of the parent of block `opened`. The round's point `P_r` binds it,
   * so the same round opened on two branches of a fork has two unrelated outputs.
   */
  seed: Uint8Array;
  /** The valid shares in arrival order (`t_B + 1` once complete): 1-based member index, `Y_i`, DLEQ proof `c || z`. */
  shares: { index: number; Y: Uint8Array; proof: Uint8Array }[];
  /** `ρ_r` (32 bytes); `null` while the round is open. */
  output: Uint8Array | null;
  /** The block the output was published in; `null` while the round is open. */
  publishedAt: number | null;
}

/** An epoch's group key (PROTOCOL.md section 11.4). */
export interface BeaconKey {
  epoch: number;
  /** The committee's accounts in order: member `i` is `members[i - 1]`. */
  members: string[];
  /** Their encryption keys `E_i` (32 bytes each). */
  memberKeys: Uint8Array[];
  /** `n_B`, the committee size. */
  n: number;
  /** `t_B = floor((n_B - 1) / 2)`. */
  t: number;
  /** The qualified dealers' indices, whose dealings sum to the key. */
  qualified: number[];
  /** `Â_0..Â_t` (32 bytes each); `Â_0` is the group key `X`. */
  commitments: Uint8Array[];
  /** `X_1..X_n` (32 bytes each). */
  publicShares: Uint8Array[];
  /** `keydigest_e` (32 bytes). */
  digest: Uint8Array;
  /** The block it became active in. */
  activated: number;
}

/** A round that verified. */
export interface VerifiedBeaconRound {
  round: number;
  epoch: number;
  /** `ρ_r` as recomputed here (equal to the chain's). */
  output: Uint8Array;
  verified: true;
}

/** The latest completed beacon round's number (runtime API `MpcBeaconApi_latest_round`), `null` before the first. */
export declare function latestBeaconRound(api: ApiPromise): Promise<number | null>;
/** A stored beacon round (the open one or a recent completed one); `null` if not stored. */
export declare function getBeaconRound(api: ApiPromise, round: bigint | number): Promise<BeaconRound | null>;
/** An epoch's group key while the chain keeps it; `null` otherwise. */
export declare function getBeaconKey(api: ApiPromise, epoch: bigint | number): Promise<BeaconKey | null>;
/**
 * Verifies a completed round against its epoch's key for the chain `genesis`: the key digest and
 * public shares, each share's DLEQ proof (on `P_r` of the round's number, epoch and `seed`), the
 * combination and the stored output. Throws a
 * `ProtocolError` (code `'beacon'`) saying what failed.
 */
export declare function checkBeaconRound(round: BeaconRound, key: BeaconKey, options: { genesis: Uint8Array }): VerifiedBeaconRound;
/**
 * Reads a round and its key from the chain and verifies them ({@link checkBeaconRound}). Rejects
 * with a `ProtocolError` (code `'beacon'`) when the round does not verify, and with an `MpcError`
 * `NoBeaconRound`, `BeaconRoundOpen` or `NoBeaconKey` when it cannot be checked.
 */
export declare function verifyBeaconRound(api: ApiPromise, round: bigint | number, options?: {
  /** A block hash to read the round and its key in (for a round pruned since). */
  at?: string | Uint8Array;
}): Promise<VerifiedBeaconRound>;
/**
 * Pays `api.consts.mpc.roundRequestFee` for a beacon round whose output nobody knows yet; with
 * `wait`, waits for it and verifies it.
 */
export declare function requestRound(api: ApiPromise, signer: AddressOrPair, options?: {
  wait?: boolean;
  timeoutMs?: number;
}): Promise<{ round: number; blockHash: string; verified?: VerifiedBeaconRound }>;
/** Waits for a completed round numbered above `after` (default: any); rejects with `MpcError('Timeout')`. */
export declare function waitForBeaconRound(api: ApiPromise, options?: {
  after?: bigint | number;
  timeoutMs?: number;
  onProgress?: (p: { block: number; latest: number | null }) => void;
}): Promise<BeaconRound>;

// ---- threshold keys (PROTOCOL.md section 14; src/keys.js) ---------------------------------------

/** A key's status: the pallet's `KeyStatus` variant name. */
export type KeyStatus = 'Drawing' | 'Generating' | 'Active' | 'Expired' | 'Failed';
/** The step of a DKG attempt (PROTOCOL.md sections 14.3-14.5). */
export type DkgStep = 'Round1' | 'Round2' | 'Complaints';
/** The pallet's `KeyStatus` variant names, in order. */
export declare const KEY_STATUSES: readonly ['Drawing', 'Generating', 'Active', 'Failed'];
/** The pallet's `SignState` variant names, in order. */
export declare const SIGN_STATES: readonly ['Open', 'Signed', 'Failed'];

/** A member of a key's committee. */
export interface KeyMember {
  /** The worker's account (SS58). */
  account: string;
  /** Its encryption key `E_i` as stored when the key was created (hex, 32 bytes). */
  key: string;
}

/**
 * A threshold key as plain data ({@link thresholdKey}). Every field is there whatever the
 * status; those of another status are `null` (or `[]` for lists). Hex without `0x`.
 */
export interface ThresholdKey {
  id: bigint;
  /** Who asked for it (SS58): it alone asks it to sign and gets the deposit back. */
  owner: string;
  /** `t`: any `t + 1` members sign. */
  threshold: number;
  /** The committee size `n`. */
  size: number;
  /** The storage deposit held from the owner. */
  deposit: bigint;
  /** The block it was requested in. */
  created: number;
  /** Signing requests not ended yet. */
  openRequests: number;
  status: KeyStatus;
  /** `Drawing`: the beacon round that draws its committee. */
  drawRound: number | null;
  /** `Drawing`: the pool at the request, in pool order. */
  candidates: string[];
  /** `Drawing`: the block by which it is drawn; `Generating`: the block the step ends or times out in. */
  until: number | null;
  /** `Generating`: the attempt that runs; `Active`: the DKG attempt that made it. */
  attempt: number | null;
  /**
   * `Generating`: the attempt's members in order (member `i` at `members[i - 1]`); `Active`: the
   * committee that made the key, identifier `i` at `members[i - 1]` for the key's life (those
   * holding shares now are {@link ThresholdKey.ids}).
   */
  members: KeyMember[];
  /** `Generating`: the step. */
  step: DkgStep | null;
  /** `Generating`: the first block of the step. */
  opened: number | null;
  /** `Generating`: the members (1-based) that posted in the step. */
  posted: number[];
  /** `Active`: the group key `Y` (hex, 32 bytes). */
  groupKey: string | null;
  /** `Active`: the account whose 32 bytes are `Y` (SS58): it moves funds only with `t + 1` members' signature. */
  account: string | null;
  /**
   * `Active`: the identifiers of the members that hold shares now, increasing: `1..n` until a
   * refresh leaves members out (PROTOCOL.md section 14.10).
   */
  ids: number[];
  /** `Active`: the verifying shares `Y_i` of the members {@link ThresholdKey.ids}, in that order (hex). */
  verifyingShares: string[];
  /** `Active`: the key's digest (PROTOCOL.md section 14.5; hex). */
  digest: string | null;
  /** `Active`: the block it was made in. */
  activated: number | null;
  /** `Active`: the number of completed refreshes (0 until the first). */
  epoch: number | null;
  /** `Active`: the first block of the epoch (made, last refreshed, or a failed refresh ended). */
  epochStart: number | null;
  /** `Active`: the attempt of the refresh running, or `null`. */
  refreshing: number | null;
  /** `Expired`: the block it expired in (it lived its last epoch and signs no more). */
  expiredAt: number | null;
  /** `Failed`: the block it failed in. */
  failedAt: number | null;
}

/** A signing request as plain data ({@link signatureRequest}). */
export interface SignatureRequest {
  id: bigint;
  key: bigint;
  /** Who asked (SS58): it gets the deposit back. */
  requester: string;
  /** The message `m`. */
  message: Uint8Array;
  /** The storage deposit held from the requester. */
  deposit: bigint;
  /** The request fails in this block if not signed. */
  deadline: number;
  /** The attempt `b`. */
  attempt: number;
  /** Members left out of the request (a bad or a missing share). */
  excluded: number[];
  /** The attempt's commitments `(D_i, F_i)` in arrival order (hex): the first `threshold + 1` are the signers'. */
  commitments: { member: number; hiding: string; binding: string }[];
  /** The block the signers were fixed in, or `null`. */
  fixed: number | null;
  /** The attempt's valid shares `z_i` (hex). */
  shares: { member: number; share: string }[];
  state: 'Open' | 'Signed' | 'Failed';
  /** `Signed`: `R || z` (64 bytes), an Ed25519 signature by the key, verified by the chain. */
  signature: Uint8Array | null;
  signedAt: number | null;
  failedAt: number | null;
}

/** A message to sign: bytes, `0x` and hex digits, or text (signed as its UTF-8 bytes). */
export type KeyMessage = Uint8Array | string;

/**
 * Asks for a key of `size` workers, any `threshold + 1` of whom sign (`mpc.createKey`; the signer
 * owns it, pays `keyFee` and holds a deposit). Resolves with the key's id from `mpc.KeyRequested`.
 * Rejects with the chain's error (`Mpc.InvalidThreshold`, `Mpc.NotEnoughWorkers`, ...).
 */
export declare function createKey(api: ApiPromise, signer: AddressOrPair, spec: { size: number; threshold: number }): Promise<bigint>;
/** A key as plain data, or `null` when not stored (never created, or removed). */
export declare function thresholdKey(api: ApiPromise | ApiDecoration<'promise'>, keyId: bigint | number): Promise<ThresholdKey | null>;
/**
 * Waits until the key is `Active` and resolves with it. Rejects with `MpcError` `KeyFailed`,
 * `Mpc.UnknownKey` or `Timeout` (default 180 s).
 */
export declare function waitForKey(api: ApiPromise, keyId: bigint | number, options?: {
  timeoutMs?: number;
  onProgress?: (p: { block: number; status: KeyStatus; attempt: number | null; step: DkgStep | null }) => void;
}): Promise<ThresholdKey>;
/**
 * The key's owner asks it to sign `message` (`mpc.requestSignature`; pays `signFee`, holds a
 * deposit). Resolves with the request's id from `mpc.SignatureRequested`. A message longer than
 * `maxSignMessage` throws a `ProtocolError` (code `'message'`) before sending. Rejects with
 * `Mpc.NotKeyOwner`, `Mpc.UnknownKey`, `Mpc.KeyNotActive`, `Mpc.TooManyOpenSignatures`, ...
 */
export declare function requestSignature(api: ApiPromise, signer: AddressOrPair, keyId: bigint | number, message: KeyMessage): Promise<bigint>;
/** A signing request as plain data, or `null` when not stored (never made, or removed). */
export declare function signatureRequest(api: ApiPromise | ApiDecoration<'promise'>, requestId: bigint | number): Promise<SignatureRequest | null>;
/**
 * Waits until the request is signed and resolves with the signature (64 bytes). Rejects with
 * `MpcError` `SignatureFailed`, `Mpc.UnknownSignRequest` or `Timeout` (default 120 s).
 */
export declare function waitForSignature(api: ApiPromise, requestId: bigint | number, options?: {
  timeoutMs?: number;
  onProgress?: (p: { block: number; state: 'Open' | 'Signed' | 'Failed'; attempt: number; commitments: number; shares: number }) => void;
}): Promise<Uint8Array>;
/**
 * Whether `signature` (64 bytes or hex) is a valid Ed25519 signature (RFC 8032) of `message` by
 * the group key (32 bytes, hex, or the key's SS58 account), checked with `@polkadot/util-crypto`'s
 * `ed25519Verify`. Throws a `ProtocolError` (`'key'`, `'signature'`, `'message'`) for an
 * argument of the wrong form.
 */
export declare function verifyKeySignature(groupKey: Uint8Array | string, message: KeyMessage, signature: Uint8Array | string): boolean;
/** A message as the bytes that are signed: bytes as they are, `0x` hex as its bytes, other text as UTF-8. */
export declare function keyMessage(message: KeyMessage): Uint8Array;
/** A group key's 32 bytes from bytes, 64 hex digits (`0x` optional) or the key's SS58 account. */
export declare function groupKeyBytes(groupKey: Uint8Array | string): Uint8Array;
/**
 * The owner removes an `Active` or `Failed` key without open requests (`mpc.removeKey`); its
 * deposit returns. Rejects with `Mpc.UnknownKey`, `Mpc.NotKeyOwner`, `Mpc.KeyNotEnded`,
 * `Mpc.KeyInUseBySignRequest` or `Mpc.RefreshInProgress`.
 */
export declare function removeKey(api: ApiPromise, signer: AddressOrPair, keyId: bigint | number): Promise<{ blockHash: string }>;
/** What {@link refreshKey} and {@link leaveKey} resolve with. */
export interface RefreshStarted {
  blockHash: string;
  /** The refresh's first attempt (the key's attempts go on from its last one). */
  attempt: number;
  /** Its members (SS58), in increasing order of identifier. */
  members: string[];
}
/**
 * Starts a refresh of the key (`mpc.refreshKey`, PROTOCOL.md section 14.10): the same `Y` and
 * account, new shares for the same members. The owner may at any time; anyone once
 * `keyEpochLength` blocks passed since the epoch started; at most `maxKeyRefreshes` refreshes
 * per key. Rejects with `Mpc.UnknownKey`, `Mpc.KeyNotActive`, `Mpc.RefreshInProgress`,
 * `Mpc.TooManyRefreshes`, `Mpc.EpochNotOver` or `Mpc.TooManyPendingKeys`.
 */
export declare function refreshKey(api: ApiPromise, signer: AddressOrPair, keyId: bigint | number): Promise<RefreshStarted>;
/**
 * A member (its worker account) leaves the key (`mpc.leaveKey`): the key is refreshed without
 * it, and once that completes it holds nothing of the key. Rejects as {@link refreshKey} (but
 * never `Mpc.EpochNotOver`), and with `Mpc.NotKeyMember` or `Mpc.TooFewMembers`.
 */
export declare function leaveKey(api: ApiPromise, signer: AddressOrPair, keyId: bigint | number): Promise<RefreshStarted>;
/**
 * Waits until the key has completed `epoch` refreshes and none runs, and resolves with it.
 * Rejects with `MpcError` `RefreshFailed` (a refresh seen running ended without new shares), `KeyExpired`,
 * `KeyFailed`, `Mpc.UnknownKey` or `Timeout` (default 180 s).
 */
export declare function waitForRefresh(api: ApiPromise, keyId: bigint | number, epoch: number, options?: {
  timeoutMs?: number;
  onProgress?: (p: { block: number; epoch: number | null; refreshing: number | null; step: DkgStep | null }) => void;
}): Promise<ThresholdKey>;
/**
 * The requester removes an ended request (`mpc.removeSignature`); its deposit returns. Rejects
 * with `Mpc.UnknownSignRequest`, `Mpc.NotRequester` or `Mpc.RequestOpen`.
 */
export declare function removeSignature(api: ApiPromise, signer: AddressOrPair, requestId: bigint | number): Promise<{ blockHash: string }>;

// ---- privacy smart contracts (PROTOCOL.md section 13; src/contracts.js) ------------------------

/** The MPC precompile's address, `0x000000000000000000000000000000000D000000`. */
export declare const MPC_PRECOMPILE: string;
/** The precompile's ABI (contracts/IMpc.sol, and the consumer's `onMpcResult`), human-readable. */
export declare const MPC_ABI: readonly string[];
/** {@link MPC_ABI} as an ethers `Interface`. */
export declare const mpcInterface: Interface;
/** `job(jobId).phase` as pallet-mpc's `JobPhase` variant name, by SCALE index. */
export declare const JOB_PHASE_NAMES: readonly ['Collecting', 'Verifying', 'Computing', 'Completed', 'Settled', 'Failed', 'Cancelled', 'Drawing'];
/** `'cancun'`: what the contracts are compiled for by default. */
export declare const DEFAULT_EVM_VERSION: string;

/**
 * A contract call that reverted (`errorName` `'ContractReverted'`): `reason` is the string of
 * `Error(string)` (the precompile's refusals: `NotEnded`, `NoCallback`, a pallet error name), the
 * name of a custom error of the contract's ABI, `Panic(0x..)`, or `null` when undecodable.
 */
export declare class ContractError extends MpcError {
  readonly reason: string | null;
  readonly args: unknown[];
  /** The raw revert data, hex. */
  readonly data: string;
}

/** An ABI: JSON (array or text), human-readable strings, an artifact with `abi`, or an ethers `Interface`. */
export type ContractAbi = InterfaceAbi | Interface | { abi: InterfaceAbi } | { interface: Interface };

/** A compiled contract (EVM bytecode). */
export interface ContractArtifact {
  name: string;
  file: string;
  abi: unknown[];
  /** Init code (constructor arguments go after it). */
  bytecode: Uint8Array;
  /** Runtime code, immutables not filled in. */
  deployedBytecode: Uint8Array;
  interface: Interface;
}

export interface CompileOptions {
  /** Default {@link DEFAULT_EVM_VERSION}. */
  evmVersion?: string;
  /** Default true, with `runs` 200. */
  optimize?: boolean;
  runs?: number;
  viaIR?: boolean;
  /** Also return interfaces and abstract contracts (empty bytecode). */
  includeInterfaces?: boolean;
}

export interface CompileResult {
  /** By contract name, and by `file:name`. */
  contracts: Record<string, ContractArtifact>;
  warnings: string[];
  version: string;
}

/** Compiles Solidity with solc (loaded on first use). Rejects with `MpcError('CompileError')`. */
export declare function compileSolidity(sources: Record<string, string>, options?: CompileOptions & { readImport?: (path: string) => string }): Promise<CompileResult>;
/** Compiles a file and its imports (read relative to its folder; Node). */
export declare function compileContractFile(path: string, options?: CompileOptions): Promise<CompileResult>;
/** An ethers `Interface` from any {@link ContractAbi}. */
export declare function contractInterface(abi: ContractAbi): Interface;

/** A 20-byte address as lower-case hex with `0x`. */
export declare function normalizeAddress(address: string | Uint8Array): string;
/** The Substrate account (SS58) of a contract: its address and twelve 0xEE bytes. */
export declare function contractAccount(address: string | Uint8Array, options?: { ss58Format?: number }): string;
/** The Ethereum address (`msg.sender`) of a Substrate account, as pallet-revive maps it. */
export declare function ethAddress(account: string | Uint8Array): string;
/** The 32 bytes of a Substrate account as hex: a `bytes32` argument (an allowed provider). */
export declare function accountBytes32(account: string | Uint8Array): string;
/**
 * Makes sure the signer may call contracts (sends `revive.mapAccount()` where needed); rejects
 * with `MpcError('AccountUnmapped')` on an AutoMap chain for an account it never mapped.
 */
export declare function ensureMapped(api: ApiPromise, signer: AddressOrPair): Promise<{ address: string; mapped: true; sent: boolean }>;

export interface Weight {
  refTime: bigint;
  proofSize: bigint;
}

export interface DryRun {
  weightConsumed: Weight;
  weightRequired: Weight;
  storageDeposit: { charge: bigint; refund: bigint };
  maxStorageDeposit: { charge: bigint; refund: bigint };
  /** Ethereum gas (fee and deposit together, at GasScale). */
  gasConsumed: bigint;
  /** A dispatch error (`Revive.OutOfGas`, ...), or null. */
  error: MpcError | null;
  reverted: boolean;
  /** Return (or revert) data, hex. */
  data: string;
}

/** Dry-runs a call (`ReviveApi.call`); nothing is stored. `value` in native planck. */
export declare function dryRunCall(api: ApiPromise, from: AddressOrPair | null | undefined, dest: string, data: string | Uint8Array, options?: {
  value?: bigint | number;
  weightLimit?: Weight | null;
  storageDepositLimit?: bigint | null;
  at?: string;
}): Promise<DryRun>;
/** Dry-runs an instantiation of EVM init code (arguments appended). */
export declare function dryRunInstantiate(api: ApiPromise, from: AddressOrPair, code: string | Uint8Array, options?: { value?: bigint | number; salt?: string | Uint8Array | null }): Promise<DryRun & { address: string | null }>;
/** A `ContractError` for revert data, decoded with `iface` where it can. */
export declare function revertError(data: string | Uint8Array, iface?: Interface | null, where?: string): ContractError;

/** A contract event: decoded (`name`, `args`) or not (`name: null`, raw `topics` and `data`). */
export interface ContractEvent {
  contract: string;
  name: string | null;
  args: Record<string, unknown> | null;
  signature: string | null;
  topics?: string[];
  data?: string;
}

export type MpcEvent =
  | { name: 'JobCreated'; jobId: bigint; owner: string; callbackGas: bigint }
  | { name: 'CallbackDelivered'; jobId: bigint; success: boolean };

/** The `revive.ContractEmitted` events of `events`, raw. */
export declare function contractLogs(api: ApiPromise, events: unknown[]): { contract: string; topics: string[]; data: string }[];
/** Contract events decoded: `interfaces` maps addresses to ABIs; the precompile's are always decoded. */
export declare function decodeContractEvents(api: ApiPromise, events: unknown[], interfaces?: Record<string, ContractAbi>): ContractEvent[];
/** The precompile's `JobCreated` and `CallbackDelivered` events. */
export declare function mpcEvents(api: ApiPromise, events: unknown[]): MpcEvent[];

export interface ContractTx {
  blockHash: string;
  events: unknown[];
  logs: ContractEvent[];
  dryRun: DryRun;
  /** The weight and storage deposit limits the transaction was sent with. */
  limits: { weight: Weight; deposit: bigint };
}

/**
 * Deploys `artifact` with `revive.instantiateWithCode` (limits from a dry run, `margin` percent
 * more; `value` in native planck goes to the contract). Rejects with a `ContractError` when the
 * constructor reverts in the dry run (nothing sent).
 */
export declare function deployContract(api: ApiPromise, signer: AddressOrPair, artifact: { abi: InterfaceAbi; bytecode: string | Uint8Array } | ContractArtifact, args?: unknown[], options?: {
  value?: bigint | number;
  salt?: string | Uint8Array | null;
  margin?: number;
}): Promise<ContractTx & { address: string; account: string; dryRun: DryRun & { address: string | null } }>;
/**
 * Calls `method(...args)` in a `revive.call` transaction (limits from a dry run). Rejects with a
 * `ContractError` when the dry run reverts (nothing sent).
 */
export declare function callContract(api: ApiPromise, signer: AddressOrPair, address: string, abi: ContractAbi, method: string, args?: unknown[], options?: {
  value?: bigint | number;
  margin?: number;
  extraWeight?: Weight | null;
  extraDeposit?: bigint;
}): Promise<ContractTx & { result: unknown }>;
/** Reads a view with a dry run: its decoded value (one value, or an object of named outputs). */
export declare function readContract(api: ApiPromise, address: string, abi: ContractAbi, method: string, args?: unknown[], options?: {
  from?: AddressOrPair;
  at?: string;
  withDryRun?: false;
}): Promise<any>;
export declare function readContract(api: ApiPromise, address: string, abi: ContractAbi, method: string, args: unknown[], options: {
  from?: AddressOrPair;
  at?: string;
  withDryRun: true;
}): Promise<{ value: any; dryRun: DryRun }>;
/** Reads a precompile view: `job`, `result`, `pendingCallback`, `nextRound`, `randomness`. */
export declare function readMpc(api: ApiPromise, method: 'job' | 'result' | 'pendingCallback' | 'nextRound' | 'randomness', args?: unknown[], options?: { from?: AddressOrPair; at?: string }): Promise<any>;
/** What `randomness(round, subject)` returns to the contract at `caller`, from the round's output `rho`. */
export declare function contractRandomness(rho: string | Uint8Array, caller: string | Uint8Array, subject: string | Uint8Array): Uint8Array;
/**
 * The callback job `jobId` still owes (the precompile's `pendingCallback` view), or null: the
 * contract it goes to, its gas, and what `fulfill` must still have for it.
 */
export declare function pendingCallback(api: ApiPromise, jobId: bigint | number, options?: { at?: string }): Promise<PendingCallback | null>;
export interface PendingCallback {
  /** The contract whose `onMpcResult` gets the outcome (lower-case hex). */
  consumer: string;
  callbackGas: bigint;
  /** The ref_time (picoseconds) `fulfill` must still have when it calls the callback. */
  refTimeNeeded: bigint;
  /** The storage deposit allowance (native unit) `fulfill` must still have. */
  depositNeeded: bigint;
  /** Proof size (bytes) fulfill must have left for the callback: the runtime's CallbackProofSize. */
  proofSizeNeeded: bigint;
}
/**
 * The precompile's `fulfill(jobId)` (anyone may): delivers an ended job's outcome to its
 * creator's `onMpcResult`. `delivered.success` is false when the callback reverted. Rejects with
 * a `ContractError` (`NoCallback`, `UnknownJob`, `NotEnded`).
 */
export declare function fulfill(api: ApiPromise, signer: AddressOrPair, jobId: bigint | number, options?: { margin?: number; abi?: ContractAbi | null }): Promise<ContractTx & {
  result: undefined;
  delivered: { jobId: bigint; success: boolean } | null;
  /** What `pendingCallback` returned before the call (null: none was owed). */
  callback: PendingCallback | null;
}>;
/** The runtime bytecode the chain stores for the contract at `address` (empty if none). */
export declare function contractCode(api: ApiPromise, address: string): Promise<Uint8Array>;
