// systemd units (`*.service`): `Environment=`, `EnvironmentFile=` and `ExecStart=` of [Service].
//
// Order of application, as systemd documents it: Environment= lines in order (an empty
// `Environment=` clears the earlier ones), then EnvironmentFile= files in order (they override
// Environment=), then the command line's flags (which beat the environment). Lines ending in a
// backslash continue on the next line. `#` and `;` start comment lines.

import * as path from 'node:path';
import type { FileProblem } from '../diagnostics';
import { parseImage } from '../facts/hostVersions';
import { CommandWord, flagAssignments, natsConfigArgument } from './commandLine';
import { componentFromCommand, componentFromNames, sourceComponentOf } from './componentGuess';
import { parseEnvFile, pinConfigs } from './dotenv';
import type { EnvAssignment, HostPin, HostSource, HostSourceResult, NatsConfigRef, SourceFiles } from './hostSettings';
import { parsePin } from './pins';
import { splitWords } from './shellWords';

interface UnitLine {
  key: string;
  keySpan: { start: number; end: number };
  /** The value's range in the file (may span continued lines). */
  valueStart: number;
  valueEnd: number;
}

export function readSystemdUnit(file: string, text: string, files?: SourceFiles): HostSourceResult {
  const problems: FileProblem[] = [];
  const pins: HostPin[] = [];
  const environment: EnvAssignment[] = [];
  const fromFiles: EnvAssignment[] = [];
  const includes: string[] = [];
  let execStart: { words: CommandWord[] } | undefined;
  let section = '';

  for (const line of unitLines(text, file, problems, pins)) {
    if (line.key.startsWith('[')) {
      section = line.key;
      continue;
    }
    if (section !== '[Service]') continue;
    if (line.key === 'Environment') {
      if (text.slice(line.valueStart, line.valueEnd).trim() === '') {
        environment.length = 0;
        continue;
      }
      const split = splitWords(text, line.valueStart, line.valueEnd, { dialect: 'systemd' });
      if (split.unterminatedQuote !== undefined) {
        problems.push({ file, start: split.unterminatedQuote, end: line.valueEnd, code: 'systemd-unterminated-quote', message: 'This quote is never closed. Close it before the end of the Environment= line.' });
      }
      for (const word of split.words) {
        const assignment = environmentWord(file, text, word);
        if (assignment) environment.push(assignment);
        else problems.push({ file, start: word.start, end: word.end, code: 'systemd-environment-invalid', message: `"${word.text}" is not NAME=value; systemd ignores it. Write Environment="NAME=value" (quote the whole assignment when the value has spaces).`, severity: 'warning' });
      }
    } else if (line.key === 'EnvironmentFile') {
      const raw = text.slice(line.valueStart, line.valueEnd).trim();
      if (raw === '') {
        fromFiles.length = 0;
        continue;
      }
      const optional = raw.startsWith('-');
      const target = optional ? raw.slice(1) : raw;
      const span = { start: line.valueStart + text.slice(line.valueStart, line.valueEnd).indexOf(raw), end: 0 };
      span.end = span.start + raw.length;
      if (!path.isAbsolute(target) && !target.startsWith('%')) {
        problems.push({ file, ...span, code: 'systemd-environment-file-relative', message: `EnvironmentFile= needs an absolute path; systemd rejects "${target}". Write the full path, e.g. /etc/wasmcloud/host.env.`, severity: 'warning' });
      }
      const resolved = path.resolve(path.dirname(file), target);
      const content = files?.readFile(resolved);
      if (content === undefined) {
        if (!optional && files) {
          problems.push({ file, ...span, code: 'env-file-missing', severity: 'warning', message: `Cannot read ${resolved} on this machine, so its settings are not checked. Prefix the path with "-" if the file is optional.` });
        }
        continue;
      }
      includes.push(resolved);
      const parsed = parseEnvFile(resolved, content, { via: 'EnvironmentFile', interpolate: false });
      problems.push(...parsed.problems);
      pins.push(...parsed.pins);
      fromFiles.push(...parsed.assignments);
    } else if (line.key === 'ExecStart') {
      let start = line.valueStart;
      while (start < line.valueEnd && /[ \t]/.test(text[start])) start++;
      while (start < line.valueEnd && '@-:+!'.includes(text[start])) start++;
      if (start >= line.valueEnd) {
        execStart = undefined;
        continue;
      }
      const split = splitWords(text, start, line.valueEnd, { dialect: 'systemd' });
      execStart = { words: split.words.map((word) => ({ ...word, file })) };
    }
  }

  const words = execStart?.words ?? [];
  const variables = [...environment, ...fromFiles];
  // `ExecStart=/usr/bin/docker run … ghcr.io/wasmcloud/wasmcloud:1.9.0` names its program by image.
  const imageWord = words.find((w) => /[/:]/.test(w.text) && !w.text.startsWith('-') && parseImage(w.text).component !== 'unknown' && w !== words[0]);
  const image = imageWord ? parseImage(imageWord.text) : undefined;
  const component =
    componentFromCommand(words.map((w) => w.text)) ?? (image ? sourceComponentOf(image.component) : componentFromNames(variables.map((v) => v.name)));
  const natsConfigs: NatsConfigRef[] = [...pinConfigs(pins)];
  if (component === 'nats') {
    const config = natsConfigArgument(words);
    if (config) natsConfigs.push({ via: 'argument', file, span: { start: config.start, end: config.end }, path: path.resolve(path.dirname(file), config.text) });
  } else if (component === 'wash') {
    const config = flagAssignments(words, 'wash').find((a) => a.name === 'NATS_CONFIG');
    if (config?.value) natsConfigs.push({ via: 'argument', file, span: config.valueSpan, path: path.resolve(path.dirname(file), config.value) });
  }
  variables.push(...flagAssignments(words, component));
  const source: HostSource = {
    file,
    kind: 'systemd',
    component,
    name: path.basename(file),
    variables,
    natsConfigs,
    pins,
    includes,
  };
  if (image && imageWord) {
    source.image = { ...image, file, span: { start: imageWord.start, end: imageWord.end } };
    if (image.version !== undefined) source.version = image.version;
  }
  return { sources: [source], problems };
}

