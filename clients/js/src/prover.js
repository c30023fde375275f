// The Rust dealer and validity provers of `mpc-primitives`, built to WebAssembly (crate
// `mpc-wasm` in clients/wasm, built by scripts/wasm into clients/js/dist/mpc_wasm.wasm), loaded
// with the platform's own `WebAssembly.instantiate` (PROTOCOL.md section 12.5). What it deals
// is byte for byte what `mpc_primitives::deal_with_rule` deals: a submission and the validity
// proof of the job's input rule, range proofs (Bulletproofs, section 12.3) included, which the
// JS dealer (`dealWithRule`) cannot make.
//
// The ABI (the crate's documentation): `mpc_alloc(len) -> ptr`, `mpc_deal(ptr, len) -> out`,
// `mpc_free(ptr, len)` over byte buffers in the module's memory. A request is
//   genesis[32] || u64 job_id || provider[32] || seed[32] || u32 t || u32 n || E_1..E_n [32]
//   || u32 d || x_0..x_{d-1} [i128, 16 each] || rule (SCALE, section 12.1)
// (little-endian); `mpc_deal` zeroizes and frees it, and returns `u32 status || u32 len || body`
// (status 0: the response; 1: a UTF-8 error message), which the caller frees
// (`mpc_free(out, 8 + len)`). The response is
//   R[32] || proof[64] || u32 (t+1) || C_0..C_t [32] || u32 n || u32 ct_len || ct_1..ct_n
//   || u32 validity_len || validity.

import { ProtocolError, encodeInputRule, decodeInputRule, u32le, u64le, concat } from './protocol.js';

/** Where the module is by default, next to this package's sources: `dist/mpc_wasm.wasm`. */
export const DEFAULT_WASM_URL = new URL('../dist/mpc_wasm.wasm', import.meta.url);

const I128_MAX = (1n << 127n) - 1n;
const I128_MIN = -(1n << 127n);
const U64_MAX = (1n << 64n) - 1n;
const EXPORTS = ['memory', 'mpc_alloc', 'mpc_deal', 'mpc_free'];
const BUILD_HINT = 'build it with scripts/wasm (it writes clients/js/dist/mpc_wasm.wasm), or point MPC_WASM (Node) or loadProver({ path }) at it';

const isNode = () => typeof globalThis.process?.versions?.node === 'string';

/** The module's default location: `MPC_WASM` in Node, else {@link DEFAULT_WASM_URL}. */
function defaultPath() {
  const env = isNode() ? globalThis.process.env?.MPC_WASM : undefined;
  return env ? env : DEFAULT_WASM_URL;
}

