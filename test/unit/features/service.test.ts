// The editing features through the language service façade: its caches, its file system and the
// files it knows (open documents and their includes) for cross-file answers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService } from '../../../server/src/service';
import { pathToUri } from '../../../server/src/uri';

const ROOT = '/work/svc';
const documentOf = (file: string, text: string) => TextDocument.create(pathToUri(file), 'nats-conf', 1, text);

describe('language service: editing features', () => {
  const files = { [`${ROOT}/vars.conf`]: 'P = 5222\n', [`${ROOT}/extra/x.conf`]: '' };
  const service = createLanguageService({ fs: createMemoryFileSystem(files), env: { NATS_HOME: '/srv' } });
  const main = documentOf(`${ROOT}/main.conf`, 'include "vars.conf"\nport: $P\nhttp: $NATS_HOME\n');

  it('hovers through the service', () => {
    const hover = service.doHover(main, { line: 1, character: 7 });
    assert.match((hover!.contents as MarkupContent).value, /`5222`/);
  });

  it('completes include paths through the file system', () => {
    const doc = documentOf(`${ROOT}/other.conf`, 'include "');
    const labels = service.doComplete(doc, { line: 0, character: 9 }).items.map((i) => i.label);
    assert.deepEqual(labels.sort(), ['extra/', 'vars.conf']);
  });

  it('completes environment variables after $', () => {
    const doc = documentOf(`${ROOT}/env.conf`, 'x: $N');
    assert.deepEqual(service.doComplete(doc, { line: 0, character: 5 }).items.map((i) => i.label), ['$NATS_HOME']);
  });

  it('finds uses in open documents that include the file', () => {
    service.doValidation(main);
    const vars = documentOf(`${ROOT}/vars.conf`, 'P = 5222\n');
    const refs = service.findReferences(vars, { line: 0, character: 0 }, false);
    assert.deepEqual(refs.map((r) => `${r.uri.split('/').pop()}:${r.range.start.line}`), ['main.conf:1']);
    const rename = service.doRename(vars, { line: 0, character: 0 }, 'Q');
    assert.ok('edit' in rename);
    assert.deepEqual(Object.keys(rename.edit.changes!).map((u) => u.split('/').pop()).sort(), ['main.conf', 'vars.conf']);
  });

  it('offers outline, folding, selection and links', () => {
    assert.equal(service.findDocumentSymbols(main).length, 3);
    assert.deepEqual(service.getFoldingRanges(main), []);
    assert.equal(service.getSelectionRanges(main, [{ line: 1, character: 1 }]).length, 1);
    assert.equal(service.findDocumentLinks(main)[0].target, pathToUri(`${ROOT}/vars.conf`));
    assert.equal(service.findDefinition(main, { line: 0, character: 10 })[0].uri, pathToUri(`${ROOT}/vars.conf`));
    assert.deepEqual(service.prepareRename(main, { line: 2, character: 8 }), { reason: '`$NATS_HOME` comes from the environment variable NATS_HOME; rename it where the environment is set.' });
  });
});
