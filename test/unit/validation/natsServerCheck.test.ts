import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/syntax/parser';
import { pathToUri } from '../../../server/src/uri';
import {
  findingsToDiagnostics, mergeDiagnostics, parseNatsServerOutput, readNatsServerCheckSettings, runNatsServerCheck,
} from '../../../server/src/validation/natsServerCheck';
import { NatsServerValidation } from '../../../server/src/validation/natsServerOnSave';

const natsServer = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-validation-test-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeFiles(folder: string, files: Record<string, string>): string {
  const dir = path.join(scratch, folder);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A range as "line:char-line:char" (0-based), the text it covers, and the message. */
function summary(text: string, diagnostics: Diagnostic[]): string[] {
  const document = TextDocument.create('file:///x', 'nats-conf', 1, text);
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${JSON.stringify(document.getText(d.range))} ${typeof d.message === 'string' ? d.message : d.message.value}`).sort();
}

/** Runs the real nats-server on `main` (with the other files beside it) and maps what it says. */
async function checks(name: string, files: Record<string, string>, expected: string[]) {
  it(name, { skip: natsServer === '' && 'nats-server is not installed' }, async () => {
    const dir = writeFiles(name.replace(/\W+/g, '-'), files);
    const file = path.join(dir, 'main.conf');
    const includes = Object.keys(files).filter((f) => f !== 'main.conf').map((f) => path.join(dir, f));
    const outcome = await runNatsServerCheck({ program: natsServer, file, text: files['main.conf'], includes });
    const diagnostics = outcome.kind === 'findings' ? findingsToDiagnostics(outcome.findings, file, parse(files['main.conf'])) : [];
    if (expected.length === 0) assert.equal(outcome.kind, 'valid', JSON.stringify(outcome));
    assert.deepEqual(summary(files['main.conf'], diagnostics), [...expected].sort());
    for (const d of diagnostics) assert.equal(d.source, 'nats-server');
  });
}

describe('nats-server -t, for real', () => {
  checks('a valid file gives nothing', { 'main.conf': 'port: 4222\ncluster {\n  name: c1\n  port: 6222\n}\n' }, []);
  checks('option errors map to their entries (column 0-based on line 1, 1-based after)', {
    'main.conf': 'unknown_first: 1\nport: 4222\nfoo_bar = "x"\ncluster {\n  bogus: 2\n}\n',
  }, [
    '0:0-0:16 "unknown_first: 1" unknown field "unknown_first"',
    '2:0-2:13 "foo_bar = \\"x\\"" unknown field "foo_bar"',
    '4:2-4:10 "bogus: 2" unknown field "bogus"',
  ]);
  checks('a lexer error covers its line', { 'main.conf': 'a = [1, 2\n  b = }\n' }, [
    '1:2-1:7 "b = }" Expected an array value terminator "," or an array terminator "]", but got \'=\' instead.',
  ]);
  checks('errors in an included file are named on line 1', { 'main.conf': 'port: 4222\ninclude "sub/inc.conf"\n', 'sub/inc.conf': 'zzz: 1\n' }, [
    `0:0-0:10 "port: 4222" In ${path.join(scratch, 'errors-in-an-included-file-are-named-on-line-1', 'sub', 'inc.conf')} line 1: unknown field "zzz"`,
  ]);
  it('an include that cannot be opened points at the include line', { skip: natsServer === '' && 'nats-server is not installed' }, async () => {
    const dir = writeFiles('missing-include', { 'main.conf': 'port: 4222\ninclude "missing.conf"\n' });
    const text = 'port: 4222\ninclude "missing.conf"\n';
    const outcome = await runNatsServerCheck({ program: natsServer, file: path.join(dir, 'main.conf'), text, includes: [] });
    assert.equal(outcome.kind, 'findings');
    const diagnostics = outcome.kind === 'findings' ? findingsToDiagnostics(outcome.findings, path.join(dir, 'main.conf'), parse(text)) : [];
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } });
    assert.match(String(diagnostics[0].message), /^In included file missing\.conf: open .*missing\.conf: no such file or directory$/);
  });
  it('checks the editor text, not the file on disk', { skip: natsServer === '' && 'nats-server is not installed' }, async () => {
    const dir = writeFiles('unsaved', { 'main.conf': 'port: 4222\n' });
    const outcome = await runNatsServerCheck({ program: natsServer, file: path.join(dir, 'main.conf'), text: 'nonsense_key: 1\n', includes: [] });
    assert.equal(outcome.kind, 'findings');
  });
});

describe('nats-server output', () => {
  const original = (printed: string) => printed;
  it('reads option errors in any order, converting columns', () => {
    const output = 'nats-server: /c/a.conf:5:3: unknown field "b"\n/c/a.conf:1:0: unknown field "a"\n';
    assert.deepEqual(parseNatsServerOutput(output, '/c/a.conf', original), [
      { file: '/c/a.conf', line: 5, character: 2, message: 'unknown field "b"' },
      { file: '/c/a.conf', line: 1, character: 0, message: 'unknown field "a"' },
    ]);
  });
  it('reads a lexer error without a column', () => {
    assert.deepEqual(parseNatsServerOutput("nats-server: Parse error on line 3: 'Expected value but found new line'", '/c/a.conf', original),
      [{ file: '/c/a.conf', line: 3, message: 'Expected value but found new line' }]);
  });
  it('drops missing relative certificate files (only the configurations are copied)', () => {
    const output = 'nats-server: /c/a.conf:4:3: error parsing X509 certificate/key pair: open ./certs/server.pem: no such file or directory';
    assert.deepEqual(parseNatsServerOutput(output, '/c/a.conf', original), []);
  });
  it('reads the settings, nested or dotted', () => {
    assert.deepEqual(readNatsServerCheckSettings({}), { enabled: false, path: 'nats-server' });
    assert.deepEqual(readNatsServerCheckSettings({ validation: { natsServer: { enabled: true, path: '/opt/nats-server' } } }), { enabled: true, path: '/opt/nats-server' });
    assert.deepEqual(readNatsServerCheckSettings({ natsLattice: { 'validation.natsServer.enabled': true } }), { enabled: true, path: 'nats-server' });
  });
});

describe('merging with our diagnostics', () => {
  const at = (line: number, message: string, source: string, code?: string): Diagnostic => ({
    range: { start: { line, character: 0 }, end: { line, character: 5 } }, message, source, code, severity: DiagnosticSeverity.Error,
  });
  it('keeps ours when nats-server says the same on the same line, adds the rest', () => {
    const ours = [at(2, '`foo_bar` is not a nats-server option', 'nats-lattice', 'unknown-option'), at(5, 'Expected value', 'nats-lattice', 'unexpected-newline')];
    const theirs = [at(2, 'unknown field "foo_bar"', 'nats-server'), at(3, 'unknown field "other"', 'nats-server'), at(5, 'Expected value but found new line', 'nats-server')];
    assert.deepEqual(mergeDiagnostics(ours, theirs).map((d) => `${d.range.start.line} ${d.source}`), ['2 nats-lattice', '5 nats-lattice', '3 nats-server']);
  });
});

describe('when nats-server runs', () => {
  function fakeProgram(name: string, script: string): string {
    const program = path.join(scratch, name);
    fs.writeFileSync(program, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    return program;
  }
  function validation(program: string, timeoutMs?: number) {
    const changed: string[] = [];
    const v = new NatsServerValidation({ parse: (d) => parse(d.getText()), dependenciesOf: () => [], changed: (uri) => changed.push(uri), log: () => undefined }, timeoutMs);
    v.configure({ validation: { natsServer: { enabled: true, path: program } } });
    return { v, changed };
  }
  const dir = writeFiles('runs', { 'main.conf': 'port: 4222\n' });
  const document = TextDocument.create(pathToUri(path.join(dir, 'main.conf')), 'nats-conf', 1, 'port: 4222\n');

  it('stops a program that takes longer than the time limit', async () => {
    const started = Date.now();
    const outcome = await runNatsServerCheck({ program: fakeProgram('slow', 'sleep 20'), file: path.join(dir, 'main.conf'), text: 'port: 4222\n', includes: [], timeoutMs: 300 });
    assert.equal(outcome.kind, 'timeout');
    assert.ok(Date.now() - started < 5_000, 'waited for the program instead of stopping it');
  });

  it('never runs in an untrusted workspace, on save or on request', async () => {
    const marker = path.join(scratch, 'ran-untrusted');
    const { v } = validation(fakeProgram('marks', `touch ${marker}; exit 0`));
    await v.onSaved(document);
    const report = await v.check(document);
    assert.equal(report.ran, false);
    assert.match(report.ran ? '' : report.reason, /not trusted/);
    assert.equal(fs.existsSync(marker), false);
  });

  it('runs on save once trusted, and its findings join ours for that version only', async () => {
    const { v, changed } = validation(fakeProgram('finds', `echo "nats-server: $2:1:0: unknown field \\"port\\"" >&2; exit 1`));
    v.setTrusted(true);
    await v.onSaved(document);
    assert.deepEqual(changed, [document.uri]);
    assert.deepEqual(v.merge(document, []).map((d) => d.message), ['unknown field "port"']);
    const edited = TextDocument.update(document, [{ text: 'port: 4223\n' }], 2);
    assert.deepEqual(v.merge(edited, []), []);
  });

  it('does not run on save while the setting is off', async () => {
    const marker = path.join(scratch, 'ran-disabled');
    const { v } = validation(fakeProgram('marks2', `touch ${marker}; exit 0`));
    v.configure({});
    v.setTrusted(true);
    await v.onSaved(document);
    assert.equal(fs.existsSync(marker), false);
  });

  it('says so when the program cannot be started', async () => {
    const outcome = await runNatsServerCheck({ program: path.join(scratch, 'no-such-program'), file: path.join(dir, 'main.conf'), text: '', includes: [] });
    assert.equal(outcome.kind, 'failed');
    assert.match(outcome.kind === 'failed' ? outcome.message : '', /could not run .*natsLattice\.validation\.natsServer\.path/);
  });
});
