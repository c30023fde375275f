// Integration: a real `mpc-node --dev` (archive, so that the full audit can read every block)
// runs jobs dealt from JavaScript to verified results, and its metadata names every pallet error
// the client documents. The dev pool has five workers: jobs of 5 need no draw, a job of 3 waits
// in Drawing until a beacon round draws its committee (PROTOCOL.md section 11.7). A poll under
// the input rule OneHot takes ballots with their validity proofs (section 12), and one under a
// Range rule takes values with their range proofs from the wasm prover (scripts/wasm). Needs the
// node binary (`cargo build -p mpc-node`, or MPC_NODE=<path>); skipped without it (and the range
// job without dist/mpc_wasm.wasm).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/api';
import { decodeAddress } from '@polkadot/util-crypto';
import { ARCHIVE, NODE, startNode, withNodeLog } from './dev-node.js';
import { documentedErrorNames } from './error-names.js';
import {
  createJob, submitInput, waitForResult, getRecord, verifyRecord, auditRecord, listWorkers, MpcError,
  getCommittee, getCommitteeKeys, deal, parseDecimal, send, submitInputTx, getJob, waitForCommittee, verifyCommitteeDraw,
  readCommitteeDraw, verifyBeaconRound, getBeaconRound, committeeSeed, drawCommittee, toHex, ProtocolError,
  reclaimInputDeposit, dealWithRule, verifyValidity, loadProver, checkRangeProofForm, floorDiv, formatDecimal,
} from '../src/index.js';
import { noWasm } from './wasm.js';

const CLI = fileURLToPath(new URL('../bin/mpc.js', import.meta.url));
const noNode = !existsSync(NODE) && `no node binary at ${NODE}`;
const run = promisify(execFile);

// One node for every test of this file; each test runs its own job.
let node;
before(async () => {
  if (!noNode) node = await startNode(ARCHIVE);
});
after(async () => {
  await node?.api.disconnect();
  node?.stop();
});

/** Runs `body`, printing the node's log if it fails. */
const withLog = (body) => withNodeLog(node, body);

const UNIT = 10n ** 12n;

/** Resolves with the best block's number once it is `n` or later. */
function untilBlock(api, n) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let done = false;
    api.rpc.chain.subscribeNewHeads((header) => {
      const number = header.number.toNumber();
      if (done || number < n) return;
      done = true;
      unsub?.();
      resolve(number);
    }).then((u) => {
      unsub = u;
      if (done) u();
    }, reject);
  });
}

/** The `mpc.<method>` events of job `jobId` in block `number`. */
async function jobEvents(api, number, method, jobId) {
  const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(number));
  return events.map(({ event }) => event).filter((e) => e.section === 'mpc' && e.method === method && e.data.jobId.toBigInt() === jobId);
}

test('every pallet error the client documents exists in the node\'s metadata', { skip: noNode, timeout: 60_000 }, () => withLog(async ({ api }) => {
  const documented = documentedErrorNames();
  assert.ok(documented.length > 0);
  const missing = documented.filter(({ name }) => !api.errors.mpc[name]).map(({ name, file }) => `Mpc.${name} (${file})`);
  assert.deepEqual(missing, [], 'documented but not in api.errors.mpc');
}));

test('a job dealt from JavaScript completes with a verified average salary', { skip: noNode, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [owner, ...providers] = ['//Ferdie', '//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));
  const workers = await listWorkers(api);
  assert.equal(workers.length, 5);

  const { jobId, committee, drawRound } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 2,
    inputWindow: 40, maxInputs: 4, metadata: 'average salary', rewardPerWorker: 10n ** 12n,
  });
  // The pool is exactly the committee: no draw, the committee at once, collecting from creation.
  assert.equal(drawRound, null);
  assert.deepEqual([...committee].sort(), workers.map((w) => w.account).sort());
  const job = await getJob(api, jobId);
  assert.equal(job.timeline.drawn, job.timeline.created);
  assert.equal((await verifyCommitteeDraw(api, jobId)).round, null);
  // The job stores the digest of its committee (PROTOCOL.md section 10), which inputs name.
  const { accounts, keys, digest } = await getCommittee(api, jobId);
  assert.deepEqual(accounts, committee);
  assert.deepEqual(keys.map(toHex), committee.map((a) => workers.find((w) => w.account === a).key));
  assert.equal(toHex(digest), job.committeeDigest);
  assert.deepEqual((await getCommitteeKeys(api, jobId)).map(toHex), keys.map(toHex));
  const salaries = ['4250.75', '5100.00', '3875.50', '6020.25'];
  // Both dealers: this package's JS one and the wasm one (mpc-primitives).
  for (const [k, p] of providers.entries()) {
    const dealer = noWasm || k % 2 === 0 ? 'js' : 'wasm';
    assert.equal((await submitInput(api, p, jobId, [salaries[k]], { dealer })).dealer, dealer);
  }
  await assert.rejects(submitInput(api, providers[0], jobId, ['1.00']), (e) => e instanceof MpcError && /^Mpc\.(AlreadySubmitted|NotCollecting)$/.test(e.errorName));
  await assert.rejects(submitInput(api, providers[0], jobId, ['1.001']), /more than 2 decimals/);

  const phases = new Set();
  const result = await waitForResult(api, jobId, { onProgress: ({ phase }) => phases.add(phase) });
  assert.deepEqual(result.formatted, ['19246.50']);
  assert.deepEqual(result.formattedMeans, ['4811.62']);
  assert.deepEqual(result.sums, [1924650n]);
  assert.equal(result.qualifiedInputs, 4);

  const record = await getRecord(api, jobId);
  assert.deepEqual(verifyRecord(record), { valid: true, sums: [1924650n] });
  assert.equal(record.resultShares.length >= 3, true);
  assert.equal(record.timeline.created > 0 && record.timeline.computingStarted >= record.timeline.inputsClosed, true);
  const forged = structuredClone(record);
  forged.result.sums[0] += 1n;
  assert.equal(verifyRecord(forged).valid, false);
  // The CLI sees the same record, verifies it, and says so in its exit code.
  const { stdout } = await run('node', [CLI, 'record', 'verify', String(jobId), '--url', url, '--json']);
  assert.equal(JSON.parse(stdout).valid, true);
  assert.deepEqual(JSON.parse(stdout).sums, ['1924650']);
  const shown = await run('node', [CLI, 'job', 'show', String(jobId), '--url', url, '--json']);
  assert.ok(['Completed', 'Settled'].includes(JSON.parse(shown.stdout).phase));
  await assert.rejects(run('node', [CLI, 'job', 'show', '99', '--url', url]), (e) => e.code === 1 && /Mpc\.UnknownJob/.test(e.stderr));
  await assert.rejects(run('node', [CLI, 'input', 'submit', String(jobId), '1.00', '--url', url, '--suri', '//Eve']), (e) => e.code === 1 && /Mpc\.NotCollecting/.test(e.stderr));
  await assert.rejects(run('node', [CLI, 'record', 'verify', '99', '--url', url]), (e) => e.code === 1 && /NoRecord/.test(e.stderr));
  console.log(`job ${jobId}: sum ${result.formatted[0]}, mean ${result.formattedMeans[0]}, phases seen: ${[...phases].join(' -> ')}`);
}));

