// What a container image reference tells us: which program runs and, when the tag says so, which
// version. Image names checked against wasmCloud's own compose files, Helm charts and release
// workflows (wasmCloud/wasmCloud, wasmcloud-otp, wadm).

import { compareVersions, WasmcloudComponent } from './wasmcloudVars';

export type ImageComponent = WasmcloudComponent | 'nats' | 'unknown';

export interface ImageInfo {
  /** The reference as written, e.g. `ghcr.io/wasmcloud/wasmcloud:1.9.0`. */
  reference: string;
  /** Registry host, when the reference names one (`ghcr.io`). */
  registry?: string;
  /** Repository path without registry (`wasmcloud/wasmcloud`). */
  repository: string;
  tag?: string;
  digest?: string;
  component: ImageComponent;
  /**
   * The program version the tag names, normalised without `v` and without a flavour suffix
   * (`1.9.0-wolfi` → `1.9.0`, `v0.21.0` → `0.21.0`). May be partial (`1.9`, `2`). Absent for
   * `latest`, `canary`, a digest only, or no tag.
   */
  version?: string;
}

/** Repository names (without registry) and the program they run. */
const KNOWN_REPOSITORIES: readonly { repository: RegExp; component: (version: string | undefined) => ImageComponent }[] = [
  // The Rust host; the wash image of the 2.x line runs the 2.x host (`wash host`).
  { repository: /^(library\/)?wasmcloud\/wasmcloud$/, component: (v) => (v !== undefined && compareVersions(v, '2.0.0') >= 0 ? 'host-2' : 'host-rust') },
  { repository: /^wasmcloud\/wasmcloud_host$/, component: () => 'host-elixir' },
  { repository: /^wasmcloud\/wadm$/, component: () => 'wadm' },
  { repository: /^wasmcloud\/wash$/, component: (v) => (v !== undefined && compareVersions(v, '2.0.0') >= 0 ? 'host-2' : 'wash') },
  { repository: /^(library\/)?nats$|^nats-io\/nats-server$|^synadia\/nats-server$|^bitnami\/nats$/, component: () => 'nats' },
];

/** Parses an image reference (`[registry/]repository[:tag][@digest]`). Never throws. */
export function parseImage(reference: string): ImageInfo {
  const trimmed = reference.trim();
  let rest = trimmed;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  const repository = rest.toLowerCase();
  const version = tag === undefined ? undefined : versionFromTag(tag);
  const known = KNOWN_REPOSITORIES.find((k) => k.repository.test(repository));
  const info: ImageInfo = { reference: trimmed, repository, component: known ? known.component(version) : 'unknown' };
  if (registry !== undefined) info.registry = registry;
  if (tag !== undefined) info.tag = tag;
  if (digest !== undefined) info.digest = digest;
  if (version !== undefined) info.version = version;
  return info;
}

/** `1.9.0`, `v0.21.0`, `1.9.0-wolfi`, `2.10-alpine`, `1` → the numeric part; `latest` → undefined. */
export function versionFromTag(tag: string): string | undefined {
  const match = /^v?(\d+(?:\.\d+){0,2})(?:[-+.][A-Za-z0-9.-]*)?$/.exec(tag);
  return match ? match[1] : undefined;
}

/** The wasmCloud component a program name on a command line starts (systemd ExecStart, compose command). */
export function componentOfProgram(program: string): ImageComponent | undefined {
  const base = program.replace(/^.*[\\/]/, '').toLowerCase();
  if (base === 'wasmcloud' || base === 'wasmcloud_host' || base === 'wasmcloud-host') return base === 'wasmcloud' ? 'host-rust' : 'host-elixir';
  if (base === 'wadm') return 'wadm';
  if (base === 'wash') return 'wash';
  if (base === 'nats-server') return 'nats';
  return undefined;
}
