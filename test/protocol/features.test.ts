import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bundledServerPath, LspClient } from './lspClient';

// Real files on disk: the include, its completion and the cross-file rename read them.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-features-'));
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;

const VARS = 'LEAF_PORT = 7422\n';
const MAIN = [
  '# hub server',
  '# with a leaf listener',
  'include "vars.conf"',
  'PORT = 4222',
  'port: $PORT',
  'jetstream {',
  '  max_mem: 1GB',
  '  ',
  '}',
  'leafnodes {',
  '  port: $LEAF_PORT',
  '  remotes [',
  '    { url: "nats://hub:7422" }',
  '  ]',
  '}',
  'authorization { password: "hunter2" }',
  '',
].join('\n');

/** `text` with LSP text edits applied (they do not overlap; applied from the end). */
function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] | null): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: { line: number; character: number }) => lineStarts[position.line] + position.character;
  const sorted = [...(edits ?? [])].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
  return text;
}

/** Position of the `nth` occurrence of `needle` in MAIN, plus `shift` characters. */
function at(needle: string, shift = 0, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = MAIN.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in fixture`);
  const before = MAIN.slice(0, offset + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('editing features over stdio (dist/server.js)', () => {
  let client: LspClient;
  let capabilities: any;
  const textDocument = { uri: uriOf('nats.conf') };
  const killOnExit = () => client?.kill();

  before(async () => {
    fs.writeFileSync(path.join(folder, 'vars.conf'), VARS);
    fs.writeFileSync(path.join(folder, 'nats.conf'), MAIN);
    process.once('exit', killOnExit);
    client = new LspClient(bundledServerPath());
    capabilities = (await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {} })).capabilities;
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { ...textDocument, languageId: 'nats-conf', version: 1, text: MAIN } });
  });

  after(async () => {
    await client?.close();
    process.removeListener('exit', killOnExit);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('announces the editing capabilities', () => {
    for (const name of ['hoverProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'definitionProvider', 'referencesProvider']) {
      assert.ok(capabilities[name], `missing ${name}`);
    }
    assert.deepEqual(capabilities.completionProvider.triggerCharacters, ['$', '/', '"', "'"]);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.ok(capabilities.documentLinkProvider);
  });

  it('hovers a key with the option table and a size with its bytes', async () => {
    const key = await client.request('textDocument/hover', { textDocument, position: at('max_mem', 2) });
    assert.match(key.contents.value, /alias of `jetstream\.max_memory_store`/);
    const size = await client.request('textDocument/hover', { textDocument, position: at('1GB', 1) });
    assert.match(size.contents.value, /1,073,741,824 bytes = 1 GiB/);
    const secret = await client.request('textDocument/hover', { textDocument, position: at('hunter2', 2) });
    assert.doesNotMatch(secret.contents.value, /hunter2/);
    const variable = await client.request('textDocument/hover', { textDocument, position: at('$LEAF_PORT', 2) });
    assert.match(variable.contents.value, /`7422`.*\n\nDefined on line 1 of \[vars\.conf\]/s);
  });

  it('completes the keys of the jetstream block that are not there yet', async () => {
    const list = await client.request('textDocument/completion', { textDocument, position: at('  \n}', 2) });
    const labels = list.items.map((item: any) => item.label);
    assert.ok(labels.includes('store_dir'));
    assert.ok(!labels.includes('max_memory_store'));
    const cipher = list.items.find((item: any) => item.label === 'cipher');
    assert.equal(cipher.textEdit.newText, 'cipher: ${1|chachapoly,chacha,aes|}');
    assert.equal(cipher.insertTextFormat, 2);
  });

  it('outlines the document', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument });
    assert.deepEqual(symbols.map((s: any) => s.name), ['include vars.conf', 'PORT', 'port', 'jetstream', 'leafnodes', 'authorization']);
    const remotes = symbols[4].children.find((s: any) => s.name === 'remotes');
    assert.equal(remotes.children[0].name, '[0] nats://hub:7422');
  });

  it('folds blocks, lists and the comment header', async () => {
    const ranges = await client.request('textDocument/foldingRange', { textDocument });
    assert.deepEqual(ranges.map((r: any) => `${r.startLine}-${r.endLine}${r.kind ? ' ' + r.kind : ''}`), ['0-1 comment', '5-7', '9-13', '11-12']);
  });

  it('expands a selection from a value outwards', async () => {
    const [selection] = await client.request('textDocument/selectionRange', { textDocument, positions: [at('1GB', 1)] });
    const lines: number[] = [];
    for (let r = selection; r; r = r.parent) lines.push(r.range.end.line - r.range.start.line);
    assert.deepEqual(lines.slice(0, 2), [0, 0]);
    assert.ok(lines.length >= 4);
  });

  it('goes from a variable to its definition, also in an included file', async () => {
    const local = await client.request('textDocument/definition', { textDocument, position: at('$PORT', 2) });
    assert.deepEqual(local, [{ uri: textDocument.uri, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } } }]);
    const included = await client.request('textDocument/definition', { textDocument, position: at('$LEAF_PORT', 2) });
    assert.deepEqual(included, [{ uri: uriOf('vars.conf'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } } }]);
    const file = await client.request('textDocument/definition', { textDocument, position: at('vars.conf', 2) });
    assert.deepEqual(file, [{ uri: uriOf('vars.conf'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });

  it('finds the references of a variable', async () => {
    const refs = await client.request('textDocument/references', { textDocument, position: at('PORT = ', 1), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((l: any) => `${l.range.start.line}:${l.range.start.character}`), ['3:0', '4:6']);
  });

  it('links the include to its file', async () => {
    const links = await client.request('textDocument/documentLink', { textDocument });
    assert.deepEqual(links.map((l: any) => l.target), [uriOf('vars.conf')]);
  });

  it('renames a variable across the include, and refuses to rename an option', async () => {
    const prepared = await client.request('textDocument/prepareRename', { textDocument, position: at('$LEAF_PORT', 3) });
    assert.equal(prepared.placeholder, 'LEAF_PORT');
    const edit = await client.request('textDocument/rename', { textDocument, position: at('$LEAF_PORT', 3), newName: 'EDGE_PORT' });
    assert.deepEqual(Object.keys(edit.changes).sort(), [textDocument.uri, uriOf('vars.conf')].sort());
    assert.deepEqual(edit.changes[uriOf('vars.conf')], [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } }, newText: 'EDGE_PORT' }]);
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument, position: at('jetstream', 2) }), /Only variables|not used as a variable|nats-server option/);
  });

  it('formats a whole document, a range, and a block as its `}` is typed', async () => {
    const messy = { uri: uriOf('messy.conf') };
    const text = 'port=4222\njetstream {\nmax_mem:   1GB   # memory\n      store_dir = "/data"\n}\ncluster {\nname: c1\n}\n';
    client.notify('textDocument/didOpen', { textDocument: { ...messy, languageId: 'nats-conf', version: 1, text } });
    const options = { tabSize: 2, insertSpaces: true };
    const whole = await client.request('textDocument/formatting', { textDocument: messy, options });
    assert.equal(applyEdits(text, whole), 'port: 4222\njetstream {\n  max_mem: 1GB # memory\n  store_dir: "/data"\n}\ncluster {\n  name: c1\n}\n');
    const clusterOnly = { start: { line: 5, character: 0 }, end: { line: 7, character: 1 } };
    const range = await client.request('textDocument/rangeFormatting', { textDocument: messy, range: clusterOnly, options });
    assert.equal(applyEdits(text, range), 'port=4222\njetstream {\nmax_mem:   1GB   # memory\n      store_dir = "/data"\n}\ncluster {\n  name: c1\n}\n');
    const onType = await client.request('textDocument/onTypeFormatting', { textDocument: messy, position: { line: 4, character: 1 }, ch: '}', options });
    assert.equal(applyEdits(text, onType), 'port=4222\njetstream {\n  max_mem: 1GB # memory\n  store_dir: "/data"\n}\ncluster {\nname: c1\n}\n');
    client.notify('textDocument/didClose', { textDocument: messy });
  });

  it('answers nothing for documents it does not know', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: uriOf('unknown.conf') }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    assert.equal(client.serverErrors.includes('failed'), false, client.serverErrors);
  });
});
