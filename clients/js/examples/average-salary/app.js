// The average-salary page: connect, create or follow a job, deal and submit salaries from dev
// accounts, and watch the job's phases to its verified result; next to it, a private poll run
// the same way. Bundled by serve.js (esbuild).
// The jobs it creates take salaries in [0, 100000.00] (an input rule, PROTOCOL.md section 12):
// each salary is dealt in this page with its range proof by the wasm prover (mpc-primitives
// built to WebAssembly), which serve.js puts next to the bundle, in dist/mpc_wasm.wasm. Its
// polls take one-hot ballots (rule OneHot, no abstention), each dealt in this page with its
// one-hot proof by the same prover; the chain publishes only the tally per option.
// Last, the poll as a smart contract: contracts/PrivatePoll.sol, compiled by serve.js at build
// time into dist/PrivatePoll.json (solc never runs in the page), deployed from //Ferdie with
// revive.instantiateWithCode; its open() creates the job through the MPC precompile, voters
// submit their ballots to the chain as above, //Bob calls the precompile's fulfill once the
// job has ended, and the page reads the tally the contract received with its tally() view.

import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  createJob, submitInput, getJob, getRecord, verifyRecord, loadProver, formatDecimal, ProtocolError,
  deployContract, callContract, readContract, fulfill, contractCode, mpcEvents, accountBytes32, ContractError,
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
 * salary job, `'poll-'` for the poll, `'contract-'` for the poll contract's job); `view` names
 * its inputs and shows its result (and, with `ended(job)`, hears that the job has ended).
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

/** The tally list `list` (an `<ol class="tally">`), one item per option, with `counts` (or dashes). */
function showTally(list, counts = null) {
  list.replaceChildren(...OPTIONS.map((_, k) => {
    const li = document.createElement('li');
    li.dataset.option = String(k);
    li.append(`${optionName(k)}: `, Object.assign(document.createElement('b'), { textContent: counts ? String(counts[k]) : '–' }));
    return li;
  }));
}

