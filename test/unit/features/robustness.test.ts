// Every feature at every position of real and broken configurations: nothing may throw, and
// answers must stay inside the document.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { doComplete } from '../../../server/src/features/completion';
import { findDefinition } from '../../../server/src/features/definition';
import { findDocumentLinks } from '../../../server/src/features/documentLinks';
import { getFoldingRanges } from '../../../server/src/features/folding';
import { doHover } from '../../../server/src/features/hover';
import { findReferences } from '../../../server/src/features/references';
import { prepareRename } from '../../../server/src/features/rename';
import { getSelectionRanges } from '../../../server/src/features/selectionRanges';
import { findDocumentSymbols } from '../../../server/src/features/symbols';
import { setup } from './helpers';

const CORPUS = '/work/shared/corpus/nats-server';

const BROKEN = [
  'jetstream {\n  max_mem = \n', 'a = [ {url: x}, ', 'include "a', 'include ', 'x: "unterminated\ny: 1', '{{{{', '}}}}', ']]', '[[[',
  'a = $', 'a { b { c { d = $', '"key', "'key", 'key = (\nblock', 'a: 1kbb', 'a: 2024-13-45T00:00:00Z', 'a = ;;;', '=', ':', '$$$',
  'a { include "b.conf" }\n$x', 'p = 1 // c\n# d\n', '\r\na = 1\r\n', 'a\tb\tc', '\u00e9 = \u{1F600}',
];

function everyPosition(name: string, text: string) {
  it(name, () => {
    const s = setup(text.replace(/\|/g, '¦'), { env: { HOME: '/root' } });
    const lines = s.doc.lines;
    const length = text.length;
    const step = Math.max(1, Math.floor(length / 400));
    for (let offset = 0; offset <= length; offset += step) {
      const position = lines.positionAt(offset);
      const label = `${name} at ${position.line}:${position.character}`;
      try {
        doHover(s.doc, position, s.ctx);
        for (const item of doComplete(s.doc, position, s.ctx).items) assert.ok(item.label, label);
        getSelectionRanges(s.doc, [position]);
        findDefinition(s.doc, position, s.ctx);
        findReferences(s.doc, position, s.ctx, true);
        prepareRename(s.doc, position, s.ctx);
      } catch (error) {
        assert.fail(`${label}: ${(error as Error).stack}`);
      }
    }
    findDocumentSymbols(s.doc);
    findDocumentLinks(s.doc, s.ctx);
    for (const range of getFoldingRanges(s.doc)) assert.ok(range.startLine < range.endLine && range.endLine <= lines.lineCount);
  });
}

describe('robustness: broken inputs', () => {
  for (const text of BROKEN) everyPosition(JSON.stringify(text), text);
});

describe('robustness: the upstream test configurations', () => {
  const files = fs.existsSync(CORPUS) ? (fs.readdirSync(CORPUS, { recursive: true }) as string[]).filter((f) => f.endsWith('.conf')).sort() : [];
  if (!files.length) it.skip('corpus not present');
  for (const file of files) everyPosition(file, fs.readFileSync(path.join(CORPUS, file), 'utf8'));
});
