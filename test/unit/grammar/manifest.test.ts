// The language contribution in package.json: which files open as NATS Config, and that the
// files it points at exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NATS_CONFIG_GLOBS } from '../../../server/src/workspace/filePatterns';
import { matchesGlob } from '../../../server/src/workspace/glob';

const root = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'nats-conf');

/**
 * How VS Code decides from a path alone (languagesAssociations.ts): an exact file name wins; then
 * filenamePatterns, matched against the whole path when the pattern holds a `/` and against the
 * file name otherwise.
 */
function claimedByUs(filePath: string): boolean {
  const base = path.posix.basename(filePath);
  if ((language.filenames ?? []).includes(base)) return true;
  return (language.filenamePatterns ?? []).some((pattern: string) =>
    pattern.includes('/') ? matchesGlob(pattern, filePath) : matchesGlob(pattern, base),
  );
}

const expectations: Array<[string, boolean]> = [
  ['/etc/nats.conf', true],
  ['/srv/app/nats-server.conf', true],
  ['/srv/app/nats-leaf.conf', true],
  ['/srv/app/hub.nats.conf', true],
  ['/etc/nats/accounts.conf', true],
  ['/home/me/project/nats/leaf.conf', true],
  ['/etc/nginx/nginx.conf', false],
  ['/etc/supervisor/supervisord.conf', false],
  ['/etc/nats/sub/deeper.conf', false],
  ['/srv/app/natsy.conf', false],
  ['/srv/app/nats.conf.bak', false],
];

for (const [filePath, expected] of expectations) {
  test(`${filePath} ${expected ? 'opens' : 'does not open'} as NATS Config`, () => {
    assert.equal(claimedByUs(filePath), expected);
  });
}

test('the language never claims every .conf file', () => {
  assert.equal(language.extensions, undefined, 'a bare ".conf" extension would take over nginx and supervisord files');
  for (const pattern of language.filenamePatterns as string[]) assert.notEqual(pattern.replace(/^\*\*\//, ''), '*.conf');
});

test('package.json and the server agree on the conventional names', () => {
  const declared = [...(language.filenames ?? []), ...(language.filenamePatterns ?? [])];
  assert.deepEqual([...declared].sort(), [...NATS_CONFIG_GLOBS].sort());
});

test('the grammar and the language configuration exist and parse', () => {
  const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'nats-conf');
  assert.equal(grammar.scopeName, 'source.nats-conf');
  JSON.parse(fs.readFileSync(path.join(root, grammar.path), 'utf8'));
  const configuration = JSON.parse(fs.readFileSync(path.join(root, language.configuration), 'utf8'));
  assert.equal(configuration.comments.lineComment, '#');
});

test('the language configuration wordPattern keeps variables, dotted names and host:port whole', () => {
  const configuration = JSON.parse(fs.readFileSync(path.join(root, language.configuration), 'utf8'));
  const words = 'listen: $HOST a.b.c nats.example.com:4222 127.0.0.1:4222'.match(new RegExp(configuration.wordPattern, 'g'));
  assert.deepEqual(words, ['listen', '$HOST', 'a.b.c', 'nats.example.com:4222', '127.0.0.1:4222']);
});

test('activation, commands and settings are declared', () => {
  assert.ok(manifest.activationEvents.includes('onLanguage:nats-conf'));
  // Other parts contribute commands too: check the client's own are there, and every one is titled.
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
  for (const command of ['natsLattice.restartServer', 'natsLattice.showOutput', 'natsLattice.checkWorkspace']) assert.ok(commands.includes(command), `${command} is not contributed`);
  for (const c of manifest.contributes.commands as { command: string; title?: string; category?: string }[]) {
    assert.ok(c.title && c.category === 'NATS Lattice', `${c.command}: give it a title and the category "NATS Lattice"`);
  }
  const properties = manifest.contributes.configuration.properties;
  assert.deepEqual(properties['natsLattice.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.equal(properties['natsLattice.files.associations'].type, 'array');
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
});