// The module's bytes from `path`: a file (Node: a path or a file: URL) or a URL to fetch.
async function readModule(path) {
  const url = path instanceof URL ? path : null;
  if (isNode() && (url === null ? !/^(https?|data|blob):/i.test(String(path)) : url.protocol === 'file:')) {
    // A specifier in a variable: bundlers for the browser leave it alone.
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(fsModule);
    return readFile(path);
  }
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

async function instantiate(bytes) {
  const module = await WebAssembly.compile(bytes);
  const missing = EXPORTS.filter((name) => !WebAssembly.Module.exports(module).some((e) => e.name === name));
  if (missing.length) throw new Error(`not the mpc-wasm module: it does not export ${missing.join(', ')}`);
  return { module, instance: await WebAssembly.instantiate(module, {}) };
}

const cache = new Map();

/**
 * Loads the wasm dealer and provers (PROTOCOL.md section 12.5) once and caches them. `bytes`:
 * the module itself (a `Uint8Array`, `ArrayBuffer` or compiled `WebAssembly.Module`; not
 * cached); otherwise `path` (a file path or `file:` URL in Node, a URL to fetch in the
 * browser), by default `MPC_WASM` in Node, else `dist/mpc_wasm.wasm` of this package (`new
 * URL('../dist/mpc_wasm.wasm', import.meta.url)`). Resolves with a prover (`deal`); rejects
 * with a `ProtocolError` (code `'wasm'`) naming scripts/wasm when the module cannot be read
 * or is not mpc-wasm.
 */
export function loadProver({ path, bytes } = {}) {
  if (bytes !== undefined) return load(bytes, 'the given bytes');
  const where = path ?? defaultPath();
  const key = String(where);
  if (!cache.has(key)) {
    cache.set(key, readModule(where).then(
      (b) => load(b, key),
      (e) => {
        throw new ProtocolError('wasm', `the wasm prover could not be read from ${key}: ${e.message}; ${BUILD_HINT}`);
      },
    ));
  }
  return cache.get(key);
}

async function load(bytes, where) {
  let loaded;
  try {
    loaded = bytes instanceof WebAssembly.Module
      ? { module: bytes, instance: await WebAssembly.instantiate(bytes, {}) }
      : await instantiate(bytes);
  } catch (e) {
    throw new ProtocolError('wasm', `the wasm prover from ${where} does not load: ${e.message}; ${BUILD_HINT}`);
  }
  return new WasmProver(loaded.module, loaded.instance, where);
}

// A value as i128 (16 bytes, little-endian two's complement).
function i128le(v, l) {
  let x;
  if (typeof v === 'bigint') x = v;
  else if (typeof v === 'number' && Number.isSafeInteger(v)) x = BigInt(v);
  else throw new ProtocolError('range', `value ${l} is not a BigInt or a whole number`);
  if (x > I128_MAX || x < I128_MIN) throw new ProtocolError('range', `value ${l} is outside i128`);
  const out = new Uint8Array(16);
  let n = BigInt.asUintN(128, x);
  for (let i = 0; i < 16; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

function bytes32(b, what) {
  if (!(b instanceof Uint8Array) || b.length !== 32) throw new ProtocolError('wasm', `${what} is not 32 bytes`);
  return b;
}

/** The code of the `ProtocolError` for the module's error `message`, under a rule of type `type`. */
function errorCode(message, type) {
  if (/value out of range/.test(message)) return type === 'OneHot' ? 'ballot' : 'range';
  if (/threshold/.test(message)) return 'threshold';
  if (/dimension/.test(message)) return 'dimension';
  if (/input rule/.test(message)) return 'rule';
  return 'wasm';
}

// Reads the response body.
function parseResponse(body) {
  let at = 0;
  const take = (n) => {
    if (at + n > body.length) throw new ProtocolError('wasm', 'the wasm prover returned a truncated response');
    const out = body.slice(at, at + n);
    at += n;
    return out;
  };
  const u32 = () => new DataView(take(4).buffer).getUint32(0, true);
  const ephemeralKey = take(32);
  const proof = take(64);
  const commitments = Array.from({ length: u32() }, () => take(32));
  const n = u32();
  const ctLen = u32();
  const ciphertexts = Array.from({ length: n }, () => take(ctLen));
  const validity = take(u32());
  if (at !== body.length) throw new ProtocolError('wasm', 'the wasm prover returned trailing bytes');
  return { submission: { ephemeralKey, proof, commitments, ciphertexts }, validity };
}

/** The loaded module; made by {@link loadProver}. */
class WasmProver {
  constructor(module, instance, where) {
    this.module = module;
    this.instance = instance;
    this.source = where;
    this.broken = null;
  }

  /** The module's memory (it may grow during a call: read `memory.buffer` afresh). */
  get memory() {
    return this.instance.exports.memory;
  }

  /**
   * Deals `values` (BigInt or safe integers, one per dimension) to the committee whose
   * encryption keys (32-byte `E_i`, in committee order; `keys` is taken too) are `committee`,
   * with threshold `t`, for the job `jobId` (u64) of the chain `genesis` (32 bytes) and the
   * provider account `provider` (32 bytes), with the validity proof of `rule` (the protocol
   * form, as `dealWithRule` takes, or its SCALE bytes). Returns `{ submission: { ephemeralKey,
   * proof, commitments, ciphertexts }, validity }` as `dealWithRule` does. The randomness is a
   * fresh 32-byte seed from `crypto.getRandomValues`; the request (values and seed) is cleared
   * here once copied into the module, which zeroizes its copy. Throws a `ProtocolError`:
   * `'range'` for a value outside a `Range` rule's bounds (or outside i128), `'ballot'` for
   * values that are not a ballot under `OneHot`, `'threshold'`, `'dimension'` or `'rule'` for a
   * job the dealing cannot fit, `'wasm'` for anything else the module reports.
   */
  deal({ genesis, jobId, provider, committee, keys, t, values, rule }) {
    if (this.broken) throw new ProtocolError('wasm', `the wasm prover trapped earlier (${this.broken}); load it again`);
    const members = committee ?? keys;
    if (!Array.isArray(members) || members.length === 0) throw new ProtocolError('wasm', 'committee: the encryption keys E_i (32 bytes each)');
    if (!Array.isArray(values) || values.length === 0) throw new ProtocolError('dimension', 'need at least one value');
    if (!Number.isInteger(t) || t < 0 || t > 0xffffffff) throw new ProtocolError('threshold', `threshold ${t} is not a u32`);
    const job = BigInt(jobId);
    if (job < 0n || job > U64_MAX) throw new ProtocolError('wasm', `job id ${job} is not a u64`);
    const ruleBytes = rule instanceof Uint8Array ? rule : encodeInputRule(rule);
    const type = decodeInputRule(ruleBytes).type;
    const encoded = values.map((v, l) => i128le(v, l));
    const seed = new Uint8Array(32);
    globalThis.crypto.getRandomValues(seed);
    const request = concat(
      bytes32(genesis, 'genesis'), u64le(job), bytes32(provider, 'provider'), seed,
      u32le(t), u32le(members.length), ...members.map((k, i) => bytes32(k, `committee key ${i + 1}`)),
      u32le(values.length), ...encoded, ruleBytes,
    );
    seed.fill(0);
    encoded.forEach((b) => b.fill(0));
    const { mpc_alloc: alloc, mpc_deal: dealCall, mpc_free: free, memory } = this.instance.exports;
    let status;
    let body;
    try {
      const ptr = alloc(request.length) >>> 0;
      // The allocation may have grown the memory: a view of the current buffer.
      new Uint8Array(memory.buffer, ptr, request.length).set(request);
      request.fill(0);
      const out = dealCall(ptr, request.length) >>> 0;
      // ... and so may the call.
      const header = new DataView(memory.buffer, out, 8);
      status = header.getUint32(0, true);
      const len = header.getUint32(4, true);
      body = new Uint8Array(memory.buffer, out + 8, len).slice();
      free(out, 8 + len);
    } catch (e) {
      request.fill(0);
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      this.recover(e);
      throw new ProtocolError('wasm', `the wasm prover trapped: ${e.message}`);
    }
    if (status !== 0) {
      const message = new TextDecoder().decode(body);
      throw new ProtocolError(errorCode(message, type), `the wasm prover refused: ${message}`);
    }
    return parseResponse(body);
  }

  // After a trap the module's heap may be inconsistent: start from a fresh instance.
  recover(e) {
    try {
      this.instance = new WebAssembly.Instance(this.module, {});
    } catch {
      this.broken = e.message;
    }
  }
}
