import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bundledServerPath, LspClient } from './lspClient';

// A real workspace folder: the server walks it to build the lattice.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-hosts-'));
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;

const CONF = 'server_name: hub\nlisten: 127.0.0.1:4222\njetstream { store_dir: /tmp/js, domain: hub }\n';
const ENV = 'WASMCLOUD_NATS_HOST=127.0.0.1\nWASMCLOUD_LATTICE=default\nWASMCLOUD_JS_DOMAIN=hub\n';

function positionIn(text: string, needle: string, shift = 0) {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

describe('wasmCloud host sources over stdio (dist/server.js)', () => {
  let client: LspClient;
  const env = { uri: uriOf('wasmcloud.env') };
  const conf = { uri: uriOf('nats.conf') };
  const killOnExit = () => client?.kill();

  before(async () => {
    fs.writeFileSync(path.join(folder, 'nats.conf'), CONF);
    fs.writeFileSync(path.join(folder, 'wasmcloud.env'), ENV);
    process.once('exit', killOnExit);
    client = new LspClient(bundledServerPath());
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {} });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { ...conf, languageId: 'nats-conf', version: 1, text: CONF } });
    client.notify('textDocument/didOpen', { textDocument: { ...env, languageId: 'dotenv', version: 1, text: ENV } });
  });

  after(async () => {
    await client?.close();
    process.removeListener('exit', killOnExit);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('completes the JetStream domain from the NATS config', async () => {
    const list = await client.request('textDocument/completion', { textDocument: env, position: positionIn(ENV, 'WASMCLOUD_JS_DOMAIN=', 'WASMCLOUD_JS_DOMAIN='.length) });
    const items = Array.isArray(list) ? list : list.items;
    assert.deepEqual(items.map((i: { label: string }) => i.label), ['hub']);
    assert.match(items[0].detail, /JetStream domain of hub \(nats\.conf\)/);
  });

  it('completes variable names with documentation', async () => {
    const list = await client.request('textDocument/completion', { textDocument: env, position: { line: 3, character: 0 } });
    const item = list.items.find((i: { label: string }) => i.label === 'WASMCLOUD_CTL_TLS');
    assert.ok(item, 'WASMCLOUD_CTL_TLS offered');
    assert.ok(!list.items.some((i: { label: string }) => i.label === 'WASMCLOUD_JS_DOMAIN'), 'names already set are not offered');
  });

  it('hovers a variable name and a domain value', async () => {
    const name = await client.request('textDocument/hover', { textDocument: env, position: positionIn(ENV, 'WASMCLOUD_LATTICE', 3) });
    assert.match(name.contents.value, /\*\*WASMCLOUD_LATTICE\*\*: Name of the lattice the host joins/);
    const domain = await client.request('textDocument/hover', { textDocument: env, position: positionIn(ENV, '=hub', 2) });
    assert.match(domain.contents.value, /Served by server \*\*hub\*\* \(`nats\.conf`\) line 3/);
  });

  it('goes from the domain value to the server and back', async () => {
    const definition = await client.request('textDocument/definition', { textDocument: env, position: positionIn(ENV, '=hub', 2) });
    assert.deepEqual(definition.map((l: { uri: string; range: { start: { line: number } } }) => [l.uri, l.range.start.line]), [[conf.uri, 2]]);
    const references = await client.request('textDocument/references', { textDocument: conf, position: positionIn(CONF, 'domain: hub', 9), context: { includeDeclaration: false } });
    assert.deepEqual(references.map((l: { uri: string; range: { start: { line: number } } }) => [l.uri, l.range.start.line]), [[env.uri, 2]]);
  });

  it('shows a cross-file finding in the env file when the NATS config changes, and a value finding when the env file does', async () => {
    const mark = client.received.length;
    client.notify('textDocument/didChange', {
      textDocument: { ...conf, version: 2 },
      contentChanges: [{ range: { start: positionIn(CONF, 'domain: hub', 8), end: positionIn(CONF, 'domain: hub', 11) }, text: 'core' }],
    });
    const unknown = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === env.uri && p.diagnostics.some((d: { code: string }) => d.code === 'js-domain-unknown'), mark);
    const finding = unknown.params.diagnostics.find((d: { code: string }) => d.code === 'js-domain-unknown');
    assert.equal(finding.range.start.line, 2);

    const next = client.received.length;
    client.notify('textDocument/didChange', {
      textDocument: { ...env, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'WASMCLOUD_CTL_TLS=yes\n' }],
    });
    const invalid = await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === env.uri && p.diagnostics.some((d: { code: string }) => d.code === 'wasmcloud-env-invalid'), next);
    const tls = invalid.params.diagnostics.find((d: { code: string }) => d.code === 'wasmcloud-env-invalid');
    assert.deepEqual(tls.range, { start: { line: 3, character: 18 }, end: { line: 3, character: 21 } });
    assert.deepEqual(tls.data.fixes.map((f: { newText: string }) => f.newText), ['true']);
  });
});
