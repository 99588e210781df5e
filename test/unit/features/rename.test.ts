import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit } from 'vscode-languageserver-types';
import { prepareRename, renameVariable } from '../../../server/src/features/rename';
import { ROOT, setup, SetupOptions, uriOf } from './helpers';

/** Renames at `|` to `newName`; expects the resulting text of every changed file (by name), or a refusal matching a pattern. */
function renames(input: string, newName: string, expected: Record<string, string> | RegExp, options: SetupOptions = {}) {
  it(`${JSON.stringify(input)} → ${newName}`, () => {
    const s = setup(input, options);
    const result = renameVariable(s.doc, s.position, newName, s.ctx);
    if (expected instanceof RegExp) {
      assert.ok('reason' in result, `expected a refusal, got ${JSON.stringify(result)}`);
      assert.match(result.reason, expected);
      return;
    }
    assert.ok('edit' in result, `expected an edit, got ${JSON.stringify(result)}`);
    const texts: Record<string, string> = { [path.relative(ROOT, s.doc.file)]: s.doc.parsed.text, ...(options.files ?? {}) };
    const got: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(result.edit.changes ?? {})) {
      const name = Object.keys(texts).find((n) => uriOf(n) === uri)!;
      got[name] = applyEdits(texts[name], edits);
    }
    assert.deepEqual(got, expected);
  });
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'nats-conf', 0, text), edits);
}

/** prepareRename at `|`: the text it offers to rename, or a refusal matching a pattern. */
function prepares(input: string, expected: string | RegExp, options: SetupOptions = {}) {
  it(`prepare ${JSON.stringify(input)} → ${expected}`, () => {
    const s = setup(input, options);
    const check = prepareRename(s.doc, s.position, s.ctx);
    if (expected instanceof RegExp) {
      assert.ok('reason' in check, `expected a refusal, got ${JSON.stringify(check)}`);
      assert.match(check.reason, expected);
      return;
    }
    assert.ok('range' in check, `expected a range, got ${JSON.stringify(check)}`);
    const text = s.doc.parsed.text.slice(s.doc.lines.offsetAt(check.range.start), s.doc.lines.offsetAt(check.range.end));
    assert.equal(text, expected);
    assert.equal(check.placeholder, expected);
  });
}

describe('prepare rename', () => {
  prepares('X = 1\nport: $|X', 'X');
  prepares('X| = 1\nport: $X', 'X');
  prepares('"X|" = 1\nport: $X', 'X');
  prepares('X = 1\nport: |$X', 'X');
  prepares('po|rt: 4222', /Only variables can be renamed|not used as a variable/);
  prepares('port: 42|22', /Only variables can be renamed/);
  prepares('X| = 1', /not used as a variable/);
  prepares('port: $|NOPE', /not defined/);
  prepares('port: $|HOME', /environment variable HOME/, { env: { HOME: '/' } });
  prepares('port = 4222\nhttp_port: $p|ort', /nats-server option `port`/);
  prepares('p|ort = 4222\nhttp_port: $port', /nats-server option `port`/);
  prepares('# X|\n', /Only variables/);
  prepares('|', /Only variables/);
  prepares('include "a|.conf"', /Only variables/);
  prepares('accounts { A = 1 }\nx: 1', /Only variables|not used/);
});

describe('rename', () => {
  renames('X = 1\nport: $|X', 'PORT', { 'nats.conf': 'PORT = 1\nport: $PORT' });
  renames('X| = 1\nport: $X\nhttp_port: $X', 'P', { 'nats.conf': 'P = 1\nport: $P\nhttp_port: $P' });
  renames('"X" = 1\nport: $|X', 'Y', { 'nats.conf': '"Y" = 1\nport: $Y' });
  renames('X = 1\na: $|X\nX = 2\nb: $X', 'Y', { 'nats.conf': 'Y = 1\na: $Y\nX = 2\nb: $X' });
  renames('X = 1\nc { X = 2, a: $|X }\nb: $X', 'Y', { 'nats.conf': 'X = 1\nc { Y = 2, a: $Y }\nb: $X' });
  renames('X = 1\nc { a: $|X, d { e: $X } }\nl [ $X ]', 'Y', { 'nats.conf': 'Y = 1\nc { a: $Y, d { e: $Y } }\nl [ $Y ]' });
  renames('X = 1\nY = $|X\nport: $Y', 'Z', { 'nats.conf': 'Z = 1\nY = $Z\nport: $Y' });
  renames('include "v.conf"\nport: $|P', 'Q', { 'v.conf': 'Q = 1\n', 'nats.conf': 'include "v.conf"\nport: $Q' }, { files: { 'v.conf': 'P = 1\n' } });
  renames('P| = 1\nhttp_port: $P', 'Q', { 'v.conf': 'Q = 1\nhttp_port: $Q', 'nats.conf': 'include "v.conf"\nport: $Q\n' },
    { file: 'v.conf', files: { 'nats.conf': 'include "v.conf"\nport: $P\n' } });
  renames('P| = 1', 'Q', { 'v.conf': 'Q = 1', 'a.conf': 'include "v.conf"\nport: $Q\n' },
    { file: 'v.conf', files: { 'a.conf': 'include "v.conf"\nport: $P\n', 'b.conf': 'P = 2\nport: $P\n' } });
  renames('X = 1\nport: $|X', 'bad name', /cannot be a variable name.*bad_name/);
  renames('X = 1\nport: $|X', '1abc', /cannot be a variable name/);
  renames('X = 1\nport: $|X', '', /cannot be a variable name/);
  renames('X = 1\nport: $|X', '$Y', /cannot be a variable name/);
  renames('port: $|HOME', 'Y', /environment/, { env: { HOME: '/' } });
  renames('port: 4|222', 'Y', /Only variables/);
});
