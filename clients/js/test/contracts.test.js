// Privacy smart contracts (PROTOCOL.md section 13) on a real `mpc-node --dev` with pallet-revive
// and the MPC precompile: contracts/PrivatePoll.sol and contracts/SalaryBenchmark.sol compiled
// with solc, deployed and driven with the client's contract helpers (src/contracts.js). Voters
// and providers submit their dealt inputs to the chain with `submitInput`, never through the
// contract; anyone calls the precompile's `fulfill`, which delivers the outcome to the contract.
// Prints the measured figures as one JSON line (`contracts-figures: {...}`). Needs the node
// binary (MPC_NODE=<path>) and dist/mpc_wasm.wasm; skipped without them. The ABI checks run
// without a node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/api';
import { decodeAddress } from '@polkadot/util-crypto';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { NODE, startNode, withNodeLog } from './dev-node.js';
import { noWasm } from './wasm.js';
import {
  compileContractFile, compileSolidity, deployContract, callContract, readContract, readMpc, fulfill, contractAccount, ethAddress,
  accountBytes32, mpcInterface, mpcEvents, MPC_PRECOMPILE, JOB_PHASE_NAMES, ContractError, MpcError, pendingCallback, contractCode,
  submitInput, submitInputTx, waitForResult, getJob, getCommittee, deal, dealWithRule, send, ProtocolError, dryRunCall,
  normalizeAddress, toHex, fromHex, decodeValue, scalarFromBytes, floorDiv, contractRandomness, revertError,
} from '../src/index.js';

