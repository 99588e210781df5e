// Kubernetes manifests (multi-document YAML): one HostSource per container of every Pod, Deployment,
// StatefulSet, DaemonSet, ReplicaSet, Job and CronJob, plus one per ConfigMap holding a NATS
// configuration that no container of the file mounts.
//
// Per container: `image`, `envFrom` (ConfigMaps of the same file expanded; Secrets and other
// ConfigMaps recorded in `opaqueEnv`), `env` (`value` with `$(VAR)` expansion as the kubelet does;
// `valueFrom.configMapKeyRef` resolved from the same file, other `valueFrom`s left unknown),
// `command` + `args` (host flags, nats-server `-c`). A NATS configuration mounted from a ConfigMap of
// the same file is returned as embedded text, with segments mapping its offsets back to this file.
//
// Order of `variables`: envFrom, then env (env wins), then command-line flags.

import * as path from 'node:path';
import { Document, isMap, isScalar, isSeq, Node, Scalar } from 'yaml';
import type { FileProblem } from '../diagnostics';
import { parseImage } from '../facts/hostVersions';
import { CommandWord, flagAssignments, natsConfigArgument } from './commandLine';
import { componentFromCommand, componentFromNames, sourceComponentOf } from './componentGuess';
import type { EnvAssignment, HostPin, HostSource, HostSourceResult, NatsConfigRef, SourceComponent } from './hostSettings';
import { embeddedText, mapGet, mapPairs, parseYaml, scalarOffset, scalarText, spanOf, YamlFile, yamlPins } from './yamlNodes';

const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);

interface ConfigMapEntry {
  key: Scalar;
  value: Node | undefined;
}

interface ConfigMapInfo {
  name: string;
  data: ConfigMapEntry[];
  document: Document.Parsed;
  mounted: boolean;
}

interface Context {
  file: string;
  text: string;
  yaml: YamlFile;
  problems: FileProblem[];
  configMaps: Map<string, ConfigMapInfo>;
}

export function readKubernetes(file: string, text: string): HostSourceResult {
  const yaml = parseYaml(file, text);
  // Helm templates are not YAML until rendered; their syntax errors are noise.
  const problems: FileProblem[] = text.includes('{{') ? [] : [...yaml.problems];
  const pins = yamlPins(file, text, problems);
  const ctx: Context = { file, text, yaml, problems, configMaps: new Map() };
  for (const document of yaml.documents) {
    if (scalarText(mapGet(document.contents, 'kind', yaml, document), text) !== 'ConfigMap') continue;
    const name = scalarText(mapGet(mapGet(document.contents, 'metadata', yaml, document), 'name', yaml, document), text);
    const data = mapGet(document.contents, 'data', yaml, document);
    if (name === undefined) continue;
    ctx.configMaps.set(name, { name, data: isMap(data) ? mapPairs(data, yaml, document) : [], document, mounted: false });
  }
  const sources: HostSource[] = [];
  const documentOf = new Map<HostSource, Document.Parsed>();
  for (const document of yaml.documents) {
    const root = document.contents;
    const kind = scalarText(mapGet(root, 'kind', yaml, document), text);
    if (kind === undefined || !WORKLOAD_KINDS.has(kind)) continue;
    const objectName = scalarText(mapGet(mapGet(root, 'metadata', yaml, document), 'name', yaml, document), text) ?? '';
    const podSpec = podSpecOf(kind, root, yaml, document);
    if (!isMap(podSpec)) continue;
    const volumes = mapGet(podSpec, 'volumes', yaml, document);
    for (const listName of ['initContainers', 'containers']) {
      const containers = mapGet(podSpec, listName, yaml, document);
      if (!isSeq(containers)) continue;
      for (const item of containers.items) {
        const container = yaml.resolve(item, document);
        if (isMap(container)) {
          const source = readContainer(ctx, document, container, `${kind}/${objectName}`, volumes);
          sources.push(source);
          documentOf.set(source, document);
        }
      }
    }
  }
  for (const configMap of ctx.configMaps.values()) {
    if (configMap.mounted) continue;
    const configs = configMap.data.filter((entry) => looksLikeNatsConfig(String(entry.key.value), entry.value));
    if (configs.length === 0) continue;
    const source: HostSource = { file, kind: 'kubernetes', component: 'nats', name: `ConfigMap/${configMap.name}`, owner: `ConfigMap/${configMap.name}`, variables: [], natsConfigs: [], pins: [], includes: [] };
    for (const entry of configs) {
      const ref = configMapRef(ctx, entry);
      if (ref) source.natsConfigs.push(ref);
    }
    sources.push(source);
  }
  assignPins(sources, pins, yaml.documents, documentOf);
  return { sources, problems };
}

