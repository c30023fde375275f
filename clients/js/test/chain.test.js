// Integration: a real `mpc-node --dev` (archive, so that the full audit can read every block)
// runs jobs dealt from JavaScript to verified results, and its metadata names every pallet error
// the client documents. The dev pool has five workers: jobs of 5 need no draw, a job of 3 waits
// in Drawing until a beacon round draws its committee (PROTOCOL.md section 11.7). Needs the node binary (`cargo build -p mpc-node`, or MPC_NODE=<path>);
// skipped without it.
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
  getCommitteeKeys, deal, parseDecimal, send, submitInputTx, getJob, waitForCommittee, verifyCommitteeDraw,
  readCommitteeDraw, verifyBeaconRound, getBeaconRound, committeeSeed, drawCommittee, toHex, ProtocolError,
} from '../src/index.js';

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
  const salaries = ['4250.75', '5100.00', '3875.50', '6020.25'];
  for (const [k, p] of providers.entries()) await submitInput(api, p, jobId, [salaries[k]]);
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

test('the full audit passes a job with a disqualified input, and catches a tampered record', { skip: noNode, timeout: 400_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [owner, cheat, ...honest] = ['//Ferdie', '//Dave', '//Alice', '//Bob', '//Charlie'].map((s) => keyring.addFromUri(s));
  const { jobId, committee } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 2, inputWindow: 40, maxInputs: 4, rewardPerWorker: 10n ** 12n,
  });
  const salaries = ['4250.75', '5100.00', '3875.50'];
  for (const [k, p] of honest.entries()) await submitInput(api, p, jobId, [salaries[k]]);
  // The cheat's input is well-formed for the chain, but worker 1's ciphertext does not decrypt:
  // worker 1 complains and the chain disqualifies it.
  const submission = deal({
    genesis: api.genesisHash.toU8a(), jobId, provider: decodeAddress(cheat.address),
    keys: await getCommitteeKeys(api, jobId), t: 2, values: [parseDecimal('99999.99', 2)],
  });
  submission.ciphertexts[0][5] ^= 1;
  await send(api, cheat, submitInputTx(api, jobId, submission));

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
  for (const [k, p] of providers.entries()) await submitInput(api, p, jobId, [salaries[k]]);
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