const CONTRACTS = fileURLToPath(new URL('../../../contracts/', import.meta.url));
const VECTORS = fileURLToPath(new URL('../../../primitives/tests/vectors/contracts-v1.json', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/mpc.js', import.meta.url));
const run = promisify(execFile);
const noNode = !existsSync(NODE) && `no node binary at ${NODE}`;
const skipChain = noNode || noWasm;

const UNIT = 10n ** 12n;
const CALLBACK_GAS = 1_000_000n;

let node;
let artifacts;
before(async () => {
  artifacts = {
    ...(await compileContractFile(`${CONTRACTS}PrivatePoll.sol`)).contracts,
    ...(await compileContractFile(`${CONTRACTS}SalaryBenchmark.sol`)).contracts,
  };
  if (!skipChain) node = await startNode();
});
after(async () => {
  await node?.api.disconnect();
  node?.stop();
});

const withLog = (body) => withNodeLog(node, body);

/** What the tests measure, printed at the end as one JSON line. */
const figures = {};
after(() => {
  if (Object.keys(figures).length) {
    console.log(`contracts-figures: ${JSON.stringify(figures, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
  }
});

const weightOf = (dry) => ({ refTime: dry.weightConsumed.refTime, proofSize: dry.weightConsumed.proofSize, gas: dry.gasConsumed });

/** The block number of `blockHash`. */
const blockNumber = async (api, blockHash) => (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

/** Funds `accounts` with `amount` each from `funder`, all in one block or a few. */
async function fund(api, funder, accounts, amount) {
  const nonce = (await api.rpc.system.accountNextIndex(funder.address)).toNumber();
  await Promise.all(accounts.map((a, k) => send(api, funder, api.tx.balances.transferKeepAlive(a.address, amount), { nonce: nonce + k })));
}

/** Resolves once job `jobId` has ended (Completed, Settled, Failed or Cancelled). */
async function untilEnded(api, jobId) {
  for (;;) {
    const job = await getJob(api, jobId);
    if (['Completed', 'Settled', 'Failed', 'Cancelled'].includes(job.phase)) return job;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

test('the client\'s precompile ABI is contracts/IMpc.sol\'s and the canonical signatures of PROTOCOL.md 13.1', async () => {
  const source = readFileSync(`${CONTRACTS}IMpc.sol`, 'utf8');
  const { contracts } = await compileSolidity({ 'IMpc.sol': source }, { includeInterfaces: true });
  const imcp = contracts.IMpc.interface;
  const consumer = contracts.IMpcConsumer.interface;
  const selectors = (iface) => {
    const out = [];
    iface.forEachFunction((f) => out.push([f.format('sighash'), f.selector]));
    return out.sort();
  };
  const topics = (iface) => {
    const out = [];
    iface.forEachEvent((e) => out.push([e.format('sighash'), e.topicHash]));
    return out.sort();
  };
  const mine = selectors(mpcInterface);
  assert.deepEqual(mine, [...selectors(imcp), ...selectors(consumer)].sort());
  assert.deepEqual(topics(mpcInterface), topics(imcp));
  // The signatures of section 13.1, hashed here.
  const canonical = [
    'createJob((uint32,uint32,uint32,uint8,uint32,uint32,uint32,bytes32[],bytes,uint128,uint8,int128[],int128[],uint64))',
    'job(uint64)', 'result(uint64)', 'fulfill(uint64)', 'pendingCallback(uint64)', 'cancelJob(uint64)', 'closeInputs(uint64)', 'removeJob(uint64)', 'nextRound()',
    'randomness(uint64,bytes32)', 'onMpcResult(uint64,bool,int256[],uint32)',
  ];
  const sel = (s) => `0x${toHex(keccak_256(new TextEncoder().encode(s)).slice(0, 4))}`;
  assert.deepEqual(canonical.map((s) => [s, sel(s)]).sort(), mine);
  assert.equal(mpcInterface.getEvent('CallbackDelivered').topicHash, `0x${toHex(keccak_256(new TextEncoder().encode('CallbackDelivered(uint64,bool)')))}`);
  assert.equal(mpcInterface.getEvent('JobCreated').topicHash, `0x${toHex(keccak_256(new TextEncoder().encode('JobCreated(uint64,address,uint64)')))}`);
  // The address of IMpc.sol.
  assert.match(source, new RegExp(`address constant MPC_PRECOMPILE = ${MPC_PRECOMPILE};`));
  // Both contracts compiled, with code; a compile error is an MpcError naming the problem.
  for (const name of ['PrivatePoll', 'SalaryBenchmark']) {
    assert.ok(artifacts[name].bytecode.length > 0 && artifacts[name].deployedBytecode.length > 0, name);
    assert.ok(artifacts[name].interface.getFunction('onMpcResult'), name);
  }
  await assert.rejects(compileSolidity({ 'Bad.sol': 'pragma solidity ^0.8.20; contract Bad { function f() public { x = 1; } }' }),
    (e) => e instanceof MpcError && e.errorName === 'CompileError' && /Undeclared identifier/.test(e.message));
});

test('the client encodes and decodes the precompile\'s ABI as the contracts vectors say (primitives/tests/vectors/contracts-v1.json)', () => {
  const v = JSON.parse(readFileSync(VECTORS, 'utf8'));
  assert.equal(normalizeAddress(MPC_PRECOMPILE), v.address);
  const spec = v.create_job.spec;
  assert.equal(mpcInterface.encodeFunctionData('createJob', [spec]), v.create_job.calldata);
  assert.equal(mpcInterface.decodeFunctionResult('createJob', v.create_job.returns.data)[0], BigInt(v.create_job.returns.jobId));
  for (const m of ['fulfill', 'job', 'result']) assert.equal(mpcInterface.encodeFunctionData(m, [7n]), v[m].calldata);
  for (const [m, key] of [['pendingCallback', 'pending_callback'], ['cancelJob', 'cancel_job'], ['closeInputs', 'close_inputs'], ['removeJob', 'remove_job']]) {
    assert.equal(mpcInterface.encodeFunctionData(m, [7n]), v[key].calldata, m);
  }
  for (const m of ['cancelJob', 'closeInputs', 'removeJob']) assert.equal(mpcInterface.getFunction(m).outputs.length, 0, m);
  const pending = mpcInterface.decodeFunctionResult('pendingCallback', v.pending_callback.returns.data);
  const owed = v.pending_callback.returns;
  assert.deepEqual(
    [pending.owed, pending.consumer.toLowerCase(), pending.callbackGas, pending.refTimeNeeded, pending.depositNeeded, pending.proofSizeNeeded],
    [owed.owed, owed.consumer, BigInt(owed.callbackGas), BigInt(owed.refTimeNeeded), BigInt(owed.depositNeeded), BigInt(owed.proofSizeNeeded)],
  );
  // Section 13.4's figures for those 3,000,000 gas, on a runtime whose fee is one unit per
  // picosecond and whose GasScale is 50,000 (the dev runtime, which the vectors use).
  const g = BigInt(owed.callbackGas);
  assert.equal(BigInt(owed.refTimeNeeded), (g + g / 64n + 10_000n) * 50_000n);
  assert.equal(BigInt(owed.depositNeeded), g * 50_000n);
  assert.equal(mpcInterface.encodeFunctionData('nextRound', []), v.next_round.calldata);
  assert.equal(mpcInterface.encodeFunctionData('randomness', [3n, v.randomness.subject]), v.randomness.calldata);
  const job = mpcInterface.decodeFunctionResult('job', v.job.returns.data);
  const want = v.job.returns;
  assert.deepEqual(
    [job.owner.toLowerCase(), job.ownerAccount, job.phase, job.failure, job.committeeSize, job.threshold, job.dimension, job.inputCount, job.qualifiedCount, job.deadline],
    [want.owner, want.ownerAccount, ...['phase', 'failure', 'committeeSize', 'threshold', 'dimension', 'inputCount', 'qualifiedCount', 'deadline'].map((k) => BigInt(want[k]))],
  );
  const result = mpcInterface.decodeFunctionResult('result', v.result.returns.data);
  assert.deepEqual([result.ready, result.qualifiedInputs, result.decimals, [...result.sums], [...result.means]], [
    v.result.returns.ready, BigInt(v.result.returns.qualifiedInputs), BigInt(v.result.returns.decimals), v.result.returns.sums.map(BigInt), v.result.returns.means.map(BigInt),
  ]);
  const cb = v.callback;
  assert.equal(mpcInterface.encodeFunctionData('onMpcResult', [cb.jobId, cb.completed, cb.sums, cb.qualifiedInputs]), cb.calldata);
  // Events, as they arrive in revive.ContractEmitted.
  const created = mpcInterface.parseLog(v.events.JobCreated);
  assert.deepEqual([created.name, created.args.jobId, created.args.owner.toLowerCase(), created.args.callbackGas], ['JobCreated', 7n, `0x${'ab'.repeat(20)}`, 3_000_000n]);
  const delivered = mpcInterface.parseLog(v.events.CallbackDelivered);
  assert.deepEqual([delivered.name, delivered.args.jobId, delivered.args.success], ['CallbackDelivered', 7n, false]);
  // Output scalars as int256, floor means, and the randomness a contract reads.
  for (const { scalar, int256 } of v.decode_output) assert.equal(decodeValue(scalarFromBytes(fromHex(scalar))), BigInt(int256));
  for (const { sum, q, mean } of v.means) assert.equal(floorDiv(BigInt(sum), q), BigInt(mean));
  const r = v.randomness;
  assert.equal(`0x${toHex(contractRandomness(r.rho, r.caller, r.subject))}`, r.value);
});

test('addresses and accounts: a contract\'s account is its address and twelve 0xEE bytes; an sr25519 account maps to keccak', () => {
  const address = '0xe2a313e210a6ec1d5a9c0806545670f2e6264f86';
  const account = contractAccount(address);
  assert.equal(toHex(decodeAddress(account)), `${address.slice(2)}${'ee'.repeat(12)}`);
  assert.equal(ethAddress(account), address);
  // Alice's, as pallet-revive's AccountId32Mapper maps it (checked against ReviveApi.address below).
  const alice = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
  assert.equal(ethAddress(alice), `0x${toHex(keccak_256(decodeAddress(alice)).slice(12))}`);
  assert.equal(accountBytes32(alice), `0x${toHex(decodeAddress(alice))}`);
  assert.equal(normalizeAddress(MPC_PRECOMPILE), '0x000000000000000000000000000000000d000000');
  assert.throws(() => normalizeAddress('0x1234'), /20 bytes/);
});

test('a private poll run by a contract: ten ballots, a malformed one refused by the chain, the exact tally delivered by fulfill', { skip: skipChain, timeout: 600_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [alice, bob, eve, charlie] = ['//Alice', '//Bob', '//Eve', '//Charlie'].map((s) => keyring.addFromUri(s));
  const poll = artifacts.PrivatePoll;
  // Dev accounts are mapped (AutoMap maps the genesis accounts too).
  assert.equal((await api.call.reviveApi.address(alice.address)).toHex(), ethAddress(alice.address));
  assert.equal((await api.query.revive.originalAccount(ethAddress(alice.address))).isSome, true);

  // Ten fresh voters.
  const voters = Array.from({ length: 10 }, (_, k) => keyring.addFromUri(`//PollVoter${k + 1}`));
  await fund(api, eve, voters, 10n * UNIT);

  // Deployed from Alice with 10 tokens: the escrow (5 workers x 1 token) and the job's deposit.
  const params = {
    question: 'Which option?', options: 3, voters: voters.map((v) => accountBytes32(v.address)), minBallots: 6,
    committeeSize: 5, threshold: 2, inputWindow: 40, rewardPerWorker: UNIT, callbackGas: CALLBACK_GAS,
  };
  const deployed = await deployContract(api, alice, poll, [params, false], { value: 10n * UNIT });
  const { address } = deployed;
  const code = await contractCode(api, address);
  assert.equal(code.length, poll.deployedBytecode.length);
  assert.equal((await api.query.system.account(deployed.account)).data.free.toBigInt() >= 10n * UNIT, true);
  assert.equal(await readContract(api, address, poll, 'status'), 0n);
  assert.equal((await readContract(api, address, poll, 'creator')).toLowerCase(), ethAddress(alice.address));
  await assert.rejects(readContract(api, address, poll, 'tally'), (e) => e instanceof ContractError && e.reason === 'NotRevealed');
  // Only the creator opens it.
  await assert.rejects(callContract(api, bob, address, poll, 'open'), (e) => e instanceof ContractError && e.reason === 'NotCreator');

  const openDry = await dryRunCall(api, alice, address, poll.interface.encodeFunctionData('open', []));
  const opened = await callContract(api, alice, address, poll, 'open');
  const jobId = opened.result;
  assert.equal(typeof jobId, 'bigint');
  const created = mpcEvents(api, opened.events);
  assert.deepEqual(created, [{ name: 'JobCreated', jobId, owner: address, callbackGas: CALLBACK_GAS }]);
  assert.deepEqual(opened.logs.filter((l) => l.name === 'PollOpened').map((l) => l.args), [{ jobId, options: 3n, voters: 10n, minBallots: 6n }]);
  // What fulfill must leave the callback (section 13.4): on the dev runtime one unit of fee is
  // one picosecond, and one gas GasScale units of fee.
  const gasScale = BigInt(api.consts.revive.gasScale.toString());
  const owed = await pendingCallback(api, jobId);
  assert.deepEqual(owed, {
    consumer: address, callbackGas: CALLBACK_GAS, refTimeNeeded: (CALLBACK_GAS + CALLBACK_GAS / 64n + 10_000n) * gasScale, depositNeeded: CALLBACK_GAS * gasScale,
    proofSizeNeeded: BigInt(api.consts.mpcContracts.callbackProofSize.toString()),
  });
  await assert.rejects(callContract(api, alice, address, poll, 'open'), (e) => e instanceof ContractError && e.reason === 'NotCreated');

  // The job the contract created: its owner is the contract's account, the rule one-hot, the
  // voters the only providers, minInputs the minimum of ballots.
  const job = await getJob(api, jobId);
  assert.equal(job.owner, deployed.account);
  assert.deepEqual(job.inputRule, { type: 'OneHot', abstain: false });
  assert.deepEqual([job.n, job.t, job.d, job.maxInputs], [5, 2, 3, 10]);
  const stored = (await api.query.mpc.jobs(jobId)).unwrap();
  assert.equal(stored.minInputs.toNumber(), 6);
  assert.deepEqual(stored.allowedProviders.unwrap().map((a) => a.toString()), voters.map((v) => v.address));
  assert.equal(stored.escrow.toBigInt(), 5n * UNIT);
  const viaMpc = await readMpc(api, 'job', [jobId]);
  assert.equal(viaMpc.owner.toLowerCase(), address);
  assert.equal(viaMpc.ownerAccount, accountBytes32(deployed.account));
  assert.equal(JOB_PHASE_NAMES[Number(viaMpc.phase)], 'Collecting');
  assert.deepEqual(await readMpc(api, 'result', [jobId]), { ready: false, qualifiedInputs: 0n, decimals: 0n, sums: [], means: [] });

  // fulfill before the end: refused (nothing sent); so are the contract's cleanup and withdraw.
  await assert.rejects(fulfill(api, bob, jobId), (e) => e instanceof ContractError && e.reason === 'NotEnded');
  await assert.rejects(callContract(api, bob, address, poll, 'cleanup'), (e) => e instanceof ContractError && e.reason === 'NotEnded');
  await assert.rejects(callContract(api, alice, address, poll, 'withdraw', [ethAddress(alice.address)]), (e) => e instanceof ContractError && e.reason === 'NotEnded');
  // Nobody but the precompile may deliver a result: a dry run reverts, and so does the transaction.
  const forged = [jobId, true, [10n, 0n, 0n], 10];
  await assert.rejects(callContract(api, bob, address, poll, 'onMpcResult', forged), (e) => e instanceof ContractError && e.reason === 'NotPrecompile');
  const forgedTx = api.tx.revive.call(address, 0, { refTime: 5_000_000_000n, proofSize: 1_000_000n }, UNIT, poll.interface.encodeFunctionData('onMpcResult', forged));
  await assert.rejects(send(api, bob, forgedTx), (e) => e instanceof MpcError && e.errorName === 'Revive.ContractReverted');
  assert.equal(await readContract(api, address, poll, 'status'), 1n);

  // A malformed ballot (two options) is refused by the client before anything is sent, and
  // by the chain when sent anyway, with or without a one-hot proof of another dealing.
  const [first] = voters;
  await assert.rejects(submitInput(api, first, jobId, [1n, 1n, 0n]), (e) => e instanceof ProtocolError && e.code === 'ballot');
  const { keys, digest } = await getCommittee(api, jobId);
  const genesis = api.genesisHash.toU8a();
  const provider = decodeAddress(first.address);
  const twoOptions = deal({ genesis, jobId, provider, keys, t: 2, values: [1n, 1n, 0n] });
  const other = dealWithRule({ genesis, jobId, provider, keys, t: 2, values: [0n, 1n, 0n], rule: { type: 'OneHot', abstain: false } });
  await assert.rejects(send(api, first, submitInputTx(api, jobId, digest, twoOptions)), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidValidityProof');
  await assert.rejects(send(api, first, submitInputTx(api, jobId, digest, twoOptions, other.validity)), (e) => e instanceof MpcError && e.errorName === 'Mpc.InvalidValidityProof');
  // Someone not on the list: refused too.
  await assert.rejects(submitInput(api, charlie, jobId, [1n, 0n, 0n]), (e) => e instanceof MpcError && e.errorName === 'Mpc.ProviderNotAllowed');
  assert.equal((await getJob(api, jobId)).inputCount, 0);

  // Ten ballots, dealt here with their one-hot proofs by the wasm prover, all at once.
  const choices = [0, 2, 1, 0, 0, 2, 1, 0, 2, 0];
  const expected = [0, 1, 2].map((o) => BigInt(choices.filter((c) => c === o).length));
  const sent = await Promise.all(voters.map((v, k) => submitInput(api, v, jobId, [0n, 1n, 2n].map((o) => (BigInt(choices[k]) === o ? 1n : 0n)), { dealer: 'wasm' })));
  const lastBallot = Math.max(...(await Promise.all(sent.map((s) => blockNumber(api, s.blockHash)))));
  await assert.rejects(submitInput(api, first, jobId, [1n, 0n, 0n]), (e) => e instanceof MpcError && /^Mpc\.(AlreadySubmitted|NotCollecting)$/.test(e.errorName));
  assert.equal((await readContract(api, address, poll, 'jobState')).inputCount, 10n);

  const result = await waitForResult(api, jobId);
  assert.deepEqual(result.sums, expected);
  assert.equal(result.qualifiedInputs, 10);
  // The chain has the tally; the contract does not, until someone fulfills.
  await assert.rejects(readContract(api, address, poll, 'tally'), (e) => e instanceof ContractError && e.reason === 'NotRevealed');
  const viaResult = await readMpc(api, 'result', [jobId], { withDryRun: true });
  assert.deepEqual(viaResult.value.sums, expected);
  assert.equal(viaResult.value.ready, true);

  // Anyone fulfills: Bob.
  const fulfillDry = await dryRunCall(api, bob, MPC_PRECOMPILE, mpcInterface.encodeFunctionData('fulfill', [jobId]));
  const delivered = await fulfill(api, bob, jobId, { abi: poll });
  assert.deepEqual(delivered.delivered, { jobId, success: true });
  assert.deepEqual(delivered.callback, owed);
  assert.deepEqual(mpcEvents(api, delivered.events), [{ name: 'CallbackDelivered', jobId, success: true }]);
  const revealed = delivered.logs.find((l) => l.name === 'PollRevealed');
  assert.deepEqual(revealed.args, { jobId, tally: expected, ballots: 10n });
  const callbackBlock = await blockNumber(api, delivered.blockHash);

  const tally = await readContract(api, address, poll, 'tally', [], { withDryRun: true });
  assert.deepEqual(tally.value, expected);
  assert.deepEqual(await readContract(api, address, poll, 'winner'), { option: 0n, votes: 5n });
  assert.equal(await readContract(api, address, poll, 'status'), 2n);
  assert.equal(await readContract(api, address, poll, 'ballots'), 10n);
  // Delivered once.
  assert.equal(await pendingCallback(api, jobId), null);
  await assert.rejects(fulfill(api, bob, jobId), (e) => e instanceof ContractError && e.reason === 'NoCallback');
  // The CLI reads the same tally (by signature, or by name with the contract's source) and is
  // refused the delivered callback.
  const cli = (...args) => run('node', [CLI, ...args, '--url', url]);
  const [bySignature, byName] = await Promise.all([
    cli('contract', 'read', address, 'tally() view returns (int256[])', '--json'),
    cli('contract', 'read', address, 'tally', '--abi', `${CONTRACTS}PrivatePoll.sol`, '--json'),
  ]);
  assert.deepEqual(JSON.parse(bySignature.stdout), expected.map(String));
  assert.deepEqual(JSON.parse(byName.stdout), expected.map(String));
  await assert.rejects(cli('contract', 'fulfill', String(jobId), '--suri', '//Bob'), (e) => e.code === 1 && /NoCallback/.test(e.stderr));
  await assert.rejects(cli('contract', 'read', address, 'tally', '--abi', `${CONTRACTS}PrivatePoll.sol`, '--contract', 'Nope'), (e) => e.code === 2 && /no contract Nope/.test(e.stderr));
  const jobView = await readContract(api, address, poll, 'jobState', [], { withDryRun: true });
  const completedAt = (await getJob(api, jobId)).timeline.completed;

  Object.assign(figures, {
    codeSize: { runtime: code.length, init: poll.bytecode.length, salaryBenchmarkRuntime: artifacts.SalaryBenchmark.deployedBytecode.length },
    deploy: { ...weightOf(deployed.dryRun), storageDeposit: deployed.dryRun.storageDeposit.charge },
    createJobViaContract: { ...weightOf(openDry), storageDeposit: openDry.storageDeposit.charge },
    fulfill: {
      ...weightOf(fulfillDry), callbackGas: CALLBACK_GAS, refTimeNeeded: owed.refTimeNeeded, depositNeeded: owed.depositNeeded, weightLimit: delivered.limits.weight.refTime,
    },
    views: { tally: weightOf(tally.dryRun), jobStateViaPrecompile: weightOf(jobView.dryRun), precompileResult: weightOf(viaResult.dryRun) },
    blocks: { lastBallot, completed: completedAt, callback: callbackBlock, lastBallotToCompleted: completedAt - lastBallot, lastBallotToCallback: callbackBlock - lastBallot },
  });
  console.log(`poll job ${jobId}: tally ${expected.join(', ')} from 10 ballots (block ${lastBallot}), completed in block ${completedAt}, delivered to ${address} in block ${callbackBlock}`);
}));

test('a poll with too few ballots never reveals: the job fails, fulfill delivers completed = false, tally() reverts', { skip: skipChain, timeout: 300_000 }, () => withLog(async ({ api, url }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [ferdie, dave, eve] = ['//Ferdie', '//Dave', '//Eve'].map((s) => keyring.addFromUri(s));
  const poll = artifacts.PrivatePoll;
  const voters = [ferdie, dave, eve];
  const params = {
    question: 'Too few?', options: 2, voters: voters.map((v) => accountBytes32(v.address)), minBallots: 3,
    committeeSize: 5, threshold: 2, inputWindow: 12, rewardPerWorker: UNIT / 10n, callbackGas: CALLBACK_GAS,
  };
  // Too little value for the escrow: the constructor's createJob reverts with the pallet's
  // error, as the precompile names it.
  await assert.rejects(deployContract(api, ferdie, poll, [params, true], { value: UNIT / 10n }), (e) => e instanceof ContractError);
  // Opened in the constructor, funded by the deployment; deployed with the CLI.
  const args = JSON.stringify([{ ...params, rewardPerWorker: String(params.rewardPerWorker), callbackGas: String(params.callbackGas) }, true]);
  const { stdout } = await run('node', [CLI, 'contract', 'deploy', `${CONTRACTS}PrivatePoll.sol`, '--args', args, '--value', String(2n * UNIT), '--suri', '//Ferdie', '--url', url, '--json']);
  const deployed = JSON.parse(stdout);
  const { address } = deployed;
  assert.equal(deployed.contract, 'PrivatePoll');
  assert.equal(deployed.account, contractAccount(address));
  const created = deployed.logs.find((l) => l.name === 'JobCreated');
  assert.equal(created.contract, normalizeAddress(MPC_PRECOMPILE));
  assert.equal(created.args.owner.toLowerCase(), address);
  const jobId = BigInt(created.args.jobId);
  assert.equal(await readContract(api, address, poll, 'jobId'), jobId);
  assert.equal(await readContract(api, address, poll, 'status'), 1n);

  // Two ballots of the three needed.
  await Promise.all([ferdie, dave].map((v, k) => submitInput(api, v, jobId, k === 0 ? [1n, 0n] : [0n, 1n], { dealer: 'wasm' })));
  await assert.rejects(fulfill(api, eve, jobId), (e) => e instanceof ContractError && e.reason === 'NotEnded');
  const ended = await untilEnded(api, jobId);
  assert.equal(ended.phase, 'Failed');
  assert.equal(ended.failureReason, 'TooFewInputs');
  const viaMpc = await readMpc(api, 'job', [jobId]);
  assert.equal(JOB_PHASE_NAMES[Number(viaMpc.phase)], 'Failed');
  assert.equal((await readMpc(api, 'result', [jobId])).ready, false);

  const delivered = await fulfill(api, eve, jobId, { abi: poll });
  assert.deepEqual(delivered.delivered, { jobId, success: true });
  assert.deepEqual(delivered.logs.find((l) => l.name === 'PollFailed').args, { jobId, completed: false, ballots: 0n });
  assert.equal(await readContract(api, address, poll, 'status'), 3n);
  await assert.rejects(readContract(api, address, poll, 'tally'), (e) => e instanceof ContractError && e.reason === 'NotRevealed');
  await assert.rejects(readContract(api, address, poll, 'winner'), (e) => e instanceof ContractError && e.reason === 'NotRevealed');
  await assert.rejects(fulfill(api, eve, jobId), (e) => e instanceof ContractError && e.reason === 'NoCallback');

  // The escrow came back to the contract (less the seats paid); the creator withdraws it.
  const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();
  const left = await free(deployed.account);
  assert.ok(left > UNIT, `the contract has ${left} left`);
  await assert.rejects(callContract(api, dave, address, poll, 'withdraw', [ethAddress(dave.address)]), (e) => e instanceof ContractError && e.reason === 'NotCreator');
  const before = await free(dave.address);
  const { logs } = await callContract(api, ferdie, address, poll, 'withdraw', [ethAddress(dave.address)]);
  const withdrawn = logs.find((l) => l.name === 'Withdrawn');
  assert.equal(withdrawn.args.to.toLowerCase(), ethAddress(dave.address));
  const gained = (await free(dave.address)) - before;
  // The event's amount is in wei inside the EVM: 10^6 per planck on this chain.
  assert.equal(withdrawn.args.amount, gained * 1_000_000n);
  assert.ok(gained > 0n && gained <= left, `withdrew ${gained} of ${left}`);
  console.log(`poll job ${jobId}: 2 ballots of 3 needed, failed (TooFewInputs); fulfill delivered completed = false, tally() reverts NotRevealed`);
}));

test('a salary benchmark paid by a contract: range-proved salaries, the average revealed only by the callback', { skip: skipChain, timeout: 400_000 }, () => withLog(async ({ api }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));
  const bench = artifacts.SalaryBenchmark;
  const providers = [bob, charlie, dave];
  const params = {
    title: 'salaries', providers: providers.map((p) => accountBytes32(p.address)), minProviders: 3, decimals: 2, low: 0n, high: 10_000_000n,
    committeeSize: 5, threshold: 2, inputWindow: 40, rewardPerWorker: UNIT / 10n, callbackGas: CALLBACK_GAS,
  };
  const { address } = await deployContract(api, alice, bench, [params, false], { value: 2n * UNIT });
  const { result: jobId } = await callContract(api, alice, address, bench, 'open');
  const job = await getJob(api, jobId);
  assert.deepEqual(job.inputRule, { type: 'Range', bounds: [[0n, 10_000_000n]] });
  assert.equal(job.decimals, 2);
  // Out of range: refused before anything is sent.
  await assert.rejects(submitInput(api, bob, jobId, ['100000.01']), (e) => e instanceof ProtocolError && e.code === 'range');
  const salaries = ['4250.75', '5100.00', '3875.50'];
  await Promise.all(providers.map((p, k) => submitInput(api, p, jobId, [salaries[k]], { dealer: 'wasm' })));
  await assert.rejects(readContract(api, address, bench, 'average'), (e) => e instanceof ContractError && e.reason === 'NotRevealed');
  const result = await waitForResult(api, jobId);
  assert.deepEqual(result.sums, [1322625n]);
  const delivered = await fulfill(api, alice, jobId, { abi: bench });
  assert.deepEqual(delivered.delivered, { jobId, success: true });
  // floor(1322625 / 3) = 440875: 4408.75.
  assert.deepEqual(await readContract(api, address, bench, 'average'), { value: 440875n, count: 3n, decimals: 2n });
  assert.deepEqual(delivered.logs.find((l) => l.name === 'BenchmarkRevealed').args, { jobId, mean: 440875n, contributions: 3n });
  console.log(`benchmark job ${jobId}: average 4408.75 of 3 range-proved salaries, revealed to ${address} by the callback`);
}));

test('createJob refuses a callbackGas no fulfill could carry (CallbackGasTooHigh), directly or through a contract; the largest it accepts is fulfilled', { skip: skipChain, timeout: 180_000 }, () => withLog(async ({ api }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  // The largest callbackGas whose ref_time_needed fits 90 % of a normal extrinsic's ref_time
  // (PROTOCOL.md 13.2; the dev runtime's fee is one unit per picosecond).
  const gasScale = BigInt(api.consts.revive.gasScale.toString());
  const cap = (api.consts.system.blockWeights.perClass.normal.maxExtrinsic.unwrap().refTime.toBigInt() / 10n) * 9n;
  const needed = (g) => (g + g / 64n + 10_000n) * gasScale;
  let [low, high] = [0n, 2n ** 63n];
  while (high - low > 1n) {
    const mid = (low + high) / 2n;
    if (needed(mid) <= cap) low = mid; else high = mid;
  }
  const spec = (callbackGas) => ({
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 0, inputWindow: 20, maxInputs: 3, minInputs: 1, allowedProviders: [],
    metadata: '0x', rewardPerWorker: UNIT / 10n, ruleKind: 0, lows: [], highs: [], callbackGas,
  });
  const createDry = (g) => dryRunCall(api, alice, MPC_PRECOMPILE, mpcInterface.encodeFunctionData('createJob', [spec(g)]));
  // The largest accepted, one more refused; by an account, dry runs only.
  const accepted = await createDry(low);
  assert.equal(accepted.error, null);
  assert.equal(accepted.reverted, false, `callbackGas ${low}: ${accepted.reverted && revertError(accepted.data).message}`);
  const refused = await createDry(low + 1n);
  assert.equal(refused.reverted, true);
  assert.equal(revertError(refused.data).reason, 'CallbackGasTooHigh');
  // Through the client: refused by the dry run, nothing sent.
  const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await assert.rejects(callContract(api, alice, MPC_PRECOMPILE, mpcInterface, 'createJob', [spec(2n ** 40n)]),
    (e) => e instanceof ContractError && e.reason === 'CallbackGasTooHigh');
  // A poll opened in its constructor with such a callbackGas: the precompile's revert comes
  // back through the contract.
  const params = {
    question: 'Too much gas?', options: 2, voters: [accountBytes32(alice.address)], minBallots: 1,
    committeeSize: 5, threshold: 2, inputWindow: 20, rewardPerWorker: UNIT / 10n, callbackGas: low + 1n,
  };
  await assert.rejects(deployContract(api, alice, artifacts.PrivatePoll, [params, true], { value: 2n * UNIT }),
    (e) => e instanceof ContractError && e.reason === 'CallbackGasTooHigh');
  assert.equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonce);
  // The largest accepted one can be fulfilled: a poll opened with it, cancelled at once (so
  // its job has ended), gets its callback from one fulfill (weight limit near a whole
  // extrinsic's).
  const largest = await deployContract(api, alice, artifacts.PrivatePoll, [{ ...params, callbackGas: low }, true], { value: 2n * UNIT });
  const [{ jobId, callbackGas }] = mpcEvents(api, largest.events);
  assert.equal(callbackGas, low);
  await callContract(api, alice, largest.address, artifacts.PrivatePoll, 'cancel');
  const owed = await pendingCallback(api, jobId);
  assert.equal(owed.refTimeNeeded, needed(low));
  const bob = keyring.addFromUri('//Bob');
  const delivered = await fulfill(api, bob, jobId, { abi: artifacts.PrivatePoll });
  assert.deepEqual(delivered.delivered, { jobId, success: true });
  assert.equal(await pendingCallback(api, jobId), null);
  figures.largestCallback = { callbackGas: low, refTimeNeeded: owed.refTimeNeeded, fulfillWeightLimit: delivered.limits.weight.refTime };
  console.log(`fulfill of that callback sent with a ref_time limit of ${delivered.limits.weight.refTime} ps`);
  console.log(`createJob: callbackGas up to ${low} accepted (ref_time needed ${needed(low)} of ${cap} ps), ${low + 1n} refused CallbackGasTooHigh`);
}));

test('the poll\'s owner controls through the precompile: closeBallots, cancel, cleanup (removeJob)', { skip: skipChain, timeout: 300_000 }, () => withLog(async ({ api }) => {
  const keyring = new Keyring({ type: 'sr25519' });
  const [charlie, alice, bob] = ['//Charlie', '//Alice', '//Bob'].map((s) => keyring.addFromUri(s));
  const poll = artifacts.PrivatePoll;
  const params = {
    question: 'Early?', options: 2, voters: [alice, bob].map((v) => accountBytes32(v.address)), minBallots: 1,
    committeeSize: 5, threshold: 2, inputWindow: 200, rewardPerWorker: UNIT / 10n, callbackGas: CALLBACK_GAS,
  };
  // Closed early by its creator once one ballot arrived: the tally of that one ballot.
  const early = await deployContract(api, charlie, poll, [params, true], { value: 2n * UNIT });
  const [{ jobId }] = mpcEvents(api, early.events);
  await assert.rejects(callContract(api, charlie, early.address, poll, 'closeBallots'), (e) => e instanceof ContractError && e.reason === 'TooFewInputs');
  await submitInput(api, alice, jobId, [0n, 1n], { dealer: 'wasm' });
  await assert.rejects(callContract(api, alice, early.address, poll, 'closeBallots'), (e) => e instanceof ContractError && e.reason === 'NotCreator');
  await callContract(api, charlie, early.address, poll, 'closeBallots');
  assert.deepEqual((await waitForResult(api, jobId)).sums, [0n, 1n]);
  // Before its outcome was delivered the job stays (cleanup refuses); then anyone removes it.
  await assert.rejects(callContract(api, bob, early.address, poll, 'cleanup'), (e) => e instanceof ContractError && e.reason === 'NotEnded');
  assert.deepEqual((await fulfill(api, bob, jobId)).delivered, { jobId, success: true });
  assert.deepEqual(await readContract(api, early.address, poll, 'tally'), [0n, 1n]);
  await untilEnded(api, jobId);
  for (;;) {
    try {
      await callContract(api, bob, early.address, poll, 'cleanup');
      break;
    } catch (e) {
      // Settled only once the workers are paid; the pallet's cleanup of the inputs runs first.
      if (!(e instanceof ContractError && ['JobNotEnded', 'CleanupPending'].includes(e.reason))) throw e;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  assert.equal(await getJob(api, jobId), null);
  assert.deepEqual(await readContract(api, early.address, poll, 'tally'), [0n, 1n]);

  // Cancelled by its creator before any ballot: failed at once; fulfill delivers the outcome,
  // which changes nothing; cleanup removes the job.
  const cancelled = await deployContract(api, charlie, poll, [params, true], { value: 2n * UNIT });
  const [{ jobId: second }] = mpcEvents(api, cancelled.events);
  await assert.rejects(callContract(api, alice, cancelled.address, poll, 'cancel'), (e) => e instanceof ContractError && e.reason === 'NotCreator');
  await callContract(api, charlie, cancelled.address, poll, 'cancel');
  assert.equal((await getJob(api, second)).phase, 'Cancelled');
  assert.equal(await readContract(api, cancelled.address, poll, 'status'), 3n);
  assert.deepEqual((await fulfill(api, bob, second)).delivered, { jobId: second, success: true });
  await callContract(api, bob, cancelled.address, poll, 'cleanup');
  assert.equal(await getJob(api, second), null);
  await assert.rejects(readContract(api, cancelled.address, poll, 'tally'), (e) => e instanceof ContractError && e.reason === 'NotRevealed');
}));
