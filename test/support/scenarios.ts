// Scenario folders (test/truth/scenarios/<id>/) hold nats-server configs and host env files as
// templates. Rendering one writes real files into a fresh temp dir with real ports, so the same
// files can be run by nats-server here and handed to the lattice checker elsewhere.
//
// Placeholders: {{<server>.<port-kind>}} becomes a free port (kinds: client, http, cluster, leaf,
// or any other word), {{<server>.store}} becomes that server's own store_dir under the temp dir.
// Files in the optional fixed/ subfolder replace same-named files for the corrected variant.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, Lattice, spawnServer } from './natsCluster';

export interface ClientExpectation {
  /** Env file in the scenario folder (a wasmCloud host's, or wadm's when it has WADM_ variables). */
  env: string;
  /** What creating the client's bucket does: created, no-responders, timeout. */
  result: 'created' | 'no-responders' | 'timeout';
  /** When created: exactly one of these servers holds the stream afterwards... */
  on?: string[];
  /** ...and so do exactly these others (copies made earlier by other clients), none else. */
  alsoOn?: string[];
  /** When created: the JetStream domain reported by the server that answered ('' for none). */
  domain?: string;
  /** Buckets this client then looks up in its own domain, with the answer it must get. */
  lookups?: Record<string, 'found' | 'not-found' | 'no-responders' | 'timeout'>;
}

export interface VariantManifest {
  /** The checker rule this variant's files must trigger; null when the files must be clean. */
  mistake: string | null;
  /** Whether the checker reports it as an error or a warning. */
  severity?: 'error' | 'warning';
  /** Leaf connections to wait for before acting: [leaf server, server(s) it may connect to]. */
  leafLinks?: Array<[string, string | string[]]>;
  clients?: ClientExpectation[];
  /**
   * Servers forming one JetStream cluster, and whether its meta group settles (one leader seen by
   * all, every peer online). false: startScenario does not wait for it, the test asserts it never does.
   */
  jetStreamCluster?: { members: string[]; settles: boolean };
}

export interface ScenarioManifest extends VariantManifest {
  summary: string;
  /** Server names, in start order; each server's config is <name>.nats.conf. */
  servers: string[];
  /** The corrected files (fixed/ overrides) and what they must do instead. */
  fixed?: VariantManifest;
}

export type Variant = 'as-written' | 'fixed';

export interface RenderedScenario {
  id: string;
  variant: Variant;
  dir: string;
  manifest: ScenarioManifest;
  /** The expectations that apply to this variant. */
  expected: VariantManifest;
  ports: Map<string, number>;
  /** Every rendered file (configs and env files), absolute paths: what the checker should read. */
  files: string[];
  configPath(server: string): string;
  envPath(envFile: string): string;
  remove(): void;
}

/** Finds test/truth/scenarios from the compiled test wherever its outDir is, or from the cwd. */
export function scenariosRoot(): string {
  const candidates = [
    path.resolve(__dirname, '../../../test/truth/scenarios'),
    path.resolve(process.cwd(), 'test/truth/scenarios'),
  ];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`cannot find test/truth/scenarios (looked in ${candidates.join(', ')}); run from the repo root`);
  return found;
}

export function scenarioIds(): string[] {
  const root = scenariosRoot();
  return readdirSync(root).filter((name) => existsSync(path.join(root, name, 'scenario.json'))).sort();
}

export function readManifest(id: string): ScenarioManifest {
  return JSON.parse(readFileSync(path.join(scenariosRoot(), id, 'scenario.json'), 'utf8')) as ScenarioManifest;
}

/** The variants a scenario has: as written, plus fixed when it has a fixed/ folder. */
export function variantsOf(id: string): Variant[] {
  return existsSync(path.join(scenariosRoot(), id, 'fixed')) ? ['as-written', 'fixed'] : ['as-written'];
}

// Rendered dirs still present when the process ends (interrupted run) are removed then.
const renderedDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of renderedDirs) rmSync(dir, { recursive: true, force: true });
});

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_-]+)\.([A-Za-z]+)\s*\}\}/g;

