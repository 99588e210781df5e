// The shape every host-source reader produces: where a wasmCloud host (or wadm, or a NATS
// container beside them) gets its settings, with the exact place in the file each one came from.
//
// Offsets are UTF-16 code units into the text of `file` (what JS string indices count), half-open
// [start, end), like the syntax layer's Span. A byte-order mark counts as one unit. Every span
// names its own file, because a setting can come from another file (a compose `env_file`, a
// systemd `EnvironmentFile=`, a Kubernetes ConfigMap in another document of the same file).

import type { FileProblem } from '../diagnostics';
import type { ImageInfo } from '../facts/hostVersions';
import type { Span } from '../syntax/tree';

export type { Span } from '../syntax/tree';
export type { FileProblem } from '../diagnostics';

export type HostSourceKind = 'dotenv' | 'envrc' | 'compose' | 'kubernetes' | 'systemd';

/** What runs in a service / container / unit. `wash` is `wash up` (it starts NATS, a host and wadm). */
export type SourceComponent = 'wasmcloud' | 'wadm' | 'nats' | 'wash' | 'unknown';

/** How an assignment reached the program. */
export type AssignmentVia =
  | 'line' // a KEY=VALUE line of an env file
  | 'export' // `export KEY=VALUE` (env file or .envrc)
  | 'environment' // compose `environment:`, Kubernetes `env:` with `value`
  | 'env_file' // compose `env_file:` (the span is in that file)
  | 'valueFrom' // Kubernetes `env[].valueFrom` (value unknown unless resolved from a ConfigMap of the same file)
  | 'envFrom' // Kubernetes `envFrom` entry, expanded from a ConfigMap of the same file
  | 'Environment' // systemd `Environment=`
  | 'EnvironmentFile' // systemd `EnvironmentFile=` (the span is in that file)
  | 'argument'; // a command-line flag (compose `command:`, Kubernetes `args:`, systemd `ExecStart=`)

export interface EnvAssignment {
  /** The variable name; for `argument`, the environment variable the flag stands for (see `flag`). */
  name: string;
  /**
   * The value the program sees, decoded (quotes removed, escapes applied, `${VAR}` substituted).
   * Undefined when it cannot be known from the files: a reference to a variable set nowhere we can
   * see, `valueFrom` a Secret, a compose list entry without `=` (taken from the shell).
   */
  value: string | undefined;
  /** The file the text is in (may differ from the source's file). */
  file: string;
  nameSpan: Span;
  /** The value exactly as written, quotes included; empty (start = end) when there is no value. */
  valueSpan: Span;
  /** The text in valueSpan. */
  raw: string;
  via: AssignmentVia;
  /** The value contained `${...}` / `$VAR` that was substituted (or could not be). */
  interpolated?: boolean;
  /** Names referenced by the value that nothing we read defines (the value is then undefined unless a default applied). */
  unresolved?: string[];
  /** For `via: 'argument'`: the flag as written (`--js-domain`). */
  flag?: string;
  /** `valueFrom` / `envFrom` details: where Kubernetes takes the value from. */
  reference?: { kind: 'configMap' | 'secret' | 'field' | 'resource'; name?: string; key?: string; optional?: boolean };
}

/** A NATS server configuration a source points at. */
export interface NatsConfigRef {
  /** How we found it. */
  via: 'volume' | 'argument' | 'configmap' | 'pin';
  /** The file the reference is written in, and where. */
  file: string;
  span: Span;
  /**
   * The configuration's path on this machine, absolute, when it can be known (a compose bind mount
   * source, a systemd `-c` path, a pin). Undefined for a path that exists only inside a container.
   */
  path?: string;
  /** The path inside the container (`/etc/nats/nats.conf`), when different from `path`. */
  containerPath?: string;
  /** A configuration embedded in this file (a ConfigMap entry): its text and where it sits. */
  embedded?: EmbeddedText;
}

/**
 * Text that sits inside another file (a YAML block scalar). `segments` map its offsets back: each
 * segment is a run of characters copied unchanged from the file. `exact` is false when the text
 * could not be mapped character by character (folded or escaped scalars): then segments are
 * approximate and diagnostics should fall back to `span`.
 */
export interface EmbeddedText {
  text: string;
  /** Offset in the file where the value's content starts. */
  offset: number;
  /** The whole value as written in the file. */
  span: Span;
  /** The key it is stored under (ConfigMap data key). */
  key?: string;
  segments: { textStart: number; fileStart: number; length: number }[];
  exact: boolean;
}

/**
 * A pin: a comment that names the NATS configuration the host talks to, so cross-file rules need
 * not guess. Syntax (in any comment of a host source):
 *
 *     # nats-lattice: server=../nats/hub.conf
 *     # nats-lattice: server=../nats/leaf.conf account=APP
 *
 * Paths are relative to the file that holds the comment. Keys: `server` (required), `account`
 * (the NATS account the host's user is in, when the config has several).
 */
export interface HostPin {
  file: string;
  /** The whole `nats-lattice: ...` directive (after the comment marker). */
  span: Span;
  server?: { value: string; path: string; span: Span };
  account?: { value: string; span: Span };
}

/** One program whose settings were found: a compose service, a Kubernetes container, a unit, an env file. */
export interface HostSource {
  /** The file this source is declared in. */
  file: string;
  kind: HostSourceKind;
  component: SourceComponent;
  /** Service / container / unit name, or the file name for env files. */
  name: string;
  /** Where the name is written (the service key, the container `name:` value), when it is. */
  nameSpan?: Span;
  /** The Kubernetes object (`Deployment/wasmcloud-host`) or compose project holding the container. */
  owner?: string;
  image?: ImageInfo & { file: string; span: Span };
  /** Host version from the image tag (or undefined when the tag does not say). */
  version?: string;
  /**
   * Settings in the order the program applies them: a later assignment of the same name overrides
   * an earlier one, and `argument`s come last because flags beat the environment.
   * Use `effectiveAssignments` to get the winners.
   */
  variables: EnvAssignment[];
  natsConfigs: NatsConfigRef[];
  pins: HostPin[];
  /** Files this source read besides `file` (env_file, EnvironmentFile, the compose `.env`). */
  includes: string[];
  /**
   * Variables come from places we cannot read (a Kubernetes `envFrom` Secret, or a ConfigMap not in
   * this file): any setting may be hiding there, so "missing" findings should be softened.
   */
  opaqueEnv?: { kind: 'configMap' | 'secret'; name?: string; file: string; span: Span; optional?: boolean }[];
}

export interface HostSourceResult {
  sources: HostSource[];
  /** Problems found while reading, with ranges; readers never throw. */
  problems: FileProblem[];
}

/** The only way readers reach other files. Paths are absolute. */
export interface SourceFiles {
  readFile(path: string): string | undefined;
}

/** The assignment that wins for each name (the last one; arguments beat the environment). */
export function effectiveAssignments(source: Pick<HostSource, 'variables'>): Map<string, EnvAssignment> {
  const result = new Map<string, EnvAssignment>();
  for (const assignment of source.variables) result.set(assignment.name, assignment);
  return result;
}

/** Maps an offset in embedded text back to the file (best effort when `exact` is false). */
export function embeddedOffsetToFile(embedded: EmbeddedText, offset: number): number {
  let best = embedded.offset;
  for (const segment of embedded.segments) {
    if (offset < segment.textStart) break;
    best = segment.fileStart + Math.min(offset - segment.textStart, segment.length);
  }
  return best;
}
