// The average-salary demo against a real `mpc-node --dev`: the script runs the story to a
// verified mean, then the web page does it again in headless Chromium (CHROMIUM=<path>, or
// `chromium` on PATH, as Debian installs it), driven by playwright-core. The page's final
// state is kept as a screenshot in test-artifacts/average-salary.png. The page's jobs take
// salaries in [0, 100000.00]: it deals each with its range proof by the wasm prover, which it
// fetches from the page's server (dist/mpc_wasm.wasm; skipped without it). On the same page a
// poll of 3 options (rule OneHot) takes 4 ballots with their one-hot proofs from the same
// prover, refuses a ballot with two options ticked before sending it, and shows the exact tally.
// A second page run deploys the poll contract (contracts/PrivatePoll.sol, compiled by serve.js
// at build time) from the page, opens it, casts 4 ballots dealt in the page (a non-voter's is
// refused by the chain), calls fulfill once the job has ended, and shows the CallbackDelivered
// event and the exact tally the contract received (its tally() view); kept as a screenshot in
// test-artifacts/private-poll-contract.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { NODE, startNode } from './dev-node.js';
import { SALARIES, expectedMean } from '../examples/average-salary/run.js';
import { buildPage, servePage, POLL_ARTIFACT } from '../examples/average-salary/serve.js';
import {
  formatDecimal, parseDecimal, getJob, waitForResult, contractCode, contractAccount, ethAddress, readContract, pendingCallback, toHex,
} from '../src/index.js';
import { noWasm } from './wasm.js';

const CHROMIUM = process.env.CHROMIUM
  ?? (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'chromium')).find((p) => existsSync(p));
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const noNode = !existsSync(NODE) && `no node binary at ${NODE}`;

// One dev node for both tests; the page's job follows the script's.
let node;
before(async () => {
  if (!noNode) node = await startNode();
});
after(async () => {
  await node?.api.disconnect();
  node?.stop();
});

test('the average-salary script reaches a verified mean', { skip: noNode, timeout: 300_000 }, async () => {
  const script = fileURLToPath(new URL('../examples/average-salary/run.js', import.meta.url));
  try {
    const { stdout } = await promisify(execFile)('node', [script, '--url', node.url], { timeout: 280_000 });
    const mean = formatDecimal(expectedMean(), 2);
    assert.match(stdout, new RegExp(`mean salary ${mean} over ${SALARIES.length} employees`));
    assert.match(stdout, /proof-of-MPC record verified/);
    console.log(stdout.trim());
  } catch (e) {
    console.error(node.log.join('').slice(-3000));
    throw e;
  }
});

const skipPage = noNode || (!CHROMIUM && 'no chromium (set CHROMIUM=<path>)') || noWasm;

/**
 * Builds and serves the page, opens it in headless Chromium on the dev node and connects, runs
 * `body(page, errors)` (`errors`: the page's uncaught errors), and keeps the page's final state
 * as test-artifacts/`screenshot`; prints the end of the node's log if it fails.
 */
