// The extension and the CLI never open a network connection and never run anything from the
// workspace; secrets never reach hovers, outlines, diagnostics or CLI output; and the language
// server survives a long random editing session with bounded memory.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledServerPath, delay, LspClient } from '../protocol/lspClient';
import { createLanguageService } from '../../server/src/service';
import { createMemoryFileSystem } from '../../server/src/memoryFileSystem';
import { contextFromFileSystem, createConfigDocument } from '../../server/src/features/document';
import { doHover } from '../../server/src/features/hover';
import { doComplete } from '../../server/src/features/completion';
import { findDocumentSymbols } from '../../server/src/features/symbols';
import { pathToUri } from '../../server/src/uri';
import { generator } from '../support/fuzzInputs';

const ROOT = process.cwd();
const PRELOAD = path.join(ROOT, 'test/support/noNetwork.js');
const CLI = path.join(ROOT, 'dist/cli.js');

function withNetworkLog<T>(work: (env: NodeJS.ProcessEnv, log: string) => T): T {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-net-'));
  const log = path.join(folder, 'attempts.log');
  try {
    return work({ ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, NATS_LATTICE_NETWORK_LOG: log }, log);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const attempts = (log: string) => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '');

describe('no network access', () => {
  it('the preload really refuses connections (self-check)', () => {
    withNetworkLog((env, log) => {
      const run = spawnSync(process.execPath, ['-e', 'try { require("net").connect(1, "127.0.0.1") } catch {}'], { env, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(attempts(log), /net\.connect/);
    });
  });

  it('the CLI checks the example workspace without opening a connection', { skip: !fs.existsSync(CLI) && 'dist/cli.js not built' }, () => {
    withNetworkLog((env, log) => {
      const run = spawnSync(process.execPath, [CLI, 'check', path.join(ROOT, 'examples')], { env, encoding: 'utf8', timeout: 60_000 });
      assert.ok([0, 1].includes(run.status ?? -1), `CLI exit ${run.status}: ${run.stderr}`);
      assert.equal(attempts(log), '');
    });
  });

  it('the language server answers a session without opening a connection', { skip: !fs.existsSync(bundledServerPath()) && 'dist/server.js not built' }, async () => {
    await withNetworkLog(async (env, log) => {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      const client = new LspClient(bundledServerPath(), 30_000);
      Object.assign(process.env, saved);
      if (!('NODE_OPTIONS' in saved)) delete process.env.NODE_OPTIONS;
      if (!('NATS_LATTICE_NETWORK_LOG' in saved)) delete process.env.NATS_LATTICE_NETWORK_LOG;
      try {
        const folder = path.join(ROOT, 'examples', 'hub');
        await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {} });
        client.notify('initialized', {});
        for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.conf'))) {
          const uri = pathToFileURL(path.join(folder, name)).href;
          client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nats-conf', version: 1, text: fs.readFileSync(path.join(folder, name), 'utf8') } });
          await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
          await client.request('textDocument/documentLink', { textDocument: { uri } });
          await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        }
        await delay(1000); // let debounced validation and any workspace scan run
      } finally {
        await client.close();
      }
      assert.equal(attempts(log), '');
    });
  });
});

