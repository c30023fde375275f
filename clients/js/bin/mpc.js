#!/usr/bin/env node
// `mpc`: drive substrate-mpc jobs from the command line. `mpc --help` lists the commands, the
// common options and the exit codes; `mpc <command> --help` shows one command's arguments and
// options. Usage errors are found before connecting to a node.

import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  createJob, submitInput, reclaimInputDeposit, getJob, normalizeInputRule, formatDecimal, waitForResult, waitForCommittee, getRecord, verifyRecord, auditRecord, listWorkers,
  readCommitteeDraw, verifyCommitteeDraw, latestBeaconRound, getBeaconRound, verifyBeaconRound, requestRound, MpcError, ProtocolError, toHex,
  createKey, thresholdKey, waitForKey, requestSignature, signatureRequest, waitForSignature, verifyKeySignature, keyMessage, groupKeyBytes,
  refreshKey, leaveKey, waitForRefresh,
  compileContractFile, deployContract, callContract, readContract, fulfill, contractInterface, runLoad,
} from '../src/index.js';

/** Exit codes. */
const EXIT = Object.freeze({ done: 0, error: 1, usage: 2, invalid: 3, failed: 4 });

const EXIT_CODES = [
  ['0', 'done'],
  ['1', 'the chain refused (a pallet error, e.g. Mpc.NotCollecting), or another runtime error (no connection, ...)'],
  ['2', 'usage error: unknown command or option, missing or malformed argument'],
  ['3', 'a record, a committee draw, a beacon round or a threshold key\'s signature does not verify'],
  ['4', 'timeout, or the job failed (e.g. no committee drawn) or was cancelled, or a threshold key, its refresh or a signing request failed, or a load run lost inputs or results'],
];

/** Options every command takes. */
const COMMON = {
  url: { type: 'string', default: 'ws://127.0.0.1:9944', arg: '<ws-url>', help: 'the node\'s RPC endpoint' },
  suri: { type: 'string', default: '//Alice', arg: '<suri>', help: 'secret URI of the signing account; dev seeds (//Alice..//Ferdie) are public' },
  json: { type: 'boolean', help: 'print the result as JSON' },
  help: { type: 'boolean', short: 'h', help: 'print help and exit' },
};

const JOB_ARG = { name: '<job>', help: 'the job id (a whole number)', int: true };
const ROUND_ARG = { name: '<round>', help: 'the beacon round number (a whole number)', int: true };
const KEY_ARG = { name: '<key>', help: 'the threshold key id (a whole number)', int: true };
const MESSAGE_ARG = { name: '<message>', help: 'the message: text (its UTF-8 bytes are signed), or 0x and hex digits for bytes' };

