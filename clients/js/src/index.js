// @substrate-mpc/client: create MPC jobs, submit private inputs and read verified results on a
// substrate-mpc chain with @polkadot/api. The caller passes an ApiPromise and a signer (a
// keyring pair, or an address with an injected extension signer set on the api).
//
// Dealing (PROTOCOL.md section 5) happens here, in the caller's process: the committee's keys
// come from the chain, the randomness from the platform's CSPRNG, and the plaintext values never
// leave this module unencrypted.

import { decodeAddress } from '@polkadot/util-crypto';
import {
  deal, fromHex, toHex, parseDecimal, formatDecimal, verifyOutput, scalarFromBytes,
  pointFromBytes, floorDiv, fitsI128, ProtocolError,
} from './protocol.js';

export * from './protocol.js';

/** An error from the chain, named after the pallet error (`Mpc.InputWindowClosed`, ...). */
export class MpcError extends Error {
  constructor(name, docs) {
    super(docs ? `${name}: ${docs}` : name);
    this.name = 'MpcError';
    this.errorName = name;
  }
}

const bytes = (codec) => (codec.toU8a ? codec.toU8a(true) : fromHex(String(codec)));

function decodeDispatchError(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    const section = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
    return new MpcError(`${section}.${meta.name}`, meta.docs.join(' '));
  }
  return new MpcError(dispatchError.toString());
}

/**
 * Signs and sends `tx`, resolving with the block hash and events once it is in a block.
 * `options` go to `signAndSend` (e.g. `{ nonce }` to send several transactions of one account
 * at once).
 */
export function send(api, signer, tx, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsub();
        reject(decodeDispatchError(api, dispatchError));
      } else if (status.isInBlock) {
        unsub();
        resolve({ blockHash: status.asInBlock.toHex(), events });
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsub();
        reject(new MpcError(`Transaction ${status.type}`));
      }
    })
      .then((u) => {
        unsub = u;
      })
      .catch(reject);
  });
}

/**
 * Creates a job. `spec`: `{ committeeSize, threshold, dimension, decimals, inputWindow,
 * maxInputs, minInputs = 1, allowedProviders = null, metadata = '', rewardPerWorker }`.
 * Resolves with `{ jobId, committee }`.
 */
export async function createJob(api, signer, spec) {
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
    rewardPerWorker: spec.rewardPerWorker ?? 0,
  });
  const { events } = await send(api, signer, tx);
  const created = events.find(({ event }) => api.events.mpc.JobCreated.is(event));
  if (!created) throw new MpcError('Mpc.JobCreated event missing');
  const jobId = created.event.data.jobId.toBigInt();
  return { jobId, committee: created.event.data.committee.map((a) => a.toString()) };
}

const blockOrNull = (b) => (b.isSome ? b.unwrap().toNumber() : null);

/** A job: shape, phase, deadline, counts, the block each phase ended (or `null`). */
export async function getJob(api, jobId) {
  const job = await api.query.mpc.jobs(jobId);
  if (job.isNone) return null;
  const j = job.unwrap();
  const t = j.timeline;
  return {
    owner: j.owner.toString(),
    n: j.shape.n.toNumber(),
    t: j.shape.t.toNumber(),
    d: j.shape.d.toNumber(),
    decimals: j.decimals.toNumber(),
    phase: j.phase.type,
    deadline: j.deadline.toNumber(),
    maxInputs: j.maxInputs.toNumber(),
    inputCount: j.inputCount.toNumber(),
    qualifiedCount: j.qualifiedCount.toNumber(),
    settled: j.settled.isTrue,
    timeline: {
      created: t.created.toNumber(),
      inputsClosed: blockOrNull(t.inputsClosed),
      computingStarted: blockOrNull(t.computingStarted),
      completed: blockOrNull(t.completed),
      ended: blockOrNull(t.ended),
    },
  };
}

/** The committee's encryption keys in order (32 bytes each). */
export async function getCommitteeKeys(api, jobId) {
  const members = await api.query.mpc.committees(jobId);
  return members.map((m) => bytes(m.key));
}

function toValues(values, decimals) {
  return values.map((v) => (typeof v === 'string' ? parseDecimal(v, decimals) : BigInt(v)));
}

/**
 * Deals and submits a private input: `values` as BigInt or decimal strings (`"4250.75"`, with
 * the job's decimals), one per dimension.
 */
