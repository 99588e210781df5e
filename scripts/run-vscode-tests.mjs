#!/usr/bin/env node
// Runs the VS Code integration suite (out/test/vscode/suite/index.js) inside code-server, the real
// VS Code server with its web workbench, driven by Debian's chromium through playwright-core; then,
// on the same running server, checks what a person sees (test/vscode/visual.mjs).
// Desktop VS Code cannot be downloaded here; scripts/run-electron-tests.mjs runs the same suite
// where it can. Facts behind the flags: /work/shared/vscode-here.md.
//
// Usage: node scripts/run-vscode-tests.mjs [--no-visual] [--no-install] [--update-docs-image]
//                                          [--timeout=SECONDS] [--grep=PATTERN]
// docs/images/editor-diagnostics.png (the README's screenshot) is written when it is missing or
// with --update-docs-image, so ordinary runs do not churn a tracked binary.
// Prerequisites: npx tsc -p tsconfig.json, node scripts/build.mjs. code-server and chromium are
// installed on first use (scripts/vscode-tools.mjs; --no-install only checks for them).
// Exit code: the suite's (0 all passed), 1 on failures, 2 on a setup problem, 124 on time-out.
// With NATS_LATTICE_SUMMARY=FILE it also writes {"passed":N,"failed":M} there (scripts/test.mjs).

import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, codeServerEntry, ensureVsCodeTools, node24Bin } from './vscode-tools.mjs';
import { freeLocalPort, spawnCodeServer, waitForHealthy } from './lib/codeServer.mjs';
import { checkEditorVisuals, checkTopologyVisuals } from '../test/vscode/visual.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspaceDir = path.join(repoRoot, 'test', 'vscode', 'fixtures', 'workspace');
const testsModule = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index');
const artifactsDir = path.join(repoRoot, 'test-artifacts', 'vscode');
const docsImage = path.join(repoRoot, 'docs', 'images', 'editor-diagnostics.png');
const topologyDocsImage = path.join(repoRoot, 'docs', 'images', 'topology.png');

const options = parseArgs(process.argv.slice(2));
const started = Date.now();

/** Everything that must be undone, whatever way the run ends. */
const owned = { codeServer: undefined, browserServer: undefined, tmp: undefined, cleanup: undefined, exiting: false, timer: undefined };

function parseArgs(args) {
  const result = { visual: true, install: true, updateDocsImage: false, timeoutSeconds: 180, grep: undefined };
  for (const arg of args) {
    if (arg === '--no-visual') result.visual = false;
    else if (arg === '--update-docs-image') result.updateDocsImage = true;
    else if (arg === '--no-install') result.install = false;
    else if (arg.startsWith('--timeout=')) result.timeoutSeconds = Number(arg.slice('--timeout='.length));
    else if (arg.startsWith('--grep=')) result.grep = arg.slice('--grep='.length);
    else {
      console.error(`run-vscode-tests: unknown argument "${arg}"; use --no-visual, --no-install, --update-docs-image, --timeout=SECONDS or --grep=PATTERN.`);
      process.exit(2);
    }
  }
  if (!(result.timeoutSeconds > 0)) {
    console.error('run-vscode-tests: --timeout needs a positive number of seconds, e.g. --timeout=300.');
    process.exit(2);
  }
  return result;
}

function say(message) {
  console.log(`[vscode ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${message}`);
}

class SetupError extends Error {}

function checkPrerequisites() {
  const missing = [];
  if (!existsSync(codeServerEntry) || !existsSync(node24Bin)) {
    missing.push('code-server and Node 24 (run: node scripts/vscode-tools.mjs)');
  }
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (run: node scripts/vscode-tools.mjs, or apt-get install chromium)`);
  if (!existsSync(`${testsModule}.js`)) missing.push(`${path.relative(repoRoot, testsModule)}.js (run: npx tsc -p tsconfig.json)`);
  if (missing.length > 0) throw new SetupError(`cannot start: missing ${missing.join('; ')}`);
  if (!existsSync(path.join(repoRoot, 'dist', 'client.js'))) {
    // Still worth running: the language contributions work without the client, and the tests that
    // need the language server then fail with their own messages.
    say('WARNING: dist/client.js is missing (run: node scripts/build.mjs); the extension cannot activate');
  }
}

async function choosePort() {
  try {
    return await freeLocalPort();
  } catch (error) {
    throw new SetupError(error.message);
  }
}

function startCodeServer(port, tmp) {
  const logFile = path.join(artifactsDir, 'code-server.log');
  const log = createWriteStream(logFile);
  // detached: code-server becomes a process-group leader, so killing -pid also ends the
  // extension hosts and the language server it forks.
  const child = spawnCodeServer(port, tmp, {
    // Dark theme and no minimap for the screenshots; no auto-save so tests control saving.
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'files.autoSave': 'off' },
    env: { NATS_LATTICE_VSCODE_GREP: options.grep ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.once('exit', () => log.end());
  owned.codeServer = child;
  say(`code-server pid ${child.pid} on http://127.0.0.1:${port} (log: ${path.relative(repoRoot, logFile)})`);
  return child;
}

