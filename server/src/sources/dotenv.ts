// Env files: `.env`, `.env.*`, `*.env`, compose `env_file`s and systemd `EnvironmentFile=`s.
//
// Accepted (the docker compose dialect, which is the most permissive in use):
//   KEY=value            unquoted: ends at the line end or at " #" (a comment after whitespace),
//                        trailing whitespace dropped
//   export KEY=value     `export ` prefix ignored
//   KEY = value          spaces around "=" allowed
//   KEY='literal'        no escapes, may span lines
//   KEY="a\nb \"q\""     escapes \n \r \t \\ \" \$ ; may span lines
//   KEY                  no "=": the value comes from the surrounding environment (unknown here)
//   # comment            also `# nats-lattice: server=...` pins
// `$VAR` / `${VAR:-default}` in unquoted and double-quoted values are substituted from earlier
// lines of the same file, then from `lookup`. CRLF line ends and a leading BOM are accepted.

import * as path from 'node:path';
import type { FileProblem } from '../diagnostics';
import { componentFromNames } from './componentGuess';
import type { AssignmentVia, EnvAssignment, HostPin, HostSourceResult } from './hostSettings';
import { interpolate } from './interpolate';
import { parsePin } from './pins';

export interface EnvFileOptions {
  via?: AssignmentVia;
  /** Substitute `$VAR` references (compose does; systemd and `docker run --env-file` do not). Default true. */
  interpolate?: boolean;
  /** Values for references this file does not define (e.g. the compose project's `.env`). */
  lookup?: (name: string) => string | undefined;
}

