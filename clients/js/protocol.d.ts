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

export declare function lagrangeAtZero(indices: number[]): bigint[];
export declare function verifyResultShare(index: number, values: bigint[], blinding: bigint, aggregate: unknown[]): boolean;
/** Re-verifies `t + 1` result shares, the reconstruction and the output check. */
export declare function verifyOutput(params: {
  d: number;
  aggregate: unknown[];
  shares: { index: number; values: bigint[]; blinding: bigint }[];
}): { y: bigint[]; blinding: bigint; values: bigint[] };
