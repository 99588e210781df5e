// Plays the part of a wasmCloud host (or of wadm) with the real NATS JavaScript client: it reads
// the same env file a host would, connects where the host would, and creates the lattice's
// key-value bucket through JetStream in the domain the env file names.
//
// @nats-io/kv is not installed, so the bucket is created the way the KV API creates it: as the
// stream KV_<bucket> listening on $KV.<bucket>.>, through jetstreamManager with the domain option.
import { connect } from '@nats-io/transport-node';
import { DiscardPolicy, jetstreamManager, StorageType, type JetStreamManager } from '@nats-io/jetstream';

/** KEY=VALUE lines; '#' comments, blank lines, `export ` prefixes and surrounding quotes allowed. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new Error(`env line is not KEY=VALUE: ${JSON.stringify(rawLine)}`);
    let value = match[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    env[match[1]] = value;
  }
  return env;
}

export interface JetStreamClientSettings {
  role: 'wasmcloud-host' | 'wadm';
  /** host:port the client connects to. */
  server: string;
  /** JetStream domain used for API requests; undefined means the local, domain-less $JS.API. */
  domain: string | undefined;
  /** The key-value bucket this client creates on start. */
  bucket: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** What a wasmCloud host would use: control-interface address first, then the general NATS one. */
export function hostSettings(env: Record<string, string>): JetStreamClientSettings {
  const host = nonEmpty(env.WASMCLOUD_CTL_HOST) ?? nonEmpty(env.WASMCLOUD_NATS_HOST) ?? '127.0.0.1';
  const port = nonEmpty(env.WASMCLOUD_CTL_PORT) ?? nonEmpty(env.WASMCLOUD_NATS_PORT) ?? '4222';
  const lattice = nonEmpty(env.WASMCLOUD_LATTICE) ?? nonEmpty(env.WASMCLOUD_LATTICE_PREFIX) ?? 'default';
  return {
    role: 'wasmcloud-host',
    server: `${host}:${port}`,
    domain: nonEmpty(env.WASMCLOUD_JS_DOMAIN),
    bucket: `LATTICEDATA_${lattice}`,
  };
}

/** What wadm would use: WADM_NATS_SERVER and WADM_JETSTREAM_DOMAIN; its state lives in wadm_state. */
export function wadmSettings(env: Record<string, string>): JetStreamClientSettings {
  return {
    role: 'wadm',
    server: nonEmpty(env.WADM_NATS_SERVER) ?? '127.0.0.1:4222',
    domain: nonEmpty(env.WADM_JETSTREAM_DOMAIN),
    bucket: 'wadm_state',
  };
}

/** Picks wadm's variables when the file has any, the host's otherwise. */
export function clientSettings(env: Record<string, string>): JetStreamClientSettings {
  return Object.keys(env).some((key) => key.startsWith('WADM_')) ? wadmSettings(env) : hostSettings(env);
}

// No responders come back at once; this only bounds a request someone received but did not answer.
// No scenario expects a timeout, so it can be generous: on a loaded CI machine a clustered hub has
// taken more than 4 s to answer a stream creation it did carry out.
const REQUEST_TIMEOUT_MS = 15_000;

export function bucketStream(bucket: string): string {
  return `KV_${bucket}`;
}

export type BucketOutcome =
  | { result: 'created'; stream: string; leader: string | undefined; domain: string | undefined }
  | { result: 'no-responders'; message: string }
  | { result: 'timeout'; message: string }
  | { result: 'error'; message: string };

export type LookupOutcome = 'found' | 'not-found' | 'no-responders' | 'timeout' | 'error';

// The client reports a JetStream API request nobody answered (a 503 no-responders status) as
// JetStreamNotEnabled ("jetstream is not enabled"), so that name counts as no responders too.
function classify(error: unknown): 'no-responders' | 'timeout' | 'error' {
  if ((error as Error)?.name === 'JetStreamNotEnabled' || (error as Error)?.name === 'NoRespondersError') return 'no-responders';
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? error}`.toLowerCase();
  const cause = (error as { cause?: unknown })?.cause;
  const causeText = cause instanceof Error ? `${cause.name} ${cause.message}`.toLowerCase() : '';
  if (text.includes('no responders') || causeText.includes('no responders') || text.includes('503')) return 'no-responders';
  if (text.includes('timeout') || causeText.includes('timeout')) return 'timeout';
  return 'error';
}

async function withManager<T>(settings: JetStreamClientSettings, timeoutMs: number, work: (jsm: JetStreamManager) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: settings.server, timeout: timeoutMs, reconnect: false, name: settings.role });
  try {
    const jsm = await jetstreamManager(nc, { domain: settings.domain, timeout: timeoutMs, checkAPI: false });
    return await work(jsm);
  } finally {
    await nc.close();
  }
}

/** Creates the bucket's stream as the host would on start-up, and reports who answered. */
export async function createBucket(settings: JetStreamClientSettings, timeoutMs = REQUEST_TIMEOUT_MS): Promise<BucketOutcome> {
  const stream = bucketStream(settings.bucket);
  try {
    return await withManager(settings, timeoutMs, async (jsm) => {
      const info = await jsm.streams.add({
        name: stream,
        subjects: [`$KV.${settings.bucket}.>`],
        max_msgs_per_subject: 1,
        discard: DiscardPolicy.New,
        allow_rollup_hdrs: true,
        deny_delete: true,
        allow_direct: true,
        storage: StorageType.File,
        num_replicas: 1,
      });
      const account = await jsm.getAccountInfo();
      return { result: 'created', stream, leader: info.cluster?.leader, domain: account.domain };
    });
  } catch (error) {
    return { result: classify(error), message: `${(error as Error)?.name}: ${(error as Error)?.message ?? String(error)}` } as BucketOutcome;
  }
}

/** Asks, in the client's domain, whether the bucket's stream exists. */
export async function lookupBucket(settings: JetStreamClientSettings, bucket: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<LookupOutcome> {
  try {
    return await withManager(settings, timeoutMs, async (jsm) => {
      await jsm.streams.info(bucketStream(bucket));
      return 'found' as const;
    });
  } catch (error) {
    const message = `${(error as Error)?.name} ${(error as Error)?.message}`.toLowerCase();
    if (message.includes('stream not found')) return 'not-found';
    return classify(error);
  }
}
