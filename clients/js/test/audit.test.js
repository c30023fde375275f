// The full audit (PROTOCOL.md section 10) on records and chain histories built from the shared
// protocol vectors, without a node: `auditHistory` (the checks, once the blocks are read), then
// `auditRecord` on a stand-in for @polkadot/api. test/chain.test.js runs `auditRecord` against a
// real node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  auditHistory, auditRecord, MpcError, fromHex, toHex, scalarFromBytes, scalarToBytes, keyFromBytes, inputsDigest,
  aggregateCommitments, deriveKey, decryptShare, deal, verifyOutput, floorDiv, formatDecimal,
} from '../src/index.js';

const V = JSON.parse(readFileSync(new URL('../../../primitives/tests/vectors/protocol-v1.json', import.meta.url)));
const s = (hex) => scalarFromBytes(fromHex(hex));
const TIMELINE = { created: 10, inputsClosed: 20, computingStarted: 25, completed: 26, ended: null };

/** A record and a chain history for inputs `{ provider, submission }` (bytes), in order. */
function job({ jobId, n, t, d, keys, inputs, complaints = [], disqualified = [], resultShares, reconstructedFrom }) {
  const committee = keys.map((key, k) => ({ account: `worker-${k + 1}`, key }));
  const qualified = inputs.filter((_, k) => !disqualified.includes(k));
  const aggregate = aggregateCommitments(qualified.map((i) => i.submission.commitments));
  const shares = reconstructedFrom.map((index) => {
    const r = resultShares.find((x) => x.index === index);
    return { index, values: r.sumShares.map(s), blinding: s(r.blinding) };
  });
  const out = verifyOutput({ d, aggregate: aggregate.map((c) => keyFromBytes(c)), shares });
  const means = out.values.map((v) => floorDiv(v, qualified.length));
  const record = {
    jobId: BigInt(jobId), n, t, d, committee,
    inputCount: inputs.length,
    inputsDigest: toHex(inputsDigest(inputs.map((i) => ({ provider: i.provider, commitments: i.submission.commitments })))),
    disqualified,
    aggregate: aggregate.map(toHex),
    resultShares,
    result: {
      sums: out.values, means, qualifiedInputs: qualified.length, decimals: 0,
      formatted: out.values.map((v) => formatDecimal(v, 0)), formattedMeans: means.map((v) => formatDecimal(v, 0)),
      output: out.y.map((y) => toHex(scalarToBytes(y))), reconstructedFrom,
    },
    timeline: { ...TIMELINE },
  };
  const history = {
    from: TIMELINE.created,
    to: TIMELINE.computingStarted,
    created: { block: TIMELINE.created, committee: committee.map((m) => m.account) },
    inputs: inputs.map((i, k) => ({
      index: k, provider: `provider-${k}`, providerKey: i.provider, block: TIMELINE.created + 1 + k, extrinsic: 1, submission: i.submission,
    })),
    complaints,
  };
  return { record, history };
}

const submissionOf = (p) => ({
  ephemeralKey: fromHex(p.R),
  proof: fromHex(p.dealing_proof.proof),
  commitments: p.commitments.map(fromHex),
  ciphertexts: p.workers.map((w) => fromHex(w.ciphertext)),
});

/** The aggregation vector (job 77: three honest inputs, n = 5, t = 2) as a completed job. */
function aggregationJob() {
  const a = V.aggregation;
  const job77 = job({
    jobId: a.job_id, n: a.n, t: a.t, d: a.d, keys: a.worker_keys,
    inputs: a.providers.map((p) => ({ provider: fromHex(p.provider), submission: submissionOf(p) })),
    resultShares: a.result_shares.map((r) => ({ index: r.index, sumShares: r.S, blinding: r.U })),
    reconstructedFrom: a.reconstructions[0].indices,
  });
  // The vector's own figures, not only this package's recomputation of them.
  assert.deepEqual(job77.record.aggregate, a.aggregate_commitments);
  assert.deepEqual(job77.record.result.output, a.reconstructions[0].y);
  return { ...job77, genesis: fromHex(a.genesis), jobId: BigInt(a.job_id) };
}

const audit = ({ record, history, genesis, jobId }) => auditHistory(record, history, { genesis, jobId });

test('a completed job of the vectors passes the full audit', () => {
  const j = aggregationJob();
  const report = audit(j);
  assert.equal(report.valid, true, report.reason);
  assert.equal(report.reason, undefined);
  assert.deepEqual(report.sums, [320n]);
  assert.equal(report.inputsDigest, j.record.inputsDigest);
  assert.deepEqual(report.aggregate, V.aggregation.aggregate_commitments);
  assert.deepEqual(report.inputs.map((i) => [i.index, i.qualified]), [[0, true], [1, true], [2, true]]);
  assert.deepEqual(report.disqualified, []);
});

