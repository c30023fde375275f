// The interoperability contract: this implementation reproduces the shared protocol vectors
// (the same file the Rust crate mpc-primitives reproduces).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  L, DST, concat, u32le, fromHex, toHex, scalarFromBytes, pointFromBytes, keyFromBytes,
  hashToScalar, hashToPoint, generator, blindingGenerator, encodeValue, decodeValue, fitsI128,
  floorDiv, dealWithRandomness, lagrangeAtZero, verifyResultShare, verifyOutput, scalarToBytes,
} from '../src/protocol.js';
import { sha512 } from '@noble/hashes/sha2.js';

const V = JSON.parse(readFileSync(new URL('../../../primitives/tests/vectors/protocol-v1.json', import.meta.url)));
const s = (hex) => scalarFromBytes(fromHex(hex));

test('conventions and hashes', () => {
  assert.equal(L.toString(), V.conventions.l);
  for (const [name, bytes] of Object.entries(DST)) assert.equal(toHex(bytes), V.conventions.dst[name]);
  for (const c of V.hash) {
    const input = fromHex(c.input);
    assert.equal(toHex(sha512(input)), c.sha512);
    assert.equal(toHex(scalarToBytes(hashToScalar(input))), c.hash_to_scalar);
    assert.equal(toHex(hashToPoint(input).toBytes()), c.hash_to_point);
  }
});

test('generators', () => {
  V.generators.G.forEach((g, l) => assert.equal(toHex(generator(l).toBytes()), g));
  assert.equal(toHex(blindingGenerator().toBytes()), V.generators.H);
});

test('values', () => {
  for (const c of V.values.encode) assert.equal(toHex(scalarToBytes(encodeValue(BigInt(c.value)))), c.scalar);
  for (const c of V.values.decode) {
    const v = decodeValue(s(c.scalar));
    assert.equal(v.toString(), c.value);
    assert.equal(fitsI128(v), c.fits_i128);
  }
  for (const c of V.values.encode_rejected) assert.throws(() => encodeValue(BigInt(c.value)), /outside i128/);
  for (const c of V.values.mean) assert.equal(floorDiv(BigInt(c.y), c.count).toString(), c.mean);
});

function reproduce(job, c) {
  const out = dealWithRandomness({
    genesis: fromHex(job.genesis),
    jobId: BigInt(job.job_id),
    provider: fromHex(c.provider),
    keys: job.worker_keys.map(fromHex),
    t: job.t,
    values: c.values.map(BigInt),
    coefficients: c.coefficients.map((row) => row.map(s)),
    blinding: c.blinding.map(s),
    r: s(c.r),
    k: s(c.dealing_proof.k),
  });
  assert.equal(toHex(out.ephemeralKey), c.R);
  assert.deepEqual(out.commitments.map(toHex), c.commitments);
  assert.equal(toHex(out.proof), c.dealing_proof.proof);
  c.workers.forEach((w, i) => {
    if (c.tampered_index !== w.index) assert.equal(toHex(out.ciphertexts[i]), w.ciphertext, `worker ${w.index}`);
  });
}

test('dealings reproduce byte for byte', () => {
  for (const c of V.dealing) reproduce(c, c);
  for (const p of V.aggregation.providers) reproduce(V.aggregation, p);
  for (const p of V.aggregation_overflow.providers) reproduce(V.aggregation_overflow, p);
  reproduce(V.rejections.bad_share, V.rejections.bad_share);
});

function checkAggregation(a) {
  const aggregate = a.aggregate_commitments.map((h) => pointFromBytes(fromHex(h)));
  const share = (r) => ({ index: r.index, values: r.S.map(s), blinding: s(r.U) });
  for (const r of a.result_shares) assert.equal(verifyResultShare(r.index, share(r).values, share(r).blinding, aggregate), r.valid);
  for (const r of a.invalid_result_shares) assert.equal(verifyResultShare(r.index, share(r).values, share(r).blinding, aggregate), false);
  for (const rec of a.reconstructions) {
    assert.deepEqual(lagrangeAtZero(rec.indices).map((x) => toHex(scalarToBytes(x))), rec.lagrange);
    const shares = rec.indices.map((i) => share(a.result_shares.find((r) => r.index === i)));
    const out = verifyOutput({ d: a.d, aggregate, shares });
    assert.deepEqual(out.y.map((x) => toHex(scalarToBytes(x))), rec.y);
    assert.equal(toHex(scalarToBytes(out.blinding)), rec.blinding);
    assert.deepEqual(out.values.map(String), rec.decoded);
    assert.deepEqual(out.values.map((v) => (fitsI128(v) ? v.toString() : 'overflow')), rec.i128);
    assert.deepEqual(out.values.map((v) => floorDiv(v, a.qualified.length).toString()), rec.mean);
  }
  const bad = a.invalid_result_shares[0];
  const shares = a.reconstructions[0].indices.map((i) => (i === bad.index ? share(bad) : share(a.result_shares.find((r) => r.index === i))));
  if (a.reconstructions[0].indices.includes(bad.index)) {
    assert.throws(() => verifyOutput({ d: a.d, aggregate, shares }), /does not verify/);
  }
}

test('aggregation, reconstruction and output check', () => {
  checkAggregation(V.aggregation);
  checkAggregation(V.aggregation_overflow);
});

test('non-canonical scalars and points are rejected', () => {
  for (const c of V.rejections.scalars) assert.throws(() => scalarFromBytes(fromHex(c.hex)));
  for (const c of V.rejections.points) {
    if (/^0+$/.test(c.hex)) {
      assert.ok(pointFromBytes(fromHex(c.hex)).is0());
      assert.throws(() => keyFromBytes(fromHex(c.hex)), /identity/);
    } else {
      assert.throws(() => pointFromBytes(fromHex(c.hex)));
    }
  }
  assert.equal(toHex(concat(DST.G, u32le(1))), V.generators.G_hash_input[1]);
});
