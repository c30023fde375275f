// Privacy smart contracts (PROTOCOL.md section 13): compile Solidity with solc, deploy and call
// contracts on pallet-revive with @polkadot/api, read their views with the `ReviveApi` dry run,
// and drive the MPC precompile at 0x000000000000000000000000000000000D000000 (`fulfill`, its
// views and events). ABI encoding is ethers' (`Interface`).
//
// Amounts are in the chain's native unit (planck), never wei: `revive.call` and
// `revive.instantiateWithCode` take native values and pallet-revive converts them (the dev
// runtime's NativeToEthRatio is 10^6: 1 planck is 10^6 wei inside the EVM).

import { Interface } from 'ethers';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { fromHex, toHex, concat, subjectValue } from './protocol.js';
import { MpcError, send, decodeDispatchError } from './tx.js';

/** The MPC precompile's address (`contracts/IMpc.sol`'s `MPC_PRECOMPILE`). */
export const MPC_PRECOMPILE = '0x000000000000000000000000000000000D000000';

/**
 * The precompile's interface (`contracts/IMpc.sol`: `IMpc`, and the consumer's `onMpcResult`)
 * in ethers' human-readable form.
 */
export const MPC_ABI = Object.freeze([
  'function createJob((uint32 committeeSize, uint32 threshold, uint32 dimension, uint8 decimals, uint32 inputWindow, uint32 maxInputs, uint32 minInputs, bytes32[] allowedProviders, bytes metadata, uint128 rewardPerWorker, uint8 ruleKind, int128[] lows, int128[] highs, uint64 callbackGas) spec) returns (uint64 jobId)',
  'function job(uint64 jobId) view returns (address owner, bytes32 ownerAccount, uint8 phase, uint8 failure, uint32 committeeSize, uint32 threshold, uint32 dimension, uint32 inputCount, uint32 qualifiedCount, uint64 deadline)',
  'function result(uint64 jobId) view returns (bool ready, uint32 qualifiedInputs, uint8 decimals, int256[] sums, int256[] means)',
  'function fulfill(uint64 jobId)',
  'function pendingCallback(uint64 jobId) view returns (bool owed, address consumer, uint64 callbackGas, uint64 refTimeNeeded, uint128 depositNeeded, uint64 proofSizeNeeded)',
  'function cancelJob(uint64 jobId)',
  'function closeInputs(uint64 jobId)',
  'function removeJob(uint64 jobId)',
  'function nextRound() view returns (uint64 round)',
  'function randomness(uint64 round, bytes32 subject) view returns (bytes32 value)',
  'function onMpcResult(uint64 jobId, bool completed, int256[] sums, uint32 qualifiedInputs)',
  'event JobCreated(uint64 indexed jobId, address indexed owner, uint64 callbackGas)',
  'event CallbackDelivered(uint64 indexed jobId, bool success)',
]);

/** {@link MPC_ABI} as an ethers `Interface`. */
export const mpcInterface = new Interface(MPC_ABI);

/** `job(jobId).phase`: the SCALE index of pallet-mpc's `JobPhase`, as its variant's name. */
export const JOB_PHASE_NAMES = Object.freeze(['Collecting', 'Verifying', 'Computing', 'Completed', 'Settled', 'Failed', 'Cancelled', 'Drawing']);

/** The EVM version the contracts are compiled for by default (pallet-revive's interpreter runs it). */
export const DEFAULT_EVM_VERSION = 'cancun';

/**
 * A contract call that reverted: `errorName` is `'ContractReverted'`, `reason` the revert's
 * name: the string of `Error(string)` (the precompile's refusals: `NotEnded`, `NoCallback`,
 * `ThresholdTooHigh`, ...), the name of a custom error the contract's ABI declares
 * (`NotRevealed`), `Panic(0x11)`, or `null` for revert data nobody could decode; `args` the
 * custom error's arguments, `data` the raw revert data (hex).
 */
export class ContractError extends MpcError {
  constructor(reason, { args = [], data = '0x', where = '' } = {}) {
    const shown = reason === null ? `reverted with ${data === '0x' ? 'no data' : `data ${data}`}` : `${reason}${args.length ? `(${args.map(describeArg).join(', ')})` : ''}`;
    super('ContractReverted', `${where ? `${where}: ` : ''}${shown}`);
    this.name = 'ContractError';
    this.reason = reason;
    this.args = args;
    this.data = data;
  }
}