test('an input named for another committee is refused; the full audit passes a job with a disqualified input, and catches a tampered record', { skip: noNode, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [owner, cheat, ...honest] = ['//Ferdie', '//Dave', '//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s));
  const { jobId, committee } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 2, inputWindow: 40, maxInputs: 4, rewardPerWorker: 10n ** 12n,
  });
  const salaries = ['4250.75', '5100.00', '3875.50'];
  for (const [k, p] of honest.entries()) await submitInput(api, p, jobId, [salaries[k]]);
  // The cheat's input is well-formed for the chain, but worker 1's ciphertext does not decrypt:
  // worker 1 complains and the chain disqualifies it. Dealt to the committee read in one block,
  // with its digest.
  const at = (await api.rpc.chain.getBlockHash()).toHex();
  const { keys, digest } = await getCommittee(api, jobId, { at });
  assert.equal(toHex(digest), (await getJob(await api.at(at), jobId)).committeeDigest);
  assert.deepEqual((await getCommitteeKeys(api, jobId, { at })).map(toHex), keys.map(toHex));
  const submission = deal({
    genesis: api.genesisHash.toU8a(), jobId, provider: decodeAddress(cheat.address),
    keys, t: 2, values: [parseDecimal('99999.99', 2)],
  });
  submission.ciphertexts[0][5] ^= 1;
  // Named for another committee (as on a branch where the job has another): refused with
  // CommitteeMismatch, nothing stored and no deposit held.
  const before = await getJob(api, jobId);
  // Nothing more held than before: a deposit of the cheat's from the first test's job may be
  // released meanwhile (the pallet's cleanup of that job), never one more held.
  const reserved = async () => (await api.query.system.account(cheat.address)).data.reserved.toBigInt();
  const heldBefore = await reserved();
  const noneHeld = async () => assert.ok(await reserved() <= heldBefore, `${await reserved()} held, ${heldBefore} before`);
  const other = digest.slice();
  other[0] ^= 1;
  await assert.rejects(send(api, cheat, submitInputTx(api, jobId, other, submission)), (e) => e instanceof MpcError && e.errorName === 'Mpc.CommitteeMismatch');
  assert.equal((await getJob(api, jobId)).inputCount, before.inputCount);
  assert.equal(before.inputCount, 3);
  await noneHeld();
  assert.throws(() => submitInputTx(api, jobId, submission), (e) => e instanceof ProtocolError && /committee digest is 32 bytes/.test(e.message));
  // A job without an input rule takes only the empty validity proof (PROTOCOL.md section 12.4).
  await assert.rejects(send(api, cheat, submitInputTx(api, jobId, digest, submission, '0x00')), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidValidityProof');
  assert.equal((await getJob(api, jobId)).inputCount, 3);
  await noneHeld();
  await send(api, cheat, submitInputTx(api, jobId, digest, submission));

  const result = await waitForResult(api, jobId);
  assert.equal(result.qualifiedInputs, 3);
  assert.deepEqual(result.formatted, ['13226.25']);
  const record = await getRecord(api, jobId);
  assert.deepEqual(record.disqualified, [3]);

  const progress = [];
  const report = await auditRecord(api, jobId, { onProgress: (p) => progress.push(p.block) });
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.sums, [1322625n]);
  assert.deepEqual(report.inputs.map((i) => [i.index, i.qualified]), [[0, true], [1, true], [2, true], [3, false]]);
  assert.deepEqual(report.inputs.map((i) => i.provider), [...honest, cheat].map((p) => p.address));
  assert.deepEqual(report.disqualified.map((d) => [d.index, d.workerIndex, d.worker]), [[3, 1, committee[0]]]);
  assert.equal(report.inputsDigest, record.inputsDigest);
  assert.deepEqual(report.aggregate, record.aggregate);
  assert.deepEqual(report.blocks, { from: record.timeline.created, to: record.timeline.computingStarted });
  assert.equal(progress.at(-1), record.timeline.computingStarted);

  // A record that does not match the chain's history fails, with the reason.
  const tampered = async (change, reason) => {
    const forged = structuredClone(record);
    change(forged);
    const r = await auditRecord(api, jobId, { record: forged });
    assert.equal(r.valid, false, `${reason}`);
    assert.match(r.reason, reason);
  };
  await tampered((r) => { r.inputsDigest = '00'.repeat(32); }, /the inputs digest is [0-9a-f]{64}, the record says 0{64}/);
  await tampered((r) => { r.disqualified = []; }, /history disqualifies inputs \[3\], the record says \[\]/);
  await tampered((r) => { r.inputCount = 3; }, /history has 4 inputs, the record says 3/);
  await tampered((r) => { r.aggregate[0] = r.aggregate[1]; }, /aggregate commitment 0/);
  await tampered((r) => { r.timeline.created += 1; }, /no mpc\.JobCreated event/);
  await tampered((r) => { r.result.sums[0] -= 1n; }, /the output: sum 0 differs/);

  // The CLI: --full passes (exit code 0), and a job without a record is an error (exit code 1).
  const { stdout } = await run('node', [CLI, 'record', 'verify', String(jobId), '--full', '--json', '--url', url]);
  const cli = JSON.parse(stdout);
  assert.equal(cli.valid, true);
  assert.equal(cli.inputs.length, 4);
  assert.deepEqual(cli.disqualified.map((d) => d.index), [3]);
  const human = await run('node', [CLI, 'record', 'verify', String(jobId), '--full', '--url', url]);
  assert.match(human.stdout, /passes the full audit of blocks \d+\.\.\d+: committee: the whole pool \(no draw\); 4 inputs, 1 disqualified \(input 3 on a complaint of worker 1\); sums 13226\.25/);
  await assert.rejects(run('node', [CLI, 'record', 'verify', '99', '--full', '--url', url]), (e) => e.code === 1 && /NoRecord/.test(e.stderr));
  console.log(`job ${jobId}: input 3 disqualified on worker 1's complaint; full audit of blocks ${report.blocks.from}..${report.blocks.to} passes`);
}));

