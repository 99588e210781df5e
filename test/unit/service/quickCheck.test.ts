import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { FileSystem } from '../../../server/src/fileSystem';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService, LanguageService } from '../../../server/src/service';
import { pathToUri } from '../../../server/src/uri';

// The quick check must answer exactly what a full check of the new text answers, or nothing.
// Each case checks `before` fully, offers `after` to the quick check, and compares the answer with
// a full check of `after` by a service that never saw `before`.

const MAIN = '/cfg/nats-server.conf';
const URI = pathToUri(MAIN);

/** A memory file system whose files can be rewritten between checks. */
function writableFileSystem(files: Record<string, string>): { fs: FileSystem; write(file: string, text: string): void } {
  const texts = { ...files };
  let current = createMemoryFileSystem(texts);
  return {
    fs: {
      readFile: (file) => current.readFile(file),
      stat: (file) => current.stat(file),
      readDirectory: (folder) => current.readDirectory(folder),
    },
    write(file, text) {
      texts[path.resolve(file)] = text;
      current = createMemoryFileSystem(texts);
    },
  };
}

function serviceOver(fs: FileSystem): LanguageService {
  return createLanguageService({ fs, env: {}, lookUpProjectFiles: false });
}

function fullCheck(text: string, files: Record<string, string> = {}): Diagnostic[] {
  return serviceOver(createMemoryFileSystem(files)).doValidation(TextDocument.create(URI, 'nats-conf', 1, text));
}

interface Options {
  /** Further files on the memory disk (for includes). */
  files?: Record<string, string>;
  /** Done after the full check of `before`, before the quick check of `after`. */
  between?: (service: LanguageService, disk: ReturnType<typeof writableFileSystem>) => void;
  /** The full check of `after` must find something (so an equal answer says something). */
  findsSomething?: boolean;
}

/**
 * The quick check of `after`, following a full check of `before`, in the same document:
 * 'quick' answers exactly what a fresh full check of `after` answers; 'full' declines (undefined);
 * 'either' may do either, but never answers anything else than the full check.
 * `after` may be a list: successive quick checks (versions 2, 3, ...), each expected `expect`.
 */
function quick(name: string, before: string, after: string | string[], expect: 'quick' | 'full' | 'either', options: Options = {}) {
  it(`${{ quick: 'answers', full: 'declines', either: 'never answers wrong' }[expect]}: ${name}`, () => {
    const disk = writableFileSystem(options.files ?? {});
    const service = serviceOver(disk.fs);
    service.doValidation(TextDocument.create(URI, 'nats-conf', 1, before));
    options.between?.(service, disk);
    const texts = typeof after === 'string' ? [after] : after;
    texts.forEach((text, index) => {
      const answer = service.quickValidation(TextDocument.create(URI, 'nats-conf', index + 2, text));
      if (expect === 'full') {
        assert.equal(answer, undefined, `the quick check should decline ${JSON.stringify(text)}, but answered ${JSON.stringify(answer)}`);
        return;
      }
      if (expect === 'either' && answer === undefined) return;
      assert.ok(answer, `the quick check should answer ${JSON.stringify(text)} (step ${index + 1})`);
      const full = fullCheck(text, options.files);
      assert.deepEqual(answer, full, `the quick answer for ${JSON.stringify(text)} differs from the full check`);
      if (options.findsSomething) assert.ok(full.length > 0, `test case: the full check of ${JSON.stringify(text)} finds nothing`);
    });
  });
}

const BCRYPT = '$2a$11$PWIFAL8RPZ3hzrMZUvqTce5Fc.Ww/NNd2nHNNiKpmNxXb6zOHbT0a';
const BCRYPT_OTHER = '$2a$11$xH8dkGrty1cBNtZjhPeWJewu/YPbSU.rXJWmS6SFilOBXzmZoMk9m';

// Users with the first map spread over lines, or the whole array on one line.
const users = (password: string, name = 'a') => `accounts {\n  A {\n    users: [\n      {\n        user: ${name}\n        password: "${password}"\n      }\n      { user: b, password: "other" }\n    ]\n  }\n}\n`;
const inlineUsers = (password: string) => `accounts {\n  A {\n    users: [ { user: a, password: "${password}" }, { user: b, password: "x" } ]\n  }\n}\n`;