const describeArg = (a) => (typeof a === 'bigint' ? a.toString() : JSON.stringify(a, (_, x) => (typeof x === 'bigint' ? x.toString() : x)));

const hex = (b) => `0x${toHex(b)}`;

/** Bytes from a `Uint8Array` or a hex string (with or without `0x`). */
function asBytes(v, what) {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string' && /^(0x)?([0-9a-fA-F]{2})*$/.test(v)) return fromHex(v);
  throw new MpcError('BadArgument', `${what} is not bytes (a Uint8Array or hex)`);
}

/** A 20-byte address as lower-case hex with `0x`, from hex or bytes. */
export function normalizeAddress(address) {
  const b = asBytes(address, 'an address');
  if (b.length !== 20) throw new MpcError('BadArgument', `an address is 20 bytes, got ${b.length}`);
  return hex(b);
}

// ---- addresses and accounts ----------------------------------------------------------------

const EE = 0xee;

/** Whether a 32-byte account is an Ethereum address with twelve 0xEE bytes (pallet-revive's fallback). */
function isEthDerived(account) {
  return account.slice(20).every((b) => b === EE);
}

/**
 * The Substrate account of contract `address` (20 bytes, hex): the address followed by twelve
 * 0xEE bytes (pallet-revive's fallback account, which every contract has), as SS58 with
 * `ss58Format` (default 42, the dev chain's).
 */
export function contractAccount(address, { ss58Format = 42 } = {}) {
  const account = new Uint8Array(32).fill(EE);
  account.set(fromHex(normalizeAddress(address)), 0);
  return encodeAddress(account, ss58Format);
}

/**
 * The Ethereum address (`msg.sender` in a contract) of a Substrate account (SS58, or 32 bytes),
 * as pallet-revive's `AccountId32Mapper` maps it: the first 20 bytes of an account that ends in
 * twelve 0xEE bytes (a contract's, or an Ethereum key's), otherwise the last 20 bytes of its
 * keccak-256 hash. Lower-case hex with `0x`.
 */
export function ethAddress(account) {
  const a = typeof account === 'string' && !/^0x/.test(account) ? decodeAddress(account) : asBytes(account, 'an account');
  if (a.length !== 32) throw new MpcError('BadArgument', `an account is 32 bytes, got ${a.length}`);
  return hex(isEthDerived(a) ? a.slice(0, 20) : keccak_256(a).slice(12));
}

/** The 32 bytes of a Substrate account (SS58 or bytes), as hex: a `bytes32` for a contract. */
export function accountBytes32(account) {
  const a = typeof account === 'string' && !/^0x/.test(account) ? decodeAddress(account) : asBytes(account, 'an account');
  if (a.length !== 32) throw new MpcError('BadArgument', `an account is 32 bytes, got ${a.length}`);
  return hex(a);
}

const signerAddress = (signer) => (typeof signer === 'string' ? signer : signer.address);

/**
 * Makes sure `signer`'s account can call contracts: pallet-revive refuses an origin whose
 * account has no stateful address mapping (`Revive.AccountUnmapped`). Accounts derived from
 * Ethereum keys need none; with `AutoMap` (the dev runtime) every account created since the
 * pallet exists is mapped at creation. Otherwise this sends `revive.mapAccount()` (which holds
 * a small deposit). Resolves with `{ address, mapped: true, sent }`: the account's Ethereum
 * address and whether a transaction was sent. Rejects with `MpcError('AccountUnmapped')` for
 * an unmapped account on a chain with `AutoMap`, where `mapAccount` does nothing.
 */
export async function ensureMapped(api, signer) {
  const who = signerAddress(signer);
  const account = decodeAddress(who);
  const address = ethAddress(account);
  if (isEthDerived(account)) return { address, mapped: true, sent: false };
  const original = await api.query.revive.originalAccount(address);
  if (original.isSome) return { address, mapped: true, sent: false };
  if (api.consts.revive.autoMap?.isTrue) {
    throw new MpcError('AccountUnmapped', `account ${who} has no address mapping, and this chain maps accounts only when they are created (AutoMap): revive.mapAccount does nothing here`);
  }
  await send(api, signer, api.tx.revive.mapAccount());
  return { address, mapped: true, sent: true };
}

