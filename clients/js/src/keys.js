// Threshold keys (PROTOCOL.md section 14): Ed25519 keys that a committee of workers holds and
// nobody holds alone, made by FROST's DKG through the chain, and signatures by `t + 1` of their
// members, every share checked by the chain. The caller asks for a key, asks it to sign, reads
// the signature, and checks it as an ordinary Ed25519 signature (RFC 8032) by the group key `Y`,
// whose 32 bytes are also the key's account.

import { decodeAddress, ed25519Verify } from '@polkadot/util-crypto';
import { fromHex, toHex, ProtocolError } from './protocol.js';
import { MpcError, send, everyBlock, unexpectedMetadata } from './tx.js';

const bytes = (codec) => (codec.toU8a ? codec.toU8a(true) : fromHex(String(codec)));
const hex = (codec) => toHex(bytes(codec));
const utf8 = new TextEncoder();

/** The key statuses (the pallet's `KeyStatus` variant names). */
export const KEY_STATUSES = Object.freeze(['Drawing', 'Generating', 'Active', 'Expired', 'Failed']);

/** The states of a signing request (the pallet's `SignState` variant names). */
export const SIGN_STATES = Object.freeze(['Open', 'Signed', 'Failed']);

/** `api.tx.mpc[name]`, or an `UnexpectedMetadata` error (a chain without threshold keys). */
function keyCall(api, name) {
  const call = api.tx.mpc[name];
  if (!call) throw unexpectedMetadata(`the chain has no mpc.${name} call (no threshold keys)`);
  return call;
}

/** The `mpc.<name>` event of an extrinsic's events, or an error naming the extrinsic. */
function eventOf(api, events, name, extrinsic) {
  const decoration = api.events.mpc[name];
  if (!decoration) throw unexpectedMetadata(`the chain has no mpc.${name} event`);
  const found = events.find(({ event }) => decoration.is(event));
  if (!found) throw new MpcError(`No${name}Event`, `the ${extrinsic} extrinsic emitted no mpc.${name} event`);
  return found.event.data;
}

/**
 * A message to sign as bytes: a `Uint8Array` as it is; a string that is `0x` followed by hex as
 * those bytes; any other string as its UTF-8 text (the text `0x12` goes as bytes, UTF-8
 * encoded by the caller). Throws a `ProtocolError` (code `'message'`) for anything else.
 */
export function keyMessage(message) {
  if (message instanceof Uint8Array) return message;
  if (typeof message !== 'string') throw new ProtocolError('message', 'a message is bytes (a Uint8Array), 0x-prefixed hex or text');
  if (/^0x([0-9a-fA-F]{2})*$/.test(message)) return fromHex(message);
  return utf8.encode(message);
}

/**
 * A group key `Y` as its 32 bytes, from 32 bytes, 64 hex digits (with or without `0x`), or the
 * key's account (SS58: the same 32 bytes). Throws a `ProtocolError` (code `'key'`).
 */
export function groupKeyBytes(groupKey) {
  if (groupKey instanceof Uint8Array) {
    if (groupKey.length !== 32) throw new ProtocolError('key', `a group key is 32 bytes, got ${groupKey.length}`);
    return groupKey;
  }
  if (typeof groupKey === 'string') {
    if (/^(0x)?[0-9a-fA-F]{64}$/.test(groupKey)) return fromHex(groupKey);
    try {
      const account = decodeAddress(groupKey);
      if (account.length === 32) return account;
    } catch {
      // not an address either
    }
  }
  throw new ProtocolError('key', `not a group key: ${String(groupKey)} (32 bytes, 64 hex digits, or the key's SS58 account)`);
}

/** A signature as its 64 bytes, from bytes or 128 hex digits (with or without `0x`). */
function signatureBytes(signature) {
  const sig = typeof signature === 'string' && /^(0x)?([0-9a-fA-F]{2})*$/.test(signature) ? fromHex(signature) : signature;
  if (!(sig instanceof Uint8Array) || sig.length !== 64) {
    throw new ProtocolError('signature', 'a signature is 64 bytes (R || z), or 128 hex digits');
  }
  return sig;
}