describe('quick check: one value rewritten on one line is answered at once', () => {
  quick('a number that is not one', 'max_connections: 100000\nport: 4222\n', 'max_connections: many\nport: 4222\n', 'quick', { findsSomething: true });
  quick('a number repaired', 'max_connections: many\nport: 4222\n', 'max_connections: 100000\nport: 4222\n', 'quick');
  quick('a monitoring port', 'port: 4222\nhttp_port: 8222\n', 'port: 4222\nhttp_port: 8223\n', 'quick');
  quick('a monitoring port out of range', 'port: 4222\nhttp_port: 8222\n', 'port: 4222\nhttp_port: 99999\n', 'quick');
  quick('a monitoring port back in range', 'port: 4222\nhttp_port: 99999\n', 'port: 4222\nhttp_port: 8222\n', 'quick');
  // The listener rules judge host and port together: they run again on the whole evaluated file.
  quick('a listener port (read with its host)', 'port: 4222\nhttp_port: 8222\n', 'port: 4223\nhttp_port: 8222\n', 'quick');
  quick('a listener host (read with its port)', 'cluster {\n  host: 127.0.0.1\n  port: 6222\n}\n', 'cluster {\n  host: 0.0.0.0\n  port: 6222\n}\n', 'quick', { findsSomething: true });
  // A value nats-server drops (1kbb) leaves its key waiting for the next value.
  quick('a value nats-server drops', 'max_connections: 100\nwrite_deadline: "2s"\n', 'max_connections: 100kbb\nwrite_deadline: "2s"\n', 'full');
  quick('a value in a file holding a dropped one', 'max_connections: 100kbb\nwrite_deadline: "2s"\n', 'max_connections: 100kbb\nwrite_deadline: "3s"\n', 'full');
  quick('a value beside a block holding a dropped one', 'jetstream {\n  max_file: 1Gx\n}\nwrite_deadline: "2s"\n', 'jetstream {\n  max_file: 1Gx\n}\nwrite_deadline: "3x"\n', 'quick', { findsSomething: true });
  quick('a value in the block of a key without a value', 'cluster {\n  name: a\n  pool_size\n}\nwrite_deadline: "2s"\n', 'cluster {\n  name: b\n  pool_size\n}\nwrite_deadline: "2s"\n', 'full');
  quick('a value beside a block holding a key without a value', 'cluster {\n  name: a\n  pool_size\n}\nwrite_deadline: "2s"\n', 'cluster {\n  name: a\n  pool_size\n}\nwrite_deadline: "3x"\n', 'quick', { findsSomething: true });
  // nats-server stops at the first syntax error: what the rules make of the rest depends on where.
  quick('a value in a file with a syntax error', 'write_deadline: "2s"\nserver_name: "open\n', 'write_deadline: "3x"\nserver_name: "open\n', 'full');
  quick('a duration with an unknown unit', 'write_deadline: "10s"\n', 'write_deadline: "10x"\n', 'quick');
  quick('a bare duration', 'ping_interval: 2m\nport: 4222\n', 'ping_interval: 2q\nport: 4222\n', 'quick');
  quick('a boolean', 'debug: false\ntrace: false\n', 'debug: true\ntrace: false\n', 'quick');
  quick('a string', 'server_name: "alpha"\n', 'server_name: "beta"\n', 'quick');
  quick('a string in single quotes', "server_name: 'alpha'\n", "server_name: 'alp ha'\n", 'quick');
  quick('an integer turned into a string', 'max_payload: 1048576\n', 'max_payload: "1MB"\n', 'quick');
  quick('a value with `=`', 'port = 4222\nmax_payload = 1MB\n', 'port = 4222\nmax_payload = 1XB\n', 'quick');
  quick('a value ended by `;`', 'port: 4222;\nmax_payload: 1MB;\n', 'port: 4222;\nmax_payload: 64MB;\n', 'quick');
  quick('a value in a nested block', 'jetstream {\n  domain: hub\n  store_dir: "/data"\n}\n', 'jetstream {\n  domain: "hu b"\n  store_dir: "/data"\n}\n', 'quick');
  quick('a cluster name', 'cluster {\n  name: east\n  port: 6222\n}\n', 'cluster {\n  name: west\n  port: 6222\n}\n', 'quick');
  quick('a block two levels deep', 'jetstream {\n  limits {\n    max_ack_pending: 100\n  }\n}\n', 'jetstream {\n  limits {\n    max_ack_pending: 1000\n  }\n}\n', 'quick');

  quick('a password in a map in an array', users('pw'), users('pw2'), 'quick', { findsSomething: true });
  quick('a password turned into a bcrypt hash', users('pw'), users(BCRYPT), 'quick', { findsSomething: true });
  quick('a bcrypt hash turned into a plain password', users(BCRYPT), users('secret'), 'quick', { findsSomething: true });
  quick('one bcrypt hash for another', users(BCRYPT), users(BCRYPT_OTHER), 'quick', { findsSomething: true });
  // User names are compared across all accounts (duplicate-user): left to the full check.
  quick('a user name in a map in an array', users('pw'), users('pw', 'alice'), 'full');
  quick('a password in an array of maps written on one line', inlineUsers('pw'), inlineUsers('PW'), 'quick', { findsSomething: true });
  quick('one bcrypt hash for another in an array of maps on one line', inlineUsers(BCRYPT), inlineUsers(BCRYPT_OTHER), 'quick', { findsSomething: true });
  const permissions = (subject: string) => `authorization {\n  users: [\n    {\n      user: a, password: "p"\n      permissions: { publish: { allow: ["a.>", "${subject}"] } }\n    }\n  ]\n}\n`;
  quick('a subject in an inline permissions array', permissions('b'), permissions('b.c'), 'quick');
  quick('a subject turned invalid in an inline array', permissions('b'), permissions('b..c'), 'quick');
  quick('a subject with a wildcard', permissions('b'), permissions('b.*'), 'quick');
  quick('a value in an inline map on one line', 'jetstream: { max_mem: 1G, max_file: 10G }\n', 'jetstream: { max_mem: 1Gx, max_file: 10G }\n', 'quick');
  quick('a value followed by a trailing comment', 'max_payload: 1MB # the limit\nport: 4222\n', 'max_payload: lots # the limit\nport: 4222\n', 'quick');
  quick('a finding after the value on the same line, the value keeping its length', 'jetstream: { max_mem: 1G, max_file: 10Gx }\n', 'jetstream: { max_mem: 2G, max_file: 10Gx }\n', 'quick', { findsSomething: true });
  quick('findings at and after the value on the same line', 'jetstream: { max_mem: 1G, max_file: 10Gx }\n', 'jetstream: { max_mem: 1X, max_file: 10Gx }\n', 'quick', { findsSomething: true });
  quick('findings on later lines stay put when the value grows', 'server_name: a\nmax_payload: lots\nport: 99999\n', 'server_name: abcdefgh\nmax_payload: lots\nport: 99999\n', 'quick', { findsSomething: true });
  quick('findings on earlier lines stay put', 'max_payload: lots\nport: 99999\nserver_name: a\n', 'max_payload: lots\nport: 99999\nserver_name: ab\n', 'quick', { findsSomething: true });
  quick('CRLF line endings', 'port: 4222\r\nmax_payload: 1MB\r\nserver_name: x\r\n', 'port: 4222\r\nmax_payload: lots\r\nserver_name: x\r\n', 'quick', { findsSomething: true });
  // A lone CR ends a line for the editor (LSP positions) as much as LF does.
  quick('a lone CR on an earlier line', '# a\r# b\nmax_payload: 1MB\n', '# a\r# b\nmax_payload: lots\n', 'either');
  quick('CRLF inside a block', 'jetstream {\r\n  max_mem: 1G\r\n  max_file: 10G\r\n}\r\n', 'jetstream {\r\n  max_mem: 1Gx\r\n  max_file: 10G\r\n}\r\n', 'quick', { findsSomething: true });
  quick(
    'a suppression comment on the line before the value',
    '# nats-lattice-disable-next-line invalid-value-type\nmax_payload: 1MB\nmax_pending: lots\n',
    '# nats-lattice-disable-next-line invalid-value-type\nmax_payload: lots\nmax_pending: lots\n',
    'quick',
    { findsSomething: true },
  );
  quick(
    'a suppression comment for another code',
    '# nats-lattice-disable-next-line duplicate-key\nmax_payload: 1MB\n',
    '# nats-lattice-disable-next-line duplicate-key\nmax_payload: lots\n',
    'quick',
    { findsSomething: true },
  );
  quick('a file-wide suppression', 'max_payload: 1MB\n# nats-lattice-disable-file invalid-value-type\n', 'max_payload: lots\n# nats-lattice-disable-file invalid-value-type\n', 'quick');
  quick(
    'a chain of keystrokes, each answered',
    'port: 4222\nmax_payload: 1MB\nserver_name: x\n',
    ['port: 4222\nmax_payload: 1\nserver_name: x\n', 'port: 4222\nmax_payload: 1k\nserver_name: x\n', 'port: 4222\nmax_payload: 1kb\nserver_name: x\n', 'port: 4222\nmax_payload: lots\nserver_name: x\n', 'port: 4222\nmax_payload: 1kb\nserver_name: x\n'],
    'quick',
  );
  quick(
    'a chain moving through different lines',
    users('pw'),
    [users('pw1'), users('pw12'), users(BCRYPT), users(BCRYPT).replace('"other"', '"other2"'), users('').replace('"other"', '"other2"'), users('x').replace('"other"', '"other2"')],
    'quick',
  );
  quick('the same text again', 'port: 4222\nmax_payload: lots\n', 'port: 4222\nmax_payload: lots\n', 'quick');
  quick('a leaf remote url', 'leafnodes {\n  remotes: [\n    {\n      url: "nats-leaf://hub:7422"\n    }\n  ]\n}\n', 'leafnodes {\n  remotes: [\n    {\n      url: "nats-leaf://hub:74222"\n    }\n  ]\n}\n', 'quick');
  // A line that is an item of a list (a map inside an array) is read alone inside a list of its own.
  quick('a password in a map written on its own line in an array', 'users: [\n  { user: a, password: "pw" }\n]\n', 'users: [\n  { user: a, password: "pw2" }\n]\n', 'quick');
  // A finding after the value on the same line moves along with the line's end.
  quick('a finding after the value on the same line, the value growing', 'jetstream: { max_mem: 1G, max_file: 10Gx }\n', 'jetstream: { max_mem: 1024M, max_file: 10Gx }\n', 'quick');
  quick('a route URL on a line of its own', 'cluster {\n  name: c\n  routes: [\n    nats-route://a:6222\n    nats-route://b:6222\n  ]\n}\n', 'cluster {\n  name: c\n  routes: [\n    nats-route://a:16222\n    nats-route://b:6222\n  ]\n}\n', 'quick');
  quick('an account user on its own line, a plain password hashed', 'accounts {\n  A {\n    users: [\n      { user: a, password: "pw" },\n      { user: b, password: "pw" }\n    ]\n  }\n}\n', `accounts {\n  A {\n    users: [\n      { user: a, password: "${BCRYPT}" },\n      { user: b, password: "pw" }\n    ]\n  }\n}\n`, 'quick', { findsSomething: true });
  // The same, with user b's plain password found after the edited one on the line.
  quick('a password growing before another finding on its line', inlineUsers('pw'), inlineUsers(BCRYPT), 'quick', { findsSomething: true });
});

