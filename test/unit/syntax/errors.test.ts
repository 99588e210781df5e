// Syntax errors: the code, and the line nats-server names (Go counts only '\n'; when it has
// already consumed the offending new line it names the next line).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectErrors, expectErrorOnLine, expectWarnings, parse } from './helpers';

const errorCases: [string, string, { line: number; code: string }[]][] = [
  // missing values and separators
  ['value missing at end of line (named on the next line)', 'a =\n', [{ line: 2, code: 'missing-value' }]],
  ['key alone at end of file', 'foo', [{ line: 1, code: 'missing-value' }]],
  ['key alone, file ends on a later line', 'a = 1\nfoo\n', [{ line: 2, code: 'missing-value' }, { line: 3, code: 'missing-value' }]],
  ['empty quote after key at end of file', 'a = "', [{ line: 1, code: 'missing-value' }]],
  ['a lone semicolon is a key without value', ';', [{ line: 1, code: 'missing-value' }]],
  ['comma list without values', 'a,a,a', [{ line: 1, code: 'missing-value' }]],
  ['separator without key', '= 1', [{ line: 1, code: 'unexpected-separator' }]],
  ['separator without key in map', 'm { = 1 }', [{ line: 1, code: 'unexpected-separator' }]],
  ['comma instead of map value', 'm { a = , }', [{ line: 1, code: 'unexpected-terminator' }]],
  ['leading comma in array', 'a = [,]', [{ line: 1, code: 'unexpected-terminator' }]],
  ['array end in map', 'm { ] }', [{ line: 1, code: 'unexpected-close' }]],
  ['lone slash as key', '/a = 1', [{ line: 1, code: 'unexpected-slash' }]],
  // after values
  ['two values on one line', 'a = 1 2', [{ line: 1, code: 'unexpected-after-value' }]],
  ['float with suffix', 'a = 1.5k', [{ line: 1, code: 'unexpected-after-value' }]],
  ['exponent notation', 'a = 1e5', [{ line: 1, code: 'unexpected-after-value' }]],
  ['IP followed by letters', 'a = 1.2.3.4x', [{ line: 1, code: 'unexpected-after-value' }]],
  ['garbage after map value', 'm { a = 1 2 }', [{ line: 1, code: 'unexpected-after-value' }]],
  ['garbage after array element', 'a = [1 2 ]', [{ line: 1, code: 'unexpected-after-value' }]],
  ['text after quoted string', 'a = "x"y', [{ line: 1, code: 'unexpected-after-value' }]],
  ['text after swallowed quote', "a = foo'bar", [{ line: 1, code: 'unexpected-after-value' }]],
  // strings and escapes
  ['invalid escape', 'a = "\\q"', [{ line: 1, code: 'invalid-escape' }]],
  ['no unicode escapes', 'a = "\\u0041"', [{ line: 1, code: 'invalid-escape' }]],
  ['windows path unquoted', 'a = C:\\path', [{ line: 1, code: 'invalid-escape' }]],
  ['backslash before new line (named on the next line)', 'a = "x\\\ny"', [{ line: 2, code: 'invalid-escape' }]],
  ['hex escape with one digit', 'a = "\\x4"', [{ line: 1, code: 'invalid-escape' }]],
  ['hex escape with letters', 'a = "\\xzz"', [{ line: 1, code: 'invalid-escape' }]],
  ['hex escape at end of line', 'a = "\\x\n"', [{ line: 2, code: 'invalid-escape' }]],
  ['unterminated double quote', 'a = "abc', [{ line: 1, code: 'unterminated-string' }]],
  ['unterminated single quote', "a = 'abc", [{ line: 1, code: 'unterminated-string' }]],
  ['unterminated string noticed at end of file', 'a = "abc\nb = 1\n', [{ line: 1, code: 'unterminated-string' }, { line: 3, code: 'unexpected-eof' }]],
  ['unterminated quoted key', '"abc', [{ line: 1, code: 'unterminated-key' }]],
  ['unterminated quoted map key', 'm { "abc', [{ line: 1, code: 'unterminated-key' }]],
  ['unterminated block string', 'a = (\nx\n', [{ line: 1, code: 'unterminated-block-string' }, { line: 3, code: 'unexpected-eof' }]],
  ['block string with CRLF never closes', 'a = (\r\nx\r\n)\r\n', [{ line: 1, code: 'unterminated-block-string' }, { line: 4, code: 'unexpected-eof' }]],
  // numbers and dates
  ['float starting with dot', 'a = .5', [{ line: 1, code: 'invalid-number' }]],
  ['minus alone', 'a = -', [{ line: 1, code: 'invalid-number' }]],
  ['minus then letter', 'a = -x', [{ line: 1, code: 'invalid-number' }]],
  ['minus dot', 'a = -.5', [{ line: 1, code: 'invalid-number' }]],
  ['dot without decimals', 'a = 1.x', [{ line: 1, code: 'invalid-number' }]],
  ['integer out of range', 'a = 9223372036854775808', [{ line: 1, code: 'integer-out-of-range' }]],
  ['very long integer', 'a = 99999999999999999999', [{ line: 1, code: 'integer-out-of-range' }]],
  ['non-ASCII digits', 'a = ٣', [{ line: 1, code: 'invalid-integer' }]],
  ['short date', 'a = 2020-01-01', [{ line: 1, code: 'invalid-datetime' }]],
  ['date without Z', 'a = 2020-01-01T00:00:00', [{ line: 1, code: 'invalid-datetime' }]],
  ['dash after digits', 'a = 12-3', [{ line: 1, code: 'invalid-datetime' }]],
  ['month 13', 'a = 2020-13-01T00:00:00Z', [{ line: 1, code: 'invalid-datetime' }]],
  ['February 30', 'a = 2023-02-30T00:00:00Z', [{ line: 1, code: 'invalid-datetime' }]],
  ['hour 24', 'a = 2023-01-01T24:00:00Z', [{ line: 1, code: 'invalid-datetime' }]],
  // containers
  ['unclosed map', 'm { a = 1', [{ line: 1, code: 'unexpected-eof' }]],
  ['unclosed map over lines', 'm {\n a = 1\n', [{ line: 1, code: 'unclosed-map' }, { line: 3, code: 'unexpected-eof' }]],
  ['unclosed array', 'a = [1, 2', [{ line: 1, code: 'unexpected-eof' }]],
  ['unclosed wrapper without final newline', '{a=1', [{ line: 1, code: 'unexpected-eof' }]],
  ['integer directly before bracket', 'a = [1, 2, 3]', [{ line: 1, code: 'number-before-bracket' }, { line: 1, code: 'unexpected-eof' }]],
  ['array closed by the wrong bracket', 'm {\n a = [1, 2 }\n}', [{ line: 2, code: 'unclosed-array' }, { line: 2, code: 'unexpected-after-value' }]],
  // include
  ['include followed by new line', 'include\n', [{ line: 2, code: 'invalid-include' }]],
  ['include of an array', 'include [x]', [{ line: 1, code: 'invalid-include' }]],
  ['include of a map', 'include {x}', [{ line: 1, code: 'invalid-include' }]],
  ['include of a number', 'include 5.conf', [{ line: 1, code: 'invalid-include' }]],
  ['include starting with minus', 'include -x', [{ line: 1, code: 'invalid-include' }]],
  ['include of a block', 'include (x)', [{ line: 1, code: 'invalid-include' }]],
  ['include of escape', 'include \\x', [{ line: 1, code: 'invalid-include' }]],
  ['unterminated include path', 'include "x', [{ line: 1, code: 'unterminated-string' }]],
];

