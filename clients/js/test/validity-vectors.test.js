// PROTOCOL.md section 12 (input validity proofs, draft): the rules' encoding (12.1) and the
// one-hot proof (12.2). This implementation, written from the text, reproduces the validity
// vectors (the file the Rust crate mpc-primitives produces and checks), all of them: the
// 'every field' test fails if a field of the file was never read here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordedVectors } from './recorded-vectors.js';
import { ristretto255 } from '@noble/curves/ed25519.js';
import {
  L, fromHex, toHex, concat, scalarFromBytes, scalarToBytes, generator, blindingGenerator,
  encodeValue, VALIDITY_DST, ProtocolError, encodeInputRule, decodeInputRule, proveOneHot,
  verifyOneHot, verifyValidity,
} from '../src/protocol.js';

const { V, unread } = recordedVectors('validity-v1.json');
const s = (hex) => scalarFromBytes(fromHex(hex));
const times = (P, k) => (k === 0n ? ristretto255.Point.ZERO : P.multiply(k));

const genesis = fromHex(V.genesis);
const jobId = BigInt(V.job_id);
const provider = fromHex(V.provider);
const base = { genesis, jobId, provider };

// A case's real branch: `k` for the ballot `e_k`, `d` for the abstention `x = 0`.
function choiceOf(values) {
  const ones = values.flatMap((v, k) => (v === 1 ? [k] : []));
  assert.ok(values.every((v) => v === 0 || v === 1) && ones.length <= 1, `not a ballot: ${values}`);
  return ones.length === 1 ? ones[0] : values.length;
}
const simulatedOf = (c) => new Map(c.simulated.map((e) => [e.branch, { c: s(e.c), z: s(e.z) }]));
const params = (c) => ({ ...base, d: c.d, abstain: c.abstain, c0: fromHex(c.C0) });

test('generators: H and G_0..G_2 of the file are section 2\'s', () => {
  assert.equal(toHex(blindingGenerator().toBytes()), V.H);
  V.G.forEach((g, l) => assert.equal(toHex(generator(l).toBytes()), g, `G_${l}`));
  assert.equal(new TextDecoder().decode(VALIDITY_DST.onehot), 'substrate-mpc/v1/onehot');
});

test('rules: the SCALE encoding of section 12.1', () => {
  for (const c of V.cases) {
    assert.equal(toHex(encodeInputRule({ type: 'OneHot', abstain: c.abstain })), c.rule, c.name);
    assert.deepEqual(decodeInputRule(fromHex(c.rule)), { type: 'OneHot', abstain: c.abstain });
  }
  assert.equal(toHex(encodeInputRule({ type: 'None' })), '00');
  const rule = { type: 'Range', bounds: [[-1n, 5n], [0n, 255n], [-(1n << 127n), (1n << 127n) - 1n]] };
  const bytes = encodeInputRule(rule);
  assert.equal(
    toHex(bytes),
    '01' + '0c' + 'ff'.repeat(16) + '05' + '00'.repeat(15) + '00'.repeat(16) + 'ff' + '00'.repeat(15)
      + '00'.repeat(15) + '80' + 'ff'.repeat(15) + '7f',
  );
  assert.deepEqual(decodeInputRule(bytes), rule);
  // compact(d) in its other modes: 64 (two bytes) and 2^14 (four bytes).
  const wide = (n) => encodeInputRule({ type: 'Range', bounds: Array.from({ length: n }, () => [0n, 1n]) });
  assert.equal(toHex(wide(64).subarray(0, 3)), '010101');
  assert.equal(wide(64).length, 3 + 64 * 32);
  assert.equal(toHex(wide(1 << 14).subarray(0, 5)), '0102000100');
  assert.equal(decodeInputRule(wide(1 << 14)).bounds.length, 1 << 14);
  assert.deepEqual(decodeInputRule(fromHex('00')), { type: 'None' });

  const refused = (fn, code) => assert.throws(fn, (e) => e instanceof ProtocolError && e.code === code);
  refused(() => encodeInputRule({ type: 'Range', bounds: [[0n, 1n << 127n]] }), 'range');
  refused(() => encodeInputRule({ type: 'OneHot' }), 'rule');
  refused(() => encodeInputRule({ type: 'Ballot' }), 'rule');
  refused(() => encodeInputRule({ type: 'Range', bounds: [[0n]] }), 'rule');
  for (const hex of ['', '03', '0000', '0202', '02', '020100', '0104' + '00'.repeat(31), '0105' + '00'.repeat(32), '010500' + '00'.repeat(32)]) {
    refused(() => decodeInputRule(fromHex(hex)), 'rule');
  }
});

