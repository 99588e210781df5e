// Host models from host sources: which NATS address a wasmCloud host or wadm uses for JetStream,
// with which domain and lattice, and where each was written.
import * as path from 'node:path';
import { matchesGlob } from '../workspace/glob';
import { compareVersions, NEWEST_CHECKED, resolveConnection, variablesFor, WasmcloudComponent } from '../facts/wasmcloudVars';
import { EnvAssignment, effectiveAssignments, HostSource } from '../sources/hostSettings';
import { HostModel, Located, SourceRange } from './model';

export interface HostDefaults {
  /** Host version to assume when no image tag says (setting `natsLattice.wasmcloud.hostVersion`). */
  hostVersion?: string;
  /**
   * Which NATS config hosts use, by host file glob (setting `natsLattice.wasmcloud.servers`): the
   * same as a `# nats-lattice: server=…` comment, for files one cannot or would rather not edit.
   * Relative config paths are taken from the host file's folder, like the comment's.
   */
  servers?: Record<string, string>;
}

function pinFromSettings(file: string, servers: Record<string, string> | undefined): string | undefined {
  for (const [glob, config] of Object.entries(servers ?? {})) {
    if (matchesGlob(glob, file)) return path.resolve(path.dirname(file), config);
  }
  return undefined;
}

/** The program generation a source runs, as the variable table names it. */
export function factsComponentOf(source: HostSource, defaults: HostDefaults = {}): WasmcloudComponent | undefined {
  if (source.component === 'wadm') return 'wadm';
  if (source.component !== 'wasmcloud') return undefined;
  const fromImage = source.image?.component;
  if (fromImage === 'host-rust' || fromImage === 'host-elixir' || fromImage === 'host-2') return fromImage;
  const version = source.version ?? defaults.hostVersion;
  if (version === undefined) return 'host-rust';
  if (compareVersions(version, '2.0.0') >= 0) return 'host-2';
  if (compareVersions(version, '0.78.0') < 0) return 'host-elixir';
  return 'host-rust';
}

function rangeOf(a: EnvAssignment, part: 'value' | 'name'): SourceRange {
  const span = part === 'value' ? a.valueSpan : a.nameSpan;
  return { file: a.file, start: span.start, end: span.end };
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline };
}

/**
 * A new variable is written like the last one the source's own file assigns: same indentation,
 * same list marker, same separator, on the line after it.
 */
function addVariableAfter(source: HostSource, textOf: (file: string) => string | undefined): HostModel['addVariable'] {
  const own = source.variables.filter((v) => v.file === source.file && v.via !== 'argument');
  const last = own[own.length - 1];
  const text = textOf(source.file);
  if (!last || text === undefined) return undefined;
  const line = lineBounds(text, last.nameSpan.start);
  const prefix = text.slice(line.start, last.nameSpan.start);
  const separator = last.valueSpan.start > last.nameSpan.end ? text.slice(last.nameSpan.end, last.valueSpan.start) : '=';
  const eol = text.slice(line.end - 1, line.end) === '\r' ? '\r\n' : '\n';
  return {
    at: { file: source.file, start: line.end, end: line.end },
    format: (name, value) => `${eol}${prefix}${name}${separator}${value}`,
  };
}

function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash) || '/';
}

export function buildHostModel(source: HostSource, textOf: (file: string) => string | undefined, defaults: HostDefaults = {}): HostModel | undefined {
  const component = factsComponentOf(source, defaults);
  if (!component) return undefined;
  const version = source.version ?? defaults.hostVersion;
  const vars = effectiveAssignments(source);
  const lookup = (name: string) => vars.get(name)?.value;
  const connection = resolveConnection(component, component === 'wadm' ? 'wadm' : 'ctl', lookup, version);
  if (!connection || connection.port === undefined) return undefined;

  const sourceAt: SourceRange = source.nameSpan
    ? { file: source.file, start: source.nameSpan.start, end: source.nameSpan.end }
    : (() => {
        const first = source.variables.find((v) => v.file === source.file);
        return first ? rangeOf(first, 'name') : { file: source.file, start: 0, end: 0 };
      })();
  const addressFrom = vars.get(connection.hostFrom ?? '') ?? vars.get(connection.portFrom ?? '');
  const portFrom = vars.get(connection.portFrom ?? '');
  const domainFrom = connection.jsDomainFrom ? vars.get(connection.jsDomainFrom) : undefined;
  const latticeVar = variablesFor('lattice', component, version ?? NEWEST_CHECKED[component]).map((v) => vars.get(v.name)).find((a) => a !== undefined);
  const pin = source.pins.find((p) => p.server);
  const settingsPin = pin ? undefined : pinFromSettings(source.file, defaults.servers);

  const located = (a: EnvAssignment): Located<string> => ({ value: a.value ?? '', at: rangeOf(a, 'value') });
  return {
    file: source.file,
    component: component === 'wadm' ? 'wadm' : 'wasmcloud',
    name: source.name,
    version,
    address: { value: { host: connection.host.toLowerCase(), port: connection.port }, at: addressFrom ? rangeOf(addressFrom, 'value') : sourceAt },
    portAt: portFrom ? rangeOf(portFrom, 'value') : undefined,
    addressImplicit: addressFrom === undefined,
    domain: domainFrom && domainFrom.value ? located(domainFrom) : undefined,
    hasDomainSetting: component !== 'host-2',
    lattice: latticeVar?.value ? located(latticeVar) : { value: 'default', at: sourceAt },
    latticeImplicit: !latticeVar?.value,
    localScope: dirname(source.file),
    scope: source.kind === 'compose' ? source.file : undefined,
    pinnedServer: pin?.server
      ? { value: pin.server.path, at: { file: pin.file, ...pin.server.span } }
      : settingsPin !== undefined ? { value: settingsPin, at: sourceAt } : undefined,
    addVariable: addVariableAfter(source, textOf),
    at: sourceAt,
  };
}
