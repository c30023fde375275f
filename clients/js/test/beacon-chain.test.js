// Integration: the randomness beacon of a real `mpc-node --dev` (PROTOCOL.md section 11). The dev
// workers run the DKG from block 1; the key activates some ten blocks later and the first round
// opens and completes with it. One node serves every case of this file. Needs the node binary
// (`cargo build -p mpc-node`, or MPC_NODE=<path>); skipped without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE, startNode, withNodeLog } from './dev-node.js';
import {
  latestBeaconRound, getBeaconRound, getBeaconKey, verifyBeaconRound, checkBeaconRound, waitForBeaconRound, requestRound,
  verifyRound, groupKeyDigest, toHex, MpcError, ProtocolError,
} from '../src/index.js';

const CLI = fileURLToPath(new URL('../bin/mpc.js', import.meta.url));
const noNode = !existsSync(NODE) && `no node binary at ${NODE}`;
const run = promisify(execFile);

let node;
let first; // the first completed round, from waitForBeaconRound
before(async () => {
  if (noNode) return;
  node = await startNode();
  try {
    first = await waitForBeaconRound(node.api, { timeoutMs: 90_000 });
  } catch (e) {
    console.error(node.log.join('').slice(-3000));
    throw e;
  }
});
after(async () => {
  await node?.api.disconnect();
  node?.stop();
});

/** Runs `body`, printing the node's log if it fails. */
const withLog = (body) => withNodeLog(node, body);

test('a completed round and its key read as plain data', { skip: noNode, timeout: 30_000 }, () => withLog(async ({ api }) => {
  const latest = await latestBeaconRound(api);
  assert.ok(latest !== null && latest >= first.round);
  const round = await getBeaconRound(api, first.round);
  assert.deepEqual(round, first);
  assert.equal(round.output.length, 32);
  assert.ok(round.publishedAt >= round.opened);
  // The seed s_r is the hash of the parent of the block the round opened in.
  assert.equal(round.seed.length, 32);
  assert.equal(toHex(round.seed), toHex((await api.rpc.chain.getBlockHash(round.opened - 1)).toU8a()));
  const key = await getBeaconKey(api, round.epoch);
  assert.ok(key);
  assert.equal(key.n, key.members.length);
  assert.ok(key.n >= 3);
  assert.equal(key.t, Math.floor((key.n - 1) / 2));
  assert.equal(key.commitments.length, key.t + 1);
  assert.equal(key.publicShares.length, key.n);
  assert.ok(key.qualified.length >= key.t + 1 && key.qualified.every((i) => Number.isInteger(i) && i >= 1 && i <= key.n));
  assert.ok(key.activated <= round.opened);
  assert.equal(round.shares.length, key.t + 1);
  for (const s of round.shares) {
    assert.ok(Number.isInteger(s.index) && s.index >= 1 && s.index <= key.n);
    assert.equal(s.Y.length, 32);
    assert.equal(s.proof.length, 64);
  }
  // The protocol's genesis is the chain's block 0 hash, as the runtime says too.
  const genesis = api.genesisHash.toU8a();
  assert.equal(toHex((await api.call.mpcApi.genesis()).toU8a()), toHex(genesis));
  assert.equal(toHex(groupKeyDigest(genesis, BigInt(key.epoch), key.n, key.commitments)), toHex(key.digest));
  // Rounds not stored, and no key for an epoch never run.
  assert.equal(await getBeaconRound(api, 1_000_000), null);
  assert.equal(await getBeaconKey(api, 1_000_000), null);
  console.log(`round ${round.round} (epoch ${round.epoch}, n ${key.n}, t ${key.t}): opened in block ${round.opened}, `
    + `published in block ${round.publishedAt}, shares of members ${round.shares.map((s) => s.index).join(', ')}`);
}));

