// The wasm dealer and provers (src/prover.js: mpc-primitives built to WebAssembly by
// scripts/wasm, PROTOCOL.md section 12.5), checked against this package's own JS implementation
// of the protocol, an independent one: its dealings pass the JS submission check and their
// shares decrypt, check and reconstruct to the values dealt; its one-hot proofs pass the JS
// verifier; its range proofs have the lengths of section 12.3; bad values are ProtocolErrors;
// and it does not leak memory. Skipped without dist/mpc_wasm.wasm (or MPC_WASM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ristretto255 } from '@noble/curves/ed25519.js';
import {
  loadProver, ProtocolError, submissionVerdict, verifyOneHot, verifyValidity, deriveKey,
  decryptShare, checkShare, lagrangeAtZero, encodeValue, encodeInputRule, checkRangeProofForm, rangeProofLength,
  rangeBits, L,
} from '../src/index.js';
import { WASM, noWasm } from './wasm.js';

const refused = (code, pattern) => (e) => e instanceof ProtocolError && e.code === code && (!pattern || pattern.test(e.message));

// A committee of five with known secrets (n = 5, t = 2), and an input's context.
const secrets = [3n, 5n, 7n, 11n, 13n].map((x) => x * 1_000_003n);
const keys = secrets.map((e) => ristretto255.Point.BASE.multiply(e).toBytes());
const genesis = new Uint8Array(32).fill(9);
const provider = new Uint8Array(32).fill(7);
const base = { genesis, jobId: 5n, provider, committee: keys, t: 2 };
const shape = { genesis, jobId: 5n, provider, n: 5, t: 2 };

/** Decrypts every share with the members' secrets, checks each, and reconstructs the values. */
function openDealing(submission, d) {
  const shares = submission.ciphertexts.map((ciphertext, w) => {
    const index = w + 1;
    const sharedKey = ristretto255.Point.fromBytes(submission.ephemeralKey).multiply(secrets[w]).toBytes();
    const key = deriveKey({ genesis, jobId: 5n, provider, index, ephemeralKey: submission.ephemeralKey, workerKey: keys[w], sharedKey });
    const share = decryptShare({ key, genesis, jobId: 5n, provider, index, d, ciphertext });
    assert.equal(checkShare(index, share, submission.commitments), true, `share ${index} opens the commitments`);
    return share;
  });
  // Any t + 1 of them: members 2, 4, 5.
  const idx = [2, 4, 5];
  const lambda = lagrangeAtZero(idx);
  return Array.from({ length: d }, (_, l) => idx.reduce((acc, i, k) => (acc + lambda[k] * shares[i - 1].values[l]) % L, 0n));
}

test('loadProver loads the module once; bad sources are ProtocolErrors naming scripts/wasm', { skip: noWasm }, async () => {
  const a = loadProver();
  assert.equal(loadProver(), a, 'the same promise');
  const prover = await a;
  assert.equal(await loadProver(), prover);
  assert.ok(prover.memory instanceof WebAssembly.Memory);
  // From bytes, a compiled module, and MPC_WASM.
  const bytes = readFileSync(WASM);
  assert.equal(typeof (await loadProver({ bytes })).deal, 'function');
  assert.equal(typeof (await loadProver({ bytes: await WebAssembly.compile(bytes) })).deal, 'function');
  const dir = mkdtempSync(join(tmpdir(), 'mpc-wasm-'));
  const saved = process.env.MPC_WASM;
  try {
    copyFileSync(WASM, join(dir, 'copy.wasm'));
    process.env.MPC_WASM = join(dir, 'copy.wasm');
    const copied = await loadProver();
    assert.notEqual(copied, prover);
    assert.equal(copied.source, join(dir, 'copy.wasm'));
    process.env.MPC_WASM = join(dir, 'missing.wasm');
    await assert.rejects(loadProver(), refused('wasm', /could not be read from .*missing\.wasm: .*scripts\/wasm/));
  } finally {
    if (saved === undefined) delete process.env.MPC_WASM;
    else process.env.MPC_WASM = saved;
    rmSync(dir, { recursive: true, force: true });
  }
  await assert.rejects(loadProver({ path: '/nonexistent/mpc_wasm.wasm' }), refused('wasm', /could not be read from \/nonexistent\/mpc_wasm\.wasm.*scripts\/wasm/));
  await assert.rejects(loadProver({ bytes: new Uint8Array([1, 2, 3]) }), refused('wasm', /does not load.*scripts\/wasm/));
  // A valid module that is not mpc-wasm.
  await assert.rejects(loadProver({ bytes: Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0) }), refused('wasm', /does not export memory, mpc_alloc, mpc_deal, mpc_free/));
});