describe('quick check: anything else needs a full check', () => {
  quick('no check before', '', 'port: 4222\n', 'full', { between: (service) => service.forget(URI) });
  quick('an edit over two lines', 'port: 4222\nmax_payload: 1MB\n', 'port: 4223\nmax_payload: 2MB\n', 'full');
  quick('a line break added', 'port: 4222\nmax_payload: 1MB\n', 'port: 4222\n\nmax_payload: 1MB\n', 'full');
  quick('a line break removed', 'port: 4222\n\nmax_payload: 1MB\n', 'port: 4222\nmax_payload: 1MB\n', 'full');
  quick('a value split over two lines', 'port: 4222\nmax_payload: 1MB\n', 'port: 42\n22\nmax_payload: 1MB\n', 'full');
  quick('a new entry on a line', 'port: 4222\n\n', 'port: 4222\nx\n', 'full');
  quick('a line nested deeper than the quick check follows', `a: ${'{ b: '.repeat(100)}1${' }'.repeat(100)}\n`, `a: ${'{ b: '.repeat(100)}2${' }'.repeat(100)}\n`, 'full');
  quick('a key renamed in a line nested deeper than the quick check follows', `a: ${'{ b: '.repeat(100)}1${' }'.repeat(100)}\n`, `a: ${'{ b: '.repeat(99)}{ c: 1${' }'.repeat(100)}\n`, 'full');
  quick('a second entry on the line', 'port: 4222\n', 'port: 4222, debug: true\n', 'full');
  quick('an edit inside a comment', '# the port\nport: 4222\n', '# the ports\nport: 4222\n', 'full');
  quick('an edit inside a trailing comment', 'port: 4222 # the port\n', 'port: 4222 # the ports\n', 'full');
  quick('a value whose key is read as a variable', 'PUBLIC: "x"\na: $PUBLIC\n', 'PUBLIC: "y"\na: $PUBLIC\n', 'full');
  quick('a value whose key is read as ${variable}', 'PUBLIC: "x"\na: "${PUBLIC}"\n', 'PUBLIC: "y"\na: "${PUBLIC}"\n', 'full');
  quick('a value in a block whose key is read as a variable', 'limits {\n  n: 1\n}\nx: $limits\n', 'limits {\n  n: 2\n}\nx: $limits\n', 'full');
  quick('a key set twice in its block', 'port: 4222\nport: 4223\n', 'port: 4224\nport: 4223\n', 'full');
  quick('a key set twice with different case', 'Port: 4222\nport: 4223\n', 'Port: 4224\nport: 4223\n', 'full');
  quick('a block with an include', 'cluster {\n  name: a\n  include "c.conf"\n}\n', 'cluster {\n  name: b\n  include "c.conf"\n}\n', 'full', { files: { '/cfg/c.conf': 'port: 6222\n' } });
  quick('a top level with an include', 'include "c.conf"\nport: 4222\n', 'include "c.conf"\nport: 4223\n', 'full', { files: { '/cfg/c.conf': 'debug: true\n' } });
  quick('a value turned into a variable', 'X: 1\nport: 4222\n', 'X: 1\nport: $X\n', 'full');
  quick('a variable turned into a value', 'X: 1\nport: $X\n', 'X: 1\nport: 1\n', 'full');
  quick('an unterminated string', 'server_name: "alpha"\nport: 4222\n', 'server_name: "alpha\nport: 4222\n', 'full');
  quick('a bare value gaining a `}`', 'cluster {\n  name: east\n}\n', 'cluster {\n  name: ea}st\n}\n', 'full');
  quick('a bare value gaining a `]`', 'cluster {\n  name: east\n}\n', 'cluster {\n  name: ea]st\n}\n', 'full');
  quick('a value turned into a block', 'jetstream: true\n', 'jetstream: {}\n', 'full');
  quick(
    'an included file changed between the checks',
    'port: 4222\ninclude "c.conf"\nmax_payload: 1MB\n',
    'port: 4222\ninclude "c.conf"\nmax_payload: 2MB\n',
    'full',
    { files: { '/cfg/c.conf': 'debug: true\n' }, between: (_service, disk) => disk.write('/cfg/c.conf', 'debug: maybe\n') },
  );
  quick(
    'an included file changed, the edit outside the includer\'s block',
    'cluster {\n  include "c.conf"\n}\nmax_payload: 1MB\n',
    'cluster {\n  include "c.conf"\n}\nmax_payload: 2MB\n',
    'full',
    { files: { '/cfg/c.conf': 'name: a\n' }, between: (_service, disk) => disk.write('/cfg/c.conf', 'name: b\nport: 99999\n') },
  );
  // A finding elsewhere that names the value: the cluster listener's finding at `cluster` quotes the
  // port. It comes from the listener rules run again on the whole file (see below), not the miniature.
  quick('a value quoted by a finding on another line', 'cluster {\n  name: east\n  port: 6222\n}\n', 'cluster {\n  name: east\n  port: 62222\n}\n', 'quick', { findsSomething: true });
  quick('after the settings changed', 'port: 4222\nmax_payload: 1MB\n', 'port: 4222\nmax_payload: lots\n', 'full', { between: (service) => service.configure({ rules: { 'invalid-value-type': 'error' } }) });
  quick('after files changed on disk', 'port: 4222\nmax_payload: 1MB\n', 'port: 4222\nmax_payload: lots\n', 'full', { between: (service) => service.filesChanged() });
  quick('after the document was forgotten', 'port: 4222\n', 'port: 4223\n', 'full', { between: (service) => service.forget(URI) });
});

