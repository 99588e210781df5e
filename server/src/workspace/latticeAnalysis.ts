// The whole-workspace view: every NATS config that starts a server and every host source become
// one topology, and the lattice rules run over it.
import * as path from 'node:path';
import { FileProblem } from '../diagnostics';
import { buildHostModel, HostDefaults } from '../lattice/hosts';
import { Finding, HostModel, ServerModel } from '../lattice/model';
import { buildServerModel, ServerContext } from '../lattice/servers';
import { buildTopology, Topology } from '../lattice/topology';
import { runLatticeRules } from '../rules/lattice';
import { checkHostVariables } from '../rules/hostVariables';
import { checkHostSourceSecurity } from '../rules/security/hostRules';
import { readHostSource } from '../sources/discover';
import { HostSource } from '../sources/hostSettings';
import { EvalOrigins, evaluate, ParseCache } from '../syntax/evaluate';
import { Origins } from '../lattice/origins';
import { EvaluationCache } from '../syntax/evaluationCache';
import { readsUnchanged, RecordedReads, recordingReads } from '../recordedReads';

/** The lattice reads configs as they are written: no `$VARIABLE` comes from our own environment. */
const NO_ENVIRONMENT: Record<string, string | undefined> = Object.freeze({});

export interface LatticeHost {
  readFile(absPath: string): string | undefined;
  /** Parses shared with the rest of the service, reused while a file's text is unchanged. */
  parses: Pick<ParseCache, 'get'>;
  /** Server models kept between analyses, reused while none of the files they read changed. */
  servers?: ServerModelCache;
  /** Evaluations shared with the per-file checks (the edited document's, mostly). */
  evaluations?: EvaluationCache;
}

/**
 * The server model of each config, with every file its evaluation asked for and what it got
 * (undefined for a file that was missing: it may appear later). An edit in one config of a large
 * workspace then re-evaluates that config only, not every config again.
 */
export class ServerModelCache {
  private readonly entries = new Map<string, { context: string; reads: RecordedReads; files: string[]; server: ServerModel }>();

  get(file: string, context: string, readFile: (file: string) => string | undefined): { files: string[]; server: ServerModel } | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.context !== context) return undefined;
    return readsUnchanged(entry.reads, readFile) ? entry : undefined;
  }

  set(file: string, context: string, reads: RecordedReads, files: string[], server: ServerModel): void {
    this.entries.set(file, { context, reads, files, server });
  }

  /** Drops configs that are no longer part of the workspace. */
  keepOnly(files: Iterable<string>): void {
    const kept = new Set(files);
    for (const file of this.entries.keys()) if (!kept.has(file)) this.entries.delete(file);
  }
}

export interface LatticeAnalysis {
  topology: Topology;
  findings: Finding[];
  /** Problems the host-source readers found (bad YAML, unreadable env_file, …). */
  sourceProblems: FileProblem[];
  /** Configs that only ever appear as includes: parts of their includers, not servers. */
  includedOnly: Set<string>;
  /** Every host source read (the editor features look up variables and programs in them). */
  sources: HostSource[];
}

/** Names and scopes a config gets from the compose services and units that run it. */
function serverContexts(sources: HostSource[]): Map<string, Omit<ServerContext, 'file'>> {
  const contexts = new Map<string, Omit<ServerContext, 'file'>>();
  for (const source of sources) {
    if (source.component !== 'nats') continue;
    for (const ref of source.natsConfigs) {
      if (!ref.path) continue;
      const file = path.resolve(ref.path);
      const ctx = contexts.get(file) ?? { names: [], localScopes: [path.dirname(file)] };
      if (source.kind === 'compose') ctx.names.push({ name: source.name.toLowerCase(), scope: source.file });
      contexts.set(file, ctx);
    }
  }
  return contexts;
}

/**
 * Quoted strings point at their content, so a quick fix that rewrites a value keeps the quotes the
 * user wrote and the message underlines what they read as the value.
 */
function contentOrigins(origins: EvalOrigins, readFile: (file: string) => string | undefined): Origins {
  const inside = <T extends { file: string; start: number; end: number }>(span: T | undefined): T | undefined => {
    if (!span || span.end - span.start < 2) return span;
    const text = readFile(span.file);
    const first = text?.[span.start];
    if ((first === '"' || first === "'") && text?.[span.end - 1] === first) return { ...span, start: span.start + 1, end: span.end - 1 };
    return span;
  };
  return {
    keyAt: (map, key) => origins.keyAt(map, key),
    valueAt: (map, key) => inside(origins.valueAt(map, key)),
    itemAt: (array, index) => inside(origins.itemAt(array, index)),
  };
}

export function analyzeLattice(configFiles: string[], hostFiles: string[], host: LatticeHost, defaults: HostDefaults = {}): LatticeAnalysis {
  const sources: HostSource[] = [];
  const sourceProblems: FileProblem[] = [];
  for (const file of hostFiles) {
    const text = host.readFile(file);
    if (text === undefined) continue;
    const result = readHostSource(file, text, { readFile: (p) => host.readFile(p) });
    sources.push(...result.sources);
    sourceProblems.push(...result.problems, ...checkHostSourceSecurity(result));
  }

  const contexts = serverContexts(sources);
  const includedOnly = new Set<string>();
  // Each model is built right after its evaluation, so a large workspace never holds every
  // evaluation (values and origins) at once; models of configs found to be includes are dropped.
  const models = configFiles.map((file) => {
    const ctx = contexts.get(file) ?? { names: [], localScopes: [path.dirname(file)] };
    const context = JSON.stringify(ctx);
    const cached = host.servers?.get(file, context, host.readFile);
    if (cached) {
      for (const included of cached.files.slice(1)) includedOnly.add(included);
      return { file, server: cached.server };
    }
    const reads: [string, string | undefined][] = [];
    const readFile = recordingReads((p) => host.readFile(p), reads);
    const evaluating = { readFile, env: NO_ENVIRONMENT };
    const options = { parse: (f: string, t: string) => host.parses.get(f, t) };
    const result = host.evaluations ? host.evaluations.evaluate(file, evaluating, options) : evaluate(file, evaluating, options);
    for (const included of result.files.slice(1)) includedOnly.add(included);
    const server = buildServerModel(result.value, contentOrigins(result.origins, host.readFile), { file, ...ctx });
    host.servers?.set(file, context, reads, result.files, server);
    return { file, server };
  });
  host.servers?.keepOnly(configFiles);
  for (const file of contexts.keys()) includedOnly.delete(file);
  const servers: ServerModel[] = models.filter(({ file }) => !includedOnly.has(file)).map(({ server }) => server);
  const hosts: HostModel[] = sources
    .map((source) => buildHostModel(source, (f) => host.readFile(f), defaults))
    .filter((h): h is HostModel => h !== undefined);
  const topology = buildTopology(servers, hosts);
  const knownDomains = [...new Set(servers.map((s) => s.jetstream.domain?.value).filter((d): d is string => d !== undefined))];
  const hostVariableFindings = checkHostVariables(sources, { readFile: (f) => host.readFile(f), defaults, knownDomains });
  return { topology, findings: [...runLatticeRules(topology), ...hostVariableFindings], sourceProblems, includedOnly, sources };
}
