// Load: a real `mpc-node --dev` takes 2,000 inputs (MPC_LOAD_INPUTS=<N> for another count) from
// as many fresh providers, funded and submitted unwatched by runLoad, in jobs of the five dev
// workers, and every job's sum is exact. Prints the figures as one JSON line (`load-figures:
// {...}`): inputs per block, missed slots, finality lag, blocks and seconds from each window's
// end to its result. Missed slots are printed, not asserted: a debug node under this load takes
// longer than a slot to build a full block. Needs the node binary (`cargo build -p mpc-node`,
// or MPC_NODE=<path>); skipped without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Keyring } from '@polkadot/api';
import { NODE, startNode, withNodeLog } from './dev-node.js';
import { runLoad } from '../src/index.js';

const noNode = !existsSync(NODE) && `no node binary at ${NODE}`;
const N = Number(process.env.MPC_LOAD_INPUTS ?? 2000);

let node;
before(async () => {
  if (!noNode) node = await startNode();
});
after(async () => {
  await node?.api.disconnect();
  node?.stop();
});

test(`${N} inputs from fresh providers land, unwatched, and every job's sum is exact`, { skip: noNode, timeout: 600_000 }, () => withNodeLog(node, async ({ api }) => {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const started = Date.now();
  const r = await runLoad(api, alice, { inputs: N });
  console.log(`load-figures: ${JSON.stringify({ ...r, testSeconds: (Date.now() - started) / 1000 })}`);
  assert.equal(r.timedOut, false);
  assert.equal(r.refused, 0, JSON.stringify(r.refusedReasons));
  // One node, no forks: nothing is refused for a passing reason, nothing is lost by the pool.
  assert.equal(r.retried, 0);
  assert.equal(r.resent, 0);
  assert.equal(r.accepted, N);
  // The load's own transactions never fail. Other failures (a beacon member's round share that
  // lands after its round completed: Mpc.RoundAlreadyComplete) are the chain's, counted in
  // failedExtrinsics and printed above.
  assert.equal(r.failedByLoad, 0, JSON.stringify(r.failedErrors));
  assert.equal(r.jobs, Math.ceil(N / api.consts.mpc.maxInputsPerJob.toNumber()));
  assert.equal(r.perJob.reduce((a, j) => a + j.inputs, 0), N);
  for (const j of r.perJob) {
    assert.equal(j.inputs, j.maxInputs, `job ${j.jobId}`);
    assert.equal(typeof j.windowEndToResult.blocks, 'number', `job ${j.jobId}`);
    assert.ok(j.windowEndToResult.blocks > 0, `job ${j.jobId}`);
    assert.equal(j.sumOnChain, j.sumExpected, `job ${j.jobId}`);
  }
  assert.equal(r.outputsExact, true);
  assert.ok(r.inputsPerBlock.max > 0 && r.inputsPerBlock.blocks > 0);
  assert.ok(r.blocksObserved > 0);
}));