async function withPage(screenshot, body) {
  const { log, url } = node;
  let browser;
  let page;
  let server;
  const profile = mkdtempSync(join(tmpdir(), 'mpc-chromium-'));
  try {
    await buildPage();
    server = await servePage(0);
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?ws=${encodeURIComponent(url)}`);
    await page.click('#connect');
    await page.waitForSelector('#chain:has-text("connected to")', { timeout: 60_000 });
    assert.match(await page.textContent('#chain'), /5 MPC workers registered/);
    await body(page, errors);
  } catch (e) {
    console.error(log.join('').slice(-3000));
    throw e;
  } finally {
    if (page) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true }).catch(() => {});
    }
    await browser?.close();
    server?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

test('the average-salary page reaches a verified mean, and its poll an exact tally, in headless Chromium', {
  skip: skipPage,
  timeout: 600_000,
}, () => withPage('average-salary.png', async (page, errors) => {
  const { api } = node;
  // A job of 3 from the pool of 5 waits in Drawing for a beacon round; the page shows the draw.
  await page.fill('#committee-size', '3');
  await page.click('#create');
  await page.waitForSelector('#committee:has-text("committee drawn with beacon round")', { timeout: 90_000 });
  await page.waitForSelector('#phases li[data-phase="Drawing"].reached', { timeout: 30_000 });
  await page.waitForSelector('#job:has-text("n = 3, t = 2")', { timeout: 30_000 });
  // The job of the story: 5 of 5, no draw.
  await page.fill('#committee-size', '5');
  await page.fill('#max-inputs', '3');
  await page.click('#create');
  await page.waitForSelector('#committee:has-text("no draw needed")', { timeout: 60_000 });
  await page.waitForSelector('#job:has-text("n = 5, t = 2")', { timeout: 30_000 });
  await page.waitForSelector('#job:has-text("phase Collecting")', { timeout: 60_000 });
  assert.match(await page.textContent('#job'), /salaries in \[0\.00, 100000\.00\]/);

  // Above the job's range: refused in the page, nothing sent.
  await page.selectOption('#account', '//Eve');
  await page.fill('#salary', '100000.01');
  await page.click('#submit');
  await page.waitForSelector('#submitted:has-text("//Eve: refused")', { timeout: 60_000 });
  assert.match(await page.textContent('#submitted'), /100000\.01 is outside the range \[0\.00, 100000\.00\]/);
  // Three employees submit from the browser.
  const salaries = [['//Alice', '5200.00'], ['//Bob', '4100.50'], ['//Charlie', '6333.33']];
  for (const [who, salary] of salaries) {
    await page.selectOption('#account', who);
    await page.fill('#salary', salary);
    await page.click('#submit');
    await page.waitForSelector(`#submitted:has-text("${who}: salary included in block")`, { timeout: 60_000 });
    assert.match(await page.textContent('#submitted'), /with its range proof \(dealt in this page by the wasm dealer\)/);
  }

  // While the salary job computes, a poll of the page's 3 options, 4 ballots, on the same committee of 5.
  await page.click('#poll-create');
  await page.waitForSelector('#poll-committee:has-text("no draw needed")', { timeout: 60_000 });
  await page.waitForSelector('#poll-job:has-text("phase Collecting")', { timeout: 60_000 });
  assert.match(await page.textContent('#poll-job'), /n = 5, t = 2, one-hot ballots over 3 options, 0 of 4 ballots in/);
  const pollId = BigInt((await page.textContent('#poll-job')).match(/^job (\d+):/)[1]);
  const tick = async (chosen) => {
    for (const k of [0, 1, 2]) await page.setChecked(`#poll-options input[value="${k}"]`, chosen.includes(k));
  };
  // Two options ticked: refused in the page, nothing signed or sent.
  await cryptoWaitReady();
  const eve = new Keyring({ type: 'sr25519' }).addFromUri('//Eve').address;
  const eveNonce = (await api.rpc.system.accountNextIndex(eve)).toNumber();
  await page.selectOption('#voter', '//Eve');
  await tick([0, 1]);
  await page.click('#poll-submit');
  await page.waitForSelector('#poll-submitted:has-text("//Eve: refused")', { timeout: 60_000 });
  assert.match(await page.textContent('#poll-submitted'), /refused in this page, nothing sent: \[1, 1, 0\] is not a ballot/);
  assert.equal((await api.rpc.system.accountNextIndex(eve)).toNumber(), eveNonce);
  assert.equal((await getJob(api, pollId)).inputCount, 0);
  const ballots = [['//Alice', 0], ['//Bob', 2], ['//Charlie', 0], ['//Dave', 1]];
  for (const [who, choice] of ballots) {
    await page.selectOption('#voter', who);
    await tick([choice]);
    await page.click('#poll-submit');
    await page.waitForSelector(`#poll-submitted:has-text("${who}: ballot included in block")`, { timeout: 60_000 });
    assert.match(await page.textContent('#poll-submitted'), /with its one-hot proof \(dealt in this page by the wasm dealer\)/);
  }
  await page.waitForSelector('#verified[data-valid]', { timeout: 240_000 });
  const sum = salaries.reduce((acc, [, s]) => acc + parseDecimal(s, 2), 0n);
  assert.equal(await page.textContent('#mean'), formatDecimal(sum / 3n, 2));
  assert.equal(await page.getAttribute('#verified', 'data-valid'), 'true');
  const reached = await page.$$eval('#phases li.reached', (lis) => lis.map((li) => li.dataset.phase));
  assert.deepEqual(reached, ['Collecting', 'Verifying', 'Computing', 'Completed']);
  console.log(`page: mean ${await page.textContent('#mean')}; ${await page.textContent('#verified')}`);

  // The poll's tally, option by option, is what was cast: [2, 1, 1], as the chain has it.
  await page.waitForSelector('#poll-verified[data-valid]', { timeout: 240_000 });
  assert.equal(await page.getAttribute('#poll-verified', 'data-valid'), 'true');
  const cast = [0, 1, 2].map((k) => ballots.filter(([, c]) => c === k).length);
  const tally = await page.$$eval('#poll-tally li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(tally, ['Lisbon', 'Oslo', 'Kyoto'].map((name, k) => `${name}: ${cast[k]}`));
  assert.deepEqual((await waitForResult(api, pollId, { timeoutMs: 30_000 })).sums, cast.map(BigInt));
  assert.match(await page.textContent('#poll-count'), /^4 ballots counted$/);
  const pollReached = await page.$$eval('#poll-phases li.reached', (lis) => lis.map((li) => li.dataset.phase));
  assert.deepEqual(pollReached, ['Collecting', 'Verifying', 'Computing', 'Completed']);
  assert.deepEqual(errors, [], 'no error in the page');
  console.log(`page: poll ${tally.join(', ')}; ${await page.textContent('#poll-verified')}`);
}));

