// The pallet error names (`Mpc.<Name>`) that the client documents or handles, for the tests that
// check them against the pallet: test/errors.test.js (its source) and test/chain.test.js (the
// metadata of a running node).
import { readFileSync, readdirSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url);

/** The files of the package that name pallet errors: sources, the CLI, types and docs. */
export const DOCUMENTED = [
  ...['src', 'bin'].flatMap((dir) => readdirSync(new URL(`${dir}/`, ROOT)).filter((f) => f.endsWith('.js')).map((f) => `${dir}/${f}`)),
  'index.d.ts', 'protocol.d.ts', 'README.md',
];

/**
 * Every `Mpc.<Name>` in those files, as `{ name, file }` (one per name and file). Events are
 * written `mpc.<Event>` in this package, so every `Mpc.<Name>` is an error name.
 */
export function documentedErrorNames() {
  const found = [];
  for (const file of DOCUMENTED) {
    const text = readFileSync(new URL(file, ROOT), 'utf8');
    const names = new Set([...text.matchAll(/\bMpc\.([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1]));
    for (const name of names) found.push({ name, file });
  }
  return found;
}
