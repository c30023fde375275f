// A load run (`mpc bench load`): thousands of providers, each with one input, against jobs of
// one committee, measuring what the chain takes per block and how long the jobs take from the
// end of their input window to their result.
//
// Bulk work is sent unwatched (`author_submitExtrinsic`) with explicit nonces: a watched
// submission (`signAndSend` with a status callback, `author_submitAndWatch`) holds one of the
// node's 1,024 subscriptions per connection until it is finalized or dropped, so a few thousand
// of them are refused. What landed is read from the blocks instead, which this module follows
// anyway for its figures.

import { Keyring } from '@polkadot/api';
import { decodeAddress } from '@polkadot/util-crypto';
import { dealWithRule, ProtocolError, toHex, fromHex } from './protocol.js';
import { loadProver } from './prover.js';
import { MpcError, everyBlock } from './tx.js';
import { createJob, getJob, getCommittee, submitInputTx, listWorkers } from './index.js';

const DEFAULTS = Object.freeze({
  inputs: 2000, committee: 5, threshold: 2, dimension: 1, seed: '//load', concurrency: 256, pending: 4096, timeoutMs: 900_000,
});

// A funding that makes no progress for this many blocks (a transfer dropped, a nonce gap) is
// given up on instead of waiting for the whole timeout.
const STALL_BLOCKS = 30;
/** How often a submission the node refused for a passing reason is tried (see `submitRetrying`). */
const SUBMIT_ATTEMPTS = 8;
/**
 * Blocks without progress after which what has not landed is signed and sent again, at most
 * `RESENDS` times: on a network with forks a pool may lose transactions it accepted (one of a
 * signer's consecutive transfers lost leaves every later one waiting for its nonce).
 */
const RESEND_BLOCKS = 10;
const RESENDS = 3;
/**
 * Refusals that say nothing about the transaction: the pool checked it against a block whose
 * state a reorganisation discarded, and may then ban its hash for a while.
 */
const PASSING = /unknown block|state already discarded|temporarily banned/i;
/**
 * The pool is at its limit (RPC 1016, "Immediately Dropped": by default 8,192 transactions or
 * 20 MiB, the node's `--pool-limit` and `--pool-kbytes`): it takes the transaction once blocks
 * have made room. Tried again every `FULL_PAUSE_MS`, for at most `FULL_WAITS` pauses (ten
 * minutes) per transaction.
 */
const FULL = /immediately dropped|because of the limit/i;
const FULL_PAUSE_MS = 1_000;
const FULL_WAITS = 600;

/**
 * Submits the transaction `sign()` resolves to, unwatched; a refusal that passes is tried again,
 * up to `SUBMIT_ATTEMPTS` times with a growing pause, signed afresh each time: on a network with
 * forks the node's pool may check a transaction against a block whose state a reorganisation
 * just discarded ("State already discarded", "unknown Block"), which says nothing about the
 * transaction, and then bans its hash for a while ("temporarily banned"); a new signature is a
 * new hash. A pool at its limit (`FULL`) is waited for, without counting an attempt, and each
 * wait adds one to `stats.poolFull`. Resolves with the number of retries; a retry the pool
 * answers with "already imported" counts as submitted.
 */
