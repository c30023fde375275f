// A vector file of primitives/tests/vectors, read through a recorder: a test file reads the
// vectors through `V`, and its last test asserts `unread()` is empty, so a field the Rust side
// writes and no JS test checks cannot go unnoticed.
import { readFileSync } from 'node:fs';

/**
 * Loads `primitives/tests/vectors/<name>`. Returns `{ RAW, V, unread }`: the parsed file,
 * the same through the recorder, and the leaves (paths with array indices left out, as
 * `dealings[].R`) never read through `V`.
 */
export function recordedVectors(name) {
  const RAW = JSON.parse(readFileSync(new URL(`../../../primitives/tests/vectors/${name}`, import.meta.url)));
  const read = new Set();
  const recording = (value, path) => {
    if (value === null || typeof value !== 'object') {
      read.add(path);
      return value;
    }
    const isArray = Array.isArray(value);
    return new Proxy(value, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof key === 'symbol' || !Object.hasOwn(target, key) || (isArray && key === 'length')) return v;
        return recording(v, isArray ? `${path}[]` : path ? `${path}.${key}` : key);
      },
    });
  };
  const leaves = (value, path, out) => {
    if (value === null || typeof value !== 'object') out.add(path);
    else if (Array.isArray(value)) value.forEach((v) => leaves(v, `${path}[]`, out));
    else for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
    return out;
  };
  const unread = () => [...leaves(RAW, '', new Set())].filter((path) => !read.has(path));
  return { RAW, V: recording(RAW, ''), unread };
}
