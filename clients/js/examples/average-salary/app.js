// The average-salary page: connect, create or follow a job, deal and submit salaries from dev
// accounts, and watch the job's phases to its verified result. Bundled by serve.js (esbuild).
// The jobs it creates take salaries in [0, 100000.00] (an input rule, PROTOCOL.md section 12):
// each salary is dealt in this page with its range proof by the wasm prover (mpc-primitives
// built to WebAssembly), which serve.js puts next to the bundle, in dist/mpc_wasm.wasm.

import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  createJob, submitInput, getJob, getRecord, verifyRecord, loadProver, formatDecimal,
} from '../../src/index.js';

/** The salaries a job created here takes, with the job's 2 decimals. */
const SALARY_RANGE = ['0', '100000.00'];
// Fetched once, at the first salary dealt.
let prover = null;
const wasmProver = () => {
  prover ??= loadProver({ path: new URL('dist/mpc_wasm.wasm', location.href) });
  return prover;
};

const $ = (id) => document.getElementById(id);
const say = (id, text, error = false) => {
  $(id).textContent = text;
  $(id).classList.toggle('error', error);
};

let api;
let keyring;
let jobId = null;
let unsubscribe = () => {};

const param = new URLSearchParams(location.search).get('ws');
if (param) $('url').value = param;

$('connect').onclick = async () => {
  say('chain', 'connecting…');
  try {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519' });
    api = await ApiPromise.create({ provider: new WsProvider($('url').value), noInitWarn: true });
    const [chain, header] = await Promise.all([api.rpc.system.chain(), api.rpc.chain.getHeader()]);
    const workers = (await api.query.mpc.workers.keys()).length;
    say('chain', `connected to ${chain} at block ${header.number.toNumber()}; ${workers} MPC workers registered`);
    $('create').disabled = false;
    $('follow').disabled = false;
  } catch (e) {
    say('chain', `could not connect: ${e.message}`, true);
  }
};

$('create').onclick = async () => {
  say('job', 'creating…');
  $('create').disabled = true;
  try {
    // With more workers in the pool than seats, the job waits in Drawing until a beacon round
    // draws its committee; createJob waits for that draw.
    const created = await createJob(api, keyring.addFromUri('//Ferdie'), {
      committeeSize: Number($('committee-size').value), threshold: 2, dimension: 1, decimals: 2, inputWindow: 40,
      maxInputs: Number($('max-inputs').value), metadata: 'average salary', rewardPerWorker: 10n ** 12n,
      inputRule: { range: [SALARY_RANGE] },
    }, {
      onProgress: ({ block, phase, drawRound }) => {
        if (phase === 'Drawing') say('job', `block ${block}: waiting for committee draw (beacon round ${drawRound})`);
      },
    });
    say('committee', created.drawRound === null
      ? `committee: the ${created.committee.length} workers of the pool (no draw needed)`
      : `committee drawn with beacon round ${created.drawRound}: ${created.committee.length} of the pool's workers`);
    follow(created.jobId);
  } catch (e) {
    say('job', `refused: ${e.message}`, true);
  } finally {
    $('create').disabled = false;
  }
};

$('follow').onclick = () => follow(BigInt($('job-id').value));

$('submit').onclick = async () => {
  const who = $('account').value;
  say('submitted', `${who}: dealing to the committee and submitting…`);
  $('submit').disabled = true;
  try {
    const { blockHash, dealer } = await submitInput(api, keyring.addFromUri(who), jobId, [$('salary').value.trim()], { prover: wasmProver() });
    const block = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    const job = await getJob(api, jobId);
    const proof = job?.inputRule.type === 'Range' ? ', with its range proof' : '';
    say('submitted', `${who}: salary included in block ${block}${proof} (dealt in this page by the ${dealer} dealer)`);
  } catch (e) {
    say('submitted', `${who}: refused: ${e.errorName ?? e.message}`, true);
  } finally {
    $('submit').disabled = false;
  }
};

async function follow(id) {
  unsubscribe();
  jobId = id;
  $('job-id').value = String(id);
  $('submit').disabled = false;
  for (const li of document.querySelectorAll('#phases li')) {
    li.classList.remove('reached');
    li.querySelector('small').textContent = '';
  }
  $('mean').textContent = '–';
  say('sum', '');
  $('verified').textContent = '';
  $('verified').className = '';
  delete $('verified').dataset.valid;
  let shown = false;
  unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
    // A head that arrives after the page moved on to another job is dropped.
    if (id !== jobId) return;
    const job = await getJob(api, id);
    if (id !== jobId) return;
    if (!job) return say('job', `no job ${id}`, true);
    const rule = job.inputRule.type === 'Range'
      ? `, salaries in [${job.inputRule.bounds[0].map((b) => formatDecimal(b, job.decimals)).join(', ')}]`
      : '';
    say('job', `job ${id}: n = ${job.n}, t = ${job.t}${rule}, ${job.inputCount} of ${job.maxInputs} salaries in, phase ${job.phase}`);
    const t = job.timeline;
    // A job drawn from a larger pool waited in Drawing from its creation (drawn later, or not
    // yet); one whose committee was the whole pool skipped it (drawn in its creation block).
    const drew = t.drawn === null || t.drawn > t.created;
    const reached = {
      Drawing: drew ? t.created : null, Collecting: t.drawn, Verifying: t.inputsClosed, Computing: t.computingStarted, Completed: t.completed,
    };
    for (const li of document.querySelectorAll('#phases li')) {
      const at = reached[li.dataset.phase];
      li.classList.toggle('reached', at !== null);
      li.querySelector('small').textContent = at === null
        ? (li.dataset.phase === 'Drawing' && t.drawn !== null ? 'no draw needed' : '')
        : `from block ${at}`;
    }
    say('progress', job.phase === 'Drawing'
      ? `block ${header.number.toNumber()}: waiting for committee draw (beacon round ${job.drawRound ?? '…'})`
      : `block ${header.number.toNumber()}: ${job.phase}${job.failureReason ? ` (${job.failureReason})` : ''}`);
    if (['Failed', 'Cancelled'].includes(job.phase)) return say('verified', `the job ${job.phase.toLowerCase()}`, true);
    if (!['Completed', 'Settled'].includes(job.phase) || shown) return;
    shown = true;
    const record = await getRecord(api, id);
    const { result } = record;
    $('mean').textContent = result.formattedMeans[0];
    say('sum', `mean of ${result.qualifiedInputs} salaries; sum ${result.formatted[0]}`);
    const check = verifyRecord(record);
    $('verified').className = check.valid ? 'ok' : 'error';
    $('verified').textContent = check.valid
      ? `✓ record verified in this page: result shares of workers ${result.reconstructedFrom.join(', ')} reconstruct the sum`
      : `✗ record does not verify: ${check.reason}`;
    $('verified').dataset.valid = String(check.valid);
  });
}
