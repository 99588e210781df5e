// Following a host's settings into the lattice: which server each NATS connection reaches, and
// which JetStream domains are served from there.
import * as path from 'node:path';
import { CONNECTION_RULES, connectionChain, HostConnection, resolveConnection, variablesFor } from '../../facts/wasmcloudVars';
import { Endpoint, ServerModel } from '../../lattice/model';
import { reachFrom, resolveEndpoint, Resolution } from '../../lattice/topology';
import { effectiveAssignments, HostSource } from '../../sources/hostSettings';
import { Program } from '../../rules/hostVariables/program';
import { HostDocument } from './context';

export interface ConnectionTarget {
  connection: HostConnection;
  endpoint: Endpoint;
  /** Whether this connection carries JetStream (the lattice data). */
  jetstream: boolean;
  resolution: Resolution;
  hostFrom?: string;
  portFrom?: string;
}

const CONNECTION_NAMES: Record<HostConnection, string> = {
  ctl: 'control connection (with JetStream)',
  rpc: 'RPC connection',
  'prov-rpc': 'provider RPC connection',
  default: 'default connection',
  wadm: 'NATS connection',
  'wash-nats': 'NATS server of `wash up`',
};

export const describeConnection = (connection: HostConnection) => CONNECTION_NAMES[connection];

/** Every NATS connection of the program, resolved against the workspace's servers. */
export function connectionTargets(doc: HostDocument, source: HostSource, program: Program): ConnectionTarget[] {
  const vars = effectiveAssignments(source);
  const lookup = (name: string) => vars.get(name)?.value;
  const pin = source.pins.find((p) => p.server)?.server?.path;
  const out: ConnectionTarget[] = [];
  for (const rule of CONNECTION_RULES.filter((r) => r.component === program.component)) {
    const chain = connectionChain(program.component, rule.connection, program.version);
    const resolved = chain && resolveConnection(program.component, rule.connection, lookup, program.version);
    if (!chain || !resolved || resolved.port === undefined) continue;
    const endpoint = { host: resolved.host.toLowerCase(), port: resolved.port };
    const resolution = resolveLike(doc, source, endpoint, pin);
    out.push({ connection: rule.connection, endpoint, jetstream: chain.carries.includes('jetstream'), resolution, hostFrom: resolved.hostFrom, portFrom: resolved.portFrom });
  }
  return out;
}

function resolveLike(doc: HostDocument, source: HostSource, endpoint: Endpoint, pin: string | undefined): Resolution {
  return resolveEndpoint(doc.ctx.analysis.topology.servers, endpoint, {
    scope: source.kind === 'compose' ? source.file : undefined,
    localScope: path.dirname(source.file),
    only: pin ? new Set([pin]) : undefined,
  });
}

/** The JetStream domain variable the program reads (and its value), if any is set. */
export function domainSetting(source: HostSource, program: Program): { name: string; value: string } | undefined {
  const vars = effectiveAssignments(source);
  for (const row of variablesFor('js-domain', program.component, program.version)) {
    const value = vars.get(row.name)?.value;
    if (value) return { name: row.name, value };
  }
  return undefined;
}

export interface ServedDomain {
  domain: string | undefined;
  server: ServerModel;
  leafHops: number;
}

/** JetStream-enabled servers reachable from a server for a subject, nearest first. */
export function jetStreamReachable(doc: HostDocument, from: ServerModel, subject: string): ServedDomain[] {
  const reach = reachFrom(doc.ctx.analysis.topology, from, subject);
  const out: ServedDomain[] = [];
  for (const reached of reach.reached) {
    for (const server of reached.cluster.servers) {
      if (server.jetstream.enabled) out.push({ domain: server.jetstream.domain?.value, server, leafHops: reached.leafHops });
    }
  }
  return out;
}