/** The commands: words, summary, usage line, positional arguments, own options, examples. */
const COMMANDS = [
  {
    name: 'job create',
    summary: 'create a job; the signer owns it and escrows the workers\' rewards',
    usage: 'mpc job create --committee <n> --threshold <t> [options]',
    args: [],
    options: {
      committee: { type: 'string', arg: '<n>', int: true, required: true, help: 'committee size n: workers the chain draws for the job' },
      threshold: { type: 'string', arg: '<t>', int: true, required: true, help: 'threshold t: any t + 1 workers compute, any t learn nothing; 1 <= t < n' },
      dimension: { type: 'string', arg: '<d>', int: true, default: '1', help: 'values per input' },
      decimals: { type: 'string', arg: '<k>', int: true, default: '0', help: 'fixed-point decimals of the values (0..38)' },
      window: { type: 'string', arg: '<blocks>', int: true, default: '20', help: 'input window, in blocks' },
      'max-inputs': { type: 'string', arg: '<m>', int: true, default: '100', help: 'inputs close as soon as this many arrived' },
      'min-inputs': { type: 'string', arg: '<m>', int: true, default: '1', help: 'with fewer inputs the job fails' },
      reward: { type: 'string', arg: '<planck>', int: true, help: 'reward per worker, in the chain\'s smallest unit (default: the chain\'s minimum)' },
      metadata: { type: 'string', arg: '<text>', default: '', help: 'a description stored with the job' },
      'one-hot': { type: 'boolean', help: 'input rule: every input is a ballot, one value 1 and the others 0, proved so (PROTOCOL.md 12.2)' },
      'one-hot-abstain': { type: 'boolean', help: 'input rule: a ballot as with --one-hot, or all 0 (an abstention)' },
      range: {
        type: 'string',
        arg: '<lo:hi,...>',
        help: 'input rule: lo <= value <= hi, one pair per dimension, or one pair for all (decimal numbers with the job\'s decimals; '
          + 'a negative lo goes as --range=-5:5); each input goes with a range proof, made by the wasm prover (scripts/wasm builds it)',
      },
      'no-wait': { type: 'boolean', help: 'when the committee is drawn from a larger pool, do not wait for the draw (beacon round)' },
      timeout: { type: 'string', arg: '<seconds>', int: true, default: '120', help: 'give up waiting for the committee draw (exit code 4) after this long' },
    },
    examples: [
      'mpc job create --suri //Ferdie --committee 5 --threshold 2 --decimals 2 --window 40 --max-inputs 2 --reward 1000000000000',
      'mpc job create --suri //Ferdie --committee 3 --threshold 1 --window 40 --no-wait',
      'mpc job create --suri //Ferdie --committee 5 --threshold 2 --dimension 3 --one-hot-abstain',
      'mpc job create --suri //Ferdie --committee 5 --threshold 2 --decimals 2 --range=-100.00:100.00',
    ],
    check: checkInputRule,
    run: runJobCreate,
  },
  {
    name: 'input submit',
    summary: 'deal a private input in this process and submit it to a job',
    usage: 'mpc input submit <job> <value>... [options]',
    args: [
      JOB_ARG,
      { name: '<value>...', variadic: true, help: 'one decimal number per dimension, with at most the job\'s decimals (4250.75); negative values go after --' },
    ],
    options: {
      dealer: {
        type: 'string',
        arg: '<wasm|js>',
        help: 'who deals: the Rust dealer built to WebAssembly (scripts/wasm; the only one that makes range proofs) or this package\'s JS dealer '
          + '(default: wasm when dist/mpc_wasm.wasm, or MPC_WASM, loads, else js)',
      },
    },
    examples: [
      'mpc input submit 1 4250.75 --suri //Alice',
      'mpc input submit 2 --suri //Bob -- -12.5 3',
      'mpc input submit 3 0 1 0 --suri //Charlie    # a ballot, to a job with a one-hot rule',
      'mpc input submit 4 99.50 --suri //Dave --dealer wasm   # a job with a range rule: with its range proof',
    ],
    check: (opts, command) => {
      if (opts.dealer !== undefined && !['wasm', 'js'].includes(opts.dealer)) {
        throw new UsageError(`--dealer is wasm or js, not '${opts.dealer}'`, command);
      }
    },
    run: runInputSubmit,
  },
  {
    name: 'input reclaim',
    summary: 'take back the signer\'s input deposit from an ended job now, not at the chain\'s cleanup',
    usage: 'mpc input reclaim <job> [options]',
    args: [JOB_ARG],
    options: {},
    examples: ['mpc input reclaim 1 --suri //Alice', 'mpc input reclaim 1 --suri //Alice --json'],
    run: runInputReclaim,
  },
  {
    name: 'job show',
    summary: 'print a job\'s shape, phase, committee and its draw, counts and timeline',
    usage: 'mpc job show <job> [options]',
    args: [JOB_ARG],
    options: {},
    examples: ['mpc job show 1 --json'],
    run: runJobShow,
  },
  {
    name: 'job wait',
    summary: 'wait for a job\'s verified result; print its sums and means',
    usage: 'mpc job wait <job> [--timeout <seconds>] [options]',
    args: [JOB_ARG],
    options: {
      timeout: { type: 'string', arg: '<seconds>', int: true, default: '300', help: 'give up (exit code 4) after this long' },
    },
    examples: ['mpc job wait 1'],
    run: runJobWait,
  },
  {
    name: 'job draw',
    summary: 're-verify how a job\'s committee was drawn from the beacon (PROTOCOL.md 11.6, 11.7)',
    usage: 'mpc job draw <job> [options]',
    args: [JOB_ARG],
    options: {},
    examples: ['mpc job draw 1', 'mpc job draw 1 --json'],
    run: runJobDraw,
  },
  {
    name: 'record verify',
    summary: 're-verify a completed job\'s proof-of-MPC record (--full: audit its inputs too)',
    usage: 'mpc record verify <job> [--full] [options]',
    args: [JOB_ARG],
    options: {
      full: {
        type: 'boolean',
        help: 'full audit (PROTOCOL.md section 10): also re-check the committee and its draw, every input\'s dealing '
          + 'proof, the inputs digest, every disqualification and the aggregate from the chain\'s blocks and events. Needs an archive node '
          + '(mpc-node --state-pruning archive --blocks-pruning archive) for jobs older than 256 blocks',
      },
    },
    examples: ['mpc record verify 1', 'mpc record verify 1 --full --url ws://archive.example:9944'],
    run: runRecordVerify,
  },
  {
    name: 'workers',
    summary: 'list the registered workers: account, encryption key, bond, faults',
    usage: 'mpc workers [options]',
    args: [],
    options: {},
    examples: ['mpc workers --json'],
    run: runWorkers,
  },
  {
    name: 'beacon latest',
    summary: 'print the latest completed beacon round: its output, epoch, seed, blocks and shares',
    usage: 'mpc beacon latest [options]',
    args: [],
    options: {},
    examples: ['mpc beacon latest --json'],
    run: runBeaconLatest,
  },
  {
    name: 'beacon round',
    summary: 'print a stored beacon round (the open one or a recent completed one)',
    usage: 'mpc beacon round <round> [options]',
    args: [ROUND_ARG],
    options: {},
    examples: ['mpc beacon round 3'],
    run: runBeaconRound,
  },
  {
    name: 'beacon verify',
    summary: 're-verify a beacon round from its shares and its epoch\'s key (default: the latest)',
    usage: 'mpc beacon verify [<round>] [options]',
    args: [{ ...ROUND_ARG, name: '[<round>]', optional: true, help: 'the beacon round number (default: the latest completed round)' }],
    options: {},
    examples: ['mpc beacon verify', 'mpc beacon verify 3 --json'],
    run: runBeaconVerify,
  },
  {
    name: 'beacon request',
    summary: 'pay for a beacon round whose output nobody knows yet; print its number (with --wait, its verified output)',
    usage: 'mpc beacon request [options]',
    args: [],
    options: {
      wait: { type: 'boolean', help: 'wait for the round to complete and verify it' },
      timeout: { type: 'string', default: '120', arg: '<seconds>', help: 'how long --wait waits' },
    },
    examples: ['mpc beacon request --suri //Ferdie', 'mpc beacon request --wait --json'],
    run: runBeaconRequest,
  },
  {
    name: 'key create',
    summary: 'ask for a threshold key (FROST, Ed25519) that a committee of workers holds; the signer owns it',
    usage: 'mpc key create --size <n> --threshold <t> [--wait] [options]',
    args: [],
    options: {
      size: { type: 'string', arg: '<n>', int: true, required: true, help: 'committee size n: workers that hold the key' },
      threshold: { type: 'string', arg: '<t>', int: true, required: true, help: 'threshold t: any t + 1 members sign, any t cannot; 1 <= t < n' },
      wait: { type: 'boolean', help: 'wait until the key is made (Active) and print its group key and account' },
      timeout: { type: 'string', arg: '<seconds>', int: true, default: '180', help: 'give up waiting with --wait (exit code 4) after this long' },
    },
    examples: ['mpc key create --suri //Ferdie --size 5 --threshold 2', 'mpc key create --suri //Ferdie --size 5 --threshold 2 --wait --json'],
    check: (opts, command) => {
      for (const name of ['size', 'threshold']) {
        if (Number(opts[name]) > 0xffffffff) throw new UsageError(`--${name} is at most 4294967295 (a u32), not ${opts[name]}`, command);
      }
    },
    run: runKeyCreate,
  },
  {
    name: 'key show',
    summary: 'print a threshold key: status, owner, members, and once made its group key, account and verifying shares',
    usage: 'mpc key show <key> [options]',
    args: [KEY_ARG],
    options: {},
    examples: ['mpc key show 0', 'mpc key show 0 --json'],
    run: runKeyShow,
  },
  {
    name: 'key refresh',
    summary: 'refresh a key: the same group key and account, new shares for its members (the owner at any time, anyone once the key\'s epoch is over)',
    usage: 'mpc key refresh <key> [--wait] [options]',
    args: [KEY_ARG],
    options: {
      wait: { type: 'boolean', help: 'wait until the refresh completes and print the key\'s new epoch and members' },
      timeout: { type: 'string', arg: '<seconds>', int: true, default: '180', help: 'give up waiting with --wait (exit code 4) after this long' },
    },
    examples: ['mpc key refresh 0 --suri //Ferdie', 'mpc key refresh 0 --suri //Ferdie --wait --json'],
    run: (ctx) => runKeyRefresh(ctx, refreshKey),
  },
  {
    name: 'key leave',
    summary: 'a member leaves a key: the key is refreshed without it, and its share no longer counts; --suri is the member\'s worker key (ed25519, key type mpcw)',
    usage: 'mpc key leave <key> [--wait] [options]',
    args: [KEY_ARG],
    options: {
      wait: { type: 'boolean', help: 'wait until the refresh completes and print the key\'s new epoch and members' },
      timeout: { type: 'string', arg: '<seconds>', int: true, default: '180', help: 'give up waiting with --wait (exit code 4) after this long' },
    },
    examples: ['mpc key leave 0 --suri //Bob    # the dev worker //Bob (ed25519) leaves key 0', 'mpc key leave 0 --suri //Bob --wait --json'],
    // A member is a worker, whose account is its ed25519 worker key.
    scheme: 'ed25519',
    run: (ctx) => runKeyRefresh(ctx, leaveKey),
  },
  {
    name: 'key sign',
    summary: 'ask a key the signer owns to sign a message; wait for the signature, verify it and print it',
    usage: 'mpc key sign <key> <message> [options]',
    args: [KEY_ARG, MESSAGE_ARG],
    options: {
      timeout: { type: 'string', arg: '<seconds>', int: true, default: '120', help: 'give up waiting for the signature (exit code 4) after this long' },
    },
    examples: ['mpc key sign 0 "pay Bob 5" --suri //Ferdie', 'mpc key sign 0 0x68656c6c6f --suri //Ferdie --json', 'mpc key sign 0 --suri //Ferdie -- "-text that starts with a dash"'],
    run: runKeySign,
  },
  {
    name: 'key verify',
    summary: 'check an Ed25519 signature by a threshold key (exit code 3 if it does not verify)',
    usage: 'mpc key verify <key|group-key> <message> <signature> [options]',
    args: [
      {
        name: '<key|group-key>',
        help: 'the key id (its group key read from the chain), or the group key itself: 0x and 64 hex digits, or the key\'s SS58 account (checked here, no node needed)',
        validate: (v) => (WHOLE.test(v) || isGroupKey(v) ? null : `<key|group-key> is a key id, 0x and 64 hex digits, or an SS58 account, not '${v}'`),
      },
      MESSAGE_ARG,
      {
        name: '<signature>',
        help: 'the signature, 64 bytes (R || z) as 128 hex digits (0x optional)',
        validate: (v) => (/^(0x)?[0-9a-fA-F]{128}$/.test(v) ? null : `<signature> is 128 hex digits, not '${v}'`),
      },
    ],
    options: {},
    examples: ['mpc key verify 0 "pay Bob 5" 0x2e2d...', 'mpc key verify 0x5f9c... 0x68656c6c6f 2e2d... --json'],
    offline: (args) => !WHOLE.test(args[0]),
    run: runKeyVerify,
  },
  {
    name: 'contract deploy',
    summary: 'compile a Solidity file with solc (EVM bytecode) and deploy one of its contracts (pallet-revive)',
    usage: 'mpc contract deploy <file.sol> [--args <json>] [--value <planck>] [options]',
    args: [{ name: '<file.sol>', help: 'the Solidity source; its imports are read relative to its folder' }],
    options: {
      contract: { type: 'string', arg: '<name>', help: 'the contract to deploy (default: the one named as the file, or the file\'s only contract with code)' },
      args: { type: 'string', arg: '<json>', default: '[]', help: 'constructor arguments as a JSON array (a struct as an object or an array; big numbers as strings)' },
      value: { type: 'string', arg: '<planck>', int: true, default: '0', help: 'native amount sent to the contract: its balance pays for the jobs it creates' },
    },
    examples: [
      'mpc contract deploy contracts/PrivatePoll.sol --suri //Alice --value 10000000000000 --args "$(cat poll-args.json)"',
      'mpc contract deploy contracts/SalaryBenchmark.sol --contract SalaryBenchmark --args \'[{...}, false]\' --json',
    ],
    check: (opts, command) => {
      try {
        if (!Array.isArray(JSON.parse(opts.args))) throw new Error('not an array');
      } catch (e) {
        throw new UsageError(`--args takes a JSON array: ${e.message}`, command);
      }
    },
    run: runContractDeploy,
  },
  {
    name: 'contract call',
    summary: 'call a contract function in a transaction; a dry run first gives its limits (and its revert, if it reverts)',
    usage: 'mpc contract call <address> <function> [<arg>...] [options]',
    args: [
      { name: '<address>', help: 'the contract\'s address (20 bytes, hex)' },
      { name: '<function>', help: 'its signature ("open()", "withdraw(address)"), or its name with --abi' },
      { name: '[<arg>...]', variadic: true, any: true, optional: true, help: 'arguments: whole numbers, JSON ([1,2], {"a":1}, "text") or plain text (0x... hex)' },
    ],
    options: {
      value: { type: 'string', arg: '<planck>', int: true, default: '0', help: 'native amount sent with the call' },
      abi: { type: 'string', arg: '<file>', help: 'the contract\'s ABI: a JSON file, or a .sol file compiled here (with --contract), to decode its events and errors' },
      contract: { type: 'string', arg: '<name>', help: 'with --abi <file.sol>: which contract of the file' },
    },
    examples: ['mpc contract call 0xe2a3... "open()" --suri //Alice', 'mpc contract call 0xe2a3... withdraw 0x9621... --abi contracts/PrivatePoll.sol'],
    run: runContractCall,
  },
  {
    name: 'contract read',
    summary: 'read a contract view with a dry run (nothing is sent, nothing paid)',
    usage: 'mpc contract read <address> <function> [<arg>...] [options]',
    args: [
      { name: '<address>', help: 'the contract\'s address (20 bytes, hex)' },
      { name: '<function>', help: 'its signature with its outputs ("tally() view returns (int256[])"), or its name with --abi' },
      { name: '[<arg>...]', variadic: true, any: true, optional: true, help: 'arguments: whole numbers, JSON or plain text' },
    ],
    options: {
      abi: { type: 'string', arg: '<file>', help: 'the contract\'s ABI: a JSON file, or a .sol file compiled here (with --contract)' },
      contract: { type: 'string', arg: '<name>', help: 'with --abi <file.sol>: which contract of the file' },
    },
    examples: ['mpc contract read 0xe2a3... "tally() view returns (int256[])" --json', 'mpc contract read 0xe2a3... tally --abi contracts/PrivatePoll.sol'],
    run: runContractRead,
  },
  {
    name: 'contract fulfill',
    summary: 'deliver an ended job\'s outcome to the contract that created it (the MPC precompile\'s fulfill; anyone may)',
    usage: 'mpc contract fulfill <job> [options]',
    args: [JOB_ARG],
    options: {},
    examples: ['mpc contract fulfill 3 --suri //Bob'],
    run: runContractFulfill,
  },
  {
    name: 'bench load',
    summary: 'load test: fund many providers, deal and submit one input each to new jobs; measure inputs per block and time to result',
    usage: 'mpc bench load [--inputs <N>] [options]',
    args: [],
    options: {
      inputs: { type: 'string', arg: '<N>', int: true, default: '2000', help: 'providers, each submitting one input (provider i contributes 1000 + i % 1000, so every sum is known)' },
      jobs: { type: 'string', arg: '<k>', int: true, help: 'jobs the inputs are spread over (default: inputs / the chain\'s maxInputsPerJob, rounded up)' },
      committee: { type: 'string', arg: '<n>', int: true, default: '5', help: 'committee size n of every job' },
      threshold: { type: 'string', arg: '<t>', int: true, default: '2', help: 'threshold t of every job; 1 <= t < n' },
      dimension: { type: 'string', arg: '<d>', int: true, default: '1', help: 'values per input' },
      window: { type: 'string', arg: '<blocks>', int: true, help: 'input window, in blocks (default: max(60, inputs / 20)); a job closes as soon as it has all its inputs' },
      seed: { type: 'string', arg: '<suri>', default: '//load', help: 'provider i is the sr25519 account <suri>//i; --suri funds them and owns the jobs' },
      concurrency: { type: 'string', arg: '<m>', int: true, default: '256', help: 'unwatched submissions in flight at once' },
      pending: { type: 'string', arg: '<k>', int: true, default: '4096', help: 'most transfers or inputs sent and not yet in a block (keeps the node\'s pool small)' },
      dealer: { type: 'string', arg: '<wasm|js>', help: 'who deals (default: wasm when its module loads, else js)' },
      timeout: { type: 'string', arg: '<seconds>', int: true, default: '900', help: 'stop waiting for the jobs\' results after this long (exit code 4)' },
      blocks: { type: 'boolean', help: 'with --json: every observed block too (slot, timestamp, inputs, failed extrinsics, finality lag)' },
    },
    examples: [
      'mpc bench load --suri //Alice --json',
      'mpc bench load --inputs 5000 --concurrency 512 --url ws://127.0.0.1:9944',
      'mpc bench load --inputs 200 --committee 3 --threshold 1 --seed //load2',
    ],
    check: (opts, command) => {
      for (const name of ['inputs', 'jobs', 'committee', 'threshold', 'dimension', 'window', 'concurrency', 'pending', 'timeout']) {
        if (opts[name] !== undefined && Number(opts[name]) < 1) throw new UsageError(`--${name} is at least 1, not ${opts[name]}`, command);
      }
      if (opts.dealer !== undefined && !['wasm', 'js'].includes(opts.dealer)) throw new UsageError(`--dealer is wasm or js, not '${opts.dealer}'`, command);
    },
    run: runBenchLoad,
  },
];

