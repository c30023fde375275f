// substrate-mpc protocol v1 (docs/PROTOCOL.md) in JavaScript: what a data provider needs to
// deal a private input, and what anyone needs to re-verify a result.
//
// Built on audited primitives only: @noble/curves (ristretto255, RFC 9496), @noble/hashes
// (SHA-512) and @noble/ciphers (ChaCha20-Poly1305, RFC 8439). Its tests reproduce every
// dealing of the shared protocol vectors (primitives/tests/vectors/protocol-v1.json), the
// interoperability contract with the Rust implementation the chain runs.

import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';

const Point = ristretto255.Point;
/** The group order `l`. */
export const L = Point.Fn.ORDER;
const I128_MAX = (1n << 127n) - 1n;
const I128_MIN = -(1n << 127n);

const te = new TextEncoder();
/** Domain-separation tags (section by section). */
export const DST = Object.freeze({
  G: te.encode('substrate-mpc/v1/G'),
  H: te.encode('substrate-mpc/v1/H'),
  pop: te.encode('substrate-mpc/v1/pop'),
  dealing: te.encode('substrate-mpc/v1/dealing'),
  kdf: te.encode('substrate-mpc/v1/kdf'),
  share: te.encode('substrate-mpc/v1/share'),
  dleq: te.encode('substrate-mpc/v1/dleq'),
});

/** An error of the protocol layer, with a stable `code`. */
export class ProtocolError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
  }
}

// ---- bytes ---------------------------------------------------------------------------------

/** Concatenates byte arrays. */
export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** `u32le(x)`. */
export function u32le(x) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, Number(x), true);
  return b;
}

/** `u64le(x)`. */
export function u64le(x) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(x), true);
  return b;
}