function podSpecOf(kind: string, root: unknown, yaml: YamlFile, document: Document.Parsed): Node | undefined {
  const spec = mapGet(root, 'spec', yaml, document);
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return mapGet(mapGet(mapGet(mapGet(spec, 'jobTemplate', yaml, document), 'spec', yaml, document), 'template', yaml, document), 'spec', yaml, document);
  return mapGet(mapGet(spec, 'template', yaml, document), 'spec', yaml, document);
}

function readContainer(ctx: Context, document: Document.Parsed, container: Node, owner: string, volumes: Node | undefined): HostSource {
  const { yaml, text, file } = ctx;
  const nameNode = mapGet(container, 'name', yaml, document);
  const source: HostSource = { file, kind: 'kubernetes', component: 'unknown', name: scalarText(nameNode, text) ?? owner, owner, variables: [], natsConfigs: [], pins: [], includes: [] };
  const nameSpan = spanOf(nameNode as Node);
  if (nameSpan) source.nameSpan = nameSpan;
  const imageNode = mapGet(container, 'image', yaml, document);
  const image = scalarText(imageNode, text);
  if (image !== undefined) {
    source.image = { ...parseImage(image), file, span: spanOf(imageNode as Node)! };
    if (source.image.version !== undefined) source.version = source.image.version;
  }

  source.variables.push(...readEnvFrom(ctx, document, mapGet(container, 'envFrom', yaml, document), source));
  source.variables.push(...readEnv(ctx, document, mapGet(container, 'env', yaml, document), source));

  const words = [...listWords(ctx, document, mapGet(container, 'command', yaml, document)), ...listWords(ctx, document, mapGet(container, 'args', yaml, document))];
  source.component = componentOf(source, words);
  source.variables.push(...flagAssignments(words, source.component, source.version));

  if (source.component === 'nats') {
    const mounts = volumeMounts(ctx, document, container, volumes);
    const config = natsConfigArgument(words);
    if (config) {
      const found = throughConfigMap(ctx, config.text, mounts);
      const ref: NatsConfigRef = { via: 'argument', file, span: { start: config.start, end: config.end }, containerPath: config.text };
      if (found?.embedded) ref.embedded = found.embedded;
      source.natsConfigs.push(ref);
    }
    for (const m of mounts) {
      const configMap = m.configMap ? ctx.configMaps.get(m.configMap) : undefined;
      if (!configMap) continue;
      configMap.mounted = true;
      for (const entry of configMap.data) {
        if (!looksLikeNatsConfig(String(entry.key.value), entry.value)) continue;
        if (m.subPath !== undefined && m.subPath !== String(entry.key.value)) continue;
        const ref = configMapRef(ctx, entry);
        if (ref && !source.natsConfigs.some((r) => r.embedded && ref.embedded && r.embedded.offset === ref.embedded.offset)) {
          ref.containerPath = m.subPath !== undefined ? m.mountPath : path.posix.join(m.mountPath, String(entry.key.value));
          source.natsConfigs.push(ref);
        }
      }
    }
  }
  return source;
}