// ---- compiling -----------------------------------------------------------------------------

/**
 * Compiles Solidity with solc (the `solc` package, loaded on first use) to EVM bytecode.
 * `sources`: `{ 'PrivatePoll.sol': text, ... }`; `readImport(path)` returns the text of an
 * imported file (or throws), for imports not among `sources`. Options: `evmVersion` (default
 * {@link DEFAULT_EVM_VERSION}), `optimize` (default true) with `runs` (default 200), `viaIR`,
 * `includeInterfaces` (also return interfaces and abstract contracts, with empty bytecode).
 * Resolves with `{ contracts, warnings, version }`: for each contract with code, keyed by its
 * name (and by `file:name`), `{ name, file, abi, bytecode, deployedBytecode, interface }`
 * (bytecodes as `Uint8Array`; `interface` an ethers `Interface`); `warnings` the compiler's
 * warning messages. Rejects with `MpcError('CompileError')` listing the errors.
 */
export async function compileSolidity(sources, {
  readImport, evmVersion = DEFAULT_EVM_VERSION, optimize = true, runs = 200, viaIR = false, includeInterfaces = false,
} = {}) {
  const solc = await loadSolc();
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([file, content]) => [file, { content }])),
    settings: {
      evmVersion,
      optimizer: { enabled: optimize, runs },
      viaIR,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const findImports = (path) => {
    if (!readImport) return { error: `import ${path}: not among the sources (pass readImport)` };
    try {
      return { contents: readImport(path) };
    } catch (e) {
      return { error: `import ${path}: ${e.message}` };
    }
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const messages = output.errors ?? [];
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length) throw new MpcError('CompileError', errors.map((m) => m.formattedMessage ?? m.message).join('\n'));
  const contracts = {};
  for (const [file, inFile] of Object.entries(output.contracts ?? {})) {
    for (const [name, c] of Object.entries(inFile)) {
      const bytecode = fromHex(c.evm?.bytecode?.object ?? '');
      if (bytecode.length === 0 && !includeInterfaces) continue; // an interface or an abstract contract
      const artifact = {
        name,
        file,
        abi: c.abi,
        bytecode,
        deployedBytecode: fromHex(c.evm?.deployedBytecode?.object ?? ''),
        interface: new Interface(c.abi),
      };
      contracts[`${file}:${name}`] = artifact;
      contracts[name] ??= artifact;
    }
  }
  return { contracts, warnings: messages.filter((m) => m.severity !== 'error').map((m) => m.formattedMessage ?? m.message), version: solc.version() };
}

/**
 * Compiles a Solidity file and its imports, read relative to the file's folder (Node). As
 * {@link compileSolidity}, with the same options; the sources are named by their paths relative
 * to that folder.
 */
export async function compileContractFile(path, options = {}) {
  // Specifiers in variables: bundlers for the browser leave them alone.
  const fsModule = 'node:fs';
  const pathModule = 'node:path';
  const { readFileSync } = await import(fsModule);
  const { dirname, basename, join } = await import(pathModule);
  const dir = dirname(String(path));
  const read = (p) => readFileSync(join(dir, p), 'utf8');
  return compileSolidity({ [basename(String(path))]: read(basename(String(path))) }, { readImport: read, ...options });
}

let solcModule = null;

async function loadSolc() {
  if (!solcModule) {
    const name = 'solc';
    solcModule = import(name).then((m) => m.default ?? m);
  }
  return solcModule;
}

// ---- ABI ------------------------------------------------------------------------------------

/** An ethers `Interface` from an ABI (JSON array, JSON text, human-readable strings), an artifact with `abi`, or an `Interface`. */
export function contractInterface(abi) {
  if (abi instanceof Interface) return abi;
  if (abi?.interface instanceof Interface) return abi.interface;
  if (abi?.abi) return new Interface(abi.abi);
  return new Interface(abi);
}

/** ethers' decoded values as plain data: BigInt numbers, hex bytes, arrays, and objects for named tuples. */
function plain(value, param) {
  if (param.baseType === 'array') return Array.from(value, (v) => plain(v, param.arrayChildren));
  if (param.baseType === 'tuple') {
    const named = param.components.every((c) => c.name);
    const items = param.components.map((c, i) => plain(value[i], c));
    return named ? Object.fromEntries(param.components.map((c, i) => [c.name, items[i]])) : items;
  }
  return value;
}

