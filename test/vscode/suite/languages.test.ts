// Which files VS Code hands to the extension: the filename patterns in package.json decide, and
// the built-in `ini` extension also claims *.conf, so both directions are worth pinning.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri } from './fixtures';

const NATS_FILES = ['nats.conf', 'nats-server.conf', 'nats-hub.conf', 'edge.nats.conf', 'nats/leaf.conf'];
const OTHER_FILES = ['nginx/nginx.conf', 'supervisord.conf'];

describe('language id nats-conf', () => {
  for (const file of NATS_FILES) {
    it(`is given to ${file}`, async () => {
      const document = await vscode.workspace.openTextDocument(fixtureUri(file));
      assert.equal(document.languageId, 'nats-conf', `${file} opened as "${document.languageId}"`);
    });
  }

  for (const file of OTHER_FILES) {
    it(`is not given to ${file}`, async () => {
      const document = await vscode.workspace.openTextDocument(fixtureUri(file));
      assert.notEqual(document.languageId, 'nats-conf', `${file} must keep another language, not nats-conf`);
    });
  }
});