describe('quick check: the included file unchanged', () => {
  // The same edit as the declined case above, with the include left as it was: still answered,
  // because the edited value is in a block without an include.
  quick(
    'an edit outside the includer\'s block',
    'cluster {\n  include "c.conf"\n}\nmax_payload: 1MB\n',
    'cluster {\n  include "c.conf"\n}\nmax_payload: 2MBx\n',
    'quick',
    { files: { '/cfg/c.conf': 'name: a\n' } },
  );
});

describe('quick check: a chain falls back and picks up again', () => {
  it('declines a line break, then answers again after the next full check', () => {
    const service = serviceOver(createMemoryFileSystem({}));
    const texts = ['port: 4222\nmax_payload: 1MB\n', 'port: 4222\nmax_payload: lots\n', 'port: 4222\n\nmax_payload: lots\n', 'port: 4222\n\nmax_payload: 1kb\n'];
    service.doValidation(TextDocument.create(URI, 'nats-conf', 1, texts[0]));
    assert.deepEqual(service.quickValidation(TextDocument.create(URI, 'nats-conf', 2, texts[1])), fullCheck(texts[1]));
    assert.equal(service.quickValidation(TextDocument.create(URI, 'nats-conf', 3, texts[2])), undefined);
    service.doValidation(TextDocument.create(URI, 'nats-conf', 3, texts[2]));
    assert.deepEqual(service.quickValidation(TextDocument.create(URI, 'nats-conf', 4, texts[3])), fullCheck(texts[3]));
  });

  it('a declined quick check leaves the last answer in place for the next one', () => {
    const service = serviceOver(createMemoryFileSystem({}));
    service.doValidation(TextDocument.create(URI, 'nats-conf', 1, 'port: 4222\nmax_payload: 1MB\n'));
    assert.equal(service.quickValidation(TextDocument.create(URI, 'nats-conf', 2, 'port: 4222\nmax_payload: 1MB\nx\n')), undefined);
    const text = 'port: 4222\nmax_payload: lots\n';
    assert.deepEqual(service.quickValidation(TextDocument.create(URI, 'nats-conf', 3, text)), fullCheck(text));
  });
});

