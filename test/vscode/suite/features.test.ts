// The editing features as a person meets them in VS Code: every request goes through VS Code's own
// command (vscode.execute…Provider), so the extension, the language client, the server and VS Code's
// merging of providers (our contributed snippets included) are all in the loop.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, formatDiagnostics, ourDiagnostics, waitFor, activateExtension } from './fixtures';

const SIDECAR_CONFIG = 'lattice/nats-sidecar.conf';
const SIDECAR_ENV = 'lattice/wasmcloud.env';

/** An untitled NATS document from text with one `|` cursor marker, shown in an editor. */
async function openAt(marked: string): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text needs a | cursor marker');
  const document = await vscode.workspace.openTextDocument({ language: 'nats-conf', content: marked.slice(0, offset) + marked.slice(offset + 1) });
  await vscode.window.showTextDocument(document);
  return { document, position: document.positionAt(offset) };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/**
 * Polls a provider command until `accept` likes its answer: the language server starts and
 * answers asynchronously, so the first request may come before it is ready.
 */
async function poll<T>(run: () => Thenable<T>, accept: (value: T) => boolean, describe: (value: T | undefined) => string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await run();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position, mustHave: string[]): Promise<vscode.CompletionItem[]> {
  const list = await poll(
    () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position),
    (l) => mustHave.every((label) => l.items.some((item) => labelOf(item) === label)),
    (l) => `completion lacks ${mustHave.filter((label) => !l?.items.some((item) => labelOf(item) === label)).join(', ')}; offered: ${l?.items.map(labelOf).slice(0, 60).join(', ')}`,
  );
  return list.items;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function replaceIn(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const offset = document.getText().indexOf(from);
  assert.ok(offset >= 0, `${JSON.stringify(from)} is not in ${document.uri.fsPath}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code refused the edit');
}

describe('editing features in VS Code', () => {
  before(activateExtension);

  afterEach(closeAllEditors);

  it('completion offers the keys of the block, with our snippets for that block', async () => {
    const { document, position } = await openAt('port: 4222\nleafnodes {\n  |\n}\n');
    const items = await completionLabels(document, position, ['remotes', 'leaf-remote']);
    assert.ok(!items.some((i) => labelOf(i) === 'max_payload'), 'max_payload is a top-level key, not one of leafnodes');
    const snippet = items.find((i) => labelOf(i) === 'leaf-remote' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippet, 'leaf-remote is offered as a snippet');
  });

  it('completion at the top level offers the wasmCloud snippets', async () => {
    const { document, position } = await openAt('port: 4222\nwasm|');
    await completionLabels(document, position, ['wasmcloud-hub', 'wasmcloud-leaf']);
  });

  it('the env-file snippet is offered in a .env file, as VS Code names its language', async () => {
    const languages = await vscode.languages.getLanguages();
    const document = await vscode.workspace.openTextDocument(fixtureUri(SIDECAR_ENV));
    assert.ok(['dotenv', 'properties'].includes(document.languageId), `wasmcloud.env opened as ${document.languageId}; known: ${languages.filter((l) => /env|prop|shell/.test(l)).join(', ')}`);
    await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    const items = await completionLabels(document, end, ['wasmcloud-host']);
    const snippet = items.find((i) => labelOf(i) === 'wasmcloud-host')!;
    const body = snippet.insertText instanceof vscode.SnippetString ? snippet.insertText.value : String(snippet.insertText);
    assert.match(body, /WASMCLOUD_NATS_HOST=\$\{1:127\.0\.0\.1\}\nWASMCLOUD_NATS_PORT=\$\{2:4222\}\nWASMCLOUD_JS_DOMAIN=\$\{3:hub\}\nWASMCLOUD_LATTICE=\$\{4:default\}/);
  });

  it('hover explains an option', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('nats.conf'));
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('jetstream {') + 2);
    const hovers = await poll(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      (h) => /jetstream/i.test(hoverText(h)),
      (h) => `hover on jetstream: ${h ? hoverText(h) || 'none' : 'none'}`,
    );
    assert.ok(hoverText(hovers).length > 40, `a real explanation, got: ${hoverText(hovers)}`);
  });

  it('go to definition jumps from $variable to the key defining it', async () => {
    const { document, position } = await openAt('TOKEN: "s3cr3t"\nauthorization {\n  token: $TO|KEN\n}\n');
    const locations = await poll(
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position),
      (l) => l.length > 0,
      () => 'no definition for $TOKEN',
    );
    const target = locations[0];
    const range = 'targetRange' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    assert.equal(uri.toString(), document.uri.toString());
    assert.equal(range.start.line, 0);
    assert.equal(document.getText(range).startsWith('TOKEN'), true, `points at ${document.getText(range)}`);
  });

  it('document symbols outline the blocks and their keys', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('nats.conf'));
    const symbols = await poll(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
      (s) => (s?.length ?? 0) > 0,
      () => 'no document symbols for nats.conf',
    );
    const names = symbols.map((s) => s.name);
    for (const name of ['server_name', 'listen', 'jetstream']) assert.ok(names.includes(name), `outline lacks ${name}: ${names.join(', ')}`);
    const jetstream = symbols.find((s) => s.name === 'jetstream')!;
    assert.ok(jetstream.children.some((c) => c.name === 'domain'), `jetstream's children: ${jetstream.children.map((c) => c.name).join(', ')}`);
  });

  it('semantic tokens tell options, variable definitions and references apart', async () => {
    const { document } = await openAt('TOKEN: "s3cr3t"\nauthorization { token: $TOKEN }|\n');
    const legend = await poll(
      () => vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri),
      (l) => l !== undefined && l.tokenTypes.length > 0,
      () => 'no semantic tokens legend: is semanticTokensProvider announced?',
    );
    const tokens = await poll(
      () => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri),
      (t) => (t?.data.length ?? 0) > 0,
      () => 'no semantic tokens',
    );
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens!.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type, modifiers] = tokens!.data.slice(i, i + 5);
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      const names = legend!.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
      const text = document.getText(new vscode.Range(line, character, line, character + length));
      decoded.push([legend!.tokenTypes[type], ...names].join('.') + ` ${text}`);
    }
    assert.deepEqual(decoded, ['variable.declaration TOKEN', 'property authorization', 'property token', 'variable $TOKEN']);
  });

  it('a quick fix in the env file repairs the JetStream domain', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri(SIDECAR_ENV));
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor(
      () => ourDiagnostics(document.uri).find((d) => d.code === 'js-domain-unknown'),
      () => `no js-domain-unknown in ${SIDECAR_ENV}; seen: ${formatDiagnostics(ourDiagnostics(document.uri))}`,
      30_000,
    );
    const actions = await poll(
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value),
      (a) => a.some((action) => action.title.includes("'sidecar'")),
      (a) => `quick fixes offered: ${a?.map((action) => action.title).join('; ') || 'none'}`,
    );
    const fix = actions.find((action) => action.title.includes("'sidecar'"))!;
    assert.ok(fix.edit, `${fix.title} carries an edit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code applied the quick fix');
    assert.match(document.getText(), /^WASMCLOUD_JS_DOMAIN=sidecar$/m);
    await waitFor(
      () => (ourDiagnostics(document.uri).some((d) => d.code === 'js-domain-unknown') ? undefined : true),
      () => `the finding stayed after the fix: ${formatDiagnostics(ourDiagnostics(document.uri))}`,
      30_000,
    );
  });

  it('editing a NATS config (unsaved) changes the diagnostics of the env file that connects to it', async () => {
    const env = fixtureUri(SIDECAR_ENV);
    await waitFor(
      () => ourDiagnostics(env).find((d) => d.code === 'js-domain-unknown'),
      () => `no js-domain-unknown in ${SIDECAR_ENV} to begin with; seen: ${formatDiagnostics(ourDiagnostics(env))}`,
      30_000,
    );
    const config = await vscode.workspace.openTextDocument(fixtureUri(SIDECAR_CONFIG));
    await vscode.window.showTextDocument(config);
    // Give the server the host's spelling: the env file's finding must go, though nothing was saved.
    await replaceIn(config, 'domain: sidecar', 'domain: sidecra');
    assert.ok(config.isDirty, 'the config is edited, not saved');
    await waitFor(
      () => (ourDiagnostics(env).some((d) => d.code === 'js-domain-unknown') ? undefined : true),
      () => `the env file still reports: ${formatDiagnostics(ourDiagnostics(env))}`,
      30_000,
    );
    // And back: the finding returns.
    await replaceIn(config, 'domain: sidecra', 'domain: sidecar');
    await waitFor(
      () => ourDiagnostics(env).find((d) => d.code === 'js-domain-unknown'),
      () => `the finding did not come back: ${formatDiagnostics(ourDiagnostics(env))}`,
      30_000,
    );
  });

  it('natsLattice.checkWorkspace re-checks and names the lattice state for the status bar', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('natsLattice.checkWorkspace'), 'natsLattice.checkWorkspace is registered');
    const result = await vscode.commands.executeCommand<{ summary: { servers: number; hosts: number; problems: number }; text: string } | undefined>('natsLattice.checkWorkspace');
    assert.ok(result, 'the command answered with the lattice summary');
    assert.ok(result.summary.servers >= 5, `servers found: ${result.summary.servers}`);
    assert.ok(result.summary.hosts >= 1, `hosts found: ${result.summary.hosts}`);
    assert.ok(result.summary.problems >= 1, 'the sidecar domain mismatch counts as a problem');
    assert.match(result.text, /^NATS: \d+ servers · \d+ hosts? · \d+ problems?$/);
  });
});
