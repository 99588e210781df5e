// Huge documents degrade gracefully: the outline and the folds stop at the configured caps,
// keeping the upper levels and the largest folds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol } from 'vscode-languageserver-types';
import { limitFoldingRanges, limitSymbols } from '../../../server/src/features/limits';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService } from '../../../server/src/service';

function countSymbols(symbols: DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);
}

const blocks = Array.from({ length: 3000 }, (_, i) => `b${i} {\n  a: 1\n  inner {\n    c: 2\n  }\n}\n`).join('');
const document = TextDocument.create('file:///huge.conf', 'nats-conf', 1, blocks);

test('symbols and folding ranges stop at natsLattice.limits', () => {
  const service = createLanguageService({ fs: createMemoryFileSystem({}), settings: { limits: { symbols: 100, foldingRanges: 50 } } });
  const symbols = service.findDocumentSymbols(document);
  assert.equal(countSymbols(symbols), 100);
  assert.equal(symbols.length, 100, 'the top level is kept first');
  assert.equal(service.getFoldingRanges(document).length, 50);
});

test('without settings the defaults apply, and small documents are untouched', () => {
  const service = createLanguageService({ fs: createMemoryFileSystem({}) });
  assert.equal(countSymbols(service.findDocumentSymbols(document)), 5000);
  const small = TextDocument.create('file:///small.conf', 'nats-conf', 1, 'a { b { c: 1 } }\n');
  assert.equal(countSymbols(service.findDocumentSymbols(small)), 3);
});

test('limitSymbols is breadth-first and limitFoldingRanges keeps the largest folds in order', () => {
  const leaf = (name: string): DocumentSymbol => ({ name, kind: 8, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  const tree = [{ ...leaf('a'), children: [leaf('a1'), leaf('a2')] }, leaf('b')];
  assert.deepEqual(limitSymbols(tree, 3).map((s) => [s.name, (s.children ?? []).map((c) => c.name)]), [['a', ['a1']], ['b', []]]);
  const folds = [{ startLine: 0, endLine: 10 }, { startLine: 2, endLine: 3 }, { startLine: 5, endLine: 9 }];
  assert.deepEqual(limitFoldingRanges(folds, 2), [{ startLine: 0, endLine: 10 }, { startLine: 5, endLine: 9 }]);
});
