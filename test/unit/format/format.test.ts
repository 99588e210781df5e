import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit } from 'vscode-languageserver-types';
import { formatConfig, formatOnTypeEdits, formatRangeEdits, applyEdits } from '../../../server/src/features/format';
import { meaningDifference } from '../../../server/src/features/formatSafety';
import { FormatSettings, formatStyleFrom, readFormatSettings } from '../../../server/src/features/formatStyle';
import { parse } from '../../../server/src/syntax/parser';

interface Options extends Partial<FormatSettings> { tabSize?: number; insertSpaces?: boolean; insertFinalNewline?: boolean }

function styleOf(options: Options) {
  return formatStyleFrom(
    { tabSize: options.tabSize ?? 2, insertSpaces: options.insertSpaces ?? true, insertFinalNewline: options.insertFinalNewline },
    { separator: options.separator ?? ':', alignValues: options.alignValues ?? false },
  );
}

/** Formats `input` and expects `expected`; also checks that formatting again changes nothing and the meaning is kept. */
function formats(name: string, input: string, expected: string, options: Options = {}) {
  it(name, () => {
    const style = styleOf(options);
    const outcome = formatConfig(parse(input), style, parse);
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    assert.equal(outcome.text, expected);
    assert.equal(applyEdits(input, outcome.edits), expected);
    const again = formatConfig(parse(expected), style, parse);
    assert.ok(again.ok && again.edits.length === 0, `not idempotent: ${JSON.stringify(again)}`);
    assert.equal(meaningDifference(parse(input), parse(expected)), undefined);
  });
}

function refuses(name: string, input: string, reason: RegExp) {
  it(name, () => {
    const outcome = formatConfig(parse(input), styleOf({}), parse);
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, reason);
  });
}

describe('format: separators', () => {
  formats('":" is the default', 'a=1\nb = 2\nc 3\nd:4\n', 'a: 1\nb: 2\nc: 3\nd: 4\n');
  formats('"=" style', 'a=1\nb : 2\nc 3\n', 'a = 1\nb = 2\nc = 3\n', { separator: '=' });
  formats('" " style', 'a=1\nb : 2\nc 3\n', 'a 1\nb 2\nc 3\n', { separator: ' ' });
  formats('maps are written `name {` whatever the style', 'a = {\n}\nb: {}\n', 'a {\n}\nb {}\n', { separator: '=' });
  formats('quoted keys and values are kept', '"my key"="v 1"\n\'k\' \'x\'\n', '"my key": "v 1"\n\'k\': \'x\'\n');
  formats('a bare `include` key keeps its glued separator', 'include: 5\nINCLUDE=6\n', 'include: 5\nINCLUDE= 6\n', { separator: '=' });
  formats('a bare `include` key in " " style keeps its separator', 'include:5\n', 'include: 5\n', { separator: ' ' });
  formats('a value starting with `=` keeps a separator in " " style', 'z = =foo\n', 'z: =foo\n', { separator: ' ' });
  formats('a value starting with NBSP keeps a separator in " " style', 'z = \u00a0foo\n', 'z: \u00a0foo\n', { separator: ' ' });
  formats('a key whose value is on the next line stays so', 'a\n  1\n', 'a\n1\n');
});

describe('format: indentation and blank lines', () => {
  formats('nested maps and arrays', 'a {\nb {\n      c: 1\n}\nlist: [\n1\n2\n]\n}\n', 'a {\n  b {\n    c: 1\n  }\n  list: [\n    1\n    2\n  ]\n}\n');
  formats('tabs when the editor uses tabs', 'a {\n  b: 1\n}\n', 'a {\n\tb: 1\n}\n', { insertSpaces: false });
  formats('tab size 4', 'a {\nb: 1\n}\n', 'a {\n    b: 1\n}\n', { tabSize: 4 });
  formats('blank lines collapse to one, leading ones go', '\n\n\na: 1\n\n\n\nb: 2\n\n\n', 'a: 1\n\nb: 2\n');
  formats('trailing blanks go', 'a: 1   \nb {  \n  c: 2\t\n}  \n', 'a: 1\nb {\n  c: 2\n}\n');
  formats('a wrapping `{ }` indents the file', '{\na: 1\n}\n', '{\n  a: 1\n}\n');
  formats('CRLF line breaks are kept', 'a=1\r\nb {\r\nc=2\r\n}\r\n', 'a: 1\r\nb {\r\n  c: 2\r\n}\r\n');
  formats('no final line break is added unless asked', 'a=1', 'a: 1');
  formats('a final line break is added on request', 'a=1', 'a: 1\n', { insertFinalNewline: true });
  formats('an empty file stays empty', '', '');
  formats('no final line break where it would change the value (a block string closed at EOF)', 'a (\nx\n)', 'a: (\nx\n)', { insertFinalNewline: true });
  formats('no final line break after a lone `a =` at EOF', 'a =', 'a =', { insertFinalNewline: true });
});

