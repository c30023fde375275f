#!/usr/bin/env node
// Per-input dealing time in Node, for a committee of n = 5 with threshold t = 2: the JS dealer
// (dealWithRule) against the wasm dealer (loadProver: mpc-primitives built to WebAssembly by
// scripts/wasm), for an input without a rule (d = 1), range proofs (wasm only: d = 1 at
// N = 8, 32 and 64 bits) and one-hot ballots (d = 4, both). Prints JSON: per case the
// iterations and the mean, median, min and max milliseconds per input (after a warm-up).
//
//   node examples/bench-dealing.mjs [--iterations 30]    (MPC_WASM=<path> for another module)

import { parseArgs } from 'node:util';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { dealWithRule, loadProver } from '../src/index.js';

const { values: opts } = parseArgs({ options: { iterations: { type: 'string', default: '30' } } });
const iterations = Number(opts.iterations);

const keys = [3n, 5n, 7n, 11n, 13n].map((x) => ristretto255.Point.BASE.multiply(x * 1_000_003n).toBytes());
const params = { genesis: new Uint8Array(32).fill(9), jobId: 5n, provider: new Uint8Array(32).fill(7), keys, t: 2 };
const prover = await loadProver();

const dealers = {
  js: (values, rule) => dealWithRule({ ...params, values, rule }),
  wasm: (values, rule) => prover.deal({ ...params, values, rule }),
};

const cases = [
  ['none, d = 1', 'js', [425_075n], { type: 'None' }],
  ['none, d = 1', 'wasm', [425_075n], { type: 'None' }],
  ['range, d = 1, N = 8', 'wasm', [17n], { type: 'Range', bounds: [[0n, 200n]] }],
  ['range, d = 1, N = 32', 'wasm', [425_075n], { type: 'Range', bounds: [[0n, 10_000_000n]] }],
  ['range, d = 1, N = 64', 'wasm', [425_075n], { type: 'Range', bounds: [[0n, 1n << 40n]] }],
  ['one-hot, d = 4', 'js', [0n, 0n, 1n, 0n], { type: 'OneHot', abstain: false }],
  ['one-hot, d = 4', 'wasm', [0n, 0n, 1n, 0n], { type: 'OneHot', abstain: false }],
];

const round = (x) => Math.round(x * 1000) / 1000;
const results = [];
for (const [name, dealer, values, rule] of cases) {
  const deal = dealers[dealer];
  for (let k = 0; k < 3; k++) deal(values, rule);
  const times = [];
  let validity = 0;
  for (let k = 0; k < iterations; k++) {
    const start = performance.now();
    validity = deal(values, rule).validity.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  results.push({
    case: name,
    dealer,
    iterations,
    validityBytes: validity,
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    medianMs: round(times[Math.floor(times.length / 2)]),
    minMs: round(times[0]),
    maxMs: round(times[times.length - 1]),
  });
}
const median = (name, dealer) => results.find((r) => r.case === name && r.dealer === dealer).medianMs;
console.log(JSON.stringify({
  node: process.version,
  n: 5,
  t: 2,
  wasm: prover.source,
  results,
  speedup: {
    'none, d = 1 (js / wasm)': round(median('none, d = 1', 'js') / median('none, d = 1', 'wasm')),
    'one-hot, d = 4 (js / wasm)': round(median('one-hot, d = 4', 'js') / median('one-hot, d = 4', 'wasm')),
  },
}, null, 2));
