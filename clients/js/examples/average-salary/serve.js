#!/usr/bin/env node
// Bundles the average-salary page, its poll and its poll contract (esbuild: @polkadot/api and
// this package, for the browser), compiles contracts/PrivatePoll.sol for it (solc runs here, at
// build time: it never goes into the browser bundle), and serves the folder on localhost.
//
//   node examples/average-salary/serve.js [--port 8080]
//
// Then open http://127.0.0.1:8080/ (with a dev node on ws://127.0.0.1:9944).

import { createServer } from 'node:http';
import { readFile, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { compileContractFile, DEFAULT_EVM_VERSION } from '../../src/contracts.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.wasm': 'application/wasm',
  '.json': 'application/json',
};
/** The wasm dealer and provers (scripts/wasm builds them), which the page fetches from dist/. */
const WASM = process.env.MPC_WASM ?? fileURLToPath(new URL('../../dist/mpc_wasm.wasm', import.meta.url));

/** The contract the page deploys, and where the page finds it compiled. */
export const POLL_CONTRACT = fileURLToPath(new URL('../../../../contracts/PrivatePoll.sol', import.meta.url));
export const POLL_ARTIFACT = join(HERE, 'dist', 'PrivatePoll.json');

/**
 * Compiles contracts/PrivatePoll.sol (with IMpc.sol) to EVM bytecode with solc and writes what
 * the page needs to deploy and call it to dist/PrivatePoll.json: `{ contract, source,
 * compiler, evmVersion, abi, bytecode, deployedBytecode }` (hex). Resolves with that object.
 */
export async function compilePollContract() {
  const { contracts, version } = await compileContractFile(POLL_CONTRACT);
  const c = contracts.PrivatePoll;
  const hex = (b) => `0x${Buffer.from(b).toString('hex')}`;
  const artifact = {
    contract: 'PrivatePoll',
    source: 'contracts/PrivatePoll.sol',
    compiler: `solc ${version}`,
    evmVersion: DEFAULT_EVM_VERSION,
    abi: c.abi,
    bytecode: hex(c.bytecode),
    deployedBytecode: hex(c.deployedBytecode),
  };
  await writeFile(POLL_ARTIFACT, `${JSON.stringify(artifact)}\n`);
  return artifact;
}

/**
 * Bundles app.js into dist/app.js, compiles the poll contract into dist/PrivatePoll.json
 * ({@link compilePollContract}), and copies the wasm prover (clients/js/dist/mpc_wasm.wasm,
 * or MPC_WASM) next to it: the page deals every salary with its range proof, and every poll
 * ballot with its one-hot proof, with it. Without the module the page still builds, and says at
 * a salary's or a ballot's submission that it is missing.
 */
export async function buildPage() {
  await mkdir(join(HERE, 'dist'), { recursive: true });
  try {
    await copyFile(WASM, join(HERE, 'dist', 'mpc_wasm.wasm'));
  } catch (e) {
    console.warn(`average-salary page: no wasm prover at ${WASM} (${e.code ?? e.message}): build it with scripts/wasm`);
  }
  await compilePollContract();
  await build({
    entryPoints: [join(HERE, 'app.js')],
    outfile: join(HERE, 'dist', 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** Serves this folder on 127.0.0.1:`port` (0: any free port). Resolves with `{ url, close }`. */
export function servePage(port = 0) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const file = normalize(join(HERE, path === '/' ? 'index.html' : path));
    if (!file.startsWith(HERE) || !TYPES[extname(file)]) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' } } });
  await buildPage();
  const { url } = await servePage(Number(values.port));
  console.log(`average-salary page on ${url} (Ctrl-C to stop)`);
}
