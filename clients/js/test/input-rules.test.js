// Input rules and validity proofs on the client's side (PROTOCOL.md section 12), without a node:
// the rule shapes createJob takes (normalizeInputRule), dealing with a rule (dealWithRule), and
// submitInput / submitInputTx against a stand-in for @polkadot/api: a one-hot job's ballot goes
// with its proof as the 4th argument, a range job's value with its range proof (the wasm
// dealer), anything else is refused before anything is sent; the dealer option.
// test/chain.test.js runs the same against a real node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { encodeAddress, decodeAddress } from '@polkadot/util-crypto';
import {
  normalizeInputRule, dealWithRule, ballotChoice, submitInput, submitInputTx, createJob, ProtocolError,
  encodeInputRule, verifyValidity, submissionVerdict, fromHex, toHex, committeeDigest, loadProver, checkRangeProofForm,
} from '../src/index.js';
import { noWasm } from './wasm.js';

const refused = (code, pattern) => (e) => e instanceof ProtocolError && e.code === code && (!pattern || pattern.test(e.message));

test('normalizeInputRule: every shape createJob takes, to the protocol form', () => {
  const none = { type: 'None' };
  for (const r of [undefined, null, 'None', { none: null }, { None: null }, { type: 'None' }]) assert.deepEqual(normalizeInputRule(r), none);
  const ballot = { type: 'OneHot', abstain: false };
  for (const r of ['OneHot', { oneHot: {} }, { oneHot: null }, { OneHot: { abstain: false } }, { onehot: {} }, { type: 'OneHot' }, { type: 'OneHot', abstain: false }]) {
    assert.deepEqual(normalizeInputRule(r), ballot, JSON.stringify(r));
  }
  for (const r of [{ oneHot: { abstain: true } }, { OneHot: { abstain: true } }, { type: 'OneHot', abstain: true }]) {
    assert.deepEqual(normalizeInputRule(r), { type: 'OneHot', abstain: true });
  }
  const range = { type: 'Range', bounds: [[-5n, 5n], [0n, 100n]] };
  for (const r of [{ range: [[-5n, 5n], [0n, 100n]] }, { Range: [[-5, 5], [0, 100]] }, { range: [['-5', '5'], ['0', 100n]] }, { type: 'Range', bounds: [[-5n, 5n], [0, '100']] }]) {
    assert.deepEqual(normalizeInputRule(r), range);
  }
  // Decimal strings with the job's decimals; the i128 extremes.
  assert.deepEqual(normalizeInputRule({ range: [['-1.5', '12.50']] }, { decimals: 2 }), { type: 'Range', bounds: [[-150n, 1250n]] });
  const I128 = [-(1n << 127n), (1n << 127n) - 1n];
  assert.deepEqual(normalizeInputRule({ range: [I128] }), { type: 'Range', bounds: [I128] });

  for (const bad of ['Ballot', 3, [], { oneHot: {}, range: [] }, {}, { Vote: {} }, { oneHot: true }, { range: [[1n]] }, { range: [1n, 2n] }, { range: 'x' }, { type: 'Ballot' }]) {
    assert.throws(() => normalizeInputRule(bad), refused('rule'), JSON.stringify(bad, (_, x) => (typeof x === 'bigint' ? String(x) : x)));
  }
  assert.throws(() => normalizeInputRule({ oneHot: { abstain: 'yes' } }), refused('rule', /abstain: true or false/));
  assert.throws(() => normalizeInputRule({ range: [[0, 1.5]] }), refused('rule', /not a whole number/));
  assert.throws(() => normalizeInputRule({ range: [['0', '1.5']] }), refused('decimal'));
  assert.throws(() => normalizeInputRule({ range: [[0n, 1n << 127n]] }), refused('range'));
});

// A committee of three with known secrets, and the context of an input.
const secrets = [11n, 22n, 33n].map((x) => x * 1_000_003n);
const keys = secrets.map((e) => ristretto255.Point.BASE.multiply(e).toBytes());
const genesis = new Uint8Array(32).fill(9);
const provider = new Uint8Array(32).fill(7);
const base = { genesis, jobId: 5n, provider, keys, t: 1 };

