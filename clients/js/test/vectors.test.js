// The interoperability contract: this implementation reproduces the shared protocol vectors
// (the same file the Rust crate mpc-primitives reproduces).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  L, DST, concat, u32le, fromHex, toHex, scalarFromBytes, pointFromBytes, keyFromBytes,
  hashToScalar, hashToPoint, generator, blindingGenerator, encodeValue, decodeValue, fitsI128,
  floorDiv, dealWithRandomness, lagrangeAtZero, verifyResultShare, verifyOutput, scalarToBytes,
  verifyDealingProof, submissionVerdict, shareAad, deriveKey, decryptShare, checkShare, verifyDleq,
  complaintVerdict, inputsDigest, aggregateCommitments, committeeDigest, ProtocolError,
} from '../src/protocol.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { blake2b } from '@noble/hashes/blake2.js';

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

// ---- checking inputs: dealing proofs, acceptance, keys, shares, complaints ----------------

const hexes = (list) => list.map(fromHex);
const ctxOf = (c) => ({ genesis: fromHex(c.genesis), jobId: BigInt(c.job_id), provider: fromHex(c.provider) });

test('dealing proofs verify, and every invalid case is rejected', () => {
  const check = (c) => verifyDealingProof({
    ...ctxOf(c), ephemeralKey: fromHex(c.R), commitments: hexes(c.commitments), proof: fromHex(c.proof),
  });
  assert.ok(V.dealing_proof.valid.length > 0);
  for (const c of V.dealing_proof.valid) assert.equal(check(c), true, c.from);
  for (const c of V.dealing_proof.invalid) assert.equal(check(c), false, c.reason);
  for (const c of V.dealing) assert.equal(check({ ...c, proof: c.dealing_proof.proof }), true, c.name);
});

test('submissions get the chain verdict of the vectors', () => {
  const verdict = (c, over = {}) => submissionVerdict({
    ...ctxOf(c), n: c.n, t: c.t, d: c.d, ephemeralKey: fromHex(c.R), proof: fromHex(c.proof),
    commitments: hexes(c.commitments), ciphertexts: hexes(c.ciphertexts), priorEphemeralKeys: hexes(c.prior_R), ...over,
  });
  const seen = new Set();
  for (const c of V.submissions) {
    assert.equal(verdict(c), c.verdict, c.name);
    seen.add(c.verdict);
  }
  assert.equal(seen.size, 9, 'every rule is exercised');
  const copy = { ...V.rejections.copied_submission, provider: V.rejections.copied_submission.original_provider, prior_R: [] };
  for (const a of copy.attempts) {
    assert.equal(verdict(copy, { provider: fromHex(a.provider), jobId: BigInt(a.job_id), ephemeralKey: fromHex(a.R), priorEphemeralKeys: hexes(a.prior_R) }), a.verdict, a.name);
  }
});

function checkWorkers(job, c) {
  for (const w of c.workers) {
    const ctx = { ...ctxOf({ ...job, provider: c.provider }), index: w.index };
    assert.equal(toHex(shareAad(ctx)), w.aad);
    const key = deriveKey({ ...ctx, ephemeralKey: fromHex(c.R), workerKey: fromHex(w.E), sharedKey: fromHex(w.K) });
    assert.equal(toHex(key), w.key);
    const share = decryptShare({ ...ctx, key, d: job.d, ciphertext: fromHex(w.ciphertext) });
    assert.deepEqual(share.values.map((x) => toHex(scalarToBytes(x))), w.share.s);
    assert.equal(toHex(scalarToBytes(share.blinding)), w.share.u);
    assert.equal(checkShare(w.index, share, hexes(c.commitments)), w.check, `worker ${w.index}`);
  }
}

test('workers derive the keys, decrypt their shares and check them (section 6)', () => {
  for (const c of V.dealing) checkWorkers(c, c);
  for (const p of V.aggregation.providers) checkWorkers(V.aggregation, p);
  for (const p of V.aggregation_overflow.providers) checkWorkers(V.aggregation_overflow, p);
  checkWorkers(V.rejections.bad_share, V.rejections.bad_share);
  assert.ok(V.rejections.bad_share.workers.some((w) => w.check === false));
  // K_i = e_i * R, from the worker's secret.
  for (const c of V.dealing) {
    c.workers.forEach((w, k) => assert.equal(toHex(keyFromBytes(fromHex(c.R)).multiply(s(c.worker_secrets[k])).toBytes()), w.K));
  }
});