const GROUPS = [...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]))];

/** A usage error: the message, and the command (or group) it concerns, if known. */
class UsageError extends Error {
  constructor(message, context = null) {
    super(message);
    this.context = context;
  }
}

// ---- help ----------------------------------------------------------------------------------

const COLUMNS = 80;
// Keeps `(default: x)` on one line when wrapping.
const NBSP = '\u00a0';

/** `text` in lines of at most `width` characters, broken at spaces. */
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** Two columns: `[left, right]` rows, the right one wrapped to the terminal width. */
function pad(rows, gap = 3) {
  const width = Math.max(...rows.map(([left]) => left.length)) + gap;
  const indent = ' '.repeat(2 + width);
  return rows.map(([left, right]) => wrap(right, Math.max(30, COLUMNS - indent.length))
    .map((line, k) => (k === 0 ? `  ${left.padEnd(width)}${line}` : `${indent}${line}`).trimEnd().replaceAll(NBSP, ' '))
    .join('\n')).join('\n');
}

function optionRows(options) {
  return Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.arg ? ` ${o.arg}` : ''}`;
    const extra = o.required ? ' (required)' : o.default !== undefined && o.default !== '' ? ` (default:${NBSP}${o.default})` : '';
    return [flag, o.help + extra];
  });
}

function generalHelp() {
  return `mpc: drive substrate-mpc jobs from the command line

usage: mpc <command> [arguments] [options]

commands:
${pad([...COMMANDS.map((c) => [c.name, c.summary]), ['help [command]', 'print this help, or a command\'s']])}

common options (every command):
${pad([...optionRows(COMMON), ['--version', 'print the version and exit']])}

exit codes:
${pad(EXIT_CODES, 2)}

'mpc <command> --help' shows a command's arguments and options.`;
}