test('verifyBeaconRound re-verifies the round; tampered copies fail', { skip: noNode, timeout: 30_000 }, () => withLog(async ({ api }) => {
  const v = await verifyBeaconRound(api, first.round);
  assert.deepEqual(v, { round: first.round, epoch: first.epoch, output: first.output, verified: true });
  // The same round read in the state of the block that published it.
  const publishedIn = await api.rpc.chain.getBlockHash(first.publishedAt);
  assert.deepEqual(await verifyBeaconRound(api, first.round, { at: publishedIn }), v);
  await assert.rejects(verifyBeaconRound(api, first.round, { at: await api.rpc.chain.getBlockHash(first.opened - 1) }), (e) => e instanceof MpcError && e.errorName === 'NoBeaconRound');

  const key = await getBeaconKey(api, first.epoch);
  const genesis = api.genesisHash.toU8a();
  assert.equal(checkBeaconRound(first, key, { genesis }).verified, true);
  const tampered = (changeRound, changeKey, reason) => {
    const r = structuredClone(first);
    const k = structuredClone(key);
    changeRound(r);
    changeKey(k);
    assert.throws(() => checkBeaconRound(r, k, { genesis }), (e) => e instanceof ProtocolError && e.code === 'beacon' && reason.test(e.message));
  };
  const none = () => {};
  tampered((r) => { r.output[0] ^= 1; }, none, /shares combine to [0-9a-f]{64}, the chain stores the output/);
  tampered((r) => { r.shares[0].Y = r.shares[1].Y; }, none, new RegExp(`the round share of member ${first.shares[0].index} does not verify`));
  tampered((r) => { r.shares[1].proof[40] ^= 1; }, none, new RegExp(`member ${first.shares[1].index} does not verify`));
  tampered((r) => { r.shares.pop(); }, none, /need exactly t \+ 1/);
  tampered((r) => { r.shares[1].index = r.shares[0].index; }, none, /two shares of member/);
  tampered((r) => { r.round += 1; }, none, /does not verify/);
  // The same round opened in another block (another parent hash, e.g. on another branch).
  tampered((r) => { r.seed[0] ^= 1; }, none, new RegExp(`the round share of member ${first.shares[0].index} does not verify`));
  tampered((r) => { delete r.seed; }, none, /no 32-byte seed/);
  tampered((r) => { r.epoch += 1; }, (k) => { k.epoch += 1; }, /key digest/);
  tampered(none, (k) => { k.commitments[1] = k.commitments[0]; }, /key digest/);
  tampered(none, (k) => { k.publicShares[0] = k.publicShares[1]; }, /public share X_1/);
  tampered(none, (k) => { k.members.pop(); }, /./);
  tampered((r) => { r.output = null; }, none, /still open/);
  assert.throws(() => checkBeaconRound(first, key, { genesis: new Uint8Array(32) }), /key digest/);

  // The protocol's verifyRound directly, with a changed share: caught.
  const base = { genesis, epoch: BigInt(first.epoch), round: BigInt(first.round), seed: first.seed, commitments: key.commitments, n: key.n };
  assert.equal(toHex(verifyRound({ ...base, shares: first.shares }).output), toHex(first.output));
  const otherSeed = (await api.rpc.chain.getBlockHash(first.opened)).toU8a();
  assert.throws(() => verifyRound({ ...base, seed: otherSeed, shares: first.shares }), /does not verify/);
  const changed = first.shares.map((s, k) => (k === 0 ? { ...s, Y: first.shares[1].Y } : s));
  assert.throws(() => verifyRound({ ...base, shares: changed }), /does not verify/);

  await assert.rejects(verifyBeaconRound(api, 1_000_000), (e) => e instanceof MpcError && e.errorName === 'NoBeaconRound');
  // The open round, if any, cannot be verified yet (unless it completes meanwhile).
  const open = (await api.query.mpc.openBeaconRound()).unwrapOr(null)?.toNumber();
  if (open !== undefined) {
    const outcome = await verifyBeaconRound(api, open).catch((e) => e);
    assert.ok(outcome.verified === true || (outcome instanceof MpcError && outcome.errorName === 'BeaconRoundOpen'), String(outcome));
  }
}));

