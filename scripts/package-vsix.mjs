#!/usr/bin/env node
// Packages the extension as dist/nats-lattice-<version>.vsix with @vscode/vsce, then checks what
// went in: only the bundles and the declarative files, no source maps, sources or tests, under 1 MB.
//
//   node scripts/package-vsix.mjs           build (production), package, check
//   node scripts/package-vsix.mjs --check   only check an existing .vsix
//
// vsce needs Node >= 22, so it runs on the Node 24 that scripts/vscode-tools.mjs installs into
// .cache/vscode-tools (npx fetches vsce from the npm registry; nothing lands in package.json).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVsCodeTools, node24Bin, node24Env } from './vscode-tools.mjs';
import vsixContents from './lib/vsixContents.cjs';

const { checkVsixEntries, listVsix, VSIX_SIZE_LIMIT } = vsixContents;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
const onlyCheck = process.argv.includes('--check');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`package: ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

if (!onlyCheck) {
  run(process.execPath, ['scripts/build.mjs', '--strict']);
  if (!existsSync(node24Bin)) ensureVsCodeTools();
  const npx = path.join(path.dirname(process.execPath), 'npx');
  run(npx, ['--yes', '@vscode/vsce@latest', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { env: node24Env() });
}

if (!existsSync(vsix)) {
  console.error(`package: ${path.relative(root, vsix)} does not exist; run node scripts/package-vsix.mjs without --check.`);
  process.exit(1);
}
const entries = listVsix(vsix);
const problems = checkVsixEntries(entries, statSync(vsix).size);
for (const entry of entries) console.log(`  ${String(entry.size).padStart(8)}  ${entry.name}`);
console.log(`package: ${path.relative(root, vsix)} ${(statSync(vsix).size / 1024).toFixed(0)} KiB (limit ${VSIX_SIZE_LIMIT / 1024} KiB), ${entries.length} files`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`package: ${problem}`);
  process.exit(1);
}