function commandHelp(c) {
  const args = c.args.length ? `\n\narguments:\n${pad(c.args.map((a) => [a.name, a.help]))}` : '';
  const own = Object.keys(c.options).length ? `\n\noptions:\n${pad(optionRows(c.options))}` : '';
  return `${wrap(`mpc ${c.name}: ${c.summary}`, COLUMNS).join('\n')}

usage: ${c.usage}${args}${own}

common options:
${pad(optionRows(COMMON))}

example${c.examples.length > 1 ? 's' : ''}:
${c.examples.map((e) => `  ${e}`).join('\n')}

exit codes: 0 done, 1 refused by the chain or another error, 2 usage error, 3 a
record, a draw, a beacon round or a key's signature does not verify, 4 timeout,
or a failed job, key, key refresh, signing request or load run ('mpc --help'
says more).`;
}

function groupHelp(group) {
  const cs = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  return `mpc ${group}: the ${group} commands

usage: mpc ${group} <command> [arguments] [options]

commands:
${pad(cs.map((c) => [c.name, c.summary]))}

'mpc ${group} <command> --help' shows a command's arguments and options.`;
}

function helpFor(context) {
  if (!context) return generalHelp();
  return typeof context === 'string' ? groupHelp(context) : commandHelp(context);
}

function usageLine(context) {
  if (!context) return 'usage: mpc <command> [arguments] [options]\ntry \'mpc --help\'';
  if (typeof context === 'string') return `usage: mpc ${context} <command> [arguments] [options]\ntry 'mpc ${context} --help' or 'mpc --help'`;
  return `usage: ${context.usage}\ntry 'mpc ${context.name} --help' or 'mpc --help'`;
}

// ---- arguments -----------------------------------------------------------------------------

const parseSpec = (options) => Object.fromEntries(Object.entries(options).map(([name, o]) => [
  name, { type: o.type, ...(o.short && { short: o.short }), ...(o.default !== undefined && { default: o.default }) },
]));

/** The command named by the leading words, `{ command }`, `{ group }` or throws. */
function resolve(words, forHelp) {
  if (words.length === 0) return {};
  const command = COMMANDS.find((c) => c.name === words.slice(0, 2).join(' ')) ?? COMMANDS.find((c) => c.name === words[0]);
  if (command) return { command };
  if (GROUPS.includes(words[0])) {
    if (forHelp && words.length === 1) return { group: words[0] };
    const known = COMMANDS.filter((c) => c.name.startsWith(`${words[0]} `)).map((c) => c.name.split(' ')[1]);
    const what = words.length > 1 ? `unknown command '${words[0]} ${words[1]}'` : `'${words[0]}' needs a command`;
    throw new UsageError(`${what} (one of: ${known.join(', ')})`, words[0]);
  }
  throw new UsageError(`unknown command '${words[0]}'`);
}

function parseError(e, context) {
  const name = /'(-[^' ]*)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const hint = /^-\d/.test(name ?? '') ? ` (negative values go after --: mpc input submit <job> -- ${name})` : '';
    return new UsageError(`unknown option '${name}'${hint}`, context);
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (name && /ambiguous/.test(e.message)) return new UsageError(`option '${name}' needs a value (one that starts with '-' goes as ${name}=<value>)`, context);
    if (name && /argument missing/.test(e.message)) return new UsageError(`option '${name}' needs a value`, context);
    if (name && /does not take an argument/.test(e.message)) return new UsageError(`option '${name}' takes no value`, context);
  }
  return new UsageError(e.message.split('. ')[0], context);
}

/** `argv` to `{ help }`, `{ version }`, or `{ command, opts, args }`; throws a `UsageError`. */
function parse(argv) {
  const every = { ...COMMON, version: { type: 'boolean' } };
  for (const c of COMMANDS) Object.assign(every, c.options);
  // A lenient pass finds the command words (and --help); the strict pass checks the command's own options.
  const loose = parseArgs({ args: argv, options: parseSpec(every), allowPositionals: true, strict: false });
  const words = loose.positionals;
  if (loose.values.help === true || words[0] === 'help') {
    const topic = words[0] === 'help' ? words.slice(1) : words;
    let context = null;
    try {
      const r = resolve(topic, true);
      context = r.command ?? r.group ?? null;
    } catch (e) {
      if (words[0] === 'help') throw e;
      context = e.context;
    }
    return { help: helpFor(context) };
  }
  if (loose.values.version === true && words.length === 0) return { version: true };
  if (words.length === 0) {
    try {
      parseArgs({ args: argv, options: parseSpec(every), allowPositionals: true, strict: true });
    } catch (e) {
      throw parseError(e, null);
    }
    throw new UsageError('no command');
  }
  const { command } = resolve(words, false);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseSpec({ ...COMMON, ...command.options }), allowPositionals: true, strict: true });
  } catch (e) {
    throw parseError(e, command);
  }
  const args = parsed.positionals.slice(command.name.split(' ').length);
  const opts = checkOptions(command, parsed.values);
  command.check?.(opts, command);
  return { command, opts, args: checkArgs(command, args) };
}

const WHOLE = /^\d+$/;

function checkOptions(command, values) {
  for (const [name, o] of Object.entries(command.options)) {
    if (o.required && values[name] === undefined) throw new UsageError(`missing --${name}`, command);
    if (o.int && values[name] !== undefined && !WHOLE.test(values[name])) {
      throw new UsageError(`--${name} takes a whole number, not '${values[name]}'`, command);
    }
  }
  return values;
}

function checkArgs(command, args) {
  const spec = command.args;
  spec.forEach((a, k) => {
    if (args[k] === undefined) {
      if (a.optional) return;
      throw new UsageError(`missing ${a.name}`, command);
    }
    if (a.int && !WHOLE.test(args[k])) {
      throw new UsageError(`${a.name.replace(/^\[(.*)\]$/, '$1')} must be a whole number, not '${args[k]}'`, command);
    }
    const wrong = a.validate?.(args[k]);
    if (wrong) throw new UsageError(wrong, command);
  });
  const variadic = spec.length > 0 && spec[spec.length - 1].variadic;
  if (!variadic && args.length > spec.length) throw new UsageError(`unexpected argument '${args[spec.length]}'`, command);
  if (variadic && !spec[spec.length - 1].any) {
    const bad = args.slice(spec.length - 1).find((v) => !/^-?\d+(\.\d+)?$/.test(v));
    if (bad !== undefined) throw new UsageError(`not a decimal number: '${bad}'`, command);
  }
  return args;
}

/** Whether `text` is a group key `Y` as `key verify` takes it: 0x and 64 hex digits, or an SS58 account. */
function isGroupKey(text) {
  if (text.startsWith('0x')) return /^0x[0-9a-fA-F]{64}$/.test(text);
  // Hex goes with 0x: 64 decimal digits would read as a key id.
  if (/^[0-9a-fA-F]{64}$/.test(text)) return false;
  try {
    groupKeyBytes(text);
    return true;
  } catch {
    return false;
  }
}

const BOUND = /^-?\d+(?:\.\d+)?$/;

/**
 * `job create`'s input rule from --one-hot, --one-hot-abstain and --range, into `opts.inputRule`
 * (the protocol form: PROTOCOL.md section 12.1); a `UsageError` for a malformed or conflicting one.
 */
function checkInputRule(opts, command) {
  const given = ['one-hot', 'one-hot-abstain', 'range'].filter((k) => opts[k] !== undefined && opts[k] !== false);
  if (given.length > 1) throw new UsageError(`--${given[0]} and --${given[1]} are two input rules: choose one`, command);
  if (opts['one-hot'] || opts['one-hot-abstain']) {
    opts.inputRule = { type: 'OneHot', abstain: Boolean(opts['one-hot-abstain']) };
  } else if (opts.range !== undefined) {
    const pairs = opts.range.split(',').map((p) => {
      const [lo, hi, ...rest] = p.split(':');
      if (rest.length || !BOUND.test(lo ?? '') || !BOUND.test(hi ?? '')) {
        throw new UsageError(`--range takes <lo:hi>[,<lo:hi>...] with decimal numbers, not '${opts.range}'`, command);
      }
      return [lo, hi];
    });
    const d = Number(opts.dimension);
    if (pairs.length !== 1 && pairs.length !== d) {
      throw new UsageError(`--range has ${pairs.length} pairs for ${d} dimensions: give one pair per dimension, or one for all`, command);
    }
    try {
      opts.inputRule = normalizeInputRule({ range: pairs.length === 1 ? Array.from({ length: d }, () => pairs[0]) : pairs }, { decimals: Number(opts.decimals) });
    } catch (e) {
      if (e instanceof ProtocolError) throw new UsageError(`--range: ${e.message}`, command);
      throw e;
    }
  } else {
    opts.inputRule = { type: 'None' };
  }
}

