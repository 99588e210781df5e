// Docker Compose files: one HostSource per service.
//
// Per service: `image:` (component and version), `env_file:` (string, list of strings, or list of
// {path, required}), `environment:` (map or list, merge keys and aliases followed), `command:` /
// `entrypoint:` (string or list: host flags, nats-server `-c`), `volumes:` (short and long syntax:
// `.conf` files mounted into the container). Values are interpolated as compose does, from the
// `.env` beside the compose file (the shell environment is unknown here, so names set nowhere
// leave the value unknown instead of empty).
//
// Order of `variables`: env_file entries (in order), then `environment:`, then command-line flags:
// compose lets `environment:` override `env_file:`, and flags beat the environment.

import * as path from 'node:path';
import { Document, isMap, isScalar, isSeq, Node, Scalar } from 'yaml';
import type { FileProblem } from '../diagnostics';
import { parseImage } from '../facts/hostVersions';
import { CommandWord, flagAssignments, natsConfigArgument } from './commandLine';
import { componentFromCommand, componentFromNames, sourceComponentOf } from './componentGuess';
import { parseEnvFile } from './dotenv';
import type { EnvAssignment, HostPin, HostSource, HostSourceResult, NatsConfigRef, SourceComponent, SourceFiles } from './hostSettings';
import { interpolate } from './interpolate';
import { splitWords } from './shellWords';
import { mapGet, mapPairs, parseYaml, scalarOffset, scalarText, spanOf, YamlFile, yamlPins } from './yamlNodes';

interface Context {
  file: string;
  dir: string;
  text: string;
  files?: SourceFiles;
  yaml: YamlFile;
  document: Document.Parsed;
  problems: FileProblem[];
  lookup: (name: string) => string | undefined;
}

interface Mount {
  source: string;
  target: string;
  file: string;
  span: { start: number; end: number };
  /** The source is a path on this machine (not a named volume). */
  hostPath?: string;
}

export function readCompose(file: string, text: string, files?: SourceFiles): HostSourceResult {
  const problems: FileProblem[] = [];
  const dir = path.dirname(file);
  const includes: string[] = [];
  const projectEnv = new Map<string, string>();
  const dotenvPath = path.join(dir, '.env');
  const dotenv = files?.readFile(dotenvPath);
  if (dotenv !== undefined) {
    includes.push(dotenvPath);
    for (const assignment of parseEnvFile(dotenvPath, dotenv).assignments) {
      if (assignment.value !== undefined) projectEnv.set(assignment.name, assignment.value);
    }
  }
  const yaml = parseYaml(file, text);
  problems.push(...yaml.problems);
  const pins = yamlPins(file, text, problems);
  const sources: HostSource[] = [];
  for (const document of yaml.documents) {
    const ctx: Context = { file, dir, text, files, yaml, document, problems, lookup: (name) => projectEnv.get(name) };
    const services = mapGet(document.contents, 'services', yaml, document);
    if (!isMap(services)) continue;
    for (const pair of mapPairs(services, yaml, document)) {
      if (!isMap(pair.value)) continue;
      sources.push(readService(ctx, pair.key, pair.value, includes));
    }
  }
  assignPins(sources, pins);
  return { sources, problems };
}