describe('quick check: a key renamed', () => {
  // A renamed key changes what its whole entry means; the miniature shows that, and the guards make
  // sure nothing beyond the line reads the key (its block's other keys, rules reading its presence).
  quick('a typo in a top-level key', 'port: 4222\nmax_payload: 1MB\n', 'port: 4222\nmax_paylod: 1MB\n', 'quick', { findsSomething: true });
  quick('typing a key letter by letter', 'max_connections: 100\ndebug: true\n', ['max_connection: 100\ndebug: true\n', 'max_connectio: 100\ndebug: true\n', 'max_connectiox: 100\ndebug: true\n', 'max_connections: 100\ndebug: true\n'], 'quick');
  quick('a key renamed to another option whose type the value does not fit', 'max_payload: 1MB\nport: 4222\n', 'debug: 1MB\nport: 4222\n', 'quick', { findsSomething: true });
  quick('a key renamed to another spelling of its option', 'max_connections: 100\n', 'max_conn: 100\n', 'quick');
  quick('a key renamed to a variable-style name nobody uses', 'max_payload: 1MB\n', 'MAX_PAYLOADS: 1MB\n', 'quick', { findsSomething: true });
  quick('a key renamed to other case (keys are read without regard to case)', 'max_payload: 1MB\n', 'MAX_PAYLOAD: 1MB\n', 'quick');
  quick('a key in a nested block', 'jetstream {\n  max_mem: 1G\n  store_dir: "/data"\n}\n', 'jetstream {\n  max_me: 1G\n  store_dir: "/data"\n}\n', 'quick', { findsSomething: true });
  quick('a key in a leaf remote', 'leafnodes {\n  remotes: [\n    {\n      url: "nats-leaf://hub:7422"\n      account: A\n    }\n  ]\n}\n', 'leafnodes {\n  remotes: [\n    {\n      ur: "nats-leaf://hub:7422"\n      account: A\n    }\n  ]\n}\n', 'quick', { findsSomething: true });
  // `account` names an account in imports (undefined-account), so renames to or from it are declined.
  quick('a remote\'s account key renamed', 'leafnodes {\n  remotes: [\n    {\n      url: "nats-leaf://hub:7422"\n      account: A\n    }\n  ]\n}\n', 'leafnodes {\n  remotes: [\n    {\n      url: "nats-leaf://hub:7422"\n      acount: A\n    }\n  ]\n}\n', 'full');
  quick('a key in a one-line user', `accounts {\n  A {\n    users: [\n      { user: a, password: "${BCRYPT}" }\n    ]\n  }\n}\n`, `accounts {\n  A {\n    users: [\n      { user: a, pasword: "${BCRYPT}" }\n    ]\n  }\n}\n`, 'quick', { findsSomething: true });
  quick('a key of a one-line block', 'jetstream: { max_mem: 1G, max_file: 10G }\n', 'jetstream: { max_mem: 1G, max_fil: 10G }\n', 'quick', { findsSomething: true });
  quick('a key renamed, with a suppression comment above it', '# nats-lattice-disable-next-line unknown-key\nmax_payload: 1MB\n', '# nats-lattice-disable-next-line unknown-key\nmax_paylod: 1MB\n', 'quick');
  quick('a key renamed, with a finding after it on the line', 'max_payload: 1MB\nserver_name: "a b"\n', 'max_payloa: 1MB\nserver_name: "a b"\n', 'quick', { findsSomething: true });
  quick('a quoted key', '"max_payload": 1MB\n', '"max_paylod": 1MB\n', 'quick', { findsSomething: true });

  quick('a user name (compared across all accounts)', inlineUsers('pw').replace('user: a,', 'user: c,'), inlineUsers('pw').replace('user: a,', 'user: b,'), 'full');
  quick('a user name on a line of its own', users('pw', 'a'), users('pw', 'other'), 'full');
  const imports = (account: string, exported = 'A') => `accounts {\n  A {\n    imports: [\n      { stream: { account: ${account}, subject: "foo" } }\n    ]\n  }\n  B {\n    exports: [ { stream: "foo", accounts: [${exported}] } ]\n  }\n}\n`;
  quick('the account an import names (looked up among the accounts)', imports('B'), imports('C'), 'full');
  quick('an account an export names', imports('B'), imports('B', 'C'), 'full');
  quick('the subject of an import', imports('B'), imports('B').replace('subject: "foo"', 'subject: "fo"'), 'quick');
  const weights = (first: string, second = '60%') => `mappings {\n  foo: [\n    { destination: bar, weight: ${first} }\n    { destination: baz, weight: ${second} }\n  ]\n}\n`;
  quick('a weight of a mapping (added up with the others)', weights('40%'), weights('50%'), 'full');
  quick('a weight renamed (the destination then has none)', weights('40%'), weights('40%').replace('weight: 40%', 'weigh: 40%'), 'full');
  quick('a password beside a user name on one line', inlineUsers('pw'), inlineUsers('pw2'), 'quick', { findsSomething: true });
  quick('a key renamed to one set elsewhere in its block', 'max_payload: 1MB\nmax_pending: 2MB\n', 'max_payload: 1MB\nmax_payload: 2MB\n', 'full');
  quick('a key renamed to one set elsewhere with other case', 'max_payload: 1MB\nmax_pending: 2MB\n', 'max_payload: 1MB\nMax_Payload: 2MB\n', 'full');
  quick('a key renamed away from a duplicate', 'max_payload: 1MB\nmax_payload: 2MB\n', 'max_payload: 1MB\nmax_payloa: 2MB\n', 'full');
  quick('a key renamed to another spelling of an option set beside it', 'max_connections: 100\nmax_payload: 1MB\n', 'max_connections: 100\nmax_conn: 1MB\n', 'full');
  quick('a key renamed to a name read through a variable', 'LIMT: 1MB\nmax_payload: $LIMIT\n', 'LIMIT: 1MB\nmax_payload: $LIMIT\n', 'full');
  quick('a key renamed on a line that reads a variable', 'm { a = 1kbb }\nn = $m\n', 'm { a = 1kbb }\nmax_conn = $m\n', 'full');
  quick('a key renamed on a line that reads a variable defined above', 'L: 1MB\nmax_payload: $L\n', 'L: 1MB\nmax_paylod: $L\n', 'full');
  quick('a key read through a variable renamed', 'LIMIT: 1MB\nmax_payload: $LIMIT\n', 'LIMT: 1MB\nmax_payload: $LIMIT\n', 'full');
  quick('a listener key renamed', 'host: 0.0.0.0\nport: 4222\n', 'host: 0.0.0.0\nprt: 4222\n', 'full');
  quick('a key renamed into one the listener rules read', 'leafnodes {\n  port: 7422\n  tsl: { verify: true }\n}\n', 'leafnodes {\n  port: 7422\n  tls: { verify: true }\n}\n', 'full');
  quick('a key in an authorization block (conflicting keys)', 'authorization {\n  token: "t0k3n"\n  timeout: 2\n}\n', 'authorization {\n  token: "t0k3n"\n  timout: 2\n}\n', 'full');
  quick('an account renamed', 'accounts {\n  A: { jetstream: enabled }\n}\nsystem_account: A\n', 'accounts {\n  B: { jetstream: enabled }\n}\nsystem_account: A\n', 'full');
  quick('a key renamed to a block key', 'max_payload: 1MB\n', 'cluster: 1MB\n', 'full');
  quick('a key renamed in a block with an include', 'cluster {\n  name: a\n  include "c.conf"\n}\n', 'cluster {\n  nam: a\n  include "c.conf"\n}\n', 'full', { files: { '/cfg/c.conf': 'port: 6222\n' } });
  quick('a key renamed to `include` with a separator (a key, not an include)', 'max_payload: "c.conf"\n', 'include: "c.conf"\n', 'quick', { files: { '/cfg/c.conf': 'port: 6222\n' }, findsSomething: true });
  quick('a key renamed to `include` without a separator (an include)', 'max_payload "c.conf"\n', 'include "c.conf"\n', 'full', { files: { '/cfg/c.conf': 'port: 6222\n' } });

  it('a value edit, a rename and a rename back, each after the other', () => {
    const service = serviceOver(createMemoryFileSystem({}));
    const texts = ['max_payload: 1MB\nmax_pending: 2MB\n', 'max_payload: 1MB\nmax_pendin: 2MB\n', 'max_payload: 1M\nmax_pendin: 2MB\n', 'max_payload: 1M\nmax_pendin: 2MBx\n', 'max_payload: 1M\nmax_pending: 2MBx\n'];
    service.doValidation(TextDocument.create(URI, 'nats-conf', 1, texts[0]));
    texts.slice(1).forEach((text, index) => assert.deepEqual(service.quickValidation(TextDocument.create(URI, 'nats-conf', index + 2, text)), fullCheck(text), `step ${index + 1}`));
  });

  it('two keys renamed one after the other into the same name: the second is declined', () => {
    const service = serviceOver(createMemoryFileSystem({}));
    service.doValidation(TextDocument.create(URI, 'nats-conf', 1, 'max_payload: 1MB\nmax_pending: 2MB\n'));
    const first = 'max_payload: 1MB\nmax_pendin: 2MB\n';
    assert.deepEqual(service.quickValidation(TextDocument.create(URI, 'nats-conf', 2, first)), fullCheck(first));
    // The tree still says max_pending on line 2: the guard must read the line as it is now.
    assert.equal(service.quickValidation(TextDocument.create(URI, 'nats-conf', 3, 'max_pendin: 1MB\nmax_pendin: 2MB\n')), undefined);
  });
});

