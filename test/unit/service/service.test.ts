import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService } from '../../../server/src/service';
import { pathToUri } from '../../../server/src/uri';

const ROOT = '/work/cfg';

function documentOf(file: string, text: string, version = 1, languageId = 'nats-conf') {
  return TextDocument.create(pathToUri(file), languageId, version, text);
}

describe('language service: plumbing', () => {
  it('parses a document once per version', () => {
    const service = createLanguageService({ fs: createMemoryFileSystem({}) });
    const first = documentOf(`${ROOT}/nats.conf`, 'port: 4222\n', 1);
    const again = documentOf(`${ROOT}/nats.conf`, 'port: 4222\n', 1);
    const next = documentOf(`${ROOT}/nats.conf`, 'port: 4223\n', 2);
    const parsed = service.parseDocument(first);
    assert.equal(service.parseDocument(again), parsed);
    assert.notEqual(service.parseDocument(next), parsed);
    assert.equal(service.parseDocument(next).text, 'port: 4223\n');
  });

  it('validates the document text, not what the file system holds for it', () => {
    const file = `${ROOT}/nats.conf`;
    const service = createLanguageService({ fs: createMemoryFileSystem({ [file]: 'port: {{{\n' }) });
    assert.deepEqual(service.doValidation(documentOf(file, 'port: 4222\n')), []);
  });

  it('records what a validation read', () => {
    const file = `${ROOT}/nats.conf`;
    const service = createLanguageService({ fs: createMemoryFileSystem({}) });
    const document = documentOf(file, 'port: 4222\n');
    service.doValidation(document);
    assert.equal(service.dependenciesOf(document.uri)[0], file);
    service.forget(document.uri);
    assert.deepEqual(service.dependenciesOf(document.uri), []);
  });

  it('validates untitled documents', () => {
    const service = createLanguageService({ fs: createMemoryFileSystem({}) });
    assert.deepEqual(service.doValidation(TextDocument.create('untitled:Untitled-1', 'nats-conf', 1, 'port: 4222\n')), []);
  });

  it('recognises NATS documents by language id or association glob', () => {
    const service = createLanguageService({ fs: createMemoryFileSystem({}), settings: { files: { associations: ['deploy/*.cfg'] } } });
    const doc = (file: string, languageId: string) => ({ uri: pathToUri(file), languageId });
    assert.equal(service.isNatsDocument(doc('/x/anything.txt', 'nats-conf')), true);
    assert.equal(service.isNatsDocument(doc('/x/deploy/hub.cfg', 'plaintext')), true);
    assert.equal(service.isNatsDocument(doc('/x/other/hub.cfg', 'plaintext')), false);
    assert.equal(service.isNatsConfigPath('/x/deploy/hub.cfg'), true);
    assert.equal(service.isNatsConfigPath('/x/nats-hub.conf'), true);
    service.configure({ natsLattice: { files: { associations: [] } } });
    assert.equal(service.isNatsDocument(doc('/x/deploy/hub.cfg', 'plaintext')), false);
  });

  it('reports a file it cannot read when checking from disk', () => {
    const service = createLanguageService({ fs: createMemoryFileSystem({}) });
    const check = service.checkFile(`${ROOT}/missing.conf`);
    assert.equal(check.byFile.length, 1);
    assert.equal(check.byFile[0].file, `${ROOT}/missing.conf`);
    assert.equal(check.byFile[0].diagnostics[0].source, 'nats-lattice');
  });
});