function componentOf(source: HostSource, words: CommandWord[]): SourceComponent {
  if (source.image && source.image.component !== 'unknown') return sourceComponentOf(source.image.component);
  const fromCommand = componentFromCommand(words.map((w) => w.text));
  if (fromCommand && fromCommand !== 'unknown') return fromCommand;
  const fromNames = componentFromNames(source.variables.map((v) => v.name));
  if (fromNames !== 'unknown') return fromNames;
  if (/nats/i.test(source.name)) return 'nats';
  return 'unknown';
}

function readEnvFrom(ctx: Context, document: Document.Parsed, node: Node | undefined, source: HostSource): EnvAssignment[] {
  if (!isSeq(node)) return [];
  const result: EnvAssignment[] = [];
  for (const item of node.items) {
    const entry = ctx.yaml.resolve(item, document);
    if (!isMap(entry)) continue;
    const prefix = scalarText(mapGet(entry, 'prefix', ctx.yaml, document), ctx.text) ?? '';
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = mapGet(entry, kind, ctx.yaml, document);
      if (!isMap(ref)) continue;
      const nameNode = mapGet(ref, 'name', ctx.yaml, document);
      const name = scalarText(nameNode, ctx.text);
      const optional = scalarText(mapGet(ref, 'optional', ctx.yaml, document), ctx.text) === 'true';
      const configMap = kind === 'configMapRef' && name !== undefined ? ctx.configMaps.get(name) : undefined;
      if (!configMap) {
        (source.opaqueEnv ??= []).push({ kind: kind === 'configMapRef' ? 'configMap' : 'secret', ...(name !== undefined ? { name } : {}), file: ctx.file, span: spanOf(ref)!, optional });
        continue;
      }
      for (const data of configMap.data) {
        const value = scalarText(data.value, ctx.text);
        const valueSpan = spanOf(data.value as Node) ?? { start: spanOf(data.key)!.end, end: spanOf(data.key)!.end };
        result.push({
          name: prefix + String(data.key.value),
          value,
          file: ctx.file,
          nameSpan: spanOf(data.key)!,
          valueSpan,
          raw: ctx.text.slice(valueSpan.start, valueSpan.end),
          via: 'envFrom',
          reference: { kind: 'configMap', name: configMap.name, key: String(data.key.value) },
        });
      }
    }
  }
  return result;
}

function readEnv(ctx: Context, document: Document.Parsed, node: Node | undefined, source: HostSource): EnvAssignment[] {
  if (node === undefined) return [];
  if (!isSeq(node)) {
    const span = spanOf(node) ?? { start: 0, end: 0 };
    ctx.problems.push({ file: ctx.file, ...span, code: 'kubernetes-env-invalid', message: 'env must be a list of {name, value} entries.' });
    return [];
  }
  const result: EnvAssignment[] = [];
  const known = new Map<string, string>();
  for (const variable of source.variables) if (variable.value !== undefined) known.set(variable.name, variable.value);
  for (const item of node.items) {
    const entry = ctx.yaml.resolve(item, document);
    if (!isMap(entry)) continue;
    const nameNode = mapGet(entry, 'name', ctx.yaml, document);
    const name = scalarText(nameNode, ctx.text);
    if (name === undefined || !isScalar(nameNode)) {
      const span = spanOf(entry) ?? { start: 0, end: 0 };
      ctx.problems.push({ file: ctx.file, ...span, code: 'kubernetes-env-invalid', message: 'This env entry has no name. Add "name: VARIABLE_NAME".' });
      continue;
    }
    const offset = scalarOffset(nameNode, ctx.text);
    const nameSpan = offset ? { start: offset(0), end: offset(name.length) } : spanOf(nameNode)!;
    const valueNode = mapGet(entry, 'value', ctx.yaml, document);
    const valueFrom = mapGet(entry, 'valueFrom', ctx.yaml, document);
    if (isMap(valueFrom)) {
      const key = mapPairs(entry, ctx.yaml, document).find((pair) => pair.key.value === 'valueFrom')?.key;
      result.push(fromValueFrom(ctx, document, name, nameSpan, valueFrom, spanOf(key)?.start));
    } else {
      const written = scalarText(valueNode, ctx.text) ?? '';
      const valueSpan = spanOf(valueNode as Node) ?? { start: nameSpan.end, end: nameSpan.end };
      const assignment: EnvAssignment = { name, value: written, file: ctx.file, nameSpan, valueSpan, raw: ctx.text.slice(valueSpan.start, valueSpan.end), via: 'environment' };
      if (/\$\(/.test(written)) {
        // The kubelet expands $(NAME) from earlier entries and leaves unknown references as written.
        assignment.interpolated = true;
        const unresolved: string[] = [];
        assignment.value = written.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (whole, ref: string | undefined) => {
          if (ref === undefined) return '$';
          const found = known.get(ref);
          if (found === undefined) unresolved.push(ref);
          return found ?? whole;
        });
        if (unresolved.length > 0) assignment.unresolved = unresolved;
      }
      result.push(assignment);
    }
    const last = result[result.length - 1];
    if (last.value !== undefined) known.set(name, last.value);
    else known.delete(name);
  }
  return result;
}

