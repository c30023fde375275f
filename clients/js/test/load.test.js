// Load: a real `mpc-node --dev` takes 2,000 inputs (MPC_LOAD_INPUTS=<N> for another count) from
// as many fresh providers, funded and submitted unwatched by runLoad, in two jobs of the five
// dev workers, and every job's sum is exact. Prints the figures as one JSON line
// (`load-figures: {...}`): inputs per block, missed slots, proposals the node discarded
// ("block production took too long", counted in its log), finality lag, blocks and seconds
// from each window's end to its result.
//
// MPC_LOAD_ALONE=1 says nothing else runs on the machine (scripts/test runs the test so, after
// its two lanes): then it also waits for the jobs' inputs to be cleaned up and asserts that the
// node discarded no proposal from the load's start to then, issue 18's goal for a dev node
// under load (the node keeps a quarter of each proposal's time to seal its block,
// `--proposal-tx-percent`). Alongside other tests, the discarded proposals are printed only: a
// node starved of the cores misses slots whatever it does. MPC_LOAD=0 skips the load (the JS
// lane of scripts/test, which runs it afterwards on its own). Needs the node binary (`cargo
// build -p mpc-node`, or MPC_NODE=<path>); skipped without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Keyring } from '@polkadot/api';
import { NODE, startNode, withNodeLog } from './dev-node.js';
import { runLoad } from '../src/index.js';
import { figures, pendingGate } from '../src/load.js';

const noNode = !existsSync(NODE) && `no node binary at ${NODE}`;
const skipLoad = noNode || (process.env.MPC_LOAD === '0' && 'MPC_LOAD=0: run on its own later');
const alone = process.env.MPC_LOAD_ALONE === '1';
const N = Number(process.env.MPC_LOAD_INPUTS ?? 2000);

/** How many proposals the node's log says it discarded for taking too long. */
function discardedProposals(log) {
  return (log.join('').match(/Discarding proposal for slot/g) ?? []).length;
}

let node;
before(async () => {
  if (!skipLoad) node = await startNode();
});
after(async () => {
  await node?.api.disconnect();
  node?.stop();
});

test(`${N} inputs from fresh providers land, unwatched, and every job's sum is exact${alone ? ', and no proposal is discarded' : ''}`, { skip: skipLoad, timeout: 600_000 }, () => withNodeLog(node, async ({ api, log }) => {
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const started = Date.now();
  const discardedBefore = discardedProposals(log);
  // Two jobs (a job takes up to 100,000 inputs): jobs that run side by side, as in a real load.
  const r = await runLoad(api, alice, { inputs: N, jobs: 2 });
  // Alone, the blocks that clean the inputs up count too: `on_idle` removes as many as an
  // idle block's weight allows, the heaviest blocks a debug node builds after a load.
  let cleanupSeconds = null;
  if (alone) {
    const from = Date.now();
    const left = async () => {
      let count = 0;
      for (const j of r.perJob) count += (await api.query.mpc.inputs.keys(j.jobId)).length;
      return count;
    };
    while (await left() > 0) {
      assert.ok(Date.now() - from < 180_000, 'the inputs were not cleaned up within 180 s');
      await new Promise((res) => setTimeout(res, 2000));
    }
    cleanupSeconds = (Date.now() - from) / 1000;
    // The block after the last cleanup, built and imported.
    await new Promise((res) => setTimeout(res, 4000));
  }
  const discarded = discardedProposals(log) - discardedBefore;
  console.log(`load-figures: ${JSON.stringify({ ...r, discardedProposals: discarded, alone, cleanupSeconds, testSeconds: (Date.now() - started) / 1000 })}`);
  if (alone) assert.equal(discarded, 0, 'proposals discarded under load (block production took too long)');
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
  assert.equal(r.jobs, 2);
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

// The node's warning (sc-consensus-slots), counted whole even when stderr split it in two.
test('discarded proposals are counted from the node log, across split chunks', () => {
  const line = (slot) => `2026-12-02 WARN tokio-runtime-worker slots: ⌛️ Discarding proposal for slot ${slot}; block production took too long\n`;
  const two = line(7) + line(9);
  const at = two.indexOf('proposal for') + 4;
  assert.equal(discardedProposals([two.slice(0, at), two.slice(at), 'Prepared block for proposing at 10\n']), 2);
  assert.equal(discardedProposals(['Imported #10\n']), 0);
});

// A job's exact sum is that of the inputs that landed: here the second of three was refused
// (on a network, a pool may refuse or lose some), and the chain's sum of the other two is exact.
test('a job whose inputs did not all land is judged by the sum of those that did', () => {
  const block = (number, extra) => ({
    number, slot: number, timestamp: number * 2000, lag: 0, inputs: 0, inputsByJob: {}, landed: {}, failed: 0, failedByLoad: 0, failedErrors: {}, closed: [], computing: [], completed: [], jobFailed: [], ...extra,
  });
  const run = (sum) => figures({
    o: { concurrency: 1 }, N: 3, n: 5, t: 2, d: 1, window: 10, jobCount: 1,
    perJob: [{ jobId: 7n, range: [0, 3], expected: [3003n] }],
    blocks: [
      block(1, { inputs: 2, inputsByJob: { 7: 2 }, landed: { 7: [0, 2] } }),
      block(2, { closed: ['7'] }),
      block(3, { completed: [{ jobId: '7', sums: [sum] }] }),
    ],
    dealer: 'wasm', dealMsPerInput: 1, signSeconds: 0, submitSeconds: 0, submitted: 3, refused: 1, refusedReasons: {}, retried: 0, resent: 0, timedOut: false, started: performance.now(), phaseSeconds: {},
  });
  // Providers 0 and 2 contribute 1000 and 1002.
  const landed = run(2002n);
  assert.equal(landed.perJob[0].inputs, 2);
  assert.equal(landed.perJob[0].sumExpected, '2002');
  assert.equal(landed.perJob[0].exact, true);
  assert.equal(landed.perJob[0].windowEndToResult.blocks, 1);
  // The sum of all three planned inputs is not what landed.
  assert.equal(run(3003n).perJob[0].exact, false);
});

// The gate holds the k-th submission until fewer than `limit` of those before it are unsettled,
// keeps going when a count fails, and lets everything through once the run stops.
test('the pending gate holds back at the limit, survives a failed count, and opens on stop', async () => {
  let settled = 0;
  let failing = false;
  let stopped = false;
  const gate = pendingGate(2, async () => {
    if (failing) throw new Error('connection lost');
    return settled;
  }, () => stopped);
  const passed = [];
  const send = (k) => gate(k).then(() => passed.push(k));
  await Promise.all([send(0), send(1)]);
  const held = [send(2), send(3)];
  await new Promise((r) => setTimeout(r, 700));
  assert.deepEqual(passed, [0, 1]);
  failing = true;
  await new Promise((r) => setTimeout(r, 700));
  assert.deepEqual(passed, [0, 1]);
  // One settled: the third may go, not the fourth.
  failing = false;
  settled = 1;
  await new Promise((r) => setTimeout(r, 700));
  assert.deepEqual(passed, [0, 1, 2]);
  stopped = true;
  await Promise.all(held);
  assert.deepEqual(passed, [0, 1, 2, 3]);
});
