// The optional second opinion: the user's own `nats-server -c FILE -t`, run on a scratch copy of the
// configuration and the files it includes, its findings mapped back onto the document.
// Never runs on its own: the caller decides (setting on, workspace trusted); the program comes
// from the user's machine-scoped setting, never from the workspace.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { EntryOrInclude, MapNode, ParseResult, ValueNode } from '../syntax/tree';

export const NATS_SERVER_SOURCE = 'nats-server';
export const NATS_SERVER_TIMEOUT_MS = 5_000;

export interface NatsServerCheckSettings {
  enabled: boolean;
  /** A program name looked up on PATH, or an absolute path. */
  path: string;
}

/** Reads `validation.natsServer.enabled` / `.path` (nested or dotted) from the `natsLattice` section. */
export function readNatsServerCheckSettings(raw: unknown): NatsServerCheckSettings {
  const settings: NatsServerCheckSettings = { enabled: false, path: 'nats-server' };
  const section = isObject(raw) && isObject(raw.natsLattice) ? raw.natsLattice : raw;
  if (!isObject(section)) return settings;
  const nested = isObject(section.validation) && isObject(section.validation.natsServer) ? section.validation.natsServer : {};
  const enabled = section['validation.natsServer.enabled'] ?? nested.enabled;
  const program = section['validation.natsServer.path'] ?? nested.path;
  if (typeof enabled === 'boolean') settings.enabled = enabled;
  if (typeof program === 'string' && program.trim() !== '') settings.path = program.trim();
  return settings;
}

/** One finding of nats-server, located in one of the files it read. */
export interface NatsServerFinding {
  /** Absolute path of the original file (scratch paths are mapped back). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 0-based character on the line, when nats-server names a column. */
  character?: number;
  message: string;
  /** For errors inside an included file: the include path as written, to point at its include line. */
  includePath?: string;
}

export type NatsServerOutcome =
  | { kind: 'valid' }
  | { kind: 'findings'; findings: NatsServerFinding[] }
  | { kind: 'timeout' }
  | { kind: 'failed'; message: string };

export interface NatsServerRunOptions {
  /** The program to run (from user settings). */
  program: string;
  /** The configuration (absolute path) and its text as the editor has it. */
  file: string;
  text: string;
  /** Every other file the configuration reads (absolute paths, e.g. from the last validation). */
  includes: readonly string[];
  timeoutMs?: number;
}

/**
 * Copies the configuration and its includes into a fresh folder under the system temp folder,
 * keeping their layout relative to each other, runs `PROGRAM -c COPY -t` there, and reads the output.
 */
