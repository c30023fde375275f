// Where the tests find the wasm dealer and provers (scripts/wasm builds it): MPC_WASM, else
// dist/mpc_wasm.wasm of this package; `noWasm` is the reason to skip a test without it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WASM_URL } from '../src/prover.js';

export const WASM = process.env.MPC_WASM ?? fileURLToPath(DEFAULT_WASM_URL);
export const noWasm = !existsSync(WASM) && `no wasm module at ${WASM} (scripts/wasm builds it)`;
