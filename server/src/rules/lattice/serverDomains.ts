// Domains across servers: js-domain-shared and js-domain-cluster-mismatch.
import { Finding, ServerModel } from '../../lattice/model';
import { Cluster, reachFrom, Topology } from '../../lattice/topology';
import { NEUTRAL_SUBJECT } from './attached';
import { mirrored } from './findings';

function domainText(server: ServerModel): string {
  return server.jetstream.domain ? `'${server.jetstream.domain.value}'` : 'no domain';
}

function checkClusterDomains(cluster: Cluster): Finding[] {
  const withJs = cluster.servers.filter((s) => s.jetstream.enabled);
  const distinct = new Set(withJs.map((s) => s.jetstream.domain?.value ?? ''));
  if (distinct.size <= 1) return [];
  const counts = new Map<string, number>();
  for (const s of withJs) counts.set(s.jetstream.domain?.value ?? '', (counts.get(s.jetstream.domain?.value ?? '') ?? 0) + 1);
  const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return mirrored('js-domain-cluster-mismatch', withJs.map((server) => ({
    at: server.jetstream.domain?.at ?? server.jetstream.at,
    label: `${server.name} uses ${domainText(server)}`,
    message: `${server.name} uses ${domainText(server)}, but the servers it is routed with use ${[...distinct].filter((d) => d !== (server.jetstream.domain?.value ?? '')).map((d) => (d ? `'${d}'` : 'no domain')).join(', ')}. All members of a cluster form one JetStream and must share one domain.`,
    fixes: majority && server.jetstream.domain && server.jetstream.domain.value !== majority
      ? [{ title: `Change the domain to '${majority}'`, at: server.jetstream.domain.at, newText: majority }]
      : [],
  })));
}

/** Clusters joined by leaf connections, whatever their deny rules: one place where domains must be unique. */
function connectedGroups(topology: Topology): Cluster[][] {
  const seen = new Set<Cluster>();
  const groups: Cluster[][] = [];
  for (const cluster of topology.clusters) {
    if (seen.has(cluster)) continue;
    const group = reachFrom(topology, cluster.servers[0], NEUTRAL_SUBJECT).reached.map((r) => r.cluster);
    group.forEach((c) => seen.add(c));
    groups.push(group);
  }
  return groups;
}

/** The cluster others connect to as leaves is the hub: its claim to a domain is the rightful one. */
function isHub(topology: Topology, cluster: Cluster): boolean {
  return topology.leafLinks.some((l) => cluster.servers.includes(l.hub));
}

function checkSharedDomains(topology: Topology, group: Cluster[]): Finding[] {
  const byDomain = new Map<string, ServerModel[]>();
  for (const cluster of group) {
    for (const server of cluster.servers) {
      const domain = server.jetstream.domain?.value;
      if (!server.jetstream.enabled || domain === undefined) continue;
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), server]);
    }
  }
  const findings: Finding[] = [];
  for (const [domain, servers] of byDomain) {
    const clusters = new Set(servers.map((s) => topology.clusterOf.get(s)!));
    if (clusters.size < 2) continue;
    findings.push(...mirrored('js-domain-shared', servers.map((server) => {
      const cluster = topology.clusterOf.get(server)!;
      const others = servers.filter((s) => topology.clusterOf.get(s) !== cluster).map((s) => s.name);
      const rename = !isHub(topology, cluster) && server.remotes.length > 0;
      return {
        at: server.jetstream.domain!.at,
        label: `${server.name} also uses domain '${domain}'`,
        message: `JetStream domain '${domain}' is also used by ${others.join(', ')}, which ${others.length === 1 ? 'is' : 'are'} not in ${server.name}'s cluster. A request for '${domain}' is answered by the nearest server that has it, so hosts on different sides write their lattice data to different places (a split brain). Only the servers that hold the lattice's JetStream may use '${domain}'; give ${rename ? 'this leaf' : 'every other server'} a domain of its own.`,
        fixes: rename ? [{ title: `Rename this server's domain to '${server.name}'`, at: server.jetstream.domain!.at, newText: server.name }] : [],
      };
    })));
  }
  return findings;
}

export function checkServerDomains(topology: Topology): Finding[] {
  return [
    ...topology.clusters.flatMap(checkClusterDomains),
    ...connectedGroups(topology).flatMap((g) => checkSharedDomains(topology, g)),
  ];
}