test('the full audit detects a tampered record or history', () => {
  const cases = [
    ['digest', ({ record }) => { record.inputsDigest = `${'00'.repeat(31)}01`; }, /inputs digest is [0-9a-f]{64}, the record says 0{62}01/],
    ['job id', ({ record }) => { record.jobId = 78n; }, /record is of job 78, not job 77/],
    ['committee', ({ record }) => { record.committee.reverse(); }, /committee is not the one/],
    ['no JobCreated', ({ history }) => { history.created = null; }, /no mpc\.JobCreated event of job 77 in block 10/],
    ['missing input', ({ history }) => { history.inputs.splice(1, 1); }, /input 1 is missing/],
    ['input count', ({ record }) => { record.inputCount = 4; }, /history has 3 inputs, the record says 4/],
    ['late input', ({ history }) => { history.inputs[2].block = TIMELINE.inputsClosed + 1; }, /input 2 was accepted in block 21, after inputs closed \(block 20\)/],
    ['dealing proof', ({ history }) => { history.inputs[1].submission.proof[40] ^= 1; }, /input 1 \(block 12\): its dealing proof does not verify/],
    ['provider', ({ history }) => { history.inputs[0].providerKey = history.inputs[1].providerKey; }, /input 0 .*dealing proof does not verify/],
    ['repeated R', ({ history }) => {
      history.inputs[2] = { ...history.inputs[0], index: 2, block: 13 };
    }, /input 2 \(block 13\): its R repeats an earlier input's/],
    ['ciphertext count', ({ history }) => { history.inputs[0].submission.ciphertexts.pop(); }, /input 0 .*exactly n ciphertexts/],
    ['disqualified without complaint', ({ record }) => { record.disqualified = [1]; }, /history disqualifies inputs \[\], the record says \[1\]/],
    ['qualified count', ({ record }) => { record.result.qualifiedInputs = 2; }, /3 inputs qualify, the result says 2/],
    ['aggregate', ({ record }) => { record.aggregate[1] = record.aggregate[0]; }, /aggregate commitment 1 is [0-9a-f]{64}, the record says/],
    ['sum', ({ record }) => { record.result.sums[0] += 1n; }, /the output: sum 0 differs/],
    ['mean', ({ record }) => { record.result.means[0] += 1n; }, /the output: mean 0 differs/],
    ['output', ({ record }) => { record.result.output[0] = '00'.repeat(32); }, /the output: output 0 differs/],
    ['result share', ({ record }) => { record.resultShares[0].blinding = record.resultShares[1].blinding; }, /the output: result share of worker 1 does not verify/],
  ];
  for (const [name, tamper, reason] of cases) {
    const j = aggregationJob();
    tamper(j);
    const report = audit(j);
    assert.equal(report.valid, false, name);
    assert.match(report.reason, reason, name);
  }
});

/**
 * The bad-share vector (job 9, n = 3, t = 1: worker 2's share is bad, and worker 2 complained)
 * plus two honest inputs dealt here; workers 1 and 2 compute the result from the two.
 */
function disqualificationJob() {
  const b = V.rejections.bad_share;
  const genesis = fromHex(b.genesis);
  const keys = b.worker_keys.map(fromHex);
  const honest = [[7n, 1], [35n, 2]].map(([value, fill]) => {
    const provider = new Uint8Array(32).fill(fill);
    return { provider, submission: deal({ genesis, jobId: BigInt(b.job_id), provider, keys, t: b.t, values: [value] }) };
  });
  const inputs = [{ provider: fromHex(b.provider), submission: submissionOf(b) }, ...honest];
  // What workers 1..3 compute over the qualified inputs 1 and 2 (section 8).
  const resultShares = b.worker_secrets.map((e, w) => {
    const index = w + 1;
    let S = 0n;
    let U = 0n;
    for (const { provider, submission } of honest) {
      const sharedKey = keyFromBytes(submission.ephemeralKey).multiply(s(e)).toBytes();
      const ctx = { genesis, jobId: BigInt(b.job_id), provider, index };
      const key = deriveKey({ ...ctx, ephemeralKey: submission.ephemeralKey, workerKey: keys[w], sharedKey });
      const share = decryptShare({ ...ctx, key, d: 1, ciphertext: submission.ciphertexts[w] });
      S += share.values[0];
      U += share.blinding;
    }
    return { index, sumShares: [toHex(scalarToBytes(S))], blinding: toHex(scalarToBytes(U)) };
  });
  const complaint = (c) => ({ index: 0, workerIndex: c.index, block: 21, extrinsic: 2, sharedKey: fromHex(c.K), proof: fromHex(c.proof) });
  const j = job({
    jobId: b.job_id, n: b.n, t: b.t, d: b.d, keys: b.worker_keys, inputs, complaints: [complaint(b.complaints[0])],
    disqualified: [0], resultShares, reconstructedFrom: [1, 2],
  });
  return { ...j, genesis, jobId: BigInt(b.job_id), falseComplaint: complaint(b.complaints[1]) };
}

test('a job with an input disqualified on a true complaint passes the full audit', () => {
  const j = disqualificationJob();
  assert.equal(V.rejections.bad_share.complaints[0].verdict, 'input_disqualified');
  const report = audit(j);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.sums, [42n]);
  assert.deepEqual(report.disqualified, [{ index: 0, workerIndex: 2, worker: 'worker-2', block: 21 }]);
  assert.deepEqual(report.inputs.map((i) => i.qualified), [false, true, true]);
});

