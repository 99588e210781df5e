// Starting code-server for a real-VS-Code run, shared by the extension tests
// (scripts/run-vscode-tests.mjs) and the activation benchmark (bench/activation.mjs). The flags
// and why each is needed: /work/shared/vscode-here.md.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { codeServerEntry, node24Bin, node24Env } from '../vscode-tools.mjs';

/** User settings every run gets: a calm workbench with nothing else competing for the machine. */
const CALM_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
};

/** A port below 32768 (outside Linux's ephemeral range) that nothing listens on right now. */
export async function freeLocalPort() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    const free = await new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('found no free port between 20000 and 32000 on 127.0.0.1 after 50 tries');
}

/**
 * Spawns code-server on 127.0.0.1:`port` with all of its state under `tmp`. `settings` are added
 * to the calm defaults, `env` to the process environment. The child leads its own process group
 * (detached), so killing -pid also ends the extension hosts and language servers it forks.
 */
export function spawnCodeServer(port, tmp, { settings = {}, env = {}, stdio = 'ignore' } = {}) {
  const dirs = Object.fromEntries(['user-data', 'extensions', 'xdg-config', 'xdg-data', 't'].map((name) => [name, path.join(tmp, name)]));
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({ ...CALM_SETTINGS, ...settings }, null, 2));
  const config = path.join(tmp, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', config,
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Without this the built workbench ignores the extension-test parameters and the run hangs.
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const childEnv = node24Env({ ...process.env, TMPDIR: dirs.t, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], ...env });
  delete childEnv.VSCODE_IPC_HOOK_CLI;
  delete childEnv.ELECTRON_RUN_AS_NODE;
  return spawn(node24Bin, args, { cwd: tmp, env: childEnv, detached: true, stdio });
}

/** Resolves once code-server answers /healthz; rejects (with `fail(reason)`) if it exits or the deadline passes. */
export function waitForHealthy(port, child, deadlineMs, fail = (reason) => new Error(reason)) {
  return new Promise((resolve, reject) => {
    const onExit = (code, signal) => reject(fail(`code-server exited at start (${code ?? signal})`));
    child.once('exit', onExit);
    const poll = () => {
      if (Date.now() > deadlineMs) {
        child.off('exit', onExit);
        reject(fail(`code-server did not answer /healthz on port ${port} in time`));
        return;
      }
      const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) {
          child.off('exit', onExit);
          resolve();
        } else setTimeout(poll, 200);
      });
      request.on('error', () => setTimeout(poll, 200));
      request.on('timeout', () => request.destroy());
    };
    poll();
  });
}
