import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { readEnvrc } from '../../../server/src/sources/envrc';
import { assignmentSpans, summary, unmark } from './marks';

const FILE = '/project/.envrc';

function check(input: string, values: [string, string | undefined][], problems: string[] = []): void {
  const { text, spans } = unmark(input);
  const result = readEnvrc(FILE, text);
  assert.deepEqual(summary(result.sources[0].variables), values);
  assert.deepEqual(assignmentSpans(result.sources[0].variables), spans);
  assert.deepEqual(result.problems.map((p) => p.code), problems);
}

describe('.envrc reader', () => {
  const cases: [string, string, [string, string | undefined][], string[]?][] = [
    ['export lines', 'export «WASMCLOUD_JS_DOMAIN»=«hub»\n', [['WASMCLOUD_JS_DOMAIN', 'hub']]],
    ['other lines are ignored', 'WASMCLOUD_LATTICE=x\nlayout node\nuse nix\n', []],
    ['several per line, quotes', 'export «A»=«"x y"» «B»=«\'$z\'»\n', [['A', 'x y'], ['B', '$z']]],
    ['comment ends the line', 'export «A»=«1» # note\n', [['A', '1']]],
    ['expansion from earlier exports', 'export «A»=«x»\nexport «B»=«"$A-y"»\n', [['A', 'x'], ['B', 'x-y']]],
    ['unknown expansion is unknown', 'export «B»=«$HOME/x»\n', [['B', undefined]]],
    ['export NAME alone sets nothing', 'export PATH\n', []],
    ['unterminated quote', 'export «A»=«"open»\n', [['A', 'open']], ['env-unterminated-quote']],
  ];
  for (const [name, input, values, problems] of cases) it(name, () => check(input, values, problems));

  it('dotenv directives load env files', () => {
    const result = readEnvrc(FILE, 'dotenv\ndotenv_if_exists .env.local\nexport B=2\n', createMemoryFileSystem({ '/project/.env': 'A=1\n' }));
    assert.deepEqual(summary(result.sources[0].variables), [['A', '1'], ['B', '2']]);
    assert.equal(result.sources[0].variables[0].file, '/project/.env');
    assert.deepEqual(result.problems, []);
  });
});
