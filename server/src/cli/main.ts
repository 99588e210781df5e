#!/usr/bin/env node
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { createNodeFileSystem } from '../nodeFileSystem';
import { createLanguageService } from '../service';
import { parseArguments, USAGE } from './args';
import { cachingFileSystem } from './cachingFileSystem';
import { checkFiles } from './check';
import { runGraph } from './graph';
import { ANSI_PALETTE, NO_COLOR_PALETTE, wantsColor } from './color';
import { runFormat } from './formatCommand';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { countSeverities, formatText } from './formatText';
import { progressReporter } from './progress';
import { repositoryRoot } from './project';
import { readWorkspaceInput } from './workspaceInput';
import { TOOL_VERSION } from './toolInfo';

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;

export interface ConsoleIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTerminal?: boolean;
  stderrIsTerminal?: boolean;
}

/** The whole command: arguments in, output written, exit status out. */
export function run(argv: readonly string[], io: ConsoleIo): number {
  if (argv[0] === 'format') return runFormat(argv.slice(1), io);
  if (argv[0] === 'graph') return runGraph(argv.slice(1), io);
  const parsed = parseArguments(argv);
  if (parsed.kind === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`nats-lattice: ${parsed.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  const fs = cachingFileSystem(createNodeFileSystem());
  const input = readWorkspaceInput(fs, parsed, io.cwd);
  if (input.kind === 'error') {
    io.stderr(input.messages.map((message) => `nats-lattice: ${message}\n`).join(''));
    return EXIT_USAGE;
  }
  const { settings, projectRoot, collected } = input;

  if (collected.missing.length > 0) {
    const names = collected.missing.map((name) => `'${name}'`).join(', ');
    io.stderr(`nats-lattice: no such file or folder: ${names}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  for (const name of collected.ignored) {
    io.stderr(`nats-lattice: skipped ${name}: the "ignore" globs of ${input.projectFile ? path.relative(io.cwd, input.projectFile) || input.projectFile : 'the settings'} match it\n`);
  }
  for (const folder of collected.emptyFolders) {
    io.stderr(
      `nats-lattice: no NATS configuration found in ${folder} (looked for nats.conf, nats-server.conf, nats-*.conf, *.nats.conf, nats/*.conf; add --config-glob GLOB for other names)\n`,
    );
  }

  const service = createLanguageService({ fs, env: io.env, settings, lookUpProjectFiles: parsed.project === undefined, reuseAnalyses: false });
  const progress = progressReporter(io.stderrIsTerminal === true, io.stderr);
  const result = checkFiles(collected.files, service, progress.update, collected.hostFiles);
  progress.finish();

  const displayPath = (file: string) => {
    const relative = path.relative(io.cwd, file);
    return relative === '' ? file : relative;
  };
  let report: string;
  if (parsed.format === 'json') report = formatJson(result, displayPath);
  else if (parsed.format === 'sarif') report = formatSarif(result, { root: repositoryRoot(fs, projectRoot ?? io.cwd) });
  else {
    const palette = wantsColor(parsed.color, parsed.output === undefined && io.stdoutIsTerminal === true, io.env) ? ANSI_PALETTE : NO_COLOR_PALETTE;
    report = formatText(result, { displayPath, readFile: (file) => fs.readFile(file), palette });
  }
  if (parsed.output !== undefined) {
    try {
      nodeFs.writeFileSync(path.resolve(io.cwd, parsed.output), report);
    } catch (error) {
      io.stderr(`nats-lattice: cannot write --output ${parsed.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
  } else {
    io.stdout(report);
  }

  const counts = countSeverities(result);
  if (counts.errors > 0) return EXIT_ERRORS_FOUND;
  if (parsed.maxWarnings !== undefined && counts.warnings > parsed.maxWarnings) {
    io.stderr(`nats-lattice: ${counts.warnings} warnings, more than --max-warnings ${parsed.maxWarnings} allows\n`);
    return EXIT_ERRORS_FOUND;
  }
  return EXIT_OK;
}

if (require.main === module) {
  // `nats-lattice check . | head` closes our stdout early: that is not a failure of the check.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = run(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      stdoutIsTerminal: process.stdout.isTTY === true,
      stderrIsTerminal: process.stderr.isTTY === true,
    });
  } catch (error) {
    process.stderr.write(`nats-lattice: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  }
}
