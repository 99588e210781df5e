import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFiles } from '../../../server/src/cli/check';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService } from '../../../server/src/service';

/**
 * Which candidates are checked on their own: `files` is the disk, `candidates` what the CLI
 * collected; `asIncluded` the candidates expected to be checked only through an includer.
 */
function roots(name: string, files: Record<string, string>, candidates: string[], asIncluded: string[], codes: string[] = []) {
  it(name, () => {
    const service = createLanguageService({ fs: createMemoryFileSystem(files) });
    const result = checkFiles(candidates, service);
    assert.deepEqual(result.checkedAsIncluded, asIncluded);
    assert.deepEqual(result.diagnostics.map(({ file, diagnostic }) => `${file} ${diagnostic.code}`), codes);
  });
}

describe('checkFiles: which files are checked on their own', () => {
  roots('unrelated files are each checked', { '/a.conf': 'port: 1\n', '/b.conf': 'port: 2\n' }, ['/a.conf', '/b.conf'], []);
  roots(
    'a fragment included by a candidate is checked through it',
    { '/main.conf': 'include "frag.conf"\nport: $P\n', '/frag.conf': 'P: 4222\n' },
    ['/frag.conf', '/main.conf'],
    ['/frag.conf'],
  );
  roots(
    'a fragment included twice reports its errors once',
    { '/a.conf': 'include "frag.conf"\n', '/b.conf': 'include "frag.conf"\n', '/frag.conf': 'server_name: "\\q"\n' },
    ['/a.conf', '/b.conf', '/frag.conf'],
    ['/frag.conf'],
    ['/a.conf include-has-errors', '/b.conf include-has-errors', '/frag.conf invalid-escape'],
  );
  roots(
    'files including each other are checked once, from the first',
    { '/a.conf': 'include "b.conf"\n', '/b.conf': 'include "a.conf"\n' },
    ['/a.conf', '/b.conf'],
    ['/b.conf'],
    ['/a.conf include-cycle', '/b.conf include-cycle'],
  );
  roots('a fragment named alone is checked alone', { '/frag.conf': 'port: $P\n' }, ['/frag.conf'], [], ['/frag.conf undefined-variable']);
});