/** An Environment= word `NAME=value` (possibly quoted as a whole) as an assignment. */
function environmentWord(file: string, text: string, word: { text: string; start: number; end: number }): EnvAssignment | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.text);
  if (!match) return undefined;
  const raw = text.slice(word.start, word.end);
  const quoted = (raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"));
  const innerStart = quoted ? word.start + 1 : word.start;
  const innerEnd = quoted && raw.length >= 2 ? word.end - 1 : word.end;
  const nameEnd = innerStart + match[1].length;
  const valueStart = Math.min(nameEnd + 1, innerEnd);
  return {
    name: match[1],
    value: word.text.slice(match[0].length),
    file,
    nameSpan: { start: innerStart, end: nameEnd },
    valueSpan: { start: valueStart, end: innerEnd },
    raw: text.slice(valueStart, innerEnd),
    via: 'Environment',
  };
}

/** Logical lines of a unit file: `[Section]` headers and `Key=value` settings; comments feed pins. */
function unitLines(text: string, file: string, problems: FileProblem[], pins: HostPin[]): UnitLine[] {
  const lines: UnitLine[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    const contentEnd = end > i && text[end - 1] === '\r' ? end - 1 : end;
    const line = text.slice(i, contentEnd);
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) {
      const pin = parsePin(file, trimmed.slice(1), i + indent + 1, problems);
      if (pin) pins.push(pin);
      i = end + 1;
      continue;
    }
    if (trimmed.startsWith('[')) {
      lines.push({ key: trimmed.trimEnd(), keySpan: { start: i + indent, end: contentEnd }, valueStart: contentEnd, valueEnd: contentEnd });
      i = end + 1;
      continue;
    }
    const eq = line.indexOf('=');
    if (trimmed === '' || eq < 0) {
      if (trimmed !== '') problems.push({ file, start: i + indent, end: contentEnd, code: 'systemd-line-invalid', severity: 'warning', message: `"${trimmed}" is not Key=value; systemd ignores it.` });
      i = end + 1;
      continue;
    }
    const key = line.slice(0, eq).trim();
    const keyStart = i + indent;
    // Continuation lines: a trailing backslash joins the next line.
    let valueEnd = contentEnd;
    let next = end + 1;
    while (valueEnd > i && text[valueEnd - 1] === '\\' && next < text.length) {
      let nextEnd = text.indexOf('\n', next);
      if (nextEnd < 0) nextEnd = text.length;
      valueEnd = nextEnd > next && text[nextEnd - 1] === '\r' ? nextEnd - 1 : nextEnd;
      next = nextEnd + 1;
    }
    lines.push({ key, keySpan: { start: keyStart, end: keyStart + key.length }, valueStart: i + eq + 1, valueEnd });
    i = next;
  }
  return lines;
}