function fromValueFrom(ctx: Context, document: Document.Parsed, name: string, nameSpan: { start: number; end: number }, valueFrom: Node, keyStart?: number): EnvAssignment {
  // The whole `valueFrom: …` entry, without the line break a block map's range ends with.
  const mapSpan = spanOf(valueFrom)!;
  let end = mapSpan.end;
  while (end > mapSpan.start && /\s/.test(ctx.text[end - 1])) end--;
  const span = { start: keyStart ?? mapSpan.start, end };
  const base: EnvAssignment = { name, value: undefined, file: ctx.file, nameSpan, valueSpan: span, raw: ctx.text.slice(span.start, span.end), via: 'valueFrom' };
  const configMapKey = mapGet(valueFrom, 'configMapKeyRef', ctx.yaml, document);
  const secretKey = mapGet(valueFrom, 'secretKeyRef', ctx.yaml, document);
  const keyRef = configMapKey ?? secretKey;
  if (keyRef) {
    const refName = scalarText(mapGet(keyRef, 'name', ctx.yaml, document), ctx.text);
    const key = scalarText(mapGet(keyRef, 'key', ctx.yaml, document), ctx.text);
    const optional = scalarText(mapGet(keyRef, 'optional', ctx.yaml, document), ctx.text) === 'true';
    base.reference = { kind: configMapKey ? 'configMap' : 'secret', ...(refName !== undefined ? { name: refName } : {}), ...(key !== undefined ? { key } : {}), optional };
    const configMap = configMapKey && refName !== undefined ? ctx.configMaps.get(refName) : undefined;
    const entry = configMap?.data.find((d) => String(d.key.value) === key);
    if (entry) {
      // The value's text lives in the ConfigMap; point there.
      const valueSpan = spanOf(entry.value as Node);
      base.value = scalarText(entry.value, ctx.text);
      if (valueSpan) {
        base.valueSpan = valueSpan;
        base.raw = ctx.text.slice(valueSpan.start, valueSpan.end);
      }
    }
    return base;
  }
  base.reference = { kind: mapGet(valueFrom, 'fieldRef', ctx.yaml, document) ? 'field' : 'resource' };
  return base;
}

function listWords(ctx: Context, document: Document.Parsed, node: Node | undefined): CommandWord[] {
  if (!isSeq(node)) return [];
  const words: CommandWord[] = [];
  for (const item of node.items) {
    const resolved = ctx.yaml.resolve(item, document);
    const text = scalarText(resolved, ctx.text);
    if (text === undefined || !isScalar(resolved)) continue;
    const offset = scalarOffset(resolved, ctx.text);
    const span = spanOf(resolved)!;
    words.push({ text, start: offset ? offset(0) : span.start, end: offset ? offset(text.length) : span.end, hasReference: false, file: ctx.file });
  }
  return words;
}