export function workbenchUrl(port, { withTests }) {
  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)]];
  if (withTests) payload.push(['extensionTestsPath', remote(testsModule)]);
  return (
    `http://127.0.0.1:${port}/?folder=${encodeURI(workspaceDir)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}

/**
 * Offline noise from the workbench (no gallery, no GitHub sign-in, no telemetry): kept in
 * test-artifacts/vscode/host.log, left out of the console so the suite's own lines stand out.
 */
const NOISE = [
  /No signed-in session resolved/,
  /^\[AgentHost|^\[AccountPolicyGate\]/,
  /getaddrinfo ENOTFOUND|ERR_NAME_NOT_RESOLVED|net::ERR_/,
  /open-vsx\.org|marketplace|extensionquery|vscode-unpkg|update\.code\.visualstudio/i,
  /github.*authentication|authentication provider 'github'|GitHub.*sign/i,
];

/** Prints one log record of the workbench/extension host; returns its text for the tally. */
function printHostLog(type, args, hostLog) {
  const parts = Array.isArray(args) ? args : [args];
  // The extension host forwards console calls with their arguments, format string first.
  const text = format(...parts.map((part) => (part !== null && typeof part === 'object' ? JSON.stringify(part) : part)));
  hostLog.write(`[${type}] ${text}\n`);
  if (NOISE.some((pattern) => pattern.test(text))) return text;
  for (const line of text.replace(/\s+$/, '').split('\n')) {
    console.log(type === 'error' || type === 'warn' ? `[${type}] ${line}` : line);
  }
  return text;
}

async function runSuite(context, port) {
  const page = await context.newPage();
  const tally = { passed: undefined, failed: undefined };
  const hostLog = createWriteStream(path.join(artifactsDir, 'host.log'));
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = printHostLog(type, args, hostLog);
    const marker = text.match(/\[nats-lattice-vscode-result\] passed=(\d+) failed=(\d+)/);
    if (marker) {
      tally.passed = Number(marker[1]);
      tally.failed = Number(marker[2]);
    }
  });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  say('opening the workbench with the extension under test');
  await page.goto(workbenchUrl(port, { withTests: true }));
  const code = await exited;
  say(`extension tests finished with exit code ${code}`);
  await page.close().catch(() => {});
  hostLog.end();
  return { code, ...tally };
}

/** Idempotent; concurrent callers (a signal during the run's own ending) share one cleanup. */
function cleanup() {
  owned.cleanup ??= stopEverything();
  return owned.cleanup;
}

async function stopEverything() {
  if (owned.browserServer) {
    await Promise.race([owned.browserServer.close(), delay(5000)]).catch(() => {});
    await owned.browserServer.kill().catch(() => {});
  }
  const child = owned.codeServer;
  if (child && child.exitCode === null && child.signalCode === null) {
    killGroup(child.pid, 'SIGTERM');
    const ended = await Promise.race([new Promise((resolve) => child.once('exit', () => resolve(true))), delay(4000)]);
    if (!ended) killGroup(child.pid, 'SIGKILL');
  }
  // Forked extension hosts and language servers stay in the group even after the leader is gone.
  if (child) killGroup(child.pid, 'SIGKILL');
  if (owned.tmp) rmSync(owned.tmp, { recursive: true, force: true, maxRetries: 3 });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The run's own limit, armed after the (possibly cold) tool install: a hung extension host reports nothing. */
function armTimeout() {
  owned.timer = setTimeout(() => {
    console.error(
      `run-vscode-tests: TIMED OUT after ${options.timeoutSeconds} s (the extension host reported no exit). ` +
        'See test-artifacts/vscode/code-server.log and host.log; raise the limit with --timeout=SECONDS.',
    );
    void finishWith(124, { passed: 0, failed: 1 });
  }, options.timeoutSeconds * 1000);
}

async function main() {
  if (options.install) {
    try {
      ensureVsCodeTools();
    } catch (error) {
      throw new SetupError(`installing the VS Code test tools failed: ${error instanceof Error ? error.message : error}`);
    }
  }
  checkPrerequisites();
  armTimeout();
  mkdirSync(artifactsDir, { recursive: true });
  // Screenshots of an earlier run's failures would mislead; the rest is overwritten.
  for (const name of readdirSync(artifactsDir)) {
    if (name.startsWith('failed-')) rmSync(path.join(artifactsDir, name), { force: true });
  }
  // Short and private: VS Code puts unix sockets under TMPDIR, whose paths must stay below 108 bytes.
  owned.tmp = mkdtempSync('/tmp/nlv-');
  process.env.TMPDIR = path.join(owned.tmp, 't'); // chromium's throwaway profile lands here too
  const port = await choosePort();
  const child = startCodeServer(port, owned.tmp);
  await waitForHealthy(port, child, Date.now() + 60_000, (reason) => new SetupError(`${reason}; see test-artifacts/vscode/code-server.log`));
  say('code-server is up');

  owned.browserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    // Our own handlers stop code-server too; Playwright's would exit before that happens.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's crash-report database and caches go to XDG folders; keep them in the private tmp.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(owned.tmp, 'xdg-config'),
      XDG_CACHE_HOME: path.join(owned.tmp, 'xdg-cache'),
    },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const browser = await chromium.connect(owned.browserServer.wsEndpoint());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });

  const serverDied = new Promise((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`code-server exited during the run (${code ?? signal})`))),
  );
  const suite = await Promise.race([runSuite(context, port), serverDied]);

  let visual = { passed: 0, failed: 0 };
  if (options.visual) {
    say('visual check: a fresh window with the extension, screenshots into test-artifacts/vscode/');
    visual = await Promise.race([
      checkEditorVisuals({
        context,
        url: workbenchUrl(port, { withTests: false }),
        artifactsDir,
        docsImage: options.updateDocsImage || !existsSync(docsImage) ? docsImage : undefined,
        log: say,
      }),
      serverDied,
    ]);
    say('visual check: NATS Lattice: Show Topology on examples/');
    const topology = await Promise.race([
      checkTopologyVisuals({
        context,
        url: workbenchUrl(port, { withTests: false }),
        folder: path.join(repoRoot, 'examples'),
        artifactsDir,
        docsImage: options.updateDocsImage || !existsSync(topologyDocsImage) ? topologyDocsImage : undefined,
        log: say,
      }),
      serverDied,
    ]);
    visual = { passed: visual.passed + topology.passed, failed: visual.failed + topology.failed };
  }
  return { suite, visual };
}

async function finishWith(exitCode, tally) {
  // The first ending decides the exit code; a later one (the run unwinding after a signal or the
  // time-out) waits here until that exit happens.
  if (owned.exiting) return new Promise(() => {});
  owned.exiting = true;
  await cleanup();
  if (tally) {
    if (process.env.NATS_LATTICE_SUMMARY) {
      writeFileSync(process.env.NATS_LATTICE_SUMMARY, JSON.stringify(tally) + '\n');
    }
    console.log(`vscode: ${tally.passed} passed, ${tally.failed} failed`);
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`run-vscode-tests: received ${signal}; stopping code-server and chromium.`);
    void finishWith(130, { passed: 0, failed: 1 });
  });
}

try {
  const { suite, visual } = await main();
  clearTimeout(owned.timer);
  if (suite.passed === undefined) {
    // The suite never reported: the tests module failed to load or run() threw before mocha ran.
    suite.passed = 0;
    suite.failed = suite.code === 0 ? 0 : 1;
  }
  const passed = suite.passed + visual.passed;
  const failed = suite.failed + visual.failed;
  const exitCode = suite.code !== 0 ? suite.code || 1 : failed > 0 ? 1 : 0;
  say(`done: suite exit ${suite.code}, visual ${!options.visual ? 'skipped' : visual.failed === 0 ? 'ok' : 'FAILED'}`);
  await finishWith(exitCode, { passed, failed });
} catch (error) {
  clearTimeout(owned.timer);
  if (owned.exiting) await new Promise(() => {}); // a signal or the time-out already reported and is exiting
  const setup = error instanceof SetupError;
  console.error(`run-vscode-tests: ${setup ? '' : 'FAILED: '}${error instanceof Error ? error.message : error}`);
  await finishWith(setup ? 2 : 1, { passed: 0, failed: 1 });
}