export async function submitInput(api, signer, jobId, values) {
  const job = await getJob(api, jobId);
  if (!job) throw new MpcError('Mpc.UnknownJob');
  if (values.length !== job.d) {
    throw new ProtocolError('dimension', `the job takes ${job.d} values, got ${values.length}`);
  }
  const keys = await getCommitteeKeys(api, jobId);
  const address = typeof signer === 'string' ? signer : signer.address;
  const submission = deal({
    genesis: api.genesisHash.toU8a(),
    jobId: BigInt(jobId),
    provider: decodeAddress(address),
    keys,
    t: job.t,
    values: toValues(values, job.decimals),
  });
  // Hex, not Uint8Array: @polkadot/api reads a Uint8Array given for `Bytes` as already
  // length-prefixed.
  const hex = (b) => `0x${toHex(b)}`;
  const tx = api.tx.mpc.submitInput(
    jobId,
    hex(submission.ephemeralKey),
    hex(submission.proof),
    submission.commitments.map(hex),
    submission.ciphertexts.map(hex),
  );
  return send(api, signer, tx);
}

// A Struct is a Map in @polkadot/types: fields named like Map methods (`values`) need `get`.
const field = (struct, name) => struct.get(name);

function plainResult(r, decimals) {
  const values = field(r, 'values').map((v) => (v.isSome ? v.unwrap().toBigInt() : null));
  const means = r.means.map((v) => (v.isSome ? v.unwrap().toBigInt() : null));
  return {
    values,
    means,
    qualifiedInputs: r.qualifiedInputs.toNumber(),
    decimals,
    formatted: values.map((v) => (v === null ? 'overflow' : formatDecimal(v, decimals))),
    formattedMeans: means.map((v) => (v === null ? 'overflow' : formatDecimal(v, decimals))),
  };
}

/**
 * Waits for a job's verified result; `onProgress({ block, phase, inputs })` is called on every
 * new block. Rejects when the job fails or `timeoutMs` passes.
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
          onProgress?.({ block: header.number.toNumber(), phase: job.phase, inputs: job.inputCount });
          if (job.phase === 'Failed' || job.phase === 'Cancelled') {
            return finish(reject, new MpcError(`Job${job.phase}`, `job ${jobId} ended without a result`));
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
    committee: r.committee.map((m) => ({ account: m.account.toString(), key: toHex(bytes(m.key)) })),
    inputCount: r.inputCount.toNumber(),
    inputsDigest: toHex(bytes(r.inputsDigest)),
    disqualified: r.disqualified.map((i) => i.toNumber()),
    aggregate: r.aggregate.map((c) => toHex(bytes(c))),
    resultShares: r.resultShares.map(([i, s]) => ({
      index: i.toNumber(),
      values: field(s, 'values').map((v) => toHex(bytes(v))),
      blinding: toHex(bytes(s.blinding)),
    })),
    result: {
      ...plainResult(r.result, r.result.decimals.toNumber()),
      output: r.result.output.map((v) => toHex(bytes(v))),
      reconstructedFrom: r.result.reconstructedFrom.map((i) => i.toNumber()),
    },
  };
}

/**
 * Re-verifies a record from {@link getRecord} with this package's own implementation of the
 * protocol: the `t + 1` result shares against the aggregate commitments, the reconstruction,
 * the output check, and that the decoded output and means are the ones the chain stored.
 * Returns `{ valid, values, reason }`.
 */
export function verifyRecord(record) {
  try {
    const shares = record.result.reconstructedFrom.map((index) => {
      const s = record.resultShares.find((x) => x.index === index);
      if (!s) throw new ProtocolError('record', `share of worker ${index} missing`);
      return {
        index,
        values: s.values.map((v) => scalarFromBytes(fromHex(v))),
        blinding: scalarFromBytes(fromHex(s.blinding)),
      };
    });
    const aggregate = record.aggregate.map((c) => pointFromBytes(fromHex(c)));
    const out = verifyOutput({ d: record.d, aggregate, shares });
    out.values.forEach((v, l) => {
      const stored = record.result.values[l];
      if ((fitsI128(v) ? v : null) !== stored) throw new ProtocolError('record', `value ${l} differs`);
      const mean = floorDiv(v, record.result.qualifiedInputs);
      if ((fitsI128(mean) ? mean : null) !== record.result.means[l]) {
        throw new ProtocolError('record', `mean ${l} differs`);
      }
    });
    return { valid: true, values: out.values };
  } catch (e) {
    return { valid: false, reason: e.message };
  }
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