describe("quick check: a listener's own value", () => {
  // Where a listener binds and who gets in without credentials are read by the listener rules with
  // the rest of the file (authorization blocks, accounts' users, TLS). For these values the listener
  // rules run again on the last full check's evaluation with the value replaced.
  const cluster = (host: string, port = '6222', extra = '') => `cluster {\n  name: c\n  host: ${host}\n  port: ${port}\n}\n${extra}`;
  quick('a cluster opened to all interfaces', cluster('127.0.0.1'), cluster('0.0.0.0'), 'quick', { findsSomething: true });
  quick('a cluster closed to a private address', cluster('0.0.0.0'), cluster('127.0.0.1'), 'quick');
  quick('a cluster port typed digit by digit', cluster('0.0.0.0'), [cluster('0.0.0.0', '622'), cluster('0.0.0.0', '62'), cluster('0.0.0.0', '623'), cluster('0.0.0.0', '6230')], 'quick', { findsSomething: true });
  quick('a cluster opened, with credentials', cluster('127.0.0.1', '6222', '').replace('  port: 6222\n', '  port: 6222\n  authorization { user: r, password: "$2a$11$PWIFAL8RPZ3hzrMZUvqTce5Fc.Ww/NNd2nHNNiKpmNxXb6zOHbT0a" }\n'), cluster('0.0.0.0', '6222', '').replace('  port: 6222\n', '  port: 6222\n  authorization { user: r, password: "$2a$11$PWIFAL8RPZ3hzrMZUvqTce5Fc.Ww/NNd2nHNNiKpmNxXb6zOHbT0a" }\n'), 'quick');
  quick('a cluster listen address', 'cluster {\n  listen: 127.0.0.1:6222\n}\n', ['cluster {\n  listen: 0.0.0.0:6222\n}\n', 'cluster {\n  listen: 0.0.0.0:6223\n}\n'], 'quick', { findsSomething: true });
  quick('a leaf listener opened where accounts have users', `leafnodes {\n  host: 127.0.0.1\n  port: 7422\n}\naccounts {\n  A {\n    users: [ { user: a, password: "${BCRYPT}" } ]\n  }\n}\n`, `leafnodes {\n  host: 0.0.0.0\n  port: 7422\n}\naccounts {\n  A {\n    users: [ { user: a, password: "${BCRYPT}" } ]\n  }\n}\n`, 'quick');
  quick('a leaf listener opened where nobody needs credentials', 'leafnodes {\n  host: 127.0.0.1\n  port: 7422\n}\n', 'leafnodes {\n  host: 0.0.0.0\n  port: 7422\n}\n', 'quick', { findsSomething: true });
  quick('no_auth_user on the client listener', 'host: 0.0.0.0\nno_auth_user: ""\n', ['host: 0.0.0.0\nno_auth_user: "u"\n', 'host: 0.0.0.0\nno_auth_user: "us"\n'], 'quick', { findsSomething: true });
  quick('the client listener opened beside no_auth_user', 'host: 127.0.0.1\nno_auth_user: "u"\n', 'host: 0.0.0.0\nno_auth_user: "u"\n', 'quick', { findsSomething: true });
  quick('no_tls on a websocket listener', 'websocket {\n  port: 8080\n  no_tls: false\n}\n', 'websocket {\n  port: 8080\n  no_tls: true\n}\n', 'quick', { findsSomething: true });
  quick('allow_non_tls beside a tls block', 'tls {\n  cert_file: "c.pem"\n  key_file: "k.pem"\n}\nallow_non_tls: false\n', 'tls {\n  cert_file: "c.pem"\n  key_file: "k.pem"\n}\nallow_non_tls: true\n', 'quick', { findsSomething: true });
  quick('a listener suppressed by a comment', '# nats-lattice-disable-next-line open-listener-without-auth\ncluster {\n  host: 127.0.0.1\n  port: 6222\n}\n', '# nats-lattice-disable-next-line open-listener-without-auth\ncluster {\n  host: 0.0.0.0\n  port: 6222\n}\n', 'quick');

  it('a listener value after other quick edits, and a port after a port', () => {
    const service = serviceOver(createMemoryFileSystem({}));
    const texts = [cluster('0.0.0.0', '6222', 'max_payload: 1MB\n'), cluster('0.0.0.0', '6222', 'max_payload: 2MB\n'), cluster('0.0.0.0', '6223', 'max_payload: 2MB\n'), cluster('0.0.0.0', '6223', 'max_payloa: 2MB\n'), cluster('127.0.0.1', '6223', 'max_payloa: 2MB\n'), cluster('127.0.0.1', '6224', 'max_payloa: 2MB\n'), cluster('0.0.0.0', '6224', 'max_payloa: 2MB\n')];
    service.doValidation(TextDocument.create(URI, 'nats-conf', 1, texts[0]));
    texts.slice(1).forEach((text, index) => assert.deepEqual(service.quickValidation(TextDocument.create(URI, 'nats-conf', index + 2, text)), fullCheck(text), `step ${index + 1}`));
  });

  quick('verify in a tls block (the TLS rules are not run again)', 'tls {\n  ca_file: "ca.pem"\n  verify: true\n}\n', 'tls {\n  ca_file: "ca.pem"\n  verify: false\n}\n', 'full');
  quick('a listener value two blocks down', 'gateway {\n  name: g\n  tls {\n    insecure: false\n  }\n}\n', 'gateway {\n  name: g\n  tls {\n    insecure: true\n  }\n}\n', 'full');
  quick('a port read through a variable', 'P: 6222\ncluster {\n  host: 0.0.0.0\n  port: $P\n}\n', 'P: 6223\ncluster {\n  host: 0.0.0.0\n  port: $P\n}\n', 'full');
  quick('a port beside an include', 'include "c.conf"\ncluster {\n  host: 0.0.0.0\n  port: 6222\n}\n', 'include "c.conf"\ncluster {\n  host: 0.0.0.0\n  port: 6223\n}\n', 'full', { files: { '/cfg/c.conf': 'debug: true\n' } });
  quick('a port set twice', 'cluster {\n  host: 0.0.0.0\n  port: 6222\n  port: 6223\n}\n', 'cluster {\n  host: 0.0.0.0\n  port: 6224\n  port: 6223\n}\n', 'full');
  quick('a port nats-server rejects', cluster('0.0.0.0'), cluster('0.0.0.0', '99999999999999999999999'), 'full');
  quick('a port in the first of two cluster blocks (the second wins)', cluster('0.0.0.0') + cluster('0.0.0.0'), cluster('0.0.0.0', '6223') + cluster('0.0.0.0'), 'full');
  quick('a port in the second of two cluster blocks written in other case', cluster('0.0.0.0').replace('cluster', 'Cluster') + cluster('0.0.0.0'), cluster('0.0.0.0').replace('cluster', 'Cluster') + cluster('0.0.0.0', '6223'), 'full');
});