test('the full audit refuses a disqualification without a valid complaint against a bad share', () => {
  const cases = [
    // Worker 1's complaint in the vectors is false: its share is good.
    ['false complaint', (j) => { j.history.complaints = [j.falseComplaint]; }, /input 0 was disqualified by worker 1 in block 21, but the share of worker 1 is good/],
    ['DLEQ proof', (j) => { j.history.complaints[0].proof[33] ^= 1; }, /disqualified by worker 2 .*DLEQ proof of worker 2 does not verify/],
    ['complaint as another worker', (j) => { j.history.complaints[0].workerIndex = 3; }, /DLEQ proof of worker 3 does not verify/],
    ['no such worker', (j) => { j.history.complaints[0].workerIndex = 4; }, /no such input or committee member/],
    ['twice', (j) => { j.history.complaints.push({ ...j.history.complaints[0] }); }, /input 0 is disqualified twice/],
    ['record forgets it', (j) => { j.record.disqualified = []; }, /history disqualifies inputs \[0\], the record says \[\]/],
    ['history forgets it', (j) => { j.history.complaints = []; }, /history disqualifies inputs \[\], the record says \[0\]/],
  ];
  for (const [name, tamper, reason] of cases) {
    const j = disqualificationJob();
    tamper(j);
    const report = audit(j);
    assert.equal(report.valid, false, name);
    assert.match(report.reason, reason, name);
  }
});

// ---- auditRecord against a stand-in for @polkadot/api --------------------------------------
// The node-backed test in chain.test.js reads real blocks; this one checks, without a node, how
// auditRecord walks the blocks and matches events to extrinsics (nested calls, other jobs'
// events, pruned blocks), with objects shaped like the codecs @polkadot/api returns.

const num = (n) => ({ toNumber: () => Number(n), toBigInt: () => BigInt(n) });
const raw = (bytes) => ({ toU8a: () => bytes });
const account = (name, key) => ({ toString: () => name, toU8a: () => key });
const call = (section, method, entries) => ({ section, method, args: entries.map(([, v]) => v), argsEntries: entries });
const event = (method, data, x) => ({ phase: { isApplyExtrinsic: x !== null, asApplyExtrinsic: num(x ?? 0) }, event: { section: method === 'ExtrinsicSuccess' ? 'system' : 'mpc', method, data } });

function submitCall(jobId, submission) {
  return call('mpc', 'submitInput', [['job_id', num(jobId)], ['submission', {
    ephemeralKey: raw(submission.ephemeralKey),
    proof: raw(submission.proof),
    commitments: submission.commitments.map(raw),
    ciphertexts: submission.ciphertexts.map(raw),
  }]]);
}

