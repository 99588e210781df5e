// The arguments after a subcommand's name, split the same way for every subcommand: paths, and
// options written `--flag value` or `--flag=value`. `--` ends the options; a lone `-` is a path.

export interface OptionSpec {
  /** Options that take no value (`--check`). */
  switches: readonly string[];
  /** Options that take one (`--format json`, `--format=json`). */
  valued: readonly string[];
  /** The subcommand, named in the message about an unknown option. */
  command?: string;
}

export interface SplitArguments {
  paths: string[];
  /** In the order written; switches have no value. */
  options: { flag: string; value?: string }[];
}

export function splitArguments(argv: readonly string[], spec: OptionSpec): SplitArguments | { help: true } | { error: string } {
  const split: SplitArguments = { paths: [], options: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '-h' || argument === '--help') return { help: true };
    if (argument === '--') {
      split.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      split.paths.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals >= 0 ? argument.slice(0, equals) : argument;
    const inline = equals >= 0 ? argument.slice(equals + 1) : undefined;
    if (spec.switches.includes(flag)) {
      if (inline !== undefined) return { error: `${flag} takes no value` };
      split.options.push({ flag });
      continue;
    }
    if (!spec.valued.includes(flag)) return { error: `unknown option '${flag}'${spec.command ? ` for ${spec.command}` : ''}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return { error: `${flag} needs a value` };
    split.options.push({ flag, value });
  }
  return split;
}
