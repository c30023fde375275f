#!/usr/bin/env node
// `mpc`: drive substrate-mpc jobs from the command line.
//
//   mpc job create --committee 5 --threshold 2 [--dimension 1] [--decimals 2] --window 20 --max-inputs 10 [--reward 1000000000000] [--metadata text]
//   mpc input submit <job> <value>... (decimal strings with the job's decimals)
//   mpc job show <job>
//   mpc job wait <job> [--timeout 300]
//   mpc record verify <job>
//   mpc workers
//
// Common options: --url (default ws://127.0.0.1:9944), --suri (default //Alice), --json.
// Exit codes: 0 done, 1 usage, 2 the chain refused (pallet error), 3 verification failed,
// 4 timed out or job failed.

import { parseArgs } from 'node:util';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  createJob, submitInput, getJob, waitForResult, getRecord, verifyRecord, listWorkers, MpcError, ProtocolError,
} from '../src/index.js';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    suri: { type: 'string', default: '//Alice' },
    json: { type: 'boolean', default: false },
    committee: { type: 'string' },
    threshold: { type: 'string' },
    dimension: { type: 'string', default: '1' },
    decimals: { type: 'string', default: '0' },
    window: { type: 'string', default: '20' },
    'max-inputs': { type: 'string', default: '100' },
    'min-inputs': { type: 'string', default: '1' },
    reward: { type: 'string', default: '0' },
    metadata: { type: 'string', default: '' },
    timeout: { type: 'string', default: '300' },
  },
});

const json = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x), 2);
const out = (human, data) => console.log(opts.json ? json(data) : human);
const usage = (msg) => {
  console.error(`mpc: ${msg}\nsee the header of bin/mpc.js for the commands`);
  process.exit(1);
};

async function main() {
  const [group, action, ...rest] = positionals;
  if (!group) usage('no command');
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(opts.url), noInitWarn: true });
  const signer = new Keyring({ type: 'sr25519' }).addFromUri(opts.suri);
  try {
    if (group === 'job' && action === 'create') {
      if (!opts.committee || !opts.threshold) usage('job create needs --committee and --threshold');
      const r = await createJob(api, signer, {
        committeeSize: Number(opts.committee),
        threshold: Number(opts.threshold),
        dimension: Number(opts.dimension),
        decimals: Number(opts.decimals),
        inputWindow: Number(opts.window),
        maxInputs: Number(opts['max-inputs']),
        minInputs: Number(opts['min-inputs']),
        rewardPerWorker: BigInt(opts.reward),
        metadata: opts.metadata,
      });
      out(`job ${r.jobId} created; committee:\n  ${r.committee.join('\n  ')}`, r);
    } else if (group === 'input' && action === 'submit') {
      const [job, ...values] = rest;
      if (job === undefined || values.length === 0) usage('input submit <job> <value>...');
      const r = await submitInput(api, signer, BigInt(job), values);
      out(`input to job ${job} in block ${r.blockHash}`, { job, blockHash: r.blockHash });
    } else if (group === 'job' && action === 'show') {
      const job = await getJob(api, BigInt(rest[0] ?? usage('job show <job>')));
      if (!job) throw new MpcError('Mpc.UnknownJob');
      out(Object.entries(job).map(([k, v]) => `${k}: ${v}`).join('\n'), job);
    } else if (group === 'job' && action === 'wait') {
      const id = BigInt(rest[0] ?? usage('job wait <job>'));
      const r = await waitForResult(api, id, {
        timeoutMs: Number(opts.timeout) * 1000,
        onProgress: ({ block, phase, inputs }) => !opts.json && process.stderr.write(`\r#${block} ${phase}, ${inputs} inputs   `),
      });
      if (!opts.json) process.stderr.write('\n');
      out(`sum: ${r.formatted.join(', ')}\nmean: ${r.formattedMeans.join(', ')}\ninputs: ${r.qualifiedInputs}`, r);
    } else if (group === 'record' && action === 'verify') {
      const record = await getRecord(api, BigInt(rest[0] ?? usage('record verify <job>')));
      if (!record) throw new MpcError('NoRecord', 'the job has no result (yet)');
      const v = verifyRecord(record);
      out(v.valid ? `record of job ${record.jobId} verifies: ${record.result.formatted.join(', ')}` : `record does NOT verify: ${v.reason}`, { ...v, record });
      if (!v.valid) process.exitCode = 3;
    } else if (group === 'workers') {
      const ws = await listWorkers(api);
      out(ws.map((w) => `${w.account}  E=${w.key}  bond=${w.bond}  faults=${w.faults}`).join('\n'), ws);
    } else {
      usage(`unknown command: ${positionals.join(' ')}`);
    }
  } finally {
    await api.disconnect();
  }
}

main().catch((e) => {
  console.error(`mpc: ${e.message}`);
  if (e instanceof MpcError) process.exit(/Timeout|JobFailed|JobCancelled/.test(e.errorName) ? 4 : 2);
  if (e instanceof ProtocolError) process.exit(1);
  process.exit(2);
});
