// @substrate-mpc/client: create MPC jobs, submit private inputs and read verified results on a
// substrate-mpc chain with @polkadot/api. The caller passes an ApiPromise and a signer (a
// keyring pair, or an address with an injected extension signer set on the api).
//
// Dealing (PROTOCOL.md section 5) happens here, in the caller's process: the committee's keys
// come from the chain, the randomness from the platform's CSPRNG, and the plaintext values never
// leave this module unencrypted.

import { decodeAddress } from '@polkadot/util-crypto';
import {
  fromHex, toHex, parseDecimal, formatDecimal, verifyOutput, scalarFromBytes,
  pointFromBytes, floorDiv, fitsI128, ProtocolError, submissionVerdict, complaintVerdict, scalarToBytes,
  inputsDigest, aggregateCommitments, beaconThreshold, verifyRound, publicShare, groupKeyDigest,
  committeeSeed, drawCommittee, committeeDigest, encodeInputRule, decodeInputRule, verifyValidity, dealWithRule,
  ballotChoice, RANGE_PROVER_MISSING, checkRangeProofForm,
} from './protocol.js';
import { loadProver } from './prover.js';
import { MpcError, send, everyBlock, unexpectedMetadata } from './tx.js';

export * from './protocol.js';
export * from './prover.js';
export { MpcError, send } from './tx.js';
export * from './contracts.js';
export * from './keys.js';
export { runLoad } from './load.js';

const bytes = (codec) => (codec.toU8a ? codec.toU8a(true) : fromHex(String(codec)));

/**
 * Creates a job. `spec`: `{ committeeSize, threshold, dimension, decimals, inputWindow,
 * maxInputs, minInputs = 1, allowedProviders = null, metadata = '', rewardPerWorker,
 * inputRule = 'None' }`;
 * `rewardPerWorker` defaults to the chain's minimum (`api.consts.mpc.minRewardPerWorker`).
 * `inputRule` is what a valid input is (PROTOCOL.md section 12.1): every input to the job then
 * carries a proof that it obeys it, and the chain refuses one without (`Mpc.InvalidValidityProof`).
 * Any shape {@link normalizeInputRule} takes: `'None'` (any value), `{ oneHot: { abstain } }`
 * (a ballot: one value 1, the others 0; with `abstain`, all 0 too), `{ range: [[lo, hi], ...] }`
 * (one pair per dimension, `lo <= x_l <= hi`; BigInt, or decimal strings with the job's
 * decimals). The chain checks a rule against the job (`d` pairs, `lo <= hi`, `hi - lo < 2^64`)
 * and refuses it with `Mpc.InvalidInputRule`; a rule of the wrong form throws a `ProtocolError`
 * before anything is sent. {@link submitInput} deals to jobs of every rule (range proofs with
 * the wasm prover).
 * The owner's escrow, `rewardPerWorker * committeeSize`, pays the members whose result shares
 * were valid; a job that ends without a result after its committee was seated (`Failed` with
 * `TooFewInputs`, or `Cancelled` from `Collecting`) pays each member `minRewardPerWorker` for
 * its seat (`mpc.WorkerPaid`) before the rest returns (PROTOCOL.md section 10).
 *
 * When the pool has exactly `committeeSize` workers, they are the committee at once (the
 * `mpc.CommitteeDrawn` event of the creation, with no round). With more, the job is created in
 * phase `Drawing` and its committee is drawn with the output of beacon round `drawRound`
 * (PROTOCOL.md section 11.7): with `waitForCommittee` (the default) this waits for the draw
 * ({@link waitForCommittee}, `timeoutMs`, `onProgress`), otherwise `committee` is `null`.
 * Resolves with `{ jobId, drawRound, committee }`: `drawRound` is `null` when no draw was
 * needed, `committee` the members' accounts in order (member `i` is `committee[i - 1]`).
 * Rejects like {@link waitForCommittee} when the job ends without a committee.
 */
export async function createJob(api, signer, spec, { waitForCommittee: wait = true, timeoutMs = 120_000, onProgress } = {}) {
  const inputRule = chainInputRule(normalizeInputRule(spec.inputRule, { decimals: spec.decimals ?? 0 }));
  const tx = api.tx.mpc.createJob({
    committeeSize: spec.committeeSize,
    threshold: spec.threshold,
    dimension: spec.dimension ?? 1,
    decimals: spec.decimals ?? 0,
    inputWindow: spec.inputWindow,
    maxInputs: spec.maxInputs,
    minInputs: spec.minInputs ?? 1,
    allowedProviders: spec.allowedProviders ?? null,
    metadata: spec.metadata ?? '',
    rewardPerWorker: spec.rewardPerWorker ?? api.consts.mpc.minRewardPerWorker,
    inputRule,
  });
  const { events } = await send(api, signer, tx);
  const created = events.find(({ event }) => api.events.mpc.JobCreated.is(event));
  if (!created) throw new MpcError('NoJobCreatedEvent', 'the create_job extrinsic emitted no mpc.JobCreated event');
  const jobId = created.event.data.jobId.toBigInt();
  const drawRound = numberOrNull(field('JobCreated', created.event.data, 'drawRound'));
  if (drawRound === null) {
    const drawn = events.find(({ event }) => committeeDrawnEvent(api).is(event) && event.data.jobId.toBigInt() === jobId);
    if (!drawn) throw new MpcError('NoCommitteeDrawnEvent', `the creation of job ${jobId}, which needed no draw, emitted no mpc.CommitteeDrawn event`);
    return { jobId, drawRound, committee: field('CommitteeDrawn', drawn.event.data, 'committee').map((a) => a.toString()) };
  }
  if (!wait) return { jobId, drawRound, committee: null };
  const committee = await waitForCommittee(api, jobId, { timeoutMs, onProgress });
  return { jobId, drawRound, committee };
}

const RULE_NAMES = { none: 'None', range: 'Range', onehot: 'OneHot' };

/** A range bound: BigInt, a safe integer, or a decimal string read with `decimals`. */
function ruleBound(v, decimals) {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new ProtocolError('rule', `range bound ${v} is not a whole number (pass a BigInt or a decimal string)`);
    return BigInt(v);
  }
  if (typeof v === 'string') return parseDecimal(v, decimals);
  throw new ProtocolError('rule', `range bound ${String(v)} is not a BigInt, a whole number or a decimal string`);
}

/**
 * A job's input rule (PROTOCOL.md section 12.1) in the form of the protocol functions
 * (`encodeInputRule`, `verifyValidity`): `{ type: 'None' }`, `{ type: 'Range', bounds: [[lo,
 * hi], ...] }` (BigInt) or `{ type: 'OneHot', abstain }`, from any of these shapes:
 * `undefined`, `null` or `'None'`; `'OneHot'` (no abstention); `{ oneHot: { abstain } }` or
 * `{ OneHot: { abstain } }` (`abstain` default `false`); `{ range: [[lo, hi], ...] }` or
 * `{ Range: [[lo, hi], ...] }`; `{ none: null }`; or the protocol form itself. Range bounds are
 * BigInt, safe integers, or decimal strings read with `decimals` (`'12.50'` is `1250n` with 2).
 * Throws a `ProtocolError` (code `'rule'`, or `'decimal'` / `'range'` for a bound) for anything
 * else. It checks the form only: the chain checks the rule against the job at its creation.
 */
export function normalizeInputRule(rule, { decimals = 0 } = {}) {
  if (rule === undefined || rule === null || rule === 'None') return { type: 'None' };
  if (rule === 'OneHot') return { type: 'OneHot', abstain: false };
  const bad = () => new ProtocolError('rule', `not an input rule: ${describeValue(rule)} (use 'None', { oneHot: { abstain } } or { range: [[lo, hi], ...] })`);
  if (typeof rule !== 'object' || Array.isArray(rule)) throw bad();
  let type;
  let body;
  if (typeof rule.type === 'string') {
    type = rule.type;
    body = type === 'Range' ? rule.bounds : rule;
  } else {
    const keys = Object.keys(rule);
    if (keys.length !== 1) throw bad();
    type = RULE_NAMES[keys[0].toLowerCase()];
    body = rule[keys[0]];
  }
  let normal;
  switch (type) {
    case 'None':
      normal = { type: 'None' };
      break;
    case 'OneHot': {
      if (body !== undefined && body !== null && typeof body !== 'object') throw bad();
      const abstain = body?.abstain ?? false;
      if (typeof abstain !== 'boolean') throw new ProtocolError('rule', `OneHot takes abstain: true or false, not ${describeValue(abstain)}`);
      normal = { type: 'OneHot', abstain };
      break;
    }
    case 'Range':
      if (!Array.isArray(body) || !body.every((b) => Array.isArray(b) && b.length === 2)) {
        throw new ProtocolError('rule', 'a Range rule is [[lo, hi], ...], one pair per dimension');
      }
      normal = { type: 'Range', bounds: body.map(([lo, hi]) => [ruleBound(lo, decimals), ruleBound(hi, decimals)]) };
      break;
    default:
      throw bad();
  }
  encodeInputRule(normal); // every bound within i128
  return normal;
}