test('two members complain about one bad input: one complaint disqualifies it, one after it is redundant; the full audit passes', { skip: noNode, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [owner, cheat, ...honest] = ['//Ferdie', '//Charlie', '//Alice', '//Bob'].map((s) => keyring.addFromUri(s));
  const { jobId, committee } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 0, inputWindow: 20, maxInputs: 3, rewardPerWorker: UNIT,
  });
  for (const [k, p] of honest.entries()) await submitInput(api, p, jobId, [['10', '32'][k]]);
  // Members 1 and 2 both hold a bad share of the cheat's input: both complain, usually in the
  // same block. The first complaint judged disqualifies the input; a later one by the other
  // member is taken without a verdict (mpc.ComplaintRedundant). A member that saw the input
  // disqualified before complaining sends nothing.
  const { keys, digest } = await getCommittee(api, jobId);
  const submission = deal({ genesis: api.genesisHash.toU8a(), jobId, provider: decodeAddress(cheat.address), keys, t: 2, values: [1000n] });
  submission.ciphertexts[0][5] ^= 1;
  submission.ciphertexts[1][5] ^= 1;
  await send(api, cheat, submitInputTx(api, jobId, digest, submission));

  const result = await waitForResult(api, jobId);
  assert.deepEqual(result.sums, [42n]);
  assert.equal(result.qualifiedInputs, 2);
  const report = await auditRecord(api, jobId);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.record.disqualified, [2]);
  assert.equal(report.disqualified.length, 1);
  const [first] = report.disqualified;
  assert.equal(first.index, 2);
  assert.ok([1, 2].includes(first.workerIndex), `disqualified on worker ${first.workerIndex}'s complaint`);
  assert.ok(report.redundantComplaints.length <= 1);
  for (const r of report.redundantComplaints) {
    assert.deepEqual([r.index, r.workerIndex, r.worker], [2, 3 - first.workerIndex, committee[2 - first.workerIndex]]);
    assert.ok(r.block >= first.block);
  }
  // The input's record, read in the block complaints closed: bit i - 1 for each member i that
  // complained (the disqualifying one included), none for the honest inputs.
  const closed = await api.at(await api.rpc.chain.getBlockHash(report.record.timeline.computingStarted));
  const bit = (w) => 1n << BigInt(w - 1);
  const complainants = [first, ...report.redundantComplaints].reduce((acc, c) => acc | bit(c.workerIndex), 0n);
  assert.equal((await closed.query.mpc.inputs(jobId, 2)).unwrap().complainants.toBigInt(), complainants);
  for (const k of [0, 1]) assert.equal((await closed.query.mpc.inputs(jobId, k)).unwrap().complainants.toBigInt(), 0n);

  const human = await run('node', [CLI, 'record', 'verify', String(jobId), '--full', '--url', url]);
  assert.match(human.stdout, new RegExp(`3 inputs, 1 disqualified \\(input 2 on a complaint of worker ${first.workerIndex}\\)`
    + `${report.redundantComplaints.length ? `, 1 redundant complaint \\(input 2 by worker ${3 - first.workerIndex}\\)` : ''}; sums 42`));
  console.log(`job ${jobId}: input 2 disqualified on worker ${first.workerIndex}'s complaint in block ${first.block}; `
    + `${report.redundantComplaints.length ? `worker ${report.redundantComplaints[0].workerIndex}'s redundant complaint in block ${report.redundantComplaints[0].block}` : 'no redundant complaint (the other member saw it disqualified first)'}; full audit passes`);
}));