/**
 * Whether `signature` (64 bytes or hex) is a valid Ed25519 signature (RFC 8032) of `message`
 * (as {@link keyMessage} reads it) by the group key `groupKey` ({@link groupKeyBytes}: bytes,
 * hex or the key's SS58 account): what a key's signature is (PROTOCOL.md section 14.6), checked
 * here with `@polkadot/util-crypto`'s `ed25519Verify`, as any verifier of Ed25519 would. Returns
 * `false` for a signature that does not verify; throws a `ProtocolError` (codes `'key'`,
 * `'signature'`, `'message'`) for an argument of the wrong form.
 */
export function verifyKeySignature(groupKey, message, signature) {
  return ed25519Verify(keyMessage(message), signatureBytes(signature), groupKeyBytes(groupKey));
}

/**
 * Asks for a threshold key of `size` workers, any `threshold + 1` of whom sign together
 * (`1 <= threshold < size`), with `mpc.createKey` (PROTOCOL.md section 14.8). The signer owns
 * the key: it alone asks it to sign. It pays `api.consts.mpc.keyFee` (and
 * `api.consts.mpc.roundRequestFee` when the committee is drawn from a larger pool) and holds a
 * storage deposit until it removes the key ({@link removeKey}). With exactly `size` workers in
 * the pool the DKG starts at once; with more, the key waits in `Drawing` for a beacon round.
 * Resolves with the key's id (BigInt, from `mpc.KeyRequested`); {@link waitForKey} waits for
 * it. Arguments that are not whole numbers (u32) throw a `ProtocolError` (code `'key'`) before
 * anything is sent. Rejects with the chain's error: `Mpc.InvalidThreshold`, `Mpc.CommitteeTooLarge`,
 * `Mpc.NotEnoughWorkers`, `Mpc.TooManyPendingKeys`, `Mpc.InsufficientBalance`, ...
 */
export async function createKey(api, signer, { size, threshold } = {}) {
  for (const [name, v] of [['size', size], ['threshold', threshold]]) {
    if (!Number.isSafeInteger(v) || v < 0 || v > 0xffffffff) {
      throw new ProtocolError('key', `createKey(api, signer, { size, threshold }): ${name} is a whole number below 2^32, not ${String(v)}`);
    }
  }
  const { events } = await send(api, signer, keyCall(api, 'createKey')(size, threshold));
  return eventOf(api, events, 'KeyRequested', 'create_key').key.toBigInt();
}

/** A stored key committee as `[{ account, key }]`: SS58 accounts, encryption keys `E_i` as hex. */
const plainMembers = (members) => members.map((m) => ({ account: m.account.toString(), key: hex(m.key) }));

/**
 * Threshold key `keyId` as plain data, or `null` when the chain does not store it (never
 * created, or removed): `{ id, owner, threshold, size, deposit, created, openRequests, status,
 * ... }`, `status` the pallet's `KeyStatus` variant (`Drawing`, `Generating`, `Active`,
 * `Expired`, `Failed`), with the fields of every status (`null`, or `[]` for lists, when not of the key's):
 * `drawRound`, `candidates` (`Drawing`: the beacon round that draws the committee, the pool at
 * the request), `until` (`Drawing`: the block by which it is drawn; `Generating`: the block the
 * step ends or times out in), `attempt` (`Generating`, `Active`: the DKG attempt that made it),
 * `members` (`[{ account, key }]` in order, member `i` at `members[i - 1]`: the attempt's, or
 * for an `Active` key the committee that made it, whose identifiers `i` stay the members' for
 * the key's life), `step` (`'Round1'`, `'Round2'` or `'Complaints'`), `opened` and `posted`
 * (the members that posted in the step; in `Complaints` those that confirmed their shares), and for an `Active` key `groupKey` (`Y`, hex),
 * `account` (the SS58 account whose 32 bytes are `Y`), `ids` (the identifiers of the members
 * that hold shares now, increasing: all of `1..n` until a refresh leaves some out, PROTOCOL.md
 * section 14.10), `verifyingShares` (their `Y_i`, hex, in the order of `ids`), `digest` (hex),
 * `activated` (its block), `epoch` (the number of completed refreshes), `epochStart` (the
 * epoch's first block) and `refreshing` (the attempt of the refresh running, or `null`);
 * `groupKey`, `account` and `expiredAt` for an `Expired` key (it lived its last epoch and
 * signs no more); `failedAt` (`Failed`: its block). Hex without `0x`.
 * `api` may be decorated at a past block (`await api.at(hash)`).
 */