describe('format: comments, strings, includes', () => {
  formats('trailing comments stay on their line', 'a=1    # one\nb=2 // two\n', 'a: 1 # one\nb: 2 // two\n');
  formats('comment lines are indented with their block', 'a {\n# about b\n      b: 1\n}\n', 'a {\n  # about b\n  b: 1\n}\n');
  formats('`#` and `//` inside bare values stay values', 'url=nats://h:4222\nx=a#b\n', 'url: nats://h:4222\nx: a#b\n');
  formats('a block string is untouched and its `)` stays at column 0', 'a {\nb = (\n  text  \n   more\n)\n}\n', 'a {\n  b: (\n  text  \n   more\n)\n}\n');
  formats('quoted values keep their spaces', 'a = "  x  "\n', 'a: "  x  "\n');
  formats('include lines are kept, reindented', 'a {\n    include   "x.conf"  \n}\n', 'a {\n  include "x.conf"\n}\n');
});

describe('format: terminators and the lexer traps', () => {
  formats('terminators are kept; blanks before them go after a value', 'a = 1 ;\nb = foo ;\n', 'a: 1;\nb: foo;\n');
  formats('a space follows `,` and `;` between values', 'a=[1,2 ,3 ]\nb=1;c=2\n', 'a: [1, 2, 3 ]\nb: 1; c: 2\n');
  formats('`1 ]` keeps its space (nats-server would read `1]` as a string)', 'a = [1 ]\n', 'a: [1 ]\n');
  formats('a key without value keeps the blank before `;`', 'a {\n  x ;\n}\n', 'a {\n  x ;\n}\n');
  formats('maps on one line', 'a { b=1, c=2 }\n', 'a { b: 1, c: 2 }\n');
  formats('`1;#c` gets a space before the comment', 'a=1;#c\n', 'a: 1; #c\n');
});

describe('format: aligned values', () => {
  formats('consecutive entries line up', 'port = 4222\nhost = h\nmax_payload = 1MB\n', 'port:        4222\nhost:        h\nmax_payload: 1MB\n', { alignValues: true });
  formats('"=" aligns before the `=`', 'port = 4222\nmax_payload = 1MB\n', 'port        = 4222\nmax_payload = 1MB\n', { alignValues: true, separator: '=' });
  formats('a blank line, a map or a comment line starts a new group', 'a = 1\nbbb = 2\n\ncc = 3\nd = 4\nm {\n  x = 1\n}\ne = 5\n# c\nffff = 6\ng = 7\n',
    'a:   1\nbbb: 2\n\ncc: 3\nd:  4\nm {\n  x: 1\n}\ne: 5\n# c\nffff: 6\ng:    7\n', { alignValues: true });
});

describe('format: files it leaves alone', () => {
  refuses('a syntax error', 'a = 1\nb = [1, 2\n', /syntax error/);
  refuses('an unterminated string', 'a = "x\n', /syntax error/);
});

describe('format: settings', () => {
  it('reads the section, a wrapped section and dotted keys', () => {
    assert.deepEqual(readFormatSettings({ format: { separator: '=', alignValues: true } }), { separator: '=', alignValues: true });
    assert.deepEqual(readFormatSettings({ natsLattice: { 'format.separator': ' ' } }), { separator: ' ', alignValues: false });
    assert.deepEqual(readFormatSettings({ format: { separator: '->', alignValues: 'yes' } }), { separator: ':', alignValues: false });
  });
});

/** `[[` and `]]` mark the range; the expected text is the document after applying the edits. */
function formatsRange(name: string, marked: string, expected: string) {
  it(name, () => {
    const start = marked.indexOf('[[');
    const end = marked.indexOf(']]') - 2;
    const text = marked.replace('[[', '').replace(']]', '');
    const document = TextDocument.create('file:///x.conf', 'nats-conf', 1, text);
    const edits = formatRangeEdits(document, parse(text), { start: document.positionAt(start), end: document.positionAt(end) }, styleOf({}), parse);
    assert.equal(TextDocument.applyEdits(document, edits), expected);
  });
}

describe('format: range', () => {
  formatsRange('only the lines in the range change', 'a=1\n[[b=2   \nc=3]]\nd=4\n', 'a=1\nb: 2\nc: 3\nd=4\n');
  formatsRange('the indentation of the first line is in the range', 'm {\nx=1\n[[y=2]]\nz=3\n}\n', 'm {\nx=1\n  y: 2\nz=3\n}\n');
  formatsRange('trailing blanks of the last line go, the next line is not touched', '[[a=1]]   \n      b=2\n', 'a: 1\n      b=2\n');
  formatsRange('nothing when the file has a syntax error', '[[a=1\nb=[1]]\n', 'a=1\nb=[1\n');
});

function formatsOnType(name: string, marked: string, expected: string) {
  it(name, () => {
    const at = marked.indexOf('|');
    const text = marked.replace('|', '');
    const document = TextDocument.create('file:///x.conf', 'nats-conf', 1, text);
    const edits: TextEdit[] = formatOnTypeEdits(document, parse(text), document.positionAt(at), '}', styleOf({}), parse);
    assert.equal(TextDocument.applyEdits(document, edits), expected);
  });
}

describe('format: on type `}`', () => {
  formatsOnType('the block just closed is formatted', 'a=1\nm {\nx=1\n    y {\nz=2\n}\n      }|\nb=2\n', 'a=1\nm {\n  x: 1\n  y {\n    z: 2\n  }\n}\nb=2\n');
  formatsOnType('nothing after a `}` that closes nothing yet', 'a=1\nm {\nx=1\n|', 'a=1\nm {\nx=1\n');
});
