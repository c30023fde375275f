// The `mpc` CLI as a user meets it, without a node: help, usage errors and their exit codes.
// Every usage error is found before connecting; the runs point --url at a closed port anyway,
// so that a usage error the CLI missed fails fast (exit code 1) instead of waiting for a node.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeAddress } from '@polkadot/util-crypto';
import { freePort } from './dev-node.js';

const CLI = fileURLToPath(new URL('../bin/mpc.js', import.meta.url));
const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version;
const COMMANDS = [
  'job create', 'input submit', 'input reclaim', 'job show', 'job wait', 'job draw', 'record verify', 'workers', 'beacon latest', 'beacon round', 'beacon verify',
  'key create', 'key show', 'key refresh', 'key leave', 'key sign', 'key verify', 'contract deploy', 'contract call', 'contract read', 'contract fulfill',
  'bench load',
];
const OPTIONS = {
  'job create': {
    committee: null, threshold: null, dimension: '1', decimals: '0', window: '20', 'max-inputs': '100', 'min-inputs': '1', reward: null, metadata: null,
    'one-hot': null, 'one-hot-abstain': null, range: null, 'no-wait': null, timeout: '120',
  },
  'input submit': {},
  'input reclaim': {},
  'job show': {},
  'job wait': { timeout: '300' },
  'job draw': {},
  'record verify': { full: null },
  workers: {},
  'beacon latest': {},
  'beacon round': {},
  'beacon verify': {},
  'key create': { size: null, threshold: null, wait: null, timeout: '180' },
  'key show': {},
  'key refresh': { wait: null, timeout: '180' },
  'key leave': { wait: null, timeout: '180' },
  'key sign': { timeout: '120' },
  'key verify': {},
  'contract deploy': { contract: null, args: '[]', value: '0' },
  'contract call': { value: '0', abi: null, contract: null },
  'contract read': { abi: null, contract: null },
  'contract fulfill': {},
  'bench load': {
    inputs: '2000', jobs: null, committee: '5', threshold: '2', dimension: '1', window: null, seed: '//load', concurrency: '256', dealer: null, timeout: '900', blocks: null,
  },
};
const ARGS = {
  'job create': [], 'input submit': ['<job>', '<value>...'], 'input reclaim': ['<job>'], 'job show': ['<job>'], 'job wait': ['<job>'], 'job draw': ['<job>'], 'record verify': ['<job>'], workers: [],
  'beacon latest': [], 'beacon round': ['<round>'], 'beacon verify': ['[<round>]'],
  'key create': [], 'key show': ['<key>'], 'key refresh': ['<key>'], 'key leave': ['<key>'], 'key sign': ['<key>', '<message>'], 'key verify': ['<key|group-key>', '<message>', '<signature>'],
  'contract deploy': ['<file.sol>'], 'contract call': ['<address>', '<function>', '[<arg>...]'], 'contract read': ['<address>', '<function>', '[<arg>...]'],
  'contract fulfill': ['<job>'],
  'bench load': [],
};

/** A well-formed signature (128 hex digits) for the usage cases. */
const SIG = '0a'.repeat(64);

let closed;
before(async () => {
  closed = `ws://127.0.0.1:${await freePort()}`;
});