/** An input rule for people: `none`, `one-hot ballots`, `range [lo, hi], ...`. */
function describeRule(rule, decimals) {
  switch (rule?.type) {
    case 'OneHot':
      return `one-hot ballots (one value 1, the others 0${rule.abstain ? '; all 0 abstains' : ''})`;
    case 'Range':
      return `range ${rule.bounds.map(([lo, hi]) => `[${formatDecimal(lo, decimals)}, ${formatDecimal(hi, decimals)}]`).join(', ')}`;
    default:
      return 'none (any value)';
  }
}

// ---- commands ------------------------------------------------------------------------------

const json = (v) => JSON.stringify(v, (_, x) => {
  if (typeof x === 'bigint') return x.toString();
  return x instanceof Uint8Array ? toHex(x) : x;
}, 2);

/** Prints `human`, or `data` as JSON with `--json`. */
function out(ctx, human, data) {
  console.log(ctx.opts.json ? json(data) : human);
}

/** Progress on stderr, on one line, when the output is for humans. */
function progress(ctx, text) {
  if (!ctx.opts.json) process.stderr.write(`\r${text}   `);
}

async function runJobCreate(ctx) {
  const { opts } = ctx;
  const r = await createJob(ctx.api, ctx.signer(), {
    committeeSize: Number(opts.committee),
    threshold: Number(opts.threshold),
    dimension: Number(opts.dimension),
    decimals: Number(opts.decimals),
    inputWindow: Number(opts.window),
    maxInputs: Number(opts['max-inputs']),
    minInputs: Number(opts['min-inputs']),
    rewardPerWorker: opts.reward === undefined ? undefined : BigInt(opts.reward),
    metadata: opts.metadata,
    inputRule: opts.inputRule,
  }, { waitForCommittee: false });
  if (!opts.json && opts.inputRule.type !== 'None') console.log(`job ${r.jobId}: input rule ${describeRule(opts.inputRule, Number(opts.decimals))}`);
  if (r.drawRound !== null && !opts['no-wait']) {
    if (!opts.json) console.log(`job ${r.jobId} created; waiting for committee draw (beacon round ${r.drawRound})`);
    r.committee = await waitForCommittee(ctx.api, r.jobId, {
      timeoutMs: Number(opts.timeout) * 1000,
      onProgress: ({ block, phase }) => progress(ctx, `#${block} ${phase}`),
    });
    if (!opts.json) process.stderr.write('\n');
    out(ctx, `committee (drawn with beacon round ${r.drawRound}):\n  ${r.committee.join('\n  ')}`, r);
  } else if (r.drawRound !== null) {
    out(ctx, `job ${r.jobId} created; waiting for committee draw (beacon round ${r.drawRound}): 'mpc job show ${r.jobId}' shows it once drawn`, r);
  } else {
    out(ctx, `job ${r.jobId} created; committee (the whole pool, no draw needed):\n  ${r.committee.join('\n  ')}`, r);
  }
  return EXIT.done;
}

async function runInputSubmit(ctx) {
  const [job, ...values] = ctx.args;
  let r;
  try {
    r = await submitInput(ctx.api, ctx.signer(), BigInt(job), values, { dealer: ctx.opts.dealer });
  } catch (e) {
    // Values that do not fit the job (decimals, dimension, range, not a ballot for a one-hot
    // rule) are the caller's mistake.
    if (e instanceof ProtocolError && ['decimal', 'dimension', 'range', 'ballot'].includes(e.code)) throw new UsageError(e.message, ctx.command);
    throw e;
  }
  out(ctx, `input to job ${job} in block ${r.blockHash} (dealt by the ${r.dealer} dealer)`, { job, blockHash: r.blockHash, dealer: r.dealer });
  return EXIT.done;
}

async function runInputReclaim(ctx) {
  const r = await reclaimInputDeposit(ctx.api, ctx.signer(), BigInt(ctx.args[0]));
  const human = r.amount === 0n
    ? `input ${r.index} to job ${r.jobId} removed; it was disqualified, its deposit forfeited: nothing returned (block ${r.blockHash})`
    : `deposit of input ${r.index} to job ${r.jobId} returned: ${r.amount} (block ${r.blockHash})`;
  out(ctx, human, r);
  return EXIT.done;
}

function describeJob(job) {
  const lines = Object.entries(job).filter(([k]) => !['timeline', 'committee', 'draw', 'drawRound', 'failureReason', 'inputRule'].includes(k)).map(([k, v]) => (
    k === 'phase' && job.failureReason ? `phase: ${v} (${job.failureReason})` : `${k}: ${v}`));
  lines.push(`inputRule: ${describeRule(job.inputRule, job.decimals)}`);
  lines.push(`timeline: ${Object.entries(job.timeline).map(([phase, block]) => `${phase} ${block ?? '-'}`).join(', ')}`);
  if (job.phase === 'Drawing') lines.push(`waiting for committee draw (beacon round ${job.drawRound ?? '?'})`);
  else if (job.draw) {
    lines.push(job.draw.round === null
      ? `committee: the whole pool, no draw needed (block ${job.draw.block})`
      : `committee drawn with beacon round ${job.draw.round} in block ${job.draw.block} ('mpc job draw' re-verifies it)`);
  } else if (job.timeline.drawn !== null) lines.push(`committee drawn in block ${job.timeline.drawn} (its events are no longer available here)`);
  if (job.committee.length) lines.push(`committee:\n  ${job.committee.join('\n  ')}`);
  return lines.join('\n');
}

async function runJobShow(ctx) {
  const jobId = BigInt(ctx.args[0]);
  const job = await getJob(ctx.api, jobId);
  if (!job) throw new MpcError('Mpc.UnknownJob');
  job.committee = (await ctx.api.query.mpc.committees(jobId)).map((m) => m.account.toString());
  job.draw = null;
  if (job.timeline.drawn !== null) {
    try {
      const { created, drawn } = await readCommitteeDraw(ctx.api, jobId, job.timeline);
      if (created && drawn) job.draw = { round: created.drawRound, block: drawn.block };
    } catch (e) {
      // A pruned block only hides the draw round; the rest of the job is still shown.
      if (!(e instanceof MpcError && e.errorName === 'HistoryUnavailable')) throw e;
    }
  }
  out(ctx, describeJob(job), job);
  return EXIT.done;
}

async function runJobWait(ctx) {
  const r = await waitForResult(ctx.api, BigInt(ctx.args[0]), {
    timeoutMs: Number(ctx.opts.timeout) * 1000,
    onProgress: ({ block, phase, inputs, drawRound }) => progress(ctx, phase === 'Drawing'
      ? `#${block} waiting for committee draw (beacon round ${drawRound ?? '?'})`
      : `#${block} ${phase}, ${inputs} inputs`),
  });
  if (!ctx.opts.json) process.stderr.write('\n');
  out(ctx, `sum: ${r.formatted.join(', ')}\nmean: ${r.formattedMeans.join(', ')}\ninputs: ${r.qualifiedInputs}`, r);
  return EXIT.done;
}

async function runJobDraw(ctx) {
  const jobId = BigInt(ctx.args[0]);
  const job = await getJob(ctx.api, jobId);
  if (!job) throw new MpcError('Mpc.UnknownJob');
  if (job.phase === 'Drawing') {
    out(ctx, `job ${jobId} is waiting for committee draw (beacon round ${job.drawRound ?? '?'})`, { jobId, phase: job.phase, drawRound: job.drawRound, verified: false });
    return EXIT.done;
  }
  try {
    const d = await verifyCommitteeDraw(ctx.api, jobId, { timeline: job.timeline, n: job.n });
    const human = d.round === null
      ? `job ${jobId} needed no draw: its committee is the whole pool at its creation (block ${d.block})`
      : `committee of job ${jobId} verifies: drawn in block ${d.block} with beacon round ${d.round} (epoch ${d.epoch}, verified), `
        + `output ${toHex(d.rho)}, from ${d.candidates.length} candidates`
        + `${d.skipped.length ? `, skipping ${d.skipped.join(', ')} (no longer eligible)` : ''}`
        + `\ncommittee:\n  ${d.committee.join('\n  ')}`;
    out(ctx, human, { jobId, ...d, verified: true });
    return EXIT.done;
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    out(ctx, `committee of job ${jobId} does NOT verify: ${e.message}`, { jobId, verified: false, reason: e.message });
    return EXIT.invalid;
  }
}

