// Runs the two reference implementations on a configuration: `nats-server -c FILE -t` (Debian's
// 2.9.10) and tools/confdump (nats-server's conf package printing canonical values). Both run in
// a scratch copy under the system temp folder, with exactly the case's environment.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Canonical } from './canonical';
import { classifyNatsServerOutput, ClassifiedOutput, isRuntimeCrash, RUNTIME_CRASH } from './nats-messages';

export const NATS_SERVER_TIMEOUT_MS = 60_000;
export const CONFDUMP_TIMEOUT_MS = 15_000;

export interface ProcessResult { rc: number | null; output: string; timedOut: boolean }

export interface NatsServerRun extends ClassifiedOutput {
  rc: number | null;
  /** Combined output, trimmed; empty for crashes (confError says it) and option errors (see optionErrors). */
  output: string;
}

export type ConfdumpResult = { ok: true; value: Canonical } | { ok: false; error: string };

export function findNatsServer(): string | undefined {
  const fromEnv = process.env.NATS_SERVER_BIN;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  const r = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  return ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => fs.existsSync(p));
}

/** Builds .cache/confdump if needed (scripts/build-confdump.sh); returns its path, or why it is unavailable. */
export function ensureConfdump(root: string): { path?: string; problem?: string } {
  const script = path.join(root, 'scripts', 'build-confdump.sh');
  const r = spawnSync('sh', [script], { cwd: root, encoding: 'utf8' });
  const binary = path.join(root, '.cache', 'confdump');
  if (r.status === 0 && fs.existsSync(binary)) return { path: binary };
  return { problem: `scripts/build-confdump.sh failed: ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}` };
}

export function runProcess(cmd: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (b: Buffer) => {
      // A stack overflow prints megabytes of goroutine trace; the first part says all we need.
      if (size < 64 * 1024) { chunks.push(b); size += b.length; }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ rc: code, output: Buffer.concat(chunks).toString('utf8'), timedOut });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ rc: null, output: String(err), timedOut: false });
    });
  });
}

/** Copies files (relative to fromDir) into a fresh scratch folder and returns it. */
export function scratchCopy(fromDir: string, files: string[]): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-conformance-'));
  for (const rel of files) {
    const target = path.join(scratch, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(fromDir, rel), target);
  }
  return scratch;
}

/** Address-space cap for nats-server: an include cycle then crashes within a second instead of growing a 1 GB stack. */
const NATS_SERVER_ADDRESS_SPACE = 1 << 30;

function findPrlimit(): string | undefined {
  return ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => fs.existsSync(p));
}

export async function runNatsServerCheck(binary: string, cwd: string, file: string, env: Record<string, string>): Promise<NatsServerRun> {
  const prlimit = findPrlimit();
  const [cmd, args] = prlimit
    ? [prlimit, [`--as=${NATS_SERVER_ADDRESS_SPACE}`, binary, '-c', file, '-t']]
    : [binary, ['-c', file, '-t']];
  const r = await runProcess(cmd, args, cwd, env, NATS_SERVER_TIMEOUT_MS);
  const classified = classifyNatsServerOutput(r.rc, r.output, r.timedOut);
  // Option errors come in a different order on every run, crash traces differ every time: keep neither verbatim.
  const output = classified.verdict === 'crash' || classified.verdict === 'option-errors' ? '' : r.output.trim();
  return { rc: r.timedOut ? null : r.rc, output, ...classified };
}

export async function runConfdump(binary: string, cwd: string, file: string, env: Record<string, string>): Promise<ConfdumpResult> {
  const r = await runProcess(binary, [file], cwd, env, CONFDUMP_TIMEOUT_MS);
  if (r.timedOut) return { ok: false, error: 'timeout' };
  if (isRuntimeCrash(r.output)) return { ok: false, error: RUNTIME_CRASH };
  try {
    return JSON.parse(r.output) as ConfdumpResult;
  } catch {
    return { ok: false, error: `confdump printed no JSON (rc ${r.rc}): ${r.output.slice(0, 500)}` };
  }
}

/** Runs jobs with at most `limit` at a time, keeping result order. */
export async function inPool<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
