// The full audit (PROTOCOL.md section 10) on records and chain histories built from the shared
// protocol vectors, without a node: `auditHistory` (the checks, once the blocks are read), then
// `auditRecord` on a stand-in for @polkadot/api; and the committee draw of sections 11.6 and 11.7
// (`checkCommitteeDraw`, and `verifyCommitteeDraw` on a stand-in chain serving the beacon
// vectors' round). test/chain.test.js runs `auditRecord` and `verifyCommitteeDraw` against a real
// node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  auditHistory, auditRecord, MpcError, ProtocolError, fromHex, toHex, scalarFromBytes, scalarToBytes, keyFromBytes, inputsDigest,
  aggregateCommitments, deriveKey, decryptShare, deal, verifyOutput, floorDiv, formatDecimal,
  checkCommitteeDraw, verifyCommitteeDraw, drawCommittee, committeeSeed, committeeDigest, dealWithRule,
} from '../src/index.js';

const V = JSON.parse(readFileSync(new URL('../../../primitives/tests/vectors/protocol-v1.json', import.meta.url)));
const s = (hex) => scalarFromBytes(fromHex(hex));
// A job that needed no draw: its committee is named in its creation extrinsic (drawn = created).
const TIMELINE = { created: 10, drawn: 10, inputsClosed: 20, computingStarted: 25, completed: 26, ended: null };

/**
 * A record and a chain history for inputs `{ provider, submission, validity }` (bytes), in
 * order, of a job with input rule `inputRule` (section 12; `validity` empty without a rule).
 */