/** Decoded outputs: one value, or an object when every output is named, else an array. */
function plainOutputs(result, params) {
  if (params.length === 0) return undefined;
  const values = params.map((p, i) => plain(result[i], p));
  if (params.length === 1) return values[0];
  return params.every((p) => p.name) ? Object.fromEntries(params.map((p, i) => [p.name, values[i]])) : values;
}

const ERROR_STRING = '0x08c379a0';
const PANIC = '0x4e487b71';

/** A `ContractError` for revert data `data` (bytes), decoded with `iface` where it can. */
export function revertError(data, iface = null, where = '') {
  const h = hex(data instanceof Uint8Array ? data : fromHex(data));
  const selector = h.slice(0, 10);
  const body = `0x${h.slice(10)}`;
  try {
    if (selector === ERROR_STRING) {
      const [reason] = mpcInterface.getAbiCoder().decode(['string'], body);
      return new ContractError(reason, { data: h, where });
    }
    if (selector === PANIC) {
      const [code] = mpcInterface.getAbiCoder().decode(['uint256'], body);
      return new ContractError(`Panic(0x${code.toString(16)})`, { data: h, where });
    }
    const parsed = iface?.parseError(h);
    if (parsed) return new ContractError(parsed.name, { args: parsed.fragment.inputs.map((p, i) => plain(parsed.args[i], p)), data: h, where });
  } catch {
    // Undecodable: reported with its raw data.
  }
  return new ContractError(null, { data: h, where });
}

// ---- dry runs ------------------------------------------------------------------------------

/** A dry-run origin for views when none is given: an account nobody has the key of (32 zero bytes). */
const VIEW_ORIGIN = encodeAddress(new Uint8Array(32), 42);

const plainWeight = (w) => ({ refTime: w.refTime.toBigInt(), proofSize: w.proofSize.toBigInt() });

function plainDeposit(d) {
  return d.isCharge ? { charge: d.asCharge.toBigInt(), refund: 0n } : { charge: 0n, refund: d.asRefund.toBigInt() };
}

/** The common part of a dry run's `ContractResult`. */
function plainDryRun(api, r) {
  return {
    weightConsumed: plainWeight(r.weightConsumed),
    weightRequired: plainWeight(r.weightRequired),
    storageDeposit: plainDeposit(r.storageDeposit),
    maxStorageDeposit: plainDeposit(r.maxStorageDeposit),
    gasConsumed: r.gasConsumed.toBigInt(),
    error: r.result.isErr ? decodeDispatchError(api, r.result.asErr) : null,
  };
}

const REVERT_FLAG = 1;

/** Whether `ReturnFlags` (a bitflags codec: its `bits`, or a number) has REVERT set. */
function revertFlag(flags) {
  const bits = flags.bits ?? flags;
  return (Number(bits.toString()) & REVERT_FLAG) !== 0;
}

/**
 * Dry-runs a call (`ReviveApi.call`, nothing is stored): `from` (an account: SS58, a keyring
 * pair) calls `dest` with `data` (bytes or hex) and `value` (native planck). Resolves with
 * `{ weightConsumed, weightRequired, storageDeposit, maxStorageDeposit, gasConsumed, error,
 * reverted, data }`: weights as `{ refTime, proofSize }` BigInts, deposits as `{ charge,
 * refund }`, `gasConsumed` in Ethereum gas, `error` an `MpcError` when the call failed
 * (`Revive.OutOfGas`, `Revive.ContractTrapped`, ...) or `null`, `reverted` whether it reverted,
 * `data` what it returned (hex). Without limits the chain's block weight and an unlimited
 * deposit apply. `at`: a block hash to run it in.
 */
export async function dryRunCall(api, from, dest, data, { value = 0n, weightLimit = null, storageDepositLimit = null, at } = {}) {
  const state = at ? await api.at(at) : api;
  const r = await state.call.reviveApi.call(
    signerAddress(from ?? VIEW_ORIGIN), normalizeAddress(dest), BigInt(value), weightLimit, storageDepositLimit, hex(asBytes(data, 'call data')),
  );
  const out = plainDryRun(api, r);
  const ok = r.result.isOk ? r.result.asOk : null;
  return { ...out, reverted: ok ? revertFlag(ok.flags) : false, data: ok ? ok.data.toHex() : '0x' };
}

