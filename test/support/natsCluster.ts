// Starts real nats-server processes for the truth tests and always stops them again.
// Every port comes from 20000–29999 (never the ephemeral range), every server gets its own
// store_dir, and every process is stopped by its pid, also when a test fails or the runner exits.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PORT_RANGE_START = 20000;
const PORT_RANGE_END = 29999;
const handedOutPorts = new Set<number>();
const runningServers = new Set<ChildProcess>();
// Test files run in parallel processes: a port that is free when one process checks it may be
// taken by another's server a moment later, so each handed-out port is also claimed by a lock file.
const PORT_LOCK_DIR = path.join(os.tmpdir(), 'nats-lattice-test-ports');

// A last line of defence: if the test process ends while servers still run, kill them by pid.
function killLeftovers(): void {
  for (const child of runningServers) {
    if (child.pid !== undefined && child.exitCode === null) {
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  }
  for (const port of handedOutPorts) {
    try { unlinkSync(path.join(PORT_LOCK_DIR, String(port))); } catch { /* already gone */ }
  }
}
process.on('exit', killLeftovers);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    killLeftovers();
    process.exit(code);
  });
}

function processAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Claims a port for this process unless a live process already holds its lock file. */
function claimPort(port: number): boolean {
  mkdirSync(PORT_LOCK_DIR, { recursive: true });
  const lock = path.join(PORT_LOCK_DIR, String(port));
  try {
    closeSync(openSync(lock, 'wx'));
  } catch {
    let holder = NaN;
    try { holder = Number(readFileSync(lock, 'utf8')); } catch { /* being written */ }
    if (Number.isNaN(holder) || processAlive(holder)) return false;
    // Left behind by a process that died without cleaning up: take it over.
  }
  writeFileSync(lock, String(process.pid));
  return true;
}

/** Pids of servers started here that have not exited yet (should be empty after every suite). */
export function serversStillRunning(): number[] {
  const alive: number[] = [];
  for (const child of runningServers) {
    if (child.pid === undefined) continue;
    try { process.kill(child.pid, 0); alive.push(child.pid); } catch { /* gone */ }
  }
  return alive;
}

export function natsServerOnPath(): boolean {
  const probe = spawnSync('nats-server', ['--version'], { encoding: 'utf8' });
  return probe.status === 0;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A free port in 20000–29999, starting at a random spot so parallel test files rarely collide. */
export async function freePort(): Promise<number> {
  const span = PORT_RANGE_END - PORT_RANGE_START + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = PORT_RANGE_START + ((start + i) % span);
    if (handedOutPorts.has(port)) continue;
    if (!claimPort(port)) continue;
    handedOutPorts.add(port);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port between ${PORT_RANGE_START} and ${PORT_RANGE_END} on 127.0.0.1`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** GET a monitoring endpoint; resolves with the status and the parsed JSON body (or undefined). */
export function getJson(port: number, urlPath: string, timeoutMs = 1000): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, timeout: timeoutMs }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        let body: any;
        try { body = JSON.parse(text); } catch { body = undefined; }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET 127.0.0.1:${port}${urlPath} timed out`)));
    req.on('error', reject);
  });
}

/** Polls `probe` until it returns a value other than undefined, or fails with `what` after the timeout. */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(100);
  }
}

export interface MetaGroupView {
  /** Server name of the meta leader, '' when this server knows none. */
  leader: string;
  size: number;
  /** Peers the leader sees as online and current (0 unless this server is the leader). */
  peersOnline: number;
}

export interface StreamLocation {
  server: string;
  account: string;
  stream: string;
}

export class NatsServer {
  private exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly configPath: string,
    readonly clientPort: number,
    readonly httpPort: number,
    readonly logPath: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  log(): string {
    try { return readFileSync(this.logPath, 'utf8'); } catch { return ''; }
  }

  /** Resolves with the exit code if the process ends within `ms`, otherwise with 'running'. */
  async exitWithin(ms: number): Promise<number | null | 'running'> {
    return Promise.race([this.exited, sleep(ms).then(() => 'running' as const)]);
  }