test('tampered ciphertexts and a wrong AAD do not decrypt', () => {
  for (const c of V.rejections.ciphertexts) {
    const E = toHex(generator(0).multiply(s(c.e)).toBytes());
    const K = keyFromBytes(fromHex(c.R)).multiply(s(c.e)).toBytes();
    const ctx = { ...ctxOf(c), index: c.index };
    const key = deriveKey({ ...ctx, ephemeralKey: fromHex(c.R), workerKey: fromHex(E), sharedKey: K });
    assert.throws(() => decryptShare({ ...ctx, key, d: c.d, ciphertext: fromHex(c.ciphertext) }), (e) => e.code === 'decrypt', c.reason);
  }
  const w = V.rejections.wrong_aad;
  assert.equal(toHex(shareAad({ ...ctxOf(w), provider: fromHex(w.other_provider), index: w.index })), w.aad_other);
  assert.throws(() => decryptShare({
    ...ctxOf(w), provider: fromHex(w.other_provider), index: w.index, key: fromHex(w.key), d: w.d, ciphertext: fromHex(w.ciphertext),
  }), (e) => e.code === 'decrypt');
  assert.doesNotThrow(() => decryptShare({ ...ctxOf(w), index: w.index, key: fromHex(w.key), d: w.d, ciphertext: fromHex(w.ciphertext) }));
});

test('DLEQ proofs verify, and every invalid case is rejected', () => {
  const check = (c) => verifyDleq({
    ...ctxOf(c), index: c.index, workerKey: fromHex(c.E), ephemeralKey: fromHex(c.R), sharedKey: fromHex(c.K), proof: fromHex(c.proof),
  });
  for (const c of V.dleq.valid) assert.equal(check(c), true, c.from);
  for (const c of V.dleq.invalid) assert.equal(check(c), false, c.reason);
});

test('complaints get the chain verdict of the vectors', () => {
  const b = V.rejections.bad_share;
  const verdicts = b.complaints.map((c) => complaintVerdict({
    ...ctxOf(b), index: c.index, d: b.d, workerKey: fromHex(b.worker_keys[c.index - 1]), ephemeralKey: fromHex(b.R),
    commitments: hexes(b.commitments), ciphertext: fromHex(b.workers[c.index - 1].ciphertext), sharedKey: fromHex(c.K), proof: fromHex(c.proof),
  }));
  assert.deepEqual(verdicts.map((v) => v.verdict), b.complaints.map((c) => c.verdict));
  assert.match(verdicts[0].reason, /fails the commitment check/);
  // The same proof for another worker index, or with a wrong K, is refused outright.
  const c = b.complaints[0];
  const refused = complaintVerdict({
    ...ctxOf(b), index: 3, d: b.d, workerKey: fromHex(b.worker_keys[2]), ephemeralKey: fromHex(b.R),
    commitments: hexes(b.commitments), ciphertext: fromHex(b.workers[2].ciphertext), sharedKey: fromHex(c.K), proof: fromHex(c.proof),
  });
  assert.equal(refused.verdict, 'invalid_proof');
});

// ---- the proof-of-MPC record (PROTOCOL.md section 10) --------------------------------------

test('inputs digest: the vector of section 10', () => {
  const input = { provider: new Uint8Array(32).fill(1), commitments: [new Uint8Array(32).fill(2), new Uint8Array(32).fill(3)] };
  assert.equal(toHex(inputsDigest([input])), '849d881a8bcfa58ac888885ca0e167d4664a122ee0319a7e132819b5707dd67c');
  assert.equal(toHex(inputsDigest([])), '00'.repeat(32));
  // Chained: D_2 hashes D_1 with index 1; order and index matter.
  const two = inputsDigest([input, input]);
  assert.notEqual(toHex(two), toHex(inputsDigest([input])));
  assert.equal(two.length, 32);
});

test('committee digest: the vector of section 10', () => {
  const member = (a, e) => ({ account: new Uint8Array(32).fill(a), key: new Uint8Array(32).fill(e) });
  const committee = [member(1, 2), member(3, 4)];
  assert.equal(toHex(committeeDigest(committee)), 'f22089d9e11f10ca939583cb03bc57a3a57b1163745c5d637fb5c2280f197439');
  // BLAKE2b-256 of A_1 || E_1 || A_2 || E_2, nothing else around it.
  assert.equal(toHex(committeeDigest(committee)), toHex(blake2b(new Uint8Array([...Array(32).fill(1), ...Array(32).fill(2), ...Array(32).fill(3), ...Array(32).fill(4)]), { dkLen: 32 })));
  // Order matters, and so does which key goes with which account.
  assert.notEqual(toHex(committeeDigest([member(3, 4), member(1, 2)])), toHex(committeeDigest(committee)));
  assert.notEqual(toHex(committeeDigest([member(1, 4), member(3, 2)])), toHex(committeeDigest(committee)));
  for (const bad of [[{ account: new Uint8Array(31), key: new Uint8Array(32) }], [{ account: new Uint8Array(32), key: '02'.repeat(32) }]]) {
    assert.throws(() => committeeDigest(bad), (e) => e instanceof ProtocolError && e.code === 'committee');
  }
});

test('aggregate commitments: the vector sums', () => {
  for (const a of [V.aggregation, V.aggregation_overflow]) {
    const lists = a.qualified.map((k) => hexes(a.providers[k].commitments));
    assert.deepEqual(aggregateCommitments(lists).map(toHex), a.aggregate_commitments);
  }
  assert.deepEqual(aggregateCommitments([]), []);
});
