import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createOverlayFileSystem } from '../../../server/src/overlayFileSystem';
import { createLanguageService } from '../../../server/src/service';
import { pathToUri } from '../../../server/src/uri';
import { stripMarkers } from './markers';

const MAIN = '/cfg/nats-server.conf';
interface Setup {
  others?: Record<string, string>;
  env?: Record<string, string>;
}

const SEVERITIES: Record<string, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/**
 * One validation case: `marked` is the document text with each expected range wrapped in ⟦ ⟧;
 * `expected` lists, in range order, `code` (an error) or `severity code`.
 * `others` are further files on the (in-memory) disk, for includes; `env` the environment.
 */
function validates(name: string, marked: string, expected: string[], { others = {}, env = {} }: Setup = {}) {
  it(name, () => {
    const { text, ranges } = stripMarkers(marked);
    assert.equal(ranges.length, expected.length, 'test case: one ⟦range⟧ per expected diagnostic');
    const service = createLanguageService({ fs: createMemoryFileSystem(others), env });
    const diagnostics = service.doValidation(TextDocument.create(pathToUri(MAIN), 'nats-conf', 1, text));
    const actual = diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      severity: diagnostic.severity,
      source: diagnostic.source,
      range: diagnostic.range,
    }));
    const wanted = expected.map((entry, index) => {
      const [severity, code] = entry.includes(' ') ? entry.split(' ') : ['error', entry];
      return { code, severity: SEVERITIES[severity], source: 'nats-lattice', range: ranges[index] };
    });
    assert.deepEqual(actual, wanted);
    for (const diagnostic of diagnostics) assert.ok(diagnostic.message.toString().length > 0, 'every diagnostic says what is wrong');
  });
}

describe('doValidation: syntax', () => {
  validates('a valid file has no diagnostics', 'port: 4222\nhttp_port: 8222\n', []);
  validates('an empty file has no diagnostics', '', []);
  validates('an unterminated string, and the end of file it runs into', 'port: 4222\nserver_name: ⟦"hub⟧\n⟦⟧', [
    'unterminated-string',
    'unexpected-eof',
  ]);
  validates('an unclosed map', 'cluster ⟦{⟧\n  name: hub\n⟦⟧', ['unclosed-map', 'unexpected-eof']);
  validates('a key without a value on its line', 'port = ⟦\n⟧http_port: 8222\n', ['missing-value']);
  validates('an invalid escape', 'server_name: "a⟦\\q⟧b"\n', ['invalid-escape']);
  validates('an integer nats-server cannot hold', 'max_payload: ⟦99999999999999999999⟧\n', ['integer-out-of-range']);
  validates('a key without value before } is a warning, not an error', 'authorization {\n  ⟦user⟧\n}\n', ['warning key-without-value']);
  validates('an unknown size suffix is a warning', 'max_payload: ⟦1kbb⟧\n', ['warning unknown-size-suffix']);
  validates('ranges count UTF-16 code units', 'server_name: "héllo 🚀"\nport = ⟦\n⟧', ['missing-value']);
  validates('CRLF line ends', 'port: 4222\r\nserver_name: ⟦"hub⟧\r\n⟦⟧', ['unterminated-string', 'unexpected-eof']);
});

describe('doValidation: variables and includes', () => {
  validates('an undefined variable', 'port: ⟦$NATS_PORT⟧\n', ['undefined-variable']);
  validates('a variable from the environment', 'port: $NATS_PORT\n', [], { env: { NATS_PORT: '4222' } });
  validates('a variable defined earlier', 'P: 4222\nport: $P\n', []);
  validates('a missing include', 'port: 4222\n⟦include "nope.conf"⟧\n', ['include-not-found']);
  validates('a variable defined by an include', 'include "vars.conf"\nport: $P\n', [], { others: { '/cfg/vars.conf': 'P: 4222\n' } });
  validates('an include with syntax errors', '⟦include "frag.conf"⟧\n', ['include-has-errors'], { others: { '/cfg/frag.conf': 'x: "bad\n' } });
  validates('an include cycle', '⟦include "a.conf"⟧\n', ['include-cycle'], { others: { '/cfg/a.conf': 'include "nats-server.conf"\n' } });
  validates('warnings inside an include stay in that file', 'include "frag.conf"\n', [], { others: { '/cfg/frag.conf': 'a: 1kbb\n' } });
});

describe('doValidation: other files', () => {
  it('points at the errors inside an included file by file URI', () => {
    const service = createLanguageService({ fs: createMemoryFileSystem({ '/cfg/frag.conf': 'port: 1\nx: "bad\n' }) });
    const [diagnostic] = service.doValidation(TextDocument.create(pathToUri(MAIN), 'nats-conf', 1, 'include "frag.conf"\n'));
    assert.equal(diagnostic.code, 'include-has-errors');
    assert.deepEqual(
      diagnostic.relatedInformation?.map((related) => ({ uri: related.location.uri, range: related.location.range })),
      [
        { uri: pathToUri('/cfg/frag.conf'), range: { start: { line: 1, character: 3 }, end: { line: 1, character: 7 } } },
        { uri: pathToUri('/cfg/frag.conf'), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } },
      ],
    );
  });

  it('reads an included file from its open editor buffer rather than the disk', () => {
    const disk = createMemoryFileSystem({ '/cfg/frag.conf': 'port: 1\n' });
    const buffers: Record<string, string> = { '/cfg/frag.conf': 'port: "1\n' };
    const service = createLanguageService({ fs: createOverlayFileSystem(disk, (file) => buffers[file]) });
    const document = TextDocument.create(pathToUri(MAIN), 'nats-conf', 1, 'include "frag.conf"\n');
    assert.deepEqual(service.doValidation(document).map((d) => d.code), ['include-has-errors']);
    delete buffers['/cfg/frag.conf'];
    assert.deepEqual(service.doValidation(document), []);
    assert.deepEqual(service.dependenciesOf(document.uri), [MAIN, '/cfg/frag.conf']);
  });

  it('checks a file from disk with its includes, grouped by file', () => {
    const service = createLanguageService({
      fs: createMemoryFileSystem({ [MAIN]: 'include "frag.conf"\n', '/cfg/frag.conf': 'x: "bad\n' }),
    });
    const check = service.checkFile(MAIN);
    assert.deepEqual(check.files, [MAIN, '/cfg/frag.conf']);
    assert.deepEqual(
      check.byFile.map(({ file, diagnostics }) => [file, diagnostics.map((d) => d.code)]),
      [
        [MAIN, ['include-has-errors']],
        ['/cfg/frag.conf', ['unterminated-string', 'unexpected-eof']],
      ],
    );
  });
});