/** Runs the CLI; resolves with `{ code, stdout, stderr }` whatever the exit code. */
function mpc(args, { url = true } = {}) {
  const argv = url ? ['--url', closed, ...args] : args;
  return new Promise((resolve) => {
    execFile('node', [CLI, ...argv], { timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** The help row of option `--name`, with its wrapped continuation lines joined. */
function optionRow(help, name) {
  const lines = help.split('\n');
  const row = lines.findIndex((l) => l.startsWith(`  --${name} `) || l === `  --${name}`);
  if (row < 0) return null;
  const more = [];
  for (const l of lines.slice(row + 1)) {
    if (!/^ {6,}\S/.test(l)) break;
    more.push(l.trim());
  }
  return [lines[row].trim(), ...more].join(' ');
}

function assertNoStack(r) {
  assert.doesNotMatch(r.stderr, /\n\s+at |node:internal|ERR_PARSE_ARGS|TypeError|SyntaxError/, 'no stack trace');
}

/** A usage error: exit code 2, nothing on stdout, the message, a usage line and where help is. */
function assertUsage(r, message, usage, help) {
  assert.equal(r.code, 2, `exit code 2, got ${r.code}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, message);
  assert.match(r.stderr, new RegExp(`^usage: ${usage}`, 'm'));
  assert.match(r.stderr, new RegExp(`^try '${help}'`, 'm'));
  assert.match(r.stderr, /'mpc --help'/);
  assertNoStack(r);
}

test('mpc --help and mpc help list every command, the common options and the exit codes', async () => {
  const [dashed, word, short] = await Promise.all([mpc(['--help']), mpc(['help']), mpc(['-h'])]);
  for (const r of [dashed, word, short]) {
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, dashed.stdout);
  }
  const help = dashed.stdout;
  assert.match(help, /^usage: mpc <command> \[arguments\] \[options\]$/m);
  for (const c of COMMANDS) assert.match(help, new RegExp(`^  ${c} {2,}\\S`, 'm'), c);
  for (const o of ['--url <ws-url>', '--suri <suri>', '--json', '-h, --help', '--version']) assert.ok(help.includes(o), o);
  assert.match(help, /default: ws:\/\/127\.0\.0\.1:9944/);
  assert.match(help, /default: \/\/Alice/);
  assert.match(help, /^exit codes:$/m);
  assert.match(help, /^ {2}0 {2}done$/m);
  assert.match(help, /^ {2}1 {2}the chain refused \(a pallet error/m);
  assert.match(help, /^ {2}2 {2}usage error/m);
  // The exit codes' rows, with their wrapped lines joined.
  const rows = help.slice(help.indexOf('exit codes:')).replace(/\n {5}(?=\S)/g, ' ');
  assert.match(rows, /^ {2}3 {2}a record, a committee draw, a beacon round or a threshold key's signature does not verify$/m);
  assert.match(rows, /^ {2}4 {2}timeout, or the job failed \(e\.g\. no committee drawn\) or was cancelled, or a threshold key, its refresh or a signing request failed, or a load run lost inputs or results$/m);
  for (const line of help.split('\n')) assert.ok(line.length <= 80, `line too long: ${line}`);
});

test('mpc <command> --help shows its usage, arguments and options with defaults', async () => {
  for (const c of COMMANDS) {
    const words = c.split(' ');
    const runs = await Promise.all([mpc([...words, '--help']), mpc(['help', ...words]), mpc([...words, '-h'])]);
    for (const r of runs) {
      assert.equal(r.code, 0, c);
      assert.equal(r.stdout, runs[0].stdout, c);
    }
    const help = runs[0].stdout;
    assert.match(help, new RegExp(`^mpc ${c}: \\S`), c);
    assert.match(help, new RegExp(`^usage: mpc ${c}\\b`, 'm'), c);
    for (const a of ARGS[c]) assert.match(help, new RegExp(`^ {2}${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} {2,}\\S`, 'm'), `${c}: ${a}`);
    for (const [name, dflt] of Object.entries(OPTIONS[c])) {
      const row = optionRow(help, name);
      assert.ok(row, `${c}: --${name}`);
      if (dflt !== null) assert.ok(row.endsWith(`(default: ${dflt})`), `${c}: --${name} default ${dflt}: ${row}`);
    }
    for (const o of ['--url', '--suri', '--json', '--help']) assert.ok(help.includes(o), `${c}: ${o}`);
    assert.match(help, /^examples?:$/m);
    assert.match(help, /exit codes: 0 done/);
  }
  const create = (await mpc(['job', 'create', '--help'])).stdout;
  assert.match(optionRow(create, 'committee'), /^--committee <n> .*\(required\)$/);
  assert.match(optionRow(create, 'threshold'), /^--threshold <t> .*\(required\)$/);
  assert.doesNotMatch(optionRow(create, 'metadata'), /default/);
  const full = (await mpc(['record', 'verify', '--help'])).stdout;
  assert.match(full, /archive/);
});

test('mpc job --help lists the job commands', async () => {
  const r = await mpc(['job', '--help']);
  assert.equal(r.code, 0);
  for (const c of ['job create', 'job show', 'job wait', 'job draw']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
  assert.doesNotMatch(r.stdout, /^ {2}(workers|record verify|input submit)/m);
  const input = await mpc(['input', '--help']);
  assert.equal(input.code, 0);
  for (const c of ['input submit', 'input reclaim']) assert.match(input.stdout, new RegExp(`^  ${c} `, 'm'));
  assert.doesNotMatch(input.stdout, /^ {2}job /m);
});

test('mpc key --help lists the threshold key commands', async () => {
  const r = await mpc(['key', '--help']);
  assert.equal(r.code, 0);
  for (const c of ['key create', 'key show', 'key refresh', 'key leave', 'key sign', 'key verify']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
  assert.doesNotMatch(r.stdout, /^ {2}(job|beacon|input) /m);
  const create = (await mpc(['key', 'create', '--help'])).stdout;
  assert.match(optionRow(create, 'size'), /^--size <n> .*\(required\)$/);
  assert.match(optionRow(create, 'threshold'), /^--threshold <t> .*1 <= t < n \(required\)$/);
  const verify = (await mpc(['key', 'verify', '--help'])).stdout;
  assert.match(verify, /^usage: mpc key verify <key\|group-key> <message> <signature> \[options\]$/m);
  assert.match(verify, /no node needed/);
  // A member leaves with its worker key.
  const leave = (await mpc(['key', 'leave', '--help'])).stdout;
  assert.match(leave, /^usage: mpc key leave <key> \[--wait\] \[options\]$/m);
  assert.match(leave.replace(/\n/g, ' '), /--suri is the member's worker key \(ed25519/);
});

test('unknown options are usage errors (exit code 2)', async () => {
  assertUsage(await mpc(['job', 'create', '--committee', '5', '--threshold', '2', '--bogus']), /^mpc: unknown option '--bogus'$/m, 'mpc job create', 'mpc job create --help');
  // An option of another command is unknown to this one.
  assertUsage(await mpc(['workers', '--full']), /^mpc: unknown option '--full'$/m, 'mpc workers', 'mpc workers --help');
  assertUsage(await mpc(['--bogus']), /^mpc: unknown option '--bogus'$/m, 'mpc <command>', 'mpc --help');
  assertUsage(await mpc(['record', 'verify', '1', '--ful']), /unknown option '--ful'/, 'mpc record verify <job>', 'mpc record verify --help');
  const negative = await mpc(['input', 'submit', '1', '-5']);
  assertUsage(negative, /unknown option '-5' \(negative values go after --/, 'mpc input submit', 'mpc input submit --help');
  assertUsage(await mpc(['job', 'wait', '1', '--timeout']), /option '--timeout' needs a value/, 'mpc job wait', 'mpc job wait --help');
  assertUsage(await mpc(['workers', '--json=yes']), /option '--json' takes no value/, 'mpc workers', 'mpc workers --help');
});

test('unknown commands are usage errors (exit code 2)', async () => {
  assertUsage(await mpc(['frobnicate']), /^mpc: unknown command 'frobnicate'$/m, 'mpc <command>', 'mpc --help');
  assertUsage(await mpc(['help', 'frobnicate']), /unknown command 'frobnicate'/, 'mpc <command>', 'mpc --help');
  assertUsage(await mpc(['job', 'frob', '1']), /unknown command 'job frob' \(one of: create, show, wait, draw\)/, 'mpc job <command>', 'mpc job --help');
  assertUsage(await mpc(['record']), /'record' needs a command \(one of: verify\)/, 'mpc record <command>', 'mpc record --help');
  assertUsage(await mpc(['input', 'withdraw', '1']), /unknown command 'input withdraw' \(one of: submit, reclaim\)/, 'mpc input <command>', 'mpc input --help');
  assertUsage(await mpc(['beacon']), /'beacon' needs a command \(one of: latest, round, verify, request\)/, 'mpc beacon <command>', 'mpc beacon --help');
  assertUsage(await mpc(['key']), /'key' needs a command \(one of: create, show, refresh, leave, sign, verify\)/, 'mpc key <command>', 'mpc key --help');
  assertUsage(await mpc(['bench']), /'bench' needs a command \(one of: load\)/, 'mpc bench <command>', 'mpc bench --help');
  assertUsage(await mpc(['bench', 'run']), /unknown command 'bench run' \(one of: load\)/, 'mpc bench <command>', 'mpc bench --help');
  assertUsage(await mpc(['key', 'remove', '1']), /unknown command 'key remove' \(one of: create, show, refresh, leave, sign, verify\)/, 'mpc key <command>', 'mpc key --help');
  assertUsage(await mpc([], { url: false }), /^mpc: no command$/m, 'mpc <command>', 'mpc --help');
});

test('missing and malformed arguments are usage errors (exit code 2)', async () => {
  const cases = [
    [['job', 'create'], /missing --committee/, 'job create'],
    [['job', 'create', '--committee', '5'], /missing --threshold/, 'job create'],
    [['job', 'create', '--committee', 'five', '--threshold', '2'], /--committee takes a whole number, not 'five'/, 'job create'],
    [['job', 'create', '--committee', '5', '--threshold', '2', '--reward', '1e12'], /--reward takes a whole number, not '1e12'/, 'job create'],
    [['input', 'submit'], /missing <job>/, 'input submit'],
    [['input', 'submit', '1'], /missing <value>\.\.\./, 'input submit'],
    [['input', 'submit', '1', '12,5'], /not a decimal number: '12,5'/, 'input submit'],
    [['input', 'submit', '1', '5', '--dealer', 'rust'], /--dealer is wasm or js, not 'rust'/, 'input submit'],
    [['input', 'reclaim'], /missing <job>/, 'input reclaim'],
    [['input', 'reclaim', 'one'], /<job> must be a whole number, not 'one'/, 'input reclaim'],
    [['input', 'reclaim', '1', '2'], /unexpected argument '2'/, 'input reclaim'],
    [['input', 'reclaim', '1', '--full'], /unknown option '--full'/, 'input reclaim'],
    [['job', 'show'], /missing <job>/, 'job show'],
    [['job', 'show', 'abc'], /<job> must be a whole number, not 'abc'/, 'job show'],
    [['job', 'show', '1', '2'], /unexpected argument '2'/, 'job show'],
    [['job', 'wait'], /missing <job>/, 'job wait'],
    [['job', 'wait', '1', '--timeout', 'soon'], /--timeout takes a whole number, not 'soon'/, 'job wait'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--timeout', 'soon'], /--timeout takes a whole number, not 'soon'/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--no-wait=yes'], /option '--no-wait' takes no value/, 'job create'],
    // Input rules (PROTOCOL.md section 12.1): one at a time, well-formed, one pair per dimension or one for all.
    [['job', 'create', '--committee', '3', '--threshold', '1', '--one-hot', '--range=0:1'], /--one-hot and --range are two input rules: choose one/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--one-hot', '--one-hot-abstain'], /--one-hot and --one-hot-abstain are two input rules/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--range', '0..9'], /--range takes <lo:hi>\[,<lo:hi>\.\.\.\] with decimal numbers, not '0\.\.9'/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--range', '0:1:2'], /--range takes <lo:hi>/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--range', '-5:5'], /option '--range' needs a value \(one that starts with '-' goes as --range=<value>\)/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--dimension', '3', '--range=0:1,0:1'], /--range has 2 pairs for 3 dimensions/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--decimals', '1', '--range=0:1.25'], /--range: 1\.25 has more than 1 decimals/, 'job create'],
    [['job', 'create', '--committee', '3', '--threshold', '1', '--one-hot=yes'], /option '--one-hot' takes no value/, 'job create'],
    [['job', 'draw'], /missing <job>/, 'job draw'],
    [['job', 'draw', 'x'], /<job> must be a whole number, not 'x'/, 'job draw'],
    [['record', 'verify'], /missing <job>/, 'record verify'],
    [['record', 'verify', '-1'], /unknown option '-1'/, 'record verify'],
    [['workers', 'all'], /unexpected argument 'all'/, 'workers'],
    [['beacon', 'round'], /missing <round>/, 'beacon round'],
    [['beacon', 'round', 'last'], /<round> must be a whole number, not 'last'/, 'beacon round'],
    [['beacon', 'verify', 'x'], /<round> must be a whole number, not 'x'/, 'beacon verify'],
    [['beacon', 'verify', '1', '2'], /unexpected argument '2'/, 'beacon verify'],
    [['beacon', 'latest', '1'], /unexpected argument '1'/, 'beacon latest'],
  ];
  const runs = await Promise.all(cases.map(([args]) => mpc(args)));
  runs.forEach((r, k) => {
    const [, message, c] = cases[k];
    assertUsage(r, message, `mpc ${c}`, `mpc ${c} --help`);
  });
});

// A batch of its own: every run is a process, and a larger batch of them on a small machine
// outlasts the runs' timeout.
test('malformed bench load commands are usage errors (exit code 2)', async () => {
  const cases = [
    [['bench', 'load', '--inputs', '0'], /--inputs is at least 1, not 0/, 'bench load'],
    [['bench', 'load', '--inputs', '2k'], /--inputs takes a whole number, not '2k'/, 'bench load'],
    [['bench', 'load', '--concurrency', '0'], /--concurrency is at least 1, not 0/, 'bench load'],
    [['bench', 'load', '--dealer', 'rust'], /--dealer is wasm or js, not 'rust'/, 'bench load'],
    [['bench', 'load', '--blocks=yes'], /option '--blocks' takes no value/, 'bench load'],
    [['bench', 'load', '5000'], /unexpected argument '5000'/, 'bench load'],
    [['bench', 'load', '--full'], /unknown option '--full'/, 'bench load'],
  ];
  const runs = await Promise.all(cases.map(([args]) => mpc(args)));
  runs.forEach((r, k) => {
    const [, message, c] = cases[k];
    assertUsage(r, message, `mpc ${c}`, `mpc ${c} --help`);
  });
});

test('malformed threshold key commands are usage errors (exit code 2)', async () => {
  // A key id is a whole number; a group key 0x and 64 hex digits or an SS58 account; a
  // signature 128 hex digits; --size and --threshold u32.
  const cases = [
    [['key', 'create'], /missing --size/, 'key create'],
    [['key', 'create', '--size', '5'], /missing --threshold/, 'key create'],
    [['key', 'create', '--threshold', '2'], /missing --size/, 'key create'],
    [['key', 'create', '--size', 'five', '--threshold', '2'], /--size takes a whole number, not 'five'/, 'key create'],
    [['key', 'create', '--size', '4294967296', '--threshold', '2'], /--size is at most 4294967295 \(a u32\), not 4294967296/, 'key create'],
    [['key', 'create', '--size', '-1', '--threshold', '2'], /option '--size' needs a value/, 'key create'],
    [['key', 'create', '--size', '5', '--threshold', '-1'], /option '--threshold' needs a value/, 'key create'],
    [['key', 'create', '--size', '5', '--threshold', '2', '--timeout', 'soon'], /--timeout takes a whole number, not 'soon'/, 'key create'],
    [['key', 'create', '--size', '5', '--threshold', '2', '--wait=yes'], /option '--wait' takes no value/, 'key create'],
    [['key', 'create', '--size', '5', '--threshold', '2', '3'], /unexpected argument '3'/, 'key create'],
    [['key', 'show'], /missing <key>/, 'key show'],
    [['key', 'show', 'first'], /<key> must be a whole number, not 'first'/, 'key show'],
    [['key', 'show', '1', '2'], /unexpected argument '2'/, 'key show'],
    [['key', 'sign'], /missing <key>/, 'key sign'],
    [['key', 'sign', '1'], /missing <message>/, 'key sign'],
    [['key', 'sign', '0x01', 'hello'], /<key> must be a whole number, not '0x01'/, 'key sign'],
    [['key', 'sign', '1', 'hello', 'world'], /unexpected argument 'world'/, 'key sign'],
    [['key', 'sign', '1', 'hello', '--timeout', '1.5'], /--timeout takes a whole number, not '1\.5'/, 'key sign'],
    [['key', 'sign', '1', '-x'], /unknown option '-x'/, 'key sign'],
    [['key', 'verify'], /missing <key\|group-key>/, 'key verify'],
    [['key', 'verify', '1', 'hello'], /missing <signature>/, 'key verify'],
    [['key', 'verify', '0x1234', 'hello', SIG], /<key\|group-key> is a key id, 0x and 64 hex digits, or an SS58 account, not '0x1234'/, 'key verify'],
    [['key', 'verify', 'ab'.repeat(32), 'hello', SIG], /<key\|group-key> is a key id, 0x and 64 hex digits, or an SS58 account, not 'abab/, 'key verify'],
    // Alice's address with its last character changed: the SS58 checksum fails.
    [['key', 'verify', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ', 'hello', SIG], /<key\|group-key> is a key id/, 'key verify'],
    [['key', 'verify', '1', 'hello', SIG.slice(2)], /<signature> is 128 hex digits, not '/, 'key verify'],
    [['key', 'verify', '1', 'hello', `${SIG.slice(2)}zz`], /<signature> is 128 hex digits/, 'key verify'],
    [['key', 'verify', '1', 'hello', SIG, 'more'], /unexpected argument 'more'/, 'key verify'],
    [['key', 'refresh'], /missing <key>/, 'key refresh'],
    [['key', 'refresh', 'all'], /<key> must be a whole number, not 'all'/, 'key refresh'],
    [['key', 'refresh', '1', '2'], /unexpected argument '2'/, 'key refresh'],
    [['key', 'refresh', '1', '--timeout', 'soon'], /--timeout takes a whole number, not 'soon'/, 'key refresh'],
    [['key', 'refresh', '1', '--wait=yes'], /option '--wait' takes no value/, 'key refresh'],
    [['key', 'leave'], /missing <key>/, 'key leave'],
    [['key', 'leave', '-1'], /unknown option '-1'/, 'key leave'],
    [['key', 'leave', '1', '--size', '5'], /unknown option '--size'/, 'key leave'],
  ];
  const runs = await Promise.all(cases.map(([args]) => mpc(args)));
  runs.forEach((r, k) => {
    const [, message, c] = cases[k];
    assertUsage(r, message, `mpc ${c}`, `mpc ${c} --help`);
  });
});

test('valid arguments reach the node; none answering is a runtime error (exit code 1)', async () => {
  const runs = await Promise.all([
    mpc(['workers']),
    mpc(['input', 'submit', '1', '--suri', '//Bob', '--', '-12.5', '3']),
    mpc(['input', 'submit', '1', '5', '--dealer', 'js']),
    mpc(['record', 'verify', '1', '--full', '--json']),
    mpc(['beacon', 'verify']),
    mpc(['job', 'draw', '1']),
    mpc(['input', 'reclaim', '1', '--suri', '//Bob', '--json']),
    mpc(['job', 'create', '--committee', '3', '--threshold', '1', '--one-hot-abstain']),
    mpc(['job', 'create', '--committee', '3', '--threshold', '1', '--dimension', '2', '--decimals', '2', '--range=-1.5:2,0:10']),
    mpc(['job', 'create', '--committee', '3', '--threshold', '1', '--dimension', '4', '--range=0:255']),
    mpc(['key', 'create', '--size', '5', '--threshold', '2', '--wait', '--suri', '//Ferdie']),
    mpc(['key', 'show', '0', '--json']),
    mpc(['key', 'sign', '0', 'pay Bob 5', '--suri', '//Ferdie']),
    mpc(['key', 'sign', '0', '--', '-starts with a dash']),
    // With a key id, the group key comes from the chain.
    mpc(['key', 'verify', '0', 'hello', SIG]),
    mpc(['key', 'refresh', '0', '--wait', '--suri', '//Ferdie']),
    mpc(['key', 'leave', '0', '--suri', '//Bob', '--json']),
    mpc(['bench', 'load', '--inputs', '10', '--seed', '//load3', '--json']),
  ]);
  for (const r of runs) {
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^mpc: cannot connect to ${closed}`));
    assertNoStack(r);
  }
});

test('mpc --version prints the package version', async () => {
  const r = await mpc(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), VERSION);
});

test('mpc contract deploy takes its constructor arguments as a JSON array, checked before connecting', async () => {
  const r = await mpc(['contract', 'deploy', 'Poll.sol', '--args', '{"a":1}']);
  assertUsage(r, /--args takes a JSON array: not an array/, 'mpc contract deploy <file\\.sol>', 'mpc contract deploy --help');
  const bad = await mpc(['contract', 'deploy', 'Poll.sol', '--args', '[1,']);
  assertUsage(bad, /--args takes a JSON array/, 'mpc contract deploy <file\\.sol>', 'mpc contract deploy --help');
  const value = await mpc(['contract', 'call', '0x00', 'open()', '--value', '1.5']);
  assertUsage(value, /--value takes a whole number, not '1\.5'/, 'mpc contract call <address>', 'mpc contract call --help');
});

test('mpc key verify with a group key or its account checks an Ed25519 signature here, without a node', async () => {
  const secret = ed25519.utils.randomSecretKey();
  const Y = ed25519.getPublicKey(secret);
  const hex = (b) => Buffer.from(b).toString('hex');
  const text = 'pay Bob 5';
  const signature = hex(ed25519.sign(new TextEncoder().encode(text), secret));
  const other = hex(ed25519.sign(new TextEncoder().encode('pay Bob 6'), secret));
  const stranger = hex(ed25519.sign(new TextEncoder().encode(text), ed25519.utils.randomSecretKey()));
  const key = `0x${hex(Y)}`;
  const account = encodeAddress(Y, 42);
  const tampered = `${signature.slice(0, 80)}${signature[80] === '0' ? '1' : '0'}${signature.slice(81)}`;
  // --url points at a closed port: these never connect.
  const [valid, json, asHex, byAccount, upper, wrongMessage, wrongSignature, wrongKey, flipped, wrongJson] = await Promise.all([
    mpc(['key', 'verify', key, text, signature]),
    mpc(['key', 'verify', key, text, `0x${signature}`, '--json']),
    mpc(['key', 'verify', key, `0x${hex(new TextEncoder().encode(text))}`, signature]),
    mpc(['key', 'verify', account, text, signature]),
    mpc(['key', 'verify', key.toUpperCase().replace('0X', '0x'), text, signature.toUpperCase()]),
    mpc(['key', 'verify', key, 'pay Bob 6', signature]),
    mpc(['key', 'verify', key, text, other]),
    mpc(['key', 'verify', key, text, stranger]),
    mpc(['key', 'verify', account, text, tampered]),
    mpc(['key', 'verify', key, 'pay Bob 6', signature, '--json']),
  ]);
  for (const r of [valid, asHex, byAccount, upper]) {
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `signature verifies: group key ${hex(Y)} signed the 9-byte message\n`);
  }
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), { key: null, groupKey: hex(Y), message: hex(new TextEncoder().encode(text)), signature, valid: true });
  for (const r of [wrongMessage, wrongSignature, wrongKey, flipped]) {
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, new RegExp(`^signature does NOT verify: not a signature by group key ${hex(Y)} of the 9-byte message$`, 'm'));
  }
  assert.equal(wrongJson.code, 3);
  assert.equal(JSON.parse(wrongJson.stdout).valid, false);
});
