import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bundledServerPath, delay, LspClient, Message } from './lspClient';

// The documents need not exist on disk: the server checks the buffers it is sent.
const folder = path.join(os.tmpdir(), 'nats-lattice-protocol');
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;

/** A server name whose closing quote is missing: nats-server stops with "Unexpected EOF". */
const BROKEN = 'port: 4222\nserver_name: "hub\n';
const BROKEN_DIAGNOSTICS = [
  { code: 'unterminated-string', range: { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } } },
  { code: 'unexpected-eof', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } },
];
/** The edit that fixes BROKEN: the closing quote after `"hub`. */
const CLOSE_QUOTE = { range: { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } }, text: '"' };

/** What we compare: the parts of a diagnostic a user sees, in position order. */
function essentials(message: Message) {
  return (message.params.diagnostics as any[]).map((diagnostic) => {
    assert.equal(diagnostic.source, 'nats-lattice');
    assert.equal(diagnostic.severity, 1, `expected an error: ${JSON.stringify(diagnostic)}`);
    return { code: diagnostic.code, range: diagnostic.range };
  });
}

describe('language server over stdio (dist/server.js)', () => {
  let client: LspClient;
  let capabilities: any;
  const killOnExit = () => client?.kill();

  before(async () => {
    process.once('exit', killOnExit);
    client = new LspClient(bundledServerPath());
    const result = await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
      initializationOptions: { natsLattice: { files: { associations: ['*.natscfg'] } } },
    });
    capabilities = result.capabilities;
    client.notify('initialized', {});
  });

  after(async () => {
    await client?.close();
    process.removeListener('exit', killOnExit);
  });

  const open = (name: string, text: string, languageId = 'nats-conf', version = 1) =>
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId, version, text } });
  const change = (name: string, version: number, contentChanges: unknown[]) =>
    client.notify('textDocument/didChange', { textDocument: { uri: uriOf(name), version }, contentChanges });
  const diagnosticsFor = (name: string, accept: (params: any) => boolean = () => true, after = 0) =>
    client.waitForNotification('textDocument/publishDiagnostics', (params) => params.uri === uriOf(name) && accept(params), after);
  const publishedFor = (name: string) =>
    client.received.filter((message) => message.method === 'textDocument/publishDiagnostics' && message.params.uri === uriOf(name));

  it('asks for incremental document sync', () => {
    assert.equal(capabilities.textDocumentSync.change, 2);
    assert.equal(capabilities.textDocumentSync.openClose, true);
  });

  it('publishes precise diagnostics for a broken document and clears them once it is fixed', async () => {
    open('broken.conf', BROKEN);
    const broken = await diagnosticsFor('broken.conf', (params) => params.version === 1);
    assert.deepEqual(essentials(broken), BROKEN_DIAGNOSTICS);

    change('broken.conf', 2, [CLOSE_QUOTE]);
    const fixed = await diagnosticsFor('broken.conf', (params) => params.version === 2);
    assert.deepEqual(fixed.params.diagnostics, []);
  });

  it('publishes only the final version of a rapid sequence of edits', async () => {
    open('rapid.conf', 'port: 4222\n');
    change('rapid.conf', 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'host: "a' }]);
    change('rapid.conf', 3, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: '"\n' }]);
    change('rapid.conf', 4, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'server_name: "hub\n' }]);
    const final = await diagnosticsFor('rapid.conf', (params) => params.version === 4);
    assert.deepEqual(essentials(final), BROKEN_DIAGNOSTICS.map((d) => shiftLines(d, 1)));
    await delay(400); // long enough for any stale validation to have been published
    assert.deepEqual(publishedFor('rapid.conf').map((message) => message.params.version), [4]);
  });

  it('clears diagnostics when a document closes', async () => {
    open('closing.conf', BROKEN);
    await diagnosticsFor('closing.conf', (params) => params.diagnostics.length > 0);
    const mark = client.received.length;
    client.notify('textDocument/didClose', { textDocument: { uri: uriOf('closing.conf') } });
    const cleared = await diagnosticsFor('closing.conf', () => true, mark);
    assert.deepEqual(cleared.params.diagnostics, []);
  });

  it('leaves documents of other languages alone unless an association names them', async () => {
    open('notes.txt', BROKEN, 'plaintext');
    open('hub.natscfg', BROKEN, 'plaintext');
    const associated = await diagnosticsFor('hub.natscfg');
    assert.deepEqual(essentials(associated), BROKEN_DIAGNOSTICS);
    await delay(300);
    assert.deepEqual(publishedFor('notes.txt'), []);
  });

  it('applies association settings pushed by the client', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { natsLattice: { files: { associations: ['deploy/*.cfg'] } } } });
    open('deploy/edge.cfg', BROKEN, 'plaintext');
    const associated = await diagnosticsFor('deploy/edge.cfg');
    assert.deepEqual(essentials(associated), BROKEN_DIAGNOSTICS);
  });

  it('checks an open document again when a file it includes changes', async () => {
    open('nats-main.conf', 'host: 0.0.0.0\ninclude "nats-frag.conf"\n');
    open('nats-frag.conf', BROKEN);
    const failing = await diagnosticsFor('nats-main.conf', (params) => params.diagnostics.length > 0);
    assert.deepEqual(essentials(failing), [
      { code: 'include-has-errors', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } } },
    ]);
    assert.deepEqual(
      failing.params.diagnostics[0].relatedInformation.map((related: any) => related.location.uri),
      [uriOf('nats-frag.conf'), uriOf('nats-frag.conf')],
    );
    const mark = client.received.length;
    change('nats-frag.conf', 2, [CLOSE_QUOTE]);
    const passing = await diagnosticsFor('nats-main.conf', () => true, mark);
    assert.deepEqual(passing.params.diagnostics, []);
  });

  it('answers value edits and renamed keys in a large document as the full check does, and the full check agrees', async () => {
    // Large enough that a full check is not cheap, so the server answers these edits quickly first.
    const users = Array.from({ length: 4000 }, (_, i) => `    { user: u${i}, password: "plain-${i}" }`);
    const text = `max_connections: 100\naccounts {\n  A {\n  users: [\n${users.join('\n')}\n  ]\n  }\n}\n`;
    const lines = text.split('\n');
    open('large.conf', text);
    const first = await diagnosticsFor('large.conf', (params) => params.version === 1);
    const plain = (params: any) => params.diagnostics.filter((d: any) => d.code === 'plaintext-password').length;
    assert.equal(plain(first.params), 4000);
    // A password becomes a bcrypt hash and back; a limit gets an unknown size suffix and back.
    const bcrypt = `"$2a$11$${'x'.repeat(53)}"`;
    const passwordLine = (i: number) => lines.findIndex((line) => line.includes(`user: u${i},`));
    const column = (line: number) => lines[line].indexOf('"plain-');
    const edits = [
      { range: { start: { line: passwordLine(10), character: column(passwordLine(10)) }, end: { line: passwordLine(10), character: column(passwordLine(10)) + '"plain-10"'.length } }, text: bcrypt, plain: 3999 },
      { range: { start: { line: 0, character: 17 }, end: { line: 0, character: 20 } }, text: 'many', plain: 3999 },
      { range: { start: { line: passwordLine(3000), character: column(passwordLine(3000)) }, end: { line: passwordLine(3000), character: column(passwordLine(3000)) + '"plain-3000"'.length } }, text: bcrypt, plain: 3998 },
      { range: { start: { line: passwordLine(10), character: column(passwordLine(10)) }, end: { line: passwordLine(10), character: column(passwordLine(10)) + bcrypt.length } }, text: '"plain-10"', plain: 3999 },
      // Keys renamed: a user's password key (now an unknown key, no longer a password) and a limit's.
      { range: { start: { line: passwordLine(20), character: lines[passwordLine(20)].indexOf('password:') }, end: { line: passwordLine(20), character: lines[passwordLine(20)].indexOf('password:') + 'password'.length } }, text: 'passwd', plain: 3998 },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 'max_connections'.length } }, text: 'max_connectionz', plain: 3998 },
    ];
    for (const [index, edit] of edits.entries()) {
      change('large.conf', index + 2, [{ range: edit.range, text: edit.text }]);
      const published = await diagnosticsFor('large.conf', (params) => params.version === index + 2);
      assert.equal(plain(published.params), edit.plain, `edit ${index + 1}`);
    }
    await delay(600); // the full check of the last version runs once the edits pause
    const versions = publishedFor('large.conf').map((message) => message.params.version);
    assert.deepEqual(versions, [1, 2, 3, 4, 5, 6, 7], 'a second publish of a version means the full check found otherwise');
    const corrections = client.received.filter((message) => message.method === 'window/logMessage' && String(message.params.message).includes('corrected the quick check'));
    assert.deepEqual(corrections, []);
    // The same final text checked from scratch in a document of its own.
    let final = text;
    const finalLines = final.split('\n');
    for (const edit of edits) {
      const line = finalLines[edit.range.start.line];
      finalLines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.text + line.slice(edit.range.end.character);
    }
    final = finalLines.join('\n');
    open('large-fresh.conf', final);
    const fresh = await diagnosticsFor('large-fresh.conf', (params) => params.version === 1);
    const last = publishedFor('large.conf').at(-1)!;
    const comparable = (params: any) => params.diagnostics.map((d: any) => ({ ...d, relatedInformation: undefined, data: undefined }));
    assert.deepEqual(comparable(last.params), comparable(fresh.params));
  });

  it('keeps working after a notification it cannot apply', async () => {
    change('never-opened.conf', 7, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    open('after.conf', BROKEN);
    const published = await diagnosticsFor('after.conf');
    assert.deepEqual(essentials(published), BROKEN_DIAGNOSTICS);
  });
});

describe('language server process over stdio', () => {
  const started = () => {
    const client = new LspClient(bundledServerPath());
    process.once('exit', () => client.kill());
    return client;
  };

  it('exits with 0 after shutdown and exit', async () => {
    const client = started();
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await client.close();
    assert.equal(await client.exitCode, 0);
  });

  it('exits with 1 when the client closes its input without shutting it down', async () => {
    const client = started();
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    client.closeInput();
    const code = await Promise.race([client.exitCode, delay(5000).then(() => 'still running')]);
    client.kill();
    assert.equal(code, 1);
  });
});

function shiftLines<T extends { range: { start: { line: number; character: number }; end: { line: number; character: number } } }>(diagnostic: T, lines: number): T {
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { ...start, line: start.line + lines }, end: { ...end, line: end.line + lines } } };
}
