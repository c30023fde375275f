// Threshold keys (PROTOCOL.md section 14): the client's checks of Ed25519 signatures without a
// node, then a real `mpc-node --dev`, whose pool is exactly the five dev workers: a key of 5 with
// threshold 2 needs no draw, its DKG starts in the block of the request and the key is made some
// 11 blocks later; a signature takes 2 to 4 blocks. One node serves every case of this file, in
// order: the first test makes the key the others sign with, refresh (a member leaves) and show.
// Needs the node binary (`cargo build -p mpc-node`, or MPC_NODE=<path>); the chain's cases are
// skipped without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady, decodeAddress, encodeAddress, ed25519Verify, signatureVerify } from '@polkadot/util-crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { NODE, freePort, startNode, withNodeLog } from './dev-node.js';
import {
  createKey, thresholdKey, waitForKey, requestSignature, signatureRequest, waitForSignature, verifyKeySignature, removeKey, removeSignature,
  refreshKey, leaveKey, waitForRefresh,
  keyMessage, groupKeyBytes, listWorkers, lagrangeAtZero, fromHex, toHex, MpcError, ProtocolError,
} from '../src/index.js';

const CLI = fileURLToPath(new URL('../bin/mpc.js', import.meta.url));
const noNode = !existsSync(NODE) && `no node binary at ${NODE}`;
const run = promisify(execFile);
const utf8 = (s) => new TextEncoder().encode(s);

/** The pallet's errors of threshold keys, in the order the runtime appends them after `InvalidValidityProof`. */
const KEY_ERRORS = [
  'UnknownKey', 'NotKeyOwner', 'NotKeyMember', 'KeyNotGenerating', 'WrongKeyAttempt', 'WrongKeyStep', 'AlreadyPosted', 'InvalidKeyProof',
  'RepeatedCommitment', 'UnknownEnvelope', 'EnvelopeMismatch', 'KeyNotActive', 'KeyNotEnded', 'KeyInUseBySignRequest', 'TooManyPendingKeys',
  'TooManyOpenSignatures', 'UnknownSignRequest', 'RequestEnded', 'RequestOpen', 'NotRequester', 'WrongSignAttempt', 'MemberExcluded',
  'SignersFixed', 'SignersNotFixed', 'NotASigner', 'AttemptMismatch', 'PackageMismatch', 'MemberNotBonded',
  // Refresh (PROTOCOL.md section 14.10).
  'RefreshInProgress', 'TooManyRefreshes', 'EpochNotOver', 'TooFewMembers', 'KeyNotRefreshing', 'RefreshesLeft',
];

const isError = (name) => (e) => e instanceof MpcError && e.errorName === name;

// RFC 8032 section 7.1, TEST 2: a one-byte message.
const RFC_PUBLIC = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';
const RFC_MESSAGE = '72';
const RFC_SIGNATURE = '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00';