test('rule None: the wasm dealing passes the JS submission check, and its shares reconstruct the values', { skip: noWasm }, async () => {
  const prover = await loadProver();
  for (const values of [[42n], [-7n, 0n, (1n << 127n) - 1n], [-(1n << 127n)], [123, -456]]) {
    const d = values.length;
    const { submission, validity } = prover.deal({ ...base, values, rule: { type: 'None' } });
    assert.equal(validity.length, 0);
    assert.equal(submissionVerdict({ ...shape, d, ...submission }), 'accepted');
    assert.deepEqual(openDealing(submission, d), values.map((v) => encodeValue(v)));
    // Bound to the job and the provider, as the JS check sees it.
    assert.equal(submissionVerdict({ ...shape, jobId: 6n, d, ...submission }), 'bad_proof');
    assert.equal(submissionVerdict({ ...shape, provider: new Uint8Array(32), d, ...submission }), 'bad_proof');
  }
  // The rule as SCALE bytes; `keys` for `committee`; a fresh seed each call.
  const one = prover.deal({ ...base, committee: undefined, keys, values: [1n], rule: encodeInputRule({ type: 'None' }) });
  const two = prover.deal({ ...base, values: [1n], rule: { type: 'None' } });
  assert.notDeepEqual(one.submission.ephemeralKey, two.submission.ephemeralKey);
  assert.notDeepEqual(one.submission.commitments[0], two.submission.commitments[0]);
});

test('rule OneHot: the wasm one-hot proofs pass the JS verifier (an independent check of the Rust prover)', { skip: noWasm }, async () => {
  const prover = await loadProver();
  const cases = [[false, [1n, 0n, 0n, 0n]], [false, [0n, 0n, 0n, 1n]], [true, [0n, 1n, 0n, 0n]], [true, [0n, 0n, 0n, 0n]], [false, [1]]];
  for (const [abstain, values] of cases) {
    const d = values.length;
    const rule = { type: 'OneHot', abstain };
    const { submission, validity } = prover.deal({ ...base, values, rule });
    assert.equal(submissionVerdict({ ...shape, d, ...submission }), 'accepted');
    assert.deepEqual(openDealing(submission, d), values.map((v) => encodeValue(v)));
    assert.equal(validity.length, 64 * (abstain ? d + 1 : d));
    const params = { genesis, jobId: 5n, provider, d, abstain, c0: submission.commitments[0], proof: validity };
    assert.equal(verifyOneHot(params), true, `${values} abstain ${abstain}`);
    assert.equal(verifyValidity({ ...params, rule }), true);
    assert.equal(verifyOneHot({ ...params, jobId: 6n }), false);
    assert.equal(verifyOneHot({ ...params, provider: new Uint8Array(32) }), false);
    assert.equal(verifyOneHot({ ...params, c0: submission.commitments[1] }), false);
  }
});

test('rule Range: the lengths of section 12.3, a dealing the JS check accepts, the form checkRangeProofForm expects', { skip: noWasm }, async () => {
  const prover = await loadProver();
  const cases = [
    [[[0n, 200n]], [17n], 544], // d = 1, N = 8
    [[[-1000n, 1000n]], [-999n], 608], // N = 16
    [[[0n, 10_000_000n]], [10_000_000n], 672], // N = 32
    [[[0n, 1n << 40n]], [0n], 736], // d = 1, N = 64
    [[[-(1n << 63n), (1n << 63n) - 1n]], [-(1n << 63n)], 736],
    [[[0n, 100n], [-5n, 5n]], [42n, -5n], 864], // d = 2, N = 8
    [[[0n, 70_000n], [0n, 1n], [10n, 20n], [0n, 0n]], [70_000n, 1n, 10n, 0n], 1248], // d = 4, N = 32
  ];
  for (const [bounds, values, length] of cases) {
    const rule = { type: 'Range', bounds };
    const d = values.length;
    const { submission, validity } = prover.deal({ ...base, values, rule });
    assert.equal(validity.length, length, `${bounds}`);
    assert.equal(rangeProofLength(d, rangeBits(bounds)), length);
    assert.equal(checkRangeProofForm({ rule, proof: validity }), null);
    assert.equal(submissionVerdict({ ...shape, d, ...submission }), 'accepted');
    assert.deepEqual(openDealing(submission, d), values.map((v) => encodeValue(v)));
    // This package has no Bulletproofs verifier: verifyValidity says false for every range proof.
    assert.equal(verifyValidity({ genesis, jobId: 5n, provider, d, rule, c0: submission.commitments[0], proof: validity }), false);
  }
});

