// PROTOCOL.md section 12.3 (range proofs) against the range vectors
// (primitives/tests/vectors/range-v1.json): what this package checks without a Bulletproofs
// verifier. Each case's C_0 from its values and b_0; its rule's encoding; the proof's exact
// length (`rangeBits`, `rangeProofLength`) and form (`checkRangeProofForm`); for d > 1 the
// V_l it starts with, and its linking proof reproduced here from the section's text with the
// recorded nonces. The rejected proofs whose form is wrong are caught; the others are not
// (their Bulletproofs part is what is false), which the audit reports as "not re-verified".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { recordedVectors } from './recorded-vectors.js';
import {
  L, fromHex, toHex, concat, u64le, scalarFromBytes, scalarToBytes, generator, blindingGenerator, encodeValue,
  hashToScalar, encodeInputRule, decodeInputRule, rangeBits, rangeProofLength, checkRangeProofForm, RANGE_BITS,
  ProtocolError,
} from '../src/protocol.js';

const { V, unread } = recordedVectors('range-v1.json');
const s = (hex) => scalarFromBytes(fromHex(hex));
const times = (P, k) => (k % L === 0n ? ristretto255.Point.ZERO : P.multiply(k % L));
const ctx = concat(fromHex(V.genesis), u64le(BigInt(V.job_id)), fromHex(V.provider));

test('each case: C_0, the rule, the proof\'s length and form; for d > 1 its V_l and its linking proof', () => {
  assert.match(V.description, /section 12\.3/);
  for (const c of V.cases) {
    const values = c.values.map(BigInt);
    const d = c.d;
    assert.equal(values.length, d, c.name);
    const b0 = s(c.b0);
    const H = blindingGenerator();
    const C0 = values.reduce((acc, x, l) => acc.add(times(generator(l), encodeValue(x))), times(H, b0));
    assert.equal(toHex(C0.toBytes()), c.C0, `${c.name}: C_0`);
    const ruleBytes = fromHex(c.rule);
    const rule = decodeInputRule(ruleBytes);
    assert.equal(rule.type, 'Range');
    assert.equal(toHex(encodeInputRule(rule)), c.rule);
    assert.equal(rule.bounds.length, d);
    const nBits = rangeBits(rule.bounds);
    assert.ok(new RegExp(`\\(${nBits} bits\\)`).test(c.name), `${c.name}: ${nBits} bits`);
    const proof = fromHex(c.proof);
    assert.equal(proof.length, rangeProofLength(d, nBits), `${c.name}: length`);
    assert.equal(checkRangeProofForm({ rule: ruleBytes, proof }), null, c.name);
    assert.equal(checkRangeProofForm({ rule, proof }), null, c.name);
    if (d === 1) continue;
    // V_l = enc(x_l) G + gamma_l H, then c || zx || zg || zb with the recorded nonces.
    const G = generator(0);
    const gamma = c.gamma.map(s);
    const Vl = values.map((x, l) => times(G, encodeValue(x)).add(times(H, gamma[l])).toBytes());
    assert.equal(toHex(proof.subarray(0, 32 * d)), toHex(concat(...Vl)), `${c.name}: V_l`);
    const kx = c.kx.map(s);
    const kg = c.kg.map(s);
    const kb = s(c.kb);
    const Al = kx.map((k, l) => times(G, k).add(times(H, kg[l])).toBytes());
    const A = kx.reduce((acc, k, l) => acc.add(times(generator(l), k)), times(H, kb)).toBytes();
    const ch = hashToScalar(concat(new TextEncoder().encode('substrate-mpc/v1/link'), ctx, ruleBytes, C0.toBytes(), ...Vl, ...Al, A));
    const mod = (x) => ((x % L) + L) % L;
    const link = concat(
      scalarToBytes(ch),
      ...kx.map((k, l) => scalarToBytes(mod(k + ch * encodeValue(values[l])))),
      ...kg.map((k, l) => scalarToBytes(mod(k + ch * gamma[l]))),
      scalarToBytes(mod(kb + ch * b0)),
    );
    assert.equal(toHex(proof.subarray(32 * d, 32 * d + link.length)), toHex(link), `${c.name}: linking proof`);
  }
});

test('rejected proofs: a wrong length or a non-canonical V_l is caught here; a false Bulletproofs part is not', () => {
  const caught = [];
  for (const r of V.rejected) {
    assert.equal(typeof r.job_id, 'number');
    assert.equal(r.provider.length, 64);
    assert.equal(fromHex(r.C0).length, 32);
    const proof = fromHex(r.proof);
    const rule = fromHex(r.rule);
    assert.equal(decodeInputRule(rule).bounds.length, r.d);
    const wrong = checkRangeProofForm({ rule, proof });
    if (wrong) caught.push([r.name, wrong]);
  }
  assert.deepEqual(caught, [['the first case\'s proof without its last 32 bytes', 'a range proof for dimension 1 at 8 bits is 544 bytes, this one is 512']]);
  // A V_l that is not a point, in the d = 2 case.
  const c = V.cases.find((x) => x.d === 2);
  const proof = fromHex(c.proof);
  proof.fill(0xff, 32, 64);
  assert.equal(checkRangeProofForm({ rule: fromHex(c.rule), proof }), 'its V_1 is not a canonical point encoding');
});

test('rangeBits and rangeProofLength: section 12.1 and 12.3', () => {
  assert.deepEqual(RANGE_BITS, [8, 16, 32, 64]);
  assert.equal(rangeBits([[0n, 255n]]), 8);
  assert.equal(rangeBits([[0n, 256n]]), 16);
  assert.equal(rangeBits([[0, 100], [-5n, 5n]]), 8);
  assert.equal(rangeBits([[0n, 10_000_000n]]), 32);
  assert.equal(rangeBits([[0n, 1n << 32n]]), 64);
  assert.equal(rangeBits([[-(1n << 63n), (1n << 63n) - 1n]]), 64);
  assert.equal(rangeBits([[5n, 5n]]), 8);
  for (const bad of [[], [[1n, 0n]], [[0n, 1n << 64n]]]) assert.throws(() => rangeBits(bad), (e) => e instanceof ProtocolError && e.code === 'rule');
  // The sizes the section gives.
  assert.equal(rangeProofLength(1, 8), 544);
  assert.equal(rangeProofLength(1, 64), 736);
  assert.equal(rangeProofLength(4, 32), 1248);
  assert.throws(() => rangeProofLength(1, 12), (e) => e.code === 'rule');
  assert.throws(() => rangeProofLength(0, 8), (e) => e.code === 'dimension');
  assert.throws(() => checkRangeProofForm({ rule: { type: 'None' }, proof: new Uint8Array(0) }), (e) => e.code === 'rule');
});

test('every field of range-v1.json was read', () => {
  assert.deepEqual(unread(), []);
});
