#!/usr/bin/env node
// The average-salary story, as a script: an owner creates a job, ten employees each deal their
// salary to the job's committee and submit it, the workers compute, and the mean appears with a
// proof-of-MPC record that this script re-verifies on its own.
//
//   node examples/average-salary/run.js [--url ws://127.0.0.1:9944]
//
// Against a dev node (`./scripts/dev-chain`): //Ferdie owns the job and pays the workers;
// //Alice..//Eve and //Employee6..//Employee10 (funded by //Ferdie first) are the employees.

import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import {
  createJob, submitInput, send, waitForResult, getRecord, verifyRecord, parseDecimal,
} from '../../src/index.js';

/** The ten salaries, in the job's two decimals. */
export const SALARIES = [
  '4250.75', '5100.00', '3875.50', '6020.25', '4999.99', '3100.00', '7450.10', '5555.55', '4000.00', '4800.80',
];
const EMPLOYEES = ['//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Employee6', '//Employee7', '//Employee8', '//Employee9', '//Employee10'];
const UNIT = 10n ** 12n;

/** Runs the story on `api`; `log` gets one line per step. Resolves with what happened. */
export async function averageSalary(api, { log = console.log } = {}) {
  const keyring = new Keyring({ type: 'sr25519' });
  const owner = keyring.addFromUri('//Ferdie');
  const employees = EMPLOYEES.map((s) => keyring.addFromUri(s));

  // The five employees who are not dev accounts need funds for fees and the input deposit:
  // one transfer each from the owner, all in the same block (explicit nonces).
  const nonce = (await api.rpc.system.accountNextIndex(owner.address)).toNumber();
  await Promise.all(
    employees.slice(5).map((e, k) =>
      send(api, owner, api.tx.balances.transferKeepAlive(e.address, 100n * UNIT), { nonce: nonce + k })),
  );

  // createJob waits for the committee: at once when the pool has exactly 5 workers, or until a
  // beacon round draws 5 of a larger pool (the job waits in Drawing meanwhile).
  const { jobId, drawRound, committee } = await createJob(api, owner, {
    committeeSize: 5, threshold: 2, dimension: 1, decimals: 2,
    inputWindow: 30, maxInputs: SALARIES.length, metadata: 'average salary', rewardPerWorker: UNIT,
  }, {
    onProgress: ({ block, phase, drawRound: round }) => {
      if (phase === 'Drawing') log(`block ${block}: job waiting for committee draw (beacon round ${round})`);
    },
  });
  log(`job ${jobId} created by //Ferdie: a committee of ${committee.length} workers${drawRound === null ? '' : ` drawn with beacon round ${drawRound}`}, any 3 of them compute`);

  // Each employee deals its salary here, in this process, and submits only ciphertexts,
  // commitments and a proof.
  await Promise.all(employees.map((e, k) => submitInput(api, e, jobId, [SALARIES[k]])));
  log(`${SALARIES.length} salaries submitted, each encrypted to the committee`);

  let phase;
  const result = await waitForResult(api, jobId, {
    onProgress: (p) => {
      if (p.phase !== phase) log(`block ${p.block}: ${p.phase} (${p.inputs} inputs)`);
      phase = p.phase;
    },
  });
  const record = await getRecord(api, jobId);
  const check = verifyRecord(record);
  log(`mean salary ${result.formattedMeans[0]} over ${result.qualifiedInputs} employees (sum ${result.formatted[0]})`);
  log(check.valid
    ? `proof-of-MPC record verified: result shares of workers ${record.result.reconstructedFrom.join(', ')} reconstruct it`
    : `proof-of-MPC record INVALID: ${check.reason}`);
  return { jobId, result, record, valid: check.valid };
}

/** The mean the job must find: the floor of the exact sum over ten, in cents. */
export function expectedMean() {
  const sum = SALARIES.reduce((acc, s) => acc + parseDecimal(s, 2), 0n);
  return sum / BigInt(SALARIES.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { url: { type: 'string', default: 'ws://127.0.0.1:9944' } } });
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(values.url), noInitWarn: true });
  try {
    const { valid } = await averageSalary(api);
    process.exitCode = valid ? 0 : 3;
  } catch (e) {
    console.error(`average-salary: ${e.message}`);
    process.exitCode = 2;
  } finally {
    await api.disconnect();
  }
}