const poll = jobPanel('poll-', {
  inputs: 'ballots',
  total: 'the tally',
  clear() {
    showTally($('poll-tally'));
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

/** The poll contract's panel: the job its open() created, and the contract itself. */
const pollContract = jobPanel('contract-', {
  inputs: 'ballots',
  total: 'the tally',
  address: null,
  artifact: null,
  delivered: false,
  fulfilling: false,
  clear() {
    showTally($('contract-tally'));
    say('contract-count', '');
    say('contract-callback', '');
    say('contract-waiting', '');
    $('contract-fulfill').disabled = true;
  },
  // The chain has the tally; the contract gets it only from fulfill.
  async show(result) {
    const chain = `the chain has the tally of ${result.qualifiedInputs} ballots`;
    try {
      showTally($('contract-tally'), await readContract(api, this.address, this.artifact, 'tally'));
      say('contract-waiting', `${chain}; the contract received it already`);
    } catch (e) {
      if (!(e instanceof ContractError)) throw e;
      say('contract-waiting', `${chain}; the contract has none yet: its tally() reverts ${e.reason}, until someone calls fulfill`);
    }
  },
  // Completed, or failed or cancelled: the contract is owed the outcome either way.
  ended() {
    if (!this.delivered && !this.fulfilling) $('contract-fulfill').disabled = false;
  },
});
showTally($('contract-tally'));

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
    $('contract-deploy').disabled = false;
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

const UNIT = 10n ** 12n;
/** Gas the precompile calls the contract's onMpcResult with: ample for its few writes. */
const CALLBACK_GAS = 1_000_000n;

/** The compiled contract (serve.js writes it at build time), fetched once. */
let pollArtifact = null;
const loadPollArtifact = () => {
  pollArtifact ??= fetch(new URL('dist/PrivatePoll.json', location.href)).then((r) => {
    if (!r.ok) throw new Error(`dist/PrivatePoll.json: HTTP ${r.status} (serve.js compiles it)`);
    return r.json();
  });
  return pollArtifact;
};

const blockOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
const tokens = (planck) => formatDecimal(planck, 12).replace(/\.?0+$/, '');

// Deploys PrivatePoll as //Ferdie with the page's options, the ticked voters and the minimum of
// ballots, funded with the job's escrow (the committee of section 2 at 1 token each) and 5
// tokens for the job's deposit.
$('contract-deploy').onclick = async () => {
  const panel = pollContract;
  panel.say('deployed', 'compiled by solc at build time; deploying…');
  $('contract-deploy').disabled = true;
  $('contract-open').disabled = true;
  try {
    const artifact = await loadPollArtifact();
    const voters = [...document.querySelectorAll('#contract-voters input:checked')].map((i) => i.value);
    const committeeSize = Number($('committee-size').value);
    const params = {
      question: `Next offsite: ${OPTIONS.map((_, k) => optionName(k)).join(' / ')}?`,
      options: OPTIONS.length,
      voters: voters.map((v) => accountBytes32(keyring.addFromUri(v).address)),
      minBallots: Number($('contract-min').value),
      committeeSize,
      threshold: 2,
      inputWindow: 40,
      rewardPerWorker: UNIT,
      callbackGas: CALLBACK_GAS,
    };
    const value = BigInt(committeeSize) * UNIT + 5n * UNIT;
    const deployed = await deployContract(api, keyring.addFromUri('//Ferdie'), artifact, [params, false], { value });
    const code = await contractCode(api, deployed.address);
    panel.unsubscribe();
    Object.assign(panel, { address: deployed.address, artifact, jobId: null, delivered: false });
    panel.clear();
    for (const li of $('contract-phases').querySelectorAll('li')) {
      li.classList.remove('reached');
      li.querySelector('small').textContent = '';
    }
    say('contract-opened', '');
    say('contract-job', '');
    say('contract-progress', '');
    say('contract-verified', '');
    $('contract-deployed').dataset.address = deployed.address;
    panel.say('deployed', `PrivatePoll deployed at ${deployed.address} in block ${await blockOf(deployed.blockHash)}: `
      + `${code.length} bytes of EVM code (${artifact.compiler.split('+')[0]}), ${voters.length} voters (${voters.join(', ')}), `
      + `at least ${params.minBallots} ballots; its account ${deployed.account} holds the ${tokens(value)} tokens that pay the job`);
    $('contract-open').disabled = false;
  } catch (e) {
    panel.say('deployed', `refused: ${e.reason ?? e.errorName ?? e.message}`, true);
  } finally {
    $('contract-deploy').disabled = false;
  }
};

// The creator opens the poll: the contract creates its job through the MPC precompile.
$('contract-open').onclick = async () => {
  const panel = pollContract;
  panel.say('opened', 'calling open()…');
  $('contract-open').disabled = true;
  try {
    const opened = await callContract(api, keyring.addFromUri('//Ferdie'), panel.address, panel.artifact, 'open');
    const jobId = opened.result;
    const created = mpcEvents(api, opened.events).find((e) => e.name === 'JobCreated');
    panel.say('opened', `open() in block ${await blockOf(opened.blockHash)} created job ${jobId} through the MPC precompile: `
      + `JobCreated(job ${created.jobId}, owner ${created.owner}, callbackGas ${created.callbackGas}); the job is the contract's`);
    follow(panel, jobId);
  } catch (e) {
    panel.say('opened', `refused: ${e.reason ?? e.errorName ?? e.message}`, true);
    $('contract-open').disabled = false;
  }
};

$('contract-submit').onclick = () => submit(pollContract, $('contract-voter').value, 'ballot',
  OPTIONS.map((_, k) => (document.querySelector(`#contract-choice input[value="${k}"]`).checked ? 1n : 0n)));

// //Bob (anyone) delivers the ended job's outcome to the contract, which then has its tally.
$('contract-fulfill').onclick = async () => {
  const panel = pollContract;
  const callback = $('contract-callback');
  panel.say('callback', `//Bob: fulfill(${panel.jobId})…`);
  $('contract-fulfill').disabled = true;
  panel.fulfilling = true;
  try {
    const r = await fulfill(api, keyring.addFromUri('//Bob'), panel.jobId, { abi: panel.artifact });
    panel.delivered = true;
    const revealed = r.logs.find((l) => l.contract === panel.address && l.name);
    const { success } = r.delivered;
    callback.dataset.success = String(success);
    panel.say('callback', `//Bob: fulfill in block ${await blockOf(r.blockHash)}: CallbackDelivered(job ${r.delivered.jobId}, success ${success}), `
      + `the contract emitted ${revealed ? `${revealed.name}(${Object.entries(revealed.args).map(([k, v]) => `${k} ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join(', ')})` : 'nothing'}`);
    callback.classList.toggle('ok', success);
    const status = await readContract(api, panel.address, panel.artifact, 'status');
    if (status !== 2n) {
      say('contract-count', 'the poll failed: its tally() reverts NotRevealed, for ever', true);
      return;
    }
    // What the contract received, read back through its own views.
    const [tally, winner, ballots] = await Promise.all(['tally', 'winner', 'ballots'].map((m) => readContract(api, panel.address, panel.artifact, m)));
    showTally($('contract-tally'), tally);
    say('contract-count', `the contract's tally(): ${ballots} ballots counted; winner ${optionName(Number(winner.option))} with ${winner.votes}`);
    say('contract-waiting', '');
  } catch (e) {
    panel.say('callback', `//Bob: refused: ${e.reason ?? e.errorName ?? e.message}`, true);
    $('contract-fulfill').disabled = panel.delivered;
  } finally {
    panel.fulfilling = false;
  }
};

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
    if (['Completed', 'Settled', 'Failed', 'Cancelled'].includes(job.phase)) panel.ended?.(job);
    if (['Failed', 'Cancelled'].includes(job.phase)) return panel.say('verified', `the job ${job.phase.toLowerCase()}`, true);
    if (!['Completed', 'Settled'].includes(job.phase) || shown) return;
    shown = true;
    const record = await getRecord(api, id);
    const { result } = record;
    await panel.show(result);
    const check = verifyRecord(record);
    verified.className = check.valid ? 'ok' : 'error';
    verified.textContent = check.valid
      ? `✓ record verified in this page: result shares of workers ${result.reconstructedFrom.join(', ')} reconstruct ${panel.total}`
      : `✗ record does not verify: ${check.reason}`;
    verified.dataset.valid = String(check.valid);
  });
}