async function runRecordVerify(ctx) {
  const jobId = BigInt(ctx.args[0]);
  const record = await getRecord(ctx.api, jobId);
  if (!record) throw new MpcError('NoRecord', `job ${jobId} has no result (yet)`);
  if (!ctx.opts.full) {
    const v = verifyRecord(record);
    out(ctx, v.valid
      ? `record of job ${record.jobId} verifies: ${record.result.formatted.join(', ')}`
      : `record of job ${record.jobId} does NOT verify: ${v.reason}`, { ...v, record });
    return v.valid ? EXIT.done : EXIT.invalid;
  }
  const report = await auditRecord(ctx.api, jobId, {
    record,
    onProgress: ({ block, from, to }) => progress(ctx, `auditing blocks ${from}..${to}: #${block}`),
  });
  if (!ctx.opts.json) process.stderr.write('\n');
  const dq = report.disqualified.map((d) => `input ${d.index} on a complaint of worker ${d.workerIndex}`);
  // Complaints about inputs already disqualified: taken by the chain, unjudged, free.
  const rc = (report.redundantComplaints ?? []).map((d) => `input ${d.index} by worker ${d.workerIndex}`);
  const redundant = rc.length ? `, ${rc.length} redundant complaint${rc.length > 1 ? 's' : ''} (${rc.join('; ')})` : '';
  // Validity proofs (PROTOCOL.md section 12): re-verified one-hot proofs, range proofs not.
  const v = report.validity;
  const validity = report.inputRule?.type === 'OneHot'
    ? `; ${v.verified} one-hot proof${v.verified === 1 ? '' : 's'} re-verified`
    : report.inputRule?.type === 'Range' ? `; ${v.notVerified} range proof${v.notVerified === 1 ? '' : 's'} NOT re-verified (${v.note})` : '';
  const draw = report.draw?.round === null || report.draw?.round === undefined
    ? 'committee: the whole pool (no draw)'
    : `committee drawn with beacon round ${report.draw.round} in block ${report.draw.block} (draw verified)`;
  out(ctx, report.valid
    ? `record of job ${jobId} passes the full audit of blocks ${report.blocks.from}..${report.blocks.to}: ${draw}; `
      + `${report.inputs.length} inputs, ${dq.length} disqualified${dq.length ? ` (${dq.join('; ')})` : ''}${redundant}${validity}; `
      + `sums ${record.result.formatted.join(', ')}; means ${record.result.formattedMeans.join(', ')}`
    : `record of job ${jobId} does NOT pass the full audit: ${report.reason}`, report);
  return report.valid ? EXIT.done : EXIT.invalid;
}

async function runWorkers(ctx) {
  const ws = await listWorkers(ctx.api);
  out(ctx, ws.map((w) => `${w.account}  E=${w.key}  bond=${w.bond}  faults=${w.faults}`).join('\n') || 'no workers', ws);
  return EXIT.done;
}

function describeRound(r) {
  const members = r.shares.map((s) => s.index).join(', ') || 'none';
  return r.output
    ? `round ${r.round} (epoch ${r.epoch}): opened in block ${r.opened}, output published in block ${r.publishedAt}\n`
      + `seed: ${toHex(r.seed)}\noutput: ${toHex(r.output)}\nshares of members: ${members}`
    : `round ${r.round} (epoch ${r.epoch}): opened in block ${r.opened}, open\nseed: ${toHex(r.seed)}\nshares so far of members: ${members}`;
}

async function latestRoundOrFail(api) {
  const round = await latestBeaconRound(api);
  if (round === null) throw new MpcError('NoBeaconRound', 'no beacon round has completed yet');
  return round;
}

async function showRound(ctx, round) {
  const r = await getBeaconRound(ctx.api, round);
  if (!r) throw new MpcError('NoBeaconRound', `round ${round} is not stored (not opened yet, or pruned)`);
  out(ctx, describeRound(r), r);
  return EXIT.done;
}

async function runBeaconLatest(ctx) {
  return showRound(ctx, await latestRoundOrFail(ctx.api));
}

async function runBeaconRound(ctx) {
  return showRound(ctx, BigInt(ctx.args[0]));
}

async function runBeaconVerify(ctx) {
  const round = ctx.args[0] === undefined ? await latestRoundOrFail(ctx.api) : Number(ctx.args[0]);
  try {
    const v = await verifyBeaconRound(ctx.api, round);
    out(ctx, `round ${v.round} (epoch ${v.epoch}) verifies: output ${toHex(v.output)}`, v);
    return EXIT.done;
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    out(ctx, `round ${round} does NOT verify: ${e.message}`, { round, verified: false, reason: e.message });
    return EXIT.invalid;
  }
}