test('each case\'s C_0 commits to its values with b0: C_0 = sum_l x_l G_l + b0 H', () => {
  for (const c of V.cases) {
    assert.equal(c.values.length, c.d, c.name);
    const C = c.values.reduce(
      (acc, v, l) => acc.add(times(generator(l), encodeValue(BigInt(v)))),
      times(blindingGenerator(), s(c.b0)),
    );
    assert.equal(toHex(C.toBytes()), c.C0, c.name);
  }
});

test('proveOneHot reproduces every proof byte for byte; verifyOneHot and verifyValidity accept it', () => {
  for (const c of V.cases) {
    const choice = choiceOf(c.values);
    const simulated = simulatedOf(c);
    assert.equal(simulated.size, (c.abstain ? c.d + 1 : c.d) - 1, `${c.name}: one (c, z) per simulated branch`);
    const proof = proveOneHot({ ...params(c), choice, b0: s(c.b0), rho: s(c.rho), simulated });
    assert.equal(toHex(proof), c.proof, c.name);
    // The same with an array indexed by branch.
    const array = [];
    for (const [k, v] of simulated) array[k] = v;
    assert.equal(toHex(proveOneHot({ ...params(c), choice, b0: s(c.b0), rho: s(c.rho), simulated: array })), c.proof);
    // The simulated branches' c_k and z_k are the given ones, in branch order.
    for (const [k, { c: ck, z: zk }] of simulated) {
      const m = simulated.size + 1;
      assert.equal(toHex(fromHex(c.proof).subarray(32 * k, 32 * k + 32)), toHex(scalarToBytes(ck)));
      assert.equal(toHex(fromHex(c.proof).subarray(32 * (m + k), 32 * (m + k) + 32)), toHex(scalarToBytes(zk)));
    }
    assert.equal(verifyOneHot({ ...params(c), proof: fromHex(c.proof) }), true, c.name);
    assert.equal(verifyValidity({ ...params(c), rule: fromHex(c.rule), proof: fromHex(c.proof) }), true, c.name);
    assert.equal(verifyValidity({ ...params(c), rule: { type: 'OneHot', abstain: c.abstain }, proof: fromHex(c.proof) }), true);
  }
});

test('every rejected entry is refused', () => {
  assert.ok(V.rejected.length > 0);
  for (const r of V.rejected) {
    const rule = decodeInputRule(fromHex(r.rule));
    assert.equal(rule.type, 'OneHot', r.name);
    const p = { genesis, jobId: BigInt(r.job_id), provider: fromHex(r.provider), d: r.d, c0: fromHex(r.C0), proof: fromHex(r.proof) };
    assert.equal(verifyOneHot({ ...p, abstain: rule.abstain }), false, r.name);
    assert.equal(verifyValidity({ ...p, rule: fromHex(r.rule) }), false, r.name);
  }
});

test('malformed proofs are false, never a throw', () => {
  const c = V.cases[0];
  const good = fromHex(c.proof);
  const m = c.abstain ? c.d + 1 : c.d;
  assert.equal(good.length, 64 * m);
  const check = (proof, what) => assert.equal(verifyOneHot({ ...params(c), proof }), false, what);
  // c_0 + l and z_0 + l: the same residues, so only the canonical decoding refuses them.
  for (const k of [0, m]) {
    const v = numberAt(good, k) + L;
    assert.ok(v < 1n << 256n);
    const bad = good.slice();
    bad.set(le32(v), 32 * k);
    check(bad, `scalar ${k} not canonical`);
  }
  check(good.subarray(0, 64 * m - 1), 'one byte short');
  check(concat(good, new Uint8Array(64)), 'one branch too many');
  check(new Uint8Array(0), 'empty');
  check(c.proof, 'hex, not bytes');
  check(undefined, 'missing');
  // The challenges summed without the reduction mod l would differ: swap c_0 and c_1.
  const swapped = concat(good.subarray(32, 64), good.subarray(0, 32), good.subarray(64));
  check(swapped, 'c_0 and c_1 swapped');
  assert.equal(verifyOneHot({ ...params(c), c0: fromHex('ff'.repeat(32)), proof: good }), false, 'C_0 not canonical');
  assert.equal(verifyOneHot({ ...params(c), c0: fromHex(c.C0).subarray(1), proof: good }), false, 'C_0 short');
  // Another genesis; the same proof under d = 2 with the same m (d + 1 = 3 vs d = 3 without abstain).
  assert.equal(verifyOneHot({ ...params(c), genesis: new Uint8Array(32), proof: good }), false, 'another chain');
  assert.equal(verifyOneHot({ ...params(c), d: m, abstain: false, proof: good.subarray(0, 64 * m) }), false);
  // Bad parameters throw.
  assert.throws(() => verifyOneHot({ ...params(c), d: 0, proof: good }), (e) => e.code === 'dimension');
  assert.throws(() => verifyOneHot({ ...params(c), abstain: 1, proof: good }), (e) => e.code === 'rule');
});