test('the page\'s poll contract: PrivatePoll deployed and opened from the page, 4 ballots dealt in the page, fulfill, and the exact tally the contract received', {
  skip: skipPage,
  timeout: 600_000,
}, () => withPage('private-poll-contract.png', async (page, errors) => {
  const { api } = node;
  // Deployed from //Ferdie: 4 voters (//Alice to //Dave, the page's default), at least 3
  // ballots, the committee of section 2 (5, the whole pool: no draw).
  await page.click('#contract-deploy');
  await page.waitForSelector('#contract-deployed:has-text("PrivatePoll deployed at")', { timeout: 120_000 });
  const deployedText = await page.textContent('#contract-deployed');
  assert.match(deployedText, /4 voters \(\/\/Alice, \/\/Bob, \/\/Charlie, \/\/Dave\), at least 3 ballots/);
  assert.match(deployedText, /bytes of EVM code \(solc 0\.8\.28\)/);
  const address = await page.getAttribute('#contract-deployed', 'data-address');
  assert.match(address, /^0x[0-9a-f]{40}$/);
  // The chain runs the code the page's build compiled, with the creator (an immutable) filled in.
  const artifact = JSON.parse(readFileSync(POLL_ARTIFACT, 'utf8'));
  await cryptoWaitReady();
  const creator = ethAddress(new Keyring({ type: 'sr25519' }).addFromUri('//Ferdie').address).slice(2).padStart(64, '0');
  const onChain = toHex(await contractCode(api, address));
  assert.equal(onChain.length, artifact.deployedBytecode.length - 2);
  assert.ok(onChain.includes(creator));
  assert.equal(`0x${onChain.replaceAll(creator, '0'.repeat(64))}`, artifact.deployedBytecode);
  assert.equal(await readContract(api, address, artifact, 'status'), 0n);

  // The creator opens it: the contract creates and owns the job.
  await page.click('#contract-open');
  await page.waitForSelector('#contract-opened:has-text("created job")', { timeout: 60_000 });
  const openedText = await page.textContent('#contract-opened');
  const jobId = BigInt(openedText.match(/created job (\d+)/)[1]);
  assert.match(openedText, new RegExp(`JobCreated\\(job ${jobId}, owner ${address}, callbackGas 1000000\\)`));
  const job = await getJob(api, jobId);
  assert.equal(job.owner, contractAccount(address));
  assert.deepEqual(job.inputRule, { type: 'OneHot', abstain: false });
  assert.deepEqual([job.n, job.t, job.d, job.maxInputs], [5, 2, 3, 4]);
  assert.equal((await pendingCallback(api, jobId)).consumer, address);
  await page.waitForSelector('#contract-job:has-text("phase Collecting")', { timeout: 60_000 });
  assert.match(await page.textContent('#contract-job'), new RegExp(`^job ${jobId}: n = 5, t = 2, one-hot ballots over 3 options, 0 of 4 ballots in`));
  assert.equal(await page.isDisabled('#contract-fulfill'), true);

  // //Eve is not among the voters: the chain refuses her ballot.
  await page.selectOption('#contract-voter', '//Eve');
  await page.click('#contract-submit');
  await page.waitForSelector('#contract-submitted:has-text("//Eve: refused")', { timeout: 60_000 });
  assert.match(await page.textContent('#contract-submitted'), /Mpc\.ProviderNotAllowed/);
  // The four voters, each ballot dealt in the page with its one-hot proof.
  const ballots = [['//Alice', 1], ['//Bob', 0], ['//Charlie', 1], ['//Dave', 2]];
  for (const [who, choice] of ballots) {
    await page.selectOption('#contract-voter', who);
    await page.check(`#contract-choice input[value="${choice}"]`);
    await page.click('#contract-submit');
    await page.waitForSelector(`#contract-submitted:has-text("${who}: ballot included in block")`, { timeout: 60_000 });
    assert.match(await page.textContent('#contract-submitted'), /with its one-hot proof \(dealt in this page by the wasm dealer\)/);
  }
  const cast = [0, 1, 2].map((k) => ballots.filter(([, c]) => c === k).length);

  // The job completes on the chain; the contract has no tally until fulfill.
  await page.waitForSelector('#contract-verified[data-valid]', { timeout: 240_000 });
  assert.equal(await page.getAttribute('#contract-verified', 'data-valid'), 'true');
  await page.waitForSelector('#contract-waiting:has-text("reverts NotRevealed")', { timeout: 30_000 });
  assert.match(await page.textContent('#contract-waiting'), /^the chain has the tally of 4 ballots; the contract has none yet/);
  assert.deepEqual(await page.$$eval('#contract-tally li', (lis) => lis.map((li) => li.textContent)), ['Lisbon: –', 'Oslo: –', 'Kyoto: –']);
  await page.waitForSelector('#contract-fulfill:enabled', { timeout: 30_000 });

  // //Bob fulfills: the precompile calls the contract's onMpcResult.
  await page.click('#contract-fulfill');
  await page.waitForSelector('#contract-callback[data-success]', { timeout: 120_000 });
  assert.equal(await page.getAttribute('#contract-callback', 'data-success'), 'true');
  const callbackText = await page.textContent('#contract-callback');
  assert.match(callbackText, new RegExp(`CallbackDelivered\\(job ${jobId}, success true\\)`));
  assert.match(callbackText, new RegExp(`PollRevealed\\(jobId ${jobId}, tally \\[${cast.join(', ')}\\], ballots 4\\)`));
  await page.waitForSelector('#contract-count:has-text("tally()")', { timeout: 30_000 });
  // The tally the contract received, option by option: [1, 2, 1], read through its tally().
  const tally = await page.$$eval('#contract-tally li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(tally, ['Lisbon', 'Oslo', 'Kyoto'].map((name, k) => `${name}: ${cast[k]}`));
  assert.match(await page.textContent('#contract-count'), /^the contract's tally\(\): 4 ballots counted; winner Oslo with 2$/);
  assert.deepEqual(await readContract(api, address, artifact, 'tally'), cast.map(BigInt));
  assert.deepEqual((await waitForResult(api, jobId, { timeoutMs: 30_000 })).sums, cast.map(BigInt));
  assert.equal(await pendingCallback(api, jobId), null);
  assert.equal(await page.isDisabled('#contract-fulfill'), true);
  const reached = await page.$$eval('#contract-phases li.reached', (lis) => lis.map((li) => li.dataset.phase));
  assert.deepEqual(reached, ['Collecting', 'Verifying', 'Computing', 'Completed']);
  assert.deepEqual(errors, [], 'no error in the page');
  console.log(`page: contract ${address} ${tally.join(', ')}; ${callbackText}`);
}));
