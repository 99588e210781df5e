#!/usr/bin/env node
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createNodeFileSystem } from '../nodeFileSystem';
import { createLanguageService } from '../service';
import { parseArguments, USAGE } from './args';
import { checkFiles } from './check';
import { collectFiles } from './collect';
import { formatJson } from './formatJson';
import { formatText } from './formatText';

export const EXIT_OK = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;

export interface ConsoleIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The whole command: arguments in, output written, exit status out. */
export function run(argv: readonly string[], io: ConsoleIo): number {
  const parsed = parseArguments(argv);
  if (parsed.kind === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`nats-lattice: ${parsed.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  const fs = createNodeFileSystem();
  const collected = collectFiles(parsed.paths, fs, parsed.configGlobs, io.cwd);
  if (collected.missing.length > 0) {
    const names = collected.missing.map((name) => `'${name}'`).join(', ');
    io.stderr(`nats-lattice: no such file or folder: ${names}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  for (const folder of collected.emptyFolders) {
    io.stderr(
      `nats-lattice: no NATS configuration found in ${folder} (looked for nats.conf, nats-server.conf, nats-*.conf, *.nats.conf, nats/*.conf; add --config-glob GLOB for other names)\n`,
    );
  }

  const service = createLanguageService({ fs, env: io.env, settings: { files: { associations: parsed.configGlobs } } });
  const result = checkFiles(collected.files, service);
  const displayPath = (file: string) => {
    const relative = path.relative(io.cwd, file);
    return relative === '' ? file : relative;
  };
  io.stdout(parsed.format === 'json' ? formatJson(result, displayPath) : formatText(result, { displayPath, readFile: (file) => fs.readFile(file) }));
  const anyError = result.diagnostics.some(({ diagnostic }) => (diagnostic.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error);
  return anyError ? EXIT_ERRORS_FOUND : EXIT_OK;
}

if (require.main === module) {
  try {
    process.exitCode = run(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (error) {
    process.stderr.write(`nats-lattice: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  }
}