  /** Waits until the monitoring port answers /varz; fails early with the log if the process dies. */
  async waitUntilUp(timeoutMs = 10000): Promise<void> {
    await waitFor(`${this.name} to answer /varz on port ${this.httpPort}`, timeoutMs, async () => {
      if (!this.running) {
        throw new Error(`${this.name} exited with code ${this.child.exitCode}; log:\n${this.log()}`);
      }
      const { status, body } = await getJson(this.httpPort, '/varz');
      if (status !== 200) return undefined;
      if (body?.server_name !== this.name) {
        throw new Error(`port ${this.httpPort} is answered by server ${JSON.stringify(body?.server_name)}, not ${this.name}: a port clash with another process`);
      }
      return true;
    }).catch((error: Error) => {
      if (!this.running) throw new Error(`${this.name} exited with code ${this.child.exitCode}; log:\n${this.log()}`);
      throw error;
    });
  }

  async waitUntilHealthy(timeoutMs = 15000): Promise<void> {
    await waitFor(`${this.name} /healthz to report ok`, timeoutMs, async () => {
      const { status } = await getJson(this.httpPort, '/healthz');
      return status === 200 ? true : undefined;
    });
  }

  /** This server's view of its JetStream meta group (undefined when JetStream is off or not clustered). */
  async metaGroup(): Promise<MetaGroupView | undefined> {
    const jsz = await this.monitor('/jsz');
    const meta = jsz.meta_cluster as { leader?: string; cluster_size?: number; replicas?: Array<{ name: string; current?: boolean; offline?: boolean }> } | undefined;
    if (jsz.disabled || meta === undefined || (meta.cluster_size ?? 1) <= 1) return undefined;
    return {
      leader: meta.leader ?? '',
      size: meta.cluster_size ?? 1,
      peersOnline: (meta.replicas ?? []).filter((peer) => peer.current && !peer.offline).length,
    };
  }

  /**
   * Waits until this server sees a meta leader and, when it is the leader, every peer online and
   * current: /healthz alone can pass before stream placement works.
   */
  /**
   * Waits until /routez shows `count` routes in five polls in a row (half a second): servers of a
   * cluster keep dropping duplicate routes for a moment after they are healthy, and a reply that
   * crosses a route then can be lost.
   */
  async waitUntilRoutesSettled(count: number, timeoutMs = 15000): Promise<void> {
    let steady = 0;
    await waitFor(`${this.name} /routez to show ${count} routes, steadily`, timeoutMs, async () => {
      const routez = await this.monitor('/routez');
      steady = routez.num_routes === count ? steady + 1 : 0;
      return steady >= 5 ? true : undefined;
    });
  }

  async waitUntilJetStreamClusterSettled(timeoutMs = 15000): Promise<void> {
    await waitFor(`${this.name} JetStream meta group to have a leader with every peer online`, timeoutMs, async () => {
      const view = await this.metaGroup();
      if (view === undefined) return true;
      if (view.leader === '') return undefined;
      if (view.leader !== this.name) return true;
      return view.peersOnline === view.size - 1 ? true : undefined;
    });
  }

  async monitor(urlPath: string): Promise<any> {
    const { status, body } = await getJson(this.httpPort, urlPath);
    if (status !== 200) throw new Error(`${this.name} ${urlPath} answered HTTP ${status}`);
    return body;
  }

  /** The leaf connections this server has now (2.9 reports the peer's address, not its name). */
  async leafConnections(): Promise<Array<{ ip: string; port: number; account: string }>> {
    const leafz = await this.monitor('/leafz');
    return (leafz.leafs ?? []) as Array<{ ip: string; port: number; account: string }>;
  }

  /** The port this server accepts leaf connections on, from /varz; undefined when it has none. */
  async leafListenPort(): Promise<number | undefined> {
    const varz = await this.monitor('/varz');
    return varz.leaf?.port ? Number(varz.leaf.port) : undefined;
  }

  /** The JetStream domain this server runs in ('' when JetStream runs without one, undefined when off). */
  async jetStreamDomain(): Promise<string | undefined> {
    const jsz = await this.monitor('/jsz');
    if (jsz.disabled || jsz.config === undefined) return undefined;
    return jsz.config.domain ?? '';
  }