/** Hex (with or without `0x`) to bytes. */
export function fromHex(hex) {
  const s = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (s.length % 2 !== 0 || /[^0-9a-fA-F]/.test(s)) throw new ProtocolError('hex', 'invalid hex');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Bytes to lowercase hex, without `0x`. */
export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function numberFromLE(bytes) {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

// ---- scalars and points --------------------------------------------------------------------

const mod = (a) => {
  const r = a % L;
  return r >= 0n ? r : r + L;
};

/** A scalar as 32 bytes little-endian. */
export function scalarToBytes(s) {
  const out = new Uint8Array(32);
  let n = mod(s);
  for (let i = 0; i < 32; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** A canonical 32-byte scalar; rejects `>= l`. */
export function scalarFromBytes(bytes) {
  if (bytes.length !== 32) throw new ProtocolError('scalar', 'a scalar is 32 bytes');
  const n = numberFromLE(bytes);
  if (n >= L) throw new ProtocolError('scalar', 'non-canonical scalar');
  return n;
}

/** A canonical ristretto255 point (identity allowed). */
export function pointFromBytes(bytes) {
  try {
    return Point.fromBytes(bytes);
  } catch {
    throw new ProtocolError('point', 'not a canonical ristretto255 encoding');
  }
}

/** A point that must not be the identity (`E_i`, `R`, `K_i`). */
export function keyFromBytes(bytes) {
  const p = pointFromBytes(bytes);
  if (p.is0()) throw new ProtocolError('identity', 'the identity is not a valid key');
  return p;
}

const mul = (p, s) => (mod(s) === 0n ? Point.ZERO : p.multiply(mod(s)));
const mulPublic = (p, s) => p.multiplyUnsafe(mod(s));

/** `HashToScalar(x)`: SHA-512 as a 512-bit little-endian integer mod `l`. */
export function hashToScalar(bytes) {
  return mod(numberFromLE(sha512(bytes)));
}

/** `HashToPoint(x)`: RFC 9496 element derivation of SHA-512(x). */
export function hashToPoint(bytes) {
  return ristretto255_hasher.deriveToCurve(sha512(bytes));
}

const generators = [Point.BASE];
/** `G_l` (section 2). */
export function generator(l) {
  while (generators.length <= l) {
    generators.push(hashToPoint(concat(DST.G, u32le(generators.length))));
  }
  return generators[l];
}
let blinding;
/** `H` (section 2). */
export function blindingGenerator() {
  blinding ??= hashToPoint(DST.H);
  return blinding;
}

/** A uniformly random scalar from the platform's CSPRNG. */
export function randomScalar() {
  const bytes = new Uint8Array(64);
  globalThis.crypto.getRandomValues(bytes);
  return mod(numberFromLE(bytes));
}

// ---- values (section 4) --------------------------------------------------------------------

/** An i128 (BigInt) as a scalar: `v >= 0 -> v`, `v < 0 -> l - |v|`. */
export function encodeValue(v) {
  const x = BigInt(v);
  if (x > I128_MAX || x < I128_MIN) throw new ProtocolError('range', `value ${x} is outside i128`);
  return mod(x);
}

/** A scalar decoded to the exact signed integer (section 4). */
export function decodeValue(s) {
  return s <= (L - 1n) / 2n ? s : s - L;
}

/** Whether a decoded value fits i128 (outputs outside it are overflows, never wrapped). */
export function fitsI128(v) {
  return v >= I128_MIN && v <= I128_MAX;
}

/** `floor(y / count)`, rounded toward negative infinity (section 8). */
export function floorDiv(y, count) {
  const c = BigInt(count);
  const q = y / c;
  return y % c !== 0n && y < 0n ? q - 1n : q;
}

/** `"4250.75"` with `decimals = 2` to `425075n`; rejects more decimals than the job has. */
export function parseDecimal(text, decimals) {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) throw new ProtocolError('decimal', `not a decimal number: ${text}`);
  const frac = m[3] ?? '';
  if (frac.length > decimals) {
    throw new ProtocolError('decimal', `${text} has more than ${decimals} decimals`);
  }
  const n = BigInt(m[2] + frac.padEnd(decimals, '0'));
  const v = m[1] ? -n : n;
  encodeValue(v);
  return v;
}

/** `425075n` with `decimals = 2` to `"4250.75"`. */
export function formatDecimal(value, decimals) {
  const v = BigInt(value);
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? '.' + digits.slice(digits.length - decimals) : '';
  return (neg ? '-' : '') + int + frac;
}

// ---- dealing (section 5) -------------------------------------------------------------------

function evaluate(coefficients, x) {
  let acc = 0n;
  for (let j = coefficients.length - 1; j >= 0; j--) acc = mod(acc * x + coefficients[j]);
  return acc;
}

function inputContext(genesis, jobId, provider) {
  return concat(genesis, u64le(jobId), provider);
}

/**
 * Deals `values` with the given randomness (for test vectors): `coefficients[l][j-1] = a_{l,j}`,
 * `blinding[j] = b_j`, `r`, and the proof nonce `k`. Use {@link deal} otherwise.
 */
export function dealWithRandomness({ genesis, jobId, provider, keys, t, values, coefficients, blinding, r, k }) {
  if (!(t >= 1 && t < keys.length)) throw new ProtocolError('threshold', 'need 1 <= t < n');
  if (values.length < 1) throw new ProtocolError('dimension', 'need at least one value');
  const workerKeys = keys.map((key) => keyFromBytes(key));
  const polys = values.map((v, l) => [encodeValue(v), ...coefficients[l]]);
  const g = blinding;
  const d = values.length;
  const commitments = [];
  for (let j = 0; j <= t; j++) {
    let c = mul(blindingGenerator(), g[j]);
    for (let l = 0; l < d; l++) c = c.add(mul(generator(l), polys[l][j]));
    commitments.push(c.toBytes());
  }
  if (mod(r) === 0n) throw new ProtocolError('identity', 'r must not be zero');
  const R = mul(Point.BASE, r).toBytes();
  const ctx = inputContext(genesis, jobId, provider);
  const A = mul(Point.BASE, k).toBytes();
  const c = hashToScalar(concat(DST.dealing, ctx, R, ...commitments, A));
  const z = mod(k + c * r);
  const proof = concat(scalarToBytes(c), scalarToBytes(z));
  const ciphertexts = workerKeys.map((E, w) => {
    const i = BigInt(w + 1);
    const share = concat(...polys.map((f) => scalarToBytes(evaluate(f, i))), scalarToBytes(evaluate(g, i)));
    const K = mul(E, r).toBytes();
    const key = sha512(concat(DST.kdf, ctx, u32le(w + 1), R, keys[w], K)).slice(0, 32);
    const aad = concat(DST.share, ctx, u32le(w + 1));
    const ct = chacha20poly1305(key, new Uint8Array(12), aad).encrypt(share);
    share.fill(0);
    key.fill(0);
    return ct;
  });
  return { ephemeralKey: R, proof, commitments, ciphertexts };
}

/**
 * Deals a private input (PROTOCOL.md section 5): `values` (BigInt, one per dimension) for the
 * committee `keys` (32-byte `E_i`, in committee order) with threshold `t`, bound to the chain
 * (`genesis`), job and provider account (32 bytes). Randomness comes from the platform CSPRNG;
 * the values never leave this function unencrypted.
 */
export function deal({ genesis, jobId, provider, keys, t, values }) {
  const d = values.length;
  const coefficients = Array.from({ length: d }, () => Array.from({ length: t }, randomScalar));
  const blinding = Array.from({ length: t + 1 }, randomScalar);
  let r = randomScalar();
  while (r === 0n) r = randomScalar();
  return dealWithRandomness({ genesis, jobId, provider, keys, t, values, coefficients, blinding, r, k: randomScalar() });
}

// ---- results (section 8) -------------------------------------------------------------------

/** Lagrange coefficients at zero for distinct 1-based indices. */
export function lagrangeAtZero(indices) {
  const set = indices.map(BigInt);
  if (new Set(set).size !== set.length || set.some((i) => i <= 0n)) {
    throw new ProtocolError('indices', 'indices must be distinct and non-zero');
  }
  return set.map((i) => {
    let num = 1n;
    let den = 1n;
    for (const m of set) {
      if (m === i) continue;
      num = mod(num * m);
      den = mod(den * (m - i));
    }
    return mod(num * Point.Fn.inv(den));
  });
}

/** Checks a public opening `(S, U)` of worker `i` against commitments `Ĉ_0..Ĉ_t`. */
export function verifyResultShare(index, values, blindingShare, aggregate) {
  let lhs = mulPublic(blindingGenerator(), blindingShare);
  values.forEach((s, l) => {
    lhs = lhs.add(mulPublic(generator(l), s));
  });
  let rhs = Point.ZERO;
  let power = 1n;
  for (const c of aggregate) {
    rhs = rhs.add(mulPublic(c, power));
    power = mod(power * BigInt(index));
  }
  return lhs.equals(rhs);
}

/**
 * Re-verifies a result: each of the `t + 1` shares `{index, values, blinding}` (scalars as
 * BigInt) against the aggregate commitments (points), the reconstruction, and the output
 * check against `Ĉ_0`. Returns the exact decoded output values.
 */
export function verifyOutput({ d, aggregate, shares }) {
  if (shares.length !== aggregate.length) throw new ProtocolError('shares', 'need exactly t + 1 shares');
  for (const s of shares) {
    if (s.values.length !== d || !verifyResultShare(s.index, s.values, s.blinding, aggregate)) {
      throw new ProtocolError('result-share', `result share of worker ${s.index} does not verify`);
    }
  }
  const lambdas = lagrangeAtZero(shares.map((s) => s.index));
  const y = Array.from({ length: d }, (_, l) => mod(shares.reduce((acc, s, k) => acc + lambdas[k] * s.values[l], 0n)));
  const u = mod(shares.reduce((acc, s, k) => acc + lambdas[k] * s.blinding, 0n));
  let opening = mulPublic(blindingGenerator(), u);
  y.forEach((v, l) => {
    opening = opening.add(mulPublic(generator(l), v));
  });
  if (!opening.equals(aggregate[0])) throw new ProtocolError('output', 'the output does not open Ĉ_0');
  return { y, blinding: u, values: y.map(decodeValue) };
}
