import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService } from '../../../server/src/service';
import { pathToUri } from '../../../server/src/uri';
import { completionLabels, hoverText } from './hostCase';

const FILES = {
  '/ws/nats.conf': 'server_name: hub\nlisten: 127.0.0.1:4222\njetstream { store_dir: /js, domain: hub }\n',
  '/ws/wasmcloud.env': 'export WASMCLOUD_JS_DOMAIN="hub"\n',
};

describe('host features through the language service', () => {
  const service = createLanguageService({ fs: createMemoryFileSystem(FILES), lookUpProjectFiles: false });
  const analysis = service.analyzeLattice(service.findWorkspaceFiles('/ws'));
  const env = TextDocument.create(pathToUri('/ws/wasmcloud.env'), 'dotenv', 1, FILES['/ws/wasmcloud.env']);
  const conf = TextDocument.create(pathToUri('/ws/nats.conf'), 'nats-conf', 1, FILES['/ws/nats.conf']);

  test('env files are host sources, NATS configs are not', () => {
    assert.equal(service.isHostSourceDocument(env), true);
    assert.equal(service.isNatsDocument(env), false);
  });

  test('hover, definition and references on a quoted, exported domain', () => {
    const hover = service.doHostHover(env, { line: 0, character: 29 }, analysis);
    assert.match((hover!.contents as { value: string }).value, /Served by server \*\*hub\*\*/);
    assert.deepEqual(service.findHostDefinition(env, { line: 0, character: 29 }, analysis).map((l) => [l.uri, l.range.start]), [[conf.uri, { line: 2, character: 36 }]]);
    const fromServer = service.findLatticeReferences(conf, { line: 2, character: 37 }, false, analysis);
    assert.deepEqual(fromServer.map((l) => [l.uri, l.range]), [[env.uri, { start: { line: 0, character: 28 }, end: { line: 0, character: 31 } }]]);
  });

  test('a NATS document off a domain has no lattice references', () => {
    assert.deepEqual(service.findLatticeReferences(conf, { line: 0, character: 2 }, true, analysis), []);
  });
});

describe('cursor slots', () => {
  const ws = (env: string) => ({ 'nats.conf': 'jetstream { domain: hub }\n', 'wasmcloud.env': env });
  const cases: [string, string, string[]][] = [
    ['after export', 'export WASMCLOUD_JS_DOMAIN=|', ['hub']],
    ['inside double quotes', 'WASMCLOUD_JS_DOMAIN="|"', ['hub']],
    ['inside single quotes with text', "WASMCLOUD_JS_DOMAIN='h|'", ['hub']],
    ['spaces around =', 'WASMCLOUD_JS_DOMAIN = |', ['hub']],
    ['after an inline comment', 'WASMCLOUD_JS_DOMAIN=hub # |', []],
    ['unknown variable', 'MY_THING=|', []],
  ];
  for (const [name, env, expected] of cases) test(name, () => assert.deepEqual(completionLabels(ws(env)), expected));

  test('CRLF files', () => {
    assert.match(hoverText(ws('WASMCLOUD_LATTICE=a\r\nWASMCLOUD_JS_D|OMAIN=hub\r\n'))!, /\*\*WASMCLOUD_JS_DOMAIN\*\*/);
    assert.deepEqual(completionLabels(ws('WASMCLOUD_LATTICE=a\r\nWASMCLOUD_JS_DOMAIN=|\r\n')), ['hub']);
  });
});