function readService(ctx: Context, key: Scalar, service: Node, projectIncludes: string[]): HostSource {
  const name = String(key.value);
  const source: HostSource = {
    file: ctx.file,
    kind: 'compose',
    component: 'unknown',
    name,
    variables: [],
    natsConfigs: [],
    pins: [],
    includes: [...projectIncludes],
  };
  const nameSpan = spanOf(key);
  if (nameSpan) source.nameSpan = nameSpan;

  const imageNode = mapGet(service, 'image', ctx.yaml, ctx.document);
  const imageText = scalarText(imageNode, ctx.text);
  if (imageText !== undefined && isScalar(imageNode)) {
    const reference = interpolate(imageText, ctx.lookup).value ?? imageText;
    source.image = { ...parseImage(reference), file: ctx.file, span: spanOf(imageNode)! };
    if (source.image.version !== undefined) source.version = source.image.version;
  }

  source.variables.push(...readEnvFiles(ctx, mapGet(service, 'env_file', ctx.yaml, ctx.document), source.includes));
  source.variables.push(...readEnvironment(ctx, mapGet(service, 'environment', ctx.yaml, ctx.document)));

  const entrypoint = commandWords(ctx, mapGet(service, 'entrypoint', ctx.yaml, ctx.document));
  const command = commandWords(ctx, mapGet(service, 'command', ctx.yaml, ctx.document));
  const words = [...entrypoint, ...command];
  source.component = componentOf(source, words, name);
  source.variables.push(...flagAssignments(words, source.component, source.version));

  const mounts = readVolumes(ctx, mapGet(service, 'volumes', ctx.yaml, ctx.document));
  if (source.component === 'nats') {
    const config = natsConfigArgument(words);
    if (config) {
      const ref: NatsConfigRef = { via: 'argument', file: ctx.file, span: { start: config.start, end: config.end }, containerPath: config.text };
      const hostPath = throughMounts(config.text, mounts);
      if (hostPath !== undefined) ref.path = hostPath;
      source.natsConfigs.push(ref);
    }
    for (const mount of mounts) {
      if (!/\.conf$/i.test(mount.target) && !/\.conf$/i.test(mount.source)) continue;
      const ref: NatsConfigRef = { via: 'volume', file: mount.file, span: mount.span, containerPath: mount.target };
      if (mount.hostPath !== undefined) ref.path = mount.hostPath;
      source.natsConfigs.push(ref);
    }
  } else if (source.component === 'wash') {
    const config = source.variables.find((v) => v.name === 'NATS_CONFIG' && v.value !== undefined);
    if (config?.value !== undefined) {
      source.natsConfigs.push({ via: 'argument', file: config.file, span: config.valueSpan, containerPath: config.value, ...optionalPath(throughMounts(config.value, mounts)) });
    }
  }
  return source;
}

function componentOf(source: HostSource, words: CommandWord[], serviceName: string): SourceComponent {
  if (source.image && source.image.component !== 'unknown') return sourceComponentOf(source.image.component);
  const fromCommand = componentFromCommand(words.map((w) => w.text));
  if (fromCommand && fromCommand !== 'unknown') return fromCommand;
  const fromNames = componentFromNames(source.variables.map((v) => v.name));
  if (fromNames !== 'unknown') return fromNames;
  if (/nats/i.test(serviceName)) return 'nats';
  if (/wadm/i.test(serviceName)) return 'wadm';
  if (/wasmcloud|host/i.test(serviceName)) return 'wasmcloud';
  return 'unknown';
}

function readEnvFiles(ctx: Context, node: Node | undefined, includes: string[]): EnvAssignment[] {
  if (node === undefined) return [];
  const entries: { pathNode: Node; required: boolean }[] = [];
  if (isScalar(node)) entries.push({ pathNode: node, required: true });
  else if (isSeq(node)) {
    for (const item of node.items) {
      const resolved = ctx.yaml.resolve(item, ctx.document);
      if (isScalar(resolved)) entries.push({ pathNode: resolved, required: true });
      else if (isMap(resolved)) {
        const pathNode = mapGet(resolved, 'path', ctx.yaml, ctx.document);
        const required = scalarText(mapGet(resolved, 'required', ctx.yaml, ctx.document), ctx.text);
        if (pathNode) entries.push({ pathNode, required: required !== 'false' });
      }
    }
  } else {
    addProblem(ctx, node, 'compose-env-file-invalid', 'env_file must be a path or a list of paths.');
  }
  const result: EnvAssignment[] = [];
  for (const entry of entries) {
    const written = scalarText(entry.pathNode, ctx.text);
    if (written === undefined) continue;
    const relative = interpolate(written, ctx.lookup).value ?? written;
    const target = path.resolve(ctx.dir, relative);
    const content = ctx.files?.readFile(target);
    if (content === undefined) {
      if (entry.required && ctx.files) addProblem(ctx, entry.pathNode, 'env-file-missing', `Cannot read env_file ${target}; docker compose will refuse to start this service. Create the file, fix the path (relative to this compose file), or mark it "required: false".`, 'warning');
      continue;
    }
    includes.push(target);
    const parsed = parseEnvFile(target, content, { via: 'env_file', lookup: ctx.lookup });
    ctx.problems.push(...parsed.problems);
    result.push(...parsed.assignments);
  }
  return result;
}