async function runBeaconRequest(ctx) {
  const timeoutMs = Number(ctx.opts.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout must be a positive number of seconds', ctx.command);
  if (ctx.opts.wait && !ctx.opts.json) console.log('requesting a beacon round...');
  const r = await requestRound(ctx.api, ctx.signer(), { wait: Boolean(ctx.opts.wait), timeoutMs });
  if (!r.verified) {
    out(ctx, `requested round ${r.round} (in block ${r.blockHash})`, { round: r.round, blockHash: r.blockHash });
    return EXIT.done;
  }
  const v = r.verified;
  out(ctx, `round ${v.round} (epoch ${v.epoch}) verifies: output ${toHex(v.output)}`, { round: r.round, blockHash: r.blockHash, ...v });
  return EXIT.done;
}

/** A threshold key for people: its status, and what it holds in that status. */
function describeKey(k) {
  const lines = [
    `key ${k.id}: ${k.status}`,
    `owner: ${k.owner}`,
    `threshold: ${k.threshold} (any ${k.threshold + 1} of ${k.size} members sign)`,
    `deposit: ${k.deposit}`,
    `created: block ${k.created}`,
    `open signing requests: ${k.openRequests}`,
  ];
  switch (k.status) {
    case 'Drawing':
      lines.push(`waiting for committee draw (beacon round ${k.drawRound}) from ${k.candidates.length} candidates, until block ${k.until}`);
      break;
    case 'Generating':
      lines.push(`attempt ${k.attempt}: ${k.step} since block ${k.opened} (until block ${k.until}), ${k.step === 'Complaints' ? 'confirmed' : 'posted'} by members: ${k.posted.join(', ') || 'none'}`);
      break;
    case 'Active':
      lines.push(
        `group key: ${k.groupKey}`,
        `account: ${k.account}`,
        `digest: ${k.digest}`,
        `activated: block ${k.activated} (attempt ${k.attempt})`,
        `epoch: ${k.epoch} (${k.epoch === 1 ? '1 refresh' : `${k.epoch} refreshes`}; since block ${k.epochStart})`,
        `refreshing: ${k.refreshing === null ? 'no' : `attempt ${k.refreshing}`}`,
        `ids: ${k.ids.join(', ')} (the members that hold shares)`,
      );
      break;
    case 'Expired':
      lines.push(`group key: ${k.groupKey}`, `account: ${k.account}`, `expired in block ${k.expiredAt} (it signs no more)`);
      break;
    case 'Failed':
      lines.push(`failed in block ${k.failedAt}`);
      break;
    default:
  }
  if (k.members.length) {
    lines.push(`members${k.status === 'Active' ? ' (identifier, account, verifying share Y_i)' : ''}:`);
    k.members.forEach((m, i) => {
      if (k.status !== 'Active') lines.push(`  ${i + 1} ${m.account}`);
      else {
        // Identifier i is members[i - 1]; a member not in `ids` left (or was left out by a refresh).
        const at = k.ids.indexOf(i + 1);
        lines.push(`  ${i + 1} ${m.account} ${at < 0 ? 'left: holds no share' : k.verifyingShares[at]}`);
      }
    });
  }
  return lines.join('\n');
}

async function readKey(api, keyId) {
  const key = await thresholdKey(api, keyId);
  if (!key) throw new MpcError('Mpc.UnknownKey', `key ${keyId} is not stored (never created, or removed)`);
  return key;
}

async function runKeyCreate(ctx) {
  const { opts } = ctx;
  const size = Number(opts.size);
  const threshold = Number(opts.threshold);
  const id = await createKey(ctx.api, ctx.signer(), { size, threshold });
  const key = await readKey(ctx.api, id);
  if (!opts.wait) {
    const where = key.status === 'Drawing' ? `waiting for committee draw (beacon round ${key.drawRound})` : key.status.toLowerCase();
    out(ctx, `key ${id} requested (any ${threshold + 1} of ${size} members sign): ${where}; 'mpc key show ${id}' shows it`, key);
    return EXIT.done;
  }
  if (!opts.json) console.log(`key ${id} requested (any ${threshold + 1} of ${size} members sign); waiting for it to be made`);
  const made = await waitForKey(ctx.api, id, {
    timeoutMs: Number(opts.timeout) * 1000,
    onProgress: ({ block, status, attempt, step }) => progress(ctx, status === 'Generating' ? `#${block} attempt ${attempt}: ${step}` : `#${block} ${status}`),
  });
  if (!opts.json) process.stderr.write('\n');
  out(ctx, `key ${id} made in block ${made.activated}\ngroup key: ${made.groupKey}\naccount: ${made.account}`, made);
  return EXIT.done;
}

async function runKeyShow(ctx) {
  const key = await readKey(ctx.api, BigInt(ctx.args[0]));
  out(ctx, describeKey(key), key);
  return EXIT.done;
}

/** `key refresh` and `key leave`: `start` is `refreshKey` or `leaveKey`. */
async function runKeyRefresh(ctx, start) {
  const { opts } = ctx;
  const id = BigInt(ctx.args[0]);
  const signer = ctx.signer();
  const { epoch } = await readKey(ctx.api, id);
  const r = await start(ctx.api, signer, id);
  const what = start === leaveKey ? `${signer.address} leaves key ${id}: refresh` : `refresh of key ${id}`;
  const started = `${what} started in block ${r.blockHash}: attempt ${r.attempt}, ${r.members.length} members`;
  if (!opts.wait) {
    out(ctx, `${started}; 'mpc key show ${id}' shows it`, { key: id, ...r });
    return EXIT.done;
  }
  if (!opts.json) console.log(`${started}; waiting for it to complete`);
  const refreshed = await waitForRefresh(ctx.api, id, epoch + 1, {
    timeoutMs: Number(opts.timeout) * 1000,
    onProgress: ({ block, refreshing, step }) => progress(ctx, refreshing === null ? `#${block}` : `#${block} attempt ${refreshing}: ${step ?? '?'}`),
  });
  if (!opts.json) process.stderr.write('\n');
  out(ctx, `key ${id} refreshed in block ${refreshed.epochStart}: epoch ${refreshed.epoch}, members ${refreshed.ids.join(', ')} hold new shares\n`
    + `group key: ${refreshed.groupKey}\naccount: ${refreshed.account}`, refreshed);
  return EXIT.done;
}

async function runKeySign(ctx) {
  const keyId = BigInt(ctx.args[0]);
  const message = ctx.args[1];
  let request;
  try {
    request = await requestSignature(ctx.api, ctx.signer(), keyId, message);
  } catch (e) {
    // A message longer than the chain signs is the caller's mistake.
    if (e instanceof ProtocolError && e.code === 'message') throw new UsageError(e.message, ctx.command);
    throw e;
  }
  if (!ctx.opts.json) console.log(`signing request ${request} to key ${keyId}; waiting for the signature`);
  const signature = await waitForSignature(ctx.api, request, {
    timeoutMs: Number(ctx.opts.timeout) * 1000,
    onProgress: ({ block, attempt, commitments, shares }) => progress(ctx, `#${block} attempt ${attempt}: ${commitments} commitments, ${shares} shares`),
  });
  if (!ctx.opts.json) process.stderr.write('\n');
  // The chain verified it; so does this process, against the key's group key.
  const { groupKey } = await readKey(ctx.api, keyId);
  const verified = verifyKeySignature(groupKey, message, signature);
  const { signedAt } = await signatureRequest(ctx.api, request) ?? {};
  const data = { key: keyId, request, message: toHex(keyMessage(message)), signature, signedAt, groupKey, verified };
  out(ctx, verified
    ? `request ${request} signed in block ${signedAt}; verified here against group key ${groupKey}\nsignature: ${toHex(signature)}`
    : `request ${request} signed in block ${signedAt}, but the signature does NOT verify against group key ${groupKey}\nsignature: ${toHex(signature)}`, data);
  return verified ? EXIT.done : EXIT.invalid;
}

async function runKeyVerify(ctx) {
  const [which, message, signature] = ctx.args;
  const keyId = WHOLE.test(which) ? BigInt(which) : null;
  let groupKey;
  if (keyId === null) {
    groupKey = toHex(groupKeyBytes(which));
  } else {
    const key = await readKey(ctx.api, keyId);
    if (key.status !== 'Active') throw new MpcError('KeyNotActive', `key ${keyId} is ${key.status}: it has no group key`);
    groupKey = key.groupKey;
  }
  const bytes = keyMessage(message);
  const valid = verifyKeySignature(groupKey, bytes, signature);
  const data = { key: keyId, groupKey, message: toHex(bytes), signature: signature.replace(/^0x/, '').toLowerCase(), valid };
  out(ctx, valid
    ? `signature verifies: group key ${groupKey} signed the ${bytes.length}-byte message`
    : `signature does NOT verify: not a signature by group key ${groupKey} of the ${bytes.length}-byte message`, data);
  return valid ? EXIT.done : EXIT.invalid;
}

/** The contract `opts.contract` (or the only one, or the file's namesake) of a compiled file. */
async function compiledContract(path, name, command) {
  const { contracts } = await compileContractFile(path);
  const unique = [...new Set(Object.values(contracts))];
  const stem = path.split('/').pop().replace(/\.sol$/, '');
  const chosen = name !== undefined ? contracts[name] : (unique.length === 1 ? unique[0] : contracts[stem]);
  if (!chosen) throw new UsageError(`${path} has ${name !== undefined ? `no contract ${name}` : 'several contracts: choose one with --contract'} (${unique.map((c) => c.name).join(', ')})`, command);
  return chosen;
}

/** The ABI and the function for `contract call` and `contract read`: from --abi, or from the signature. */
async function contractFunction(ctx) {
  const [, fn] = ctx.args;
  let iface;
  if (ctx.opts.abi !== undefined) {
    iface = /\.sol$/.test(ctx.opts.abi)
      ? (await compiledContract(ctx.opts.abi, ctx.opts.contract, ctx.command)).interface
      : contractInterface(JSON.parse(readFileSync(ctx.opts.abi, 'utf8')));
    if (fn.includes('(')) iface = contractInterface([...iface.fragments.filter((f) => f.type !== 'function').map((f) => f.format('full')), `function ${fn}`]);
  } else {
    if (!fn.includes('(')) throw new UsageError(`'${fn}': give the function's signature ("${fn}()"), or the contract's ABI with --abi`, ctx.command);
    iface = contractInterface([`function ${fn}`]);
  }
  const fragment = iface.getFunction(fn.includes('(') ? fn.slice(0, fn.indexOf('(')).trim() : fn);
  if (!fragment) throw new UsageError(`no function '${fn}' in the ABI`, ctx.command);
  return { iface, name: fragment.name };
}

/** A command-line argument as an ABI value: whole numbers as BigInt, JSON, or the text itself. */
function abiArg(text) {
  if (/^-?\d+$/.test(text)) return BigInt(text);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const describeLog = (l) => (l.name
  ? `  ${l.contract} ${l.name}(${Object.entries(l.args).map(([k, v]) => `${k}: ${json(v).replace(/\s+/g, ' ')}`).join(', ')})`
  : `  ${l.contract} (undecoded event, ${l.topics.length} topics)`);

async function runContractDeploy(ctx) {
  const artifact = await compiledContract(ctx.args[0], ctx.opts.contract, ctx.command);
  const r = await deployContract(ctx.api, ctx.signer(), artifact, JSON.parse(ctx.opts.args), { value: BigInt(ctx.opts.value) });
  const data = {
    contract: artifact.name, address: r.address, account: r.account, blockHash: r.blockHash, codeSize: artifact.deployedBytecode.length,
    weight: r.dryRun.weightConsumed, storageDeposit: r.dryRun.storageDeposit.charge, logs: r.logs,
  };
  out(ctx, [`${artifact.name} deployed at ${r.address} (account ${r.account}) in block ${r.blockHash}`, ...r.logs.map(describeLog)].join('\n'), data);
  return EXIT.done;
}

async function runContractCall(ctx) {
  const { iface, name } = await contractFunction(ctx);
  const r = await callContract(ctx.api, ctx.signer(), ctx.args[0], iface, name, ctx.args.slice(2).map(abiArg), { value: BigInt(ctx.opts.value) });
  const data = { blockHash: r.blockHash, result: r.result ?? null, logs: r.logs, weight: r.dryRun.weightConsumed, gas: r.dryRun.gasConsumed };
  const result = r.result === undefined ? '' : `: ${json(r.result).replace(/\s+/g, ' ')}`;
  out(ctx, [`${name} called in block ${r.blockHash}${result}`, ...r.logs.map(describeLog)].join('\n'), data);
  return EXIT.done;
}

async function runContractRead(ctx) {
  const { iface, name } = await contractFunction(ctx);
  const value = await readContract(ctx.api, ctx.args[0], iface, name, ctx.args.slice(2).map(abiArg));
  out(ctx, json(value), value);
  return EXIT.done;
}

async function runContractFulfill(ctx) {
  const r = await fulfill(ctx.api, ctx.signer(), BigInt(ctx.args[0]));
  const data = { job: ctx.args[0], blockHash: r.blockHash, delivered: r.delivered, callback: r.callback, logs: r.logs };
  const human = r.delivered
    ? `outcome of job ${ctx.args[0]} delivered to ${r.callback?.consumer} in block ${r.blockHash}: the callback ${r.delivered.success ? 'returned' : 'reverted (recorded; the result stands)'}`
    : `fulfill of job ${ctx.args[0]} in block ${r.blockHash} emitted no CallbackDelivered`;
  out(ctx, human, data);
  return EXIT.done;
}

const LOAD_PHASES = {
  jobs: 'creating jobs', funding: 'funding providers', dealing: 'dealing', signing: 'signing', funded: 'funds landing', submitting: 'submitting', waiting: 'waiting for results',
};

/** A load run's figures for people. */
function describeLoad(r) {
  const lines = [
    `load: ${r.inputs} inputs from ${r.inputs} providers to ${r.jobs} job${r.jobs === 1 ? '' : 's'} (n = ${r.committee}, t = ${r.threshold}, d = ${r.dimension}), input window ${r.window} blocks`,
    `dealing: ${r.dealMsPerInput} ms per input (${r.dealer} dealer); signing ${r.signSeconds} s; submitting ${r.submitSeconds} s (${r.submitted} sent, ${r.refused} refused by the node, ${r.retried} retried, ${r.resent} signed again and resent)`,
    `accepted: ${r.accepted} inputs in ${r.inputsPerBlock.blocks} block${r.inputsPerBlock.blocks === 1 ? '' : 's'}: at most ${r.inputsPerBlock.max}, on average ${r.inputsPerBlock.mean} per block`,
    `failed extrinsics: ${r.failedExtrinsics}, ${r.failedByLoad} of them the load's own${r.failedExtrinsics ? ` (${Object.entries(r.failedErrors).map(([k, v]) => `${k} ${v}x`).join(', ')})` : ''}`,
    `blocks: #${r.firstBlock}..#${r.lastBlock} (${r.blocksObserved} observed), slots missed ${r.slotsMissed}, finality lag at most ${r.maxFinalityLag} blocks`,
  ];
  for (const [why, count] of Object.entries(r.refusedReasons)) lines.push(`refused ${count}x: ${why}`);
  for (const j of r.perJob) {
    const span = j.windowEndToResult.blocks === null ? 'no result' : `result in #${j.resultBlock}, ${j.windowEndToResult.blocks} blocks (${j.windowEndToResult.seconds} s) after`;
    const sum = (v) => (Array.isArray(v) ? v.join(', ') : v ?? '-');
    const sums = `sum ${sum(j.sumOnChain)} (expected ${sum(j.sumExpected)})`;
    lines.push(`job ${j.jobId}: ${j.inputs} of ${j.maxInputs} inputs, closed in #${j.inputsClosedBlock ?? '-'}, ${span}; ${sums}: ${j.exact ? 'exact' : 'NOT exact'}${j.failed ? `; failed (${j.failed})` : ''}`);
  }
  lines.push(`phases: ${Object.entries(r.phaseSeconds).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
  lines.push(`outputs exact: ${r.outputsExact ? 'yes' : 'no'}${r.timedOut ? ' (timed out waiting for results)' : ''}; ${r.wallSeconds} s in all`);
  return lines.join('\n');
}

async function runBenchLoad(ctx) {
  const { opts } = ctx;
  const num = (name) => (opts[name] === undefined ? undefined : Number(opts[name]));
  let r;
  try {
    r = await runLoad(ctx.api, ctx.signer(), {
      inputs: num('inputs'),
      jobs: num('jobs'),
      committee: num('committee'),
      threshold: num('threshold'),
      dimension: num('dimension'),
      window: num('window'),
      seed: opts.seed,
      concurrency: num('concurrency'),
      pending: num('pending'),
      dealer: opts.dealer,
      timeoutMs: Number(opts.timeout) * 1000,
      perBlock: Boolean(opts.blocks),
    }, {
      onProgress: ({ phase, done, total, block, inputs }) => progress(ctx, `${LOAD_PHASES[phase] ?? phase}: ${done}/${total}${inputs !== undefined ? `, ${inputs} inputs accepted` : ''}${block !== undefined ? ` (#${block})` : ''}`),
    });
  } catch (e) {
    // Inputs that do not fit the chain (more per job than it takes, more jobs than inputs) are the caller's mistake.
    if (e instanceof ProtocolError && e.code === 'load') throw new UsageError(e.message, ctx.command);
    throw e;
  }
  if (!opts.json) process.stderr.write('\n');
  out(ctx, describeLoad(r), r);
  return r.outputsExact && r.accepted === r.inputs && !r.timedOut ? EXIT.done : EXIT.failed;
}

// ---- main ----------------------------------------------------------------------------------

/** Connects without retrying: a node that does not answer is an error, not a wait. */
async function connect(url, timeoutMs = 30_000) {
  const provider = new WsProvider(url, false);
  await new Promise((resolve, reject) => {
    const offs = [];
    const done = (fn, value) => {
      clearTimeout(timer);
      offs.forEach((off) => off());
      fn(value);
    };
    const fail = (e) => {
      provider.disconnect().catch(() => {});
      done(reject, new Error(`cannot connect to ${url}${e?.message ? `: ${e.message}` : ''}`));
    };
    const timer = setTimeout(() => fail(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
    offs.push(provider.on('connected', () => done(resolve)), provider.on('error', fail));
    provider.connect().catch(fail);
  });
  return ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
}

async function main(argv) {
  const invocation = parse(argv);
  if (invocation.help) {
    console.log(invocation.help);
    return EXIT.done;
  }
  if (invocation.version) {
    console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version);
    return EXIT.done;
  }
  const { command, opts, args } = invocation;
  await cryptoWaitReady();
  // A command that needs no chain for these arguments (`key verify` with a group key) runs without one.
  if (command.offline?.(args)) return command.run({ api: null, signer: null, opts, args, command });
  const api = await connect(opts.url);
  const signer = () => new Keyring({ type: command.scheme ?? 'sr25519' }).addFromUri(opts.suri);
  try {
    return await command.run({ api, signer, opts, args, command });
  } finally {
    await api.disconnect();
  }
}

/** The exit code of an error, after saying what went wrong on stderr (never a stack trace). */
function failure(e) {
  if (e instanceof UsageError) {
    console.error(`mpc: ${e.message}\n${usageLine(e.context)}`);
    return EXIT.usage;
  }
  console.error(`mpc: ${e?.message ?? e}`);
  if (e instanceof MpcError && /^(Timeout|JobFailed|JobCancelled|NoCommittee|KeyFailed|SignatureFailed|RefreshFailed|KeyExpired)$/.test(e.errorName)) return EXIT.failed;
  return EXIT.error;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(failure(e)),
);
