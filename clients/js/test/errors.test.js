// Every pallet error the client names (`Mpc.<Name>` in its sources, CLI, types and README) is a
// variant of the pallet's `Error` enum. test/chain.test.js checks the same names against the
// metadata of a running node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { documentedErrorNames } from './error-names.js';

const PALLET = new URL('../../../pallets/mpc/src/', import.meta.url);

/** The variants of `pub enum Error<T>` in the pallet's sources. */
function palletErrors() {
  for (const file of readdirSync(PALLET).filter((f) => f.endsWith('.rs'))) {
    const source = readFileSync(new URL(file, PALLET), 'utf8');
    const body = /pub enum Error<T>\s*\{([\s\S]*?)\n\s*\}/.exec(source)?.[1];
    if (body) {
      const code = body.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim()).join('\n');
      return new Set([...code.matchAll(/^\s*([A-Z][A-Za-z0-9]*)\s*,?\s*$/gm)].map((m) => m[1]));
    }
  }
  throw new Error('no `pub enum Error<T>` in pallets/mpc/src');
}

test('the pallet error names the client documents exist in pallet-mpc', () => {
  const errors = palletErrors();
  assert.ok(errors.has('UnknownJob') && errors.has('NotCollecting') && errors.size > 30, `parsed ${errors.size} errors`);
  const documented = documentedErrorNames();
  assert.ok(documented.length > 0, 'the client names some pallet errors');
  const wrong = documented.filter(({ name }) => !errors.has(name)).map(({ name, file }) => `Mpc.${name} (${file})`);
  assert.deepEqual(wrong, [], 'documented but not in pallet-mpc\'s Error enum');
});
