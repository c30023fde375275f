// A real `mpc-node --dev` for the integration tests, on free ports with a temporary base
// path; the caller stops it in every outcome. Needs the node binary (`cargo build -p mpc-node`,
// or MPC_NODE=<path>).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';

export const NODE = process.env.MPC_NODE ?? fileURLToPath(new URL('../../../target/debug/mpc-node', import.meta.url));

/** Node flags that keep every block and its state: what a full audit of old jobs needs. */
export const ARCHIVE = ['--state-pruning', 'archive', '--blocks-pruning', 'archive'];

// Ports come from below the kernel's ephemeral range (32768 and up on Linux), walked from a
// start that depends on the process id: a port the kernel hands out for `:0` is free only until
// its next such answer, so two nodes started close together could get the same one.
const LOW = 10_000;
const SPAN = 22_000;
let nextPort = (process.pid * 7919) % SPAN;

function listens(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A port not given to another node of this process, that nothing listens on now. */
export async function freePort() {
  for (let i = 0; i < SPAN; i += 1) {
    const port = LOW + (nextPort % SPAN);
    nextPort += 1;
    if (await listens(port)) return port;
  }
  throw new Error('no free local port below the ephemeral range');
}

/**
 * Starts the node; resolves with `{ api, stop, log, url }` once its RPC answers. `args` go to the
 * node after the defaults (e.g. ARCHIVE).
 */
export async function startNode(args = []) {
  const rpc = await freePort();
  const p2p = await freePort();
  const base = mkdtempSync(join(tmpdir(), 'mpc-js-'));
  const log = [];
  const child = spawn(NODE, [
    '--dev', '--base-path', base, '--rpc-port', String(rpc),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}`, '--no-prometheus', '--no-telemetry', '--no-mdns',
    ...args,
  ]);
  child.stderr.on('data', (d) => log.push(String(d)));
  const stop = () => {
    child.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  };
  const started = Date.now();
  while (Date.now() - started < 180_000 && child.exitCode === null) {
    const up = await fetch(`http://127.0.0.1:${rpc}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'chain_getBlockHash', params: [0] }),
    }).then((r) => r.ok, () => false);
    if (up) {
      const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${rpc}`), noInitWarn: true });
      return { api, stop, log, url: `ws://127.0.0.1:${rpc}` };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`node did not start:\n${log.join('').slice(-3000)}`);
}

/** Runs `body(node)`, printing the end of the node's log if it fails. */
export async function withNodeLog(node, body) {
  try {
    await body(node);
  } catch (e) {
    console.error(node.log.join('').slice(-3000));
    throw e;
  }
}
