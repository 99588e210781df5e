// The edge-case inputs under test/conformance/cases: NAME.conf (one file) or NAME/main.conf (a
// folder, for includes), each with an optional NAME.env of KEY=VALUE lines for the environment.
import fs from 'node:fs';
import path from 'node:path';

export interface ConformanceCase {
  /** The case name: the file name without .conf, or the folder name. */
  name: string;
  /** The folder that holds the main file (the cases folder itself for single-file cases). */
  dir: string;
  /** The main file's name inside dir: NAME.conf or main.conf. */
  main: string;
  /** Files to copy into a scratch folder, relative to dir. */
  files: string[];
  /** The whole environment the case runs with (nothing is inherited). */
  env: Record<string, string>;
}

/** The repository root, located from this file (test/conformance/ in source and in any outDir). */
export function repoRoot(): string {
  if (process.env.NATS_LATTICE_ROOT) return process.env.NATS_LATTICE_ROOT;
  // Walk up until package.json: works from the source tree and from a compiled outDir inside or outside the repo.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'test', 'conformance', 'cases'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export function casesRoot(): string {
  return path.join(repoRoot(), 'test', 'conformance', 'cases');
}

/** Parses a NAME.env sidecar: KEY=VALUE per line, the value is everything after the first '='; '#' lines are comments. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`env sidecar line "${line}" has no KEY=VALUE form; write it as NAME=value`);
    env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out;
}

export function listCases(root = casesRoot()): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    let kase: ConformanceCase;
    if (entry.isDirectory()) {
      const dir = path.join(root, entry.name);
      if (!fs.existsSync(path.join(dir, 'main.conf'))) throw new Error(`case folder ${dir} has no main.conf; every multi-file case starts at main.conf`);
      kase = { name: entry.name, dir, main: 'main.conf', files: filesUnder(dir).sort(), env: {} };
    } else if (entry.name.endsWith('.conf')) {
      kase = { name: entry.name.slice(0, -'.conf'.length), dir: root, main: entry.name, files: [entry.name], env: {} };
    } else if (entry.name.endsWith('.env')) {
      continue;
    } else {
      throw new Error(`unexpected file ${entry.name} in ${root}; cases are NAME.conf, NAME/ folders and NAME.env sidecars`);
    }
    const envFile = path.join(root, `${kase.name}.env`);
    if (fs.existsSync(envFile)) kase.env = parseEnvFile(fs.readFileSync(envFile, 'utf8'));
    cases.push(kase);
  }
  return cases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