/**
 * Dry-runs the instantiation of EVM init `code` (bytes; constructor arguments appended, as
 * pallet-revive takes them for EVM code) by `from` with `value`. Resolves as
 * {@link dryRunCall}, with `address`: the contract's address (hex) when it succeeded.
 */
export async function dryRunInstantiate(api, from, code, { value = 0n, salt = null } = {}) {
  const r = await api.call.reviveApi.instantiate(
    signerAddress(from), BigInt(value), null, null, { Upload: hex(asBytes(code, 'code')) }, '0x', salt === null ? null : hex(asBytes(salt, 'salt')),
  );
  const out = plainDryRun(api, r);
  const ok = r.result.isOk ? r.result.asOk : null;
  return {
    ...out,
    reverted: ok ? revertFlag(ok.result.flags) : false,
    data: ok ? ok.result.data.toHex() : '0x',
    address: ok ? ok.addr.toHex() : null,
  };
}

/** A normal extrinsic's largest weight (`max_extrinsic`, or the block's). */
function maxExtrinsic(api) {
  const max = api.consts.system.blockWeights.perClass.normal.maxExtrinsic;
  const w = max.isSome ? max.unwrap() : api.consts.system.blockWeights.maxBlock;
  return { refTime: w.refTime.toBigInt(), proofSize: w.proofSize.toBigInt() };
}

/**
 * A weight limit that any transaction can carry: 90 % of a normal extrinsic's ref_time (room
 * for the transaction's own weight, which pallet-revive adds to the limit) and half its proof
 * size.
 */
function safeWeightLimit(api) {
  const w = maxExtrinsic(api);
  return { refTime: (w.refTime * 9n) / 10n, proofSize: w.proofSize / 2n };
}

/**
 * The largest weight limit the transaction `build(limit)` may carry: a normal extrinsic's
 * weight less the transaction's own (its weight with a zero limit, from `paymentInfo`: the
 * call's dispatch weight, to which pallet-revive adds the limit, and the extensions'); the
 * proof size at most half a normal extrinsic's.
 */
async function largestWeightLimit(api, build, from) {
  const max = maxExtrinsic(api);
  const { weight } = await build({ refTime: 0n, proofSize: 0n }, 0n).paymentInfo(signerAddress(from));
  const own = { refTime: weight.refTime.toBigInt(), proofSize: weight.proofSize.toBigInt() };
  const less = (a, b) => (a > b ? a - b : 0n);
  return minWeight({ refTime: less(max.refTime, own.refTime), proofSize: less(max.proofSize, own.proofSize) }, { refTime: max.refTime, proofSize: max.proofSize / 2n });
}

const minWeight = (a, b) => ({ refTime: a.refTime < b.refTime ? a.refTime : b.refTime, proofSize: a.proofSize < b.proofSize ? a.proofSize : b.proofSize });

/**
 * The limits a transaction gets from its dry run: `margin` percent more weight and deposit,
 * plus `extraWeight` and `extraDeposit`. A weight beyond {@link safeWeightLimit} is cut to
 * the largest the transaction `build(limit, deposit)` signed by `from` may carry.
 */
async function limitsFrom(api, dry, { margin = 20, extraWeight = null, extraDeposit = 0n, build, from }) {
  const grow = (x) => x + (x * BigInt(margin)) / 100n;
  let weight = { refTime: grow(dry.weightRequired.refTime), proofSize: grow(dry.weightRequired.proofSize) };
  if (extraWeight) weight = { refTime: weight.refTime + extraWeight.refTime, proofSize: weight.proofSize + extraWeight.proofSize };
  const safe = safeWeightLimit(api);
  weight = weight.refTime <= safe.refTime && weight.proofSize <= safe.proofSize ? weight : minWeight(weight, await largestWeightLimit(api, build, from));
  const deposit = grow(dry.maxStorageDeposit.charge > dry.storageDeposit.charge ? dry.maxStorageDeposit.charge : dry.storageDeposit.charge) + extraDeposit;
  return { weight, deposit };
}

// ---- deploying, calling, reading -----------------------------------------------------------

/** `ContractEmitted` events in `events` (a block's or a transaction's), as `{ contract, topics, data }` (hex). */
export function contractLogs(api, events) {
  return events
    .map((r) => r.event ?? r)
    .filter((e) => api.events.revive.ContractEmitted.is(e))
    .map((e) => ({ contract: e.data.contract.toHex(), topics: e.data.topics.map((t) => t.toHex()), data: e.data.data.toHex() }));
}

