// substrate-mpc protocol v1 (docs/PROTOCOL.md) in JavaScript: what a data provider needs to
// deal a private input, and what anyone needs to re-verify a result; and section 11, the beacon
// committee's key (DKG), the randomness beacon's rounds and the job committees drawn from them
// (beacon-v1.json); and of section 12, the input rules' encoding, the one-hot validity proof
// (validity-v1.json), dealing with a rule's proof (`dealWithRule`; range proofs excepted: the
// wasm prover of prover.js makes those) and the form of a range proof (`checkRangeProofForm`).
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
  return dealWithRandomness({ genesis, jobId, provider, keys, t, values, ...dealingRandomness(values.length, t) });
}

// A dealing's randomness from the platform CSPRNG (section 5): the coefficients `a_{l,j}`, the
// blindings `b_0..b_t`, `r != 0` and the proof nonce `k`, as `dealWithRandomness` takes them.
function dealingRandomness(d, t) {
  const coefficients = Array.from({ length: d }, () => Array.from({ length: t }, randomScalar));
  const blinding = Array.from({ length: t + 1 }, randomScalar);
  let r = randomScalar();
  while (r === 0n) r = randomScalar();
  return { coefficients, blinding, r, k: randomScalar() };
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

/**
 * The `committee_digest` an input is bound to (section 10):
 * `BLAKE2b-256(A_1 || E_1 || ... || A_n || E_n)` over the committee `members`
 * (`{ account, key }`: the 32-byte account `A_i`, its public key bytes, not SS58, and the
 * 32-byte encryption key `E_i`) in committee order. `submit_input` names it, and the chain
 * refuses the input (`CommitteeMismatch`) when the job's committee has another. Throws a
 * `ProtocolError` (code `'committee'`) unless every account and key is 32 bytes.
 */
export function committeeDigest(members) {
  const parts = members.flatMap(({ account, key }, k) => {
    if (!(account instanceof Uint8Array) || account.length !== 32) throw new ProtocolError('committee', `the account of member ${k + 1} is not 32 bytes`);
    if (!(key instanceof Uint8Array) || key.length !== 32) throw new ProtocolError('committee', `the key of member ${k + 1} is not 32 bytes`);
    return [account, key];
  });
  return blake2b(concat(...parts), { dkLen: 32 });
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

// ---- committee key and randomness beacon (section 11) --------------------------------------

/**
 * Domain-separation tags of section 11 (kept apart from {@link DST}, whose entries are the v1
 * tags of sections 1-9).
 */
export const BEACON_DST = Object.freeze({
  dkgDealing: te.encode('substrate-mpc/v1/dkg/dealing'),
  dkgKdf: te.encode('substrate-mpc/v1/dkg/kdf'),
  dkgShare: te.encode('substrate-mpc/v1/dkg/share'),
  dkgDleq: te.encode('substrate-mpc/v1/dkg/dleq'),
  dkgDigest: te.encode('substrate-mpc/v1/dkg/digest'),
  dkgKey: te.encode('substrate-mpc/v1/dkg/key'),
  point: te.encode('substrate-mpc/v1/beacon/point'),
  dleq: te.encode('substrate-mpc/v1/beacon/dleq'),
  output: te.encode('substrate-mpc/v1/beacon/output'),
  subject: te.encode('substrate-mpc/v1/beacon/subject'),
  committee: te.encode('substrate-mpc/v1/beacon/committee'),
  draw: te.encode('substrate-mpc/v1/beacon/draw'),
});

const U32_MAX = 0xffffffff;
const U64_MAX = (1n << 64n) - 1n;

// A u64 (epoch, round, job id) as BigInt, or a ProtocolError.
function u64(x, what) {
  const v = BigInt(x);
  if (v < 0n || v > U64_MAX) throw new ProtocolError('range', `${what} ${v} is not a u64`);
  return v;
}

// A 1-based index (u32, non-zero), or a ProtocolError.
function memberIndex(i, what = 'index') {
  if (!Number.isInteger(i) || i < 1 || i > U32_MAX) throw new ProtocolError('index', `${what} ${i} is not a 1-based u32`);
  return i;
}

// Checks `1 <= dealer <= n`: only a member deals.
function dealerWithin(dealer, n) {
  if (memberIndex(dealer, 'dealer') > n) throw new ProtocolError('index', `dealer ${dealer} is not a member of a committee of ${n}`);
}

/** The largest beacon committee, `n_B <= 1024` (section 11.1). */
const MAX_BEACON_COMMITTEE = 1024;

/** The beacon threshold `t_B = floor((n_B - 1) / 2)` (section 11.1); throws unless `3 <= n_B <= 1024`. */
export function beaconThreshold(n) {
  if (!Number.isInteger(n) || n < 3) throw new ProtocolError('committee', `a beacon committee has at least 3 members, got ${n}`);
  if (n > MAX_BEACON_COMMITTEE) throw new ProtocolError('committee', `a beacon committee has at most ${MAX_BEACON_COMMITTEE} members, got ${n}`);
  return Math.floor((n - 1) / 2);
}

// `genesis || u64le(e)`: every value of section 11 is bound to it.
function epochContext(genesis, epoch) {
  if (genesis.length !== 32) throw new ProtocolError('genesis', 'the genesis hash is 32 bytes');
  return concat(genesis, u64le(u64(epoch, 'epoch')));
}

// `genesis || u64le(e) || u32le(j)`: a dealing of dealer `j` in epoch `e`.
function dealerContext(genesis, epoch, dealer) {
  return concat(epochContext(genesis, epoch), u32le(memberIndex(dealer, 'dealer')));
}

// `sum_k x^k * points[k]` (points decoded).
function evaluateCommitments(points, x) {
  let acc = Point.ZERO;
  let power = 1n;
  for (const p of points) {
    acc = acc.add(mulPublic(p, power));
    power = mod(power * BigInt(x));
  }
  return acc;
}

/**
 * `aad_{j,i}` (section 11.2 step 6): binds member `index`'s ciphertext to the chain, epoch and
 * dealer.
 */
export function keyShareAad({ genesis, epoch, dealer, index }) {
  return concat(BEACON_DST.dkgShare, dealerContext(genesis, epoch, dealer), u32le(memberIndex(index)));
}

/**
 * `key_{j,i}` (section 11.2 step 6): the ChaCha20-Poly1305 key of member `index`'s share of
 * dealer `dealer`'s dealing, from `R`, the member's key `E_i` (`memberKey`) and
 * `K_{j,i} = r * E_i = e_i * R` (`K`), 32 bytes each.
 */
export function deriveKeyShareKey({ genesis, epoch, dealer, index, R, memberKey, K }) {
  const ctx = dealerContext(genesis, epoch, dealer);
  return sha512(concat(BEACON_DST.dkgKdf, ctx, u32le(memberIndex(index)), R, memberKey, K)).slice(0, 32);
}

// The hash of the dealing proof (section 11.2 step 5).
function keyDealingChallenge({ genesis, epoch, dealer, account, R, commitments, T1, T2 }) {
  if (account.length !== 32) throw new ProtocolError('account', 'an account is 32 bytes');
  return hashToScalar(concat(BEACON_DST.dkgDealing, dealerContext(genesis, epoch, dealer), account, R, ...commitments, T1, T2));
}

const nonZeroRandomScalar = () => {
  let s = randomScalar();
  while (s === 0n) s = randomScalar();
  return s;
};

/**
 * Deals member `dealer`'s part of the epoch's group key (section 11.2) for the committee
 * `memberKeys` (32-byte `E_1..E_n`, in committee order, `n >= 3`), bound to the chain
 * (`genesis`), `epoch` (u64, BigInt) and the dealer's 32-byte `account` `W_j`. Returns the
 * dealing `{ R, proof, commitments, ciphertexts }` (bytes; the proof is 96 bytes, each
 * ciphertext 48).
 *
 * The randomness comes from the platform CSPRNG. For test vectors it can be given:
 * `coefficients` (`a_{j,0}..a_{j,t}`, `t + 1` scalars), `r` and the proof nonces `k1`, `k2`.
 */
export function dealKey({ genesis, epoch, dealer, account, memberKeys, coefficients, r, k1, k2 }) {
  const n = memberKeys.length;
  const t = beaconThreshold(n);
  dealerWithin(dealer, n);
  const E = memberKeys.map((key) => keyFromBytes(key));
  const f = coefficients ?? Array.from({ length: t + 1 }, randomScalar);
  if (f.length !== t + 1) throw new ProtocolError('threshold', `need ${t + 1} coefficients for n = ${n}, got ${f.length}`);
  const rr = r ?? nonZeroRandomScalar();
  if (mod(rr) === 0n) throw new ProtocolError('identity', 'r must not be zero');
  const [n1, n2] = [k1 ?? randomScalar(), k2 ?? randomScalar()];
  const commitments = f.map((a) => mul(Point.BASE, a).toBytes());
  const R = mul(Point.BASE, rr).toBytes();
  const c = keyDealingChallenge({
    genesis, epoch, dealer, account, R, commitments,
    T1: mul(Point.BASE, n1).toBytes(), T2: mul(Point.BASE, n2).toBytes(),
  });
  const proof = concat(scalarToBytes(c), scalarToBytes(n1 + c * f[0]), scalarToBytes(n2 + c * rr));
  const ciphertexts = E.map((Ei, m) => {
    const index = m + 1;
    const share = scalarToBytes(evaluate(f, BigInt(index)));
    const key = deriveKeyShareKey({ genesis, epoch, dealer, index, R, memberKey: memberKeys[m], K: mul(Ei, rr).toBytes() });
    const ct = chacha20poly1305(key, new Uint8Array(12), keyShareAad({ genesis, epoch, dealer, index })).encrypt(share);
    share.fill(0);
    key.fill(0);
    return ct;
  });
  return { R, proof, commitments, ciphertexts };
}

/**
 * Verifies a key dealing's proof (section 11.2 step 5), the proof of knowledge of `a_{j,0}`
 * and `r`, bound to the chain, epoch, dealer index and account, `R` and the commitments (32
 * bytes each, as submitted). False for an identity or non-canonical `R`, a non-canonical
 * commitment and non-canonical `c`, `z_1` or `z_2`.
 */
export function verifyKeyDealingProof({ genesis, epoch, dealer, account, R, commitments, proof }) {
  const Rp = keyOrNull(R);
  if (!Rp || commitments.length === 0 || !commitments.every((a) => a.length === 32 && canonicalPoint(a))) return false;
  if (proof.length !== 96) return false;
  let c, z1, z2;
  try {
    [c, z1, z2] = [0, 1, 2].map((m) => scalarFromBytes(proof.subarray(32 * m, 32 * m + 32)));
  } catch {
    return false;
  }
  const T1 = mulPublic(Point.BASE, z1).subtract(mulPublic(pointFromBytes(commitments[0]), c));
  const T2 = mulPublic(Point.BASE, z2).subtract(mulPublic(Rp, c));
  return keyDealingChallenge({ genesis, epoch, dealer, account, R, commitments, T1: T1.toBytes(), T2: T2.toBytes() }) === c;
}

/**
 * The chain's acceptance rules for a key dealing (section 11.2), phase and sender aside: for a
 * committee of `n` members, `dealing` `{ R, proof, commitments, ciphertexts }` (bytes) of member
 * `dealer` (account `account`) must have `t_B + 1` canonical commitments, `n` ciphertexts of 48
 * bytes, a non-identity `R` not in `priorR` (the `R` of the epoch's other dealings) and a
 * proof that verifies. Returns the decoded dealing `{ t, R, commitments }` (points), or throws
 * a `ProtocolError` with code `'dealing'` naming the first rule broken.
 */
export function verifyKeyDealing({ genesis, epoch, dealer, account, n, dealing, priorR = [] }) {
  const t = beaconThreshold(n);
  dealerWithin(dealer, n);
  const fail = (why) => new ProtocolError('dealing', `the dealing of member ${dealer} ${why}`);
  const { R, proof, commitments, ciphertexts } = dealing;
  // In the order the chain (mpc-primitives) checks, so the first rule broken is the chain's.
  if (commitments.length !== t + 1) throw fail(`has ${commitments.length} commitments, not t + 1 = ${t + 1}`);
  if (ciphertexts.length !== n) throw fail(`has ${ciphertexts.length} ciphertexts, not n = ${n}`);
  if (!ciphertexts.every((ct) => ct.length === 48)) throw fail('has a ciphertext that is not 48 bytes');
  if (R.length !== 32 || !canonicalPoint(R)) throw fail('has an R that is not a canonical point');
  if (pointFromBytes(R).is0()) throw fail('has the identity as R');
  if (!commitments.every((a) => a.length === 32 && canonicalPoint(a))) throw fail('has a commitment that is not a canonical point');
  if (priorR.some((prior) => toHex(prior) === toHex(R))) throw fail('repeats the R of another dealing');
  if (!verifyKeyDealingProof({ genesis, epoch, dealer, account, R, commitments, proof })) throw fail('has a proof that does not verify');
  return { t, R: pointFromBytes(R), commitments: commitments.map(pointFromBytes) };
}

/**
 * `h_j` (section 11.3), the 32-byte digest by which a complaint names dealer `dealer`'s dealing:
 * `SHA512("substrate-mpc/v1/dkg/digest" || genesis || u64le(e) || u32le(j) || R || A_{j,0} || ... || A_{j,t} || ct_{j,1} || ... || ct_{j,n})[0..32]`,
 * from the dealing's `R` (32 bytes), `commitments` (32 bytes each) and `ciphertexts` (48 bytes
 * each), as accepted (a `proof` field is ignored, so a whole dealing may be spread in). A
 * complaint whose digest is not that of the dealing on chain is refused (`Mpc.DealingMismatch`):
 * a dealer that knows `r` could deal with the same `R` on two branches of a fork. Throws a
 * `ProtocolError` (code `'dealing'`) for a part of the wrong length.
 */
export function dealingDigest({ genesis, epoch, dealer, R, commitments, ciphertexts }) {
  const fail = (why) => new ProtocolError('dealing', `the dealing of member ${dealer} ${why}`);
  if (!(R instanceof Uint8Array) || R.length !== 32) throw fail('has an R that is not 32 bytes');
  if (!commitments.every((a) => a instanceof Uint8Array && a.length === 32)) throw fail('has a commitment that is not 32 bytes');
  if (!ciphertexts.every((ct) => ct instanceof Uint8Array && ct.length === 48)) throw fail('has a ciphertext that is not 48 bytes');
  return sha512(concat(BEACON_DST.dkgDigest, dealerContext(genesis, epoch, dealer), R, ...commitments, ...ciphertexts)).slice(0, 32);
}

/**
 * The check of section 11.3: whether `share` (a scalar, BigInt) is member `index`'s share of a
 * dealing with Feldman `commitments` (32 bytes each): `s * G == sum_k index^k * A_{j,k}`.
 */
export function checkKeyShare(index, share, commitments) {
  return mulPublic(Point.BASE, share).equals(evaluateCommitments(commitments.map(pointFromBytes), memberIndex(index)));
}

/**
 * Member `index` opens its share of dealer `dealer`'s dealing (section 11.3) with its secret
 * `e_i` (`memberSecret`, BigInt): derives `K_{j,i} = e_i * R`, decrypts `ciphertext` and checks
 * the share against the dealing's `commitments` (32 bytes each). Returns the share `s_{j,i}`
 * (BigInt), or throws a `ProtocolError` (a reason to complain): `'decrypt'` when the ciphertext
 * does not authenticate, `'share'` when the plaintext is not one scalar, `'scalar'` when it is
 * not canonical, `'key-share'` when it fails the commitment check.
 */
export function openKeyShare({ genesis, epoch, dealer, index, memberSecret, R, ciphertext, commitments }) {
  const K = mul(keyFromBytes(R), memberSecret).toBytes();
  const memberKey = mul(Point.BASE, memberSecret).toBytes();
  const key = deriveKeyShareKey({ genesis, epoch, dealer, index, R, memberKey, K });
  try {
    return decryptKeyShare({ genesis, epoch, dealer, index, key, ciphertext, commitments });
  } finally {
    key.fill(0);
  }
}

// Decrypts and checks member `index`'s share with `key_{j,i}` (sections 11.3 and 11.4).
function decryptKeyShare({ genesis, epoch, dealer, index, key, ciphertext, commitments }) {
  let plain;
  try {
    plain = chacha20poly1305(key, new Uint8Array(12), keyShareAad({ genesis, epoch, dealer, index })).decrypt(ciphertext);
  } catch {
    throw new ProtocolError('decrypt', `the share of member ${index} from dealer ${dealer} does not decrypt`);
  }
  try {
    if (plain.length !== 32) throw new ProtocolError('share', `the share of member ${index} from dealer ${dealer} is not one scalar`);
    const s = scalarFromBytes(plain);
    if (!checkKeyShare(index, s, commitments)) {
      throw new ProtocolError('key-share', `the share of member ${index} from dealer ${dealer} fails the commitment check`);
    }
    return s;
  } finally {
    plain.fill(0);
  }
}

// The hash of a key complaint's DLEQ proof (section 11.3).
function keyDleqChallenge({ genesis, epoch, dealer, index, memberKey, R, K, A, B }) {
  const ctx = dealerContext(genesis, epoch, dealer);
  return hashToScalar(concat(BEACON_DST.dkgDleq, ctx, u32le(memberIndex(index)), memberKey, R, K, A, B));
}

/**
 * Member `index`'s complaint against dealer `dealer`'s dealing (section 11.3): reveals
 * `K_{j,i} = e_i * R` with a DLEQ proof that `log_G(E_i) == log_R(K_{j,i})`. Returns
 * `{ K, proof }` (32 and 64 bytes). The proof nonce `k` is random unless given (test vectors).
 */
export function keyComplaint({ genesis, epoch, dealer, index, memberSecret, R, k }) {
  const Rp = keyFromBytes(R);
  if (mod(memberSecret) === 0n) throw new ProtocolError('identity', 'the member secret must not be zero');
  const nonce = k ?? randomScalar();
  const memberKey = mul(Point.BASE, memberSecret).toBytes();
  const K = mul(Rp, memberSecret).toBytes();
  const c = keyDleqChallenge({
    genesis, epoch, dealer, index, memberKey, R, K, A: mul(Point.BASE, nonce).toBytes(), B: mul(Rp, nonce).toBytes(),
  });
  return { K, proof: concat(scalarToBytes(c), scalarToBytes(nonce + c * memberSecret)) };
}

/**
 * Verifies a key complaint's DLEQ proof (section 11.3) of member `index` (key `memberKey`)
 * against dealer `dealer`'s `R`, revealing `K`. False for an identity or non-canonical point
 * and non-canonical `c` or `z`.
 */
export function verifyKeyDleq({ genesis, epoch, dealer, index, memberKey, R, K, proof }) {
  const [E, Rp, Kp] = [memberKey, R, K].map(keyOrNull);
  const cz = proofScalars(proof);
  if (!E || !Rp || !Kp || !cz) return false;
  const [c, z] = cz;
  const A = mulPublic(Point.BASE, z).subtract(mulPublic(E, c));
  const B = mulPublic(Rp, z).subtract(mulPublic(Kp, c));
  return keyDleqChallenge({ genesis, epoch, dealer, index, memberKey, R, K, A: A.toBytes(), B: B.toBytes() }) === c;
}

/**
 * Judges a key complaint as the chain does (section 11.3): member `index` (key `memberKey`)
 * reveals `K` with a DLEQ `proof` against dealer `dealer`'s dealing (`R`, `commitments` and the
 * member's `ciphertext`, as stored, never from the complaint). Returns `'dealer_disqualified'`
 * (the share does not decrypt, is not one canonical scalar, or fails the commitment check) or
 * `'member_at_fault'` (the share is good). Throws a `ProtocolError` with code `'complaint'` when
 * the proof does not verify: the complaint is refused, with no verdict.
 */
export function judgeKeyComplaint({ genesis, epoch, dealer, index, memberKey, R, commitments, ciphertext, K, proof }) {
  if (!verifyKeyDleq({ genesis, epoch, dealer, index, memberKey, R, K, proof })) {
    throw new ProtocolError('complaint', `the DLEQ proof of member ${index} against dealer ${dealer} does not verify`);
  }
  const key = deriveKeyShareKey({ genesis, epoch, dealer, index, R, memberKey, K });
  try {
    decryptKeyShare({ genesis, epoch, dealer, index, key, ciphertext, commitments });
    return 'member_at_fault';
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    return 'dealer_disqualified';
  } finally {
    key.fill(0);
  }
}

// ---- the group key (section 11.4) ----------------------------------------------------------

/**
 * The group key of a committee of `n` from the qualified dealings' commitment lists (32 bytes
 * each, `t_B + 1` per list): `{ commitments: [Â_0..Â_t], X, publicShares: [X_1..X_n] }` (bytes).
 * Throws a `ProtocolError` (code `'dkg'`) when fewer than `t_B + 1` dealings qualified or `X`
 * is the identity: the DKG failed.
 */
export function groupKey(n, commitmentLists) {
  const t = beaconThreshold(n);
  if (commitmentLists.length < t + 1) throw new ProtocolError('dkg', `${commitmentLists.length} qualified dealings, need ${t + 1}`);
  if (commitmentLists.some((list) => list.length !== t + 1)) throw new ProtocolError('dkg', `every dealing has t + 1 = ${t + 1} commitments`);
  const commitments = aggregateCommitments(commitmentLists);
  if (pointFromBytes(commitments[0]).is0()) throw new ProtocolError('dkg', 'the group key is the identity');
  const publicShares = Array.from({ length: n }, (_, m) => publicShare(commitments, m + 1));
  return { commitments, X: commitments[0], publicShares };
}

/** Member `index`'s public share `X_i = sum_k index^k * Â_k` (section 11.4), from `Â_0..Â_t` (32 bytes each). */
export function publicShare(commitments, index) {
  return evaluateCommitments(commitments.map(pointFromBytes), memberIndex(index)).toBytes();
}

/** Member `i`'s secret share `x_i = sum_{j in Q} s_{j,i}` (section 11.4) from its opened shares (BigInt). */
export function combineKeyShares(shares) {
  return shares.reduce((acc, s) => mod(acc + s), 0n);
}

/**
 * `keydigest_e` (section 11.4): the 32-byte digest of epoch `epoch`'s group key, for a committee
 * of `n` with commitments `Â_0..Â_t` (32 bytes each, `t = t_B`).
 */
export function groupKeyDigest(genesis, epoch, n, commitments) {
  const t = beaconThreshold(n);
  if (commitments.length !== t + 1) throw new ProtocolError('dkg', `a group key of ${n} members has ${t + 1} commitments`);
  return sha512(concat(BEACON_DST.dkgKey, epochContext(genesis, epoch), u32le(n), u32le(t), ...commitments)).slice(0, 32);
}

// ---- rounds (section 11.5) -----------------------------------------------------------------

// `genesis || u64le(e) || u64le(r)`: round `r` under epoch `e`, as its proofs and output bind it
// (without the seed `s_r`, which only `P_r` binds).
function roundContext(genesis, epoch, round) {
  return concat(epochContext(genesis, epoch), u64le(u64(round, 'round')));
}

// A round's seed `s_r`: 32 bytes, or a ProtocolError.
function roundSeed(seed) {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) {
    throw new ProtocolError('seed', 'a round seed s_r is 32 bytes (on chain, the `seed` of the stored round)');
  }
  return seed;
}

/**
 * `P_r` (section 11.5): the point of round `round` (u64, BigInt) under epoch `epoch` with seed
 * `seed` (`s_r`, 32 bytes: on chain the hash of the parent of the block the round opened in),
 * `HashToPoint("substrate-mpc/v1/beacon/point" || genesis || u64le(e) || u64le(r) || s_r)`,
 * 32 bytes.
 */
export function roundPoint(genesis, epoch, round, seed) {
  return hashToPoint(concat(BEACON_DST.point, roundContext(genesis, epoch, round), roundSeed(seed))).toBytes();
}

// The hash of a round share's DLEQ proof (section 11.5).
function roundDleqChallenge({ genesis, epoch, round, index, X, P, Y, A, B }) {
  return hashToScalar(concat(BEACON_DST.dleq, roundContext(genesis, epoch, round), u32le(memberIndex(index)), X, P, Y, A, B));
}

/**
 * Member `index`'s share of round `round` with seed `seed` (`s_r`, 32 bytes) (section 11.5) from
 * its secret share `x_i` (`secretShare`, BigInt): `{ Y, proof }`, `Y_i = x_i * P_r` with a DLEQ
 * proof that `log_G(X_i) == log_{P_r}(Y_i)` (32 and 64 bytes). The proof nonce `k` is random
 * unless given (test vectors).
 */
export function roundShare({ genesis, epoch, round, seed, index, secretShare, k }) {
  const P = roundPoint(genesis, epoch, round, seed);
  const Pp = pointFromBytes(P);
  const nonce = k ?? randomScalar();
  const Y = mul(Pp, secretShare).toBytes();
  const c = roundDleqChallenge({
    genesis, epoch, round, index, X: mul(Point.BASE, secretShare).toBytes(), P, Y,
    A: mul(Point.BASE, nonce).toBytes(), B: mul(Pp, nonce).toBytes(),
  });
  return { Y, proof: concat(scalarToBytes(c), scalarToBytes(nonce + c * secretShare)) };
}

/**
 * Verifies member `index`'s share of round `round` with seed `seed` (`s_r`, 32 bytes) (section
 * 11.5): `Y` (32 bytes, canonical; the identity included) with a DLEQ `proof` that
 * `log_G(X_i) == log_{P_r}(Y)`, `X_i` being the member's `publicShare` (32 bytes, from
 * {@link publicShare}). False for a non-canonical point and non-canonical `c` or `z`, and for a
 * share of the same round opened with another seed (on another branch of a fork). Throws a
 * `ProtocolError` (code `'seed'`) when `seed` is not 32 bytes.
 */
export function verifyRoundShare({ genesis, epoch, round, seed, index, publicShare: X, Y, proof }) {
  const P = roundPoint(genesis, epoch, round, seed);
  if (X.length !== 32 || Y.length !== 32 || !canonicalPoint(X) || !canonicalPoint(Y)) return false;
  const cz = proofScalars(proof);
  if (!cz) return false;
  const [c, z] = cz;
  const A = mulPublic(Point.BASE, z).subtract(mulPublic(pointFromBytes(X), c));
  const B = mulPublic(pointFromBytes(P), z).subtract(mulPublic(pointFromBytes(Y), c));
  return roundDleqChallenge({ genesis, epoch, round, index, X, P, Y, A: A.toBytes(), B: B.toBytes() }) === c;
}

/**
 * Combines round shares `[{ index, Y }]` (distinct indices, `Y` 32 bytes; not verified here)
 * to `Y = sum_i λ_i * Y_i` and the round's output
 * `ρ_r = SHA512("substrate-mpc/v1/beacon/output" || genesis || u64le(e) || u64le(r) || Y)[0..32]`
 * (section 11.5). Returns `{ Y, output }` (32 bytes each). It takes no seed: `ρ_r` does not
 * hash `s_r` (the seed is in `Y` through `P_r`), and nothing is verified here; check each
 * share first with {@link verifyRoundShare} and the round's seed, or use {@link verifyRound}.
 */
export function combineRound(genesis, epoch, round, shares) {
  const lambdas = lagrangeAtZero(shares.map((s) => memberIndex(s.index)));
  const Y = shares.reduce((acc, s, m) => acc.add(mulPublic(pointFromBytes(s.Y), lambdas[m])), Point.ZERO).toBytes();
  const output = sha512(concat(BEACON_DST.output, roundContext(genesis, epoch, round), Y)).slice(0, 32);
  return { Y, output };
}

/**
 * Verifies a round from the chain alone (section 11.5): round `round` with seed `seed` (`s_r`,
 * 32 bytes, the stored round's `seed`), the group's commitments `Â_0..Â_t`
 * (32 bytes each, `t = commitments.length - 1`) and exactly `t + 1` posted shares
 * `[{ index, Y, proof }]` with distinct indices in `1..n`. Pass `n`, the committee size: `t`
 * alone does not fix it (`n_B` is `2t + 1` or `2t + 2`), and without it only `index >= 1` is
 * checked. Rejects a group key `X = Â_0` that is the identity (the DKG fails with it). Recomputes
 * each `X_i`, checks each DLEQ proof, combines and hashes. Returns `{ Y, output }` (32 bytes
 * each), or throws a `ProtocolError` with code `'round'` saying what failed.
 */
export function verifyRound({ genesis, epoch, round, seed, commitments, shares, n }) {
  try {
    roundSeed(seed);
  } catch (e) {
    throw new ProtocolError('round', e.message);
  }
  const t = commitments.length - 1;
  if (t < 1) throw new ProtocolError('round', `a group key has at least 2 commitments, got ${commitments.length}`);
  if (n !== undefined && beaconThreshold(n) !== t) throw new ProtocolError('round', `a committee of ${n} has ${beaconThreshold(n) + 1} commitments, not ${t + 1}`);
  if (!commitments.every((a) => a.length === 32 && canonicalPoint(a))) throw new ProtocolError('round', 'a group commitment is not a canonical point');
  if (pointFromBytes(commitments[0]).is0()) throw new ProtocolError('round', 'the group key X is the identity: no such key is ever active');
  if (shares.length !== t + 1) throw new ProtocolError('round', `need exactly t + 1 = ${t + 1} shares, got ${shares.length}`);
  const seen = new Set();
  for (const { index } of shares) {
    if (!Number.isInteger(index) || index < 1 || index > (n ?? U32_MAX)) {
      throw new ProtocolError('round', `share index ${index} is not a member (1..${n ?? 'n'})`);
    }
    if (seen.has(index)) throw new ProtocolError('round', `two shares of member ${index}`);
    seen.add(index);
  }
  for (const { index, Y, proof } of shares) {
    if (!verifyRoundShare({ genesis, epoch, round, seed, index, publicShare: publicShare(commitments, index), Y, proof })) {
      throw new ProtocolError('round', `the round share of member ${index} does not verify`);
    }
  }
  return combineRound(genesis, epoch, round, shares);
}

// ---- values derived from a round (section 11.6) --------------------------------------------

/**
 * `Randomness::random(subject)` (section 11.6): the 32-byte value derived from a round's output
 * `rho` (32 bytes) for `subject` (bytes).
 */
export function subjectValue(rho, subject) {
  return sha512(concat(BEACON_DST.subject, rho, u32le(subject.length), subject)).slice(0, 32);
}

/** A job's 32-byte committee seed (section 11.6) from its draw round's output `rho` and `jobId` (u64, BigInt). */
export function committeeSeed(rho, jobId) {
  return sha512(concat(BEACON_DST.committee, rho, u64le(u64(jobId, 'job id')))).slice(0, 32);
}

/**
 * Draws a job's committee (section 11.6) with its committee seed `seed` (32 bytes, from
 * {@link committeeSeed}) from `candidates` candidates, named by their positions `0..L-1` in
 * pool order, for `n` seats: a partial Fisher-Yates shuffle that keeps each candidate it places
 * that `eligible(position)` accepts, until `n` are kept or the candidates run out. Returns the
 * kept positions in member order (member `i` is the `i - 1`-th); fewer than `n` when too few
 * were eligible, which on chain means no committee. `eligible` is asked about each candidate
 * at most once, in draw order. The shuffle does not depend on the answers: the candidates are
 * placed in one fixed order, and the answers only decide which are kept and when it stops.
 */
export function drawCommittee(seed, candidates, n, eligible = () => true) {
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new ProtocolError('seed', 'a committee seed is 32 bytes');
  if (!Number.isInteger(candidates) || candidates < 0 || candidates > U32_MAX) {
    throw new ProtocolError('range', `the candidate count ${candidates} is not a u32`);
  }
  if (!Number.isInteger(n) || n < 0) throw new ProtocolError('range', `the seat count ${n} is not a whole number`);
  const order = Array.from({ length: candidates }, (_, k) => k);
  const kept = [];
  for (let k = 0; kept.length < n && k < candidates; k++) {
    // h = u64le(SHA512(tag || seed_J || u32le(k))[0..8]); j = k + (h mod (L - k)).
    const h = numberFromLE(sha512(concat(BEACON_DST.draw, seed, u32le(k))).subarray(0, 8));
    const j = k + Number(h % BigInt(candidates - k));
    [order[k], order[j]] = [order[j], order[k]];
    if (eligible(order[k])) kept.push(order[k]);
  }
  return kept;
}

// ---- input validity proofs (section 12) ----------------------------------------------------

/** Domain-separation tags of section 12 (kept apart from {@link DST} and {@link BEACON_DST}). */
export const VALIDITY_DST = Object.freeze({
  onehot: te.encode('substrate-mpc/v1/onehot'),
});

const I128_MOD = 1n << 128n;

// SCALE `compact(n)` of an unsigned integer (all four modes).
function compact(n) {
  const v = BigInt(n);
  if (v < 0n) throw new ProtocolError('range', `compact(${v}): not unsigned`);
  if (v < 1n << 6n) return Uint8Array.of(Number(v << 2n));
  if (v < 1n << 14n) {
    const x = Number((v << 2n) | 1n);
    return Uint8Array.of(x & 0xff, x >> 8);
  }
  if (v < 1n << 30n) return u32le(Number((v << 2n) | 2n));
  const bytes = [];
  for (let x = v; x > 0n; x >>= 8n) bytes.push(Number(x & 0xffn));
  if (bytes.length > 67) throw new ProtocolError('range', `compact(${v}): more than 67 bytes`);
  return Uint8Array.of(((bytes.length - 4) << 2) | 3, ...bytes);
}

// Reads a canonical SCALE `compact` at `bytes[at]`: `[value (BigInt), next offset]`.
function readCompact(bytes, at) {
  const need = (n) => {
    if (at + n > bytes.length) throw new ProtocolError('rule', 'truncated compact length');
  };
  need(1);
  const mode = bytes[at] & 3;
  if (mode === 3) {
    const len = (bytes[at] >> 2) + 4;
    need(1 + len);
    const v = numberFromLE(bytes.subarray(at + 1, at + 1 + len));
    if (v < 1n << 30n || bytes[at + len] === 0) throw new ProtocolError('rule', 'non-canonical compact length');
    return [v, at + 1 + len];
  }
  const len = [1, 2, 4][mode];
  need(len);
  const v = numberFromLE(bytes.subarray(at, at + len)) >> 2n;
  if ((mode === 1 && v < 1n << 6n) || (mode === 2 && v < 1n << 14n)) {
    throw new ProtocolError('rule', 'non-canonical compact length');
  }
  return [v, at + len];
}

// `i128le(v)`: 16 bytes, little-endian two's complement.
function i128le(v) {
  const x = BigInt(v);
  if (x > I128_MAX || x < I128_MIN) throw new ProtocolError('range', `bound ${x} is outside i128`);
  return leBytes(BigInt.asUintN(128, x), 16);
}

function leBytes(n, width) {
  const out = new Uint8Array(width);
  for (let i = 0; i < width; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/**
 * The SCALE encoding of a job's input rule (section 12.1), the bytes the validity proofs hash as
 * `rule`: `{ type: 'None' }` -> `00`; `{ type: 'Range', bounds: [[lo, hi], ...] }` (BigInt, i128)
 * -> `01 || compact(bounds.length) || i128le(lo_0) || i128le(hi_0) || ...`;
 * `{ type: 'OneHot', abstain }` (boolean) -> `02 || (01 if abstain else 00)`. Throws a
 * `ProtocolError`: `'rule'` for an unknown rule or a malformed field, `'range'` for a bound
 * outside i128. It does not check a rule against a job (`d` bounds, `lo <= hi`, width): the
 * chain does that at job creation.
 */
export function encodeInputRule(rule) {
  switch (rule?.type) {
    case 'None':
      return Uint8Array.of(0);
    case 'Range': {
      const { bounds } = rule;
      if (!Array.isArray(bounds) || !bounds.every((b) => Array.isArray(b) && b.length === 2)) {
        throw new ProtocolError('rule', 'Range bounds are [[lo, hi], ...], one pair per component');
      }
      return concat(Uint8Array.of(1), compact(bounds.length), ...bounds.flatMap(([lo, hi]) => [i128le(lo), i128le(hi)]));
    }
    case 'OneHot':
      if (typeof rule.abstain !== 'boolean') throw new ProtocolError('rule', 'OneHot needs abstain: true or false');
      return Uint8Array.of(2, rule.abstain ? 1 : 0);
    default:
      throw new ProtocolError('rule', `unknown input rule ${JSON.stringify(rule?.type)}`);
  }
}

/**
 * Decodes a SCALE-encoded input rule (section 12.1), e.g. a proof-of-MPC record's: the inverse
 * of {@link encodeInputRule} (bounds as BigInt). Throws a `ProtocolError` (code `'rule'`) for an
 * unknown index, a truncated or non-canonical encoding, an `abstain` byte other than 0 or 1, or
 * trailing bytes.
 */
export function decodeInputRule(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new ProtocolError('rule', 'an input rule is at least one byte');
  const rest = bytes.length - 1;
  switch (bytes[0]) {
    case 0:
      if (rest !== 0) throw new ProtocolError('rule', 'trailing bytes after the rule None');
      return { type: 'None' };
    case 1: {
      const [count, at] = readCompact(bytes, 1);
      if (BigInt(bytes.length - at) !== count * 32n) {
        throw new ProtocolError('rule', `a Range rule of ${count} bounds is ${count * 32n} bytes after its length, got ${bytes.length - at}`);
      }
      const i128 = (o) => BigInt.asIntN(128, numberFromLE(bytes.subarray(o, o + 16)));
      const bounds = Array.from({ length: Number(count) }, (_, l) => [i128(at + 32 * l), i128(at + 32 * l + 16)]);
      return { type: 'Range', bounds };
    }
    case 2:
      if (rest !== 1 || bytes[1] > 1) throw new ProtocolError('rule', 'OneHot is followed by exactly one byte, 0 or 1');
      return { type: 'OneHot', abstain: bytes[1] === 1 };
    default:
      throw new ProtocolError('rule', `unknown input rule index ${bytes[0]}`);
  }
}

// The number of branches `m` of a one-hot proof (`d`, or `d + 1` with `abstain`); throws for a bad `d`.
function oneHotBranchCount(d, abstain) {
  if (!Number.isInteger(d) || d < 1 || d > U32_MAX) throw new ProtocolError('dimension', `dimension ${d} is not a whole number >= 1`);
  if (typeof abstain !== 'boolean') throw new ProtocolError('rule', 'OneHot needs abstain: true or false');
  return abstain ? d + 1 : d;
}

// The branches `D_k = C_0 - G_k` (k < d) and, with `abstain`, `D_d = C_0`.
function oneHotBranches(C, d, abstain) {
  const D = Array.from({ length: d }, (_, k) => C.subtract(generator(k)));
  if (abstain) D.push(C);
  return D;
}

// `HashToScalar("substrate-mpc/v1/onehot" || ctx || rule || C_0 || A_0 || ... || A_{m-1})`.
function oneHotChallenge({ genesis, jobId, provider, abstain, c0, A }) {
  const rule = encodeInputRule({ type: 'OneHot', abstain });
  const ctx = inputContext(genesis, u64(jobId, 'job id'), provider);
  return hashToScalar(concat(VALIDITY_DST.onehot, ctx, rule, c0, ...A));
}

// A simulated branch's `{ c, z }` from an array indexed by branch or a Map keyed by it.
function simulatedBranch(simulated, k) {
  if (simulated === undefined || simulated === null) return undefined;
  if (simulated instanceof Map) return simulated.get(k) ?? undefined;
  if (Array.isArray(simulated)) return simulated[k] ?? undefined;
  throw new ProtocolError('onehot', 'simulated is an array indexed by branch or a Map from branch to { c, z }');
}

/**
 * The one-hot proof of section 12.2 (a disjunctive CDS proof that `C_0` (`c0`, 32 bytes) commits
 * to a ballot): `choice` is the real branch (`k < d` for the ballot `e_k`, `d` for an abstention
 * when `abstain`), `b0` the constant blinding `b_0` of the dealing. Returns the proof bytes
 * `c_0 .. c_{m-1} || z_0 .. z_{m-1}` (`64 m`). Deterministic given `rho` and `simulated`, the
 * `{ c, z }` (BigInt) of the other branches as an array indexed by branch or a Map from branch;
 * whatever is not given comes from the platform CSPRNG. For tests and for reproducing the
 * vectors: providers prove with the Rust prover (section 12.5), which chooses the real branch
 * in constant time; this one does not. Throws a `ProtocolError`: `'dimension'` or `'rule'` for
 * bad `d` or `abstain`, `'point'` for a non-canonical `C_0`, `'onehot'` for a bad `choice`, a
 * simulated entry for the real branch, or when `D_choice != b0 * H` (`C_0` is not that ballot
 * with that blinding: the proof would not verify).
 */
export function proveOneHot({ genesis, jobId, provider, d, abstain, c0, choice, b0, rho, simulated }) {
  const m = oneHotBranchCount(d, abstain);
  if (!Number.isInteger(choice) || choice < 0 || choice >= m) {
    throw new ProtocolError('onehot', `choice ${choice} is not a branch (0..${m - 1})`);
  }
  if (simulatedBranch(simulated, choice) !== undefined) {
    throw new ProtocolError('onehot', `branch ${choice} is the real one: it takes no simulated (c, z)`);
  }
  const C = pointFromBytes(c0);
  const D = oneHotBranches(C, d, abstain);
  const H = blindingGenerator();
  if (!D[choice].equals(mul(H, b0))) {
    throw new ProtocolError('onehot', `C_0 - ${choice < d ? `G_${choice}` : '0'} is not b0 * H: C_0 is not that ballot with that blinding`);
  }
  const nonce = rho ?? randomScalar();
  const c = new Array(m);
  const z = new Array(m);
  const A = D.map((Dk, k) => {
    if (k === choice) return mul(H, nonce).toBytes();
    const sim = simulatedBranch(simulated, k);
    c[k] = mod(sim?.c ?? randomScalar());
    z[k] = mod(sim?.z ?? randomScalar());
    return mul(H, z[k]).subtract(mul(Dk, c[k])).toBytes();
  });
  const challenge = oneHotChallenge({ genesis, jobId, provider, abstain, c0, A });
  c[choice] = mod(challenge - c.reduce((acc, ck, k) => (k === choice ? acc : acc + ck), 0n));
  z[choice] = mod(nonce + c[choice] * b0);
  return concat(...c.map(scalarToBytes), ...z.map(scalarToBytes));
}

/**
 * Verifies a one-hot proof (section 12.2) for the commitment `C_0` (`c0`, 32 bytes, as
 * submitted) of an input of dimension `d` under the rule `OneHot { abstain }`, bound to the
 * chain, job and provider: that the input is a ballot `e_k` (`k < d`), or zero with `abstain`.
 * False, never a throw, for a proof of the wrong length (not `64 m`, `m = d` or `d + 1` with
 * `abstain`), a non-canonical scalar, a non-canonical `C_0` or a false proof. Throws a
 * `ProtocolError` only for bad parameters: `d` not a whole number >= 1, `abstain` not a boolean,
 * a job id that is not a u64.
 */
export function verifyOneHot({ genesis, jobId, provider, d, abstain, c0, proof }) {
  const m = oneHotBranchCount(d, abstain);
  u64(jobId, 'job id');
  if (!(proof instanceof Uint8Array) || proof.length !== 64 * m) return false;
  if (!(c0 instanceof Uint8Array) || c0.length !== 32 || !canonicalPoint(c0)) return false;
  let scalars;
  try {
    scalars = Array.from({ length: 2 * m }, (_, k) => scalarFromBytes(proof.subarray(32 * k, 32 * k + 32)));
  } catch {
    return false;
  }
  const c = scalars.slice(0, m);
  const z = scalars.slice(m);
  const H = blindingGenerator();
  const A = oneHotBranches(pointFromBytes(c0), d, abstain).map((Dk, k) => mulPublic(H, z[k]).subtract(mulPublic(Dk, c[k])).toBytes());
  const sum = c.reduce((acc, ck) => mod(acc + ck), 0n);
  return oneHotChallenge({ genesis, jobId, provider, abstain, c0, A }) === sum;
}

/**
 * Verifies an input's validity proof (section 12) under the job's `rule` (an object as for
 * {@link encodeInputRule}, or its SCALE bytes, e.g. from a proof-of-MPC record): `None` takes
 * only the empty proof; `OneHot` is {@link verifyOneHot}; `Range` is not supported yet and is
 * always false. False for a malformed or false proof; throws a `ProtocolError` (code `'rule'`)
 * for a rule that does not decode, and as {@link verifyOneHot} for bad parameters.
 */
export function verifyValidity({ genesis, jobId, provider, d, rule, c0, proof }) {
  const r = rule instanceof Uint8Array ? decodeInputRule(rule) : decodeInputRule(encodeInputRule(rule));
  switch (r.type) {
    case 'None':
      return proof instanceof Uint8Array && proof.length === 0;
    case 'OneHot':
      return verifyOneHot({ genesis, jobId, provider, d, abstain: r.abstain, c0, proof });
    default:
      return false;
  }
}

/**
 * The branch of the one-hot proof (section 12.2) that `values` (integers, one per component) is:
 * `k` for the ballot `e_k` (component `k` is 1, the others 0), `d` for the abstention (all 0),
 * which only a rule with `abstain` takes. Throws a `ProtocolError` (code `'ballot'`) for
 * anything else.
 */
export function ballotChoice(values, abstain) {
  const d = values.length;
  if (d < 1) throw new ProtocolError('dimension', 'need at least one value');
  const xs = values.map((v) => BigInt(v));
  const ones = xs.flatMap((x, k) => (x === 1n ? [k] : []));
  if (!xs.every((x) => x === 0n || x === 1n) || ones.length > 1) {
    throw new ProtocolError('ballot', `[${xs.join(', ')}] is not a ballot: one value 1 and the others 0${abstain ? ', or all 0 (abstain)' : ''}`);
  }
  if (ones.length === 1) return ones[0];
  if (!abstain) throw new ProtocolError('ballot', `[${xs.join(', ')}] is an abstention, and the job's rule OneHot takes none: one value must be 1`);
  return d;
}

/** Why the JS dealer ({@link dealWithRule}) cannot deal to a `Range` job. */
export const RANGE_PROVER_MISSING = 'range proofs (PROTOCOL.md section 12.3) need the Rust prover built to WebAssembly '
  + '(section 12.5): the JS dealer cannot make them; the wasm prover can (loadProver, or submitInput with dealer \'wasm\'; '
  + 'scripts/wasm builds it into clients/js/dist/mpc_wasm.wasm)';

/** The bit widths a range proof can have (section 12.1). */
export const RANGE_BITS = Object.freeze([8, 16, 32, 64]);

/**
 * The bit width `N` of a range rule with `bounds` (`[[lo, hi], ...]`, BigInt or safe integers;
 * section 12.1): the least of 8, 16, 32, 64 with `hi_l - lo_l < 2^N` for every `l`. Throws a
 * `ProtocolError` (code `'rule'`) for no bounds, `lo > hi`, or `hi - lo >= 2^64`.
 */
export function rangeBits(bounds) {
  if (!Array.isArray(bounds) || bounds.length === 0) throw new ProtocolError('rule', 'a Range rule has at least one pair of bounds');
  let widest = 0n;
  for (const [lo, hi] of bounds) {
    const span = BigInt(hi) - BigInt(lo);
    if (span < 0n) throw new ProtocolError('rule', `range bounds [${lo}, ${hi}]: lo > hi`);
    if (span >= 1n << 64n) throw new ProtocolError('rule', `range bounds [${lo}, ${hi}] span 2^64 or more`);
    if (span > widest) widest = span;
  }
  return RANGE_BITS.find((b) => b === 64 || widest < 1n << BigInt(b));
}

/**
 * The exact length in bytes of a range proof (section 12.3) for dimension `d` at bit width
 * `nBits`: `32 (9 + 2 log2(N M))` for `d = 1`, with `M` the least power of two `>= 2 d`; for
 * `d > 1` also the `d` commitments `V_l` and the linking proof, `32 d + 32 (2 d + 2)` more
 * (544 bytes for `d = 1` at 8 bits, 736 at 64; 1,248 for `d = 4` at 32).
 */
export function rangeProofLength(d, nBits) {
  if (!Number.isInteger(d) || d < 1) throw new ProtocolError('dimension', `dimension ${d} is not a whole number >= 1`);
  if (!RANGE_BITS.includes(nBits)) throw new ProtocolError('rule', `bit width ${nBits} is not one of ${RANGE_BITS.join(', ')}`);
  let m = 1;
  while (m < 2 * d) m *= 2;
  const rounds = Math.log2(nBits * m);
  const bulletproof = 32 * (9 + 2 * rounds);
  return d === 1 ? bulletproof : 32 * d + 32 * (2 * d + 2) + bulletproof;
}

/**
 * What this package can check of a range proof (section 12.3) without a Bulletproofs verifier:
 * its exact length for the rule (the chain refuses any other length before any curve
 * arithmetic) and, for `d > 1`, that each `V_l` it starts with is a canonical point encoding
 * (the identity included). `rule`: a `Range` rule (protocol form or SCALE bytes); `proof`: the
 * validity proof's bytes. Returns `null` when both hold, otherwise why not. This is not a
 * verification: a proof that passes may still be false (neither the linking proof nor the
 * Bulletproofs proof is verified here).
 */
export function checkRangeProofForm({ rule, proof }) {
  const r = rule instanceof Uint8Array ? decodeInputRule(rule) : decodeInputRule(encodeInputRule(rule));
  if (r.type !== 'Range') throw new ProtocolError('rule', `checkRangeProofForm takes a Range rule, not ${r.type}`);
  const d = r.bounds.length;
  const nBits = rangeBits(r.bounds);
  const expected = rangeProofLength(d, nBits);
  if (!(proof instanceof Uint8Array)) return 'the range proof is not bytes';
  if (proof.length !== expected) {
    return `a range proof for dimension ${d} at ${nBits} bits is ${expected} bytes, this one is ${proof.length}`;
  }
  if (d > 1) {
    for (let l = 0; l < d; l++) {
      if (!canonicalPoint(proof.subarray(32 * l, 32 * l + 32))) return `its V_${l} is not a canonical point encoding`;
    }
  }
  return null;
}

/**
 * Deals `values` like {@link deal} to a job whose input rule is `rule` (an `InputRule` object as
 * for {@link encodeInputRule}, or its SCALE bytes), with the validity proof of section 12 that
 * `submit_input` takes next to the submission: `{ submission, validity }` (`validity` bytes).
 * `None`: the empty proof. `OneHot`: `values` must be a ballot ({@link ballotChoice}), proved on
 * the dealing's `C_0` with its blinding `b_0` ({@link proveOneHot}); the randomness comes from the
 * platform CSPRNG, and neither the values nor `b_0` leave this function. That prover is not
 * constant time in the ballot's branch (the Rust prover built to WebAssembly, section 12.5, is):
 * run it where nobody else can time the process. `Range`: throws a `ProtocolError` (code
 * `'unsupported'`): range proofs need that Rust prover (`loadProver` in this package's index).
 * Throws `'ballot'` for values that are not a ballot, before dealing anything.
 */
export function dealWithRule({ genesis, jobId, provider, keys, t, values, rule }) {
  const r = rule instanceof Uint8Array ? decodeInputRule(rule) : decodeInputRule(encodeInputRule(rule));
  switch (r.type) {
    case 'None':
      return { submission: deal({ genesis, jobId, provider, keys, t, values }), validity: new Uint8Array(0) };
    case 'OneHot': {
      const d = values.length;
      const choice = ballotChoice(values, r.abstain);
      const randomness = dealingRandomness(d, t);
      const submission = dealWithRandomness({ genesis, jobId, provider, keys, t, values, ...randomness });
      const validity = proveOneHot({
        genesis, jobId, provider, d, abstain: r.abstain, c0: submission.commitments[0], choice, b0: randomness.blinding[0],
      });
      return { submission, validity };
    }
    default:
      throw new ProtocolError('unsupported', RANGE_PROVER_MISSING);
  }
}