function readEnvironment(ctx: Context, node: Node | undefined): EnvAssignment[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  const result: EnvAssignment[] = [];
  if (isMap(node)) {
    for (const pair of mapPairs(node, ctx.yaml, ctx.document)) {
      const name = String(pair.key.value);
      const nameSpan = spanOf(pair.key)!;
      const valueNode = pair.value;
      if (valueNode !== undefined && !isScalar(valueNode)) {
        addProblem(ctx, valueNode, 'compose-environment-invalid', `The value of ${name} must be a string, number or boolean, not a ${isMap(valueNode) ? 'map' : 'list'}.`);
        continue;
      }
      const written = scalarText(valueNode, ctx.text);
      if (written === undefined) {
        // `NAME:` with no value: taken from the environment compose runs in.
        result.push(passThrough(ctx, name, nameSpan, valueNode ? spanOf(valueNode)! : { start: nameSpan.end, end: nameSpan.end }));
        continue;
      }
      const valueSpan = spanOf(valueNode)!;
      result.push(withInterpolation(ctx, { name, value: written, file: ctx.file, nameSpan, valueSpan, raw: ctx.text.slice(valueSpan.start, valueSpan.end), via: 'environment' }, written));
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const resolved = ctx.yaml.resolve(item, ctx.document);
      if (!isScalar(resolved) || !resolved.range) {
        if (resolved) addProblem(ctx, resolved, 'compose-environment-invalid', 'Each environment list entry must be NAME=value or NAME.');
        continue;
      }
      const entry = scalarText(resolved, ctx.text) ?? '';
      const offset = scalarOffset(resolved, ctx.text);
      const whole = spanOf(resolved)!;
      const eq = entry.indexOf('=');
      const name = eq < 0 ? entry : entry.slice(0, eq);
      const nameSpan = offset ? { start: offset(0), end: offset(name.length) } : whole;
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
        ctx.problems.push({ file: ctx.file, ...nameSpan, code: 'compose-environment-invalid', message: `"${name}" is not a variable name. Write NAME=value.` });
        continue;
      }
      if (eq < 0) {
        result.push(passThrough(ctx, name, nameSpan, { start: nameSpan.end, end: nameSpan.end }));
        continue;
      }
      const written = entry.slice(eq + 1);
      const valueSpan = offset ? { start: offset(eq + 1), end: offset(entry.length) } : whole;
      result.push(withInterpolation(ctx, { name, value: written, file: ctx.file, nameSpan, valueSpan, raw: ctx.text.slice(valueSpan.start, valueSpan.end), via: 'environment' }, written));
    }
  } else {
    addProblem(ctx, node, 'compose-environment-invalid', 'environment must be a map (NAME: value) or a list (- NAME=value).');
  }
  return result;
}

function passThrough(ctx: Context, name: string, nameSpan: { start: number; end: number }, valueSpan: { start: number; end: number }): EnvAssignment {
  const value = ctx.lookup(name);
  const assignment: EnvAssignment = { name, value, file: ctx.file, nameSpan, valueSpan, raw: '', via: 'environment' };
  if (value === undefined) assignment.unresolved = [name];
  return assignment;
}

function withInterpolation(ctx: Context, assignment: EnvAssignment, written: string): EnvAssignment {
  if (!written.includes('$')) return assignment;
  const result = interpolate(written, ctx.lookup);
  assignment.value = result.value;
  if (result.interpolated) assignment.interpolated = true;
  if (result.unresolved.length > 0) assignment.unresolved = result.unresolved;
  for (const error of result.errors) ctx.problems.push({ file: ctx.file, ...assignment.valueSpan, code: 'compose-interpolation-invalid', message: error.message });
  return assignment;
}

/** `command:` / `entrypoint:` as words: a list is one word per item; a string is split like a shell would. */
function commandWords(ctx: Context, node: Node | undefined): CommandWord[] {
  if (node === undefined) return [];
  const words: CommandWord[] = [];
  const push = (text: string, start: number, end: number) => {
    const resolved = text.includes('$') ? interpolate(text, ctx.lookup) : undefined;
    words.push({ text: resolved?.value ?? text, start, end, hasReference: resolved !== undefined && resolved.value === undefined, file: ctx.file });
  };
  if (isSeq(node)) {
    for (const item of node.items) {
      const resolved = ctx.yaml.resolve(item, ctx.document);
      const text = scalarText(resolved, ctx.text);
      const span = spanOf(resolved as Node);
      if (text !== undefined && span) {
        const offset = isScalar(resolved) ? scalarOffset(resolved, ctx.text) : undefined;
        push(text, offset ? offset(0) : span.start, offset ? offset(text.length) : span.end);
      }
    }
  } else if (isScalar(node) && node.range) {
    const text = scalarText(node, ctx.text) ?? '';
    const offset = scalarOffset(node, ctx.text);
    if (offset) {
      const start = offset(0);
      for (const word of splitWords(ctx.text, start, offset(text.length), { dialect: 'shell' }).words) push(word.text, word.start, word.end);
    } else {
      const whole = spanOf(node)!;
      for (const word of splitWords(text, 0, text.length, { dialect: 'shell' }).words) push(word.text, whole.start, whole.end);
    }
  }
  return words;
}

