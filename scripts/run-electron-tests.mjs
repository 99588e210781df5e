#!/usr/bin/env node
// Runs the VS Code integration suite in desktop VS Code through @vscode/test-electron: the same
// tests module (out/test/vscode/suite/index.js) and fixture workspace that run-vscode-tests.mjs
// opens in code-server. For machines that can download VS Code (this one cannot: see
// /work/shared/vscode-here.md) or that have it installed.
//
// Usage: node scripts/run-electron-tests.mjs [--vscode=/path/to/code] [--version=stable|insiders|1.91.0]
//        (VSCODE_EXECUTABLE works like --vscode; headless Linux needs a display, e.g. xvfb-run)
// Prerequisites: npx tsc -p tsconfig.json, node scripts/build.mjs

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspaceDir = path.join(repoRoot, 'test', 'vscode', 'fixtures', 'workspace');
const testsModule = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index');

function option(name) {
  const prefix = `--${name}=`;
  return process.argv.slice(2).find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main() {
  for (const [file, fix] of [
    [`${testsModule}.js`, 'npx tsc -p tsconfig.json'],
    [path.join(repoRoot, 'dist', 'client.js'), 'node scripts/build.mjs'],
  ]) {
    if (!existsSync(file)) {
      console.error(`run-electron-tests: ${path.relative(repoRoot, file)} is missing; run: ${fix}`);
      return 2;
    }
  }

  const vscodeExecutablePath = option('vscode') ?? process.env.VSCODE_EXECUTABLE;
  // Fresh profile per run, so settings or extensions of an earlier run cannot leak in.
  const userData = mkdtempSync(path.join(os.tmpdir(), 'nlv-electron-'));
  try {
    const exitCode = await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsModule,
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: option('version') ?? 'stable' }),
      // Downloads stay in the git-ignored cache next to code-server.
      cachePath: path.join(repoRoot, '.cache', 'vscode-test'),
      launchArgs: [
        workspaceDir,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(userData, 'user-data')}`,
        `--extensions-dir=${path.join(userData, 'extensions')}`,
      ],
    });
    console.log(`vscode-electron: suite exited with ${exitCode}`);
    return exitCode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      `run-electron-tests: FAILED: ${message}\n` +
        'If VS Code could not be downloaded, pass an installed one with --vscode=/path/to/code, ' +
        'or use the code-server runner: npm run test:vscode',
    );
    return 1;
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
}

process.exit(await main());