function job({ jobId, n, t, d, keys, inputs, complaints = [], disqualified = [], resultShares, reconstructedFrom, inputRule = { type: 'None' } }) {
  const committee = keys.map((key, k) => ({ account: `worker-${k + 1}`, key }));
  // The workers' 32-byte accounts, as mpc.CommitteeDrawn gives them; every input names the
  // digest of the committee (PROTOCOL.md section 10).
  const accounts = keys.map((_, k) => new Uint8Array(32).fill(0xa1 + k));
  const digest = committeeDigest(committee.map((m, k) => ({ account: accounts[k], key: fromHex(m.key) })));
  const qualified = inputs.filter((_, k) => !disqualified.includes(k));
  const aggregate = aggregateCommitments(qualified.map((i) => i.submission.commitments));
  const shares = reconstructedFrom.map((index) => {
    const r = resultShares.find((x) => x.index === index);
    return { index, values: r.sumShares.map(s), blinding: s(r.blinding) };
  });
  const out = verifyOutput({ d, aggregate: aggregate.map((c) => keyFromBytes(c)), shares });
  const means = out.values.map((v) => floorDiv(v, qualified.length));
  const record = {
    jobId: BigInt(jobId), n, t, d, inputRule, committee,
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
    created: { block: TIMELINE.created, extrinsic: 1, drawRound: null },
    drawn: {
      block: TIMELINE.created, round: null, committee: committee.map((m) => m.account), accounts, initialization: false, extrinsic: 1, seatedBefore: [],
    },
    inputs: inputs.map((i, k) => ({
      index: k, provider: `provider-${k}`, providerKey: i.provider, block: TIMELINE.created + 1 + k, extrinsic: 1, committeeDigest: digest,
      validity: i.validity ?? new Uint8Array(0), submission: i.submission,
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
    ['committee', ({ record }) => { record.committee.reverse(); }, /committee is not the one mpc\.CommitteeDrawn of block 10 names/],
    ['no JobCreated', ({ history }) => { history.created = null; }, /no mpc\.JobCreated event of job 77 in block 10/],
    ['no CommitteeDrawn', ({ history }) => { history.drawn = null; }, /no mpc\.CommitteeDrawn event of job 77 in blocks 10\.\.25/],
    ['CommitteeDrawn elsewhere', ({ history }) => { history.drawn.extrinsic = 2; }, /needed no draw, but its mpc\.CommitteeDrawn event is not in its creation extrinsic/],
    ['CommitteeDrawn with a round', ({ history }) => { history.drawn.round = 3; }, /needed no draw, but its mpc\.CommitteeDrawn event is not in its creation extrinsic/],
    ['drawn block', ({ record }) => { record.timeline.drawn = 11; }, /the record says the committee was drawn in block 11, mpc\.CommitteeDrawn is in block 10/],
    ['no drawn block', ({ record }) => { record.timeline.drawn = null; }, /timeline has no drawn block/],
    ['missing input', ({ history }) => { history.inputs.splice(1, 1); }, /input 1 is missing/],
    ['input count', ({ record }) => { record.inputCount = 4; }, /history has 3 inputs, the record says 4/],
    ['late input', ({ history }) => { history.inputs[2].block = TIMELINE.inputsClosed + 1; }, /input 2 was accepted in block 21, after inputs closed \(block 20\)/],
    // Dealt to another committee: the chain refuses such an input (Mpc.CommitteeMismatch).
    ['committee digest', ({ history }) => { history.inputs[1].committeeDigest = new Uint8Array(32).fill(7); },
      /input 1 \(block 12\) names the committee digest (07){32}, the record's committee has [0-9a-f]{64}/],
    ['committee digest of the record\'s keys', ({ record }) => { record.committee[2].key = record.committee[1].key; },
      /input 0 \(block 11\) names the committee digest [0-9a-f]{64}, the record's committee has [0-9a-f]{64}/],
    ['committee accounts', ({ history }) => { history.drawn.accounts.pop(); }, /does not give the accounts of the record's 5 members/],
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

/** A complaint of worker `workerIndex` about input `index` that the chain took as redundant (mpc.ComplaintRedundant). */
const redundant = (workerIndex, block, { index = 0, extrinsic = 1 } = {}) => ({ index, workerIndex, block, extrinsic });

test('a redundant complaint about an input disqualified before it passes the full audit and disqualifies nothing more', () => {
  const j = disqualificationJob();
  // Worker 3's share of input 0 was bad too: its complaint came after worker 2's (a later block,
  // or later in the same block) and the chain took it without judging it (PROTOCOL.md section 10).
  j.history.redundantComplaints = [redundant(3, 22), redundant(1, 21, { extrinsic: 3 })];
  const report = audit(j);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.sums, [42n]);
  assert.deepEqual(report.disqualified, [{ index: 0, workerIndex: 2, worker: 'worker-2', block: 21 }]);
  assert.deepEqual(report.redundantComplaints, [
    { index: 0, workerIndex: 3, worker: 'worker-3', block: 22 },
    { index: 0, workerIndex: 1, worker: 'worker-1', block: 21 },
  ]);
  assert.deepEqual(report.inputs.map((i) => i.qualified), [false, true, true]);
  assert.deepEqual(audit(disqualificationJob()).redundantComplaints, []);
});

test('the full audit refuses a redundant complaint about an input no earlier complaint disqualified', () => {
  const cases = [
    // Input 1 was never disqualified: the chain would have judged the complaint.
    ['never disqualified', [redundant(3, 22, { index: 1 })], /block 22 takes a redundant complaint of worker 3 about input 1, which no complaint disqualified/],
    ['before the disqualification', [redundant(3, 20)], /block 20 takes a redundant complaint of worker 3 about input 0 before its disqualification \(block 21\)/],
    ['earlier in the same block', [redundant(3, 21, { extrinsic: 1 })], /before its disqualification \(block 21\)/],
    ['by the disqualifying worker', [redundant(2, 22)], /worker 2 complained about input 0 twice after it was disqualified \(block 22\)/],
    ['twice', [redundant(3, 22), redundant(3, 23)], /worker 3 complained about input 0 twice after it was disqualified \(block 23\)/],
    ['no such worker', [redundant(4, 22)], /block 22 takes a redundant complaint about input 0 on a complaint of worker 4: no such input or committee member/],
    ['no such input', [redundant(3, 22, { index: 3 })], /no such input or committee member/],
  ];
  for (const [name, complaints, reason] of cases) {
    const j = disqualificationJob();
    j.history.redundantComplaints = complaints;
    const report = audit(j);
    assert.equal(report.valid, false, name);
    assert.match(report.reason, reason, name);
  }
  // Named by another R: the chain refuses such a complaint (Mpc.InputMismatch).
  const j = disqualificationJob();
  j.history.redundantComplaints = [{ ...redundant(3, 22), ephemeralKey: j.history.inputs[1].submission.ephemeralKey }];
  assert.match(audit(j).reason, /the complaint of block 22 names input 0 by another R/);
  // Without the disqualification, the redundant complaint alone disqualifies nothing.
  const alone = disqualificationJob();
  alone.history.redundantComplaints = [redundant(3, 22)];
  alone.history.complaints = [];
  assert.match(audit(alone).reason, /which no complaint disqualified/);
});

// ---- auditRecord against a stand-in for @polkadot/api --------------------------------------
// The node-backed test in chain.test.js reads real blocks; this one checks, without a node, how
// auditRecord walks the blocks and matches events to extrinsics (nested calls, other jobs'
// events, pruned blocks), with objects shaped like the codecs @polkadot/api returns.

const num = (n) => ({ toNumber: () => Number(n), toBigInt: () => BigInt(n) });
const raw = (bytes) => ({ toU8a: () => bytes });
const account = (name, key) => ({ toString: () => name, toU8a: () => key });
const call = (section, method, entries) => ({ section, method, args: entries.map(([, v]) => v), argsEntries: entries });
const none = { isSome: false, isNone: true };
const some = (value) => ({ isSome: true, isNone: false, unwrap: () => value });
/** An event in extrinsic `x`, or in the block's initialization (`x === 'init'`), or finalization (`null`). */
const event = (method, data, x) => ({
  phase: { isApplyExtrinsic: typeof x === 'number', asApplyExtrinsic: num(typeof x === 'number' ? x : 0), isInitialization: x === 'init' },
  event: { section: method === 'ExtrinsicSuccess' ? 'system' : 'mpc', method, data },
});
const EVENTS = ['JobCreated', 'CommitteeDrawn', 'InputSubmitted', 'InputDisqualified', 'ComplaintRedundant', 'ComplaintRejected'];
const decoratedEvents = { mpc: Object.fromEntries(EVENTS.map((m) => [m, { is: (e) => e.section === 'mpc' && e.method === m }])) };

function submitCall(jobId, digest, submission, validity) {
  // The arguments of `submit_input(job_id, committee_digest, submission, validity)`, in order;
  // without `validity` (`null`), those of a chain without input rules (protocol v1).
  return call('mpc', 'submitInput', [['job_id', num(jobId)], ['committee_digest', raw(digest)], ['submission', {
    ephemeralKey: raw(submission.ephemeralKey),
    proof: raw(submission.proof),
    commitments: submission.commitments.map(raw),
    ciphertexts: submission.ciphertexts.map(raw),
  }], ...(validity === null ? [] : [['validity', raw(validity ?? new Uint8Array(0))]])]);
}

/** The arguments of `complain(job_id, input, ephemeral_key, ciphertext_hash, shared_key, proof)`, in order. */
function complainCall(jobId, index, ephemeralKey, sharedKey, proof) {
  return call('mpc', 'complain', [['job_id', num(jobId)], ['input', num(index)], ['ephemeral_key', raw(ephemeralKey)],
    ['ciphertext_hash', raw(new Uint8Array(32))], ['shared_key', raw(sharedKey)], ['proof', raw(proof)]]);
}

/** A chain whose blocks hold the job `j` (its inputs and complaints), and some noise. */
function fakeChain(j, { pruned = null, stateGone = false } = {}) {
  const id = j.jobId;
  const blocks = new Map();
  const block = (n) => {
    if (!blocks.has(n)) blocks.set(n, { extrinsics: [{ method: call('timestamp', 'set', [['now', num(n)]]) }], events: [] });
    return blocks.get(n);
  };
  const { record, history } = j;
  const created = block(record.timeline.created);
  created.extrinsics.push({ method: call('mpc', 'createJob', [['spec', {}]]) });
  const committee = record.committee.map((m, k) => account(m.account, history.drawn.accounts[k]));
  if (history.created.drawRound === null) {
    created.events.push(event('JobCreated', { jobId: num(id), owner: account('owner'), drawRound: none }, 1));
    created.events.push(event('CommitteeDrawn', { jobId: num(id), round: none, committee }, 1));
  } else {
    created.events.push(event('JobCreated', { jobId: num(id), owner: account('owner'), drawRound: some(num(history.created.drawRound)) }, 1));
    const drawn = block(history.drawn.block);
    // Another job drawn first in the same block, then this one.
    drawn.events.unshift(
      event('CommitteeDrawn', { jobId: num(id + 5n), round: some(num(history.created.drawRound)), committee: [account('worker-9')] }, 'init'),
      event('CommitteeDrawn', { jobId: num(id), round: some(num(history.drawn.round)), committee }, 'init'),
    );
  }
  history.inputs.forEach((input, k) => {
    const b = block(input.block);
    const submit = submitCall(id, input.committeeDigest, input.submission, input.validity);
    // Input 1 comes through sudo.sudoAs: the call is nested in another's arguments.
    const top = k === 1 ? call('sudo', 'sudoAs', [['who', account('x')], ['call', submit]]) : submit;
    b.extrinsics.push({ method: top });
    b.events.push(event('InputSubmitted', { jobId: num(id), index: num(k), provider: account(input.provider, input.providerKey) }, b.extrinsics.length - 1));
    b.events.push(event('ExtrinsicSuccess', {}, b.extrinsics.length - 1));
  });
  for (const c of history.complaints) {
    const b = block(c.block);
    b.extrinsics.push({ method: complainCall(id, c.index, history.inputs[c.index].submission.ephemeralKey, c.sharedKey, c.proof) });
    b.events.push(event('InputDisqualified', { jobId: num(id), index: num(c.index), workerIndex: num(c.workerIndex) }, b.extrinsics.length - 1));
  }
  // Complaints the chain took as redundant: free, unjudged, with any K_i and proof.
  for (const r of history.redundantComplaints ?? []) {
    const b = block(r.block);
    const R = r.ephemeralKey ?? history.inputs[r.index]?.submission.ephemeralKey ?? new Uint8Array(32);
    b.extrinsics.push({ method: complainCall(id, r.index, R, new Uint8Array(32), new Uint8Array(64)) });
    b.events.push(event('ComplaintRedundant', { jobId: num(id), index: num(r.index), workerIndex: num(r.workerIndex) }, b.extrinsics.length - 1));
  }
  // Another job's input in block 12, with the same submission: not this job's.
  const other = block(12);
  other.extrinsics.push({ method: submitCall(id + 1n, new Uint8Array(32), history.inputs[0].submission, new Uint8Array(0)) });
  other.events.push(event('InputSubmitted', { jobId: num(id + 1n), index: num(0), provider: account('someone', new Uint8Array(32)) }, other.extrinsics.length - 1));
  other.events.push(event('InputsClosed', { jobId: num(id), inputs: num(history.inputs.length) }, null));
  const api = {
    genesisHash: { toU8a: () => j.genesis },
    events: decoratedEvents,
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
    at: async (hash) => {
      if (stateGone) throw new Error(`State already discarded for block ${hash.n}`);
      throw new Error('no state in this stand-in');
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

test('auditRecord reads redundant complaints (mpc.ComplaintRedundant) and checks them against the disqualifications', async () => {
  const j = disqualificationJob();
  j.history.redundantComplaints = [redundant(3, 21), redundant(1, 23)];
  const report = await auditRecord(fakeChain(j), j.jobId, { record: j.record });
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.disqualified, [{ index: 0, workerIndex: 2, worker: 'worker-2', block: 21 }]);
  assert.deepEqual(report.redundantComplaints.map((r) => [r.index, r.workerIndex, r.block]), [[0, 3, 21], [0, 1, 23]]);
  assert.deepEqual(report.inputs.map((i) => i.qualified), [false, true, true]);

  // A "redundant" complaint about an input nothing disqualified, or one before the
  // disqualification (an earlier event of the same block), is not what the chain does.
  const never = disqualificationJob();
  never.history.redundantComplaints = [redundant(3, 22, { index: 2 })];
  const bad = await auditRecord(fakeChain(never), never.jobId, { record: never.record });
  assert.equal(bad.valid, false);
  assert.match(bad.reason, /block 22 takes a redundant complaint of worker 3 about input 2, which no complaint disqualified/);
  const first = disqualificationJob();
  first.history.redundantComplaints = [redundant(3, 21)];
  const api = fakeChain(first);
  const b21 = await api.query.system.events.at({ n: 21 });
  b21.reverse();
  const early = await auditRecord(api, first.jobId, { record: first.record });
  assert.equal(early.valid, false);
  assert.match(early.reason, /block 21 takes a redundant complaint of worker 3 about input 0 before its disqualification \(block 21\)/);

  // The event's extrinsic must hold the complaint.
  const lost = disqualificationJob();
  lost.history.redundantComplaints = [redundant(3, 22)];
  const lostApi = fakeChain(lost);
  const b22 = await lostApi.rpc.chain.getBlock({ n: 22 });
  b22.block.extrinsics[1].method = call('balances', 'transfer', [['dest', account('x')]]);
  const r = await auditRecord(lostApi, lost.jobId, { record: lost.record });
  assert.equal(r.valid, false);
  assert.match(r.reason, /block 22, extrinsic 1: mpc\.ComplaintRedundant of input 0 without its complaint/);
});

test('auditRecord pairs the complaint events of one extrinsic with its complain calls in order', async () => {
  // One extrinsic (a batch through sudo) with three complaints about input 0: worker 1's is
  // false (mpc.ComplaintRejected), worker 2's disqualifies it, worker 3's is redundant.
  const j = disqualificationJob();
  const api = fakeChain(j);
  const b21 = await api.rpc.chain.getBlock({ n: 21 });
  const events = await api.query.system.events.at({ n: 21 });
  const x = b21.block.extrinsics.length - 1;
  const R = j.history.inputs[0].submission.ephemeralKey;
  const disqualifying = b21.block.extrinsics[x].method;
  const f = j.falseComplaint;
  b21.block.extrinsics[x].method = call('sudo', 'sudo', [['call', call('utility', 'batch', [['calls', [
    complainCall(j.jobId, 0, R, f.sharedKey, f.proof), disqualifying, complainCall(j.jobId, 0, R, new Uint8Array(32), new Uint8Array(64)),
  ]]])]]);
  const at = events.findIndex((e) => e.event.method === 'InputDisqualified');
  events.splice(at, 0, event('ComplaintRejected', { jobId: num(j.jobId), index: num(0), workerIndex: num(1) }, x));
  events.push(event('ComplaintRedundant', { jobId: num(j.jobId), index: num(0), workerIndex: num(3) }, x));
  const report = await auditRecord(api, j.jobId, { record: j.record });
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.disqualified.map((d) => [d.index, d.workerIndex]), [[0, 2]]);
  assert.deepEqual(report.redundantComplaints.map((d) => [d.index, d.workerIndex, d.block]), [[0, 3, 21]]);
});

test('a drawn committee passes the full audit; its event must be the draw\'s block, phase and round', async () => {
  const drawn = () => {
    const j = aggregationJob();
    j.record.timeline.drawn = 11;
    j.history.created.drawRound = 4;
    j.history.drawn = { ...j.history.drawn, block: 11, round: 4, initialization: true, extrinsic: null };
    return j;
  };
  const ok = audit(drawn());
  assert.equal(ok.valid, true, ok.reason);
  assert.deepEqual(ok.draw, { round: 4, block: 11 });
  assert.deepEqual(audit(aggregationJob()).draw, { round: null, block: 10 });
  const cases = [
    // The record's committee swapped: not the one the chain drew.
    ['swapped committee', ({ record }) => { [record.committee[0], record.committee[1]] = [record.committee[1], record.committee[0]]; },
      /the record's committee is not the one mpc\.CommitteeDrawn of block 11 names/],
    ['another round', ({ history }) => { history.drawn.round = 5; }, /to be drawn with beacon round 4, its mpc\.CommitteeDrawn event names round 5/],
    ['in an extrinsic', ({ history }) => { history.drawn.initialization = false; history.drawn.extrinsic = 2; }, /not drawn in the initialization of a block after its creation/],
    ['in the creation block', ({ record, history }) => { history.drawn.block = 10; record.timeline.drawn = 10; }, /not drawn in the initialization of a block after its creation \(block 10\)/],
    ['input before the draw', ({ record, history }) => { history.drawn.block = 12; record.timeline.drawn = 12; }, /input 0 was accepted in block 11, before the committee was drawn \(block 12\)/],
  ];
  for (const [name, tamper, reason] of cases) {
    const j = drawn();
    tamper(j);
    const report = audit(j);
    assert.equal(report.valid, false, name);
    assert.match(report.reason, reason, name);
  }
  // auditRecord reads the events from the blocks, then recomputes the draw from the chain's
  // state in the parent of the drawing block: here that state is gone.
  const j = drawn();
  await assert.rejects(auditRecord(fakeChain(j, { stateGone: true }), 77n, { record: j.record }), (e) => e instanceof MpcError
    && e.errorName === 'HistoryUnavailable' && /block 10 is not available .*State already discarded/.test(e.message));
});

// ---- validity proofs (PROTOCOL.md section 12) ---------------------------------------------

/**
 * A poll of dimension 3 under the rule `OneHot { abstain }`, on the committee of the bad-share
 * vector (n = 3, t = 1, whose secrets are known): `ballots` dealt with their one-hot proofs
 * (dealWithRule), workers 1 and 2 compute the result from all of them.
 */
function ballotJob({ abstain = false, ballots = [[1n, 0n, 0n], [0n, 0n, 1n], [1n, 0n, 0n]], inputRule = { type: 'OneHot', abstain } } = {}) {
  const b = V.rejections.bad_share;
  const genesis = fromHex(b.genesis);
  const jobId = 31n;
  const keys = b.worker_keys.map(fromHex);
  const inputs = ballots.map((values, k) => {
    const provider = new Uint8Array(32).fill(0x40 + k);
    const { submission, validity } = dealWithRule({ genesis, jobId, provider, keys, t: b.t, values, rule: { type: 'OneHot', abstain } });
    return { provider, submission, validity };
  });
  const resultShares = b.worker_secrets.map((e, w) => {
    const index = w + 1;
    const S = [0n, 0n, 0n];
    let U = 0n;
    for (const { provider, submission } of inputs) {
      const sharedKey = keyFromBytes(submission.ephemeralKey).multiply(s(e)).toBytes();
      const ctx = { genesis, jobId, provider, index };
      const key = deriveKey({ ...ctx, ephemeralKey: submission.ephemeralKey, workerKey: keys[w], sharedKey });
      const share = decryptShare({ ...ctx, key, d: 3, ciphertext: submission.ciphertexts[w] });
      share.values.forEach((v, l) => { S[l] += v; });
      U += share.blinding;
    }
    return { index, sumShares: S.map((v) => toHex(scalarToBytes(v))), blinding: toHex(scalarToBytes(U)) };
  });
  const j = job({ jobId, n: b.n, t: b.t, d: 3, keys: b.worker_keys, inputs, resultShares, reconstructedFrom: [1, 2], inputRule });
  return { ...j, genesis, jobId };
}

test('a one-hot poll passes the full audit with every ballot\'s proof re-verified', async () => {
  const j = ballotJob();
  const report = audit(j);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.sums, [2n, 0n, 1n]);
  assert.deepEqual(report.inputRule, { type: 'OneHot', abstain: false });
  assert.deepEqual(report.validity, { verified: 3, notVerified: 0 });
  assert.deepEqual(report.inputs.map((i) => i.validity), ['verified', 'verified', 'verified']);
  // Read from the blocks: the proof is the 4th argument of each submit_input.
  const read = await auditRecord(fakeChain(j), j.jobId, { record: j.record });
  assert.equal(read.valid, true, read.reason);
  assert.deepEqual(read.validity, { verified: 3, notVerified: 0 });
  // With abstentions.
  const abstaining = audit(ballotJob({ abstain: true, ballots: [[0n, 1n, 0n], [0n, 0n, 0n]] }));
  assert.equal(abstaining.valid, true, abstaining.reason);
  assert.deepEqual(abstaining.sums, [0n, 1n, 0n]);
  // A job without a rule: empty proofs, nothing to re-verify.
  const plain = audit(aggregationJob());
  assert.deepEqual([plain.inputRule, plain.validity], [{ type: 'None' }, { verified: 0, notVerified: 0 }]);
  assert.deepEqual(plain.inputs.map((i) => i.validity), ['none', 'none', 'none']);
});

test('the full audit fails an input whose validity proof does not hold under the record\'s rule', async () => {
  const cases = [
    ['tampered proof', (j) => { j.history.inputs[1].validity[5] ^= 1; },
      /input 1 \(block 12\): the job's rule is OneHot, and its validity proof does not verify/],
    ['no proof', (j) => { j.history.inputs[2].validity = new Uint8Array(0); }, /input 2 \(block 13\): the job's rule is OneHot, and it carries no validity proof/],
    ['proof of another input', (j) => { j.history.inputs[0].validity = j.history.inputs[1].validity; }, /input 0 .*validity proof does not verify/],
    ['record says abstain', (j) => { j.record.inputRule = { type: 'OneHot', abstain: true }; }, /input 0 .*OneHot \(with abstention\), and its validity proof does not verify/],
    ['record says no rule', (j) => { j.record.inputRule = { type: 'None' }; }, /input 0 \(block 11\): the job has no input rule, but its submit_input carries a 192-byte validity proof/],
    ['malformed rule', (j) => { j.record.inputRule = { type: 'Ballot' }; }, /the record's input rule: unknown input rule "Ballot"/],
  ];
  for (const [name, tamper, reason] of cases) {
    const j = ballotJob();
    tamper(j);
    const report = audit(j);
    assert.equal(report.valid, false, name);
    assert.match(report.reason, reason, name);
  }
  // Read from the blocks: the proof of input 1, tampered in its submit_input.
  const j = ballotJob();
  j.history.inputs[1].validity[64 * 3 - 1] ^= 1;
  const read = await auditRecord(fakeChain(j), j.jobId, { record: j.record });
  assert.equal(read.valid, false);
  assert.match(read.reason, /input 1 \(block 12\): .*validity proof does not verify/);
  // A job without a rule takes only empty proofs.
  const plain = aggregationJob();
  plain.history.inputs[2].validity = new Uint8Array(1);
  assert.match(audit(plain).reason, /input 2 \(block 13\): the job has no input rule, but its submit_input carries a 1-byte validity proof/);
});

test('range proofs are not re-verified: the audit says so, and checks that each input has one of the right form', () => {
  const bounds = [[0n, 1n], [0n, 1n], [0n, 1n]];
  const j = ballotJob({ inputRule: { type: 'Range', bounds } });
  // Stand-ins: this client has no Bulletproofs verifier, so their content is not checked; their
  // form is: d = 3 at 8 bits (M = 8) is 3 V_l (canonical: the identity here), a linking proof
  // of 8 scalars and a Bulletproofs proof of 32 (9 + 2 log2 64) bytes: 1,024 bytes.
  const stand = () => {
    const proof = new Uint8Array(1024).fill(1);
    proof.fill(0, 0, 96);
    return proof;
  };
  j.history.inputs.forEach((i) => { i.validity = stand(); });
  const report = audit(j);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.inputRule, { type: 'Range', bounds });
  assert.equal(report.validity.verified, 0);
  assert.equal(report.validity.notVerified, 3);
  assert.match(report.validity.note, /range proofs are not re-verified: this client version has no Bulletproofs verifier.*Checked here: each is there, of the exact length its rule gives, and \(d > 1\) starts with canonical V_l/);
  assert.deepEqual(report.inputs.map((i) => i.validity), ['not verified', 'not verified', 'not verified']);
  j.history.inputs[1].validity = new Uint8Array(0);
  assert.match(audit(j).reason, /input 1 \(block 12\): the job's rule is Range, and its submit_input carries no validity proof/);
  j.history.inputs[1].validity = stand().subarray(0, 992);
  assert.match(audit(j).reason, /input 1 \(block 12\): the job's rule is Range, and its validity proof is malformed: a range proof for dimension 3 at 8 bits is 1024 bytes, this one is 992/);
  j.history.inputs[1].validity = stand();
  j.history.inputs[1].validity.fill(0xff, 32, 64);
  assert.match(audit(j).reason, /input 1 \(block 12\): the job's rule is Range, and its validity proof is malformed: its V_1 is not a canonical point encoding/);
});

test('a record and history of a chain without input rules (no input_rule, no validity argument) audit as rule None', async () => {
  const j = aggregationJob();
  delete j.record.inputRule;
  j.history.inputs.forEach((i) => { i.validity = null; });
  const report = await auditRecord(fakeChain(j), 77n, { record: j.record });
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.inputRule, { type: 'None' });
});

// ---- the committee draw (PROTOCOL.md sections 11.6 and 11.7) --------------------------------

const B = JSON.parse(readFileSync(new URL('../../../primitives/tests/vectors/beacon-v1.json', import.meta.url)));
const RHO = fromHex(B.round.output);
const DRAW_JOB = BigInt(B.derived.job_id);
const CANDIDATES = Array.from({ length: 10 }, (_, k) => `candidate-${k}`);
const named = (positions) => positions.map((k) => CANDIDATES[k]);

test('checkCommitteeDraw: the vectors\' draws pass, a swapped or foreign committee fails', () => {
  const [all, some] = B.derived.draw;
  const base = { rho: RHO, jobId: DRAW_JOB, candidates: CANDIDATES, n: all.n, pool: CANDIDATES };
  const ok = checkCommitteeDraw({ ...base, committee: named(all.drawn) });
  assert.equal(toHex(ok.seed), B.derived.committee_seed);
  assert.deepEqual(ok.drawn, all.drawn);
  assert.deepEqual(ok.skipped, []);
  // Candidates 8 and 0 no longer eligible: out of the pool, or 8 seated by an earlier draw.
  const without = CANDIDATES.filter((c) => !named(some.ineligible).includes(c));
  const skipped = checkCommitteeDraw({ ...base, committee: named(some.drawn), pool: without });
  assert.deepEqual(skipped.skipped, named(some.ineligible));
  const seated = checkCommitteeDraw({ ...base, committee: named(some.drawn), pool: [...without, CANDIDATES[8]], seatedBefore: [CANDIDATES[8]] });
  assert.deepEqual(seated.drawn, some.drawn);

  const fails = (over, reason) => assert.throws(() => checkCommitteeDraw({ ...base, ...over }), (e) => e instanceof ProtocolError && e.code === 'audit' && reason.test(e.message), String(reason));
  const swapped = named(all.drawn);
  [swapped[0], swapped[1]] = [swapped[1], swapped[0]];
  fails({ committee: swapped }, /the draw places candidate-8 where the committee has member 1 \(candidate-2\), and candidate-8 was eligible/);
  // Skipping a candidate that was eligible, even if it sits in the committee later.
  fails({ committee: named(some.drawn) }, /the draw places candidate-8 where the committee has member 1 \(candidate-2\)/);
  fails({ committee: named(some.drawn), pool: [...without, CANDIDATES[0]], seatedBefore: [CANDIDATES[8]] }, /places candidate-0 where the committee has member 3 \(candidate-4\)/);
  fails({ committee: named(all.drawn), pool: CANDIDATES.filter((c) => c !== CANDIDATES[2]) }, /member 2 \(candidate-2\) was not in the pool/);
  fails({ committee: [...named(all.drawn).slice(0, 3), 'stranger'], pool: [...CANDIDATES, 'stranger'] }, /member 4 \(stranger\) is not a candidate of the job|places candidate-\d+ where the committee has member 4 \(stranger\)/);
  fails({ committee: named(all.drawn).slice(0, 3) }, /the committee has 3 members, the job 4 seats/);
  fails({ committee: named(all.drawn), rho: new Uint8Array(32) }, /the draw places/);
  fails({ committee: named(all.drawn), jobId: DRAW_JOB + 1n }, /the draw places/);
  fails({ committee: named(all.drawn), candidates: [...CANDIDATES, CANDIDATES[0]] }, /a candidate twice/);
});

/**
 * A chain that drew job 42 (n = 3 of five candidates) in the initialization of block 30 with beacon
 * round 11 of the beacon vectors (epoch 3, the job created in block 20, the round opened in 22
 * and completed in 28). `change` edits the parts before the stand-in api is made.
 */
function drawChain(change = () => {}) {
  const candidates = CANDIDATES.slice(0, 5);
  const seed = committeeSeed(RHO, DRAW_JOB);
  const c = {
    jobId: DRAW_JOB, n: 3, candidates, created: 20, drawn: 30, round: B.round.round, opened: 22, published: 28,
    pool: [...candidates], creationCandidates: [...candidates], drawingRound: B.round.round,
    committee: drawCommittee(seed, 5, 3).map((k) => candidates[k]), earlier: [], stored: null,
    output: fromHex(B.round.output), shares: B.round.subsets[0].map((i) => B.round.shares.find((x) => x.index === i)),
    prunedAt: null, eventRound: B.round.round,
  };
  change(c);
  c.stored ??= c.committee;
  const acc = (name) => account(name, new Uint8Array(32));
  const blocks = {
    [c.created]: { extrinsics: [{ method: call('timestamp', 'set', [['now', num(0)]]) }, { method: call('mpc', 'createJob', [['spec', {}]]) }],
      events: [event('JobCreated', { jobId: num(c.jobId), owner: acc('owner'), drawRound: some(num(c.round)) }, 1)] },
    [c.drawn]: { extrinsics: [{ method: call('timestamp', 'set', [['now', num(0)]]) }], events: [
      ...c.earlier.map((committee, k) => event('CommitteeDrawn', { jobId: num(c.jobId - 1n - BigInt(k)), round: some(num(c.round)), committee: committee.map(acc) }, 'init')),
      event('CommitteeDrawn', { jobId: num(c.jobId), round: some(num(c.eventRound)), committee: c.committee.map(acc) }, 'init'),
    ] },
  };
  const drawing = (list) => some({ round: num(c.drawingRound), candidates: list.map(acc), inputWindow: num(40) });
  const state = {
    [c.created]: { drawings: drawing(c.creationCandidates), pool: candidates },
    [c.drawn - 1]: { drawings: drawing(c.candidates), pool: c.pool },
  };
  const g = B.group_key;
  const round = some({
    epoch: num(B.epoch), opened: num(c.opened), seed: raw(fromHex(B.round.seed)),
    shares: c.shares.map((sh) => ({ index: num(sh.index), point: raw(fromHex(sh.Y)), proof: raw(fromHex(sh.proof)) })),
    output: some([raw(c.output), num(c.published)]),
  });
  const key = some({
    committee: B.members.map((m) => ({ account: acc(m.account), key: raw(fromHex(m.E)) })),
    commitments: g.commitments.map((x) => raw(fromHex(x))), publicShares: g.public_shares.map((x) => raw(fromHex(x))),
    digest: raw(fromHex(g.digest)), activated: num(10), qualified: g.qualified.map(num),
  });
  return {
    genesisHash: { toU8a: () => fromHex(B.genesis) },
    events: decoratedEvents,
    rpc: {
      chain: {
        getBlockHash: async (n) => ({ isEmpty: n > 40, n }),
        getBlock: async (hash) => ({ block: { header: { number: num(hash.n) }, extrinsics: blocks[hash.n]?.extrinsics ?? [] } }),
      },
    },
    query: {
      system: { events: { at: async (hash) => blocks[hash.n]?.events ?? [] } },
      mpc: { committees: async () => c.stored.map((a) => ({ account: acc(a) })) },
    },
    at: async (hash) => {
      if (hash.n === c.prunedAt) throw new Error(`State already discarded for block ${hash.n}`);
      const at = state[hash.n];
      return {
        query: { mpc: { drawings: async () => at.drawings, workerList: async () => at.pool.map(acc) } },
        call: { mpcBeaconApi: { round: async (r) => (Number(r) === c.round ? round : none), key: async (e) => (Number(e) === B.epoch ? key : none) } },
      };
    },
    case: c,
  };
}

const verifyDraw = (api) => verifyCommitteeDraw(api, api.case.jobId, { timeline: { created: api.case.created, drawn: api.case.drawn }, n: api.case.n });

test('verifyCommitteeDraw recomputes a draw from the chain: the round from its shares, the candidates and pool of the parent block', async () => {
  const api = drawChain();
  const d = await verifyDraw(api);
  assert.equal(d.round, B.round.round);
  assert.equal(d.epoch, B.epoch);
  assert.equal(toHex(d.rho), B.round.output);
  assert.equal(toHex(d.seed), B.derived.committee_seed);
  assert.deepEqual(d.candidates, CANDIDATES.slice(0, 5));
  assert.deepEqual(d.committee, api.case.committee);
  assert.deepEqual(d.skipped, []);
  assert.equal(d.block, 30);

  // The first candidate the shuffle places left the pool before the draw: the next one takes its
  // seat, and the check says so.
  const full = drawCommittee(committeeSeed(RHO, DRAW_JOB), 5, 5).map((k) => CANDIDATES[k]);
  const left = drawChain((c) => {
    c.pool = c.pool.filter((a) => a !== full[0]);
    c.committee = full.slice(1, 4);
  });
  assert.deepEqual((await verifyDraw(left)).skipped, [full[0]]);
  // Still in the pool at the parent, but seated by an earlier draw of the same block: allowed.
  const seated = drawChain((c) => {
    c.committee = full.slice(1, 4);
    c.earlier = [[full[0]]];
  });
  assert.deepEqual((await verifyDraw(seated)).skipped, [full[0]]);
});

test('verifyCommitteeDraw refuses a committee or round that is not the draw\'s, and says when it cannot check', async () => {
  const full = drawCommittee(committeeSeed(RHO, DRAW_JOB), 5, 5).map((k) => CANDIDATES[k]);
  const refused = async (change, reason, code = 'audit') => {
    await assert.rejects(verifyDraw(drawChain(change)), (e) => e instanceof ProtocolError && e.code === code && reason.test(e.message), String(reason));
  };
  await refused((c) => { c.committee = [full[1], full[0], full[2]]; }, new RegExp(`the draw places ${full[0]} where the committee has member 1 \\(${full[1]}\\)`));
  // A candidate skipped that was in the pool and seated by no earlier draw.
  await refused((c) => { c.committee = full.slice(1, 4); }, /and candidate-\d was eligible/);
  await refused((c) => { c.creationCandidates = [...c.candidates].reverse(); }, /candidates of job 42 in block 29 are not those stored at its creation \(block 20\)/);
  await refused((c) => { c.opened = 19; }, /round 11 opened in block 19, before job 42 was created \(block 20\)/);
  await refused((c) => { c.eventRound = 12; }, /to be drawn with round 11, mpc\.CommitteeDrawn of block 30 names round 12/);
  await refused((c) => { c.drawingRound = 12; }, /waited for round 12 in block 29, mpc\.JobCreated says round 11/);
  await refused((c) => { c.stored = [...c.committee].reverse(); }, /the committee the chain stores for job 42 is not the one drawn in block 30/);
  await refused((c) => { c.output = new Uint8Array(32); }, /round 11 does not verify: its shares combine to/, 'beacon');
  await refused((c) => { c.shares = [c.shares[0], { ...c.shares[1], Y: c.shares[0].Y }]; }, /round 11 does not verify: the round share of member/, 'beacon');
  await assert.rejects(verifyDraw(drawChain((c) => { c.prunedAt = 29; })), (e) => e instanceof MpcError && e.errorName === 'HistoryUnavailable'
    && /block 29 is not available \(State already discarded/.test(e.message));
  await assert.rejects(verifyCommitteeDraw(drawChain(), DRAW_JOB, { timeline: { created: 20, drawn: null }, n: 3 }), (e) => e instanceof MpcError && e.errorName === 'NotDrawn');
});