export async function thresholdKey(api, keyId) {
  if (!api.query.mpc.thresholdKeys) throw unexpectedMetadata('the chain has no mpc.thresholdKeys storage (no threshold keys)');
  const id = BigInt(keyId);
  const raw = await api.query.mpc.thresholdKeys(id);
  if (raw.isNone) return null;
  const k = raw.unwrap();
  const s = k.status;
  const key = {
    id,
    owner: k.owner.toString(),
    threshold: k.threshold.toNumber(),
    // `size` is a Map's own property: polkadot.js names the field `size_`.
    size: (k.size_ ?? k.get('size')).toNumber(),
    deposit: k.deposit.toBigInt(),
    created: k.created.toNumber(),
    openRequests: k.openRequests.toNumber(),
    status: s.type,
    drawRound: null,
    candidates: [],
    until: null,
    attempt: null,
    members: [],
    step: null,
    opened: null,
    posted: [],
    groupKey: null,
    account: null,
    ids: [],
    verifyingShares: [],
    digest: null,
    activated: null,
    epoch: null,
    epochStart: null,
    refreshing: null,
    expiredAt: null,
    failedAt: null,
  };
  if (s.isDrawing) {
    const d = s.asDrawing;
    Object.assign(key, { drawRound: d.round.toNumber(), candidates: d.candidates.map((a) => a.toString()), until: d.until.toNumber() });
  } else if (s.isGenerating) {
    const g = s.asGenerating;
    Object.assign(key, {
      attempt: g.attempt.toNumber(),
      members: plainMembers(g.members),
      step: g.step.type,
      opened: g.opened.toNumber(),
      until: g.until.toNumber(),
      posted: g.posted.map(([member]) => member.toNumber()),
    });
  } else if (s.isActive) {
    const a = s.asActive;
    const y = bytes(a.groupKey);
    Object.assign(key, {
      attempt: a.attempt.toNumber(),
      members: plainMembers(a.members),
      groupKey: toHex(y),
      account: api.registry.createType('AccountId32', y).toString(),
      ids: a.ids.map((i) => i.toNumber()),
      verifyingShares: a.verifyingShares.map(hex),
      digest: hex(a.digest),
      activated: a.activated.toNumber(),
      epoch: a.refreshes.length,
      epochStart: a.epochStart.toNumber(),
      refreshing: a.refreshing.isSome ? a.refreshing.unwrap().toNumber() : null,
    });
  } else if (s.isExpired) {
    const e = s.asExpired;
    const y = bytes(e.groupKey);
    Object.assign(key, {
      groupKey: toHex(y),
      account: api.registry.createType('AccountId32', y).toString(),
      expiredAt: e.at.toNumber(),
    });
  } else if (s.isFailed) {
    key.failedAt = s.asFailed.at.toNumber();
  }
  return key;
}

/**
 * Waits until key `keyId` is `Active` and resolves with it ({@link thresholdKey}); at once if
 * it is. Rejects with `MpcError('KeyFailed')` when it failed (no committee drawn, too few
 * members left, or too many attempts), `Mpc.UnknownKey` (not stored: never created, or removed)
 * and `Timeout` after `timeoutMs`. `onProgress({ block, status, attempt, step })` on every new
 * block. On the dev chain a key of the five dev workers is made some 6 blocks after its request.
 */