/** A chain whose blocks hold the job `j` (its inputs and complaints), and some noise. */
function fakeChain(j, { pruned = null } = {}) {
  const id = j.jobId;
  const blocks = new Map();
  const block = (n) => {
    if (!blocks.has(n)) blocks.set(n, { extrinsics: [{ method: call('timestamp', 'set', [['now', num(n)]]) }], events: [] });
    return blocks.get(n);
  };
  const { record, history } = j;
  const created = block(record.timeline.created);
  created.extrinsics.push({ method: call('mpc', 'createJob', [['spec', {}]]) });
  created.events.push(event('JobCreated', { jobId: num(id), committee: record.committee.map((m) => account(m.account)) }, 1));
  history.inputs.forEach((input, k) => {
    const b = block(input.block);
    const submit = submitCall(id, input.submission);
    // Input 1 comes through sudo.sudoAs: the call is nested in another's arguments.
    const top = k === 1 ? call('sudo', 'sudoAs', [['who', account('x')], ['call', submit]]) : submit;
    b.extrinsics.push({ method: top });
    b.events.push(event('InputSubmitted', { jobId: num(id), index: num(k), provider: account(input.provider, input.providerKey) }, b.extrinsics.length - 1));
    b.events.push(event('ExtrinsicSuccess', {}, b.extrinsics.length - 1));
  });
  for (const c of history.complaints) {
    const b = block(c.block);
    b.extrinsics.push({ method: call('mpc', 'complain', [['job_id', num(id)], ['input', num(c.index)], ['ephemeral_key', raw(history.inputs[c.index].submission.ephemeralKey)], ['shared_key', raw(c.sharedKey)], ['proof', raw(c.proof)]]) });
    b.events.push(event('InputDisqualified', { jobId: num(id), index: num(c.index), workerIndex: num(c.workerIndex) }, b.extrinsics.length - 1));
  }
  // Another job's input in block 12, with the same submission: not this job's.
  const other = block(12);
  other.extrinsics.push({ method: submitCall(id + 1n, history.inputs[0].submission) });
  other.events.push(event('InputSubmitted', { jobId: num(id + 1n), index: num(0), provider: account('someone', new Uint8Array(32)) }, other.extrinsics.length - 1));
  other.events.push(event('InputsClosed', { jobId: num(id), inputs: num(history.inputs.length) }, null));
  const api = {
    genesisHash: { toU8a: () => j.genesis },
    events: { mpc: Object.fromEntries(['JobCreated', 'InputSubmitted', 'InputDisqualified'].map((m) => [m, { is: (e) => e.section === 'mpc' && e.method === m }])) },
    rpc: {
      chain: {
        getBlockHash: async (n) => ({ isEmpty: n > record.timeline.computingStarted + 5, n }),
        getBlock: async (hash) => ({ block: { header: { number: num(hash.n) }, extrinsics: block(hash.n).extrinsics } }),
      },
    },
    query: {
      system: {
        events: {
          at: async (hash) => {
            if (hash.n === pruned) throw new Error(`State already discarded for block ${hash.n}`);
            return block(hash.n).events;
          },
        },
      },
    },
  };
  return api;
}

test('auditRecord walks the blocks and matches every event to its extrinsic', async () => {
  const j = aggregationJob();
  const seen = [];
  const report = await auditRecord(fakeChain(j), 77n, { record: j.record, onProgress: ({ block }) => seen.push(block) });
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.inputs.map((i) => [i.index, i.provider, i.block]), [[0, 'provider-0', 11], [1, 'provider-1', 12], [2, 'provider-2', 13]]);
  assert.deepEqual(report.blocks, { from: 10, to: 25 });
  assert.deepEqual(seen, [17, 25]);
  assert.equal(report.record, j.record);

  const forged = structuredClone(j.record);
  forged.inputsDigest = '11'.repeat(32);
  const bad = await auditRecord(fakeChain(j), 77n, { record: forged });
  assert.equal(bad.valid, false);
  assert.match(bad.reason, /inputs digest/);
});

test('auditRecord says when the chain no longer has a block or its state', async () => {
  const j = aggregationJob();
  await assert.rejects(auditRecord(fakeChain(j, { pruned: 12 }), 77n, { record: j.record }), (e) => e instanceof MpcError
    && e.errorName === 'HistoryUnavailable' && /block 12 .*State already discarded.*archive node/.test(e.message));
  const late = structuredClone(j.record);
  late.timeline.computingStarted = 40;
  await assert.rejects(auditRecord(fakeChain(j), 77n, { record: late }), /block 31 is not available \(no such block\)/);
  const open = structuredClone(j.record);
  open.timeline.computingStarted = null;
  const r = await auditRecord(fakeChain(j), 77n, { record: open });
  assert.equal(r.valid, false);
  assert.match(r.reason, /no inputs_closed or computing_started block/);
});

test('auditRecord refuses an input event whose extrinsic holds no such call', async () => {
  const j = aggregationJob();
  const api = fakeChain(j);
  const b11 = await api.rpc.chain.getBlock({ n: 11 });
  b11.block.extrinsics[1].method = call('balances', 'transfer', [['dest', account('x')]]);
  const r = await auditRecord(api, 77n, { record: j.record });
  assert.equal(r.valid, false);
  assert.match(r.reason, /block 11, extrinsic 1: 1 mpc\.InputSubmitted events for 0 submit_input calls of job 77/);
});

test('auditRecord reads a complaint from its extrinsic and checks the disqualification', async () => {
  const j = disqualificationJob();
  const report = await auditRecord(fakeChain(j), j.jobId, { record: j.record });
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.disqualified, [{ index: 0, workerIndex: 2, worker: 'worker-2', block: 21 }]);
  // Worker 1's false complaint, had the chain disqualified the input on it.
  j.history.complaints = [j.falseComplaint];
  const wrong = await auditRecord(fakeChain(j), j.jobId, { record: j.record });
  assert.equal(wrong.valid, false);
  assert.match(wrong.reason, /input 0 was disqualified by worker 1 in block 21, but the share of worker 1 is good/);
});