async function submitRetrying(api, sign, stats) {
  let waits = 0;
  for (let attempt = 0; ; ) {
    try {
      await api.rpc.author.submitExtrinsic(await sign());
      return attempt;
    } catch (e) {
      const why = String(e?.message ?? e);
      if ((attempt > 0 || waits > 0) && /already imported/i.test(why)) return attempt;
      if (FULL.test(why) && waits < FULL_WAITS) {
        waits += 1;
        if (stats) stats.poolFull += 1;
        await new Promise((r) => setTimeout(r, FULL_PAUSE_MS));
        continue;
      }
      attempt += 1;
      if (attempt >= SUBMIT_ATTEMPTS || !PASSING.test(why)) throw e;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

/**
 * Signs afresh and sends again each of `items` (`sign(item, k)`), as `submitRetrying`; a
 * refusal means the transaction is still in the pool (a replacement at its own priority is
 * refused): nothing lost. Resolves with `{ retried, resent }`.
 */
async function resend(api, items, concurrency, sign, stats) {
  let retried = 0;
  let resent = 0;
  await inFlight(items, concurrency, async (item, k) => {
    try {
      retried += await submitRetrying(api, () => sign(item, k), stats);
      resent += 1;
    } catch {
      // Still in the pool.
    }
  });
  return { retried, resent };
}

/** How long `pendingGate` holds back without progress before it lets the rest through. */
const GATE_STALL_MS = 120_000;

/**
 * Keeps at most `limit` submissions waiting in the pool: `await gate(k)` before the `k`-th
 * (from 0) returns once fewer than `limit` of the `k` before it are unsettled, as `settled()`
 * (async, polled at most every 500 ms, one poll at a time; a poll that fails keeps the last
 * count) counts them. It holds back no more once `stop()` says so (the run is failing anyway)
 * or the count has not moved for `GATE_STALL_MS` (a transaction lost: what follows is sent,
 * and the resends after the sending take over). A pool that holds tens of thousands of
 * transactions slows the node that keeps it (2026-12-02: 100,000 inputs sent at once to a
 * debug dev node, blocks took 90 to 150 inputs, against 400 to 560), so a bulk sender feeds it
 * instead of flooding it.
 */
export function pendingGate(limit, settled, stop = () => false) {
  let known = 0;
  let moved = performance.now();
  let poll = null;
  const held = (k) => k - known >= limit && !stop() && performance.now() - moved < GATE_STALL_MS;
  return async (k) => {
    while (held(k)) {
      poll ??= Promise.all([settled().catch(() => known), new Promise((r) => setTimeout(r, 500))])
        .then(([n]) => {
          if (n > known) {
            known = n;
            moved = performance.now();
          }
        })
        .finally(() => {
          poll = null;
        });
      await poll;
    }
  };
}

/** Provider `i`'s value in dimension `l`: deterministic, so that each job's exact sum is known. */
const providerValue = (i, l) => BigInt(1000 + (i % 1000) + l);

/**
 * Runs `fn(item, k)` for every item with at most `limit` calls in flight; resolves once all
 * have settled. `fn` handles its own failures (a rejection here stops nothing else).
 */
async function inFlight(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next;
      next += 1;
      await fn(items[k], k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The Aura slot of a header: its `PreRuntime` digest with engine `aura`, a u64 (LE); or `null`. */
function auraSlot(header) {
  for (const log of header.digest.logs) {
    if (!log.isPreRuntime) continue;
    const [engine, data] = log.asPreRuntime;
    if (engine.toString() !== 'aura') continue;
    const b = data.toU8a(true);
    if (b.length < 8) return null;
    return Number(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true));
  }
  return null;
}

/** A pallet error or other dispatch error as `Section.Name`, for counting failures by kind. */
function dispatchErrorName(api, err) {
  if (err.isModule) {
    try {
      const meta = api.registry.findMetaError(err.asModule);
      return `${meta.section.charAt(0).toUpperCase()}${meta.section.slice(1)}.${meta.name}`;
    } catch {
      return 'Module(unknown)';
    }
  }
  return err.type;
}

/**
 * Follows the chain from now on: every finalized block, read by number from the finalized chain
 * (so none is skipped when finality jumps, and no block of a branch that lost is counted: on a
 * network with forks, the state of such a block is discarded and cannot be read), with its Aura
 * slot, timestamp, `mpc.InputSubmitted` events of `jobs`, failed extrinsics and the job events
 * that end a phase. The finality lag of a block is taken when it is announced as the best head:
 * its number minus the latest finalized number known then.
 */
async function followBlocks(api, jobs, accounts, providerIndex, onBlock) {
  const blocks = [];
  let finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const lags = new Map();
  let last = null;
  let queue = Promise.resolve();
  let failure = null;
  let stopped = false;
  const read = async (number) => {
    const hash = await api.rpc.chain.getBlockHash(number);
    const h = await api.rpc.chain.getHeader(hash);
    const lag = lags.get(number) ?? null;
    lags.delete(number);
    const [events, now] = await Promise.all([api.query.system.events.at(hash), api.query.timestamp.now.at(hash)]);
    const block = {
      number, slot: auraSlot(h), timestamp: now.toNumber(), lag, inputs: 0, inputsByJob: {}, landed: {}, failed: 0, failedByLoad: 0, failedErrors: {}, closed: [], computing: [], completed: [], jobFailed: [],
    };
    let body = null;
    for (const { event, phase } of events) {
      if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
        // Whose and which call: the load's own failures are told apart from the rest of the
        // chain's (the workers' and beacon members' transactions), read from the block body.
        body ??= await api.rpc.chain.getBlock(hash);
        const x = phase.isApplyExtrinsic ? body.block.extrinsics[phase.asApplyExtrinsic.toNumber()] : null;
        const ours = Boolean(x?.isSigned && accounts.has(toHex(decodeAddress(x.signer.toString()))));
        const name = `${x ? `${x.method.section}.${x.method.method}` : 'unknown'}: ${dispatchErrorName(api, event.data.dispatchError)}`;
        block.failed += 1;
        if (ours) block.failedByLoad += 1;
        block.failedErrors[name] = (block.failedErrors[name] ?? 0) + 1;
        continue;
      }
      if (event.section !== 'mpc') continue;
      const jobId = event.data.jobId?.toBigInt?.();
      if (jobId === undefined || !jobs.has(jobId)) continue;
      const key = String(jobId);
      switch (event.method) {
        case 'InputSubmitted': {
          block.inputs += 1;
          block.inputsByJob[key] = (block.inputsByJob[key] ?? 0) + 1;
          // Which provider: a job's exact sum is that of the inputs that landed.
          const i = providerIndex.get(toHex(event.data.provider.toU8a()));
          if (i !== undefined) (block.landed[key] ??= []).push(i);
          break;
        }
        case 'InputsClosed':
          block.closed.push(key);
          break;
        case 'ComputationStarted':
          block.computing.push(key);
          break;
        case 'JobCompleted':
          block.completed.push({ jobId: key, sums: event.data.sums.map((s) => (s.isSome ? s.unwrap().toBigInt() : null)) });
          break;
        case 'JobFailed':
          block.jobFailed.push({ jobId: key, reason: event.data.reason?.toString?.() ?? 'unknown' });
          break;
        default:
      }
    }
    blocks.push(block);
    onBlock(block);
  };
  const unsubHeads = await api.rpc.chain.subscribeNewHeads((header) => {
    const head = header.number.toNumber();
    // The first announcement of a number counts (a later one is a sibling on another branch).
    if (head >= finalized && !lags.has(head)) lags.set(head, head - finalized);
  });
  const start = finalized + 1;
  const unsubFinalized = await api.rpc.chain.subscribeFinalizedHeads((header) => {
    const head = header.number.toNumber();
    finalized = Math.max(finalized, head);
    queue = queue.then(async () => {
      if (failure) return;
      try {
        const from = last === null ? start : last + 1;
        for (let n = from; n <= head; n += 1) {
          await read(n);
          last = n;
        }
      } catch (e) {
        failure = e;
        onBlock(null);
      }
    });
  });
  return {
    blocks,
    /** The error that stopped the following (a block that could not be read), or `null`. */
    get failure() {
      return failure;
    },
    /** Resolves once every block announced so far is processed; rejects if one failed. */
    async drain() {
      await queue;
      if (failure) throw failure;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      unsubHeads();
      unsubFinalized();
    },
  };
}

/** Waits on the block follower until `ready()` is true, or rejects with `timeout()`. */
function untilBlocks(register, ready, timeoutMs, timeout) {
  return new Promise((resolve, reject) => {
    if (ready()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      register(null);
      reject(timeout());
    }, timeoutMs);
    register(() => {
      let done;
      try {
        done = ready();
      } catch (e) {
        clearTimeout(timer);
        register(null);
        reject(e);
        return;
      }
      if (done) {
        clearTimeout(timer);
        register(null);
        resolve();
      }
    });
  });
}

/** An upper bound on one input's deposit (`DepositPerItem` per entry, `DepositPerByte` per byte). */
function inputDepositBound(api, { n, t, d }) {
  const perItem = api.consts.mpc.depositPerItem?.toBigInt?.();
  const perByte = api.consts.mpc.depositPerByte?.toBigInt?.();
  // A chain without these constants prices inputs otherwise: one token, far above the dev
  // runtime's ~0.1, is the fallback margin.
  if (perItem === undefined || perByte === undefined) return 10n ** 12n;
  // An input stores itself, its provider's and its ephemeral key's index entries and one
  // ciphertext per member: n + 3 entries. Each key is under 128 bytes; the values are at most
  // the submission and the record around it.
  const items = BigInt(n + 3);
  const submission = 32 + 64 + 32 * (t + 1) + n * (32 * (d + 1) + 16 + 4) + 16;
  const bytes = BigInt((n + 3) * 128 + 2 * submission + 512);
  return perItem * items + perByte * bytes;
}

/**
 * An upper bound on what creating one job costs its owner: the escrow at the chain's minimum
 * reward, a storage deposit for its record at its largest (a generous bound on its entries and
 * bytes), the round fee when its committee is drawn, and the creation's fee.
 */
function jobCostBound(api, { n, drawn, maxInputs }) {
  const reward = api.consts.mpc.minRewardPerWorker.toBigInt();
  const perItem = api.consts.mpc.depositPerItem?.toBigInt?.() ?? 10n ** 10n;
  const perByte = api.consts.mpc.depositPerByte?.toBigInt?.() ?? 10n ** 7n;
  const roundFee = drawn ? api.consts.mpc.roundRequestFee?.toBigInt?.() ?? 0n : 0n;
  // The pages of its disqualified list at their most: 4 bytes an input, a key of 64 a page.
  const pageSize = api.consts.mpc.disqualifiedPageSize?.toNumber?.() ?? 1;
  const pages = BigInt(Math.ceil(maxInputs / pageSize));
  const pageBytes = 4n * BigInt(maxInputs) + 64n * pages;
  return reward * BigInt(n) + perItem * (BigInt(8 + 2 * n) + pages) + perByte * (65_536n + pageBytes) + roundFee + 10n ** 10n;
}

const round3 = (x) => Math.round(x * 1000) / 1000;

/**
 * A load run against a chain: `options.inputs` providers (default 2000) each submit one input
 * to one of `options.jobs` jobs (default `ceil(inputs / api.consts.mpc.maxInputsPerJob)`),
 * created by `signer` with committee `committee` (5), threshold `threshold` (2), dimension
 * `dimension` (1), `max_inputs` its share of the inputs, `min_inputs` 1, no input rule, and an
 * input window of `window` blocks (default `max(60, ceil(inputs / 20))`, at most the chain's
 * `maxInputWindow`: enough for every input to land; each job closes as soon as it has all its
 * inputs).
 *
 * Provider `i` is the sr25519 account `${seed}//${i}` (`seed` default `'//load'`: with the dev
 * phrase, like `//Alice`), funded by `signer` with one input's deposit and fee (estimated with
 * `paymentInfo` and the pallet's deposit constants, with margin; an account that has that much
 * already is not funded again) by `balances.transferKeepAlive` transactions with consecutive
 * nonces; rejects with `MpcError('InsufficientFunds')` before sending anything when the signer
 * cannot pay for all. Provider `i` contributes `1000 + i % 1000` (plus `l` in dimension `l`), so
 * every job's exact sum is known: `sumExpected` is that of the inputs that landed (all of the
 * job's, unless some were refused or lost). Once the transfers landed, every input is dealt here (the
 * wasm dealer when its module loads, else the JS one, as {@link submitInput}; `dealer: 'wasm' |
 * 'js'` to choose) and signed, then all are submitted. Funding and inputs go unwatched (`author_submitExtrinsic`), at most
 * `concurrency` (256) in flight: the node refuses more than 1,024 watched subscriptions per
 * connection; and at most `pending` (4,096) sent and not yet settled (transfers: by the
 * signer's nonce; inputs: accepted or failed in the finalized blocks read, or refused), so that
 * the node's pool stays small (`pendingGate`). Every block from before the funding to the last result is read.
 *
 * Resolves with the figures, JSON-safe (sums as strings): `{ inputs, jobs, committee, threshold,
 * dimension, window, concurrency, pending, dealer, dealMsPerInput, signSeconds, submitSeconds, submitted,
 * refused, refusedReasons, retried, resent, poolFull, accepted, failedExtrinsics, failedByLoad, failedErrors,
 * inputsPerBlock: { max, mean, blocks }, perJob: [{ jobId, maxInputs, inputs,
 * inputsClosedBlock, computingStartedBlock, resultBlock, windowEndToResult: { blocks, seconds },
 * sumExpected, sumOnChain, exact }], slotsMissed, maxFinalityLag, outputsExact, blocksObserved,
 * firstBlock, lastBlock, timedOut, phaseSeconds, wallSeconds }` (`perBlock` too with
 * `options.perBlock`). `accepted` counts `mpc.InputSubmitted` events of the run's jobs;
 * `refused` the submissions the node's pool refused (`refusedReasons` by message), after
 * `retried` retries of refusals that pass (a pool check against a block a reorganisation
 * discarded: `submitRetrying`); `poolFull` the pauses of submissions the pool refused because
 * it was at its limit (waited for and sent again, at most ten minutes each); `resent` counts
 * transfers and inputs signed afresh and sent
 * again after `RESEND_BLOCKS` blocks without progress; blocks are read from the finalized chain
 * (`followBlocks`);
 * `failedExtrinsics` every `System.ExtrinsicFailed` in the blocks observed, the chain's own
 * (workers, beacon members) included, `failedByLoad` those signed by the run's accounts, and
 * `failedErrors` all of them by call and error. `inputsPerBlock.mean` is over the blocks that
 * had inputs. `slotsMissed` sums `slot delta - 1` over consecutive blocks (Aura slots: a block
 * the author did not make in its slot); `maxFinalityLag` is the most best minus finalized seen.
 * `windowEndToResult` runs from the block the job's inputs closed in (it reached `max_inputs`:
 * `mpc.InputsClosed`) to the block of its `mpc.JobCompleted`, in blocks and in seconds of the
 * blocks' timestamps. `sumExpected` and `sumOnChain` are strings (arrays of strings when
 * `dimension > 1`; `sumOnChain` `null` without a result). A job that does not complete within
 * `timeoutMs` (default 15 minutes, from the submissions) leaves `timedOut: true` and its missing
 * figures `null`: the figures still resolve. `onProgress({ phase, done, total, block, inputs })`,
 * `phase` one of `'jobs'`, `'funding'` (transfers sent), `'funded'` (transfers in blocks),
 * `'dealing'`, `'signing'`, `'submitting'`, `'waiting'` (with `inputs`, the inputs accepted), in
 * that order; `phaseSeconds` has the wall time of each.
 */
export async function runLoad(api, signer, options = {}, { onProgress } = {}) {
  const started = performance.now();
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const N = Number(o.inputs);
  const n = Number(o.committee);
  const t = Number(o.threshold);
  const d = Number(o.dimension);
  const concurrency = Number(o.concurrency);
  const pending = Number(o.pending);
  const maxPerJob = api.consts.mpc.maxInputsPerJob.toNumber();
  const maxWindow = api.consts.mpc.maxInputWindow.toNumber();
  const jobCount = o.jobs === undefined ? Math.ceil(N / maxPerJob) : Number(o.jobs);
  const window = o.window === undefined ? Math.min(maxWindow, Math.max(60, Math.ceil(N / 20))) : Number(o.window);
  for (const [name, v] of [['inputs', N], ['committee', n], ['threshold', t], ['dimension', d], ['concurrency', concurrency], ['pending', pending], ['jobs', jobCount], ['window', window]]) {
    if (!Number.isSafeInteger(v) || v < 1) throw new ProtocolError('load', `${name} must be a whole number of at least 1, not ${v}`);
  }
  if (jobCount > N) throw new ProtocolError('load', `${jobCount} jobs for ${N} inputs: every job needs at least one input`);
  if (Math.ceil(N / jobCount) > maxPerJob) {
    throw new ProtocolError('load', `${N} inputs in ${jobCount} jobs is more than the chain's ${maxPerJob} inputs per job: use at least ${Math.ceil(N / maxPerJob)} jobs`);
  }
  if (o.dealer !== undefined && o.dealer !== 'wasm' && o.dealer !== 'js') throw new ProtocolError('dealer', `dealer is 'wasm' or 'js', not ${o.dealer}`);
  // Every job seats n workers, and a worker sits on at most maxJobsPerWorker jobs at once: more
  // jobs than the pool can seat would be refused part way, after the first ones were paid for.
  const pool = await listWorkers(api);
  const seatsPerWorker = api.consts.mpc.maxJobsPerWorker.toNumber();
  if (pool.length >= n && jobCount * n > pool.length * seatsPerWorker) {
    throw new ProtocolError('load', `${jobCount} jobs of ${n} need ${jobCount * n} seats, and the pool's ${pool.length} workers have at most ${pool.length * seatsPerWorker} (${seatsPerWorker} jobs each)`);
  }
  const report = (p) => onProgress?.(p);
  const signerAddress = typeof signer === 'string' ? signer : signer.address;

  // The dealer first: a missing module with dealer 'wasm' fails before anything is spent.
  let prover = null;
  if (o.dealer !== 'js') {
    try {
      prover = await loadProver();
    } catch (e) {
      if (o.dealer === 'wasm' || !(e instanceof ProtocolError)) throw e;
    }
  }
  const dealFn = prover ? (p) => prover.deal(p) : (p) => dealWithRule(p);

  // Provider i is `${seed}//${i}`: the seed's key derived once, then one hard junction each
  // (deriving every full URI would redo the seed's key stretching N times).
  const keyring = new Keyring({ type: 'sr25519' });
  const base = keyring.addFromUri(o.seed);
  const providers = Array.from({ length: N }, (_, i) => base.derive(`//${i}`));

  // Each job's share of the inputs: contiguous provider ranges, the first jobs one larger.
  const shares = Array.from({ length: jobCount }, (_, k) => Math.floor(N / jobCount) + (k < N % jobCount ? 1 : 0));

  const jobs = new Map();
  const perJob = [];
  // Wall time of each phase, in seconds.
  const phaseSeconds = {};
  let phaseStart = performance.now();
  const endPhase = (name) => {
    const now = performance.now();
    phaseSeconds[name] = round3((now - phaseStart) / 1000);
    phaseStart = now;
  };
  let waiter = null;
  const register = (fn) => {
    waiter = fn;
  };
  const genesis = api.genesisHash.toU8a();
  const rule = { type: 'None' };
  const params = (job, i) => ({
    genesis, jobId: job.jobId, provider: providers[i].publicKey, keys: job.keys, t, values: Array.from({ length: d }, (_, l) => providerValue(i, l)), rule,
  });

  // What a provider needs: one input's fee and deposit, twice over, and the existential deposit
  // it keeps. The fee is paymentInfo's for a sample input (dealt and never sent) to n of the
  // pool's keys: it depends on the input's length and weight, not on whose keys. All of it, and
  // the jobs' escrows, is checked against the signer's balance before anything is sent.
  const ed = api.consts.balances.existentialDeposit.toBigInt();
  let amount = null;
  let transferFee = 0n;
  let toFund = [];
  if (pool.length >= n) {
    const sample = dealFn(params({ jobId: 0n, keys: pool.slice(0, n).map((w) => fromHex(w.key)) }, 0));
    const sampleTx = submitInputTx(api, 0n, new Uint8Array(32), sample.submission, sample.validity);
    const inputFee = (await sampleTx.paymentInfo(providers[0].address)).partialFee.toBigInt();
    amount = ed + 2n * (inputFee + inputDepositBound(api, { n, t, d }));
    transferFee = (await api.tx.balances.transferKeepAlive(providers[0].address, amount).paymentInfo(signerAddress)).partialFee.toBigInt();
    // Accounts that hold enough already (a run with the same seed before) are not funded again.
    const before = await readAccounts(api, providers.map((p) => p.address));
    toFund = before.flatMap((a, i) => (a.free - a.frozen < amount ? [i] : []));
    const jobsCost = BigInt(jobCount) * jobCostBound(api, { n, drawn: pool.length > n, maxInputs: Math.max(...shares) });
    const need = BigInt(toFund.length) * (amount + transferFee) + jobsCost;
    const own = (await api.query.system.account(signerAddress)).data;
    const spendable = own.free.toBigInt() - own.frozen.toBigInt() - ed;
    if (spendable < need) {
      throw new MpcError('InsufficientFunds', `${signerAddress} can spend ${spendable}; funding ${toFund.length} providers with ${amount} each (one input's deposit and fee, with margin) and ${transferFee} in fees each, and ${jobCount} jobs (${jobsCost}), needs ${need}`);
    }
  }
  // With fewer workers than n, createJob fails below with the chain's Mpc.NotEnoughWorkers.

  const accounts = new Set([signerAddress, ...providers.map((p) => p.address)].map((a) => toHex(decodeAddress(a))));
  const providerIndex = new Map(providers.map((p, i) => [toHex(decodeAddress(p.address)), i]));
  const follower = await followBlocks(api, jobs, accounts, providerIndex, () => waiter?.());
  try {
    // 1. The jobs, each waiting for its committee (no draw when the pool is the committee).
    let first = 0;
    for (let k = 0; k < jobCount; k += 1) {
      report({ phase: 'jobs', done: k, total: jobCount });
      const { jobId } = await createJob(api, signer, {
        committeeSize: n, threshold: t, dimension: d, decimals: 0, inputWindow: window, maxInputs: shares[k], minInputs: 1, metadata: `load ${k + 1}/${jobCount}`,
      });
      const range = [first, first + shares[k]];
      first += shares[k];
      const expected = Array.from({ length: d }, (_, l) => {
        let s = 0n;
        for (let i = range[0]; i < range[1]; i += 1) s += providerValue(i, l);
        return s;
      });
      const entry = { jobId, range, expected };
      jobs.set(jobId, entry);
      perJob.push(entry);
    }
    report({ phase: 'jobs', done: jobCount, total: jobCount });

    // The committees, read once per job in one block state with the job (as submitInput does),
    // the best block's; read again at the next best block if a reorganisation discarded it.
    for (let attempt = 1; ; attempt += 1) {
      const at = (await api.rpc.chain.getBlockHash()).toHex();
      try {
        const state = await api.at(at);
        for (const job of perJob) {
          const { keys, digest } = await getCommittee(state, job.jobId);
          const stored = await getJob(state, job.jobId);
          if (digest === null) throw new MpcError('NotDrawn', `job ${job.jobId} has no committee in block ${at}`);
          if (toHex(digest) !== stored.committeeDigest) throw new MpcError('CommitteeChanged', `job ${job.jobId}: the committee read does not have the digest the job stores`);
          job.keys = keys;
          job.digest = digest;
        }
        break;
      } catch (e) {
        if (attempt >= SUBMIT_ATTEMPTS || e instanceof MpcError || !PASSING.test(String(e?.message ?? e))) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    endPhase('jobs');

    // 2. Funding: consecutive nonces of the signer, unwatched, then wait until they landed.
    const refusedReasons = {};
    const refuse = (e) => {
      const why = String(e?.message ?? e).replace(/^\d+: /, '').slice(0, 200);
      refusedReasons[why] = (refusedReasons[why] ?? 0) + 1;
    };
    let fundingRefused = 0;
    const stats = { poolFull: 0 };
    let retried = 0;
    let resent = 0;
    let nonce0 = null;
    const transfer = (i, k) => api.tx.balances.transferKeepAlive(providers[i].address, amount).signAsync(signer, { nonce: nonce0 + k, era: 0 });
    if (toFund.length > 0) {
      nonce0 = (await api.rpc.system.accountNextIndex(signerAddress)).toNumber();
      let sent = 0;
      const landedTransfers = async () => (await api.query.system.account(signerAddress)).nonce.toNumber() - nonce0;
      const fundingGate = pendingGate(pending, landedTransfers, () => fundingRefused > 0);
      await inFlight(toFund, concurrency, async (i, k) => {
        await fundingGate(k);
        try {
          retried += await submitRetrying(api, () => transfer(i, k), stats);
        } catch (e) {
          fundingRefused += 1;
          refuse(e);
        }
        sent += 1;
        if (sent % 100 === 0) report({ phase: 'funding', done: sent, total: toFund.length });
      });
      if (fundingRefused > 0) {
        throw new MpcError('FundingRefused', `the node refused ${fundingRefused} of ${toFund.length} funding transfers: ${JSON.stringify(refusedReasons)}`);
      }
    }
    endPhase('funding');

    // Until the signer's nonce says every transfer is in a block.
    let fundingResends = 0;
    if (toFund.length > 0) {
      const target = nonce0 + toFund.length;
      let best = -1;
      let lastMove = null;
      await everyBlock(api, o.timeoutMs, () => new MpcError('Timeout', `the funding did not land within ${o.timeoutMs} ms`), async (block) => {
        const nonce = (await api.query.system.account(signerAddress)).nonce.toNumber();
        if (nonce >= target) return true;
        if (block === undefined) return undefined;
        if (nonce > best) {
          best = nonce;
          lastMove = block;
        }
        report({ phase: 'funded', done: Math.max(0, nonce - nonce0), total: toFund.length, block });
        // Stuck at a nonce: the transfers from it on are signed afresh (a new signature, so a
        // new hash, should the pool have banned the old one) and sent again.
        const stuck = block - lastMove;
        if (stuck >= RESEND_BLOCKS && stuck < STALL_BLOCKS && fundingResends < RESENDS) {
          fundingResends += 1;
          lastMove = block;
          const from = nonce - nonce0;
          const again = await resend(api, toFund.slice(from), concurrency, (i, j) => transfer(i, from + j), stats);
          retried += again.retried;
          resent += again.resent;
          return undefined;
        }
        if (stuck > STALL_BLOCKS) {
          throw new MpcError('FundingStalled', `${nonce - nonce0} of ${toFund.length} funding transfers landed, none in the last ${STALL_BLOCKS} blocks (one was dropped?)`);
        }
        return undefined;
      });
    }
    const funded = await readAccounts(api, providers.map((p) => p.address));
    const poor = funded.findIndex((a) => a.free - a.frozen < amount);
    if (poor >= 0) throw new MpcError('FundingMissing', `provider ${poor} (${providers[poor].address}) holds ${funded[poor].free}, less than ${amount}`);
    endPhase('funded');

    // 3. Dealing, timed alone (after the funding: the node is quieter, and the figure is the
    // dealer's). The event loop gets a turn now and then, so that the blocks are still followed.
    const dealt = new Array(N);
    let dealMs = 0;
    for (const job of perJob) {
      for (let i = job.range[0]; i < job.range[1]; i += 1) {
        const p = params(job, i);
        const t0 = performance.now();
        dealt[i] = dealFn(p);
        dealMs += performance.now() - t0;
        if (i % 100 === 0) {
          report({ phase: 'dealing', done: i, total: N });
          await new Promise((r) => setImmediate(r));
        }
      }
    }
    report({ phase: 'dealing', done: N, total: N });
    endPhase('dealing');

    // Signing, each provider with its next nonce (0 for a fresh account), immortal: a run of
    // thousands may wait in the pool longer than a mortal transaction's default era.
    const signStart = performance.now();
    const signed = new Array(N);
    const sign = (job, i, nonce) => submitInputTx(api, job.jobId, job.digest, dealt[i].submission, dealt[i].validity).signAsync(providers[i], { nonce, era: 0 });
    for (const job of perJob) {
      for (let i = job.range[0]; i < job.range[1]; i += 1) {
        signed[i] = await sign(job, i, funded[i].nonce);
        if (i % 250 === 0) {
          report({ phase: 'signing', done: i, total: N });
          // A turn for the event loop: the blocks are still followed, and the node, whose
          // notifications would otherwise pile up unread, keeps the connection open.
          await new Promise((r) => setImmediate(r));
        }
      }
    }
    const signSeconds = (performance.now() - signStart) / 1000;
    endPhase('signing');

    // 4. Submitting, unwatched.
    let refused = 0;
    let submitted = 0;
    const submitStart = performance.now();
    const jobOf = new Array(N);
    for (const job of perJob) for (let i = job.range[0]; i < job.range[1]; i += 1) jobOf[i] = job;
    // Settled: in a block (accepted or failed, from the finalized blocks followed: a block or
    // two behind the best) or refused by the pool.
    const settledInputs = async () => refused + follower.blocks.reduce((a, b) => a + b.inputs + b.failedByLoad, 0);
    const inputGate = pendingGate(pending, settledInputs, () => Boolean(follower.failure));
    await inFlight(signed, concurrency, async (tx, i) => {
      await inputGate(i);
      // The transaction signed above first; a retry signs afresh.
      let first = tx;
      const next = () => {
        const x = first ?? sign(jobOf[i], i, funded[i].nonce);
        first = null;
        return x;
      };
      try {
        retried += await submitRetrying(api, next, stats);
      } catch (e) {
        refused += 1;
        refuse(e);
      }
      submitted += 1;
      if (submitted % 100 === 0) report({ phase: 'submitting', done: submitted, total: N });
    });
    const submitSeconds = (performance.now() - submitStart) / 1000;
    signed.fill(null);
    endPhase('submitting');

    // Inputs that do not land (accepted stops growing for RESEND_BLOCKS blocks while some are
    // missing): the providers whose nonce has not moved sign theirs afresh and send them again.
    let progress = { accepted: 0, block: null };
    let inputResends = 0;
    let resending = false;
    const resendInputs = async () => {
      const now = await readAccounts(api, providers.map((p) => p.address));
      const missing = [];
      for (let i = 0; i < N; i += 1) if (now[i].nonce === funded[i].nonce) missing.push(i);
      const again = await resend(api, missing, concurrency, (i) => sign(jobOf[i], i, funded[i].nonce), stats);
      retried += again.retried;
      resent += again.resent;
    };

    // 5. Every job closes once it has all its inputs, then computes; wait for each outcome.
    const outcome = () => {
      const done = new Set();
      for (const b of follower.blocks) {
        for (const c of b.completed) done.add(c.jobId);
        for (const f of b.jobFailed) done.add(f.jobId);
      }
      return done;
    };
    let timedOut = false;
    try {
      await untilBlocks(register, () => {
        if (follower.failure) throw follower.failure;
        const tip = follower.blocks.length ? follower.blocks[follower.blocks.length - 1] : null;
        const accepted = follower.blocks.reduce((a, b) => a + b.inputs, 0);
        if (tip && (accepted > progress.accepted || progress.block === null)) {
          progress = { accepted, block: tip.number };
        } else if (tip && accepted < N && !resending && inputResends < RESENDS && tip.number - progress.block >= RESEND_BLOCKS) {
          inputResends += 1;
          resending = true;
          progress = { accepted, block: tip.number };
          resendInputs().finally(() => {
            resending = false;
          });
        }
        const done = outcome();
        report({ phase: 'waiting', done: done.size, total: jobCount, inputs: accepted, block: tip?.number });
        return done.size === jobCount;
      }, o.timeoutMs, () => new MpcError('Timeout', 'not every job ended in time'));
    } catch (e) {
      if (!(e instanceof MpcError && e.errorName === 'Timeout')) throw e;
      timedOut = true;
    }
    await follower.drain();
    follower.stop();
    // A job whose JobCompleted event was not seen (the wait timed out just before its block was
    // read) may have its result stored already: the Results entry, in its `completed` block.
    const seen = outcome();
    for (const job of perJob) {
      if (seen.has(String(job.jobId))) continue;
      const stored = await api.query.mpc.results(job.jobId);
      const now = await getJob(api, job.jobId);
      if (stored.isSome && now?.timeline.completed !== null) {
        job.stored = { sums: stored.unwrap().sums.map((v) => (v.isSome ? v.unwrap().toBigInt() : null)), block: now.timeline.completed };
      }
    }
    endPhase('waiting');
    return figures({
      o, N, n, t, d, window, jobCount, perJob, blocks: follower.blocks, dealer: prover ? 'wasm' : 'js',
      dealMsPerInput: dealMs / N, signSeconds, submitSeconds, submitted, refused, refusedReasons, retried, resent, poolFull: stats.poolFull, timedOut, started, phaseSeconds,
    });
  } finally {
    follower.stop();
  }
}

/** Free, frozen (BigInt) and nonce (number) of each address, read in chunks. */
async function readAccounts(api, addresses) {
  const out = [];
  for (let k = 0; k < addresses.length; k += 500) {
    const chunk = await api.query.system.account.multi(addresses.slice(k, k + 500));
    for (const a of chunk) out.push({ free: a.data.free.toBigInt(), frozen: a.data.frozen.toBigInt(), nonce: a.nonce.toNumber() });
  }
  return out;
}

/** The figures of a run from the blocks it observed. */
/**
 * The figures of a run from the blocks followed (exported for its unit test, not part of the
 * client's API: `src/index.js` does not re-export it).
 */
export function figures({
  o, N, n, t, d, window, jobCount, perJob, blocks, dealer, dealMsPerInput, signSeconds, submitSeconds, submitted, refused, refusedReasons, retried, resent, poolFull = 0, timedOut, started, phaseSeconds,
}) {
  const withInputs = blocks.filter((b) => b.inputs > 0);
  const accepted = withInputs.reduce((a, b) => a + b.inputs, 0);
  const failedErrors = {};
  for (const b of blocks) for (const [k, v] of Object.entries(b.failedErrors)) failedErrors[k] = (failedErrors[k] ?? 0) + v;
  let slotsMissed = 0;
  for (let k = 1; k < blocks.length; k += 1) {
    const [a, b] = [blocks[k - 1], blocks[k]];
    if (a.slot !== null && b.slot !== null && b.number === a.number + 1) slotsMissed += Math.max(0, b.slot - a.slot - 1);
  }
  const byNumber = new Map(blocks.map((b) => [b.number, b]));
  const findBlock = (pick) => blocks.find(pick) ?? null;
  const sumOut = (sums) => (sums === null ? null : d === 1 ? String(sums[0]) : sums.map(String));
  const jobs = perJob.map((job) => {
    const key = String(job.jobId);
    const inputs = blocks.reduce((a, b) => a + (b.inputsByJob[key] ?? 0), 0);
    const closed = findBlock((b) => b.closed.includes(key));
    const computing = findBlock((b) => b.computing.includes(key));
    const completed = findBlock((b) => b.completed.some((c) => c.jobId === key));
    const failed = findBlock((b) => b.jobFailed.some((f) => f.jobId === key));
    const sums = completed ? completed.completed.find((c) => c.jobId === key).sums : job.stored?.sums ?? null;
    // The sum of what landed (all of the job's inputs, unless some were refused or lost).
    const landed = blocks.flatMap((b) => b.landed[key] ?? []);
    const expected = landed.length === job.range[1] - job.range[0]
      ? job.expected
      : Array.from({ length: d }, (_, l) => landed.reduce((a, i) => a + providerValue(i, l), 0n));
    const exact = sums !== null && sums.length === d && sums.every((s, l) => s === expected[l]);
    const resultBlock = completed?.number ?? job.stored?.block ?? null;
    const closedBlock = closed?.number ?? null;
    const seconds = (from, to) => (byNumber.has(from) && byNumber.has(to) ? (byNumber.get(to).timestamp - byNumber.get(from).timestamp) / 1000 : null);
    const span = resultBlock !== null && closedBlock !== null
      ? { blocks: resultBlock - closedBlock, seconds: seconds(closedBlock, resultBlock) }
      : { blocks: null, seconds: null };
    return {
      jobId: key,
      maxInputs: job.range[1] - job.range[0],
      inputs,
      inputsClosedBlock: closedBlock,
      computingStartedBlock: computing?.number ?? null,
      resultBlock,
      windowEndToResult: span,
      sumExpected: sumOut(expected),
      sumOnChain: sumOut(sums),
      exact,
      ...(failed && { failed: failed.jobFailed.find((f) => f.jobId === key).reason }),
    };
  });
  const result = {
    inputs: N,
    jobs: jobCount,
    committee: n,
    threshold: t,
    dimension: d,
    window,
    concurrency: Number(o.concurrency),
    pending: Number(o.pending ?? DEFAULTS.pending),
    dealer,
    dealMsPerInput: round3(dealMsPerInput),
    signSeconds: round3(signSeconds),
    submitSeconds: round3(submitSeconds),
    submitted,
    refused,
    refusedReasons,
    retried,
    resent,
    poolFull,
    accepted,
    failedExtrinsics: blocks.reduce((a, b) => a + b.failed, 0),
    failedByLoad: blocks.reduce((a, b) => a + b.failedByLoad, 0),
    failedErrors,
    inputsPerBlock: {
      max: withInputs.reduce((a, b) => Math.max(a, b.inputs), 0),
      mean: withInputs.length ? round3(accepted / withInputs.length) : 0,
      blocks: withInputs.length,
    },
    perJob: jobs,
    slotsMissed,
    maxFinalityLag: blocks.reduce((a, b) => (b.lag === null ? a : Math.max(a, b.lag)), 0),
    outputsExact: jobs.every((j) => j.exact),
    blocksObserved: blocks.length,
    firstBlock: blocks[0]?.number ?? null,
    lastBlock: blocks[blocks.length - 1]?.number ?? null,
    timedOut,
    phaseSeconds,
    wallSeconds: round3((performance.now() - started) / 1000),
  };
  if (o.perBlock) {
    result.perBlock = blocks.map((b) => ({ number: b.number, slot: b.slot, timestamp: b.timestamp, inputs: b.inputs, failed: b.failed, lag: b.lag }));
  }
  return result;
}
