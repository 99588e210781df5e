import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the folder whose package.json is nats-lattice's (the working folder otherwise). */
export function repoRoot(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'nats-lattice') return folder;
    if (path.dirname(folder) === folder) return process.cwd();
  }
}

export const FIXTURES = path.join(repoRoot(), 'test', 'fixtures', 'cli');

/** The CLI compiled alongside this test (out/server/src/cli/main.js), run as a real child process. */
export const CLI_MAIN = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'cli', 'main.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = FIXTURES, env: Record<string, string | undefined> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: undefined, ...env } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