function templateFiles(id: string, variant: Variant): Map<string, string> {
  const folder = path.join(scenariosRoot(), id);
  const files = new Map<string, string>();
  const addFrom = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (name === 'scenario.json' || !statSync(full).isFile()) continue;
      files.set(name, readFileSync(full, 'utf8'));
    }
  };
  addFrom(folder);
  if (variant === 'fixed') {
    const fixedDir = path.join(folder, 'fixed');
    if (!existsSync(fixedDir)) throw new Error(`scenario ${id} has no fixed/ folder`);
    addFrom(fixedDir);
  }
  return files;
}

/**
 * Writes the scenario's files with real ports into a new temp dir. Pass the ports of an earlier
 * rendering to keep every address the same (so the fixed variant differs only where it should).
 */
export async function renderScenario(id: string, variant: Variant = 'as-written', reusePorts?: Map<string, number>): Promise<RenderedScenario> {
  const manifest = readManifest(id);
  const expected: VariantManifest = variant === 'fixed' ? { ...manifest, ...manifest.fixed } : manifest;
  const templates = templateFiles(id, variant);
  const dir = mkdtempSync(path.join(os.tmpdir(), `nats-lattice-truth-${id}-`));
  renderedDirs.add(dir);
  const ports = new Map<string, number>(reusePorts ?? []);
  for (const text of templates.values()) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const key = `${match[1]}.${match[2]}`;
      if (match[2] !== 'store' && !ports.has(key)) ports.set(key, await freePort());
    }
  }
  const files: string[] = [];
  for (const [name, text] of templates) {
    const rendered = text.replace(PLACEHOLDER, (_all, server: string, kind: string) => {
      if (kind === 'store') {
        const store = path.join(dir, 'store', server);
        mkdirSync(store, { recursive: true });
        return store;
      }
      return String(ports.get(`${server}.${kind}`));
    });
    const target = path.join(dir, name);
    writeFileSync(target, rendered);
    files.push(target);
  }
  return {
    id,
    variant,
    dir,
    manifest,
    expected,
    ports,
    files: files.sort(),
    configPath: (server) => path.join(dir, `${server}.nats.conf`),
    envPath: (envFile) => path.join(dir, envFile),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      renderedDirs.delete(dir);
    },
  };
}

function portOf(scenario: RenderedScenario, server: string, kind: string): number {
  const port = scenario.ports.get(`${server}.${kind}`);
  if (port === undefined) {
    throw new Error(`${scenario.id}/${server}.nats.conf has no {{${server}.${kind}}} placeholder; every server needs listen and http ports`);
  }
  return port;
}

/** Spawns every server of the scenario, in manifest order, into `lattice` (so the caller stops them). */
export function spawnScenarioServers(scenario: RenderedScenario, lattice: Lattice, only?: string[]): void {
  for (const name of only ?? scenario.manifest.servers) {
    lattice.add(spawnServer({
      name,
      configPath: scenario.configPath(name),
      clientPort: portOf(scenario, name, 'client'),
      httpPort: portOf(scenario, name, 'http'),
    }));
  }
}

/**
 * Spawns the servers, waits for every one to answer and report healthy (JetStream ready, so a
 * cluster has its meta leader, and its routes settled), then for each expected leaf connection.
 */
export async function startScenario(scenario: RenderedScenario, lattice: Lattice): Promise<void> {
  spawnScenarioServers(scenario, lattice);
  await Promise.all([...lattice.servers.values()].map((server) => server.waitUntilUp()));
  await Promise.all([...lattice.servers.values()].map((server) => server.waitUntilHealthy()));
  if (scenario.expected.jetStreamCluster?.settles !== false) {
    await Promise.all([...lattice.servers.values()].map((server) => server.waitUntilJetStreamClusterSettled()));
    const members = scenario.expected.jetStreamCluster?.members ?? [];
    await Promise.all(members.map((name) => lattice.server(name).waitUntilRoutesSettled(members.length - 1)));
  }
  await Promise.all((scenario.expected.leafLinks ?? []).map(([leaf, hubs]) => lattice.waitForLeaf(leaf, hubs)));
}