test('verifyValidity: None takes only the empty proof, Range is not supported yet', () => {
  const c = V.cases[0];
  assert.equal(verifyValidity({ ...params(c), rule: { type: 'None' }, proof: new Uint8Array(0) }), true);
  assert.equal(verifyValidity({ ...params(c), rule: fromHex('00'), proof: new Uint8Array(0) }), true);
  assert.equal(verifyValidity({ ...params(c), rule: { type: 'None' }, proof: fromHex(c.proof) }), false);
  assert.equal(verifyValidity({ ...params(c), rule: { type: 'None' }, proof: new Uint8Array(1) }), false);
  const range = { type: 'Range', bounds: [[0n, 1n], [0n, 1n], [0n, 1n]] };
  assert.equal(verifyValidity({ ...params(c), rule: range, proof: fromHex(c.proof) }), false);
  assert.throws(() => verifyValidity({ ...params(c), rule: fromHex('07'), proof: new Uint8Array(0) }), (e) => e.code === 'rule');
});

test('proveOneHot with fresh randomness: every branch of d = 1..3 verifies, and only under its own C_0', () => {
  const H = blindingGenerator();
  for (const d of [1, 2, 3]) {
    for (const abstain of [false, true]) {
      const m = abstain ? d + 1 : d;
      for (let choice = 0; choice < m; choice++) {
        const b0 = 1000n + BigInt(choice);
        const C = choice < d ? generator(choice).add(H.multiply(b0)) : H.multiply(b0);
        const c0 = C.toBytes();
        const proof = proveOneHot({ ...base, d, abstain, c0, choice, b0 });
        assert.equal(proof.length, 64 * m);
        assert.equal(verifyOneHot({ ...base, d, abstain, c0, proof }), true, `d ${d} abstain ${abstain} branch ${choice}`);
        assert.equal(verifyOneHot({ ...base, d, abstain, c0: C.add(generator(0)).toBytes(), proof }), false);
        // Not a ballot (2 * G_0, or a 1 in every component) or another blinding: no proof.
        assert.throws(() => proveOneHot({ ...base, d, abstain, c0, choice, b0: b0 + 1n }), (e) => e.code === 'onehot');
        assert.throws(() => proveOneHot({ ...base, d, abstain, c0: C.add(generator(0)).toBytes(), choice, b0 }), (e) => e.code === 'onehot');
      }
      assert.throws(() => proveOneHot({ ...base, d, abstain, c0: H.toBytes(), choice: m, b0: 1n }), (e) => e.code === 'onehot');
    }
  }
  const c = V.cases[0];
  const choice = choiceOf(c.values);
  assert.throws(
    () => proveOneHot({ ...params(c), choice, b0: s(c.b0), simulated: new Map([[choice, { c: 1n, z: 1n }]]) }),
    (e) => e.code === 'onehot',
  );
});

test('every field of validity-v1.json is read', () => {
  void V.description;
  for (const c of V.cases) void c.name;
  assert.deepEqual(unread(), [], 'fields of validity-v1.json no test reads');
});

function numberAt(bytes, k) {
  let n = 0n;
  for (let i = 31; i >= 0; i--) n = (n << 8n) | BigInt(bytes[32 * k + i]);
  return n;
}
function le32(n) {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}