describe('syntax errors', () => {
  for (const [name, input, expected] of errorCases) it(name, () => { expectErrors(input, expected); });
});

describe('error ranges point at the offending text', () => {
  const cases: [string, string, string][] = [
    ['invalid escape', 'a = "x\\qy"', '\\q'],
    ['second value', 'a = 1 2', '2'],
    ['unterminated string starts at its quote', 'a = "abc\nb = 1', '"abc'],
    ['unexpected separator', 'm { : 1 }', ':'],
    ['out of range integer', 'big = 99999999999999999999', '99999999999999999999'],
    ['missing value covers the line break', 'a =\nb = 1', '\n'],
    ['key without value at end', 'x = 1\nlonely', 'lonely'],
  ];
  for (const [name, input, text] of cases) {
    it(name, () => {
      const e = parse(input).errors[0];
      assert.equal(input.slice(e.start, e.end), text);
    });
  }
});

describe('recovery reports later errors without cascades', () => {
  it('one error per broken line', () => {
    expectErrors('a = 1 2\nb = 3\nc = "\\q"\nd = 4 5\n', [
      { line: 1, code: 'unexpected-after-value' }, { line: 3, code: 'invalid-escape' }, { line: 4, code: 'unexpected-after-value' }]);
  });
  it('an error inside a map keeps the map', () => {
    const r = expectErrors('m {\n  a = 1 x\n  b = 2\n}\nc = 3\n', [{ line: 2, code: 'unexpected-after-value' }]);
    const m = r.document.body.entries[0];
    assert.equal(m.type === 'entry' && m.value?.type === 'map' && m.value.entries.length, 2);
    assert.equal(r.document.body.entries.length, 2);
  });
  it('an unterminated string resumes at the end of its line', () => {
    const r = parse('a = "abc\nb = 1\nc = 2 3\n');
    assert.deepEqual(r.errors.map((e) => e.code), ['unterminated-string', 'unexpected-after-value', 'unexpected-eof']);
  });
  it('an invalid escape does not break the rest of the string', () => {
    expectErrors('a = "C:\\dir"\nb = 2\n', [{ line: 1, code: 'invalid-escape' }]);
  });
  it('a missing value does not swallow the next entry', () => {
    const r = expectErrors('a =\nb = 2\n', [{ line: 2, code: 'missing-value' }]);
    assert.deepEqual(r.document.body.entries.map((e) => e.type === 'entry' && e.key.name), ['a', 'b']);
  });
  it('errors on many lines are all reported', () => {
    const text = Array.from({ length: 50 }, (_, i) => `k${i} = 1 x`).join('\n');
    assert.equal(parse(text).errors.length, 50);
  });
});

