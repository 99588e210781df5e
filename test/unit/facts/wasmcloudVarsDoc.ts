// Renders docs/wasmcloud-variables.md from the variables table. The test in
// wasmcloudVars.test.ts fails when the file is stale; run it with UPDATE_DOCS=1 to rewrite it.

import { BOOL_SYNTAX, CONNECTION_RULES, KNOWN_MISTAKES, NEWEST_CHECKED, OLDEST_CHECKED, WASMCLOUD_VARIABLE_PREFIXES, WASMCLOUD_VARIABLES, WasmcloudComponent } from '../../../server/src/facts/wasmcloudVars';

const TITLES: Record<WasmcloudComponent, string> = {
  'host-rust': 'wasmCloud host (Rust)',
  'host-elixir': 'wasmCloud host (Elixir/OTP)',
  wadm: 'wadm',
  wash: '`wash up`',
  'host-2': 'wasmCloud 2.x host (`wash host`)',
};

export function renderVariablesDoc(): string {
  const lines: string[] = [
    '# wasmCloud environment variables',
    '',
    '<!-- Generated from server/src/facts/wasmcloudVars.ts by test/unit/facts/wasmcloudVarsDoc.ts (UPDATE_DOCS=1). Do not edit by hand. -->',
    '',
    'The variables each wasmCloud program reads, as NATS Lattice knows them. Versions are versions of the',
    'program itself; "–" in *until* means the newest release checked still reads it. Command-line flags',
    'override the variables.',
    '',
    '| Program | Releases checked |',
    '| --- | --- |',
    ...(Object.keys(TITLES) as WasmcloudComponent[]).map((c) => `| ${TITLES[c]} | ${OLDEST_CHECKED[c]} … ${NEWEST_CHECKED[c]} |`),
    '',
    '## Booleans',
    '',
    'clap (Rust host, wadm, wash) accepts exactly `true` or `false`; `1`, `yes`, `True` stop the program.',
    `The Elixir host (0.60+) treats ${BOOL_SYNTAX.elixir.trueValues.map((v) => `\`${v}\``).join(', ')} (any case) as true and everything else as false;`,
    'before 0.60 its TLS switches were integers (`0`/`1`).',
    '',
    '## Where JetStream goes',
    '',
    'Each connection takes its host, port and credentials from the first variable set in the list, else the default.',
    'JetStream (the lattice and config buckets, and the JetStream domain) always uses the control (`ctl`) connection.',
    '',
    '| Program | Connection | Host from | Port from | Default | Carries |',
    '| --- | --- | --- | --- | --- | --- |',
    ...CONNECTION_RULES.map((r) => `| ${TITLES[r.component]} | ${r.connection} | ${r.host.join(' → ')} | ${r.port.join(' → ')} | ${r.defaultHost}:${r.defaultPort} | ${r.carries.join(', ')} |`),
    '',
  ];
  for (const component of Object.keys(TITLES) as WasmcloudComponent[]) {
    lines.push(`## ${TITLES[component]}`, '', '| Variable | Since | Until | Type | Default | Flag | What it does |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const v of WASMCLOUD_VARIABLES.filter((row) => row.component === component)) {
      const type = `${v.type}${v.list ? ' list' : ''}${v.values ? ` (${v.values.join('/')})` : ''}`;
      const notes = [v.summary, v.renamedFrom ? `Replaces ${v.renamedFrom}.` : '', v.renamedTo ? `Replaced by ${v.renamedTo}.` : '', v.deprecated ?? '', v.note ?? ''].filter(Boolean).join(' ');
      lines.push(`| \`${v.name}\` | ${v.since} | ${v.until ?? '–'} | ${type} | ${v.default === undefined ? '' : `\`${v.default}\``} | ${v.flag ? `\`${v.flag}\`` : ''} | ${notes.replace(/\|/g, '\\|')} |`);
    }
    for (const p of WASMCLOUD_VARIABLE_PREFIXES.filter((row) => row.component === component)) {
      lines.push(`| \`${p.prefix}*\` | ${p.since} | ${p.until ?? '–'} | string |  |  | ${p.summary} |`);
    }
    lines.push('');
  }
  lines.push('## Common mistakes', '', '| Written | Meant | Why |', '| --- | --- | --- |', ...KNOWN_MISTAKES.map((m) => `| \`${m.name}\` | \`${m.meant}\` | ${m.why} |`), '');
  lines.push(
    '## How this table was checked',
    '',
    'Read from the programs\' sources at every release tag in the ranges above: the Rust host\'s `src/main.rs` clap',
    'definitions (wasmCloud/wasmCloud), the Elixir host\'s `config_plan.ex` (wasmCloud/wasmcloud-otp), wadm\'s CLI',
    'arguments (wasmCloud/wadm), `wash up`\'s arguments and constants, and `wash host` in wasmCloud 2.x.',
    'Connection fallbacks were read from the host\'s `main` (`ctl_host.unwrap_or_else(|| nats_host)`), and the',
    'JetStream context from the host\'s start-up (`jetstream::with_domain(ctl_nats, js_domain)`).',
    '',
  );
  return lines.join('\n');
}
