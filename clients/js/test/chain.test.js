// Integration: a real `mpc-node --dev` runs a job dealt from JavaScript to a verified result.
// Needs the node binary (`cargo build -p mpc-node`, or MPC_NODE=<path>).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/api';
import { NODE, startNode } from './dev-node.js';
import { createJob, submitInput, waitForResult, getRecord, verifyRecord, listWorkers, MpcError } from '../src/index.js';

test('a job dealt from JavaScript completes with a verified average salary', { skip: !existsSync(NODE) && `no node binary at ${NODE}`, timeout: 400_000 }, async () => {
  const { api, stop, log, url } = await startNode();
  try {
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
    assert.equal(result.qualifiedInputs, 4);

    const record = await getRecord(api, jobId);
    assert.equal(verifyRecord(record).valid, true);
    const forged = structuredClone(record);
    forged.result.values[0] += 1n;
    assert.equal(verifyRecord(forged).valid, false);
    // The CLI sees the same record, verifies it, and says so in its exit code.
    const cli = fileURLToPath(new URL('../bin/mpc.js', import.meta.url));
    const { stdout } = await promisify(execFile)('node', [cli, 'record', 'verify', String(jobId), '--url', url, '--json']);
    assert.equal(JSON.parse(stdout).valid, true);
    const shown = await promisify(execFile)('node', [cli, 'job', 'show', String(jobId), '--url', url, '--json']);
    assert.equal(JSON.parse(shown.stdout).phase, 'Completed');
    await assert.rejects(promisify(execFile)('node', [cli, 'job', 'show', '99', '--url', url]), (e) => e.code === 2 && /UnknownJob/.test(e.stderr));
    console.log(`job ${jobId}: sum ${result.formatted[0]}, mean ${result.formattedMeans[0]}, phases seen: ${[...phases].join(' -> ')}`);
  } catch (e) {
    console.error(log.join('').slice(-3000));
    throw e;
  } finally {
    await api.disconnect();
    stop();
  }
});
