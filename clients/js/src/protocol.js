// substrate-mpc protocol v1 (docs/PROTOCOL.md) in JavaScript: what a data provider needs to
// deal a private input, and what anyone needs to re-verify a result.
//
// Built on audited primitives only: @noble/curves (ristretto255, RFC 9496), @noble/hashes
// (SHA-512, BLAKE2b) and @noble/ciphers (ChaCha20-Poly1305, RFC 8439). Its tests reproduce every
// dealing of the shared protocol vectors (primitives/tests/vectors/protocol-v1.json), the
// interoperability contract with the Rust implementation the chain runs.

import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { blake2b } from '@noble/hashes/blake2.js';
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
    const index = w + 1;
    const key = deriveKey({ genesis, jobId, provider, index, ephemeralKey: R, workerKey: keys[w], sharedKey: mul(E, r).toBytes() });
    const aad = shareAad({ genesis, jobId, provider, index });
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

// ---- checking inputs (sections 5, 6 and 7) -------------------------------------------------

/** `aad_i` (section 5 step 5): binds worker `i`'s ciphertext to the chain, job and provider. */
export function shareAad({ genesis, jobId, provider, index }) {
  return concat(DST.share, inputContext(genesis, jobId, provider), u32le(index));
}

/**
 * `key_i` (section 5 step 5): the ChaCha20-Poly1305 key of worker `index`'s share of an input,
 * from `R` (`ephemeralKey`), `E_i` (`workerKey`) and `K_i = r * E_i = e_i * R` (`sharedKey`).
 */
export function deriveKey({ genesis, jobId, provider, index, ephemeralKey, workerKey, sharedKey }) {
  const ctx = inputContext(genesis, jobId, provider);
  return sha512(concat(DST.kdf, ctx, u32le(index), ephemeralKey, workerKey, sharedKey)).slice(0, 32);
}

/**
 * Decrypts worker `index`'s ciphertext of an input of dimension `d` with `key` (from
 * {@link deriveKey}) to its share `{ values: [s_0..s_{d-1}], blinding: u }`. Throws a
 * `ProtocolError`: `'decrypt'` when the ciphertext does not authenticate, `'share'` when the
 * plaintext is not `d + 1` scalars, `'scalar'` when one is not canonical.
 */
export function decryptShare({ key, genesis, jobId, provider, index, d, ciphertext }) {
  let plain;
  try {
    plain = chacha20poly1305(key, new Uint8Array(12), shareAad({ genesis, jobId, provider, index })).decrypt(ciphertext);
  } catch {
    throw new ProtocolError('decrypt', `the share of worker ${index} does not decrypt`);
  }
  try {
    if (plain.length !== 32 * (d + 1)) throw new ProtocolError('share', `the share of worker ${index} is not ${d + 1} scalars`);
    const scalars = Array.from({ length: d + 1 }, (_, m) => scalarFromBytes(plain.subarray(32 * m, 32 * m + 32)));
    return { values: scalars.slice(0, d), blinding: scalars[d] };
  } finally {
    plain.fill(0);
  }
}

/**
 * The commitment check of section 6: whether worker `index`'s share `{ values, blinding }`
 * (scalars as BigInt) opens `sum_j index^j * C_j` for the input's commitments (32 bytes each).
 */
export function checkShare(index, share, commitments) {
  return verifyResultShare(index, share.values, share.blinding, commitments.map(pointFromBytes));
}

// A proof `c || z` (64 bytes) as two canonical scalars, or `null`.
function proofScalars(proof) {
  if (proof.length !== 64) return null;
  try {
    return [scalarFromBytes(proof.subarray(0, 32)), scalarFromBytes(proof.subarray(32))];
  } catch {
    return null;
  }
}

// A non-identity point, or `null`.
function keyOrNull(bytes) {
  try {
    return keyFromBytes(bytes);
  } catch {
    return null;
  }
}

/**
 * Verifies a dealing proof (section 5 step 4), the proof of knowledge of `r` for `R`
 * (`ephemeralKey`), bound to the chain, job, provider and commitments (32 bytes each, as
 * submitted). False for an identity or non-canonical `R` and for non-canonical `c` or `z`.
 */
export function verifyDealingProof({ genesis, jobId, provider, ephemeralKey, commitments, proof }) {
  const R = keyOrNull(ephemeralKey);
  const cz = proofScalars(proof);
  if (!R || !cz) return false;
  const [c, z] = cz;
  const A = mulPublic(Point.BASE, z).subtract(mulPublic(R, c));
  const ctx = inputContext(genesis, jobId, provider);
  return hashToScalar(concat(DST.dealing, ctx, ephemeralKey, ...commitments, A.toBytes())) === c;
}

/**
 * Verifies a complaint's DLEQ proof (section 7): `log_G(E_i) == log_R(K_i)` for worker `index`
 * with key `E_i` (`workerKey`), the input's `R` (`ephemeralKey`) and the revealed `K_i`
 * (`sharedKey`). False for an identity or non-canonical point and non-canonical `c` or `z`.
 */