describe('nats-server line agreement on tricky inputs', () => {
  const cases: [string, number][] = [
    ['a = [1, 2, 3]\nb = 2\n', 2],
    ['x = 1\ny = (\nz\n', 4],
    ['m {\n a = 1\n', 3],
    ['a = "\\x\n"', 2],
    ['a = -\n', 2],
    ['a = 2020-01-0\n', 2],
    ['a = 1.\n', 2],
    ['{\n a = 1 }\n b = 2 x\n', 3],
  ];
  for (const [input, line] of cases) it(JSON.stringify(input), () => expectErrorOnLine(input, line));
});

describe('warnings for what nats-server accepts but surely is a mistake', () => {
  const cases: [string, string, string[]][] = [
    ['unknown size suffix', 'a = 1kbb', ['unknown-size-suffix']],
    ['key without value before close brace', 'm { a }', ['key-without-value']],
    ['stray closing brace', 'a = 1\n}', ['stray-close-brace']],
    ['unclosed wrapper', '{\na = 1\n', ['unclosed-block']],
    ['quote opened at the end of the file', 'a = 1\n"', ['stray-quote']],
    ['quote swallowed by a bare word', "a = foo'", ['swallowed-quote']],
    ['array left open by an empty quote at the end', 'a = [ "', ['unclosed-array', 'stray-quote']],
    ['integer before bracket closed later', 'a = [1, 2]\n]', ['number-before-bracket']],
  ];
  for (const [name, input, codes] of cases) it(name, () => expectWarnings(input, codes));
});
