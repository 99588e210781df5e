import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseEnvFile, readDotenv } from '../../../server/src/sources/dotenv';
import { assignmentSpans, summary, unmark } from './marks';

const FILE = '/project/host.env';

/** One case: input with «» around every name and value, the decoded values, and problem codes. */
function check(input: string, values: [string, string | undefined][], problemCodes: string[] = []): void {
  const { text, spans } = unmark(input);
  const result = parseEnvFile(FILE, text);
  assert.deepEqual(summary(result.assignments), values);
  assert.deepEqual(assignmentSpans(result.assignments), spans);
  for (const a of result.assignments) assert.equal(a.raw, text.slice(a.valueSpan.start, a.valueSpan.end));
  assert.deepEqual(result.problems.map((p) => p.code), problemCodes);
}

describe('dotenv reader', () => {
  const cases: [string, string, [string, string | undefined][], string[]?][] = [
    ['plain', '«WASMCLOUD_JS_DOMAIN»=«hub»\n', [['WASMCLOUD_JS_DOMAIN', 'hub']]],
    ['export prefix', 'export «WASMCLOUD_LATTICE»=«default»\n', [['WASMCLOUD_LATTICE', 'default']]],
    ['spaces around =', '«A» = «b c»  \n', [['A', 'b c']]],
    ['empty value', '«A»=«»\n', [['A', '']]],
    ['inline comment', '«A»=«b» # note\n', [['A', 'b']]],
    ['hash without space is part of the value', '«A»=«b#c»\n', [['A', 'b#c']]],
    ['single quotes are literal', "«A»=«'x $B \\n'»\n", [['A', 'x $B \\n']]],
    ['double quotes with escapes', '«A»=«"a\\nb \\"q\\" \\$x"»\n', [['A', 'a\nb "q" $x']]],
    ['double-quoted value spans lines', '«A»=«"one\ntwo"»\n«B»=«c»', [['A', 'one\ntwo'], ['B', 'c']]],
    ['comment after quoted value', '«A»=«"x"» # c\n', [['A', 'x']]],
    ['blank lines and comments', '\n# comment\n   \n«A»=«1»\n\n', [['A', '1']]],
    ['CRLF line ends', '«A»=«1»\r\n«B»=«"2"»\r\n', [['A', '1'], ['B', '2']]],
    ['BOM', '\uFEFF«A»=«1»', [['A', '1']]],
    ['no final newline', '«A»=«1»', [['A', '1']]],
    ['bare name passes through', '«HOME»«»\n', [['HOME', undefined]]],
    ['interpolation from earlier lines', '«A»=«x»\n«B»=«${A}-y»\n', [['A', 'x'], ['B', 'x-y']]],
    ['default when unset', '«B»=«${NOPE:-fallback}»\n', [['B', 'fallback']]],
    ['unknown reference leaves the value unknown', '«B»=«$NOPE»\n', [['B', undefined]]],
    ['escaped dollar in double quotes is literal', '«B»=«"\\$NOPE"»\n', [['B', '$NOPE']]],
    ['line without =', 'JUST WORDS\n«A»=«1»\n', [['A', '1']], ['env-line-invalid']],
    ['invalid name', '1BAD=x\n«A»=«1»\n', [['A', '1']], ['env-line-invalid']],
    ['unterminated double quote', '«A»=«"open»\n«B»=«2»\n', [['A', 'open'], ['B', '2']], ['env-unterminated-quote']],
    ['unterminated single quote', "«A»=«'open»", [['A', 'open']], ['env-unterminated-quote']],
    ['text after closing quote', '«A»=«"x"» y\n', [['A', 'x']], ['env-trailing-text']],
    ['misspelled name is still read', '«WASMCOULD_JS_DOMAIN»=«hub»\n', [['WASMCOULD_JS_DOMAIN', 'hub']]],
  ];
  for (const [name, input, values, problems] of cases) it(name, () => check(input, values, problems));

  it('marks interpolated values and lists unresolved names', () => {
    const result = parseEnvFile(FILE, 'A=${X}${Y:-y}\n');
    assert.equal(result.assignments[0].interpolated, true);
    assert.deepEqual(result.assignments[0].unresolved, ['X']);
  });

  it('reads a pin comment with ranges', () => {
    const { text, spans } = unmark('# «nats-lattice: server=«../nats/hub.conf» account=«APP»»\nWASMCLOUD_JS_DOMAIN=hub\n');
    const result = readDotenv(FILE, text);
    const source = result.sources[0];
    assert.deepEqual(result.problems, []);
    assert.equal(source.pins.length, 1);
    const pin = source.pins[0];
    assert.deepEqual([pin.server!.span, pin.account!.span, pin.span], spans);
    assert.equal(pin.server!.path, '/nats/hub.conf');
    assert.deepEqual(source.natsConfigs, [{ via: 'pin', file: FILE, span: spans[0], path: '/nats/hub.conf' }]);
  });

  it('reports unknown pin keys and a pin without server', () => {
    const result = readDotenv(FILE, '# nats-lattice: sever=../x.conf\n');
    assert.deepEqual(result.problems.map((p) => p.code), ['pin-unknown-key', 'pin-syntax']);
  });

  it('ignores prose that mentions the tool', () => {
    const result = readDotenv(FILE, '# checked by nats-lattice: see docs\n');
    assert.deepEqual(result.sources[0].pins, []);
    assert.deepEqual(result.problems, []);
  });

  it('names the source after the file and guesses the component', () => {
    const source = readDotenv(FILE, 'WADM_JETSTREAM_DOMAIN=hub\n').sources[0];
    assert.equal(source.name, 'host.env');
    assert.equal(source.kind, 'dotenv');
    assert.equal(source.component, 'wadm');
  });
});