export async function runNatsServerCheck(options: NatsServerRunOptions): Promise<NatsServerOutcome> {
  const files = [options.file, ...options.includes.filter((f) => f !== options.file && fs.existsSync(f))];
  const base = commonFolder(files);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-check-'));
  try {
    const copyOf = (file: string) => path.join(scratch, path.relative(base, file));
    for (const file of files) {
      fs.mkdirSync(path.dirname(copyOf(file)), { recursive: true });
      if (file === options.file) fs.writeFileSync(copyOf(file), options.text);
      else fs.copyFileSync(file, copyOf(file));
    }
    const main = copyOf(options.file);
    const run = await runProgram(options.program, ['-c', main, '-t'], path.dirname(main), options.timeoutMs ?? NATS_SERVER_TIMEOUT_MS);
    if (run.timedOut) return { kind: 'timeout' };
    if (run.spawnError) return { kind: 'failed', message: `could not run "${options.program}": ${run.spawnError}. Set natsLattice.validation.natsServer.path to the nats-server program.` };
    if (run.code === 0) return { kind: 'valid' };
    const original = (scratchPath: string) => {
      const absolute = path.resolve(path.dirname(main), scratchPath);
      const relative = path.relative(scratch, absolute);
      return relative.startsWith('..') ? absolute : path.join(base, relative);
    };
    const findings = parseNatsServerOutput(run.output, options.file, original);
    return findings.length > 0 ? { kind: 'findings', findings } : { kind: 'failed', message: `nats-server exited with status ${run.code}: ${run.output.trim().slice(0, 500)}` };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Reads `nats-server -t` output: a lexer error (`Parse error on line N: '...'`, maybe inside
 * `error parsing include file 'X', ...`), or option errors `file:line:col: reason`, one per line,
 * in any order, with 0-based columns on line 1 and 1-based columns after.
 * `mainFile` is the original configuration; `original` maps a path nats-server printed back to it.
 */
export function parseNatsServerOutput(output: string, mainFile: string, original: (printed: string) => string): NatsServerFinding[] {
  const text = output.trim().replace(/^nats-server: /, '');
  const findings: NatsServerFinding[] = [];
  const include = /^error parsing include file '([^']*)', ([\s\S]*)$/.exec(text);
  const parseError = /^Parse error on line (\d+): ([\s\S]*)$/.exec(include ? include[2] : text);
  if (include) {
    // The error is in (or about opening) an included file: nats-server names no line in ours.
    findings.push({ file: mainFile, line: 0, message: `In included file ${include[1]}: ${include[2]}`, includePath: include[1] });
    return findings;
  }
  if (parseError) {
    findings.push({ file: mainFile, line: Number(parseError[1]), message: parseError[2].replace(/^'([\s\S]*)'$/, '$1') });
    return findings;
  }
  for (const line of text.split('\n')) {
    const m = /^(.*?):(\d+):(\d+): (.*)$/.exec(line.trim());
    if (!m) continue;
    // Only the configurations are copied: a relative certificate or key path cannot be found in
    // the scratch folder, which says nothing about the real one.
    const missing = /open ([^:]+): no such file or directory/.exec(m[4]);
    if (missing && !path.isAbsolute(missing[1])) continue;
    const lineNumber = Number(m[2]);
    const column = Number(m[3]);
    findings.push({ file: original(m[1]), line: lineNumber, character: lineNumber === 1 ? column : Math.max(0, column - 1), message: m[4] });
  }
  return findings;
}

/**
 * Turns findings into diagnostics on `file`: a finding at a key or value covers it, one without a
 * column (or at no node) covers its line; findings in other files sit on line 1 naming the file.
 */
export function findingsToDiagnostics(findings: readonly NatsServerFinding[], file: string, parsed: ParseResult): Diagnostic[] {
  const lineStarts = [0];
  for (let i = 0; i < parsed.text.length; i++) if (parsed.text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const toPosition = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line, character: offset - lineStarts[line] };
  };
  const wholeLine = (line: number): Range => {
    const index = Math.min(Math.max(line - 1, 0), lineStarts.length - 1);
    const start = lineStarts[index];
    const end = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : parsed.text.length;
    const content = parsed.text.slice(start, end).replace(/\r$/, '');
    const indent = content.length - content.trimStart().length;
    return { start: { line: index, character: indent }, end: { line: index, character: content.length } };
  };
  return findings.map((finding) => {
    let range: Range;
    const message = finding.message;
    const include = finding.includePath === undefined ? undefined
      : parsed.document.body.entries.find((e) => e.type === 'include' && e.path === finding.includePath);
    if (include) {
      range = { start: toPosition(include.start), end: toPosition(include.end) };
    } else if (finding.file !== file) {
      return { range: wholeLine(1), message: `In ${finding.file} line ${finding.line}: ${message}`, severity: DiagnosticSeverity.Error, source: NATS_SERVER_SOURCE };
    } else if (finding.character !== undefined && finding.line >= 1 && finding.line <= lineStarts.length) {
      const offset = lineStarts[finding.line - 1] + finding.character;
      const span = spanAt(parsed.document.body, offset);
      range = span ? { start: toPosition(span.start), end: toPosition(span.end) } : wholeLine(finding.line);
    } else {
      range = wholeLine(Math.max(finding.line, 1));
    }
    return { range, message, severity: DiagnosticSeverity.Error, source: NATS_SERVER_SOURCE };
  });
}