/**
 * The `ContractEmitted` events of `events` decoded: `interfaces` maps an address (hex) to the
 * ABI or `Interface` of the contract there; the precompile's events ({@link MPC_ABI}) are always
 * decoded. Resolves `[{ contract, name, args, signature }]` (`args` an object of the event's
 * named arguments, BigInts for numbers); events of other contracts, or not in their ABI, come
 * with `name: null` and their `topics` and `data`.
 */
export function decodeContractEvents(api, events, interfaces = {}) {
  const byAddress = new Map(Object.entries(interfaces).map(([a, abi]) => [normalizeAddress(a), contractInterface(abi)]));
  byAddress.set(normalizeAddress(MPC_PRECOMPILE), mpcInterface);
  return contractLogs(api, events).map((log) => {
    const iface = byAddress.get(log.contract);
    let parsed = null;
    try {
      parsed = iface?.parseLog({ topics: log.topics, data: log.data }) ?? null;
    } catch {
      parsed = null;
    }
    if (!parsed) return { contract: log.contract, name: null, args: null, signature: null, topics: log.topics, data: log.data };
    const args = Object.fromEntries(parsed.fragment.inputs.map((p, i) => [p.name || String(i), plain(parsed.args[i], p)]));
    return { contract: log.contract, name: parsed.name, args, signature: parsed.signature };
  });
}

/**
 * The MPC precompile's events in `events`: `{ name: 'JobCreated', jobId, owner, callbackGas }`
 * and `{ name: 'CallbackDelivered', jobId, success }` (`jobId` and `callbackGas` BigInt, `owner`
 * lower-case hex).
 */
export function mpcEvents(api, events) {
  return decodeContractEvents(api, events)
    .filter((e) => e.contract === normalizeAddress(MPC_PRECOMPILE) && e.name)
    .map((e) => (e.name === 'JobCreated'
      ? { name: e.name, jobId: e.args.jobId, owner: e.args.owner.toLowerCase(), callbackGas: e.args.callbackGas }
      : { name: e.name, jobId: e.args.jobId, success: e.args.success }));
}

/**
 * Deploys a contract from `artifact` (`{ abi, bytecode }`, e.g. from {@link compileSolidity})
 * with constructor arguments `args`, signed by `signer`, with `revive.instantiateWithCode`:
 * EVM init code with the ABI-encoded arguments appended, `value` (native planck) sent to the
 * contract (a payable constructor's funds), `salt` (32 bytes: CREATE2 addressing; default
 * CREATE, by the signer's nonce). The weight limit and storage deposit limit come from a dry
 * run first, with `margin` percent (default 20) more. Resolves with `{ address, account,
 * blockHash, events, logs, dryRun, limits }`: the contract's address (hex) and Substrate
 * account (SS58), the block, its events, the contract events decoded with its ABI, and the
 * `{ weight, deposit }` limits sent. Rejects with a
 * `ContractError` when the constructor reverts in the dry run (nothing is sent), and an
 * `MpcError` when the chain refuses (`Revive.StorageDepositNotEnoughFunds`, ...).
 */
export async function deployContract(api, signer, artifact, args = [], { value = 0n, salt = null, margin = 20 } = {}) {
  const iface = contractInterface(artifact);
  const initCode = new Uint8Array([...asBytes(artifact.bytecode, 'bytecode'), ...fromHex(iface.encodeDeploy(args))]);
  await ensureMapped(api, signer);
  const dryRun = await dryRunInstantiate(api, signer, initCode, { value, salt });
  if (dryRun.error) throw dryRun.error;
  if (dryRun.reverted) throw revertError(dryRun.data, iface, 'constructor');
  const build = (w, d) => api.tx.revive.instantiateWithCode(BigInt(value), w, d, hex(initCode), '0x', salt === null ? null : hex(asBytes(salt, 'salt')));
  const { weight, deposit } = await limitsFrom(api, dryRun, { margin, build, from: signer });
  const { blockHash, events } = await send(api, signer, build(weight, deposit));
  const instantiated = events.map(({ event }) => event).find((e) => api.events.revive.Instantiated.is(e));
  if (!instantiated) throw new MpcError('NoInstantiatedEvent', 'the instantiation emitted no revive.Instantiated event');
  const address = instantiated.data.contract.toHex();
  return {
    address,
    account: contractAccount(address, { ss58Format: api.registry.chainSS58 ?? 42 }),
    blockHash,
    events,
    logs: decodeContractEvents(api, events, { [address]: iface }),
    dryRun,
    limits: { weight, deposit },
  };
}