export interface EnvFileContent {
  assignments: EnvAssignment[];
  pins: HostPin[];
  problems: FileProblem[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_.-]/;

export function parseEnvFile(file: string, text: string, options: EnvFileOptions = {}): EnvFileContent {
  const content: EnvFileContent = { assignments: [], pins: [], problems: [] };
  const known = new Map<string, string>();
  const lookup = (name: string) => known.get(name) ?? options.lookup?.(name);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineEnd = (from: number) => {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? n : nl;
  };
  const contentEnd = (end: number) => (end > 0 && text[end - 1] === '\r' ? end - 1 : end);
  const problem = (start: number, end: number, code: string, message: string, severity: FileProblem['severity'] = 'error') =>
    content.problems.push({ file, start, end, code, message, severity });

  while (i < n) {
    i = skipBlanks(text, i);
    const eol = lineEnd(i);
    if (i >= contentEnd(eol)) {
      i = eol + 1;
      continue;
    }
    if (text[i] === '#') {
      const pin = parsePin(file, text.slice(i + 1, contentEnd(eol)), i + 1, content.problems);
      if (pin) content.pins.push(pin);
      i = eol + 1;
      continue;
    }
    let via: AssignmentVia = options.via ?? 'line';
    if (text.startsWith('export', i) && /[ \t]/.test(text[i + 6] ?? '')) {
      i = skipBlanks(text, i + 6);
      if (options.via === undefined) via = 'export';
    }
    const nameStart = i;
    if (NAME_START.test(text[i] ?? '')) {
      i++;
      while (i < n && NAME_PART.test(text[i])) i++;
    }
    const name = text.slice(nameStart, i);
    if (name === '') {
      problem(nameStart, contentEnd(eol), 'env-line-invalid', `"${text.slice(nameStart, contentEnd(eol)).trim()}" is not an assignment. Write NAME=value, with a name of letters, digits and "_" that does not start with a digit.`);
      i = eol + 1;
      continue;
    }
    const nameSpan = { start: nameStart, end: i };
    i = skipBlanks(text, i);
    if (i >= contentEnd(eol) || text[i] === '#') {
      // A bare name: passed through from the environment the program was started in.
      content.assignments.push({ name, value: undefined, file, nameSpan, valueSpan: { start: nameSpan.end, end: nameSpan.end }, raw: '', via });
      i = eol + 1;
      continue;
    }
    if (text[i] !== '=') {
      problem(nameStart, contentEnd(eol), 'env-line-invalid', `Expected "=" after "${name}". Write ${name}=value (quote values that contain spaces).`);
      i = eol + 1;
      continue;
    }
    i = skipBlanks(text, i + 1);
    const valueStart = i;
    let value: string;
    let valueEnd: number;
    let substitute = options.interpolate !== false;
    let literalForInterpolation: string;
    const quote = text[i];
    if (quote === "'" || quote === '"') {
      const close = findClosingQuote(text, i + 1, quote);
      if (close < 0) {
        problem(valueStart, contentEnd(eol), 'env-unterminated-quote', `The value of ${name} opens a ${quote === '"' ? 'double' : 'single'} quote that is never closed. Add the closing ${quote}.`);
        value = text.slice(i + 1, contentEnd(eol));
        literalForInterpolation = value.replace(/\$/g, '$$$$');
        substitute = false;
        valueEnd = contentEnd(eol);
        i = eol + 1;
      } else {
        const inner = text.slice(i + 1, close);
        if (quote === "'") {
          value = inner;
          literalForInterpolation = inner;
          substitute = false;
        } else {
          const decoded = decodeDoubleQuoted(inner);
          value = decoded.plain;
          literalForInterpolation = decoded.forInterpolation;
        }
        valueEnd = close + 1;
        const afterEol = lineEnd(valueEnd);
        const after = skipBlanks(text, valueEnd);
        if (after < contentEnd(afterEol) && text[after] !== '#') {
          problem(after, contentEnd(afterEol), 'env-trailing-text', `Unexpected text after the closing quote of ${name}'s value. Put everything inside the quotes, or start a comment with " #".`, 'warning');
        }
        i = afterEol + 1;
      }
    } else {
      let end = contentEnd(eol);
      for (let j = i; j < end; j++) {
        if (text[j] === '#' && (text[j - 1] === ' ' || text[j - 1] === '\t')) {
          end = j;
          break;
        }
      }
      while (end > i && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      value = text.slice(i, end);
      literalForInterpolation = value;
      valueEnd = end;
      i = eol + 1;
    }
    const assignment: EnvAssignment = { name, value, file, nameSpan, valueSpan: { start: valueStart, end: valueEnd }, raw: text.slice(valueStart, valueEnd), via };
    if (substitute && literalForInterpolation.includes('$')) {
      const result = interpolate(literalForInterpolation, lookup);
      if (result.interpolated) assignment.interpolated = true;
      if (result.unresolved.length > 0) assignment.unresolved = result.unresolved;
      assignment.value = result.value;
      for (const error of result.errors) {
        // Offsets are exact for unquoted values; for quoted ones the whole value is the best place.
        const exact = quote !== '"' && quote !== "'";
        problem(exact ? valueStart + error.start : valueStart, exact ? valueStart + error.end : valueEnd, 'env-interpolation-invalid', error.message, 'warning');
      }
    }
    if (assignment.value !== undefined) known.set(name, assignment.value);
    content.assignments.push(assignment);
  }
  return content;
}

/** One HostSource for a standalone env file (`.env`, `host.env`, …). */
export function readDotenv(file: string, text: string, options: EnvFileOptions = {}): HostSourceResult {
  const content = parseEnvFile(file, text, options);
  return {
    sources: [
      {
        file,
        kind: 'dotenv',
        component: componentFromNames(content.assignments.map((a) => a.name)),
        name: path.basename(file),
        variables: content.assignments,
        natsConfigs: pinConfigs(content.pins),
        pins: content.pins,
        includes: [],
      },
    ],
    problems: content.problems,
  };
}

/** A pin's server, as a NatsConfigRef, so consumers find every named config in one list. */
export function pinConfigs(pins: readonly HostPin[]): { via: 'pin'; file: string; span: { start: number; end: number }; path?: string }[] {
  return pins.filter((pin) => pin.server).map((pin) => ({ via: 'pin' as const, file: pin.file, span: pin.server!.span, path: pin.server!.path }));
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function findClosingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
  }
  return -1;
}

/** Decodes a double-quoted value; `forInterpolation` keeps `$` references but turns `\$` into `$$`. */
function decodeDoubleQuoted(inner: string): { plain: string; forInterpolation: string } {
  let plain = '';
  let forInterpolation = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\' && i + 1 < inner.length) {
      const next = inner[++i];
      const decoded = next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next === '\\' || next === '"' || next === '$' ? next : `\\${next}`;
      plain += decoded;
      forInterpolation += next === '$' ? '$$' : decoded;
      continue;
    }
    if (c === '\r' && inner[i + 1] === '\n') continue;
    plain += c;
    forInterpolation += c;
  }
  return { plain, forInterpolation };
}
