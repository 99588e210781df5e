// Records what `nats-server -c FILE -t` (Debian's 2.9.10) says about every case in this folder.
// Run from the repository root: node test/conformance/option-cases/record.mjs
// Each case runs in a scratch copy of this folder under /tmp (-t may create files), with only PATH in the
// environment. The result is expected-nats-server-2.9.10.json, read by optionErrors.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const version = spawnSync('nats-server', ['--version'], { encoding: 'utf8' });
if (!/v2\.9\.10/.test(version.stdout + version.stderr)) throw new Error('needs nats-server 2.9.10 on PATH');
const results = [];
for (const name of fs.readdirSync(here).filter((f) => f.endsWith('.conf')).sort()) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'option-case-'));
  fs.cpSync(here, scratch, { recursive: true });
  const run = spawnSync('nats-server', ['-c', name, '-t'], { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  fs.rmSync(scratch, { recursive: true, force: true });
  const output = (run.stdout + run.stderr).trim();
  results.push({ file: name, pass: run.status === 0, output });
}
fs.writeFileSync(path.join(here, 'expected-nats-server-2.9.10.json'), JSON.stringify(results, null, 1) + '\n');
console.log(`recorded ${results.length} cases, ${results.filter((r) => r.pass).length} accepted`);
