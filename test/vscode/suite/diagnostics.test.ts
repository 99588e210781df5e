// The language server's syntax diagnostics as VS Code shows them: the right code at the right range
// for a broken document, and gone once an edit fixes the mistake (without saving anything).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, formatDiagnostics, ourDiagnostics, waitFor } from './fixtures';

interface DiagnosticCase {
  name: string;
  /** A fixture file (relative to the workspace), or the text of an untitled nats-conf document. */
  open: { file: string } | { text: string };
  code: string;
  /** Zero-based [startLine, startCharacter, endLine, endCharacter], as vscode.Range has it. */
  range: [number, number, number, number];
  severity?: vscode.DiagnosticSeverity;
  /** The edit that fixes the mistake: the first occurrence of `replace` becomes `with`. */
  fix: { replace: string; with: string };
}

const CASES: DiagnosticCase[] = [
  {
    name: 'unterminated string in a file on disk',
    open: { file: 'broken/nats-unterminated.conf' },
    code: 'unterminated-string',
    range: [1, 13, 1, 18],
    fix: { replace: '"edge\n', with: '"edge"\n' },
  },
  {
    name: 'unclosed map in an untitled document',
    open: { text: 'port: 4222\njetstream {\n  store_dir: "/tmp/js"\n' },
    code: 'unclosed-map',
    range: [1, 10, 1, 11],
    fix: { replace: '"/tmp/js"\n', with: '"/tmp/js"\n}\n' },
  },
  {
    name: 'unclosed array inside a block',
    // A bcrypt hash, so the only problem is the missing bracket (a plain password is a warning).
    open: { text: 'authorization {\n  users = [\n    { user: a, password: "$2a$11$PWIFAL8RsWyGI3jVZtO9Nu8.6jOxzxfZo7c/W0eLk017hjgUKWrhy" }\n}\n' },
    code: 'unclosed-array',
    range: [1, 10, 1, 11],
    fix: { replace: 'hy" }\n', with: 'hy" }\n  ]\n' },
  },
  {
    name: 'stray closing brace is a warning',
    open: { text: 'port: 4222\n}\n' },
    code: 'stray-close-brace',
    range: [1, 0, 1, 1],
    severity: vscode.DiagnosticSeverity.Warning,
    fix: { replace: '}\n', with: '' },
  },
];

async function openCase(open: DiagnosticCase['open']): Promise<vscode.TextDocument> {
  const document =
    'file' in open
      ? await vscode.workspace.openTextDocument(fixtureUri(open.file))
      : await vscode.workspace.openTextDocument({ language: 'nats-conf', content: open.text });
  await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'nats-conf');
  return document;
}

async function replaceFirst(document: vscode.TextDocument, replace: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(replace);
  assert.ok(offset >= 0, `the fix expects ${JSON.stringify(replace)} in ${document.uri.toString()}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    new vscode.Range(document.positionAt(offset), document.positionAt(offset + replace.length)),
    replacement,
  );
  assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code refused the fixing edit');
}

describe('syntax diagnostics', () => {
  afterEach(closeAllEditors);

  for (const testCase of CASES) {
    it(`${testCase.name}: ${testCase.code}, cleared by fixing it`, async () => {
      const document = await openCase(testCase.open);
      const uri = document.uri;

      const diagnostic = await waitFor(
        () => ourDiagnostics(uri).find((d) => d.code === testCase.code),
        () => `no nats-lattice diagnostic with code ${testCase.code} for ${uri.toString()}; seen: ${formatDiagnostics(ourDiagnostics(uri))}`,
      );
      const { start, end } = diagnostic.range;
      assert.deepEqual([start.line, start.character, end.line, end.character], testCase.range, `range of ${formatDiagnostics([diagnostic])}`);
      assert.equal(diagnostic.severity, testCase.severity ?? vscode.DiagnosticSeverity.Error, `severity of ${formatDiagnostics([diagnostic])}`);
      assert.ok(diagnostic.message.length > 20, `a message that says what to write instead, got "${diagnostic.message}"`);

      await replaceFirst(document, testCase.fix.replace, testCase.fix.with);
      await waitFor(
        () => (ourDiagnostics(uri).length === 0 ? true : undefined),
        () => `diagnostics remain after the fix: ${formatDiagnostics(ourDiagnostics(uri))}\n--- text ---\n${document.getText()}`,
      );
    });
  }

  it('valid fixture configurations have no errors', async () => {
    for (const file of ['nats.conf', 'nats-server.conf', 'nats-hub.conf', 'edge.nats.conf', 'nats/leaf.conf']) {
      await vscode.workspace.openTextDocument(fixtureUri(file));
    }
    // A broken document opened alongside proves the server has caught up before we look for silence.
    const broken = await openCase({ text: 'port: 4222\nserver_name: "x\n' });
    await waitFor(
      () => (ourDiagnostics(broken.uri).length > 0 ? true : undefined),
      () => 'the language server published nothing for a broken untitled document',
    );
    for (const file of ['nats.conf', 'nats-server.conf', 'nats-hub.conf', 'edge.nats.conf', 'nats/leaf.conf']) {
      const errors = ourDiagnostics(fixtureUri(file)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.equal(errors.length, 0, `${file}: ${formatDiagnostics(errors)}`);
    }
  });
});