function describeValue(v) {
  try {
    return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

/** A rule from {@link normalizeInputRule} as the `InputRule` argument @polkadot/api takes. */
function chainInputRule(rule) {
  switch (rule.type) {
    case 'Range':
      return { Range: rule.bounds.map(([lo, hi]) => [lo.toString(), hi.toString()]) };
    case 'OneHot':
      return { OneHot: { abstain: rule.abstain } };
    default:
      return 'None';
  }
}

/**
 * A stored `InputRule` codec (a job's, a record's) in the protocol form, decoded from its SCALE
 * bytes (section 12.1); `{ type: 'None' }` when the chain stores none (protocol v1, no rules).
 */
function plainInputRule(codec) {
  if (codec === undefined || codec === null) return { type: 'None' };
  return decodeInputRule(codec.toU8a());
}

/** The `mpc.CommitteeDrawn` event's decoration, or an `UnexpectedMetadata` error. */
function committeeDrawnEvent(api) {
  const e = api.events.mpc.CommitteeDrawn;
  if (!e) throw unexpectedMetadata('the chain has no mpc.CommitteeDrawn event');
  return e;
}

/**
 * Waits until job `jobId` has a committee and resolves with its members' accounts in order. A
 * job in `Drawing` gets it when its draw round completes (PROTOCOL.md section 11.7); a job
 * that already has one resolves at once. Rejects with `MpcError('NoCommittee')` when the job
 * failed without a committee (its round did not complete within `DrawWindow` blocks, or fewer
 * than `n` of its candidates were still eligible), `MpcError('JobCancelled')` when its owner
 * cancelled it first, `MpcError('Mpc.UnknownJob')`, and `MpcError('Timeout')` after
 * `timeoutMs`. `onProgress({ block, phase, drawRound })` on every new block.
 */
export async function waitForCommittee(api, jobId, { timeoutMs = 120_000, onProgress } = {}) {
  const id = BigInt(jobId);
  const timeout = () => new MpcError('Timeout', `no committee drawn for job ${id} within ${timeoutMs} ms`);
  return everyBlock(api, timeoutMs, timeout, async (block) => {
    const job = await getJob(api, id);
    if (!job) throw new MpcError('Mpc.UnknownJob', `job ${id} is not stored`);
    if (block !== undefined) onProgress?.({ block, phase: job.phase, drawRound: job.drawRound });
    if (job.phase === 'Drawing') return undefined;
    const committee = (await api.query.mpc.committees(id)).map((m) => m.account.toString());
    if (committee.length > 0) return committee;
    if (job.failureReason === 'NoCommittee') {
      throw new MpcError('NoCommittee', `job ${id} failed without a committee: its draw round did not complete in time, or too few of its candidates were still eligible`);
    }
    if (job.phase === 'Cancelled') throw new MpcError('JobCancelled', `job ${id} was cancelled before its committee was drawn`);
    throw new MpcError('JobFailed', `job ${id} is ${job.phase} and has no committee`);
  });
}

const numberOrNull = (b) => (b.isSome ? b.unwrap().toNumber() : null);

/** The phases in which a job has ended: nothing more happens to it but cleanup. */
export const ENDED_PHASES = Object.freeze(['Settled', 'Failed', 'Cancelled']);

/**
 * A job: shape, phase (the pallet's `JobPhase` variant name: `Drawing`, `Collecting`, ...),
 * the reason of a `Failed` phase (`TooFewInputs`, `NotEnoughResultShares`, `NoCommittee`, or
 * `null`), the draw round while it waits in `Drawing` (or `null`), deadline (in `Drawing`, the
 * block by which its committee must be drawn), counts, whether it ended, its timeline, and
 * `committeeDigest` (hex): the digest of its committee that an input must name (PROTOCOL.md
 * section 10; 32 zero bytes while `Drawing`), and `inputRule`, what a valid input is (PROTOCOL.md
 * section 12.1, in the protocol form: `{ type: 'None' }`, `{ type: 'Range', bounds }`,
 * `{ type: 'OneHot', abstain }`).
 * `api` may be decorated at a past block (`await api.at(hash)`) to read the job as it was then.
 */
export async function getJob(api, jobId) {
  const job = await api.query.mpc.jobs(jobId);
  if (job.isNone) return null;
  const j = job.unwrap();
  const phase = j.phase.type;
  let drawRound = null;
  if (phase === 'Drawing') {
    const drawing = await api.query.mpc.drawings(jobId);
    if (drawing.isSome) drawRound = drawing.unwrap().round.toNumber();
  }
  return {
    owner: j.owner.toString(),
    n: j.shape.n.toNumber(),
    t: j.shape.t.toNumber(),
    d: j.shape.d.toNumber(),
    decimals: j.decimals.toNumber(),
    phase,
    failureReason: j.phase.isFailed ? j.phase.asFailed.type : null,
    drawRound,
    deadline: j.deadline.toNumber(),
    maxInputs: j.maxInputs.toNumber(),
    inputCount: j.inputCount.toNumber(),
    qualifiedCount: j.qualifiedCount.toNumber(),
    ended: ENDED_PHASES.includes(j.phase.type),
    timeline: plainTimeline(j.timeline),
    committeeDigest: toHex(bytes(j.committeeDigest)),
    inputRule: plainInputRule(j.inputRule),
  };
}

/**
 * Job `jobId`'s committee as `mpc.committees` stores it, read in one block state: the
 * members' `accounts` (SS58) and encryption `keys` (32 bytes each) in committee order, and
 * the `digest` an input dealt to these keys names ({@link committeeDigest}, PROTOCOL.md
 * section 10), or `null` when the job has no committee (waiting for its draw, or ended). `at`:
 * a block hash to read it in (default: the api's latest state); read the job in the same
 * block, so that the dealing, the keys and the digest are of one state.
 */
export async function getCommittee(api, jobId, { at } = {}) {
  if (at !== undefined) api = await api.at(at);
  const members = await api.query.mpc.committees(jobId);
  const keys = members.map((m) => bytes(m.key));
  const digest = members.length === 0 ? null : committeeDigest(members.map((m, k) => ({ account: bytes(m.account), key: keys[k] })));
  return { accounts: members.map((m) => m.account.toString()), keys, digest };
}

/**
 * The committee's encryption keys in order (32 bytes each). `at`: a block hash to read them in
 * (default: the api's latest state).
 */
export async function getCommitteeKeys(api, jobId, { at } = {}) {
  return (await getCommittee(api, jobId, { at })).keys;
}

function toValues(values, decimals) {
  return values.map((v) => (typeof v === 'string' ? parseDecimal(v, decimals) : BigInt(v)));
}

/**
 * Deals and submits a private input: `values` as BigInt or decimal strings (`"4250.75"`, with
 * the job's decimals), one per dimension, with the validity proof the job's input rule asks for
 * (PROTOCOL.md section 12): none for a job without a rule; for a `OneHot` job, `values` must be
 * a ballot (one value 1, the others 0, or all 0 when the rule takes abstentions; with the job's
 * decimals, so `'0.01'` is 1 in a job of 2 decimals), anything else throws a `ProtocolError`
 * (code `'ballot'`); for a `Range` job, every value must lie within its bounds, else a
 * `ProtocolError` (code `'range'`), and the dealing goes with its range proof. Either refusal
 * comes before anything is sent.
 *
 * `dealer` chooses who deals: `'wasm'`, the Rust dealer and provers of `mpc-primitives` built to
 * WebAssembly (`loadProver`; scripts/wasm builds it), the only one that makes range proofs;
 * `'js'`, this package's own (`dealWithRule`), which deals to `None` and `OneHot` jobs and
 * throws a `ProtocolError` (code `'unsupported'`) for a `Range` job. By default the wasm dealer
 * when its module loads, the JS one otherwise (a `Range` job then throws `'unsupported'`, naming
 * scripts/wasm). With `dealer: 'wasm'`, a module that does not load throws a `ProtocolError`
 * (code `'wasm'`). `prover`: a prover from `loadProver` (or a promise of one) to use instead of
 * the default module (e.g. one fetched from elsewhere in a browser).
 *
 * The job and its committee are read in one block state (the best block's): the input is dealt
 * to that committee's keys and names its digest (PROTOCOL.md section 10), so that a chain on
 * which the job has another committee (another branch of a fork) refuses it with
 * `Mpc.CommitteeMismatch` instead of accepting an input its committee cannot decrypt. Resolves
 * with `{ blockHash, events, dealer }` (`dealer`: `'wasm'` or `'js'`, the one that dealt).
 * Rejects with `MpcError` `Mpc.UnknownJob`, `NotDrawn` (the job has no committee: it waits for
 * its draw, or ended), `CommitteeChanged` (the committee read does not have the digest the job
 * stores in the same state: this client and the chain disagree), or the chain's error.
 */
export async function submitInput(api, signer, jobId, values, { dealer, prover } = {}) {
  if (dealer !== undefined && dealer !== 'wasm' && dealer !== 'js') {
    throw new ProtocolError('dealer', `dealer is 'wasm' or 'js', not ${describeValue(dealer)}`);
  }
  const chosen = await chooseDealer(dealer, prover);
  const at = (await api.rpc.chain.getBlockHash()).toHex();
  const state = await api.at(at);
  const job = await getJob(state, jobId);
  if (!job) throw new MpcError('Mpc.UnknownJob');
  if (values.length !== job.d) {
    throw new ProtocolError('dimension', `the job takes ${job.d} values, got ${values.length}`);
  }
  const parsed = toValues(values, job.decimals);
  const rule = job.inputRule;
  if (rule.type === 'Range') {
    if (!chosen.prover) {
      throw new ProtocolError('unsupported', chosen.loadError
        ? `job ${jobId} has a Range input rule, and range proofs need the wasm prover, which did not load: ${chosen.loadError.message}`
        : `job ${jobId} has a Range input rule: ${RANGE_PROVER_MISSING}`);
    }
    checkWithinRange(parsed, rule.bounds, job.decimals, jobId);
  }
  if (rule.type === 'OneHot') {
    try {
      ballotChoice(parsed, rule.abstain);
    } catch (e) {
      if (e instanceof ProtocolError && e.code === 'ballot' && job.decimals > 0) {
        throw new ProtocolError('ballot', `${e.message} (job ${jobId} has ${job.decimals} decimals: a ballot's 1 is ${formatDecimal(1n, job.decimals)})`);
      }
      throw e;
    }
  }
  const { keys, digest } = await getCommittee(state, jobId);
  if (digest === null) throw new MpcError('NotDrawn', `job ${jobId} has no committee in block ${at} (it waits for its draw, or ended)`);
  if (toHex(digest) !== job.committeeDigest) {
    throw new MpcError('CommitteeChanged', `in block ${at}, the committee of job ${jobId} has digest ${toHex(digest)}, the job names ${job.committeeDigest}`);
  }
  const address = typeof signer === 'string' ? signer : signer.address;
  const params = {
    genesis: api.genesisHash.toU8a(),
    jobId: BigInt(jobId),
    provider: decodeAddress(address),
    keys,
    t: job.t,
    values: parsed,
    rule,
  };
  const { submission, validity } = chosen.prover ? chosen.prover.deal(params) : dealWithRule(params);
  const sent = await send(api, signer, submitInputTx(api, jobId, digest, submission, validity));
  return { ...sent, dealer: chosen.prover ? 'wasm' : 'js' };
}

/**
 * The dealer `submitInput` uses: `{ prover }` (wasm) or `{ prover: null, loadError }` (JS).
 * `'wasm'` rethrows a load failure; the default falls back to JS.
 */
async function chooseDealer(dealer, prover) {
  if (dealer === 'js') return { prover: null, loadError: null };
  try {
    return { prover: await (prover ?? loadProver()), loadError: null };
  } catch (e) {
    if (dealer === 'wasm' || !(e instanceof ProtocolError)) throw e;
    return { prover: null, loadError: e };
  }
}

/** Throws a `ProtocolError` (code `'range'`) unless every value lies within its bounds. */
function checkWithinRange(values, bounds, decimals, jobId) {
  values.forEach((x, l) => {
    const [lo, hi] = bounds[l];
    if (x < lo || x > hi) {
      const f = (v) => formatDecimal(v, decimals);
      throw new ProtocolError('range', `${f(x)} is outside the range [${f(lo)}, ${f(hi)}] of job ${jobId}${values.length > 1 ? ` (component ${l})` : ''}: nothing was sent`);
    }
  });
}

/**
 * The `mpc.submitInput(job_id, committee_digest, submission, validity)` extrinsic for a
 * submission dealt (with `deal`, or `dealWithRule`) to the committee whose digest is `digest`
 * (32 bytes, or hex: the `digest` of {@link getCommittee} read with the keys dealt to), with
 * `validity`, the input's validity proof (PROTOCOL.md section 12; bytes or hex): empty (the
 * default, `'0x'`) for a job without an input rule, the `validity` of `dealWithRule` otherwise.
 * Byte fields go as hex strings: @polkadot/api reads a Uint8Array given for `Bytes` (the
 * ciphertexts are `Vec<Bytes>`, the proof `Bytes`) as already length-prefixed.
 */
export function submitInputTx(api, jobId, digest, submission, validity = '0x') {
  const committee = typeof digest === 'string' ? fromHex(digest) : digest;
  if (!(committee instanceof Uint8Array) || committee.length !== 32) {
    throw new ProtocolError('committee', 'submitInputTx(api, jobId, committeeDigest, submission, validity): the committee digest is 32 bytes');
  }
  const proof = typeof validity === 'string' ? fromHex(validity) : validity;
  if (!(proof instanceof Uint8Array)) {
    throw new ProtocolError('validity', 'submitInputTx(api, jobId, committeeDigest, submission, validity): the validity proof is bytes (a Uint8Array, or hex)');
  }
  const hex = (b) => `0x${toHex(b)}`;
  return api.tx.mpc.submitInput(jobId, hex(committee), {
    ephemeralKey: hex(submission.ephemeralKey),
    proof: hex(submission.proof),
    commitments: submission.commitments.map(hex),
    ciphertexts: submission.ciphertexts.map(hex),
  }, hex(proof));
}

/**
 * The provider of an input to an ended job (`Settled`, `Failed` or `Cancelled`) takes its input
 * deposit back at once with `mpc.reclaimInputDeposit(jobId)`, instead of waiting for the chain's
 * cleanup of the job's inputs, which releases it too (PROTOCOL.md section 10): the input's data
 * is removed (the record and the blocks keep what an audit needs). Resolves with `{ jobId,
 * index, provider, amount, blockHash }` from the `mpc.InputReclaimed` event: `index` is the
 * input's, `amount` (BigInt) what was released: the deposit, or `0n` for a disqualified input,
 * whose deposit was forfeited. Rejects with `MpcError` `Mpc.UnknownJob`, `Mpc.JobNotEnded`, or
 * `Mpc.UnknownInput` (the signer has no input left in the job: none submitted, reclaimed
 * already, or released by the cleanup, which runs from the block the job ends in).
 */
export async function reclaimInputDeposit(api, signer, jobId) {
  const id = BigInt(jobId);
  if (!api.tx.mpc.reclaimInputDeposit) throw unexpectedMetadata('the chain has no mpc.reclaimInputDeposit call');
  const { blockHash, events } = await send(api, signer, api.tx.mpc.reclaimInputDeposit(id));
  const reclaimed = api.events.mpc.InputReclaimed;
  const found = events.find(({ event }) => reclaimed?.is(event) && event.data.jobId.toBigInt() === id);
  if (!found) throw new MpcError('NoInputReclaimedEvent', `the reclaim_input_deposit extrinsic of job ${id} emitted no mpc.InputReclaimed event`);
  const { data } = found.event;
  return {
    jobId: id,
    index: field('InputReclaimed', data, 'index').toNumber(),
    provider: field('InputReclaimed', data, 'provider').toString(),
    amount: field('InputReclaimed', data, 'amount').toBigInt(),
    blockHash,
  };
}

function plainResult(r, decimals) {
  const sums = r.sums.map((v) => (v.isSome ? v.unwrap().toBigInt() : null));
  const means = r.means.map((v) => (v.isSome ? v.unwrap().toBigInt() : null));
  return {
    sums,
    means,
    qualifiedInputs: r.qualifiedInputs.toNumber(),
    decimals,
    formatted: sums.map((v) => (v === null ? 'overflow' : formatDecimal(v, decimals))),
    formattedMeans: means.map((v) => (v === null ? 'overflow' : formatDecimal(v, decimals))),
  };
}

/**
 * Waits for a job's verified result; `onProgress({ block, phase, inputs, drawRound })` is called
 * on every new block (`drawRound` while the job waits in `Drawing` for its committee). Rejects
 * with `MpcError('JobFailed')` when the job fails (no committee drawn, too few inputs or result
 * shares: the reason is in the message), `JobCancelled` when it was cancelled, and `Timeout`
 * after `timeoutMs`.
 */
export async function waitForResult(api, jobId, { timeoutMs = 300_000, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    const timer = setTimeout(() => {
      unsub();
      reject(new MpcError('Timeout', `no result for job ${jobId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (fn, value) => {
      clearTimeout(timer);
      unsub();
      fn(value);
    };
    api.rpc.chain
      .subscribeNewHeads(async (header) => {
        try {
          const job = await getJob(api, jobId);
          if (!job) return finish(reject, new MpcError('Mpc.UnknownJob'));
          onProgress?.({ block: header.number.toNumber(), phase: job.phase, inputs: job.inputCount, drawRound: job.drawRound });
          if (job.phase === 'Failed' || job.phase === 'Cancelled') {
            const why = job.failureReason ? ` (${job.failureReason})` : '';
            return finish(reject, new MpcError(`Job${job.phase}`, `job ${jobId} ended without a result${why}`));
          }
          const result = await api.query.mpc.results(jobId);
          if (result.isSome) finish(resolve, plainResult(result.unwrap(), job.decimals));
        } catch (e) {
          finish(reject, e);
        }
      })
      .then((u) => {
        unsub = u;
      })
      .catch((e) => finish(reject, e));
  });
}

function plainTimeline(t) {
  return {
    created: t.created.toNumber(),
    drawn: numberOrNull(t.drawn),
    inputsClosed: numberOrNull(t.inputsClosed),
    computingStarted: numberOrNull(t.computingStarted),
    completed: numberOrNull(t.completed),
    ended: numberOrNull(t.ended),
  };
}

/** A completed job's proof-of-MPC record, as plain data (`null` if there is none). */
export async function getRecord(api, jobId) {
  const raw = await api.call.mpcApi.proofOfMpc(jobId);
  if (raw.isNone) return null;
  const r = raw.unwrap();
  return {
    jobId: r.jobId.toBigInt(),
    n: r.shape.n.toNumber(),
    t: r.shape.t.toNumber(),
    d: r.shape.d.toNumber(),
    inputRule: plainInputRule(r.inputRule),
    committee: r.committee.map((m) => ({ account: m.account.toString(), key: toHex(bytes(m.key)) })),
    inputCount: r.inputCount.toNumber(),
    inputsDigest: toHex(bytes(r.inputsDigest)),
    disqualified: r.disqualified.map((i) => i.toNumber()),
    aggregate: r.aggregate.map((c) => toHex(bytes(c))),
    resultShares: r.resultShares.map(([i, s]) => ({
      index: i.toNumber(),
      sumShares: s.sumShares.map((v) => toHex(bytes(v))),
      blinding: toHex(bytes(s.blinding)),
    })),
    result: {
      ...plainResult(r.result, r.result.decimals.toNumber()),
      output: r.result.output.map((v) => toHex(bytes(v))),
      reconstructedFrom: r.result.reconstructedFrom.map((i) => i.toNumber()),
    },
    timeline: plainTimeline(r.timeline),
  };
}

/**
 * Re-verifies a record from {@link getRecord} with this package's own implementation of the
 * protocol: the `t + 1` result shares against the aggregate commitments, the reconstruction,
 * the output check, and that the decoded sums and means are the ones the chain stored.
 * Returns `{ valid: true, sums }` or `{ valid: false, reason }`.
 */
export function verifyRecord(record) {
  try {
    const shares = record.result.reconstructedFrom.map((index) => {
      const s = record.resultShares.find((x) => x.index === index);
      if (!s) throw new ProtocolError('record', `share of worker ${index} missing`);
      return {
        index,
        values: s.sumShares.map((v) => scalarFromBytes(fromHex(v))),
        blinding: scalarFromBytes(fromHex(s.blinding)),
      };
    });
    const aggregate = record.aggregate.map((c) => pointFromBytes(fromHex(c)));
    const out = verifyOutput({ d: record.d, aggregate, shares });
    if (record.result.sums.length !== record.d || record.result.means.length !== record.d) {
      throw new ProtocolError('record', `the result does not have ${record.d} sums and means`);
    }
    out.y.forEach((y, l) => {
      if (toHex(scalarToBytes(y)) !== record.result.output[l]) throw new ProtocolError('record', `output ${l} differs`);
    });
    out.values.forEach((v, l) => {
      const stored = record.result.sums[l];
      if ((fitsI128(v) ? v : null) !== stored) throw new ProtocolError('record', `sum ${l} differs`);
      const mean = floorDiv(v, record.result.qualifiedInputs);
      if ((fitsI128(mean) ? mean : null) !== record.result.means[l]) {
        throw new ProtocolError('record', `mean ${l} differs`);
      }
    });
    return { valid: true, sums: out.values };
  } catch (e) {
    return { valid: false, reason: e.message };
  }
}

// ---- the full audit (PROTOCOL.md section 10) -----------------------------------------------

const ARCHIVE_HINT = 'a full audit needs an archive node (mpc-node --state-pruning archive --blocks-pruning archive)';

function historyUnavailable(block, why) {
  return new MpcError('HistoryUnavailable', `block ${block} is not available (${why}); ${ARCHIVE_HINT}`);
}

const auditFailure = (message) => new ProtocolError('audit', message);

/** A block's extrinsics and events, or a `HistoryUnavailable` error (pruned or unknown block). */
async function readBlock(api, number) {
  const hash = await api.rpc.chain.getBlockHash(number);
  if (hash.isEmpty) throw historyUnavailable(number, 'no such block');
  let signed;
  let events;
  try {
    [signed, events] = await Promise.all([api.rpc.chain.getBlock(hash), api.query.system.events.at(hash)]);
  } catch (e) {
    throw historyUnavailable(number, e.message);
  }
  if (signed.block.header.number.toNumber() !== number) throw historyUnavailable(number, 'no block body');
  return { extrinsics: signed.block.extrinsics, events };
}

// A Call codec: a top-level call, or one nested in another's arguments (`sudo.sudoAs`, ...).
const isCall = (x) => typeof x?.section === 'string' && typeof x?.method === 'string' && Array.isArray(x?.args);

/** `call` and every call nested in its arguments, depth first, in order. */
function* callsIn(call) {
  yield call;
  for (const a of call.args) {
    if (isCall(a)) yield* callsIn(a);
    else if (Array.isArray(a)) for (const x of a) if (isCall(x)) yield* callsIn(x);
  }
}

const argName = (n) => n.replace(/_/g, '').toLowerCase();

/** A call's argument by its metadata name (`job_id`, `submission`, ...). */
function arg(call, name) {
  const entry = call.argsEntries.find(([n]) => argName(n) === argName(name));
  if (!entry) throw unexpectedMetadata(`mpc.${call.method} has no argument ${name}`);
  return entry[1];
}

/** Whether a call has the argument `name`. */
const hasArg = (call, name) => call.argsEntries.some(([n]) => argName(n) === argName(name));

/** An event's field by its polkadot.js name (`workerIndex`, ...). */
function field(event, data, name) {
  if (data[name] === undefined) throw unexpectedMetadata(`mpc.${event} has no field ${name}`);
  return data[name];
}

/** The `mpc.<method>` calls of job `jobId` in an extrinsic. */
function jobCalls(extrinsic, method, jobId) {
  return [...callsIn(extrinsic.method)].filter((c) => c.section === 'mpc' && c.method === method && arg(c, 'job_id').toBigInt() === jobId);
}

/**
 * Reads what section 10 says is in the chain's history for job `jobId`: its `mpc.JobCreated`
 * event, the `mpc.CommitteeDrawn` event that names its committee (in the creation extrinsic
 * when no draw was needed, otherwise in the initialization of block `timeline.drawn`), every
 * accepted input (from its `mpc.InputSubmitted` event and the extrinsic of that
 * event's phase), every disqualification (from `mpc.InputDisqualified` and its complaint
 * extrinsic) and every redundant complaint (`mpc.ComplaintRedundant`: a successful, free
 * complaint about an input another member's complaint had disqualified already), in blocks
 * `timeline.created..timeline.computingStarted`. Byte fields are
 * Uint8Arrays. Throws `MpcError('HistoryUnavailable')` when a block or its state is pruned,
 * `MpcError('UnexpectedMetadata')` when a call or event lacks a field this client reads, and a
 * `ProtocolError` (code `'audit'`) when an event does not match its extrinsic.
 */
export async function readJobHistory(api, jobId, timeline, { onProgress, concurrency = 8 } = {}) {
  const id = BigInt(jobId);
  const { created, inputsClosed, computingStarted } = timeline;
  if (inputsClosed === null || computingStarted === null) {
    throw auditFailure('the record\'s timeline has no inputs_closed or computing_started block');
  }
  const history = { from: created, to: computingStarted, created: null, drawn: null, inputs: [], complaints: [], redundantComplaints: [] };
  for (let start = created; start <= computingStarted; start += concurrency) {
    const numbers = Array.from({ length: Math.min(concurrency, computingStarted - start + 1) }, (_, k) => start + k);
    const blocks = await Promise.all(numbers.map((n) => readBlock(api, n)));
    blocks.forEach((b, k) => collectJobEvents(api, id, numbers[k], b, history));
    onProgress?.({ block: numbers[numbers.length - 1], from: created, to: computingStarted });
  }
  return history;
}

/** The extrinsic index of an event's phase, or `null` (initialization, finalization). */
const extrinsicOf = (phase) => (phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null);

/** The events that answer a successful `mpc.complain` call, one each. */
const COMPLAINT_EVENTS = ['InputDisqualified', 'ComplaintRedundant', 'ComplaintRejected'];

/**
 * Adds block `number`'s events of job `jobId`, matched to their extrinsics, to `history`:
 * `created` (`mpc.JobCreated`), `drawn` (`mpc.CommitteeDrawn`, with the accounts that earlier
 * `mpc.CommitteeDrawn` events of the same block seated), `inputs`, `complaints` (the
 * disqualifications) and `redundantComplaints` (`mpc.ComplaintRedundant`: a member's complaint
 * about an input another member's complaint had disqualified already, taken and not judged).
 * Each complaint event is matched to a `complain` call of its input in its extrinsic: the k-th
 * complaint event of an input (`mpc.InputDisqualified`, `mpc.ComplaintRedundant` or
 * `mpc.ComplaintRejected`) to the k-th call naming it, in call order.
 */
function collectJobEvents(api, jobId, number, { extrinsics, events }, history) {
  const byExtrinsic = new Map();
  const drawnEvent = committeeDrawnEvent(api);
  history.redundantComplaints ??= [];
  // The accounts seated by the block's earlier draws: a seat can take a worker to its seat
  // limit, out of the pool, before a later draw of the same block (PROTOCOL.md section 11.7).
  const seated = [];
  for (const [position, { phase, event }] of [...events].entries()) {
    if (event.section !== 'mpc') continue;
    const ofJob = event.data.jobId?.toBigInt?.() === jobId;
    if (drawnEvent.is(event)) {
      const members = field('CommitteeDrawn', event.data, 'committee');
      const committee = members.map((a) => a.toString());
      if (!ofJob) {
        seated.push(...committee);
        continue;
      }
      if (history.drawn) throw auditFailure(`block ${number}: a second mpc.CommitteeDrawn event of job ${jobId} (the first in block ${history.drawn.block})`);
      history.drawn = {
        block: number,
        round: numberOrNull(field('CommitteeDrawn', event.data, 'round')),
        committee,
        accounts: members.map(bytes),
        initialization: phase.isInitialization === true,
        extrinsic: extrinsicOf(phase),
        seatedBefore: [...seated],
      };
      continue;
    }
    if (!ofJob) continue;
    if (api.events.mpc.JobCreated.is(event)) {
      history.created = { block: number, extrinsic: extrinsicOf(phase), drawRound: numberOrNull(field('JobCreated', event.data, 'drawRound')) };
      continue;
    }
    // A chain without one of these events (older metadata) emits none of it.
    const kind = ['InputSubmitted', ...COMPLAINT_EVENTS].find((k) => api.events.mpc[k]?.is(event));
    if (!kind) continue;
    if (!phase.isApplyExtrinsic) throw auditFailure(`block ${number}: mpc.${kind} outside an extrinsic`);
    const x = phase.asApplyExtrinsic.toNumber();
    if (!byExtrinsic.has(x)) byExtrinsic.set(x, []);
    byExtrinsic.get(x).push({ kind, data: event.data, position });
  }
  for (const [x, found] of byExtrinsic) {
    const extrinsic = extrinsics[x];
    if (!extrinsic) throw auditFailure(`block ${number}: no extrinsic ${x} for its events`);
    const submitted = found.filter((e) => e.kind === 'InputSubmitted');
    const calls = jobCalls(extrinsic, 'submitInput', jobId);
    if (calls.length !== submitted.length) {
      throw auditFailure(`block ${number}, extrinsic ${x}: ${submitted.length} mpc.InputSubmitted events for ${calls.length} submit_input calls of job ${jobId}`);
    }
    submitted.forEach(({ data }, k) => history.inputs.push(inputFrom(data, calls[k], number, x)));
    const complaints = found.filter((e) => COMPLAINT_EVENTS.includes(e.kind));
    if (complaints.length === 0) continue;
    const complainCalls = jobCalls(extrinsic, 'complain', jobId);
    const answered = new Map();
    for (const { kind, data, position } of complaints) {
      const index = field(kind, data, 'index').toNumber();
      const k = answered.get(index) ?? 0;
      answered.set(index, k + 1);
      if (kind === 'ComplaintRejected') continue;
      const call = complainCalls.filter((c) => arg(c, 'input').toNumber() === index)[k];
      if (!call) throw auditFailure(`block ${number}, extrinsic ${x}: mpc.${kind} of input ${index} without its complaint`);
      const complaint = {
        index,
        workerIndex: field(kind, data, 'workerIndex').toNumber(),
        block: number,
        extrinsic: x,
        event: position,
        ephemeralKey: bytes(arg(call, 'ephemeral_key')),
      };
      if (kind === 'ComplaintRedundant') {
        history.redundantComplaints.push(complaint);
      } else {
        history.complaints.push({ ...complaint, sharedKey: bytes(arg(call, 'shared_key')), proof: bytes(arg(call, 'proof')) });
      }
    }
  }
}

function inputFrom(data, call, block, extrinsic) {
  // By name: `submit_input(job_id, committee_digest, submission, validity)`. A chain without
  // input rules (protocol v1, no `validity` argument) gives `null`: no proof.
  const s = arg(call, 'submission');
  const provider = field('InputSubmitted', data, 'provider');
  return {
    index: field('InputSubmitted', data, 'index').toNumber(),
    provider: provider.toString(),
    providerKey: bytes(provider),
    block,
    extrinsic,
    committeeDigest: bytes(arg(call, 'committee_digest')),
    validity: hasArg(call, 'validity') ? bytes(arg(call, 'validity')) : null,
    submission: {
      ephemeralKey: bytes(s.ephemeralKey),
      proof: bytes(s.proof),
      commitments: s.commitments.map(bytes),
      ciphertexts: s.ciphertexts.map(bytes),
    },
  };
}

const VERDICTS = {
  wrong_commitment_count: 'it does not have exactly t + 1 commitments',
  bad_commitment_encoding: 'a commitment is not a canonical point',
  wrong_ciphertext_count: 'it does not have exactly n ciphertexts',
  bad_ciphertext_length: 'a ciphertext is not 32 (d + 1) + 16 bytes',
  bad_R_encoding: 'R is not a canonical point',
  identity_R: 'R is the identity',
  bad_proof: 'its dealing proof does not verify',
  repeated_R: 'its R repeats an earlier input\'s',
};

const sameList = (a, b) => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * Step 0: the committee. `mpc.JobCreated` says whether the job needed a draw; `mpc.CommitteeDrawn`
 * names the committee: in the creation extrinsic (no round) when it did not, otherwise in the
 * initialization of block `timeline.drawn` with the job's draw round (PROTOCOL.md section
 * 11.7). The record's committee must be that one. Returns `{ round, block }`.
 */
function auditCommittee(record, history, jobId) {
  const { created, drawn } = history;
  const { timeline } = record;
  if (!drawn) throw auditFailure(`no mpc.CommitteeDrawn event of job ${jobId} in blocks ${history.from}..${history.to}`);
  if (timeline.drawn === null || timeline.drawn === undefined) throw auditFailure('the record\'s timeline has no drawn block');
  if (created.drawRound === null) {
    if (drawn.block !== created.block || drawn.extrinsic === null || drawn.extrinsic !== created.extrinsic || drawn.round !== null) {
      throw auditFailure(`job ${jobId} needed no draw, but its mpc.CommitteeDrawn event is not in its creation extrinsic (block ${created.block})`);
    }
  } else {
    if (drawn.round !== created.drawRound) {
      throw auditFailure(`job ${jobId} was to be drawn with beacon round ${created.drawRound}, its mpc.CommitteeDrawn event names round ${drawn.round}`);
    }
    if (!drawn.initialization || drawn.block <= created.block) {
      throw auditFailure(`the committee of job ${jobId} was not drawn in the initialization of a block after its creation (block ${drawn.block})`);
    }
  }
  if (drawn.block !== timeline.drawn) {
    throw auditFailure(`the record says the committee was drawn in block ${timeline.drawn}, mpc.CommitteeDrawn is in block ${drawn.block}`);
  }
  if (!sameList(drawn.committee, record.committee.map((m) => m.account))) {
    throw auditFailure(`the record's committee is not the one mpc.CommitteeDrawn of block ${drawn.block} names`);
  }
  return { round: created.drawRound, block: drawn.block };
}

/**
 * The digest of the record's committee (PROTOCOL.md section 10), with the members' 32-byte
 * accounts from `mpc.CommitteeDrawn` (step 0 checked they are the record's) and their keys.
 */
function recordCommitteeDigest(record, history) {
  const { accounts } = history.drawn;
  if (!accounts || accounts.length !== record.committee.length) {
    throw auditFailure(`mpc.CommitteeDrawn of block ${history.drawn.block} does not give the accounts of the record's ${record.committee.length} members`);
  }
  return toHex(committeeDigest(record.committee.map((m, k) => ({ account: accounts[k], key: fromHex(m.key) }))));
}

/**
 * Step 1: the inputs are exactly `0..inputCount-1`, in the window, and each was acceptable:
 * among others, it names the digest of the record's committee (the chain refuses any other).
 */
function auditInputs(record, history, genesis) {
  const committee = recordCommitteeDigest(record, history);
  const inputs = [...history.inputs].sort((a, b) => a.index - b.index);
  inputs.forEach((input, k) => {
    if (input.index !== k) throw auditFailure(`input ${k} is missing from the chain's history (found input ${input.index})`);
  });
  if (inputs.length !== record.inputCount) {
    throw auditFailure(`the chain's history has ${inputs.length} inputs, the record says ${record.inputCount}`);
  }
  const prior = [];
  for (const input of inputs) {
    if (input.block < record.timeline.drawn) {
      throw auditFailure(`input ${input.index} was accepted in block ${input.block}, before the committee was drawn (block ${record.timeline.drawn})`);
    }
    if (input.block > record.timeline.inputsClosed) {
      throw auditFailure(`input ${input.index} was accepted in block ${input.block}, after inputs closed (block ${record.timeline.inputsClosed})`);
    }
    const named = input.committeeDigest ? toHex(input.committeeDigest) : 'none';
    if (named !== committee) {
      throw auditFailure(`input ${input.index} (block ${input.block}) names the committee digest ${named}, the record's committee has ${committee}`);
    }
    const verdict = submissionVerdict({
      genesis, jobId: record.jobId, provider: input.providerKey, n: record.n, t: record.t, d: record.d,
      ...input.submission, priorEphemeralKeys: prior,
    });
    if (verdict !== 'accepted') throw auditFailure(`input ${input.index} (block ${input.block}): ${VERDICTS[verdict]}`);
    prior.push(input.submission.ephemeralKey);
  }
  return inputs;
}

/** The record's input rule in the protocol form; `None` for a record without one (protocol v1). */
function recordInputRule(record) {
  if (record.inputRule === undefined || record.inputRule === null) return { type: 'None' };
  try {
    return decodeInputRule(encodeInputRule(record.inputRule));
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    throw auditFailure(`the record's input rule: ${e.message}`);
  }
}

/** Why the audit does not re-verify range proofs. */
const RANGE_NOT_VERIFIED = 'range proofs are not re-verified: this client version has no Bulletproofs verifier '
  + '(PROTOCOL.md section 12.5); the chain verified each before it accepted the input. Checked here: each is there, '
  + 'of the exact length its rule gives, and (d > 1) starts with canonical V_l';

/**
 * Step 1, section 12: input `input`'s validity proof (the `validity` argument of its
 * `submit_input`) under the record's `rule`. `None`: the proof must be empty (the chain takes
 * no other). `OneHot`: re-verified here (`verifyValidity`, context `genesis || u64le(job) ||
 * provider`, on the input's `C_0`). `Range`: must be there, of the exact length of 12.3, its
 * `V_l` (d > 1) canonical (`checkRangeProofForm`); the proof itself is not re-verified. Returns
 * `'none'`, `'verified'` or `'not verified'`; throws an audit failure.
 */
function auditValidity(record, rule, input, genesis) {
  const proof = input.validity ?? new Uint8Array(0);
  const where = `input ${input.index} (block ${input.block})`;
  switch (rule.type) {
    case 'None':
      if (proof.length !== 0) {
        throw auditFailure(`${where}: the job has no input rule, but its submit_input carries a ${proof.length}-byte validity proof (the chain takes only an empty one)`);
      }
      return 'none';
    case 'OneHot': {
      const valid = verifyValidity({
        genesis, jobId: record.jobId, provider: input.providerKey, d: record.d, rule, c0: input.submission.commitments[0], proof,
      });
      if (!valid) {
        const what = proof.length === 0 ? 'it carries no validity proof' : 'its validity proof does not verify';
        throw auditFailure(`${where}: the job's rule is OneHot${rule.abstain ? ' (with abstention)' : ''}, and ${what} (PROTOCOL.md section 12.2)`);
      }
      return 'verified';
    }
    default: {
      if (proof.length === 0) throw auditFailure(`${where}: the job's rule is Range, and its submit_input carries no validity proof`);
      let wrong;
      try {
        wrong = checkRangeProofForm({ rule, proof });
      } catch (e) {
        if (!(e instanceof ProtocolError)) throw e;
        wrong = `the rule is not one a range proof can be made for (${e.message})`;
      }
      if (wrong) throw auditFailure(`${where}: the job's rule is Range, and its validity proof is malformed: ${wrong} (PROTOCOL.md section 12.3)`);
      return 'not verified';
    }
  }
}

/**
 * Whether complaint event `a` came before `b` in the chain's history: by block, then by the
 * event's position in the block (or, without it, by extrinsic).
 */
function earlier(a, b) {
  if (a.block !== b.block) return a.block < b.block;
  if (Number.isInteger(a.event) && Number.isInteger(b.event)) return a.event < b.event;
  return a.extrinsic < b.extrinsic;
}

/** The committee member and input a complaint names, or an audit failure. */
function complaintSubject(record, inputs, c, what) {
  const input = inputs[c.index];
  const member = record.committee[c.workerIndex - 1];
  if (!input || !member) {
    throw auditFailure(`block ${c.block} ${what} input ${c.index} on a complaint of worker ${c.workerIndex}: no such input or committee member`);
  }
  // The complaint names its input by index and R (PROTOCOL.md section 10).
  if (c.ephemeralKey && toHex(c.ephemeralKey) !== toHex(input.submission.ephemeralKey)) {
    throw auditFailure(`the complaint of block ${c.block} names input ${c.index} by another R`);
  }
  return { input, member };
}

/**
 * Step 3: every disqualification rests on a valid complaint against a bad share. A redundant
 * complaint (`mpc.ComplaintRedundant`) is not judged by the chain and disqualifies nothing: it
 * must name an input that another member's complaint disqualified earlier in the history, and
 * each member complains about an input at most once (the chain refuses a second complaint with
 * `AlreadyDisqualified`).
 */
function auditComplaints(record, history, inputs, genesis) {
  const disqualified = new Map();
  for (const c of history.complaints) {
    const { input, member } = complaintSubject(record, inputs, c, 'disqualifies');
    if (disqualified.has(c.index)) throw auditFailure(`input ${c.index} is disqualified twice`);
    const { verdict, reason } = complaintVerdict({
      genesis, jobId: record.jobId, provider: input.providerKey, index: c.workerIndex, d: record.d,
      workerKey: fromHex(member.key), ephemeralKey: input.submission.ephemeralKey, commitments: input.submission.commitments,
      ciphertext: input.submission.ciphertexts[c.workerIndex - 1], sharedKey: c.sharedKey, proof: c.proof,
    });
    if (verdict !== 'input_disqualified') {
      throw auditFailure(`input ${c.index} was disqualified by worker ${c.workerIndex} in block ${c.block}, but ${reason}`);
    }
    disqualified.set(c.index, c);
  }
  const complained = new Set();
  for (const r of history.redundantComplaints ?? []) {
    complaintSubject(record, inputs, r, 'takes a redundant complaint about');
    const first = disqualified.get(r.index);
    if (!first) {
      throw auditFailure(`block ${r.block} takes a redundant complaint of worker ${r.workerIndex} about input ${r.index}, which no complaint disqualified`);
    }
    if (!earlier(first, r)) {
      throw auditFailure(`block ${r.block} takes a redundant complaint of worker ${r.workerIndex} about input ${r.index} before its disqualification (block ${first.block})`);
    }
    const key = `${r.index}/${r.workerIndex}`;
    if (r.workerIndex === first.workerIndex || complained.has(key)) {
      throw auditFailure(`worker ${r.workerIndex} complained about input ${r.index} twice after it was disqualified (block ${r.block})`);
    }
    complained.add(key);
  }
  const found = [...disqualified.keys()].sort((a, b) => a - b);
  if (!sameList(found, [...record.disqualified].sort((a, b) => a - b))) {
    throw auditFailure(`the chain's history disqualifies inputs [${found.join(', ')}], the record says [${record.disqualified.join(', ')}]`);
  }
  return new Set(disqualified.keys());
}

/**
 * The full audit (PROTOCOL.md section 10) on a record from {@link getRecord} and the history
 * from {@link readJobHistory} of job `jobId`, for the chain `genesis` (32 bytes): the committee
 * (the record's is the one `mpc.CommitteeDrawn` names, in the block and phase section 11.7
 * says), the inputs (their dealing proofs, the committee digest each names, and their validity
 * proofs under the record's input rule, PROTOCOL.md section 12.4), the inputs
 * digest, every disqualification (and that every redundant complaint names an input disqualified
 * before it), the aggregate commitments and the output. Returns `{ valid, reason, draw,
 * inputRule, inputs, validity, disqualified, redundantComplaints, inputsDigest, aggregate, sums }`
 * (`reason` only when not valid; what was recomputed so far otherwise); `draw` is `{ round,
 * block }`, `round` `null` when the job needed no draw. Validity proofs: under `None` each must
 * be empty; under `OneHot` each is re-verified (an input whose proof fails fails the audit);
 * under `Range` each must be there but is not re-verified (this client has no Bulletproofs
 * verifier): `validity` is `{ verified, notVerified, note }` with the note saying so, and each of
 * `inputs` has `validity`: `'none'`, `'verified'` or `'not verified'`. It does not recompute a draw: {@link verifyCommitteeDraw} does,
 * from the chain's state.
 */
export function auditHistory(record, history, { genesis, jobId = record.jobId }) {
  const report = {
    valid: false, jobId: BigInt(jobId), blocks: { from: history.from, to: history.to }, inputs: [], disqualified: [], redundantComplaints: [],
  };
  try {
    if (record.jobId !== report.jobId) throw auditFailure(`the record is of job ${record.jobId}, not job ${jobId}`);
    if (!history.created || history.created.block !== record.timeline.created) {
      throw auditFailure(`no mpc.JobCreated event of job ${jobId} in block ${record.timeline.created}`);
    }
    report.draw = auditCommittee(record, history, jobId);
    const rule = recordInputRule(record);
    report.inputRule = rule;
    const inputs = auditInputs(record, history, genesis);
    const validity = inputs.map((i) => auditValidity(record, rule, i, genesis));
    report.inputs = inputs.map((i, k) => ({ index: i.index, provider: i.provider, block: i.block, validity: validity[k] }));
    report.validity = {
      verified: validity.filter((v) => v === 'verified').length,
      notVerified: validity.filter((v) => v === 'not verified').length,
      ...(rule.type === 'Range' && { note: RANGE_NOT_VERIFIED }),
    };
    const digest = toHex(inputsDigest(inputs.map((i) => ({ provider: i.providerKey, commitments: i.submission.commitments }))));
    report.inputsDigest = digest;
    if (digest !== record.inputsDigest) throw auditFailure(`the inputs digest is ${digest}, the record says ${record.inputsDigest}`);
    const disqualified = auditComplaints(record, history, inputs, genesis);
    report.inputs.forEach((i) => {
      i.qualified = !disqualified.has(i.index);
    });
    const byMember = (c) => ({ index: c.index, workerIndex: c.workerIndex, worker: record.committee[c.workerIndex - 1].account, block: c.block });
    report.disqualified = history.complaints.map(byMember);
    report.redundantComplaints = (history.redundantComplaints ?? []).map(byMember);
    const qualified = inputs.filter((i) => !disqualified.has(i.index));
    if (qualified.length !== record.result.qualifiedInputs) {
      throw auditFailure(`${qualified.length} inputs qualify, the result says ${record.result.qualifiedInputs}`);
    }
    report.aggregate = aggregateCommitments(qualified.map((i) => i.submission.commitments)).map(toHex);
    report.aggregate.forEach((c, j) => {
      if (c !== record.aggregate[j]) throw auditFailure(`aggregate commitment ${j} is ${c}, the record says ${record.aggregate[j]}`);
    });
    if (report.aggregate.length !== record.aggregate.length) throw auditFailure('the record has the wrong number of aggregate commitments');
    const output = verifyRecord(record);
    if (!output.valid) throw auditFailure(`the output: ${output.reason}`);
    report.sums = output.sums;
    report.valid = true;
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    report.reason = e.message;
  }
  return report;
}

/**
 * The full audit of a completed job (PROTOCOL.md section 10): fetches its record (or audits the
 * given `record`), reads the job's committee, inputs and complaints from the chain's blocks and
 * events, and checks them ({@link auditHistory}); for a job whose committee was drawn, it also
 * recomputes the draw from the beacon round and the chain's state ({@link verifyCommitteeDraw}).
 * Resolves with the report of {@link auditHistory} plus `record`; `draw` then also has
 * `verified: true`, the round's `epoch`, `rho` (hex) and the `skipped` candidates.
 * Needs an archive node for jobs older than the node's pruning window (256 blocks by default):
 * rejects with `MpcError('HistoryUnavailable')` when a block or its state is pruned, and with
 * `MpcError('NoRecord')` when the job has no record. `onProgress({ block, from, to })`.
 */
export async function auditRecord(api, jobId, { record, onProgress } = {}) {
  record ??= await getRecord(api, jobId);
  if (!record) throw new MpcError('NoRecord', `job ${jobId} has no proof-of-MPC record (yet)`);
  let history;
  try {
    history = await readJobHistory(api, jobId, record.timeline, { onProgress });
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    return { valid: false, reason: e.message, jobId: BigInt(jobId), inputs: [], disqualified: [], redundantComplaints: [], record };
  }
  const report = { ...auditHistory(record, history, { genesis: api.genesisHash.toU8a(), jobId }), record };
  if (!report.valid || report.draw.round === null) return report;
  try {
    const d = await verifyCommitteeDraw(api, jobId, { timeline: record.timeline, n: record.n, history });
    report.draw = { ...report.draw, verified: true, epoch: d.epoch, rho: toHex(d.rho), skipped: d.skipped };
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    report.valid = false;
    report.reason = `the committee draw: ${e.message}`;
    delete report.sums;
  }
  return report;
}

// ---- committee draws (PROTOCOL.md sections 11.6 and 11.7) ---------------------------------

/**
 * Checks a drawn committee against the draw of section 11.6, on data already read: `rho` (the
 * draw round's output, 32 bytes) and `jobId` give the seed, `candidates` (accounts in pool
 * order, as the job stored them) are shuffled, and each candidate the shuffle places is kept
 * if eligible until `n` are. The chain's eligibility at the draw is not stored, so it is
 * bounded from what is: `pool` is the pool (`mpc.workerList`) in the parent of the block that
 * drew, `seatedBefore` the accounts that earlier draws of that block seated. A kept member must
 * have been in `pool`; a candidate the draw placed and the committee skipped must have been
 * out of `pool`, or seated by an earlier draw of the block (which can take a worker to its seat
 * limit). Returns `{ seed, drawn, skipped }` (the kept positions, the skipped accounts in draw
 * order); throws a `ProtocolError` (code `'audit'`) saying what does not match.
 */
export function checkCommitteeDraw({ rho, jobId, candidates, n, committee, pool, seatedBefore = [] }) {
  if (committee.length !== n) throw auditFailure(`the committee has ${committee.length} members, the job ${n} seats`);
  if (new Set(candidates).size !== candidates.length) throw auditFailure('an account is a candidate twice');
  const inPool = new Set(pool);
  const seated = new Set(seatedBefore);
  const seed = committeeSeed(rho, BigInt(jobId));
  const placed = []; // { who, member, kept }: each candidate the shuffle placed, in order
  let next = 0;
  const drawn = drawCommittee(seed, candidates.length, n, (c) => {
    const who = candidates[c];
    const kept = who === committee[next];
    placed.push({ who, member: next + 1, kept });
    if (kept) next += 1;
    return kept;
  });
  for (const { who, member, kept } of placed) {
    if (kept && !inPool.has(who)) throw auditFailure(`member ${member} (${who}) was not in the pool when the committee was drawn`);
    if (!kept && inPool.has(who) && !seated.has(who)) {
      throw auditFailure(`the draw places ${who} where the committee has member ${member} (${committee[member - 1]}), and ${who} was eligible (in the pool, and seated by no earlier draw of the block)`);
    }
  }
  if (drawn.length < n) {
    const who = committee[drawn.length];
    throw auditFailure(candidates.includes(who)
      ? `member ${drawn.length + 1} (${who}) is not where the draw places it`
      : `member ${drawn.length + 1} (${who}) is not a candidate of the job`);
  }
  return { seed, drawn, skipped: placed.filter((p) => !p.kept).map((p) => p.who) };
}

/** A block's hash and the api decorated at it, or a `HistoryUnavailable` error. */
async function stateAt(api, number) {
  const hash = await api.rpc.chain.getBlockHash(number);
  if (hash.isEmpty) throw historyUnavailable(number, 'no such block');
  try {
    return await api.at(hash);
  } catch (e) {
    throw historyUnavailable(number, e.message);
  }
}

/** `read()` at block `number`, its failures as `HistoryUnavailable` (pruned state). */
async function readAt(number, read) {
  try {
    return await read();
  } catch (e) {
    if (e instanceof MpcError || e instanceof ProtocolError) throw e;
    throw historyUnavailable(number, e.message);
  }
}

/**
 * The events that say how job `jobId` got its committee: `{ created, drawn }` as in
 * {@link readJobHistory} (`created.drawRound` is the draw round, `null` when no draw was
 * needed; `drawn` has the `round`, `committee` and `block` of `mpc.CommitteeDrawn`), read from
 * blocks `timeline.created` and `timeline.drawn` only.
 */
export async function readCommitteeDraw(api, jobId, timeline) {
  const id = BigInt(jobId);
  if (timeline.drawn === null) throw new MpcError('NotDrawn', `job ${id} has no committee (it waits for its draw, or ended without one)`);
  const history = { from: timeline.created, to: timeline.drawn, created: null, drawn: null, inputs: [], complaints: [], redundantComplaints: [] };
  const numbers = timeline.drawn === timeline.created ? [timeline.created] : [timeline.created, timeline.drawn];
  for (const number of numbers) collectJobEvents(api, id, number, await readBlock(api, number), history);
  return history;
}

/**
 * Re-verifies how job `jobId`'s committee was drawn (PROTOCOL.md sections 11.6 and 11.7), from
 * the chain alone: the job's draw round (`mpc.JobCreated`) and its committee
 * (`mpc.CommitteeDrawn`, in the initialization of block `timeline.drawn`); in the parent of that
 * block, the job's candidates (`mpc.drawings`, the same as stored at its creation), the pool
 * (`mpc.workerList`) and the beacon round, verified from its shares and key
 * ({@link checkBeaconRound}, which recomputes `ρ_r`); that the round opened no earlier than the
 * job's creation; then the draw itself ({@link checkCommitteeDraw}) and, while the chain stores
 * it, that `mpc.committees` is that committee. Options: the job's `timeline` and size `n` (read
 * with {@link getJob} when not given) and a `history` from {@link readJobHistory} to reuse.
 * Resolves with `{ round, epoch, rho, seed, candidates, committee, skipped, block }`, with
 * `round: null` (and nothing recomputed) for a job that needed no draw. Throws a
 * `ProtocolError` (code `'audit'`, or `'beacon'` for the round) on any mismatch, and rejects
 * with an `MpcError` when it cannot check: `HistoryUnavailable` (a block or its state is
 * pruned: use an archive node), `NotDrawn`, `NoBeaconRound`, `NoBeaconKey`, `Mpc.UnknownJob`.
 */
export async function verifyCommitteeDraw(api, jobId, { timeline, n, history } = {}) {
  const id = BigInt(jobId);
  const standalone = !history;
  if (!timeline || n === undefined) {
    const job = await getJob(api, id);
    if (!job) throw new MpcError('Mpc.UnknownJob', `job ${id} is not stored (never created, or removed)`);
    timeline ??= job.timeline;
    n ??= job.n;
  }
  history ??= await readCommitteeDraw(api, id, timeline);
  const { created, drawn } = history;
  if (!created || created.block !== timeline.created) throw auditFailure(`no mpc.JobCreated event of job ${id} in block ${timeline.created}`);
  if (!drawn || drawn.block !== timeline.drawn) throw auditFailure(`no mpc.CommitteeDrawn event of job ${id} in block ${timeline.drawn}`);
  if (created.drawRound === null) {
    if (drawn.round !== null || drawn.block !== created.block) throw auditFailure(`job ${id} needed no draw, but its committee was drawn with a round`);
    return { round: null, epoch: null, rho: null, seed: null, candidates: null, committee: drawn.committee, skipped: [], block: drawn.block };
  }
  const round = created.drawRound;
  if (drawn.round !== round || !drawn.initialization) {
    throw auditFailure(`job ${id} was to be drawn with round ${round}, mpc.CommitteeDrawn of block ${drawn.block} names round ${drawn.round}${drawn.initialization ? '' : ' outside the block\'s initialization'}`);
  }
  if (drawn.block <= created.block) throw auditFailure(`job ${id} was drawn in block ${drawn.block}, not after its creation in block ${created.block}`);
  // The state the draw saw: the parent of the block whose initialization drew.
  const parent = drawn.block - 1;
  const [at, atCreation] = await Promise.all([stateAt(api, parent), stateAt(api, created.block)]);
  const [drawing, stored, poolCodec] = await Promise.all([
    readAt(parent, () => at.query.mpc.drawings(id)),
    readAt(created.block, () => atCreation.query.mpc.drawings(id)),
    readAt(parent, () => at.query.mpc.workerList()),
  ]);
  if (drawing.isNone) throw auditFailure(`job ${id} was not waiting for a draw in block ${parent} (no mpc.drawings entry)`);
  const d = drawing.unwrap();
  if (d.round.toNumber() !== round) throw auditFailure(`job ${id} waited for round ${d.round.toNumber()} in block ${parent}, mpc.JobCreated says round ${round}`);
  const candidates = d.candidates.map((a) => a.toString());
  if (stored.isNone || !sameList(stored.unwrap().candidates.map((a) => a.toString()), candidates)) {
    throw auditFailure(`the candidates of job ${id} in block ${parent} are not those stored at its creation (block ${created.block})`);
  }
  // The round as the chain had it when it drew, verified from its shares (ρ_r recomputed).
  const beacon = await readAt(parent, () => getBeaconRound(at, round));
  if (!beacon) throw new MpcError('NoBeaconRound', `round ${round} is not stored in block ${parent}`);
  if (!beacon.output) throw auditFailure(`job ${id} was drawn in block ${drawn.block}, but round ${round} was still open in block ${parent}`);
  const key = await readAt(parent, () => getBeaconKey(at, beacon.epoch));
  if (!key) throw new MpcError('NoBeaconKey', `the key of epoch ${beacon.epoch}, which round ${round} is of, is not stored in block ${parent}`);
  const { output: rho } = checkBeaconRound(beacon, key, { genesis: api.genesisHash.toU8a() });
  if (beacon.opened < created.block) {
    throw auditFailure(`round ${round} opened in block ${beacon.opened}, before job ${id} was created (block ${created.block}): its shares could be known at the creation`);
  }
  const pool = poolCodec.map((a) => a.toString());
  const { seed, skipped } = checkCommitteeDraw({ rho, jobId: id, candidates, n, committee: drawn.committee, pool, seatedBefore: drawn.seatedBefore });
  if (standalone) {
    const now = (await api.query.mpc.committees(id)).map((m) => m.account.toString());
    if (now.length > 0 && !sameList(now, drawn.committee)) throw auditFailure(`the committee the chain stores for job ${id} is not the one drawn in block ${drawn.block}`);
  }
  return { round, epoch: beacon.epoch, rho, seed, candidates, committee: drawn.committee, skipped, block: drawn.block };
}

/** Registered workers: `[{ account, key, bond, faults }]`. */
export async function listWorkers(api) {
  const entries = await api.query.mpc.workers.entries();
  return entries.map(([k, v]) => {
    const w = v.unwrap();
    return {
      account: k.args[0].toString(),
      key: toHex(bytes(w.key)),
      bond: w.bond.toBigInt(),
      faults: w.faults.toNumber(),
    };
  });
}

// ---- the randomness beacon (PROTOCOL.md section 11) ----------------------------------------

/** The chain's `MpcBeaconApi` runtime API, or an `UnexpectedMetadata` error. */
function beaconApi(api) {
  const call = api.call.mpcBeaconApi;
  if (!call) throw unexpectedMetadata('the chain has no MpcBeaconApi runtime API');
  return call;
}

/** The number of the latest completed beacon round, or `null` before the first completes. */
export async function latestBeaconRound(api) {
  const latest = await beaconApi(api).latestRound();
  return latest.isSome ? latest.unwrap().toNumber() : null;
}

/**
 * A stored beacon round (the open one, or one of the last `BeaconHistory` completed):
 * `{ round, epoch, opened, seed, shares: [{ index, Y, proof }], output, publishedAt }`, where
 * `opened` is the block it opened in (or moved to its epoch in), `seed` its seed `s_r` (32
 * bytes: the hash of that block's parent, which its point `P_r` binds), and `output` (`ρ_r`, 32
 * bytes) and `publishedAt` (its block) are `null` while the round is open.
 * The shares are the valid ones in arrival order (`t_B + 1` once complete). `null` when the
 * chain does not store the round (not opened yet, or pruned).
 */
export async function getBeaconRound(api, round) {
  const raw = await beaconApi(api).round(round);
  if (raw.isNone) return null;
  const r = raw.unwrap();
  const done = r.output.isSome ? r.output.unwrap() : null;
  return {
    round: Number(round),
    epoch: r.epoch.toNumber(),
    opened: r.opened.toNumber(),
    seed: bytes(r.seed),
    shares: r.shares.map((s) => ({ index: s.index.toNumber(), Y: bytes(s.point), proof: bytes(s.proof) })),
    output: done ? bytes(done[0]) : null,
    publishedAt: done ? done[1].toNumber() : null,
  };
}

/**
 * An epoch's group key, while the chain keeps it (the active epoch, and older ones while a
 * stored round uses them): `{ epoch, members, memberKeys, n, t, qualified, commitments,
 * publicShares, digest, activated }`. `members` are the committee's accounts in order (member
 * `i` is `members[i - 1]`), `qualified` the indices of the dealers whose dealings make the key,
 * `commitments` `Â_0..Â_t` (`Â_0` is the group key `X`), `publicShares` `X_1..X_n`, `digest`
 * `keydigest_e` (32 bytes each), `activated` the block it became active in. `null` if none.
 */
export async function getBeaconKey(api, epoch) {
  const raw = await beaconApi(api).key(epoch);
  if (raw.isNone) return null;
  const k = raw.unwrap();
  const n = k.committee.length;
  return {
    epoch: Number(epoch),
    members: k.committee.map((m) => m.account.toString()),
    memberKeys: k.committee.map((m) => bytes(m.key)),
    n,
    t: n >= 3 ? beaconThreshold(n) : k.commitments.length - 1,
    qualified: k.qualified.map((i) => i.toNumber()),
    commitments: k.commitments.map(bytes),
    publicShares: k.publicShares.map(bytes),
    digest: bytes(k.digest),
    activated: k.activated.toNumber(),
  };
}

const beaconFailure = (round, message) => new ProtocolError('beacon', `round ${round} does not verify: ${message}`);

/**
 * Verifies a completed round from {@link getBeaconRound} against its epoch's key from
 * {@link getBeaconKey}, for the chain `genesis` (32 bytes), with this package's own
 * implementation of section 11: the key's digest and public shares `X_i` recomputed from its
 * commitments, each stored share's DLEQ proof on the point `P_r` of the round's number, epoch
 * and `seed`, the combination, and that the recomputed `ρ_r` is the stored output. Returns `{ round, epoch, output, verified: true }`; throws a
 * `ProtocolError` (code `'beacon'`) saying what failed.
 */
export function checkBeaconRound(round, key, { genesis }) {
  const r = round.round;
  if (!round.output) throw beaconFailure(r, 'it has no output (the round is still open)');
  if (key.epoch !== round.epoch) throw beaconFailure(r, `it is of epoch ${round.epoch}, the key of epoch ${key.epoch}`);
  if (!(round.seed instanceof Uint8Array) || round.seed.length !== 32) throw beaconFailure(r, 'it has no 32-byte seed s_r');
  const epoch = BigInt(round.epoch);
  const n = key.members.length;
  if (n < 3) throw beaconFailure(r, `a beacon committee has at least 3 members, the key has ${n}`);
  if (key.commitments.length !== beaconThreshold(n) + 1) {
    throw beaconFailure(r, `a committee of ${n} has ${beaconThreshold(n) + 1} group commitments, the key has ${key.commitments.length}`);
  }
  let digest;
  try {
    digest = groupKeyDigest(genesis, epoch, n, key.commitments);
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    throw beaconFailure(r, `the key of epoch ${round.epoch}: ${e.message}`);
  }
  if (toHex(digest) !== toHex(key.digest)) {
    throw beaconFailure(r, `the key digest of epoch ${round.epoch} is ${toHex(digest)}, the chain stores ${toHex(key.digest)}`);
  }
  if (key.publicShares.length !== n) throw beaconFailure(r, `the key has ${key.publicShares.length} public shares for ${n} members`);
  key.publicShares.forEach((x, m) => {
    let mine;
    try {
      mine = toHex(publicShare(key.commitments, m + 1));
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      throw beaconFailure(r, `the key of epoch ${round.epoch}: ${e.message}`);
    }
    if (mine !== toHex(x)) throw beaconFailure(r, `the stored public share X_${m + 1} is not the one its commitments give`);
  });
  let out;
  try {
    out = verifyRound({ genesis, epoch, round: BigInt(r), seed: round.seed, commitments: key.commitments, shares: round.shares, n });
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    throw beaconFailure(r, e.message);
  }
  if (toHex(out.output) !== toHex(round.output)) {
    throw beaconFailure(r, `its shares combine to ${toHex(out.output)}, the chain stores the output ${toHex(round.output)}`);
  }
  return { round: r, epoch: round.epoch, output: out.output, verified: true };
}

/**
 * Reads beacon round `round` and its epoch's key from the chain and verifies the round
 * independently ({@link checkBeaconRound}, with the chain's genesis hash). Resolves with
 * `{ round, epoch, output, verified: true }`. Rejects with a `ProtocolError` (code `'beacon'`)
 * when the round does not verify, and with an `MpcError` when it cannot be checked:
 * `NoBeaconRound` (not stored), `BeaconRoundOpen` (not complete yet), `NoBeaconKey` (its key
 * is no longer stored). `at`: a block hash to read the round and key in (an older block, for a
 * round the chain has pruned since: needs that block's state).
 */
export async function verifyBeaconRound(api, round, { at } = {}) {
  const genesis = api.genesisHash.toU8a();
  if (at !== undefined) api = await api.at(at);
  const r = await getBeaconRound(api, round);
  if (!r) throw new MpcError('NoBeaconRound', `round ${round} is not stored (not opened yet, or pruned)`);
  if (!r.output) throw new MpcError('BeaconRoundOpen', `round ${round} has not completed yet (${r.shares.length} shares so far)`);
  const key = await getBeaconKey(api, r.epoch);
  if (!key) throw new MpcError('NoBeaconKey', `the key of epoch ${r.epoch}, which round ${round} is of, is not stored`);
  return checkBeaconRound(r, key, { genesis });
}

/**
 * Waits for a completed beacon round numbered above `after` (default: any) and resolves with
 * it ({@link getBeaconRound}); the latest one if it is already there. Rejects with
 * `MpcError('Timeout')` after `timeoutMs`. `onProgress({ block, latest })` on every new block.
 */
export async function waitForBeaconRound(api, { after = -1, timeoutMs = 120_000, onProgress } = {}) {
  const timeout = () => new MpcError('Timeout', `no beacon round after ${after} completed within ${timeoutMs} ms`);
  return everyBlock(api, timeoutMs, timeout, async (block) => {
    const latest = await latestBeaconRound(api);
    if (block !== undefined) onProgress?.({ block, latest });
    if (latest === null || latest <= Number(after)) return undefined;
    return (await getBeaconRound(api, latest)) ?? undefined;
  });
}

/**
 * Pays for a beacon round (`mpc.requestRound`, PROTOCOL.md section 11.7): the chain names the
 * first round whose output nobody knew when the request was made: the next round, which opens
 * in the next block (or as soon as the open one completes). Resolves `{ round, blockHash }`; with `wait`, also waits for
 * that round to complete and verifies it ({@link verifyBeaconRound}), resolving
 * `{ round, blockHash, verified }`. Costs `api.consts.mpc.roundRequestFee`.
 */
export async function requestRound(api, signer, { wait = false, timeoutMs = 120_000 } = {}) {
  const { blockHash, events } = await send(api, signer, api.tx.mpc.requestRound());
  const requested = events.find(({ event }) => api.events.mpc.BeaconRoundRequested.is(event));
  if (!requested) throw new MpcError('NoRoundRequestedEvent', 'the request_round extrinsic emitted no mpc.BeaconRoundRequested event');
  const round = Number(requested.event.data.round.toString());
  if (!wait) return { round, blockHash };
  await waitForBeaconRound(api, { after: round - 1, timeoutMs });
  // Rounds complete in order: once one numbered `round` or above completed, `round` did.
  return { round, blockHash, verified: await verifyBeaconRound(api, round) };
}
