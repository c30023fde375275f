// The average-salary page: connect, create or follow a job, deal and submit salaries from dev
// accounts, and watch the job's phases to its verified result; next to it, a private poll run
// the same way. Bundled by serve.js (esbuild).
// The jobs it creates take salaries in [0, 100000.00] (an input rule, PROTOCOL.md section 12):
// each salary is dealt in this page with its range proof by the wasm prover (mpc-primitives
// built to WebAssembly), which serve.js puts next to the bundle, in dist/mpc_wasm.wasm. Its
// polls take one-hot ballots (rule OneHot, no abstention), each dealt in this page with its
// one-hot proof by the same prover; the chain publishes only the tally per option.

import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  createJob, submitInput, getJob, getRecord, verifyRecord, loadProver, formatDecimal, ProtocolError,
} from '../../src/index.js';

/** The salaries a job created here takes, with the job's 2 decimals. */
const SALARY_RANGE = ['0', '100000.00'];
// Fetched once, at the first salary or ballot dealt.
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

/** The poll's options, as the page names them (a ballot has one value per option, in order). */
const OPTIONS = [...document.querySelectorAll('#poll-options input')];
const optionName = (k) => OPTIONS[k].parentElement.textContent.trim();

/**
 * A job the page follows: its elements are the salary part's ids with `prefix` (`''` for the
 * salary job, `'poll-'` for the poll); `view` names its inputs and shows its result.
 */
const jobPanel = (prefix, view) => ({
  ...view,
  jobId: null,
  unsubscribe: () => {},
  $: (name) => $(prefix + name),
  say: (name, text, error) => say(prefix + name, text, error),
});

const salary = jobPanel('', {
  inputs: 'salaries',
  total: 'the sum',
  clear() {
    $('mean').textContent = '–';
    say('sum', '');
  },
  show(result) {
    $('mean').textContent = result.formattedMeans[0];
    say('sum', `mean of ${result.qualifiedInputs} salaries; sum ${result.formatted[0]}`);
  },
});

const poll = jobPanel('poll-', {
  inputs: 'ballots',
  total: 'the tally',
  clear() {
    $('poll-tally').replaceChildren(...OPTIONS.map((_, k) => {
      const li = document.createElement('li');
      li.dataset.option = String(k);
      li.append(`${optionName(k)}: `, Object.assign(document.createElement('b'), { textContent: '–' }));
      return li;
    }));
    say('poll-count', '');
  },
  show(result) {
    result.formatted.forEach((votes, k) => {
      $('poll-tally').children[k].querySelector('b').textContent = votes;
    });
    say('poll-count', `${result.qualifiedInputs} ballots counted`);
  },
});
poll.clear();

let api;
let keyring;

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
    $('poll-create').disabled = false;
  } catch (e) {
    say('chain', `could not connect: ${e.message}`, true);
  }
};

$('create').onclick = () => create(salary, {
  dimension: 1, decimals: 2, maxInputs: Number($('max-inputs').value), metadata: 'average salary',
  inputRule: { range: [SALARY_RANGE] },
});

$('poll-create').onclick = () => create(poll, {
  dimension: OPTIONS.length, decimals: 0, maxInputs: Number($('poll-max-inputs').value),
  metadata: `poll: ${OPTIONS.map((_, k) => optionName(k)).join(' / ')}`,
  inputRule: { OneHot: { abstain: false } },
});

$('follow').onclick = () => follow(salary, BigInt($('job-id').value));

$('submit').onclick = () => submit(salary, $('account').value, 'salary', [$('salary').value.trim()]);

// The ticked options, as they are: a ballot with two ticks (or none) is refused by submitInput
// in this page, before anything is signed or sent.
$('poll-submit').onclick = () => submit(poll, $('voter').value, 'ballot', OPTIONS.map((o) => (o.checked ? 1n : 0n)));

/** Creates `panel`'s job as //Ferdie with the committee of section 2 and `spec`, and follows it. */
async function create(panel, spec) {
  panel.say('job', 'creating…');
  panel.$('create').disabled = true;
  try {
    // With more workers in the pool than seats, the job waits in Drawing until a beacon round
    // draws its committee; createJob waits for that draw.
    const created = await createJob(api, keyring.addFromUri('//Ferdie'), {
      committeeSize: Number($('committee-size').value), threshold: 2, inputWindow: 40, rewardPerWorker: 10n ** 12n, ...spec,
    }, {
      onProgress: ({ block, phase, drawRound }) => {
        if (phase === 'Drawing') panel.say('job', `block ${block}: waiting for committee draw (beacon round ${drawRound})`);
      },
    });
    panel.say('committee', created.drawRound === null
      ? `committee: the ${created.committee.length} workers of the pool (no draw needed)`
      : `committee drawn with beacon round ${created.drawRound}: ${created.committee.length} of the pool's workers`);
    follow(panel, created.jobId);
  } catch (e) {
    panel.say('job', `refused: ${e.message}`, true);
  } finally {
    panel.$('create').disabled = false;
  }
}