export function verifyDleq({ genesis, jobId, provider, index, workerKey, ephemeralKey, sharedKey, proof }) {
  const [E, R, K] = [workerKey, ephemeralKey, sharedKey].map(keyOrNull);
  const cz = proofScalars(proof);
  if (!E || !R || !K || !cz) return false;
  const [c, z] = cz;
  const A = mulPublic(Point.BASE, z).subtract(mulPublic(E, c));
  const B = mulPublic(R, z).subtract(mulPublic(K, c));
  const ctx = inputContext(genesis, jobId, provider);
  const h = hashToScalar(concat(DST.dleq, ctx, u32le(index), workerKey, ephemeralKey, sharedKey, A.toBytes(), B.toBytes()));
  return h === c;
}

const canonicalPoint = (bytes) => {
  try {
    pointFromBytes(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * The chain's acceptance rules for a submission (section 5), job state aside: `'accepted'`, or
 * the first rule broken, named as in the shared vectors: `'wrong_commitment_count'`,
 * `'bad_commitment_encoding'`, `'wrong_ciphertext_count'`, `'bad_ciphertext_length'`,
 * `'bad_R_encoding'`, `'identity_R'`, `'bad_proof'` or `'repeated_R'`. `priorEphemeralKeys`:
 * the `R` of earlier submissions to the job.
 */
export function submissionVerdict({ genesis, jobId, provider, n, t, d, ephemeralKey, proof, commitments, ciphertexts, priorEphemeralKeys = [] }) {
  if (commitments.length !== t + 1) return 'wrong_commitment_count';
  if (!commitments.every((c) => c.length === 32 && canonicalPoint(c))) return 'bad_commitment_encoding';
  if (ciphertexts.length !== n) return 'wrong_ciphertext_count';
  if (!ciphertexts.every((ct) => ct.length === 32 * (d + 1) + 16)) return 'bad_ciphertext_length';
  if (ephemeralKey.length !== 32 || !canonicalPoint(ephemeralKey)) return 'bad_R_encoding';
  if (pointFromBytes(ephemeralKey).is0()) return 'identity_R';
  if (!verifyDealingProof({ genesis, jobId, provider, ephemeralKey, commitments, proof })) return 'bad_proof';
  const hex = toHex(ephemeralKey);
  if (priorEphemeralKeys.some((prior) => toHex(prior) === hex)) return 'repeated_R';
  return 'accepted';
}

/**
 * Decides a complaint as the chain does (section 7): worker `index` (key `workerKey`) reveals
 * `sharedKey` with a DLEQ `proof` against an input (`ephemeralKey`, `commitments`, and the
 * worker's `ciphertext`, all as stored, never from the complaint). Returns `{ verdict, reason }`
 * with `verdict` one of `'invalid_proof'` (the complaint is refused), `'input_disqualified'`
 * (the share is bad) or `'worker_at_fault'` (the share is good).
 */
export function complaintVerdict({ genesis, jobId, provider, index, d, workerKey, ephemeralKey, commitments, ciphertext, sharedKey, proof }) {
  if (!verifyDleq({ genesis, jobId, provider, index, workerKey, ephemeralKey, sharedKey, proof })) {
    return { verdict: 'invalid_proof', reason: `the DLEQ proof of worker ${index} does not verify` };
  }
  const key = deriveKey({ genesis, jobId, provider, index, ephemeralKey, workerKey, sharedKey });
  try {
    const share = decryptShare({ key, genesis, jobId, provider, index, d, ciphertext });
    if (!checkShare(index, share, commitments)) {
      return { verdict: 'input_disqualified', reason: `the share of worker ${index} fails the commitment check` };
    }
    return { verdict: 'worker_at_fault', reason: `the share of worker ${index} is good` };
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    return { verdict: 'input_disqualified', reason: e.message };
  } finally {
    key.fill(0);
  }
}

// ---- the proof-of-MPC record (section 10) --------------------------------------------------

/**
 * The record's `inputs_digest` (section 10): `D_0 = 0^32`,
 * `D_{k+1} = BLAKE2b-256(D_k || u32le(k) || P_k || C_{k,0} || ... || C_{k,t})` over the inputs
 * `{ provider, commitments }` (32-byte account and commitments) in acceptance order.
 */
export function inputsDigest(inputs) {
  return inputs.reduce(
    (digest, { provider, commitments }, k) => blake2b(concat(digest, u32le(k), provider, ...commitments), { dkLen: 32 }),
    new Uint8Array(32),
  );
}

/** `Ĉ_j = sum_k C_{k,j}` over the qualified inputs' commitment lists (32 bytes each), as bytes. */
export function aggregateCommitments(commitmentLists) {
  if (commitmentLists.length === 0) return [];
  return commitmentLists[0].map((_, j) => commitmentLists
    .reduce((acc, list) => acc.add(pointFromBytes(list[j])), Point.ZERO)
    .toBytes());
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