test('a one-hot poll: ballots with their proofs, a tampered proof and a non-ballot refused, the tally exact, every proof re-verified by the full audit', { skip: noNode, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [owner, ...voters] = ['//Ferdie', '//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));
  const dave = voters[3];
  const rule = { type: 'OneHot', abstain: false };

  // Rules that do not fit the job are refused at its creation; a range rule that fits is stored.
  const spec = { committeeSize: 5, threshold: 2, dimension: 3, decimals: 0, inputWindow: 40, maxInputs: 4, rewardPerWorker: UNIT };
  await assert.rejects(createJob(api, owner, { ...spec, inputRule: { range: [[0n, 1n]] } }), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidInputRule');
  await assert.rejects(createJob(api, owner, { ...spec, inputRule: { range: [[0n, 1n], [5n, 4n], [0n, 1n]] } }), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidInputRule');
  await assert.rejects(createJob(api, owner, { ...spec, inputRule: { range: [[0n, 1n], [0n, 1n << 64n], [0n, 1n]] } }), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidInputRule');
  const bounds = [[-(1n << 63n), (1n << 63n) - 1n], [0n, 255n], [-5n, 5n]];
  const ranged = await createJob(api, owner, { ...spec, maxInputs: 1, inputRule: { range: bounds } });
  assert.deepEqual((await getJob(api, ranged.jobId)).inputRule, { type: 'Range', bounds });
  // The JS dealer cannot prove a range: refused before anything is sent.
  await assert.rejects(submitInput(api, dave, ranged.jobId, [0n, 1n, 2n], { dealer: 'js' }), (e) => e instanceof ProtocolError && e.code === 'unsupported' && /WebAssembly/.test(e.message));
  if (noWasm) {
    await send(api, owner, api.tx.mpc.cancelJob(ranged.jobId));
  } else {
    // The wasm one can: V_l, the linking proof and a Bulletproofs proof for d = 3 at 64 bits.
    // The input closes the job (one input at most), which computes meanwhile: its sums below.
    const { events } = await submitInput(api, dave, ranged.jobId, [-(1n << 63n), 255n, -5n]);
    const submitted = events.map(({ event }) => event).find((e) => api.events.mpc.InputSubmitted.is(e));
    assert.equal(submitted.data.jobId.toBigInt(), ranged.jobId);
  }

  const { jobId } = await createJob(api, owner, { ...spec, inputRule: { oneHot: { abstain: false } } });
  const job = await getJob(api, jobId);
  assert.deepEqual(job.inputRule, rule);
  const shown = await run('node', [CLI, 'job', 'show', String(jobId), '--url', url]);
  assert.match(shown.stdout, /^inputRule: one-hot ballots \(one value 1, the others 0\)$/m);

  const ballots = [[1n, 0n, 0n], [0n, 0n, 1n], [1n, 0n, 0n]];
  for (const [k, b] of ballots.entries()) {
    const { events } = await submitInput(api, voters[k], jobId, b);
    assert.ok(events.some(({ event }) => api.events.mpc.InputSubmitted.is(event)));
  }
  // Not a ballot: refused here, by the client and the CLI, before anything is sent.
  await assert.rejects(submitInput(api, dave, jobId, [1n, 1n, 0n]), (e) => e instanceof ProtocolError && e.code === 'ballot');
  await assert.rejects(submitInput(api, dave, jobId, [0n, 0n, 0n]), (e) => e instanceof ProtocolError && e.code === 'ballot');
  await assert.rejects(run('node', [CLI, 'input', 'submit', String(jobId), '2', '0', '0', '--suri', '//Dave', '--url', url]), (e) => e.code === 2 && /is not a ballot/.test(e.stderr));
  // A ballot with a tampered proof, or none: refused by the chain, nothing stored.
  const { keys, digest } = await getCommittee(api, jobId);
  const genesis = api.genesisHash.toU8a();
  const provider = decodeAddress(dave.address);
  const { submission, validity } = dealWithRule({ genesis, jobId, provider, keys, t: 2, values: [0n, 1n, 0n], rule });
  assert.equal(verifyValidity({ genesis, jobId, provider, d: 3, rule, c0: submission.commitments[0], proof: validity }), true);
  const tampered = validity.slice();
  tampered[3] ^= 1;
  await assert.rejects(send(api, dave, submitInputTx(api, jobId, digest, submission, tampered)), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidValidityProof');
  await assert.rejects(send(api, dave, submitInputTx(api, jobId, digest, submission)), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidValidityProof');
  assert.equal((await getJob(api, jobId)).inputCount, 3);
  // The same dealing with its own proof is accepted: the 4th input closes the job.
  await send(api, dave, submitInputTx(api, jobId, digest, submission, validity));

  const result = await waitForResult(api, jobId);
  assert.deepEqual(result.sums, [2n, 1n, 1n]);
  assert.equal(result.qualifiedInputs, 4);
  const record = await getRecord(api, jobId);
  assert.deepEqual(record.inputRule, rule);
  const report = await auditRecord(api, jobId);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.sums, [2n, 1n, 1n]);
  assert.deepEqual(report.inputRule, rule);
  assert.deepEqual(report.validity, { verified: 4, notVerified: 0 });
  assert.deepEqual(report.inputs.map((i) => i.validity), ['verified', 'verified', 'verified', 'verified']);
  // The proofs are checked against the record's rule: under another, they fail the audit.
  const forged = structuredClone(record);
  forged.inputRule = { type: 'OneHot', abstain: true };
  const bad = await auditRecord(api, jobId, { record: forged });
  assert.equal(bad.valid, false);
  assert.match(bad.reason, /input 0 \(block \d+\): the job's rule is OneHot \(with abstention\), and its validity proof does not verify/);
  const human = await run('node', [CLI, 'record', 'verify', String(jobId), '--full', '--url', url]);
  assert.match(human.stdout, /passes the full audit of blocks \d+\.\.\d+: committee: the whole pool \(no draw\); 4 inputs, 0 disqualified; 4 one-hot proofs re-verified; sums 2, 1, 1/);
  if (!noWasm) assert.deepEqual((await waitForResult(api, ranged.jobId)).sums, [-(1n << 63n), 255n, -5n]);
  console.log(`job ${jobId}: poll of 3 options, tally ${result.sums.join(', ')}; a tampered proof refused; full audit re-verified 4 one-hot proofs`);
}));

test('a range job: salaries dealt with their range proofs by the wasm prover, out-of-range values and a proof for another provider refused, the average exact, the full audit passing', { skip: noNode || noWasm, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [owner, alice, bob, dave, eve] = ['//Ferdie', '//Alice', '//Bob', '//Dave', '//Eve'].map((s) => keyring.addFromUri(s));
  // Salaries in [0, 100000.00]: with 2 decimals, [0, 10_000_000] (a 32-bit range).
  const bounds = [[0n, 10_000_000n]];
  const rule = { type: 'Range', bounds };
  const { jobId } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 2, inputWindow: 40, maxInputs: 4, rewardPerWorker: UNIT,
    inputRule: { range: [['0', '100000.00']] },
  });
  assert.deepEqual((await getJob(api, jobId)).inputRule, rule);
  const shown = await run('node', [CLI, 'job', 'show', String(jobId), '--url', url]);
  assert.match(shown.stdout, /^inputRule: range \[0\.00, 100000\.00\]$/m);

  // Two through submitInput (the wasm dealer by default), one through the CLI.
  for (const [who, salary] of [[alice, '4250.75'], [bob, '100000.00']]) {
    const r = await submitInput(api, who, jobId, [salary]);
    assert.equal(r.dealer, 'wasm');
    assert.ok(r.events.some(({ event }) => api.events.mpc.InputSubmitted.is(event)));
  }
  const cli = await run('node', [CLI, 'input', 'submit', String(jobId), '0', '--suri', '//Charlie', '--url', url]);
  assert.match(cli.stdout, /input to job \d+ in block 0x[0-9a-f]{64} \(dealt by the wasm dealer\)/);
  // Out of range: refused by the client (and the CLI, a usage error) before anything is sent.
  await assert.rejects(submitInput(api, eve, jobId, ['100000.01']), (e) => e instanceof ProtocolError && e.code === 'range' && /100000\.01 is outside the range \[0\.00, 100000\.00\]/.test(e.message));
  await assert.rejects(run('node', [CLI, 'input', 'submit', String(jobId), '--suri', '//Eve', '--url', url, '--', '-0.01']), (e) => e.code === 2 && /-0\.01 is outside the range/.test(e.stderr));
  assert.equal((await getJob(api, jobId)).inputCount, 3);

  // A range proof made for another provider (Eve), with Dave's dealing: refused by the chain.
  const prover = await loadProver();
  const { keys, digest } = await getCommittee(api, jobId);
  const genesis = api.genesisHash.toU8a();
  const params = { genesis, jobId, committee: keys, t: 2, values: [123456n], rule };
  const mine = prover.deal({ ...params, provider: decodeAddress(dave.address) });
  const theirs = prover.deal({ ...params, provider: decodeAddress(eve.address) });
  assert.equal(checkRangeProofForm({ rule, proof: theirs.validity }), null, 'well formed, but not Dave\'s');
  await assert.rejects(send(api, dave, submitInputTx(api, jobId, digest, mine.submission, theirs.validity)), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidValidityProof');
  await assert.rejects(send(api, dave, submitInputTx(api, jobId, digest, mine.submission)), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidValidityProof');
  assert.equal((await getJob(api, jobId)).inputCount, 3);
  // Dave's own proof: accepted, the 4th input closes the job.
  await send(api, dave, submitInputTx(api, jobId, digest, mine.submission, mine.validity));

  const result = await waitForResult(api, jobId);
  const sum = 425_075n + 10_000_000n + 0n + 123_456n;
  assert.deepEqual(result.sums, [sum]);
  assert.equal(result.qualifiedInputs, 4);
  assert.deepEqual(result.formattedMeans, [formatDecimal(floorDiv(sum, 4), 2)]);
  const report = await auditRecord(api, jobId);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.inputRule, rule);
  assert.equal(report.validity.verified, 0);
  assert.equal(report.validity.notVerified, 4);
  assert.match(report.validity.note, /range proofs are not re-verified/);
  assert.deepEqual(report.inputs.map((i) => i.validity), ['not verified', 'not verified', 'not verified', 'not verified']);
  const human = await run('node', [CLI, 'record', 'verify', String(jobId), '--full', '--url', url]);
  assert.match(human.stdout, /4 inputs, 0 disqualified; 4 range proofs NOT re-verified \(range proofs are not re-verified/);
  console.log(`job ${jobId}: 4 salaries in [0, 100000.00] with range proofs from the wasm prover, mean ${result.formattedMeans[0]}; `
    + 'an out-of-range value refused in the client, a proof for another provider by the chain; full audit passes (range proofs not re-verified)');
}));

test('a provider reclaims its input deposit once the job ended, not before; a job failed for too few inputs pays its committee for the seats', { skip: noNode, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const owner = keyring.addFromUri('//Ferdie');
  const funder = keyring.addFromUri('//Eve');
  // One input more than the cleanup of a block's initialization takes: the job ends in
  // on_initialize of its deadline block, whose cleanup then releases inputs 0..batch-1. The last
  // input is left for that block's extrinsics (on_idle, at the block's end, takes it).
  const batch = api.consts.mpc.cleanupBatch.toNumber();
  const count = batch + 1;
  const providers = Array.from({ length: count }, (_, k) => keyring.addFromUri(`//Reclaim${k + 1}`));
  const nonce = (await api.rpc.system.accountNextIndex(funder.address)).toNumber();
  await Promise.all(providers.map((p, k) => send(api, funder, api.tx.balances.transferKeepAlive(p.address, 10n * UNIT), { nonce: nonce + k })));
  const reserved = async (who, at) => ((at ?? api).query.system.account(who.address)).then((a) => a.data.reserved.toBigInt());
  const before = await Promise.all(providers.map((p) => reserved(p)));

  // min_inputs above the inputs it gets: at the end of its input window the job fails
  // (TooFewInputs), after its committee was seated.
  const reward = UNIT;
  const { jobId, committee } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 0, inputWindow: 30, maxInputs: count + 1, minInputs: count + 1, rewardPerWorker: reward,
  });
  const sent = await Promise.all(providers.map((p, k) => submitInput(api, p, jobId, [String(k + 1)])));
  const indexOf = sent.map(({ events }) => events.map(({ event }) => event)
    .find((e) => api.events.mpc.InputSubmitted.is(e) && e.data.jobId.toBigInt() === jobId).data.index.toNumber());
  assert.deepEqual([...indexOf].sort((a, b) => a - b), providers.map((_, k) => k));
  const job = await getJob(api, jobId);
  assert.equal(job.phase, 'Collecting');
  assert.equal(job.inputCount, count);
  const last = providers[indexOf.indexOf(count - 1)];
  const deposit = (await api.query.mpc.inputs(jobId, count - 1)).unwrap().deposit.toBigInt();
  assert.ok(deposit > 0n);
  assert.equal(await reserved(last), before[providers.indexOf(last)] + deposit, 'the input deposit is held');

  // Before the job ended: refused, by the client and the CLI; nothing released.
  await assert.rejects(reclaimInputDeposit(api, providers[0], jobId), (e) => e instanceof MpcError && e.errorName === 'Mpc.JobNotEnded');
  await assert.rejects(run('node', [CLI, 'input', 'reclaim', String(jobId), '--suri', '//Reclaim2', '--url', url]), (e) => e.code === 1 && /Mpc\.JobNotEnded/.test(e.stderr));
  await assert.rejects(reclaimInputDeposit(api, providers[0], 1_000_000n), (e) => e instanceof MpcError && e.errorName === 'Mpc.UnknownJob');
  assert.equal(await reserved(last), before[providers.indexOf(last)] + deposit);
  assert.equal((await getJob(api, jobId)).phase, 'Collecting', 'the window outlasts the checks');

  // Sent as soon as block deadline - 1 is in, the reclaim lands in block `deadline`, where the
  // job ends: after on_initialize (the failure and a batch of cleanup), before on_idle.
  await untilBlock(api, job.deadline - 1);
  const ownerBefore = await api.at(await api.rpc.chain.getBlockHash(job.deadline - 1));
  let reclaimed = null;
  try {
    reclaimed = await reclaimInputDeposit(api, last, jobId);
  } catch (e) {
    // Landed a block late: the cleanup (on_idle of the ending block) released it first.
    if (!(e instanceof MpcError && e.errorName === 'Mpc.UnknownInput')) throw e;
  }
  const ended = await getJob(api, jobId);
  assert.equal(ended.phase, 'Failed');
  assert.equal(ended.failureReason, 'TooFewInputs');
  const end = ended.timeline.ended;
  assert.equal(end, job.deadline);
  if (reclaimed) {
    assert.deepEqual(reclaimed, { jobId, index: count - 1, provider: last.address, amount: deposit, blockHash: reclaimed.blockHash });
    assert.equal((await api.rpc.chain.getHeader(reclaimed.blockHash)).number.toNumber(), end);
    const [event] = await jobEvents(api, end, 'InputReclaimed', jobId);
    assert.deepEqual([event.data.index.toNumber(), event.data.provider.toString(), event.data.amount.toBigInt()], [count - 1, last.address, deposit]);
  }
  // Either way every deposit is released, and nothing of the inputs is left.
  assert.deepEqual(await Promise.all(providers.map((p) => reserved(p))), before);
  assert.equal((await api.query.mpc.inputs.entries(jobId)).length, 0);
  await assert.rejects(reclaimInputDeposit(api, last, jobId), (e) => e instanceof MpcError && e.errorName === 'Mpc.UnknownInput');
  await assert.rejects(run('node', [CLI, 'input', 'reclaim', String(jobId), '--suri', '//Reclaim1', '--url', url]), (e) => e.code === 1 && /Mpc\.UnknownInput/.test(e.stderr));

  // The seats: each member got minRewardPerWorker from the escrow, in committee order, and only
  // the rest returned to the owner (who sent nothing in that block).
  const min = api.consts.mpc.minRewardPerWorker.toBigInt();
  const paid = await jobEvents(api, end, 'WorkerPaid', jobId);
  assert.deepEqual(paid.map((e) => [e.data.worker.toString(), e.data.amount.toBigInt()]), committee.map((a) => [a, min]));
  assert.equal((await jobEvents(api, end, 'JobFailed', jobId)).length, 1);
  const ownerAfter = await api.at(await api.rpc.chain.getBlockHash(end));
  const [was, is] = await Promise.all([ownerBefore, ownerAfter].map((at) => at.query.system.account(owner.address)));
  assert.equal(was.data.reserved.toBigInt() - is.data.reserved.toBigInt(), reward * 5n, 'the escrow is no longer held');
  assert.equal(is.data.free.toBigInt() - was.data.free.toBigInt(), reward * 5n - min * 5n, 'the escrow less the seats returned');
  console.log(`job ${jobId} failed (TooFewInputs) in block ${end}, paying ${committee.length} seats of ${min}; `
    + `${reclaimed ? `input ${reclaimed.index}'s deposit ${reclaimed.amount} reclaimed in that block` : 'the last deposit was released by the cleanup first'}`);
}));

test('a job of 3 from the pool of 5 is drawn with a beacon round, completes, and its draw and record verify', { skip: noNode, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [owner, ...providers] = ['//Ferdie', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));
  const workers = (await listWorkers(api)).map((w) => w.account);
  const created = await createJob(api, owner, {
    committeeSize: 3, threshold: 1, dimension: 1, decimals: 2, inputWindow: 30, maxInputs: 2, rewardPerWorker: 10n ** 12n,
  }, { waitForCommittee: false });
  const { jobId, drawRound } = created;
  assert.ok(Number.isInteger(drawRound) && drawRound >= 0, `draw round ${drawRound}`);
  assert.equal(created.committee, null);
  // In its creation block the job waits in Drawing for its round, with no committee.
  const { created: createdAt } = (await getJob(api, jobId)).timeline;
  const atCreation = await api.at(await api.rpc.chain.getBlockHash(createdAt));
  const waiting = await getJob(atCreation, jobId);
  assert.equal(waiting.phase, 'Drawing');
  assert.equal(waiting.drawRound, drawRound);
  assert.equal(waiting.timeline.drawn, null);
  assert.equal((await atCreation.query.mpc.committees(jobId)).length, 0);
  assert.equal(waiting.committeeDigest, '00'.repeat(32));
  assert.equal((await getCommittee(atCreation, jobId)).digest, null);
  assert.deepEqual((await atCreation.query.mpc.drawQueue()).map((j) => j.toBigInt()), [jobId]);

  const phases = [];
  const committee = await waitForCommittee(api, jobId, { onProgress: ({ phase }) => phases.push(phase) });
  assert.equal(committee.length, 3);
  assert.equal(new Set(committee).size, 3);
  assert.ok(committee.every((a) => workers.includes(a)));
  const job = await getJob(api, jobId);
  assert.ok(['Collecting', 'Verifying'].includes(job.phase), job.phase);
  assert.equal(job.drawRound, null);
  assert.ok(job.timeline.drawn > job.timeline.created);
  assert.equal(toHex((await getCommittee(api, jobId)).digest), job.committeeDigest);

  // The draw, recomputed here: the round verified from its shares, the candidates and pool of the
  // parent block, and the shuffle of section 11.6 with the job's seed.
  const draw = await verifyCommitteeDraw(api, jobId);
  assert.equal(draw.round, drawRound);
  assert.deepEqual(draw.committee, committee);
  assert.equal(draw.block, job.timeline.drawn);
  assert.deepEqual([...draw.candidates].sort(), [...workers].sort(), 'the whole pool are candidates');
  assert.deepEqual(draw.skipped, []);
  const round = await verifyBeaconRound(api, drawRound);
  assert.equal(toHex(round.output), toHex(draw.rho));
  const stored = await getBeaconRound(api, drawRound);
  assert.ok(stored.opened >= job.timeline.created, 'a round that opened no earlier than the job');
  assert.ok(stored.publishedAt < job.timeline.drawn, 'drawn after the round completed');
  const expected = drawCommittee(committeeSeed(round.output, jobId), 5, 3).map((k) => draw.candidates[k]);
  assert.deepEqual(committee, expected);
  // A committee that is not the draw's is refused.
  const history = await readCommitteeDraw(api, jobId, job.timeline);
  history.drawn.committee = [committee[1], committee[0], committee[2]];
  await assert.rejects(verifyCommitteeDraw(api, jobId, { history }), (e) => e instanceof ProtocolError && /the draw places/.test(e.message));

  const salaries = ['4250.75', '5100.00'];
  // Both dealers: this package's JS one and the wasm one (mpc-primitives).
  for (const [k, p] of providers.entries()) {
    const dealer = noWasm || k % 2 === 0 ? 'js' : 'wasm';
    assert.equal((await submitInput(api, p, jobId, [salaries[k]], { dealer })).dealer, dealer);
  }
  const result = await waitForResult(api, jobId);
  assert.deepEqual(result.formatted, ['9350.75']);
  const record = await getRecord(api, jobId);
  assert.deepEqual(record.committee.map((m) => m.account), committee);
  assert.equal(record.timeline.drawn, job.timeline.drawn);
  const report = await auditRecord(api, jobId);
  assert.equal(report.valid, true, report.reason);
  assert.deepEqual(report.sums, [935075n]);
  assert.equal(report.draw.round, drawRound);
  assert.equal(report.draw.block, job.timeline.drawn);
  assert.equal(report.draw.verified, true);
  assert.equal(report.draw.rho, toHex(round.output));
  // The record with two members swapped is not the committee the chain drew.
  const forged = structuredClone(record);
  [forged.committee[0], forged.committee[1]] = [forged.committee[1], forged.committee[0]];
  const bad = await auditRecord(api, jobId, { record: forged });
  assert.equal(bad.valid, false);
  assert.match(bad.reason, /the record's committee is not the one mpc\.CommitteeDrawn of block \d+ names/);

  // The CLI shows and re-verifies the draw.
  const cli = (...args) => run('node', [CLI, ...args, '--url', url]);
  const [shown, shownJson, drawn, drawnJson, full] = await Promise.all([
    cli('job', 'show', String(jobId)), cli('job', 'show', String(jobId), '--json'), cli('job', 'draw', String(jobId)),
    cli('job', 'draw', String(jobId), '--json'), cli('record', 'verify', String(jobId), '--full'),
  ]);
  assert.match(shown.stdout, new RegExp(`^committee drawn with beacon round ${drawRound} in block ${job.timeline.drawn}`, 'm'));
  assert.deepEqual(JSON.parse(shownJson.stdout).draw, { round: drawRound, block: job.timeline.drawn });
  assert.deepEqual(JSON.parse(shownJson.stdout).committee, committee);
  assert.match(drawn.stdout, new RegExp(`^committee of job ${jobId} verifies: drawn in block ${job.timeline.drawn} with beacon round ${drawRound} \\(epoch \\d+, verified\\)`, 'm'));
  assert.equal(JSON.parse(drawnJson.stdout).verified, true);
  assert.deepEqual(JSON.parse(drawnJson.stdout).committee, committee);
  assert.match(full.stdout, new RegExp(`passes the full audit of blocks \\d+\\.\\.\\d+: committee drawn with beacon round ${drawRound} in block ${job.timeline.drawn} \\(draw verified\\); 2 inputs`));
  console.log(`job ${jobId}: waited in ${[...new Set(phases)].join(', ')}; drawn with beacon round ${drawRound} in block ${job.timeline.drawn} (created in ${job.timeline.created}); sum ${result.formatted[0]}; draw and full audit verify`);
}));

test('mpc job create waits for the draw; a job cancelled in Drawing gets no committee', { skip: noNode, timeout: 200_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const owner = keyring.addFromUri('//Ferdie');
  const { stdout } = await run('node', [CLI, 'job', 'create', '--committee', '3', '--threshold', '1', '--window', '20', '--max-inputs', '1', '--suri', '//Ferdie', '--url', url]);
  const m = /^job (\d+) created; waiting for committee draw \(beacon round (\d+)\)$/m.exec(stdout);
  assert.ok(m, stdout);
  assert.match(stdout, new RegExp(`^committee \\(drawn with beacon round ${m[2]}\\):\n(  5\\w{47}\n){3}`, 'm'));
  const shown = JSON.parse((await run('node', [CLI, 'job', 'show', m[1], '--json', '--url', url])).stdout);
  assert.equal(shown.committee.length, 3);
  assert.equal(shown.draw.round, Number(m[2]));

  // Cancelled by its owner before the draw: waitForCommittee says so.
  const { jobId, drawRound } = await createJob(api, owner, {
    committeeSize: 3, threshold: 1, inputWindow: 20, maxInputs: 1, rewardPerWorker: 10n ** 12n,
  }, { waitForCommittee: false });
  assert.notEqual(drawRound, null);
  await send(api, owner, api.tx.mpc.cancelJob(jobId));
  const job = await getJob(api, jobId);
  assert.equal(job.phase, 'Cancelled');
  if (job.timeline.drawn === null) {
    await assert.rejects(waitForCommittee(api, jobId), (e) => e instanceof MpcError && e.errorName === 'JobCancelled');
    await assert.rejects(verifyCommitteeDraw(api, jobId), (e) => e instanceof MpcError && e.errorName === 'NotDrawn');
    assert.equal((await api.query.mpc.drawings(jobId)).isNone, true);
    assert.equal((await api.query.mpc.drawQueue()).some((j) => j.toBigInt() === jobId), false);
  }
}));