export async function waitForKey(api, keyId, { timeoutMs = 180_000, onProgress } = {}) {
  const id = BigInt(keyId);
  const timeout = () => new MpcError('Timeout', `key ${id} was not made within ${timeoutMs} ms`);
  return everyBlock(api, timeoutMs, timeout, async (block) => {
    const key = await thresholdKey(api, id);
    if (!key) throw new MpcError('Mpc.UnknownKey', `key ${id} is not stored (never created, or removed)`);
    if (block !== undefined) onProgress?.({ block, status: key.status, attempt: key.attempt, step: key.step });
    if (key.status === 'Failed') throw new MpcError('KeyFailed', `key ${id} failed in block ${key.failedAt}: no committee, too few members left, or too many attempts`);
    return key.status === 'Active' ? key : undefined;
  });
}

/**
 * The key's owner asks key `keyId` to sign `message` (bytes, `0x` hex or text:
 * {@link keyMessage}) with `mpc.requestSignature` (PROTOCOL.md sections 14.6, 14.8), paying
 * `api.consts.mpc.signFee` and holding the request's storage deposit until it removes the
 * ended request ({@link removeSignature}). Resolves with the request's id (BigInt, from
 * `mpc.SignatureRequested`); {@link waitForSignature} waits for the signature. A message longer
 * than `api.consts.mpc.maxSignMessage` bytes throws a `ProtocolError` (code `'message'`) before
 * anything is sent. Rejects with the chain's error: `Mpc.UnknownKey`, `Mpc.NotKeyOwner` (only
 * the owner asks), `Mpc.KeyNotActive`, `Mpc.TooManyOpenSignatures`, `Mpc.InsufficientBalance`.
 */
export async function requestSignature(api, signer, keyId, message) {
  const m = keyMessage(message);
  const max = api.consts.mpc.maxSignMessage?.toNumber();
  if (max !== undefined && m.length > max) {
    throw new ProtocolError('message', `the message is ${m.length} bytes; the chain signs at most ${max}`);
  }
  // As hex: @polkadot/api reads a Uint8Array given for `Bytes` as already length-prefixed.
  const { events } = await send(api, signer, keyCall(api, 'requestSignature')(BigInt(keyId), `0x${toHex(m)}`));
  return eventOf(api, events, 'SignatureRequested', 'request_signature').request.toBigInt();
}

/**
 * Signing request `requestId` as plain data, or `null` when the chain does not store it (never
 * made, or removed): `{ id, key, requester, message, deposit, deadline, attempt, excluded,
 * commitments, fixed, shares, state, signature, signedAt, failedAt }`. `message` is bytes;
 * `state` is `Open`, `Signed` or `Failed`; `signature` (64 bytes, `R || z`) and `signedAt`
 * (its block) are `null` until `Signed`, `failedAt` until `Failed`. The attempt's
 * `commitments` (`[{ member, hiding, binding }]`, hex, in arrival order: the first
 * `threshold + 1` are the signers') and valid `shares` (`[{ member, share }]`), the block the
 * signers were `fixed` in (or `null`), and the members `excluded` from the request.
 */
export async function signatureRequest(api, requestId) {
  if (!api.query.mpc.signRequests) throw unexpectedMetadata('the chain has no mpc.signRequests storage (no threshold keys)');
  const id = BigInt(requestId);
  const raw = await api.query.mpc.signRequests(id);
  if (raw.isNone) return null;
  const r = raw.unwrap();
  const { state } = r;
  return {
    id,
    key: r.key.toBigInt(),
    requester: r.requester.toString(),
    message: r.message.toU8a(true),
    deposit: r.deposit.toBigInt(),
    deadline: r.deadline.toNumber(),
    attempt: r.attempt.toNumber(),
    excluded: r.excluded.map((i) => i.toNumber()),
    commitments: r.commitments.map(([member, c]) => ({ member: member.toNumber(), hiding: hex(c.hiding), binding: hex(c.binding) })),
    fixed: r.fixed.isSome ? r.fixed.unwrap().toNumber() : null,
    shares: r.shares.map(([member, z]) => ({ member: member.toNumber(), share: hex(z) })),
    state: state.type,
    signature: state.isSigned ? bytes(state.asSigned.signature) : null,
    signedAt: state.isSigned ? state.asSigned.at.toNumber() : null,
    failedAt: state.isFailed ? state.asFailed.at.toNumber() : null,
  };
}