function readVolumes(ctx: Context, node: Node | undefined): Mount[] {
  if (!isSeq(node)) return [];
  const mounts: Mount[] = [];
  for (const item of node.items) {
    const resolved = ctx.yaml.resolve(item, ctx.document);
    if (isScalar(resolved)) {
      const written = scalarText(resolved, ctx.text);
      if (written === undefined) continue;
      const spec = interpolate(written, ctx.lookup).value ?? written;
      const parts = splitVolume(spec);
      if (!parts) continue;
      mounts.push(mount(ctx, parts.source, parts.target, spanOf(resolved)!));
    } else if (isMap(resolved)) {
      const type = scalarText(mapGet(resolved, 'type', ctx.yaml, ctx.document), ctx.text);
      const sourceNode = mapGet(resolved, 'source', ctx.yaml, ctx.document);
      const source = scalarText(sourceNode, ctx.text);
      const target = scalarText(mapGet(resolved, 'target', ctx.yaml, ctx.document), ctx.text);
      if (source === undefined || target === undefined || (type !== undefined && type !== 'bind' && type !== 'volume')) continue;
      const m = mount(ctx, interpolate(source, ctx.lookup).value ?? source, target, spanOf(sourceNode) ?? spanOf(resolved)!);
      if (type === 'volume') delete m.hostPath;
      mounts.push(m);
    }
  }
  return mounts;
}

function mount(ctx: Context, source: string, target: string, span: { start: number; end: number }): Mount {
  const m: Mount = { source, target, file: ctx.file, span };
  // Only paths are host paths; a bare name is a named volume.
  if (/^(\.{1,2}[\\/]|\.$|\/|~[\\/]|[A-Za-z]:[\\/])/.test(source)) m.hostPath = path.resolve(ctx.dir, source);
  return m;
}

/** `src:dst[:mode]`, with Windows drive letters kept in `src`. */
function splitVolume(spec: string): { source: string; target: string } | undefined {
  const match = /^((?:[A-Za-z]:)?[^:]*):([^:]+)(?::[^:]*)?$/.exec(spec);
  return match ? { source: match[1], target: match[2] } : undefined;
}

/** The host path of a container path, through the bind mounts (a file mount or a directory mount above it). */
function throughMounts(containerPath: string, mounts: readonly Mount[]): string | undefined {
  let best: Mount | undefined;
  for (const m of mounts) {
    if (m.hostPath === undefined) continue;
    const target = m.target.replace(/\/+$/, '');
    if (containerPath === target || containerPath.startsWith(`${target}/`)) {
      if (!best || target.length > best.target.length) best = m;
    }
  }
  if (!best || best.hostPath === undefined) return undefined;
  const rest = containerPath.slice(best.target.replace(/\/+$/, '').length).replace(/^\//, '');
  return rest === '' ? best.hostPath : path.join(best.hostPath, rest);
}

function optionalPath(hostPath: string | undefined): { path?: string } {
  return hostPath === undefined ? {} : { path: hostPath };
}

/** A pin applies to the service declared above it; a pin above every service applies to all of them. */
function assignPins(sources: HostSource[], pins: HostPin[]): void {
  for (const pin of pins) {
    let owner: HostSource | undefined;
    for (const source of sources) {
      if (source.nameSpan && source.nameSpan.start <= pin.span.start && (!owner || source.nameSpan.start > owner.nameSpan!.start)) owner = source;
    }
    const targets = owner ? [owner] : sources;
    for (const target of targets) {
      target.pins.push(pin);
      if (pin.server) target.natsConfigs.push({ via: 'pin', file: pin.file, span: pin.server.span, path: pin.server.path });
    }
  }
}

function addProblem(ctx: Context, node: Node, code: string, message: string, severity: FileProblem['severity'] = 'error'): void {
  const span = spanOf(node) ?? { start: 0, end: 0 };
  ctx.problems.push({ file: ctx.file, ...span, code, message, severity });
}