/** Call data for `method(args)` of `iface`, or `data` itself when `method` is null. */
function callData(iface, method, args) {
  return fromHex(iface.encodeFunctionData(method, args));
}

/**
 * Calls `method(...args)` of the contract at `address` (ABI `abi`) in a transaction signed by
 * `signer` (`revive.call`), with `value` (native planck). A dry run first gives the weight and
 * storage deposit limits (`margin` percent more; `extraWeight` `{ refTime, proofSize }` and
 * `extraDeposit` are added, for what the dry run cannot see). Resolves with `{ blockHash,
 * events, logs, result, dryRun }`: `logs` the contract events decoded (the contract's with
 * `abi`, the precompile's), `result` the dry run's decoded return value, `limits` the `{ weight,
 * deposit }` limits sent. Rejects with a
 * `ContractError` when the dry run reverts (nothing is sent; `reason` is the revert's name,
 * e.g. a custom error of `abi`, or the precompile's `Error(string)`), and with an `MpcError`
 * when the chain refuses the transaction (`Revive.ContractReverted` when it reverted in the
 * block after all).
 */
export async function callContract(api, signer, address, abi, method, args = [], { value = 0n, margin = 20, extraWeight = null, extraDeposit = 0n } = {}) {
  const iface = contractInterface(abi);
  const data = callData(iface, method, args);
  await ensureMapped(api, signer);
  const dryRun = await dryRunCall(api, signer, address, data, { value });
  if (dryRun.error) throw dryRun.error;
  if (dryRun.reverted) throw revertError(dryRun.data, iface, `${method}`);
  const build = (w, d) => api.tx.revive.call(normalizeAddress(address), BigInt(value), w, d, hex(data));
  const { weight, deposit } = await limitsFrom(api, dryRun, { margin, extraWeight, extraDeposit, build, from: signer });
  if (extraWeight || extraDeposit) {
    // Limits the dry run did not show: checked with a dry run under them before sending.
    const limited = await dryRunCall(api, signer, address, data, { value, weightLimit: weight, storageDepositLimit: deposit });
    if (limited.error) throw limited.error;
    if (limited.reverted) throw revertError(limited.data, iface, `${method}`);
  }
  const { blockHash, events } = await send(api, signer, build(weight, deposit));
  const fragment = iface.getFunction(method);
  const result = plainOutputs(iface.decodeFunctionResult(fragment, dryRun.data), fragment.outputs);
  return { blockHash, events, logs: decodeContractEvents(api, events, { [normalizeAddress(address)]: iface }), result, dryRun, limits: { weight, deposit } };
}

/**
 * Reads `method(...args)` of the contract at `address` with a dry run (`ReviveApi.call`;
 * nothing is stored, no fee is paid): resolves with the decoded return value (one value, or an
 * object of the named outputs). `from`: the caller it runs as (default: an account nobody
 * controls); `at`: a block hash to read in. Rejects with a `ContractError` when it reverts.
 * With `withDryRun`, resolves `{ value, dryRun }` (its weight and gas).
 */
export async function readContract(api, address, abi, method, args = [], { from, at, withDryRun = false } = {}) {
  const iface = contractInterface(abi);
  const dryRun = await dryRunCall(api, from, address, callData(iface, method, args), { at });
  if (dryRun.error) throw dryRun.error;
  if (dryRun.reverted) throw revertError(dryRun.data, iface, `${method}`);
  const fragment = iface.getFunction(method);
  const value = plainOutputs(iface.decodeFunctionResult(fragment, dryRun.data), fragment.outputs);
  return withDryRun ? { value, dryRun } : value;
}

// ---- the precompile ------------------------------------------------------------------------

/** Reads a view of the precompile (`job`, `result`, `pendingCallback`, `nextRound`, `randomness`), as {@link readContract}. */
export function readMpc(api, method, args = [], options = {}) {
  return readContract(api, MPC_PRECOMPILE, mpcInterface, method, args, options);
}

