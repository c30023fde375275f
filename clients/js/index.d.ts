import type { ApiPromise } from '@polkadot/api';
import type { AddressOrPair } from '@polkadot/api/types';

export * from './protocol.js';

/** An error from the chain, named after the pallet error, e.g. `Mpc.InputWindowClosed`. */
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
  rewardPerWorker?: bigint | number;
}

export interface Job {
  owner: string;
  n: number;
  t: number;
  d: number;
  decimals: number;
  phase: 'Collecting' | 'Verifying' | 'Computing' | 'Completed' | 'Failed' | 'Cancelled';
  deadline: number;
  maxInputs: number;
  inputCount: number;
  qualifiedCount: number;
  settled: boolean;
  /** The block at which each phase ended (`null` until it has). */
  timeline: {
    created: number;
    inputsClosed: number | null;
    computingStarted: number | null;
    completed: number | null;
    ended: number | null;
  };
}

export interface JobResult {
  /** Exact sums; `null` where the output leaves the i128 range. */
  values: (bigint | null)[];
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
  committee: { account: string; key: string }[];
  inputCount: number;
  inputsDigest: string;
  disqualified: number[];
  aggregate: string[];
  resultShares: { index: number; values: string[]; blinding: string }[];
  result: JobResult & { output: string[]; reconstructedFrom: number[] };
}

export interface Worker {
  account: string;
  key: string;
  bond: bigint;
  faults: number;
}

export declare function send(api: ApiPromise, signer: AddressOrPair, tx: unknown, options?: Record<string, unknown>): Promise<{ blockHash: string; events: unknown[] }>;
export declare function createJob(api: ApiPromise, signer: AddressOrPair, spec: JobSpec): Promise<{ jobId: bigint; committee: string[] }>;
export declare function getJob(api: ApiPromise, jobId: bigint | number): Promise<Job | null>;
export declare function getCommitteeKeys(api: ApiPromise, jobId: bigint | number): Promise<Uint8Array[]>;
/** Deals (in this process) and submits a private input: BigInt or decimal strings. */
export declare function submitInput(api: ApiPromise, signer: AddressOrPair, jobId: bigint | number, values: (bigint | number | string)[]): Promise<{ blockHash: string; events: unknown[] }>;
export declare function waitForResult(api: ApiPromise, jobId: bigint | number, options?: {
  timeoutMs?: number;
  onProgress?: (p: { block: number; phase: Job['phase']; inputs: number }) => void;
}): Promise<JobResult>;
export declare function getRecord(api: ApiPromise, jobId: bigint | number): Promise<ProofOfMpcRecord | null>;
export declare function verifyRecord(record: ProofOfMpcRecord): { valid: true; values: bigint[] } | { valid: false; reason: string };
export declare function listWorkers(api: ApiPromise): Promise<Worker[]>;
