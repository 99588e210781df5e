// Extension activation time as VS Code itself records it, in a real VS Code: code-server (the VS
// Code server with its web workbench) driven by Debian's chromium through playwright-core, the same
// pair scripts/run-vscode-tests.mjs uses (facts behind the flags: /work/shared/vscode-here.md).
//
// Each run opens a fresh workbench window (so a fresh extension host) on a workspace holding a NATS
// config, with the extension under development and bench/activationProbe.js as the extension tests
// module; the probe opens the config, waits for activation and prints the extension host's
// ActivationTimes for the extension, read from VS Code's "Startup Performance" document.
//
//   node bench/activation.mjs [--runs=N] [--extension=DIR]   prints the runs and their median
// As a module: measureActivation({ runs, extensionPath, log }) (bench/run.mjs calls it).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, codeServerEntry, node24Bin } from '../scripts/vscode-tools.mjs';
import { freeLocalPort, spawnCodeServer, waitForHealthy } from '../scripts/lib/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROBE = path.join(root, 'bench', 'activationProbe.js');
const MARKER = '[nats-lattice-activation]';
const RUN_LIMIT_MS = 90_000;

/** Why the measurement cannot run here, or undefined when code-server, Node 24 and chromium are installed. */
export function activationUnavailable() {
  if (!existsSync(codeServerEntry) || !existsSync(node24Bin)) return 'code-server is not installed (node scripts/vscode-tools.mjs installs it)';
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (node scripts/vscode-tools.mjs installs it)`;
  return undefined;
}

/**
 * Starts code-server `runs` times, each time opening one window (so one fresh extension host).
 * Resolves to the ActivationTimes of every run: { codeLoadingTime, activateCallTime,
 * activateResolvedTime, event } in milliseconds.
 */
export async function measureActivation({ runs = 3, extensionPath = root, log = () => {} } = {}) {
  const reason = activationUnavailable();
  if (reason) throw new Error(reason);
  if (!existsSync(path.join(extensionPath, 'dist', 'client.js'))) throw new Error(`${path.join(extensionPath, 'dist', 'client.js')} is missing: run node scripts/build.mjs first`);
  // playwright-core is a dev dependency the bench needs only here; importing it late keeps the
  // rest of the bench free of it.
  const { chromium } = await import('playwright-core');
  // Short: VS Code puts unix sockets under TMPDIR, whose paths must stay below 108 bytes.
  const tmp = mkdtempSync('/tmp/nla-');
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'nats-server.conf'), 'port: 4222\nhttp_port: 8222\n');
  let browser;
  let server;
  // Interrupted, the bench must not leave code-server's extension host running for hours.
  // Registered before chromium's own handlers, so it runs first.
  const onSignal = (signal) => {
    if (server) killGroup(server, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, TMPDIR: tmp, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const results = [];
    for (let i = 0; i < runs; i++) {
      log(`extension activation: run ${i + 1} of ${runs}`);
      // A fresh server per run: code-server keeps a closed window's extension host (and its
      // language server) alive for hours, and those would compete with the next run.
      const serverDir = path.join(tmp, `s${i}`);
      const port = await freeLocalPort();
      server = spawnCodeServer(port, serverDir);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        await waitForHealthy(port, server, Date.now() + 60_000);
        results.push(await oneWindow(context, port, workspace, extensionPath, server));
      } finally {
        await context.close().catch(() => {});
        await stopGroup(server);
        server = undefined;
      }
    }
    return results;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await browser?.close().catch(() => {});
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function oneWindow(context, port, workspace, extensionPath, server) {
  const page = await context.newPage();
  try {
    let finish;
    const ended = new Promise((resolve) => (finish = resolve));
    let times;
    const lines = [];
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
      lines.push(text);
      const at = text.indexOf(MARKER);
      if (at >= 0) times = JSON.parse(text.slice(at + MARKER.length));
    });
    const remote = (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
    const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(PROBE)]];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURI(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    const limit = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no result within ${RUN_LIMIT_MS / 1000} s`)), RUN_LIMIT_MS)));
    const died = new Promise((_, reject) => server.once('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal})`))));
    const code = await Promise.race([ended, limit, died]).finally(() => clearTimeout(timer));
    if (code !== 0 || !times) {
      throw new Error(`the activation probe ended with exit code ${code} and ${times ? 'a' : 'no'} result; the extension host said:\n${lines.slice(-20).join('\n')}`);
    }
    return times;
  } finally {
    await page.close().catch(() => {});
  }
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

async function stopGroup(child) {
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, 'SIGTERM');
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 4000))]);
  }
  // Forked extension hosts and language servers stay in the group after the leader is gone.
  killGroup(child, 'SIGKILL');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = Number(option('runs') ?? 5);
  const extensionPath = path.resolve(option('extension') ?? root);
  try {
    const results = await measureActivation({ runs, extensionPath, log: (text) => process.stderr.write(`${text}\n`) });
    for (const times of results) console.log(JSON.stringify(times));
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    const sync = results.map((t) => t.codeLoadingTime + t.activateCallTime);
    console.log(`median load code + call activate: ${median(sync)} ms; median finish activate: ${median(results.map((t) => t.activateResolvedTime))} ms (${results.length} runs)`);
  } catch (error) {
    console.error(`activation: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