describe('quick check: a value read together with its neighbours', () => {
  // The security rules read a value together with other keys of its block (host with no_auth_user,
  // port with no_tls, ca_file with verify). The miniature holds only the value's line, so where the
  // old value gave no finding either way, nothing shows that the new one depends on the neighbours.
  quick('no_auth_user on a listener bound to a private host', 'host: 127.0.0.1\nno_auth_user: ""\n', 'host: 127.0.0.1\nno_auth_user: "u"\n', 'either');
  quick('a cluster host opened to all interfaces', 'cluster {\n  host: 127.0.0.1\n  port: 6222\n}\n', 'cluster {\n  host: 0.0.0.0\n  port: 6222\n}\n', 'either');
  quick('no_tls on a websocket listener with a port', 'websocket {\n  port: 8080\n  no_tls: false\n}\n', 'websocket {\n  port: 8080\n  no_tls: true\n}\n', 'either');
  quick('verify turned off next to a ca_file', 'tls {\n  ca_file: "ca.pem"\n  verify: true\n}\n', 'tls {\n  ca_file: "ca.pem"\n  verify: false\n}\n', 'either');
  // A key without a value in the block stops the full check's security rules there; the miniature has no such key.
  quick('a password next to a key without a value', `authorization {\n  user: u0\n  password: "${BCRYPT}"\n  x\n}\n`, 'authorization {\n  user: u0\n  password: "pw"\n  x\n}\n', 'either');
  quick('a cluster host moved between private addresses', 'cluster {\n  host: 127.0.0.1\n  port: 6222\n}\n', 'cluster {\n  host: 127.0.0.2\n  port: 6222\n}\n', 'either');
});

describe('quick check: the quickCheck setting', () => {
  const tryQuick = (settings: unknown) => {
    const service = createLanguageService({ fs: createMemoryFileSystem({}), env: {}, lookUpProjectFiles: false, settings });
    service.doValidation(TextDocument.create(URI, 'nats-conf', 1, 'write_deadline: "2s"\n'));
    return service.quickValidation(TextDocument.create(URI, 'nats-conf', 2, 'write_deadline: "3x"\n'));
  };
  it('answers by default', () => assert.ok(tryQuick(undefined)));
  it('declines when the setting is false', () => assert.equal(tryQuick({ quickCheck: false }), undefined));
});