describe('nothing from the workspace is run', () => {
  it('server/src uses child_process only in the opt-in nats-server validation', () => {
    const offenders: string[] = [];
    const stack = [path.join(ROOT, 'server/src')];
    while (stack.length) {
      const folder = stack.pop()!;
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) stack.push(full);
        else if (entry.name.endsWith('.ts') && /child_process|\bexecSync\b|\bspawnSync?\(|\bexecFile\b|worker_threads|\beval\(|new Function\(/.test(fs.readFileSync(full, 'utf8'))) {
          offenders.push(path.relative(ROOT, full));
        }
      }
    }
    const allowed = offenders.filter((file) => file.startsWith(path.join('server', 'src', 'validation') + path.sep));
    assert.deepEqual(offenders.filter((file) => !allowed.includes(file)), [], 'only server/src/validation/ (the opt-in nats-server check) may start processes');
  });
});

describe('secrets never leave the file', () => {
  const SEED = 'SUAM3EWDUJNQIWM6ZVL7QI3VJ2XUU6NMHZCVNFIFJXOLUJNFU5GSHGGU5M';
  const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJzdWIiOiJVQUJDIn0.c2lnbmF0dXJlLXNlY3JldA';
  const PASSWORD = 'hunter2-very-secret';
  const TOKEN = 'tok-very-secret-42';
  const SECRETS = [SEED, JWT, PASSWORD, TOKEN];
  const text = [
    'authorization {',
    `  users = [ { user: alice, password: "${PASSWORD}" }, { user: bob, password: ${PASSWORD}x } ]`,
    '}',
    `leafnodes { authorization { user: leaf, password: "${PASSWORD}" }, remotes [ { url: "nats://u:${PASSWORD}@hub:7422" } ] }`,
    `websocket { port: 8080, no_tls: true, authorization { token: "${TOKEN}" } }`,
    `cluster { authorization { user: r, password: ${PASSWORD}, token: ${TOKEN} } }`,
    `accounts { A { users [ { nkey: ${SEED} }, { nkey: "${JWT}" } ] } }`,
    `pass_var = "${PASSWORD}"`,
    `mqtt { authorization { password: [ "${PASSWORD}" ] } }`,
    `operator: ${SEED}`,
    `resolver_preload { ADH4WNKKRUCDBAAQ3JIDQXE5QIPRAZWTKJTIGL3FH5UMBG5GQXCGSMXA: "${JWT}" }`,
    '',
  ].join('\n');
  const file = '/sec/nats.conf';

  const leaked = (output: string) => SECRETS.filter((secret) => output.includes(secret));

  it('diagnostics do not quote secrets', () => {
    const service = createLanguageService({ fs: createMemoryFileSystem({ [file]: text }) });
    const diagnostics = service.doValidation(TextDocument.create(pathToUri(file), 'nats-conf', 1, text));
    assert.deepEqual(leaked(JSON.stringify(diagnostics)), []);
  });

  it('hovers and completion at every offset, and the outline, do not show secrets', () => {
    const doc = createConfigDocument(pathToUri(file), file, text);
    const ctx = contextFromFileSystem(createMemoryFileSystem({ [file]: text }), { document: doc });
    assert.deepEqual(leaked(JSON.stringify(findDocumentSymbols(doc))), [], 'outline');
    for (let offset = 0; offset <= text.length; offset++) {
      const position = doc.lines.positionAt(offset);
      const shown = JSON.stringify(doHover(doc, position, ctx)) + (offset % 7 === 0 ? JSON.stringify(doComplete(doc, position, ctx).items.map((i) => [i.label, i.detail, i.documentation])) : '');
      assert.deepEqual(leaked(shown), [], `at offset ${offset} (${JSON.stringify(text.slice(offset - 5, offset + 5))})`);
    }
  });

  it('CLI output (text and JSON) does not quote secrets', { skip: !fs.existsSync(CLI) && 'dist/cli.js not built' }, () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-sec-'));
    try {
      fs.writeFileSync(path.join(folder, 'nats.conf'), text);
      fs.writeFileSync(path.join(folder, 'host.env'), `WASMCLOUD_CTL_SEED=${SEED}\nWASMCLOUD_CTL_JWT=${JWT}\nWASMCLOUD_NATS_HOST=127.0.0.1\n`);
      for (const format of [[], ['--format', 'json']]) {
        const run = spawnSync(process.execPath, [CLI, 'check', ...format, folder], { encoding: 'utf8', timeout: 60_000 });
        assert.ok(run.stdout.length > 0, run.stderr);
        assert.deepEqual(leaked(run.stdout + run.stderr), [], `format ${format.join(' ') || 'text'}`);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('soak: 10,000 random edits and requests over stdio', { skip: !fs.existsSync(bundledServerPath()) && 'dist/server.js not built' }, () => {
  let client: LspClient;
  before(() => { client = new LspClient(bundledServerPath(), 60_000); });
  after(async () => { await client?.close(); });

  const rss = (pid: number) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  };

  it('survives with bounded memory', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
    const pid = (client as unknown as { child: { pid: number } }).child.pid;
    await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    client.notify('initialized', {});
    const uri = pathToFileURL(path.join(os.tmpdir(), 'soak', 'nats.conf')).href;
    let text = 'port: 4222\nleafnodes { port: 7422 }\njetstream { domain: hub }\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nats-conf', version: 1, text } });
    const next = generator(7, 0);
    const pieces = ['{', '}', '[', ']', '"', '\n', ' ', 'a', 'port: 1\n', 'include "x.conf"\n', '$A', 'tls { insecure: true }\n', '#', '(\n'];
    const samples: number[] = [];
    const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/definition', 'textDocument/documentLink'];
    for (let version = 2; version <= 10_001; version++) {
      const at = Math.floor(next() * (text.length + 1));
      const remove = next() < 0.4 ? Math.floor(next() * 8) : 0;
      const insert = next() < 0.7 ? pieces[Math.floor(next() * pieces.length)] : '';
      if (text.length > 20_000) text = text.slice(0, 10_000);
      const doc = TextDocument.create(uri, 'nats-conf', 0, text);
      const range = { start: doc.positionAt(at), end: doc.positionAt(Math.min(text.length, at + remove)) };
      text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
      if (version % 10 === 0) {
        const position = TextDocument.create(uri, 'nats-conf', 0, text).positionAt(Math.floor(next() * (text.length + 1)));
        const method = methods[Math.floor(next() * methods.length)];
        await client.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
      }
      if (version % 1000 === 0) samples.push(rss(pid));
    }
    // The server must still answer, and have kept up with the text.
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) || symbols === null);
    const peak = Math.max(...samples);
    assert.ok(peak < 400 * 1024 * 1024, `server RSS reached ${(peak / 1048576).toFixed(0)} MB: ${samples.map((s) => (s / 1048576).toFixed(0)).join(', ')}`);
    console.log(`soak RSS samples (MB): ${samples.map((s) => (s / 1048576).toFixed(0)).join(', ')}`);
  });
});