/** The entry whose key starts at `offset` (key to value), or the value that starts there. */
function spanAt(map: MapNode, offset: number): { start: number; end: number } | undefined {
  const visitEntries = (entries: readonly EntryOrInclude[]): { start: number; end: number } | undefined => {
    for (const entry of entries) {
      if (entry.type === 'include') {
        if (entry.start === offset) return entry;
        continue;
      }
      if (entry.key.start === offset || (entry.key.quote && entry.key.start - 1 === offset)) return entry;
      if (entry.value) {
        const inner = visitValue(entry.value);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  const visitValue = (value: ValueNode): { start: number; end: number } | undefined => {
    if (value.start > offset || value.end < offset) return value.start === offset ? value : undefined;
    if (value.type === 'map') return visitEntries(value.entries);
    if (value.type === 'array') {
      for (const item of value.items) {
        const inner = visitValue(item);
        if (inner) return inner;
      }
      return undefined;
    }
    return value.start === offset ? value : undefined;
  };
  return visitEntries(map.entries);
}

/**
 * Our diagnostics plus nats-server's, without saying the same thing twice: a nats-server finding on
 * a line where we already report the same problem (a syntax error, or a message naming the same
 * quoted field) is dropped, ours is kept.
 */
export function mergeDiagnostics(ours: readonly Diagnostic[], theirs: readonly Diagnostic[]): Diagnostic[] {
  const merged = [...ours];
  for (const diagnostic of theirs) {
    const line = diagnostic.range.start.line;
    const names = quotedNames(textOf(diagnostic.message));
    const sameLine = ours.filter((o) => o.range.start.line <= line && o.range.end.line >= line && (o.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
    const duplicate = sameLine.some((o) => names.some((name) => textOf(o.message).includes(name)) || (isLexerMessage(textOf(diagnostic.message)) && isSyntaxCode(o.code)));
    if (!duplicate) merged.push(diagnostic);
  }
  return merged;
}

function textOf(message: Diagnostic['message']): string {
  return typeof message === 'string' ? message : message.value;
}

function quotedNames(message: string): string[] {
  return [...message.matchAll(/["'`]([^"'`\s]+)["'`]/g)].map((m) => m[1]);
}

function isLexerMessage(message: string): boolean {
  return /^(Expected|Unexpected|Floats must|Invalid|Stray)/.test(message) || /^In included file/.test(message);
}

function isSyntaxCode(code: Diagnostic['code']): boolean {
  return typeof code === 'string' && /^(unexpected|unterminated|missing|expected|invalid|stray|number|bad|unclosed)/.test(code);
}

interface ProgramRun { code: number | null; output: string; timedOut: boolean; spawnError?: string }

function runProgram(program: string, args: string[], cwd: string, timeoutMs: number): Promise<ProgramRun> {
  return new Promise((resolve) => {
    let child;
    try {
      // Its own process group, so a timeout stops whatever it started too (a wrapper script's children).
      child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: false, detached: true });
    } catch (error) {
      resolve({ code: null, output: '', timedOut: false, spawnError: error instanceof Error ? error.message : String(error) });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer) => { if (size < 64 * 1024) { chunks.push(chunk); size += chunk.length; } };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      resolve({ code: null, output: '', timedOut: true });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: '', timedOut: false, spawnError: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: Buffer.concat(chunks).toString('utf8'), timedOut });
    });
  });
}

/** The deepest folder holding every file. */
function commonFolder(files: readonly string[]): string {
  let base = path.dirname(files[0]);
  for (const file of files) {
    while (path.relative(base, file).startsWith('..')) base = path.dirname(base);
  }
  return base;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
