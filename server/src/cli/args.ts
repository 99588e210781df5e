import { splitArguments } from './splitArguments';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface CheckCommand {
  kind: 'check';
  format: OutputFormat;
  /** Extra globs naming NATS configuration files when walking folders. */
  configGlobs: string[];
  /** Fail (exit 1) when more warnings than this are reported; undefined: warnings never fail. */
  maxWarnings?: number;
  /** true/false from --color/--no-color; undefined: colour when stdout is a terminal and NO_COLOR is unset. */
  color?: boolean;
  /** --project FILE: the settings file to use instead of looking for .nats-lattice.json. */
  project?: string;
  /** --output FILE: write the report there instead of stdout. */
  output?: string;
  paths: string[];
}

export type ParsedArguments = CheckCommand | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: nats-lattice check [options] PATH...

Checks NATS server configuration files the way nats-server loads them, and reports
problems with their file, line and column.

  PATH                  a file (checked whatever its name) or a folder (walked for files
                        named nats.conf, nats-server.conf, nats-*.conf, *.nats.conf or
                        nats/*.conf, plus the wasmCloud env, compose, Kubernetes and systemd
                        files of the lattice cross-check; node_modules, .git and
                        dot-folders are skipped)

Options:
  --format text|json|sarif
                        text for people (default); json: one array of problems;
                        sarif: SARIF 2.1.0 for GitHub code scanning and other tools
                          nats-lattice check --format sarif --output nats.sarif deploy/
  --output FILE         write the report to FILE instead of stdout
  --max-warnings N      also fail (exit 1) when more than N warnings are reported
                          nats-lattice check --max-warnings 0 deploy/
  --config-glob GLOB    also check files matching GLOB when walking folders (repeatable);
                        supports *, **, ? and {a,b}
                          nats-lattice check --config-glob 'conf/*.conf' .
  --project FILE        read settings from FILE instead of the nearest .nats-lattice.json
                        above the first PATH (or the working folder)
                          nats-lattice check --project ci/nats-lattice.json deploy/
  --color, --no-color   force colour on or off in text output (default: on when stdout
                        is a terminal and NO_COLOR is not set)
  -h, --help            show this help
  -v, --version         print the version

Settings (.nats-lattice.json, shared with the editor):
  { "rules": { "duplicate-key": "error", "unused-variable": "off" },
    "ignore": ["test/**"], "files": { "associations": ["*.natsconf"] },
    "serverVersion": "2.10.0", "wasmcloud": { "hostVersion": "1.9.0" } }

Silence one problem with a comment on the line above it, or a whole file:
  # nats-lattice-disable-next-line duplicate-key
  # nats-lattice-disable-file unused-variable

Exit status: 0 no errors (and no more warnings than --max-warnings), 1 errors found or
too many warnings, 2 bad usage or an unreadable settings file.

To format files instead: nats-lattice format [--check] PATH... (see format --help)
To draw the lattice: nats-lattice graph --format mermaid|dot|svg PATH... (see graph --help)
`;

const VALUE_FLAGS = ['--format', '--config-glob', '--max-warnings', '--project', '--output'];

/** Reads the command line (without the node and script paths). */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  if (argv.length === 0) return usageError('missing command: write `nats-lattice check PATH...`');
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === 'help') return { kind: 'help' };
  if (command !== 'check') return usageError(`unknown command '${command}': the commands are \`check\`, \`format\` and \`graph\``);

  const split = splitArguments(rest, { switches: ['--color', '--no-color'], valued: VALUE_FLAGS });
  if ('help' in split) return { kind: 'help' };
  if ('error' in split) return usageError(split.error);
  const parsed: CheckCommand = { kind: 'check', format: 'text', configGlobs: [], paths: split.paths };
  for (const { flag, value = '' } of split.options) {
    switch (flag) {
      case '--color':
      case '--no-color':
        parsed.color = flag === '--color';
        break;
      case '--format':
        if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) return usageError(`--format must be text, json or sarif, not '${value}'`);
        parsed.format = value as OutputFormat;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value)) return usageError(`--max-warnings needs a whole number of warnings (0 or more), not '${value}'`);
        parsed.maxWarnings = Number(value);
        break;
      case '--project':
        parsed.project = value;
        break;
      case '--output':
        parsed.output = value;
        break;
      default:
        parsed.configGlobs.push(value);
    }
  }
  if (parsed.paths.length === 0) return usageError('no PATH given: name at least one file or folder to check');
  return parsed;
}

function usageError(message: string): ParsedArguments {
  return { kind: 'usage-error', message };
}
