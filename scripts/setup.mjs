#!/usr/bin/env node
// One place that makes a fresh clone ready: npm packages, the system packages the tests need
// (only with --system), and the bundled extension in dist/. Every step is skipped when done.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wantSystem = process.argv.includes('--system');

// Debian packages: nats-server is the oracle, Go and nats-server's sources build our value dumper,
// chromium and the build tools run code-server for the tests inside a real VS Code.
const systemPackages = {
  'nats-server': 'nats-server',
  go: 'golang-go',
  chromium: 'chromium',
};
const systemLibraries = ['golang-github-nats-io-nats-server-dev', 'build-essential', 'python3', 'libkrb5-dev'];

function run(cmd, args, opts = {}) {
  console.log(`setup: ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
}

function onPath(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

function debianInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureSystemPackages() {
  const missing = [
    ...Object.entries(systemPackages).filter(([bin, pkg]) => !onPath(bin) && !debianInstalled(pkg)).map(([, pkg]) => pkg),
    ...systemLibraries.filter((pkg) => !debianInstalled(pkg)),
  ];
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.warn(`setup: missing system packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

if (wantSystem) ensureSystemPackages();
ensureNodeModules();
run(process.execPath, ['scripts/build.mjs']);