test('mpc beacon latest, round and verify', { skip: noNode, timeout: 60_000 }, () => withLog(async ({ api, url }) => {
  const cli = (...args) => run('node', [CLI, ...args, '--url', url]);
  const [latest, verified, round, human, humanRound] = await Promise.all([
    cli('beacon', 'latest', '--json'),
    cli('beacon', 'verify', '--json'),
    cli('beacon', 'round', String(first.round), '--json'),
    cli('beacon', 'verify', String(first.round)),
    cli('beacon', 'round', String(first.round)),
  ]);
  const l = JSON.parse(latest.stdout);
  assert.ok(l.round >= first.round);
  assert.equal(l.output.length, 64);
  const v = JSON.parse(verified.stdout);
  assert.equal(v.verified, true);
  assert.ok(v.round >= first.round);
  assert.equal(v.output, toHex((await getBeaconRound(api, v.round)).output));
  const r = JSON.parse(round.stdout);
  assert.deepEqual(r, {
    ...first, seed: toHex(first.seed), output: toHex(first.output), shares: first.shares.map((s) => ({ index: s.index, Y: toHex(s.Y), proof: toHex(s.proof) })),
  });
  assert.match(human.stdout, new RegExp(`^round ${first.round} \\(epoch ${first.epoch}\\) verifies: output ${toHex(first.output)}$`, 'm'));
  assert.match(humanRound.stdout, new RegExp(`^output: ${toHex(first.output)}$`, 'm'));
  assert.match(humanRound.stdout, new RegExp(`^seed: ${toHex(first.seed)}$`, 'm'));
  await assert.rejects(cli('beacon', 'round', '1000000'), (e) => e.code === 1 && /NoBeaconRound/.test(e.stderr));
  await assert.rejects(cli('beacon', 'verify', '1000000'), (e) => e.code === 1 && /NoBeaconRound/.test(e.stderr));
}));

test('a paid request names a round nobody knew, which opens at once and verifies', { skip: noNode, timeout: 120_000 }, () => withLog(async ({ api, url }) => {
  const { Keyring } = await import('@polkadot/api');
  const ferdie = new Keyring({ type: 'sr25519' }).addFromUri('//Ferdie');
  const fee = BigInt(api.consts.mpc.roundRequestFee.toString());
  assert.ok(fee > 0n);
  const free = async () => BigInt((await api.query.system.account(ferdie.address)).data.free.toString());
  const before = await free();
  const next = Number((await api.query.mpc.nextBeaconRound()).toString());
  const open = (await api.query.mpc.openBeaconRound()).toJSON();
  const r = await requestRound(api, ferdie);
  // The open round only if it opened in the request's block; otherwise one not opened before.
  assert.ok(r.round >= next - 1, `round ${r.round}, next ${next}`);
  if (open !== null && r.round === open) {
    const opened = await getBeaconRound(api, r.round);
    const header = await api.rpc.chain.getHeader(r.blockHash);
    assert.equal(opened.opened, header.number.toNumber(), 'an open round only from the same block');
  }
  assert.ok(before - (await free()) >= fee, 'the fee (and the transaction fee) was paid');
  const done = await waitForBeaconRound(api, { after: r.round - 1, timeoutMs: 60_000 });
  assert.ok(done.round >= r.round);
  const v = await verifyBeaconRound(api, r.round);
  assert.equal(v.verified, true);
  // The CLI: a request, waited for and verified.
  const out = await run('node', [CLI, 'beacon', 'request', '--wait', '--json', '--suri', '//Ferdie', '--url', url]);
  const j = JSON.parse(out.stdout);
  assert.equal(j.verified, true);
  assert.ok(j.round > r.round);
}));