  /** Streams this server stores, per account, as its own monitoring endpoint reports them. */
  async streams(): Promise<StreamLocation[]> {
    const jsz = await this.monitor('/jsz?accounts=true&streams=true');
    const found: StreamLocation[] = [];
    for (const account of (jsz.account_details ?? []) as Array<{ name: string; stream_detail?: Array<{ name: string }> }>) {
      for (const stream of account.stream_detail ?? []) {
        found.push({ server: this.name, account: account.name, stream: stream.name });
      }
    }
    return found;
  }

  async stop(): Promise<void> {
    runningServers.delete(this.child);
    if (!this.running || this.child.pid === undefined) return;
    try { process.kill(this.child.pid, 'SIGTERM'); } catch { /* already gone */ }
    if ((await this.exitWithin(3000)) === 'running') {
      try { process.kill(this.child.pid, 'SIGKILL'); } catch { /* already gone */ }
      await this.exitWithin(3000);
    }
  }
}

export interface ServerSpec {
  name: string;
  configPath: string;
  clientPort: number;
  httpPort: number;
}

/** Spawns nats-server with the config; its output goes to <config>.log next to the file. */
export function spawnServer(spec: ServerSpec): NatsServer {
  const logPath = spec.configPath.replace(/(\.nats)?\.conf$/, '') + '.log';
  mkdirSync(path.dirname(logPath), { recursive: true });
  const logFd = openSync(logPath, 'a');
  const child = spawn('nats-server', ['-c', spec.configPath], {
    cwd: path.dirname(spec.configPath),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  runningServers.add(child);
  child.once('exit', () => runningServers.delete(child));
  return new NatsServer(spec.name, spec.configPath, spec.clientPort, spec.httpPort, logPath, child);
}

/** A set of servers started together; stopAll() is safe to call more than once. */
export class Lattice {
  readonly servers = new Map<string, NatsServer>();

  server(name: string): NatsServer {
    const found = this.servers.get(name);
    if (!found) throw new Error(`no server named ${name} in this lattice (have: ${[...this.servers.keys()].join(', ')})`);
    return found;
  }

  add(server: NatsServer): void {
    this.servers.set(server.name, server);
  }

  /** Whether `leaf` has a leaf connection it made to `hub`'s leafnodes listener. */
  async leafConnected(leaf: string, hub: string): Promise<boolean> {
    const hubPort = await this.server(hub).leafListenPort();
    if (hubPort === undefined) return false;
    return (await this.server(leaf).leafConnections()).some((conn) => conn.port === hubPort);
  }

  /** Waits until `leaf` has a leaf connection to one of `hubs`. */
  async waitForLeaf(leaf: string, hubs: string | string[], timeoutMs = 10000): Promise<void> {
    const candidates = typeof hubs === 'string' ? [hubs] : hubs;
    await waitFor(`${leaf} /leafz to show a leaf connection to ${candidates.join(' or ')}`, timeoutMs, async () => {
      for (const hub of candidates) if (await this.leafConnected(leaf, hub)) return true;
      return undefined;
    });
  }

  /** True when all `members` name the same meta leader and that leader sees every peer online. */
  async metaGroupSettled(members: string[]): Promise<boolean> {
    const views = await Promise.all(members.map((name) => this.server(name).metaGroup()));
    const leader = views[0]?.leader;
    if (!leader || views.some((view) => view?.leader !== leader)) return false;
    const leaderView = views[members.indexOf(leader)];
    return leaderView !== undefined && leaderView.peersOnline === leaderView.size - 1;
  }

  /** Every server that stores a stream with this name, by its own /jsz. */
  async whereIsStream(stream: string): Promise<string[]> {
    const holders: string[] = [];
    for (const server of this.servers.values()) {
      if (!server.running) continue;
      if ((await server.streams()).some((found) => found.stream === stream)) holders.push(server.name);
    }
    return holders.sort();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.servers.values()].map((server) => server.stop()));
  }

  /** The tail of every server's log, for failure messages. */
  logs(lines = 15): string {
    return [...this.servers.values()]
      .map((server) => `--- ${server.name} (${server.configPath})\n${server.log().split('\n').slice(-lines).join('\n')}`)
      .join('\n');
  }
}
