// Integration: a real `mpc-node --dev` (archive, so that the full audit can read every block)
// runs jobs dealt from JavaScript to verified results, and its metadata names every pallet error
// the client documents. Needs the node binary (`cargo build -p mpc-node`, or MPC_NODE=<path>);
// skipped without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/api';
import { decodeAddress } from '@polkadot/util-crypto';
import { ARCHIVE, NODE, startNode } from './dev-node.js';
import { documentedErrorNames } from './error-names.js';
import {
  createJob, submitInput, waitForResult, getRecord, verifyRecord, auditRecord, listWorkers, MpcError,
  getCommitteeKeys, deal, parseDecimal, send, submitInputTx,
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
async function withLog(body) {
  try {
    await body(node);
  } catch (e) {
    console.error(node.log.join('').slice(-3000));
    throw e;
  }
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

  const { jobId, committee } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 2,
    inputWindow: 40, maxInputs: 4, metadata: 'average salary', rewardPerWorker: 10n ** 12n,
  });
  assert.equal(committee.length, 5);
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
  assert.match(human.stdout, /passes the full audit of blocks \d+\.\.\d+: 4 inputs, 1 disqualified \(input 3 on a complaint of worker 1\); sums 13226\.25/);
  await assert.rejects(run('node', [CLI, 'record', 'verify', '99', '--full', '--url', url]), (e) => e.code === 1 && /NoRecord/.test(e.stderr));
  console.log(`job ${jobId}: input 3 disqualified on worker 1's complaint; full audit of blocks ${report.blocks.from}..${report.blocks.to} passes`);
}));
