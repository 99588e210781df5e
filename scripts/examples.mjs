#!/usr/bin/env node
// The main job: the checker on the bundled example workspace. examples/ holds one deliberate
// mistake (edge-west's leaf also claims JetStream domain `hub`), so the checker must report exactly
// that, in every file involved, and nothing else. Exit 0 when it does, 1 when it does not.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const EXPECTED = [
  'js-domain-shared examples/edge-west/nats-leaf.conf:10',
  'js-domain-shared examples/hub/nats-hub-1.conf:10',
  'js-domain-shared examples/hub/nats-hub-2.conf:10',
  'js-domain-shared examples/hub/nats-hub-3.conf:10',
];

const shown = spawnSync(process.execPath, [cli, 'check', 'examples'], { cwd: root, stdio: 'inherit' });
const json = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'examples'], { cwd: root, encoding: 'utf8' });
const found = JSON.parse(json.stdout).map((d) => `${d.code} ${d.file}:${d.range.start.line + 1}`).sort();
const ok = shown.status === 1 && JSON.stringify(found) === JSON.stringify(EXPECTED);
console.log(ok
  ? '\nexamples: the checker found the deliberate mistake (edge-west reuses the hub\'s JetStream domain) and nothing else.'
  : `\nexamples: expected exactly\n  ${EXPECTED.join('\n  ')}\nbut the checker reported (exit ${shown.status})\n  ${found.join('\n  ')}`);
process.exit(ok ? 0 : 1);
