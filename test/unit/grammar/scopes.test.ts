// Data-driven checks for forms that read better as code than as annotated cases: each entry is a
// text and, for chosen fragments of it, the scope the fragment's first token must carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeLine, hasScope, tokenAt, tokenizeLines } from './tokenize';

/**
 * Asserts that each fragment (found by its first occurrence, or `fragment@n` for the n-th) is
 * covered by tokens that all have the scope; a scope starting with `!` must be absent instead.
 */
async function expectScopes(text: string, expected: Record<string, string>): Promise<void> {
  const lines = await tokenizeLines(text);
  const sourceLines = text.split('\n');
  for (const [key, scope] of Object.entries(expected)) {
    const [fragment, nth] = key.includes('@') ? [key.slice(0, key.lastIndexOf('@')), Number(key.slice(key.lastIndexOf('@') + 1))] : [key, 1];
    let seen = 0;
    let found: { line: number; column: number } | undefined;
    sourceLines.forEach((line, i) => {
      let from = 0;
      for (;;) {
        const column = line.indexOf(fragment, from);
        if (column < 0 || found) break;
        if (++seen === nth) found = { line: i, column };
        from = column + 1;
      }
    });
    assert.ok(found, `"${fragment}" (occurrence ${nth}) is not in the text`);
    const tokens = lines[found.line];
    const negate = scope.startsWith('!');
    const selector = negate ? scope.slice(1) : scope;
    for (let c = found.column; c < found.column + fragment.length; c++) {
      const token = tokenAt(tokens, c);
      assert.ok(token, `no token at "${fragment}"`);
      assert.equal(
        hasScope(token.scopes, selector),
        !negate,
        `"${fragment}" should ${negate ? 'not ' : ''}have ${selector}:\n${describeLine(tokens)}`,
      );
    }
  }
}

const cases: Array<[string, string, Record<string, string>]> = [
  ['a key with no value does not take the next line as its value', 'debug\nport: 4222', {
    debug: 'support.type.property-name',
    port: 'support.type.property-name',
    '4222': 'constant.numeric.integer',
  }],
  ['the whole file may sit in braces', '{\n  port: 4222\n}\nhost: x', {
    '{': 'punctuation.definition.map.begin',
    port: 'support.type.property-name',
    host: '!meta.map',
  }],
  ['right after a separator, # starts a value, as nats-server reads it', 'token: #abc', {
    '#abc': 'string.unquoted',
  }],
  ['a double-quoted string may span lines', 'motd: "line one\nline two"\nport: 1', {
    'line two': 'string.quoted.double',
    port: 'support.type.property-name',
  }],
  ['maps nest inside arrays inside maps', 'accounts {\n  A { users = [ {user: u, password: p} ] }\n}', {
    A: 'support.type.property-name',
    users: 'keyword.other.block',
    'user@2': 'support.type.property-name',
    'u,': '!support.type.property-name',
    password: 'support.type.property-name',
  }],
  ['a comment after a map value ends at the end of the line only', 'm { a: 1 } # c } d\nnext: 2', {
    '# c } d': 'comment.line.number-sign',
    next: 'support.type.property-name',
  }],
  ['an escaped quote does not end a string', 'a: "x\\"y" # c', {
    'y': 'string.quoted.double',
    '# c': 'comment.line.number-sign',
  }],
  ['a block string keeps going past brackets and quotes', 'b: (\n  "}\n  ]\n)\nc: 1', {
    '"}': 'string.unquoted.block',
    ']': 'string.unquoted.block',
    c: 'support.type.property-name',
  }],
];

for (const [title, text, expected] of cases) {
  test(title, () => expectScopes(text, expected));
}
