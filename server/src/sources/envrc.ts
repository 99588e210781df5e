// `.envrc` (direnv): only `export NAME=VALUE` lines set variables for the programs started from that
// directory; other shell lines are ignored (not errors: an .envrc is a shell script).
// `dotenv [file]` / `dotenv_if_exists [file]` load an env file (default `.env`), which we read too.

import * as path from 'node:path';
import type { FileProblem } from '../diagnostics';
import { componentFromNames } from './componentGuess';
import { parseEnvFile, pinConfigs } from './dotenv';
import type { EnvAssignment, HostPin, HostSourceResult, SourceFiles } from './hostSettings';
import { parsePin } from './pins';
import { splitWords } from './shellWords';

const EXPORT = /^[ \t]*export[ \t]+/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

export function readEnvrc(file: string, text: string, files?: SourceFiles): HostSourceResult {
  const problems: FileProblem[] = [];
  const variables: EnvAssignment[] = [];
  const pins: HostPin[] = [];
  const includes: string[] = [];
  const known = new Map<string, string>();
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    const comment = /^[ \t]*#/.exec(line);
    if (comment) {
      const pin = parsePin(file, line.slice(comment[0].length), lineStart + comment[0].length, problems);
      if (pin) pins.push(pin);
    } else if (EXPORT.test(line)) {
      const from = lineStart + EXPORT.exec(line)![0].length;
      const split = splitWords(text, from, contentEnd, { dialect: 'shell', comments: true, stopAtSeparators: true });
      if (split.unterminatedQuote !== undefined) {
        problems.push({ file, start: split.unterminatedQuote, end: contentEnd, code: 'env-unterminated-quote', message: 'This quote is never closed on this line. Add the closing quote.' });
      }
      for (const word of split.words) {
        const raw = text.slice(word.start, word.end);
        const match = ASSIGNMENT.exec(raw);
        if (!match) continue; // `export NAME` marks an existing variable; nothing we can know.
        const valueStart = word.start + match[0].length;
        const decodedValue = word.text.slice(word.text.indexOf('=') + 1);
        const assignment: EnvAssignment = {
          name: match[1],
          value: decodedValue,
          file,
          nameSpan: { start: word.start, end: word.start + match[1].length },
          valueSpan: { start: valueStart, end: word.end },
          raw: text.slice(valueStart, word.end),
          via: 'export',
        };
        if (word.hasReference) {
          // Shell expansion: resolvable only from earlier exports of this file.
          assignment.interpolated = true;
          const names = [...decodedValue.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1]);
          const unresolved = names.filter((name) => !known.has(name));
          if (unresolved.length > 0) {
            assignment.unresolved = unresolved;
            assignment.value = undefined;
          } else {
            assignment.value = decodedValue.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => known.get(name) ?? '');
          }
        }
        if (assignment.value !== undefined) known.set(assignment.name, assignment.value);
        variables.push(assignment);
      }
    } else if (files) {
      const directive = /^[ \t]*(dotenv|dotenv_if_exists)(?:[ \t]+(\S+))?[ \t]*$/.exec(line);
      if (directive) {
        const target = path.resolve(path.dirname(file), directive[2] ?? '.env');
        const loaded = files.readFile(target);
        if (loaded === undefined) {
          if (directive[1] === 'dotenv') {
            problems.push({ file, start: lineStart, end: contentEnd, code: 'env-file-missing', severity: 'warning', message: `direnv's dotenv cannot read ${target}. Create it, or use dotenv_if_exists.` });
          }
        } else {
          includes.push(target);
          const content = parseEnvFile(target, loaded, { lookup: (name) => known.get(name) });
          problems.push(...content.problems);
          for (const assignment of content.assignments) {
            if (assignment.value !== undefined) known.set(assignment.name, assignment.value);
            variables.push(assignment);
          }
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return {
    sources: [{ file, kind: 'envrc', component: componentFromNames(variables.map((v) => v.name)), name: path.basename(file), variables, natsConfigs: pinConfigs(pins), pins, includes }],
    problems,
  };
}
