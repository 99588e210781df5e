export type OutputFormat = 'text' | 'json';

export interface CheckCommand {
  kind: 'check';
  format: OutputFormat;
  /** Extra globs naming NATS configuration files when walking folders. */
  configGlobs: string[];
  paths: string[];
}

export type ParsedArguments = CheckCommand | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: nats-lattice check [--format text|json] [--config-glob GLOB]... PATH...

Checks NATS server configuration files the way nats-server loads them, and reports
problems with their file, line and column.

  PATH                 a file (checked whatever its name) or a folder (walked for files
                       named nats.conf, nats-server.conf, nats-*.conf, *.nats.conf or
                       nats/*.conf; node_modules, .git and dot-folders are skipped)
  --format text|json   text for people (default), json for tools: one array of problems
  --config-glob GLOB   also check files matching GLOB when walking folders (repeatable);
                       supports *, **, ? and {a,b}, e.g. --config-glob 'conf/*.conf'
  -h, --help           show this help

Exit status: 0 when no errors were found, 1 when any error was found, 2 on bad usage.
`;

/** Reads the command line (without the node and script paths). */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  if (argv.length === 0) return usageError('missing command: write `nats-lattice check PATH...`');
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command === 'help') return { kind: 'help' };
  if (command !== 'check') return usageError(`unknown command '${command}': the only command is \`check\``);

  const parsed: CheckCommand = { kind: 'check', format: 'text', configGlobs: [], paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i];
    if (argument === '--') {
      parsed.paths.push(...rest.slice(i + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      parsed.paths.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals >= 0 ? argument.slice(0, equals) : argument;
    const inlineValue = equals >= 0 ? argument.slice(equals + 1) : undefined;
    if (flag !== '--format' && flag !== '--config-glob') {
      return usageError(`unknown option '${flag}'`);
    }
    const value = inlineValue ?? rest[++i];
    if (value === undefined || value === '') return usageError(`${flag} needs a value`);
    if (flag === '--format') {
      if (value !== 'text' && value !== 'json') return usageError(`--format must be text or json, not '${value}'`);
      parsed.format = value;
    } else {
      parsed.configGlobs.push(value);
    }
  }
  if (parsed.paths.length === 0) return usageError('no PATH given: name at least one file or folder to check');
  return parsed;
}

function usageError(message: string): ParsedArguments {
  return { kind: 'usage-error', message };
}