/**
 * What the precompile's `randomness(round, subject)` returns to the contract at `caller`
 * (PROTOCOL.md section 13.5): `subject_value(rho, caller || subject)` of the round's output
 * `rho` (32 bytes, e.g. a verified round's `output`), the caller's 20-byte address and the
 * 32-byte `subject`. Lets anyone recompute a contract's random value from a verified round.
 */
export function contractRandomness(rho, caller, subject) {
  const s = asBytes(subject, 'subject');
  if (s.length !== 32) throw new MpcError('BadArgument', `a subject is 32 bytes, got ${s.length}`);
  return subjectValue(asBytes(rho, 'rho'), concat(fromHex(normalizeAddress(caller)), s));
}

/**
 * The callback job `jobId` still owes, from the precompile's `pendingCallback(jobId)` view:
 * `{ consumer, callbackGas, refTimeNeeded, depositNeeded, proofSizeNeeded }` (the contract it goes to, hex; the
 * callback's gas; and exactly what `fulfill` must still have when it calls it: ref_time in
 * picoseconds and storage deposit allowance in the native unit, BigInts), or `null` when none
 * is owed (none was asked for, it was delivered, or the job was removed). `at`: a block hash.
 */
export async function pendingCallback(api, jobId, { at } = {}) {
  const v = await readMpc(api, 'pendingCallback', [BigInt(jobId)], { at });
  if (!v.owed) return null;
  return { consumer: v.consumer.toLowerCase(), callbackGas: v.callbackGas, refTimeNeeded: v.refTimeNeeded, depositNeeded: v.depositNeeded, proofSizeNeeded: v.proofSizeNeeded };
}

/**
 * Calls the precompile's `fulfill(jobId)` in a transaction signed by `signer` (anyone may):
 * it delivers the ended job's outcome to the contract that created it (`onMpcResult`). The
 * limits are the dry run's (`margin` percent more) plus what {@link pendingCallback} says the
 * callback must be left: its `refTimeNeeded` of ref_time and `depositNeeded` of storage
 * deposit (the precompile refuses with `NotEnoughGas` a call that has not left that much; the
 * proof size is not priced apart, and the callback gets what the call has left of it). A
 * second dry run under exactly those limits checks them before anything is sent. Resolves
 * with `{ blockHash, events, logs, delivered, callback, dryRun }`: `delivered` is `{ jobId,
 * success }` from the precompile's `CallbackDelivered` event (`success` false when the
 * callback reverted or ran out of gas), `callback` what `pendingCallback` returned before.
 * Rejects with a `ContractError` whose `reason` is `NoCallback` (none owed: none asked for,
 * or delivered), `UnknownJob` or `NotEnded` (nothing sent). `abi`: the receiving contract's
 * ABI, to decode its events in `logs`.
 */
export async function fulfill(api, signer, jobId, { margin = 20, abi = null } = {}) {
  const id = BigInt(jobId);
  const callback = await pendingCallback(api, id);
  const extra = callback
    ? { extraWeight: { refTime: callback.refTimeNeeded, proofSize: callback.proofSizeNeeded }, extraDeposit: callback.depositNeeded }
    : {};
  const sent = await callContract(api, signer, MPC_PRECOMPILE, mpcInterface, 'fulfill', [id], { margin, ...extra });
  const interfaces = callback && abi ? { [callback.consumer]: abi } : {};
  const logs = decodeContractEvents(api, sent.events, interfaces);
  const event = mpcEvents(api, sent.events).find((e) => e.name === 'CallbackDelivered' && e.jobId === id);
  return { ...sent, logs, callback, delivered: event ? { jobId: id, success: event.success } : null };
}

/**
 * The code of the contract at `address` as the chain stores it (`revive.pristineCode` of its
 * code hash): for an EVM contract, its runtime bytecode (`Uint8Array`; empty when there is no
 * contract at `address`).
 */
export async function contractCode(api, address) {
  const info = await api.query.revive.accountInfoOf(normalizeAddress(address));
  if (info.isNone || !info.unwrap().accountType.isContract) return new Uint8Array(0);
  const code = await api.query.revive.pristineCode(info.unwrap().accountType.asContract.codeHash);
  return code.isSome ? fromHex(code.unwrap().toHex()) : new Uint8Array(0);
}