interface VolumeMount {
  mountPath: string;
  subPath?: string;
  configMap?: string;
}

function volumeMounts(ctx: Context, document: Document.Parsed, container: Node, volumes: Node | undefined): VolumeMount[] {
  const byName = new Map<string, string | undefined>();
  if (isSeq(volumes)) {
    for (const item of volumes.items) {
      const volume = ctx.yaml.resolve(item, document);
      const name = scalarText(mapGet(volume, 'name', ctx.yaml, document), ctx.text);
      const configMap = scalarText(mapGet(mapGet(volume, 'configMap', ctx.yaml, document), 'name', ctx.yaml, document), ctx.text);
      if (name !== undefined) byName.set(name, configMap);
    }
  }
  const mounts: VolumeMount[] = [];
  const list = mapGet(container, 'volumeMounts', ctx.yaml, document);
  if (!isSeq(list)) return mounts;
  for (const item of list.items) {
    const m = ctx.yaml.resolve(item, document);
    const name = scalarText(mapGet(m, 'name', ctx.yaml, document), ctx.text);
    const mountPath = scalarText(mapGet(m, 'mountPath', ctx.yaml, document), ctx.text);
    const subPath = scalarText(mapGet(m, 'subPath', ctx.yaml, document), ctx.text);
    if (name === undefined || mountPath === undefined) continue;
    const configMap = byName.get(name);
    mounts.push({ mountPath, ...(subPath !== undefined ? { subPath } : {}), ...(configMap !== undefined ? { configMap } : {}) });
  }
  return mounts;
}

function throughConfigMap(ctx: Context, containerPath: string, mounts: readonly VolumeMount[]): NatsConfigRef | undefined {
  for (const m of mounts) {
    if (!m.configMap) continue;
    const configMap = ctx.configMaps.get(m.configMap);
    if (!configMap) continue;
    let key: string | undefined;
    if (m.subPath !== undefined && containerPath === m.mountPath) key = m.subPath;
    else if (m.subPath === undefined && containerPath.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`)) key = containerPath.slice(m.mountPath.replace(/\/+$/, '').length + 1);
    const entry = key === undefined ? undefined : configMap.data.find((d) => String(d.key.value) === key);
    if (entry) {
      configMap.mounted = true;
      return configMapRef(ctx, entry);
    }
  }
  return undefined;
}

function configMapRef(ctx: Context, entry: ConfigMapEntry): NatsConfigRef | undefined {
  if (!isScalar(entry.value)) return undefined;
  const embedded = embeddedText(entry.value, ctx.text, String(entry.key.value));
  if (!embedded) return undefined;
  return { via: 'configmap', file: ctx.file, span: spanOf(entry.key)!, embedded };
}

function looksLikeNatsConfig(key: string, value: Node | undefined): boolean {
  if (!isScalar(value) || typeof value.value !== 'string') return false;
  if (/\.conf$/i.test(key)) return true;
  return /^\s*(jetstream|leafnodes|server_name|accounts|cluster|gateway)\s*[:={ ]/m.test(value.value);
}

/** A pin applies to the containers of the YAML document it is written in; outside every document, to all. */
function assignPins(sources: HostSource[], pins: HostPin[], documents: readonly Document.Parsed[], documentOf: Map<HostSource, Document.Parsed>): void {
  for (const pin of pins) {
    const document = documents.find((d) => d.range[0] <= pin.span.start && pin.span.start < d.range[2]) ?? documents.find((d) => d.range[0] > pin.span.start);
    const inDocument = sources.filter((source) => documentOf.get(source) === document);
    for (const target of inDocument.length > 0 ? inDocument : sources) {
      target.pins.push(pin);
      if (pin.server) target.natsConfigs.push({ via: 'pin', file: pin.file, span: pin.server.span, path: pin.server.path });
    }
  }
}
