#!/usr/bin/env node
// Runs every test suite in order and ends with one plain summary line.
// Suites: unit (library), conformance (against the real nats-server), protocol (the bundled LSP
// server over stdio), truth (real nats-server lattices and the real NATS client), vscode (the
// extension inside a real VS Code), robustness (property-based, fuzz, adversarial and isolation tests). `node scripts/test.mjs unit protocol` runs only those.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const wanted = (suite) => only.length === 0 || only.includes(suite);
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

function nodeTests(suite) {
  const dir = path.join(root, 'out', 'test', suite);
  if (!existsSync(dir)) return;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-tap-'));
  const tap = path.join(tmp, 'tap.txt');
  const ok = step(`${suite} tests`, process.execPath, [
    '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, dir,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (label) => Number((text.match(new RegExp(`^# ${label} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  if (!ok) failures.push(suite);
  rmSync(tmp, { recursive: true, force: true });
}

if (!step('typecheck and compile', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'])) {
  failures.push('compile');
}
for (const suite of ['unit', 'conformance', 'protocol', 'truth', 'robustness']) if (wanted(suite)) nodeTests(suite);

if (wanted('vscode') && existsSync(path.join(root, 'scripts/run-vscode-tests.mjs'))) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-vsc-'));
  const summary = path.join(tmp, 'summary.json');
  const ok = spawnSync(process.execPath, [path.join(root, 'scripts/run-vscode-tests.mjs')], {
    cwd: root, stdio: 'inherit', env: { ...process.env, NATS_LATTICE_SUMMARY: summary },
  }).status === 0;
  if (existsSync(summary)) {
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    passed += s.passed ?? 0;
    failed += s.failed ?? 0;
  }
  if (!ok) failures.push('vscode');
  rmSync(tmp, { recursive: true, force: true });
}

console.log(failures.length ? `\nfailed suites: ${failures.join(', ')}` : '\nall suites passed');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
