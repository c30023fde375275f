// The `mpc` CLI as a user meets it, without a node: help, usage errors and their exit codes.
// Every usage error is found before connecting; the runs point --url at a closed port anyway,
// so that a usage error the CLI missed fails fast (exit code 1) instead of waiting for a node.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from './dev-node.js';

const CLI = fileURLToPath(new URL('../bin/mpc.js', import.meta.url));
const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version;
const COMMANDS = [
  'job create', 'input submit', 'input reclaim', 'job show', 'job wait', 'job draw', 'record verify', 'workers', 'beacon latest', 'beacon round', 'beacon verify',
  'contract deploy', 'contract call', 'contract read', 'contract fulfill',
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
  'contract deploy': { contract: null, args: '[]', value: '0' },
  'contract call': { value: '0', abi: null, contract: null },
  'contract read': { abi: null, contract: null },
  'contract fulfill': {},
};
const ARGS = {
  'job create': [], 'input submit': ['<job>', '<value>...'], 'input reclaim': ['<job>'], 'job show': ['<job>'], 'job wait': ['<job>'], 'job draw': ['<job>'], 'record verify': ['<job>'], workers: [],
  'beacon latest': [], 'beacon round': ['<round>'], 'beacon verify': ['[<round>]'],
  'contract deploy': ['<file.sol>'], 'contract call': ['<address>', '<function>', '[<arg>...]'], 'contract read': ['<address>', '<function>', '[<arg>...]'],
  'contract fulfill': ['<job>'],
};

let closed;
before(async () => {
  closed = `ws://127.0.0.1:${await freePort()}`;
});

/** Runs the CLI; resolves with `{ code, stdout, stderr }` whatever the exit code. */
function mpc(args, { url = true } = {}) {
  const argv = url ? ['--url', closed, ...args] : args;
  return new Promise((resolve) => {
    execFile('node', [CLI, ...argv], { timeout: 30_000 }, (error, stdout, stderr) => {
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
  assert.match(help, /^ {2}3 {2}a record, a committee draw or a beacon round does not verify$/m);
  assert.match(help, /^ {2}4 {2}timeout, or the job failed \(e\.g\. no committee drawn\) or was cancelled$/m);
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
