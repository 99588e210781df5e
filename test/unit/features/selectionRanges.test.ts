import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SelectionRange } from 'vscode-languageserver-types';
import { getSelectionRanges } from '../../../server/src/features/selectionRanges';
import { setup } from './helpers';

/** The texts selected by expanding from `|`, innermost first (the whole document last). */
function expands(input: string, expected: string[]) {
  it(`${JSON.stringify(input)}`, () => {
    const s = setup(input);
    const [selection] = getSelectionRanges(s.doc, [s.position]);
    const texts: string[] = [];
    for (let r: SelectionRange | undefined = selection; r; r = r.parent) {
      texts.push(s.doc.parsed.text.slice(s.doc.lines.offsetAt(r.range.start), s.doc.lines.offsetAt(r.range.end)));
    }
    assert.deepEqual(texts, expected);
  });
}

describe('selection ranges', () => {
  expands('po|rt: 4222', ['port', 'port: 4222']);
  expands('port: 42|22', ['4222', 'port: 4222']);
  expands('port: 4222\ndebug: t|rue\n', ['true', 'debug: true', 'port: 4222\ndebug: true\n']);
  expands('a {\n  b: 1|\n}', ['1', 'b: 1', '{\n  b: 1\n}', 'a {\n  b: 1\n}']);
  expands('a {\n  b: 1|\n}\nc: 2', ['1', 'b: 1', '{\n  b: 1\n}', 'a {\n  b: 1\n}', 'a {\n  b: 1\n}\nc: 2']);
  expands('a {\n  b: 1\n  c: |2\n}\nd: 1', ['2', 'c: 2', 'b: 1\n  c: 2', '{\n  b: 1\n  c: 2\n}', 'a {\n  b: 1\n  c: 2\n}', 'a {\n  b: 1\n  c: 2\n}\nd: 1']);
  expands('name: "h|ub"\nx: 1', ['hub', '"hub"', 'name: "hub"', 'name: "hub"\nx: 1']);
  expands("name: 'h|ub'\nx: 1", ['hub', "'hub'", "name: 'hub'", "name: 'hub'\nx: 1"]);
  expands('P = 1\nport: $|P', ['P', '$P', 'port: $P', 'P = 1\nport: $P']);
  expands('x: [ 1, 2|, 3 ]\ny: 1', ['2', '1, 2, 3', '[ 1, 2, 3 ]', 'x: [ 1, 2, 3 ]', 'x: [ 1, 2, 3 ]\ny: 1']);
  expands('"quo|ted": 1\nx: 2', ['quoted', '"quoted"', '"quoted": 1', '"quoted": 1\nx: 2']);
  expands('include "a.c|onf"\nx: 1', ['"a.conf"', 'include "a.conf"', 'include "a.conf"\nx: 1']);
  expands('|', ['']);
  expands('port: 1\n|\n', ['port: 1\n\n']);
  expands('l { r [ { u|rl: a } ] }\nx: 1', ['url', 'url: a', '{ url: a }', '[ { url: a } ]', 'r [ { url: a } ]', '{ r [ { url: a } ] }', 'l { r [ { url: a } ] }', 'l { r [ { url: a } ] }\nx: 1']);
  it('answers every position asked, in order', () => {
    const s = setup('a: |1\nb: |2');
    const ranges = getSelectionRanges(s.doc, s.cursors);
    assert.equal(ranges.length, 2);
    assert.deepEqual(ranges.map((r) => r.range.start.line), [0, 1]);
  });
});