test('verifyKeySignature checks Ed25519 signatures (RFC 8032); keyMessage and groupKeyBytes read their arguments', async () => {
  await cryptoWaitReady();
  assert.equal(verifyKeySignature(RFC_PUBLIC, fromHex(RFC_MESSAGE), RFC_SIGNATURE), true);
  assert.equal(verifyKeySignature(`0x${RFC_PUBLIC}`, `0x${RFC_MESSAGE}`, `0x${RFC_SIGNATURE}`), true);
  assert.equal(verifyKeySignature(fromHex(RFC_PUBLIC), fromHex(RFC_MESSAGE), fromHex(RFC_SIGNATURE)), true);
  // The key's account is the same 32 bytes.
  assert.equal(verifyKeySignature(encodeAddress(fromHex(RFC_PUBLIC), 42), '0x72', RFC_SIGNATURE), true);
  assert.equal(verifyKeySignature(RFC_PUBLIC, '0x73', RFC_SIGNATURE), false);
  assert.equal(verifyKeySignature(RFC_PUBLIC, '0x', RFC_SIGNATURE), false);
  const flipped = fromHex(RFC_SIGNATURE);
  flipped[40] ^= 1;
  assert.equal(verifyKeySignature(RFC_PUBLIC, '0x72', flipped), false);

  // A key of our own: text messages are signed as their UTF-8 bytes.
  const secret = ed25519.utils.randomSecretKey();
  const Y = ed25519.getPublicKey(secret);
  const text = 'pay Bob 5 — ✓';
  const sig = ed25519.sign(utf8(text), secret);
  assert.equal(verifyKeySignature(Y, text, sig), true);
  assert.equal(verifyKeySignature(Y, utf8(text), toHex(sig)), true);
  assert.equal(verifyKeySignature(Y, `0x${toHex(utf8(text))}`, sig), true);
  assert.equal(verifyKeySignature(Y, 'pay Bob 6 — ✓', sig), false);
  assert.equal(verifyKeySignature(RFC_PUBLIC, text, sig), false, 'another key');
  // The same results as @polkadot/util-crypto's own verifiers.
  assert.equal(ed25519Verify(utf8(text), sig, Y), true);
  assert.equal(signatureVerify(utf8(text), sig, Y).crypto, 'ed25519');

  assert.deepEqual(keyMessage('abc'), Uint8Array.of(0x61, 0x62, 0x63));
  assert.deepEqual(keyMessage('0x00ff'), Uint8Array.of(0, 255));
  assert.deepEqual(keyMessage('0x0'), utf8('0x0'), 'not hex: text');
  assert.deepEqual(keyMessage(''), new Uint8Array(0));
  assert.deepEqual(keyMessage(Uint8Array.of(1, 2)), Uint8Array.of(1, 2));
  assert.throws(() => keyMessage(12), (e) => e instanceof ProtocolError && e.code === 'message');
  assert.deepEqual(groupKeyBytes(`0x${RFC_PUBLIC}`), fromHex(RFC_PUBLIC));
  assert.deepEqual(groupKeyBytes(encodeAddress(fromHex(RFC_PUBLIC))), fromHex(RFC_PUBLIC));
  for (const bad of [RFC_PUBLIC.slice(2), new Uint8Array(31), 'not a key', 7]) {
    assert.throws(() => groupKeyBytes(bad), (e) => e instanceof ProtocolError && e.code === 'key', String(bad));
  }
  assert.throws(() => verifyKeySignature(RFC_PUBLIC, '0x72', RFC_SIGNATURE.slice(2)), (e) => e instanceof ProtocolError && e.code === 'signature');
  assert.throws(() => verifyKeySignature(RFC_PUBLIC, '0x72', 'zz'), (e) => e instanceof ProtocolError && e.code === 'signature');
});

let node;
let key; // the key the first chain test makes: the others sign with it
const keyring = new Keyring({ type: 'sr25519' });
let ferdie; // the key's owner
let alice; // not its owner
let workers; // the dev workers' accounts: the ed25519 keys //Alice..//Eve (runtime/src/dev_workers.rs)
before(async () => {
  if (noNode) return;
  await cryptoWaitReady();
  [ferdie, alice] = ['//Ferdie', '//Alice'].map((s) => keyring.addFromUri(s));
  const ed = new Keyring({ type: 'ed25519' });
  workers = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'].map((s) => ed.addFromUri(s));
  node = await startNode();
});
after(async () => {
  await node?.api.disconnect();
  node?.stop();
});

/** Runs `body`, printing the node's log if it fails. */
const withLog = (body) => withNodeLog(node, body);

const account = async (api, who) => (await api.query.system.account(who.address)).data;

/** The `mpc.<method>` events of block `number`. */
async function events(api, number, method) {
  const all = await api.query.system.events.at(await api.rpc.chain.getBlockHash(number));
  return all.map(({ event }) => event).filter((e) => e.section === 'mpc' && e.method === method);
}

/** The dev worker (ed25519 pair) whose account is `address`. */
const workerPair = (address) => workers.find((w) => toHex(w.publicKey) === toHex(decodeAddress(address)));

/**
 * Sends `fn()` from a dev worker's account, which that worker's off-chain worker also sends
 * from (beacon shares every few blocks): a transaction that clashes with one of its nonces
 * (refused by the pool or replaced) is sent again; the chain's errors are not.
 */
