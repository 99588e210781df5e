// `nats-lattice format [--check] PATH...`: formats configuration files in place, or with --check
// only lists the ones that would change. Files with syntax errors are reported and left alone.

import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { formatConfig } from '../features/format';
import { FormatSettings, formatStyleFrom, readFormatSettings, SEPARATOR_STYLES, SeparatorStyle } from '../features/formatStyle';
import { createNodeFileSystem } from '../nodeFileSystem';
import { parse } from '../syntax/parser';
import { collectFiles } from './collect';
import { splitArguments } from './splitArguments';

export const FORMAT_USAGE = `Usage: nats-lattice format [options] PATH...

Formats NATS server configuration files in place: indentation, one key/value separator,
at most one blank line in a row. Comments, quoted values, block strings and includes are
kept exactly; what nats-server reads never changes. Files with syntax errors are skipped.

  PATH                  a file, or a folder walked like \`nats-lattice check\` does

Options:
  --check               change nothing; list the files that would change and exit 1 if any
  --separator :|=|space the separator between a key and its value (default ":", or
                        "format.separator" in the nearest .nats-lattice.json)
  --align-values        line up the values of consecutive entries in a block
  --indent N|tab        N spaces (default 2) or one tab per level
  --config-glob GLOB    also take files matching GLOB when walking folders (repeatable)
  -h, --help            show this help

Exit status: 0 done (with --check: nothing would change); 1 with --check some file would
change, or a file has syntax errors (it is left as it is); 2 bad usage or a file that
cannot be read or written.
`;

export interface FormatIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

interface FormatCommand {
  check: boolean;
  separator?: SeparatorStyle;
  alignValues?: boolean;
  indent: { tabSize: number; insertSpaces: boolean };
  configGlobs: string[];
  paths: string[];
}

function parseFormatArguments(argv: readonly string[]): FormatCommand | { help: true } | { error: string } {
  const split = splitArguments(argv, { switches: ['--check', '--align-values'], valued: ['--separator', '--indent', '--config-glob'], command: 'format' });
  if ('help' in split || 'error' in split) return split;
  const command: FormatCommand = { check: false, indent: { tabSize: 2, insertSpaces: true }, configGlobs: [], paths: split.paths };
  for (const { flag, value = '' } of split.options) {
    if (flag === '--check') command.check = true;
    else if (flag === '--align-values') command.alignValues = true;
    else if (flag === '--config-glob') command.configGlobs.push(value);
    else if (flag === '--separator') {
      const separator = value === 'space' ? ' ' : value;
      if (!(SEPARATOR_STYLES as readonly string[]).includes(separator)) return { error: `--separator must be ":", "=" or "space", not '${value}'` };
      command.separator = separator as SeparatorStyle;
    } else if (value === 'tab') command.indent = { tabSize: 1, insertSpaces: false };
    else if (/^[1-8]$/.test(value)) command.indent = { tabSize: Number(value), insertSpaces: true };
    else return { error: `--indent must be a number of spaces from 1 to 8, or "tab", not '${value}'` };
  }
  if (command.paths.length === 0) return { error: 'no PATH given: name at least one file or folder to format' };
  return command;
}

/** The `format` settings of the nearest .nats-lattice.json above `file`, if any. */
function projectFormatSettings(file: string): FormatSettings | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.nats-lattice.json');
    if (nodeFs.existsSync(candidate)) {
      try {
        return readFormatSettings(JSON.parse(nodeFs.readFileSync(candidate, 'utf8')));
      } catch {
        return undefined; // `check` reports a broken settings file; formatting just uses the defaults
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function runFormat(argv: readonly string[], io: FormatIo): number {
  const parsed = parseFormatArguments(argv);
  if ('help' in parsed) { io.stdout(FORMAT_USAGE); return 0; }
  if ('error' in parsed) { io.stderr(`nats-lattice: ${parsed.error}\n\n${FORMAT_USAGE}`); return 2; }

  const fs = createNodeFileSystem();
  const collected = collectFiles(parsed.paths, fs, parsed.configGlobs, io.cwd);
  if (collected.missing.length > 0) {
    io.stderr(`nats-lattice: no such file or folder: ${collected.missing.map((m) => `'${m}'`).join(', ')}\n`);
    return 2;
  }
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  let wouldChange = 0;
  let skipped = 0;
  let writeFailed = false;
  for (const file of collected.files) {
    const text = fs.readFile(file);
    if (text === undefined) { io.stderr(`nats-lattice: cannot read ${shown(file)}\n`); writeFailed = true; continue; }
    const project = projectFormatSettings(file);
    const style = formatStyleFrom(parsed.indent, {
      separator: parsed.separator ?? project?.separator ?? ':',
      alignValues: parsed.alignValues ?? project?.alignValues ?? false,
    });
    const outcome = formatConfig(parse(text), style, parse);
    if (!outcome.ok) { io.stderr(`nats-lattice: skipped ${shown(file)}: ${outcome.reason}\n`); skipped++; continue; }
    if (outcome.text === text) continue;
    wouldChange++;
    if (parsed.check) { io.stdout(`${shown(file)}\n`); continue; }
    try {
      nodeFs.writeFileSync(file, outcome.text);
      io.stdout(`formatted ${shown(file)}\n`);
    } catch (error) {
      io.stderr(`nats-lattice: cannot write ${shown(file)}: ${error instanceof Error ? error.message : String(error)}\n`);
      writeFailed = true;
    }
  }
  if (writeFailed) return 2;
  if ((parsed.check && wouldChange > 0) || skipped > 0) return 1;
  return 0;
}
