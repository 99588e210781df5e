#!/usr/bin/env node
// Re-records test/conformance/expected-cases.json and expected-corpus-values.json from the real
// nats-server 2.9.10 and tools/confdump. Run after adding or changing a case:
//   node scripts/record-conformance.mjs
// The recorder is TypeScript (test/conformance/record.ts, sharing code with the tests); esbuild
// bundles it on the fly so recording does not depend on the whole project compiling.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-record-'));
try {
  const bundle = path.join(tmp, 'record.cjs');
  buildSync({
    entryPoints: [path.join(root, 'test/conformance/record.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'warning',
  });
  // The bundle finds the repository from its own location, so run it from the repo root and tell it where.
  const r = spawnSync(process.execPath, [bundle], { cwd: root, stdio: 'inherit', env: { ...process.env, NATS_LATTICE_ROOT: root } });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