test('values the rule refuses, and dealings that cannot be made, are ProtocolErrors', { skip: noWasm }, async () => {
  const prover = await loadProver();
  const range = { type: 'Range', bounds: [[0n, 10_000_000n]] };
  assert.throws(() => prover.deal({ ...base, values: [10_000_001n], rule: range }), refused('range', /the wasm prover refused: dealing: value out of range/));
  assert.throws(() => prover.deal({ ...base, values: [-1n], rule: range }), refused('range', /value out of range/));
  assert.throws(() => prover.deal({ ...base, values: [5n, 200n], rule: { type: 'Range', bounds: [[0n, 10n], [0n, 100n]] } }), refused('range'));
  assert.throws(() => prover.deal({ ...base, values: [1n, 1n, 0n], rule: { type: 'OneHot', abstain: true } }), refused('ballot'));
  assert.throws(() => prover.deal({ ...base, values: [0n, 0n], rule: { type: 'OneHot', abstain: false } }), refused('ballot'));
  assert.throws(() => prover.deal({ ...base, values: [2n], rule: { type: 'OneHot', abstain: false } }), refused('ballot'));
  assert.throws(() => prover.deal({ ...base, t: 5, values: [1n], rule: { type: 'None' } }), refused('threshold', /1 <= t < n/));
  assert.throws(() => prover.deal({ ...base, values: [1n], rule: { type: 'Range', bounds: [[0n, 1n], [0n, 1n]] } }), refused('rule', /invalid input rule/));
  assert.throws(() => prover.deal({ ...base, values: [1n], rule: { type: 'Range', bounds: [[0n, 1n << 64n]] } }), refused('rule'));
  assert.throws(() => prover.deal({ ...base, committee: [new Uint8Array(32).fill(0xff), ...keys.slice(1)], values: [1n], rule: { type: 'None' } }), refused('wasm', /committee key/));
  // Refused here, before the module: values outside i128 or not whole, a malformed rule or key.
  assert.throws(() => prover.deal({ ...base, values: [1n << 127n], rule: { type: 'None' } }), refused('range', /outside i128/));
  assert.throws(() => prover.deal({ ...base, values: [1.5], rule: { type: 'None' } }), refused('range', /not a BigInt or a whole number/));
  assert.throws(() => prover.deal({ ...base, values: [], rule: { type: 'None' } }), refused('dimension'));
  assert.throws(() => prover.deal({ ...base, values: [1n], rule: { type: 'Ballot' } }), refused('rule'));
  assert.throws(() => prover.deal({ ...base, genesis: new Uint8Array(31), values: [1n], rule: { type: 'None' } }), refused('wasm', /genesis is not 32 bytes/));
  // The module still deals after all that.
  assert.equal(prover.deal({ ...base, values: [1n], rule: range }).validity.length, 672);
});

test('200 sequential dealings (and refusals) do not grow the module\'s memory', { skip: noWasm }, async () => {
  const prover = await loadProver({ bytes: readFileSync(WASM) });
  const range = { type: 'Range', bounds: [[0n, 1n << 40n]] };
  const round = (k) => {
    prover.deal({ ...base, values: [BigInt(k)], rule: { type: 'None' } });
    prover.deal({ ...base, values: [0n, 1n, 0n], rule: { type: 'OneHot', abstain: true } });
    assert.throws(() => prover.deal({ ...base, values: [-1n], rule: range }), refused('range'));
    if (k % 20 === 0) prover.deal({ ...base, values: [BigInt(k)], rule: range });
  };
  for (let k = 0; k < 5; k++) round(k * 20);
  const size = prover.memory.buffer.byteLength;
  for (let k = 0; k < 200; k++) round(k);
  assert.equal(prover.memory.buffer.byteLength, size, `memory grew from ${size} bytes`);
});
