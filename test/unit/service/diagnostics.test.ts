import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { PositionResolver, toDiagnostic, withoutDuplicates } from '../../../server/src/diagnostics';
import { pathToUri } from '../../../server/src/uri';

const files: Record<string, string> = {
  '/cfg/main.conf': 'port: 4222\ninclude "auth.conf"\n',
  '/cfg/auth.conf': 'authorization {\n  user: $USER\n}\n',
};
const positions = () => new PositionResolver((file) => files[file]);

describe('toDiagnostic', () => {
  it('converts offsets to a range and carries source, code and severity', () => {
    const diagnostic = toDiagnostic({ file: '/cfg/main.conf', start: 19, end: 30, code: 'include-not-found', message: 'no such file' }, positions());
    assert.deepEqual(diagnostic, {
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 19 } },
      severity: DiagnosticSeverity.Error,
      code: 'include-not-found',
      source: 'nats-lattice',
      message: 'no such file',
    });
  });

  it('points related information at other files by file URI', () => {
    const diagnostic = toDiagnostic(
      {
        file: '/cfg/main.conf',
        start: 11,
        end: 18,
        code: 'undefined-variable',
        severity: 'warning',
        message: 'USER is not defined',
        related: [{ file: '/cfg/auth.conf', start: 24, end: 29, message: 'used here' }],
      },
      positions(),
    );
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.relatedInformation, [
      {
        location: { uri: pathToUri('/cfg/auth.conf'), range: { start: { line: 1, character: 8 }, end: { line: 1, character: 13 } } },
        message: 'used here',
      },
    ]);
  });

  it('clamps offsets past the end and survives unreadable files', () => {
    const resolver = positions();
    assert.deepEqual(resolver.range('/cfg/main.conf', 100, 200), { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    assert.deepEqual(resolver.range('/cfg/missing.conf', 5, 9), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(resolver.range('/cfg/main.conf', 5, 2), { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } });
  });

  it('drops exact duplicates only', () => {
    const a = { file: 'f', start: 1, end: 2, code: 'c', message: 'm' };
    assert.deepEqual(withoutDuplicates([a, { ...a }, { ...a, end: 3 }]), [a, { ...a, end: 3 }]);
  });
});
