// Encodings and arithmetic of PROTOCOL.md sections 1 and 14.1, written from the spec text with
// @noble for the independent checks of the threshold-key vectors (frost-vectors.test.js,
// frost-refresh-vectors.test.js). Nothing here comes from src/ or the Rust side.
import assert from 'node:assert/strict';
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';

export const Ed = ed25519.Point; // B: the Ed25519 base point
export const Rist = ristretto255.Point; // G: the ristretto255 base point
export const B = Ed.BASE;
export const G = Rist.BASE;
export const L = Ed.Fn.ORDER;
assert.equal(L, Rist.Fn.ORDER, 'Ed25519 and ristretto255 have the same order l');
assert.equal(L, 2n ** 252n + 27742317777372353535851937790883648493n);

const enc = new TextEncoder();
export const ascii = (s) => enc.encode(s);
export const fromHex = (h) => {
  assert.match(h, /^([0-9a-f]{2})*$/);
  return Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
};
export const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
export const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
export const leInt = (bytes) => bytes.reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n);
export const leBytes = (x, len) => {
  const out = new Uint8Array(len);
  for (let k = 0; k < len; k++) out[k] = Number((x >> BigInt(8 * k)) & 0xffn);
  assert.equal(x >> BigInt(8 * len), 0n, `${x} fits in ${len} bytes`);
  return out;
};
export const u32le = (x) => leBytes(BigInt(x), 4);
export const u64le = (x) => leBytes(BigInt(x), 8);
export const mod = (x) => ((x % L) + L) % L;
export const inv = (x) => Ed.Fn.inv(mod(x));
/** A canonical scalar (32 bytes little-endian, < l); throws otherwise. */
export const scalar = (bytes) => {
  assert.equal(bytes.length, 32, 'a scalar is 32 bytes');
  const x = leInt(bytes);
  if (x >= L) throw new Error('non-canonical scalar');
  return x;
};
export const scalarBytes = (x) => leBytes(mod(x), 32);
/** HashToScalar: SHA-512 as a 512-bit little-endian integer, mod l. */
export const hashToScalar = (...parts) => mod(leInt(sha512(concat(...parts))));
export const digest32 = (...parts) => sha512(concat(...parts)).slice(0, 32);
// Multiplication by any scalar, 0 included (noble's multiply refuses 0).
export const mulEd = (P, k) => (mod(k) === 0n ? Ed.ZERO : P.multiply(mod(k)));
export const mulRist = (P, k) => (mod(k) === 0n ? Rist.ZERO : P.multiply(mod(k)));
/** A valid Ed25519 point (14.1): decodes (strict RFC 8032), canonical, not the identity, prime order. */
export const edPoint = (bytes) => {
  assert.equal(bytes.length, 32);
  const P = Ed.fromBytes(bytes);
  if (toHex(P.toBytes()) !== toHex(bytes)) throw new Error('non-canonical point');
  if (P.is0()) throw new Error('identity');
  if (!P.isTorsionFree()) throw new Error('not of prime order');
  return P;
};
/** A ristretto255 point (section 1): canonical encoding, not the identity. */
export const ristPoint = (bytes) => {
  const P = Rist.fromBytes(bytes);
  if (P.is0()) throw new Error('identity');
  return P;
};
export const edSum = (points) => points.reduce((acc, P) => acc.add(P), Ed.ZERO);
/** Lagrange coefficient of `xi` at `at` over the abscissas `xs`. */
export const lagrange = (xi, xs, at = 0n) => xs.filter((x) => x !== xi)
  .reduce((acc, x) => mod(acc * mod(at - x) * inv(xi - x)), 1n);
export const flip = (bytes, at) => {
  const b = Uint8Array.from(bytes);
  b[at] ^= 1;
  return b;
};

// ---- Section 14.4 and 14.5 encodings, over a sender's context `ctx || u32le(j)` ----

/** 14.4 step 2: T' = z*G - c*E, c == HashToScalar(tag || ctx || u32le(j) || W_j || E || T'). */
export const verifyEnvelopeProof = ({ ctx, j, account: W, E, proof }) => {
  try {
    const c = scalar(proof.subarray(0, 32));
    const z = scalar(proof.subarray(32, 64));
    const T = mulRist(G, z).subtract(mulRist(ristPoint(E), c));
    return c === hashToScalar(ascii('substrate-mpc/v1/frost/envelope'), ctx, u32le(j), W, E, T.toBytes());
  } catch {
    return false;
  }
};
/** 14.4 step 3: key_{j,i} for recipient i, over sender j's context `sender`. */
export const shareKey = (sender, i, E, Ei, K) => digest32(ascii('substrate-mpc/v1/frost/kdf'), sender, u32le(i), E, Ei, K);
/** 14.4 step 3: aad_{j,i}. */
export const shareAad = (sender, i) => concat(ascii('substrate-mpc/v1/frost/share'), sender, u32le(i));
/** 14.5: h_j = SHA512(tag || sender || commitments || E || ct...)[0..32]. */
export const envelopeDigest = (sender, commitments, E, ciphertexts) => digest32(ascii('substrate-mpc/v1/frost/digest'), sender, ...commitments, E, ...ciphertexts);

// RFC 9591 section 6.1, FROST(Ed25519, SHA-512).
const CTX = ascii('FROST-ED25519-SHA512-v1');
export const H1 = (m) => hashToScalar(CTX, ascii('rho'), m);
export const H2 = (m) => hashToScalar(m);
export const H4 = (m) => sha512(concat(CTX, ascii('msg'), m));
export const H5 = (m) => sha512(concat(CTX, ascii('com'), m));