async function asWorker(fn) {
  for (let k = 0; ; k += 1) {
    try {
      return await fn();
    } catch (e) {
      if (k >= 3 || (e instanceof MpcError && e.errorName.startsWith('Mpc.'))) throw e;
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}

/** Resolves once `check()` is true, checked every second (60 s at most). */
async function pollUntil(check) {
  const started = Date.now();
  while (!(await check())) {
    assert.ok(Date.now() - started < 60_000, 'waited 60 s');
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Every `k`-element subset of `items`. */
const subsets = (items, k) => (k === 0 ? [[]] : items.flatMap((x, i) => subsets(items.slice(i + 1), k - 1).map((s) => [x, ...s])));

test('the chain\'s errors of threshold keys follow InvalidValidityProof, in order', { skip: noNode, timeout: 30_000 }, () => withLog(async ({ api }) => {
  const names = Object.keys(api.errors.mpc);
  const from = names.indexOf('InvalidValidityProof');
  assert.ok(from >= 0);
  assert.deepEqual(names.slice(from + 1, from + 1 + KEY_ERRORS.length), KEY_ERRORS);
  for (const [k, name] of KEY_ERRORS.entries()) assert.equal(api.errors.mpc[name].meta.index.toNumber(), api.errors.mpc.InvalidValidityProof.meta.index.toNumber() + 1 + k, name);
}));

test('the five dev workers make a key of 5 with threshold 2: generated through the chain, then active', { skip: noNode, timeout: 240_000 }, () => withLog(async ({ api }) => {
  const workers = (await listWorkers(api)).map((w) => w.account);
  assert.equal(workers.length, 5);
  const next = (await api.query.mpc.nextKeyId()).toBigInt();
  const fee = api.consts.mpc.keyFee.toBigInt();
  assert.ok(fee > 0n);
  const held = await account(api, ferdie);

  const id = await createKey(api, ferdie, { size: 5, threshold: 2 });
  assert.equal(id, next);
  assert.equal((await api.query.mpc.nextKeyId()).toBigInt(), next + 1n);
  // The pool is exactly the committee: no draw, attempt 0 of the DKG from the request's block.
  const generating = await thresholdKey(api, id);
  assert.equal(generating.id, id);
  assert.equal(generating.owner, ferdie.address);
  assert.equal(generating.threshold, 2);
  assert.equal(generating.size, 5);
  assert.equal(generating.status, 'Generating');
  assert.equal(generating.attempt, 0);
  assert.ok(['Round1', 'Round2'].includes(generating.step), generating.step);
  assert.deepEqual(generating.members.map((m) => m.account).sort(), [...workers].sort());
  assert.ok(generating.members.every((m) => /^[0-9a-f]{64}$/.test(m.key)));
  assert.equal(generating.drawRound, null);
  assert.equal(generating.groupKey, null);
  assert.equal(generating.account, null);
  assert.deepEqual(generating.verifyingShares, []);
  assert.ok(generating.until > generating.opened && generating.opened >= generating.created);
  const requested = await events(api, generating.created, 'KeyRequested');
  assert.equal(requested.length, 1);
  assert.equal(requested[0].data.key.toBigInt(), id);
  assert.ok(requested[0].data.drawRound.isNone);
  // The owner paid the fee and holds the deposit.
  assert.ok(generating.deposit > 0n);
  const paid = await account(api, ferdie);
  assert.equal(paid.reserved.toBigInt() - held.reserved.toBigInt(), generating.deposit);
  assert.ok(held.free.toBigInt() - paid.free.toBigInt() >= fee + generating.deposit);

  // Not made yet: it cannot sign, and its owner cannot remove it.
  await assert.rejects(requestSignature(api, ferdie, id, 'too early'), isError('Mpc.KeyNotActive'));
  await assert.rejects(removeKey(api, ferdie, id), isError('Mpc.KeyNotEnded'));

  const steps = new Set();
  key = await waitForKey(api, id, { timeoutMs: 180_000, onProgress: ({ status, step }) => steps.add(step ?? status) });
  assert.ok(steps.size > 0);
  assert.equal(key.status, 'Active');
  assert.equal(key.attempt, 0, 'no culprits: the first attempt made it');
  assert.deepEqual(key.members, generating.members);
  assert.ok(key.activated > key.created);
  assert.match(key.groupKey, /^[0-9a-f]{64}$/);
  assert.match(key.digest, /^[0-9a-f]{64}$/);
  // Its account is the AccountId32 whose bytes are Y.
  const Y = fromHex(key.groupKey);
  assert.equal(key.account, encodeAddress(Y, api.registry.chainSS58));
  assert.deepEqual(decodeAddress(key.account), Y);
  assert.equal(key.verifyingShares.length, 5);
  // mpc.KeyActivated of the block it was made in names the same Y and digest.
  const activated = await events(api, key.activated, 'KeyActivated');
  assert.equal(activated.length, 1);
  assert.equal(activated[0].data.key.toBigInt(), id);
  assert.equal(toHex(activated[0].data.groupKey.toU8a()), key.groupKey);
  assert.equal(toHex(activated[0].data.digest.toU8a()), key.digest);
  // The verifying shares Y_i lie on a polynomial of degree t = 2 through Y: any 3 of them
  // interpolate to Y at zero (Y = sum lambda_i * Y_i), any 2 do not.
  const shares = key.verifyingShares.map((h) => ed25519.Point.fromHex(h));
  const interpolate = (indices) => {
    const lambdas = lagrangeAtZero(indices);
    return indices.reduce((acc, i, k) => acc.add(shares[i - 1].multiply(lambdas[k])), ed25519.Point.ZERO);
  };
  for (const three of subsets([1, 2, 3, 4, 5], 3)) assert.equal(interpolate(three).toHex(), key.groupKey, `members ${three}`);
  for (const two of subsets([1, 2, 3, 4, 5], 2)) assert.notEqual(interpolate(two).toHex(), key.groupKey, `members ${two}`);
  // Already active: resolves at once.
  assert.deepEqual(await waitForKey(api, id, { timeoutMs: 10_000 }), await thresholdKey(api, id));
  assert.equal(await thresholdKey(api, 1_000_000), null);
  await assert.rejects(waitForKey(api, 1_000_000, { timeoutMs: 10_000 }), isError('Mpc.UnknownKey'));
  console.log(`key ${id} made in block ${key.activated} (requested in block ${key.created}), steps seen: ${[...steps].join(', ')}; Y ${key.groupKey}`);
}));

test('only the owner asks the key to sign; its signature is an Ed25519 signature by the group key', { skip: noNode, timeout: 180_000 }, () => withLog(async ({ api }) => {
  assert.ok(key, 'the key of the test before');
  const message = utf8('substrate-mpc threshold key, signed for JavaScript');
  // Not the owner, no such key, a message longer than the chain signs: refused.
  await assert.rejects(requestSignature(api, alice, key.id, message), isError('Mpc.NotKeyOwner'));
  await assert.rejects(requestSignature(api, ferdie, 1_000_000, message), isError('Mpc.UnknownKey'));
  const max = api.consts.mpc.maxSignMessage.toNumber();
  const nonce = (await api.rpc.system.accountNextIndex(ferdie.address)).toNumber();
  await assert.rejects(requestSignature(api, ferdie, key.id, new Uint8Array(max + 1)), (e) => e instanceof ProtocolError && e.code === 'message');
  assert.equal((await api.rpc.system.accountNextIndex(ferdie.address)).toNumber(), nonce, 'nothing sent');

  const next = (await api.query.mpc.nextSignRequestId()).toBigInt();
  const held = await account(api, ferdie);
  const id = await requestSignature(api, ferdie, key.id, message);
  assert.equal(id, next);
  const open = await signatureRequest(api, id);
  assert.equal(open.id, id);
  assert.equal(open.key, key.id);
  assert.equal(open.requester, ferdie.address);
  assert.deepEqual(open.message, message);
  assert.equal(open.state, 'Open', 'shares come two blocks after the request at the earliest');
  assert.equal(open.signature, null);
  assert.ok(open.deposit > 0n);
  // The deadline is SignDeadline blocks after the request: mpc.SignatureRequested is in that block.
  const requestedIn = open.deadline - api.consts.mpc.signDeadline.toNumber();
  const asked = (await events(api, requestedIn, 'SignatureRequested')).filter((e) => e.data.request.toBigInt() === id);
  assert.equal(asked.length, 1);
  assert.equal(asked[0].data.key.toBigInt(), key.id);
  assert.equal(asked[0].data.requester.toString(), ferdie.address);
  assert.equal((await thresholdKey(api, key.id)).openRequests, 1);
  // Bytes with zeros and bytes above 0x7f, in a second request made while the first is open.
  const binary = Uint8Array.from({ length: 300 }, (_, k) => (k * 37) % 256);
  const second = await requestSignature(api, ferdie, key.id, binary);
  assert.equal(second, id + 1n);
  const secondOpen = await signatureRequest(api, second);
  assert.deepEqual(secondOpen.message, binary);
  assert.equal((await account(api, ferdie)).reserved.toBigInt() - held.reserved.toBigInt(), open.deposit + secondOpen.deposit, 'both deposits held');

  const [signature, binarySignature] = await Promise.all([waitForSignature(api, id, { timeoutMs: 120_000 }), waitForSignature(api, second, { timeoutMs: 120_000 })]);
  assert.ok(signature instanceof Uint8Array && signature.length === 64);
  const Y = fromHex(key.groupKey);
  // An ordinary Ed25519 signature by Y over the message bytes, and by no other key or message.
  assert.equal(ed25519Verify(message, signature, Y), true);
  assert.equal(ed25519Verify(message, signature, Y, true), true, 'the JS verifier too');
  assert.equal(signatureVerify(message, signature, key.account).isValid, true);
  assert.equal(ed25519Verify(utf8('substrate-mpc threshold key, signed for JavaScripT'), signature, Y), false);
  assert.equal(ed25519Verify(message, signature, fromHex(key.verifyingShares[0])), false);
  assert.equal(ed25519Verify(binary, binarySignature, Y), true);
  assert.equal(ed25519Verify(binary.slice(1), binarySignature, Y), false);
  assert.equal(verifyKeySignature(key.groupKey, message, signature), true);
  assert.equal(verifyKeySignature(key.account, message, toHex(signature)), true);
  assert.equal(verifyKeySignature(`0x${key.groupKey}`, `0x${toHex(binary)}`, binarySignature), true);
  assert.equal(verifyKeySignature(key.groupKey, binary, signature), false);

  // The request as stored: signed by t + 1 = 3 signers, fixed by their commitments.
  const signed = await signatureRequest(api, id);
  assert.equal(signed.state, 'Signed');
  assert.deepEqual(signed.signature, signature);
  assert.equal(signed.failedAt, null);
  assert.ok(signed.fixed !== null && signed.signedAt > signed.fixed && signed.deadline > signed.signedAt, JSON.stringify({ fixed: signed.fixed, at: signed.signedAt }));
  assert.equal(signed.shares.length, 3);
  assert.ok(signed.commitments.length >= 3);
  assert.deepEqual(signed.shares.map((s) => s.member).sort(), signed.commitments.slice(0, 3).map((c) => c.member).sort());
  assert.ok(signed.commitments.every((c) => /^[0-9a-f]{64}$/.test(c.hiding) && /^[0-9a-f]{64}$/.test(c.binding)));
  const signedEvents = (await events(api, signed.signedAt, 'Signed')).filter((e) => e.data.request.toBigInt() === id);
  assert.equal(signedEvents.length, 1);
  assert.equal(signedEvents[0].data.key.toBigInt(), key.id);
  assert.equal(toHex(signedEvents[0].data.signature.toU8a()), toHex(signature));
  assert.equal((await thresholdKey(api, key.id)).openRequests, 0);
  // Already signed: resolves at once.
  assert.deepEqual(await waitForSignature(api, id, { timeoutMs: 10_000 }), signature);

  // The requester alone removes an ended request; its deposit returns.
  await assert.rejects(removeSignature(api, alice, id), isError('Mpc.NotRequester'));
  const before = (await account(api, ferdie)).reserved.toBigInt();
  await removeSignature(api, ferdie, id);
  assert.equal(await signatureRequest(api, id), null);
  assert.equal((await account(api, ferdie)).reserved.toBigInt(), before - open.deposit);
  await assert.rejects(waitForSignature(api, id, { timeoutMs: 10_000 }), isError('Mpc.UnknownSignRequest'));
  await assert.rejects(removeSignature(api, ferdie, id), isError('Mpc.UnknownSignRequest'));
  console.log(`requests ${id} and ${second} signed in block ${signed.signedAt} (signers fixed in block ${signed.fixed}, members ${signed.shares.map((s) => s.member).join(', ')})`);
}));

test('a member leaves: the key is refreshed without it, keeps Y and signs with the other four', { skip: noNode, timeout: 240_000 }, () => withLog(async ({ api }) => {
  assert.ok(key, 'the key of the first test');
  const before = await thresholdKey(api, key.id);
  assert.deepEqual(before.ids, [1, 2, 3, 4, 5]);
  assert.equal(before.epoch, 0);
  assert.equal(before.refreshing, null);
  assert.equal(before.epochStart, before.activated);
  // Not the owner, and the epoch (KeyEpochLength blocks) is not over: refused.
  assert.ok(api.consts.mpc.keyEpochLength.toNumber() > 1_000);
  await assert.rejects(refreshKey(api, alice, key.id), isError('Mpc.EpochNotOver'));
  await assert.rejects(refreshKey(api, ferdie, 1_000_000), isError('Mpc.UnknownKey'));
  // Ferdie is no worker: it cannot leave.
  await assert.rejects(leaveKey(api, ferdie, key.id), isError('Mpc.NotKeyMember'));

  // Member 2 leaves, with its worker account.
  const leaverId = 2;
  const leaver = workerPair(before.members[leaverId - 1].account);
  assert.ok(leaver, 'a dev worker');
  const left = await asWorker(() => leaveKey(api, leaver, key.id));
  const stay = before.members.filter((_, i) => i + 1 !== leaverId).map((m) => m.account);
  assert.deepEqual(left.members, stay);
  assert.ok(left.attempt > before.attempt);
  const running = await thresholdKey(api, key.id);
  assert.equal(running.refreshing, left.attempt);
  assert.deepEqual(running.ids, before.ids, 'the shares change only when the refresh completes');
  const started = (await api.query.system.events.at(left.blockHash)).map(({ event }) => event)
    .filter((e) => e.section === 'mpc' && e.method === 'KeyRefreshStarted' && e.data.key.toBigInt() === key.id);
  assert.equal(started.length, 1);
  assert.equal(toHex(decodeAddress(started[0].data.by.toString())), toHex(leaver.publicKey));
  assert.equal(toHex(decodeAddress(started[0].data.leaving.unwrap().toString())), toHex(leaver.publicKey));
  // One refresh at a time.
  await assert.rejects(refreshKey(api, ferdie, key.id), isError('Mpc.RefreshInProgress'));

  const refreshed = await waitForRefresh(api, key.id, 1, { timeoutMs: 180_000 });
  assert.equal(refreshed.status, 'Active');
  assert.equal(refreshed.epoch, 1);
  assert.equal(refreshed.refreshing, null);
  assert.equal(refreshed.ids.length, 4);
  assert.ok(!refreshed.ids.includes(leaverId));
  assert.deepEqual(refreshed.ids, [1, 3, 4, 5]);
  assert.ok(refreshed.epochStart > before.epochStart);
  // The same key and account, the same committee (identifiers stay), new shares.
  assert.equal(refreshed.groupKey, key.groupKey);
  assert.equal(refreshed.account, key.account);
  assert.deepEqual(refreshed.members, key.members);
  assert.equal(refreshed.verifyingShares.length, 4);
  refreshed.ids.forEach((i, k) => assert.notEqual(refreshed.verifyingShares[k], key.verifyingShares[i - 1], `Y_${i} changed`));
  // Any 3 of the new shares interpolate to Y (at their identifiers), any 2 do not.
  const shares = new Map(refreshed.ids.map((i, k) => [i, ed25519.Point.fromHex(refreshed.verifyingShares[k])]));
  const interpolate = (indices) => {
    const lambdas = lagrangeAtZero(indices);
    return indices.reduce((acc, i, k) => acc.add(shares.get(i).multiply(lambdas[k])), ed25519.Point.ZERO);
  };
  for (const three of subsets(refreshed.ids, 3)) assert.equal(interpolate(three).toHex(), key.groupKey, `members ${three}`);
  for (const two of subsets(refreshed.ids, 2)) assert.notEqual(interpolate(two).toHex(), key.groupKey, `members ${two}`);
  const done = (await events(api, refreshed.epochStart, 'KeyRefreshed')).filter((e) => e.data.key.toBigInt() === key.id);
  assert.equal(done.length, 1);
  assert.equal(done[0].data.epoch.toNumber(), 1);
  assert.deepEqual(done[0].data.members.map((a) => a.toString()), stay);
  // Already there: resolves at once. The leaver is no member any more.
  assert.deepEqual(await waitForRefresh(api, key.id, 1, { timeoutMs: 10_000 }), refreshed);
  await assert.rejects(asWorker(() => leaveKey(api, leaver, key.id)), isError('Mpc.NotKeyMember'));

  // The other four sign under the same group key.
  const message = utf8('signed after a member left');
  const request = await requestSignature(api, ferdie, key.id, message);
  const signature = await waitForSignature(api, request, { timeoutMs: 120_000 });
  assert.equal(verifyKeySignature(key.groupKey, message, signature), true);
  assert.equal(verifyKeySignature(key.account, message, signature), true);
  const signed = await signatureRequest(api, request);
  assert.ok(signed.shares.every((sh) => refreshed.ids.includes(sh.member)), JSON.stringify(signed.shares.map((sh) => sh.member)));
  await removeSignature(api, ferdie, request);
  key = refreshed;
  console.log(`member ${leaverId} left key ${key.id} in attempt ${left.attempt}; refreshed in block ${refreshed.epochStart}, ids ${refreshed.ids.join(', ')}; signed by ${signed.shares.map((sh) => sh.member).join(', ')}`);
}));

test('mpc key create --wait, show, sign, verify, refresh and leave; the owners remove their keys', { skip: noNode, timeout: 300_000 }, () => withLog(async ({ api, url }) => {
  assert.ok(key, 'the key of the first test');
  const cli = (...args) => run('node', [CLI, ...args, '--url', url]);
  // A second key, made by the CLI (owned by Eve) while the first one signs.
  const created = cli('key', 'create', '--size', '5', '--threshold', '2', '--wait', '--json', '--suri', '//Eve').catch((e) => e);

  const [shownJson, shown] = await Promise.all([cli('key', 'show', String(key.id), '--json'), cli('key', 'show', String(key.id))]);
  const j = JSON.parse(shownJson.stdout);
  assert.equal(j.id, String(key.id));
  assert.equal(j.status, 'Active');
  assert.equal(j.groupKey, key.groupKey);
  assert.equal(j.account, key.account);
  assert.deepEqual(j.verifyingShares, key.verifyingShares);
  assert.deepEqual(j.members, key.members);
  // The key as the test before left it: refreshed once, without member 2.
  assert.deepEqual(j.ids, [1, 3, 4, 5]);
  assert.equal(j.epoch, 1);
  assert.equal(j.refreshing, null);
  assert.equal(j.epochStart, key.epochStart);
  assert.equal(j.deposit, String(key.deposit));
  assert.match(shown.stdout, new RegExp(`^key ${key.id}: Active$`, 'm'));
  assert.match(shown.stdout, new RegExp(`^group key: ${key.groupKey}$`, 'm'));
  assert.match(shown.stdout, new RegExp(`^account: ${key.account}$`, 'm'));
  assert.match(shown.stdout, /^threshold: 2 \(any 3 of 5 members sign\)$/m);
  assert.match(shown.stdout, new RegExp(`^epoch: 1 \\(1 refresh; since block ${key.epochStart}\\)$`, 'm'));
  assert.match(shown.stdout, /^refreshing: no$/m);
  assert.match(shown.stdout, /^ids: 1, 3, 4, 5 \(the members that hold shares\)$/m);
  key.ids.forEach((i, k) => assert.match(shown.stdout, new RegExp(`^ {2}${i} ${key.members[i - 1].account} ${key.verifyingShares[k]}$`, 'm')));
  assert.match(shown.stdout, new RegExp(`^ {2}2 ${key.members[1].account} left: holds no share$`, 'm'));
  // Refresh and leave through the CLI: refused for a non-owner before the epoch is over, and
  // for the member that left (--suri is its ed25519 worker key; a clash with its off-chain
  // worker's nonces is sent again, as asWorker does).
  const leaverSuri = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve'][workers.indexOf(workerPair(key.members[1].account))];
  await assert.rejects(cli('key', 'refresh', String(key.id), '--suri', '//Alice'), (e) => e.code === 1 && /Mpc\.EpochNotOver/.test(e.stderr));
  await assert.rejects(asWorker(() => cli('key', 'leave', String(key.id), '--suri', leaverSuri).catch((e) => {
    throw /Mpc\./.test(e.stderr) ? Object.assign(new MpcError('Mpc.Refused'), { cli: e }) : e;
  })), (e) => e.cli?.code === 1 && /Mpc\.NotKeyMember/.test(e.cli.stderr));

  // Signed through the CLI, as text and as hex, and checked here.
  const text = 'signed by the committee, asked from the CLI';
  const signedJson = JSON.parse((await cli('key', 'sign', String(key.id), text, '--suri', '//Ferdie', '--json')).stdout);
  assert.equal(signedJson.verified, true);
  assert.equal(signedJson.groupKey, key.groupKey);
  assert.equal(signedJson.message, toHex(utf8(text)));
  assert.equal(ed25519Verify(utf8(text), fromHex(signedJson.signature), fromHex(key.groupKey)), true);
  const human = await cli('key', 'sign', String(key.id), '0x00010203', '--suri', '//Ferdie');
  const hexSignature = /^signature: ([0-9a-f]{128})$/m.exec(human.stdout)?.[1];
  assert.ok(hexSignature, human.stdout);
  assert.match(human.stdout, /verified here against group key/);
  assert.equal(ed25519Verify(Uint8Array.of(0, 1, 2, 3), fromHex(hexSignature), fromHex(key.groupKey)), true);
  // Not the owner: the chain refuses (exit code 1, the pallet error named).
  await assert.rejects(cli('key', 'sign', String(key.id), text, '--suri', '//Alice'), (e) => e.code === 1 && /Mpc\.NotKeyOwner/.test(e.stderr));

  // Verified by key id (read from the chain), by group key and by account (no node needed).
  const closed = `ws://127.0.0.1:${await freePort()}`;
  const verified = await cli('key', 'verify', String(key.id), text, signedJson.signature);
  assert.match(verified.stdout, new RegExp(`^signature verifies: group key ${key.groupKey} signed the ${utf8(text).length}-byte message$`, 'm'));
  const offline = await run('node', [CLI, 'key', 'verify', `0x${key.groupKey}`, text, signedJson.signature, '--json', '--url', closed]);
  assert.equal(JSON.parse(offline.stdout).valid, true);
  const byAccount = await run('node', [CLI, 'key', 'verify', key.account, '0x00010203', `0x${hexSignature}`, '--url', closed]);
  assert.match(byAccount.stdout, /^signature verifies/);
  // Another message, or another message's signature: exit code 3.
  await assert.rejects(cli('key', 'verify', String(key.id), `${text}.`, signedJson.signature), (e) => e.code === 3 && /does NOT verify/.test(e.stdout));
  await assert.rejects(run('node', [CLI, 'key', 'verify', `0x${key.groupKey}`, text, hexSignature, '--json', '--url', closed]), (e) => e.code === 3 && JSON.parse(e.stdout).valid === false);
  await assert.rejects(cli('key', 'show', '1000000'), (e) => e.code === 1 && /Mpc\.UnknownKey/.test(e.stderr));
  await assert.rejects(cli('key', 'verify', '1000000', text, signedJson.signature), (e) => e.code === 1 && /Mpc\.UnknownKey/.test(e.stderr));
  // The chain's refusals of a key request: a committee larger than the pool, t = n.
  await assert.rejects(cli('key', 'create', '--size', '6', '--threshold', '2', '--suri', '//Eve'), (e) => e.code === 1 && /Mpc\.NotEnoughWorkers/.test(e.stderr));
  await assert.rejects(cli('key', 'create', '--size', '5', '--threshold', '5', '--suri', '//Eve'), (e) => e.code === 1 && /Mpc\.InvalidThreshold/.test(e.stderr));

  // The CLI's key: made, owned by Eve, another Y; the CLI signs with it for Eve only.
  const cliKey = await created;
  assert.ok(!(cliKey instanceof Error), `mpc key create --wait: ${cliKey.stderr}`);
  const made = JSON.parse(cliKey.stdout);
  const eve = keyring.addFromUri('//Eve');
  assert.equal(made.status, 'Active');
  assert.equal(made.owner, eve.address);
  assert.notEqual(made.id, String(key.id));
  assert.notEqual(made.groupKey, key.groupKey);
  assert.deepEqual(await thresholdKey(api, BigInt(made.id)).then((k) => k.groupKey), made.groupKey);
  assert.deepEqual(made.ids, [1, 2, 3, 4, 5]);
  assert.equal(made.epoch, 0);
  const eveSigned = JSON.parse((await cli('key', 'sign', made.id, text, '--suri', '//Eve', '--json')).stdout);
  assert.equal(ed25519Verify(utf8(text), fromHex(eveSigned.signature), fromHex(made.groupKey)), true);
  assert.equal(ed25519Verify(utf8(text), fromHex(eveSigned.signature), fromHex(key.groupKey)), false);
  await assert.rejects(cli('key', 'verify', made.id, text, signedJson.signature), (e) => e.code === 3);

  // Eve, the owner, refreshes her key at any time (mpc key refresh --wait); meanwhile Ferdie
  // removes his (the owner removes each key, its requests ended: the deposit returns, the key
  // is gone), and Eve cannot remove hers while it refreshes.
  const refreshing = cli('key', 'refresh', made.id, '--suri', '//Eve', '--wait', '--json').catch((e) => e);
  const removed = async (owner, id) => {
    const { deposit } = await thresholdKey(api, id);
    const reserved = (await account(api, owner)).reserved.toBigInt();
    await removeKey(api, owner, id);
    assert.equal(await thresholdKey(api, id), null);
    assert.equal((await account(api, owner)).reserved.toBigInt(), reserved - deposit);
    await assert.rejects(waitForKey(api, id, { timeoutMs: 10_000 }), isError('Mpc.UnknownKey'));
    await assert.rejects(requestSignature(api, owner, id, text), isError('Mpc.UnknownKey'));
  };
  await assert.rejects(removeKey(api, ferdie, BigInt(made.id)), isError('Mpc.NotKeyOwner'));
  await removed(ferdie, key.id);
  await pollUntil(async () => (await thresholdKey(api, BigInt(made.id))).refreshing !== null);
  await assert.rejects(removeKey(api, eve, BigInt(made.id)), isError('Mpc.RefreshInProgress'));
  const refreshRun = await refreshing;
  assert.ok(!(refreshRun instanceof Error), `mpc key refresh --wait: ${refreshRun.stderr}`);
  const eveRefreshed = JSON.parse(refreshRun.stdout);
  assert.equal(eveRefreshed.status, 'Active');
  assert.equal(eveRefreshed.epoch, 1);
  assert.equal(eveRefreshed.refreshing, null);
  assert.deepEqual(eveRefreshed.ids, [1, 2, 3, 4, 5]);
  assert.equal(eveRefreshed.groupKey, made.groupKey);
  assert.equal(eveRefreshed.account, made.account);
  eveRefreshed.verifyingShares.forEach((y, k) => assert.notEqual(y, made.verifyingShares[k], `Y_${k + 1} changed`));
  await removed(eve, BigInt(made.id));
}));