/**
 * Waits until signing request `requestId` is signed and resolves with its signature (64 bytes,
 * an Ed25519 signature by the key: {@link verifyKeySignature}); at once if it is. Rejects with
 * `MpcError('SignatureFailed')` when the request failed (too few members left, or its deadline
 * passed), `Mpc.UnknownSignRequest` (not stored) and `Timeout` after `timeoutMs`.
 * `onProgress({ block, state, attempt, commitments, shares })` on every new block.
 */
export async function waitForSignature(api, requestId, { timeoutMs = 120_000, onProgress } = {}) {
  const id = BigInt(requestId);
  const timeout = () => new MpcError('Timeout', `request ${id} was not signed within ${timeoutMs} ms`);
  return everyBlock(api, timeoutMs, timeout, async (block) => {
    const r = await signatureRequest(api, id);
    if (!r) throw new MpcError('Mpc.UnknownSignRequest', `signing request ${id} is not stored (never made, or removed)`);
    if (block !== undefined) onProgress?.({ block, state: r.state, attempt: r.attempt, commitments: r.commitments.length, shares: r.shares.length });
    if (r.state === 'Failed') throw new MpcError('SignatureFailed', `signing request ${id} failed in block ${r.failedAt}: too few members left, or its deadline passed`);
    return r.state === 'Signed' ? r.signature : undefined;
  });
}

/**
 * The owner removes key `keyId` (`mpc.removeKey`): an `Active` or `Failed` key without open
 * signing requests. Its deposit returns and its members can no longer sign with it. Resolves
 * with `{ blockHash }`; rejects with `Mpc.UnknownKey`, `Mpc.NotKeyOwner`, `Mpc.KeyNotEnded`
 * (still drawing or generating), `Mpc.KeyInUseBySignRequest` or `Mpc.RefreshInProgress`.
 */
export async function removeKey(api, signer, keyId) {
  const { blockHash, events } = await send(api, signer, keyCall(api, 'removeKey')(BigInt(keyId)));
  eventOf(api, events, 'KeyRemoved', 'remove_key');
  return { blockHash };
}

/**
 * Starts a refresh of key `keyId` (`mpc.refreshKey`, PROTOCOL.md section 14.10): the same key
 * `Y` and account, new shares for the same members, so that shares taken before are of no use
 * with the new ones. The owner may at any time; anyone once `api.consts.mpc.keyEpochLength`
 * blocks passed since the key's epoch started. A key is refreshed at most
 * `api.consts.mpc.maxKeyRefreshes` times. The refresh runs in the key's next attempts while the
 * key goes on signing under the old shares; {@link waitForRefresh} waits for it. Resolves with
 * `{ blockHash, attempt, members }`: the refresh's first attempt and its members (SS58), from
 * `mpc.KeyAttemptStarted`. Rejects with `Mpc.UnknownKey`, `Mpc.KeyNotActive`,
 * `Mpc.RefreshInProgress`, `Mpc.TooManyRefreshes`, `Mpc.EpochNotOver` (not the owner, and the
 * epoch is not over) or `Mpc.TooManyPendingKeys`.
 */
export async function refreshKey(api, signer, keyId) {
  const { blockHash, events } = await send(api, signer, keyCall(api, 'refreshKey')(BigInt(keyId)));
  eventOf(api, events, 'KeyRefreshStarted', 'refresh_key');
  return { blockHash, ...refreshAttempt(api, events, 'refresh_key') };
}

/**
 * A member of key `keyId` leaves it (`mpc.leaveKey`, PROTOCOL.md section 14.10): the key is
 * refreshed without it, so that once the refresh completes its share no longer counts and it
 * holds nothing of the key. The signer is the member's worker account (on a dev chain the
 * ed25519 keys `//Alice`..`//Eve`). Resolves like {@link refreshKey}, `members` without the
 * signer. If the refresh fails, the member is still a member. Rejects with the errors of
 * {@link refreshKey} but `Mpc.EpochNotOver`, and with `Mpc.NotKeyMember` (the signer holds no
 * share of the key) or `Mpc.TooFewMembers` (fewer than `threshold + 1` would stay).
 */