/** Deals `values` (one `what`: a salary, a ballot) in this page and submits them as `who`. */
async function submit(panel, who, what, values) {
  panel.say('submitted', `${who}: dealing to the committee and submitting…`);
  panel.$('submit').disabled = true;
  try {
    const { blockHash, dealer } = await submitInput(api, keyring.addFromUri(who), panel.jobId, values, { prover: wasmProver() });
    const block = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
    const job = await getJob(api, panel.jobId);
    const proof = { Range: ', with its range proof', OneHot: ', with its one-hot proof' }[job?.inputRule.type] ?? '';
    panel.say('submitted', `${who}: ${what} included in block ${block}${proof} (dealt in this page by the ${dealer} dealer)`);
  } catch (e) {
    // A ProtocolError comes from this page's checks and dealing: nothing was sent.
    const where = e instanceof ProtocolError ? ' in this page, nothing sent' : '';
    panel.say('submitted', `${who}: refused${where}: ${e.errorName ?? e.message}`, true);
  } finally {
    panel.$('submit').disabled = false;
  }
}

/** What a valid input of `job` is, for its status line. */
function ruleText(job, inputs) {
  const rule = job.inputRule;
  if (rule.type === 'Range') return `, ${inputs} in [${rule.bounds[0].map((b) => formatDecimal(b, job.decimals)).join(', ')}]`;
  if (rule.type === 'OneHot') return `, one-hot ${inputs} over ${job.d} options${rule.abstain ? ' (or blank)' : ''}`;
  return '';
}

async function follow(panel, id) {
  panel.unsubscribe();
  panel.jobId = id;
  if (panel.$('job-id')) panel.$('job-id').value = String(id);
  panel.$('submit').disabled = false;
  for (const li of panel.$('phases').querySelectorAll('li')) {
    li.classList.remove('reached');
    li.querySelector('small').textContent = '';
  }
  panel.clear();
  const verified = panel.$('verified');
  verified.textContent = '';
  verified.className = '';
  delete verified.dataset.valid;
  let shown = false;
  panel.unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
    // A head that arrives after the panel moved on to another job is dropped.
    if (id !== panel.jobId) return;
    const job = await getJob(api, id);
    if (id !== panel.jobId) return;
    if (!job) return panel.say('job', `no job ${id}`, true);
    panel.say('job', `job ${id}: n = ${job.n}, t = ${job.t}${ruleText(job, panel.inputs)}, ${job.inputCount} of ${job.maxInputs} ${panel.inputs} in, phase ${job.phase}`);
    const t = job.timeline;
    // A job drawn from a larger pool waited in Drawing from its creation (drawn later, or not
    // yet); one whose committee was the whole pool skipped it (drawn in its creation block).
    const drew = t.drawn === null || t.drawn > t.created;
    const reached = {
      Drawing: drew ? t.created : null, Collecting: t.drawn, Verifying: t.inputsClosed, Computing: t.computingStarted, Completed: t.completed,
    };
    for (const li of panel.$('phases').querySelectorAll('li')) {
      const at = reached[li.dataset.phase];
      li.classList.toggle('reached', at !== null);
      li.querySelector('small').textContent = at === null
        ? (li.dataset.phase === 'Drawing' && t.drawn !== null ? 'no draw needed' : '')
        : `from block ${at}`;
    }
    panel.say('progress', job.phase === 'Drawing'
      ? `block ${header.number.toNumber()}: waiting for committee draw (beacon round ${job.drawRound ?? '…'})`
      : `block ${header.number.toNumber()}: ${job.phase}${job.failureReason ? ` (${job.failureReason})` : ''}`);
    if (['Failed', 'Cancelled'].includes(job.phase)) return panel.say('verified', `the job ${job.phase.toLowerCase()}`, true);
    if (!['Completed', 'Settled'].includes(job.phase) || shown) return;
    shown = true;
    const record = await getRecord(api, id);
    const { result } = record;
    panel.show(result);
    const check = verifyRecord(record);
    verified.className = check.valid ? 'ok' : 'error';
    verified.textContent = check.valid
      ? `✓ record verified in this page: result shares of workers ${result.reconstructedFrom.join(', ')} reconstruct ${panel.total}`
      : `✗ record does not verify: ${check.reason}`;
    verified.dataset.valid = String(check.valid);
  });
}