test('ballotChoice: the branch of a ballot, or a ProtocolError', () => {
  assert.equal(ballotChoice([0n, 1n, 0n], false), 1);
  assert.equal(ballotChoice([1, 0], false), 0);
  assert.equal(ballotChoice([0n, 0n, 0n], true), 3);
  assert.throws(() => ballotChoice([0n, 0n, 0n], false), refused('ballot', /abstention, and the job's rule OneHot takes none/));
  assert.throws(() => ballotChoice([1n, 1n, 0n], true), refused('ballot', /\[1, 1, 0\] is not a ballot/));
  assert.throws(() => ballotChoice([2n, 0n], false), refused('ballot'));
  assert.throws(() => ballotChoice([-1n, 0n], true), refused('ballot'));
});

test('dealWithRule: no proof without a rule, a verifying one-hot proof for a ballot, refusals for the rest', () => {
  const plain = dealWithRule({ ...base, values: [42n], rule: { type: 'None' } });
  assert.equal(plain.validity.length, 0);
  assert.equal(submissionVerdict({ ...base, n: 3, d: 1, ...plain.submission }), 'accepted');
  for (const [abstain, values] of [[false, [0n, 0n, 1n]], [false, [1n, 0n, 0n]], [true, [0n, 0n, 0n]], [true, [0n, 1n, 0n]]]) {
    const rule = { type: 'OneHot', abstain };
    const { submission, validity } = dealWithRule({ ...base, values, rule: encodeInputRule(rule) });
    assert.equal(submissionVerdict({ ...base, n: 3, d: 3, ...submission }), 'accepted');
    assert.equal(validity.length, 64 * (abstain ? 4 : 3));
    const params = { genesis, jobId: 5n, provider, d: 3, c0: submission.commitments[0], proof: validity };
    assert.equal(verifyValidity({ ...params, rule }), true, `${values} abstain ${abstain}`);
    // Bound to the job, the provider and C_0.
    assert.equal(verifyValidity({ ...params, rule, jobId: 6n }), false);
    assert.equal(verifyValidity({ ...params, rule, provider: new Uint8Array(32) }), false);
    assert.equal(verifyValidity({ ...params, rule, c0: submission.commitments[1] }), false);
  }
  assert.throws(() => dealWithRule({ ...base, values: [1n, 1n, 0n], rule: { type: 'OneHot', abstain: true } }), refused('ballot'));
  assert.throws(() => dealWithRule({ ...base, values: [0n, 0n], rule: { type: 'OneHot', abstain: false } }), refused('ballot'));
  assert.throws(
    () => dealWithRule({ ...base, values: [3n], rule: { type: 'Range', bounds: [[0n, 10n]] } }),
    refused('unsupported', /range proofs .*need the Rust prover built to WebAssembly.*the JS dealer cannot make them.*scripts\/wasm/),
  );
  assert.throws(() => dealWithRule({ ...base, values: [3n], rule: { type: 'Ballot' } }), refused('rule'));
});

// ---- submitInput and submitInputTx against a stand-in for @polkadot/api ---------------------

const num = (n) => ({ toNumber: () => Number(n), toBigInt: () => BigInt(n) });
const raw = (bytes) => ({ toU8a: () => bytes });
const none = { isSome: false, isNone: true };
const some = (value) => ({ isSome: true, isNone: false, unwrap: () => value });
const accounts = keys.map((_, k) => new Uint8Array(32).fill(0xa1 + k));
const digest = committeeDigest(accounts.map((account, k) => ({ account, key: keys[k] })));

/**
 * A chain with job 5 (n = 3, t = 1, dimension `d`, `decimals`, input rule `rule`) collecting
 * inputs. `sent` collects the arguments of every `mpc.submitInput` built and whether it was sent.
 */
function fakeApi({ d = 3, decimals = 0, rule, withRule = true }) {
  const sent = [];
  const job = {
    owner: { toString: () => 'owner' },
    shape: { n: num(3), t: num(1), d: num(d) },
    decimals: num(decimals),
    phase: { type: 'Collecting', isFailed: false },
    deadline: num(50),
    maxInputs: num(10),
    inputCount: num(0),
    qualifiedCount: num(0),
    timeline: { created: num(3), drawn: some(num(3)), inputsClosed: none, computingStarted: none, completed: none, ended: none },
    committeeDigest: raw(digest),
    ...(withRule && { inputRule: raw(encodeInputRule(rule)) }),
  };
  const state = {
    query: {
      mpc: {
        jobs: async (id) => (BigInt(id) === 5n ? some(job) : none),
        drawings: async () => none,
        committees: async () => keys.map((key, k) => ({ account: { toString: () => `worker-${k + 1}`, toU8a: () => accounts[k] }, key: raw(key) })),
      },
    },
  };
  const api = {
    genesisHash: { toU8a: () => genesis },
    rpc: { chain: { getBlockHash: async () => ({ toHex: () => '0x0b' }) } },
    at: async () => state,
    tx: {
      mpc: {
        submitInput: (...args) => {
          const entry = { args, sent: false };
          sent.push(entry);
          return {
            signAndSend: async (signer, options, callback) => {
              entry.sent = true;
              callback({ status: { isInBlock: true, asInBlock: { toHex: () => '0xb10c' } }, events: [] });
              return () => {};
            },
          };
        },
        createJob: (spec) => {
          sent.push({ args: [spec], sent: false });
          return { signAndSend: async () => { throw new Error('not sent in this test'); } };
        },
      },
    },
    consts: { mpc: { minRewardPerWorker: 1n } },
  };
  return { api, sent };
}

const signer = encodeAddress(provider);

test('submitInput to a one-hot job sends the ballot with its proof as the 4th argument, from either dealer', async () => {
  const dealers = noWasm ? ['js'] : ['js', 'wasm', undefined];
  for (const [dealer, [abstain, values]] of dealers.flatMap((x) => [[false, [0n, 1n, 0n]], [true, ['0', '0', '0']], [false, [1, 0, 0]]].map((c) => [x, c]))) {
    const rule = { type: 'OneHot', abstain };
    const { api, sent } = fakeApi({ rule });
    const r = await submitInput(api, signer, 5n, values, { dealer });
    assert.equal(r.blockHash, '0xb10c');
    assert.equal(r.dealer, dealer ?? 'wasm');
    assert.equal(sent.length, 1);
    const [jobId, named, submission, validity] = sent[0].args;
    assert.equal(sent[0].sent, true);
    assert.equal(jobId, 5n);
    assert.equal(named, `0x${toHex(digest)}`);
    assert.equal(typeof validity, 'string', 'Bytes go as hex');
    const proof = fromHex(validity);
    assert.equal(proof.length, 64 * (abstain ? 4 : 3));
    const c0 = fromHex(submission.commitments[0]);
    assert.equal(verifyValidity({ genesis, jobId: 5n, provider: decodeAddress(signer), d: 3, rule, c0, proof }), true);
  }
});

test('submitInput refuses a value that is not a ballot, and a range job\'s input without the wasm dealer, before sending', async () => {
  const missing = loadProver({ path: '/nonexistent/mpc_wasm.wasm' });
  missing.catch(() => {});
  const range = { type: 'Range', bounds: [[0n, 1n], [0n, 1n], [0n, 1n]] };
  const cases = [
    [{ type: 'OneHot', abstain: false }, [1n, 1n, 0n], {}, refused('ballot', /\[1, 1, 0\] is not a ballot/)],
    [{ type: 'OneHot', abstain: false }, [0n, 0n, 0n], {}, refused('ballot', /takes none/)],
    [{ type: 'OneHot', abstain: true }, ['0', '2', '0'], { dealer: 'js' }, refused('ballot')],
    [{ type: 'OneHot', abstain: true }, [0n, -1n, 0n], {}, refused('ballot')],
    // The JS dealer makes no range proofs; nor does anyone when the module does not load.
    [range, [0n, 1n, 0n], { dealer: 'js' }, refused('unsupported', /job 5 has a Range input rule: range proofs .*WebAssembly.*the JS dealer cannot make them/)],
    [range, [0n, 1n, 0n], { prover: missing }, refused('unsupported', /job 5 has a Range input rule, and range proofs need the wasm prover, which did not load: .*nonexistent.*scripts\/wasm/)],
    // Asked for the wasm dealer, a module that does not load is an error whatever the rule.
    [{ type: 'None' }, [0n, 1n, 0n], { dealer: 'wasm', prover: missing }, refused('wasm', /could not be read from \/nonexistent\/mpc_wasm\.wasm.*scripts\/wasm/)],
    [{ type: 'None' }, [0n, 1n, 0n], { dealer: 'rust' }, refused('dealer', /dealer is 'wasm' or 'js', not "rust"/)],
  ];
  if (!noWasm) {
    // Out of range: refused by the client before the module is asked.
    cases.push([range, [0n, 2n, 0n], {}, refused('range', /^2 is outside the range \[0, 1\] of job 5 \(component 1\): nothing was sent$/)]);
    cases.push([range, [-1n, 0n, 0n], { dealer: 'wasm' }, refused('range', /-1 is outside the range \[0, 1\]/)]);
  }
  for (const [rule, values, options, check] of cases) {
    const { api, sent } = fakeApi({ rule });
    await assert.rejects(submitInput(api, signer, 5n, values, options), check, `${rule.type} ${values} ${JSON.stringify(options)}`);
    assert.deepEqual(sent, [], 'nothing built, nothing sent');
  }
  // A job without a rule falls back to the JS dealer when the module does not load.
  const { api: plainApi, sent: plainSent } = fakeApi({ rule: { type: 'None' } });
  assert.equal((await submitInput(plainApi, signer, 5n, [1n, 2n, 3n], { prover: missing })).dealer, 'js');
  assert.equal(plainSent.length, 1);
  // With decimals, a ballot's 1 is the smallest unit: the message says so.
  const { api, sent } = fakeApi({ rule: { type: 'OneHot', abstain: false }, decimals: 2 });
  await assert.rejects(submitInput(api, signer, 5n, ['1', '0', '0']), refused('ballot', /\[100, 0, 0\] is not a ballot.*job 5 has 2 decimals: a ballot's 1 is 0\.01/));
  await submitInput(api, signer, 5n, ['0.01', '0', '0']);
  assert.equal(sent.length, 1);
  // The wrong dimension, as before.
  await assert.rejects(submitInput(fakeApi({ rule: { type: 'OneHot', abstain: false } }).api, signer, 5n, [1n, 0n]), refused('dimension'));
});

test('submitInput to a range job deals with the wasm prover and sends its range proof as the 4th argument', { skip: noWasm }, async () => {
  const rule = { type: 'Range', bounds: [[0n, 10_000_000n]] };
  for (const [values, options] of [[['4250.75'], {}], [['100000.00'], { dealer: 'wasm' }], [[0n], { prover: loadProver() }]]) {
    const { api, sent } = fakeApi({ d: 1, decimals: 2, rule });
    const r = await submitInput(api, signer, 5n, values, options);
    assert.equal(r.dealer, 'wasm');
    assert.equal(sent.length, 1);
    const [, named, submission, validity] = sent[0].args;
    assert.equal(named, `0x${toHex(digest)}`);
    const proof = fromHex(validity);
    assert.equal(proof.length, 672, 'd = 1 at 32 bits');
    assert.equal(checkRangeProofForm({ rule, proof }), null);
    const parts = Object.fromEntries(Object.entries(submission).map(([k, v]) => [k, Array.isArray(v) ? v.map(fromHex) : fromHex(v)]));
    assert.equal(submissionVerdict({ genesis, jobId: 5n, provider, n: 3, t: 1, d: 1, ...parts }), 'accepted');
  }
  const { api, sent } = fakeApi({ d: 1, decimals: 2, rule });
  await assert.rejects(submitInput(api, signer, 5n, ['100000.01']), refused('range', /^100000\.01 is outside the range \[0\.00, 100000\.00\] of job 5: nothing was sent$/));
  assert.deepEqual(sent, []);
});

test('submitInput to a job without a rule sends an empty validity proof; so does a chain without rules', async () => {
  for (const withRule of [true, false]) {
    const { api, sent } = fakeApi({ d: 1, rule: { type: 'None' }, withRule });
    await submitInput(api, signer, 5n, ['-12']);
    assert.equal(sent[0].args[3], '0x');
  }
});

test('submitInputTx: the validity proof is the 4th argument, empty by default, as hex', () => {
  const { api, sent } = fakeApi({ rule: { type: 'None' } });
  const { submission, validity } = dealWithRule({ ...base, values: [0n, 1n, 0n], rule: { type: 'OneHot', abstain: false } });
  submitInputTx(api, 5n, digest, submission);
  submitInputTx(api, 5n, toHex(digest), submission, validity);
  submitInputTx(api, 5n, digest, submission, `0x${toHex(validity)}`);
  assert.deepEqual(sent.map((e) => e.args[3]), ['0x', `0x${toHex(validity)}`, `0x${toHex(validity)}`]);
  assert.deepEqual(sent[1].args[2].commitments, submission.commitments.map((c) => `0x${toHex(c)}`));
  assert.throws(() => submitInputTx(api, 5n, digest, submission, [1, 2]), refused('validity', /the validity proof is bytes/));
  assert.throws(() => submitInputTx(api, 5n, digest, submission, '0xz1'), refused('hex'));
});

test('createJob passes the input rule to mpc.createJob in polkadot.js form; a malformed rule is refused before', async () => {
  const spec = { committeeSize: 3, threshold: 1, inputWindow: 10, maxInputs: 3 };
  const expect = [
    [undefined, 'None'],
    ['None', 'None'],
    [{ oneHot: { abstain: true } }, { OneHot: { abstain: true } }],
    [{ type: 'OneHot', abstain: false }, { OneHot: { abstain: false } }],
    [{ range: [['-1.50', '2'], [0n, 7]] }, { Range: [['-150', '200'], ['0', '7']] }],
  ];
  for (const [inputRule, chain] of expect) {
    const { api, sent } = fakeApi({ rule: { type: 'None' } });
    await assert.rejects(createJob(api, 'owner', { ...spec, decimals: 2, inputRule }), /not sent in this test/);
    assert.deepEqual(sent[0].args[0].inputRule, chain);
  }
  const { api, sent } = fakeApi({ rule: { type: 'None' } });
  await assert.rejects(createJob(api, 'owner', { ...spec, inputRule: { ballot: true } }), refused('rule'));
  await assert.rejects(createJob(api, 'owner', { ...spec, inputRule: { range: [['0.5', '1']] } }), refused('decimal'));
  assert.deepEqual(sent, []);
});