export async function leaveKey(api, signer, keyId) {
  const { blockHash, events } = await send(api, signer, keyCall(api, 'leaveKey')(BigInt(keyId)));
  eventOf(api, events, 'KeyRefreshStarted', 'leave_key');
  return { blockHash, ...refreshAttempt(api, events, 'leave_key') };
}

/** The first attempt of the refresh an extrinsic started: `{ attempt, members }`. */
function refreshAttempt(api, events, extrinsic) {
  const started = eventOf(api, events, 'KeyAttemptStarted', extrinsic);
  return { attempt: started.attempt.toNumber(), members: started.members.map((a) => a.toString()) };
}

/**
 * Waits until key `keyId` has completed `epoch` refreshes and none runs, and resolves with it
 * ({@link thresholdKey}); at once if it has. Rejects with `MpcError('RefreshFailed')` when a
 * refresh seen running ended without new shares (too few members left, or too many attempts:
 * the key stays as it was), `KeyFailed` (the key itself failed), `Mpc.UnknownKey` (not stored)
 * and `Timeout` after `timeoutMs`. `onProgress({ block, epoch, refreshing, step })` on every new
 * block, `step` the running attempt's (`'Round1'`, `'Round2'`, `'Complaints'`) or `null`. On
 * the dev chain a refresh of the five dev workers' key takes some 6 blocks.
 */
export async function waitForRefresh(api, keyId, epoch, { timeoutMs = 180_000, onProgress } = {}) {
  const id = BigInt(keyId);
  if (!Number.isSafeInteger(epoch) || epoch < 0) throw new ProtocolError('key', `waitForRefresh(api, keyId, epoch): epoch is a whole number, not ${String(epoch)}`);
  const timeout = () => new MpcError('Timeout', `key ${id} did not reach epoch ${epoch} within ${timeoutMs} ms`);
  let running = null; // the epoch a refresh was seen running in
  return everyBlock(api, timeoutMs, timeout, async (block) => {
    const key = await thresholdKey(api, id);
    if (!key) throw new MpcError('Mpc.UnknownKey', `key ${id} is not stored (never created, or removed)`);
    if (key.status === 'Failed') throw new MpcError('KeyFailed', `key ${id} failed in block ${key.failedAt}`);
    if (block !== undefined && onProgress) {
      const step = key.refreshing === null || !api.query.mpc.keyRefreshes
        ? null
        : await api.query.mpc.keyRefreshes(id, key.refreshing).then((r) => (r.isSome ? r.unwrap().step.type : null));
      onProgress({ block, epoch: key.epoch, refreshing: key.refreshing, step });
    }
    if (key.status === 'Expired') throw new MpcError('KeyExpired', `key ${id} expired in block ${key.expiredAt}: it lived its last epoch`);
    if (key.status !== 'Active') return undefined;
    if (key.refreshing !== null) {
      running = key.epoch;
      return undefined;
    }
    if (key.epoch >= epoch) return key;
    if (running !== null && key.epoch === running) {
      throw new MpcError('RefreshFailed', `the refresh of key ${id} failed (epoch ${key.epoch} started again in block ${key.epochStart}): too few members left, or too many attempts; the key stays as it was`);
    }
    running = null;
    return undefined;
  });
}

/**
 * The requester removes an ended signing request (`mpc.removeSignature`); its deposit returns.
 * Resolves with `{ blockHash }`; rejects with `Mpc.UnknownSignRequest`, `Mpc.NotRequester` or
 * `Mpc.RequestOpen`.
 */
export async function removeSignature(api, signer, requestId) {
  const { blockHash, events } = await send(api, signer, keyCall(api, 'removeSignature')(BigInt(requestId)));
  eventOf(api, events, 'SignRequestRemoved', 'remove_signature');
  return { blockHash };
}
