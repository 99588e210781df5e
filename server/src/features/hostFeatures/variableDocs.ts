// A variable's documentation as Markdown, from the table: shared by hover and completion.
import { NEWEST_CHECKED, WasmcloudVariable } from '../../facts/wasmcloudVars';
import { describeProgram } from '../../rules/hostVariables/program';

const TYPE_WORDS: Record<WasmcloudVariable['type'], string> = {
  string: 'text',
  bool: 'boolean',
  port: 'port (1–65535)',
  integer: 'whole number',
  'duration-ms': 'milliseconds',
  'duration-s': 'seconds',
  subject: 'NATS subject',
  lattice: 'lattice name ([A-Za-z0-9_-])',
  'js-domain': 'JetStream domain',
  jwt: 'user JWT',
  'nkey-seed': 'nkey seed',
  path: 'file path',
  url: 'URL',
  host: 'host name or IP address',
  'host-port': 'host:port',
  'socket-address': 'IP:port',
  'log-level': 'log level',
  enum: 'one of a list',
};

export function typeWords(row: WasmcloudVariable): string {
  const base = row.values ? row.values.join(' | ') : TYPE_WORDS[row.type];
  return row.list ? `comma-separated ${base}` : base;
}

export function versionsWords(row: WasmcloudVariable): string {
  const program = describeProgram(row.component);
  return row.until ? `${program} ${row.since} – ${row.until}` : `${program} ${row.since} and later (checked up to ${NEWEST_CHECKED[row.component]})`;
}

/** The one-line detail completion shows beside the name. */
export function variableDetail(row: WasmcloudVariable): string {
  return row.default !== undefined ? `${typeWords(row)}, default ${row.default}` : typeWords(row);
}

export function variableMarkdown(row: WasmcloudVariable): string {
  const lines = [`**${row.name}**: ${row.summary}`, ''];
  lines.push(`- Type: ${typeWords(row)}`);
  if (row.default !== undefined) lines.push(`- Default: \`${row.default}\``);
  if (row.flag) lines.push(`- Flag: \`${row.flag}\`${row.flagAliases?.length ? ` (${row.flagAliases.map((f) => `\`${f}\``).join(', ')})` : ''}; a flag wins over the variable`);
  lines.push(`- Read by ${versionsWords(row)}`);
  if (row.renamedFrom) lines.push(`- Replaces ${row.renamedFrom}`);
  if (row.renamedTo) lines.push(`- Renamed to ${row.renamedTo}`);
  if (row.requires?.length) lines.push(`- Needs ${row.requires.join(', ')} set as well`);
  if (row.conflictsWith?.length) lines.push(`- Cannot be set with ${row.conflictsWith.join(', ')}`);
  if (row.deprecated) lines.push(`- Deprecated: ${row.deprecated}`);
  if (row.note) lines.push('', row.note);
  return lines.join('\n');
}
