// What a host's JetStream requests meet: js-domain-unknown, js-domain-missing, js-not-enabled,
// leaf-deny-blocks-js and js-hub-domain-missing.
import { formatEndpoint } from '../../lattice/endpoints';
import { Finding, HostModel, ServerModel } from '../../lattice/model';
import { jetStreamApiSubject } from '../../lattice/subjects';
import { pathOf, reachFrom, Reached, Topology } from '../../lattice/topology';
import { attachedHosts, NEUTRAL_SUBJECT } from './attached';
import { mirrored, quoteList, single } from './findings';

function variableName(host: HostModel): string {
  return host.component === 'wadm' ? 'WADM_JETSTREAM_DOMAIN' : 'WASMCLOUD_JS_DOMAIN';
}

function jetStreamServers(reached: Reached[], minHops = 0): { server: ServerModel; hops: number }[] {
  return reached
    .filter((r) => r.leafHops >= minHops)
    .flatMap((r) => r.cluster.servers.filter((s) => s.jetstream.enabled).map((server) => ({ server, hops: r.leafHops })));
}

function domainsOf(servers: ServerModel[]): string[] {
  return [...new Set(servers.map((s) => s.jetstream.domain?.value).filter((d): d is string => d !== undefined))];
}

function hostLabel(host: HostModel): string {
  return host.component === 'wadm' ? `wadm (${host.name})` : `wasmCloud host ${host.name}`;
}

function addVariableFix(host: HostModel, domain: string) {
  if (!host.addVariable) return [];
  return [{ title: `Set ${variableName(host)}=${domain}`, at: host.addVariable.at, newText: host.addVariable.format(variableName(host), domain) }];
}

/**
 * The JetStream servers of the cluster a server is in: the first cluster of every reach from it.
 * Rules look here first, since a reach across a large workspace costs time in its size.
 */
function localJetStream(topology: Topology, server: ServerModel): ServerModel[] {
  return topology.clusterOf.get(server)!.servers.filter((s) => s.jetstream.enabled);
}

function checkDomain(topology: Topology, host: HostModel, server: ServerModel, findings: Finding[]): void {
  const domain = host.domain!;
  const serves = (s: ServerModel) => s.jetstream.enabled && s.jetstream.domain?.value === domain.value;
  if (localJetStream(topology, server).some(serves)) return;
  const reach = reachFrom(topology, server, jetStreamApiSubject(domain.value));
  if (reach.reached.some((r) => r.cluster.servers.some(serves))) return;

  const open = reachFrom(topology, server, NEUTRAL_SUBJECT);
  const behindDeny = reach.blocked.find(({ link }) => {
    const beyond = open.reached.find((r) => pathOf(r).includes(link));
    return beyond !== undefined && jetStreamServers(open.reached).some(({ server: s }) => s.jetstream.domain?.value === domain.value);
  });
  if (behindDeny) {
    findings.push(...mirrored('leaf-deny-blocks-js', [
      {
        at: behindDeny.rule.at,
        label: `${hostLabel(host)} uses JetStream domain '${domain.value}'`,
        message: `This deny rule covers ${jetStreamApiSubject(domain.value)}, so ${hostLabel(host)} cannot reach JetStream domain '${domain.value}' across this leaf connection. Remove the rule or narrow it so it no longer matches $JS.${domain.value}.API.`,
      },
      {
        at: domain.at,
        label: `the deny rule '${behindDeny.rule.value}' on ${behindDeny.link.leaf.name}'s leaf remote`,
        message: `JetStream domain '${domain.value}' exists beyond the leaf connection of ${behindDeny.link.leaf.name}, but its remote denies '${behindDeny.rule.value}', which blocks these requests.`,
      },
    ]));
    return;
  }

  const reachable = domainsOf(jetStreamServers(reach.reached).map((r) => r.server));
  const known = reachable.length > 0 ? `Domains it can reach: ${quoteList(reachable)}.` : 'It reaches no server with a JetStream domain.';
  const fixes = reachable.map((d) => ({ title: `Change the domain to '${d}'`, at: domain.at, newText: d }));
  if (reach.external.length > 0) {
    const beyond = reach.external.map((t) => t.url.value).join(', ');
    findings.push(single('js-domain-unknown', domain.at,
      `No server in the workspace has JetStream domain '${domain.value}'. It may be served beyond ${beyond}, which is outside the workspace; add that server's config to the workspace to have this checked. ${known}`,
      reach.external.map((t) => ({ at: t.url.at, message: 'leaf remote to a server outside the workspace' })), fixes, 'information'));
    return;
  }
  findings.push(...mirrored('js-domain-unknown', [
    {
      at: domain.at,
      label: `${variableName(host)}=${domain.value}`,
      message: `JetStream domain '${domain.value}' is not served by any server reachable from ${formatEndpoint(host.address.value)} (${server.name}), so every JetStream request gets "no responders". ${known}`,
      fixes,
    },
    {
      at: server.jetstream.domain?.at ?? server.at,
      label: `${hostLabel(host)} connects here`,
      message: `${hostLabel(host)} connects to this server and asks for JetStream domain '${domain.value}', which no server reachable from here has. ${known}`,
    },
  ]));
}

function checkMissingDomain(topology: Topology, host: HostModel, server: ServerModel, findings: Finding[]): void {
  const local = localJetStream(topology, server);
  if (!host.hasDomainSetting) {
    if (local.length > 0) return;
    findings.push(...mirrored('js-not-enabled', [
      { at: host.address.at, label: `${hostLabel(host)} connects here`, message: `${hostLabel(host)} runs wasmCloud 2.x, which has no JetStream domain setting: the server it connects to must run JetStream itself, and ${server.name} does not. Enable JetStream on ${server.name}.` },
      { at: server.jetstream.at, label: `${server.name} has no JetStream`, message: `${hostLabel(host)} (wasmCloud 2.x) keeps its data in this server's JetStream, which is not enabled.` },
    ]));
    return;
  }
  const reach = reachFrom(topology, server, NEUTRAL_SUBJECT);
  const across = jetStreamServers(reach.reached, 1);
  if (across.length === 0) {
    if (local.length > 0) return;
    if (reach.external.length > 0) {
      findings.push(single('js-domain-missing', host.at,
        `${server.name} has no JetStream and ${hostLabel(host)} sets no ${variableName(host)}. JetStream may be beyond ${reach.external.map((t) => t.url.value).join(', ')}, outside the workspace: if so, set ${variableName(host)} to that server's domain.`,
        [{ at: server.at, message: `${server.name}: the server this host connects to` }], [], 'information'));
      return;
    }
    findings.push(...mirrored('js-not-enabled', [
      { at: host.address.at, label: `${hostLabel(host)} connects here`, message: `${hostLabel(host)} needs JetStream for its lattice data, but neither ${server.name} nor any server it reaches runs JetStream. Enable JetStream on ${server.name} (jetstream { store_dir: ... }) or on the server it connects to as a leaf.` },
      { at: server.jetstream.at, label: `${server.name} has no JetStream`, message: `${hostLabel(host)} connects to this server and needs JetStream, but no JetStream is reachable from here.` },
    ]));
    return;
  }
  const domains = domainsOf(across.map((a) => a.server));
  const nearest = across[0].server;
  const fixes = domains.length === 1 ? addVariableFix(host, domains[0]) : [];
  const target = domains.length > 0 ? `Set ${variableName(host)} to ${quoteList(domains)}.` : `Give ${nearest.name}'s JetStream a domain, then set ${variableName(host)} to it.`;
  if (local.length === 0) {
    findings.push(...mirrored('js-domain-missing', [
      {
        at: host.at,
        label: `${hostLabel(host)} sets no ${variableName(host)}`,
        message: `${hostLabel(host)} sets no ${variableName(host)}, and ${server.name} has no JetStream of its own: requests on $JS.API never cross the leaf connection, so they get "no responders". JetStream runs on ${nearest.name}, across a leaf connection. ${target}`,
        fixes,
      },
      { at: nearest.jetstream.domain?.at ?? nearest.jetstream.at, label: `JetStream on ${nearest.name}`, message: `${hostLabel(host)} (connected to ${server.name}) reaches this JetStream only across a leaf connection but sets no ${variableName(host)}, so its requests get "no responders".` },
    ]));
    return;
  }
  findings.push(...mirrored('js-domain-missing', [
    {
      at: host.at,
      severity: 'warning',
      label: `${hostLabel(host)} sets no ${variableName(host)}`,
      message: `${hostLabel(host)} sets no ${variableName(host)}, so its lattice data goes to the JetStream of ${local[0].name}, the server it connects to, and not to ${nearest.name} across the leaf connection: hosts elsewhere will not see it (a split brain). ${target}`,
      fixes,
    },
    { at: local[0].jetstream.at, severity: 'warning', label: `JetStream on ${local[0].name} receives the data`, message: `${hostLabel(host)} sets no JetStream domain, so this server's JetStream silently receives its lattice data instead of ${nearest.name}'s.` },
  ]));
}

function checkHubDomains(topology: Topology, hosts: { host: HostModel; server: ServerModel }[], findings: Finding[]): void {
  const hubs = new Map<ServerModel, HostModel[]>();
  for (const { host, server } of hosts) {
    if (localJetStream(topology, server).length > 0) continue;
    const reach = reachFrom(topology, server, NEUTRAL_SUBJECT);
    for (const { server: hub } of jetStreamServers(reach.reached, 1)) {
      if (hub.jetstream.domain) continue;
      hubs.set(hub, [...(hubs.get(hub) ?? []), host]);
    }
  }
  for (const [hub, hostsOfHub] of hubs) {
    findings.push(...mirrored('js-hub-domain-missing', [
      {
        at: hub.jetstream.at,
        label: `JetStream on ${hub.name} has no domain`,
        message: `JetStream on ${hub.name} has no domain, but ${hostsOfHub.map(hostLabel).join(', ')} reach${hostsOfHub.length === 1 ? 'es' : ''} it only across leaf connections, where undomained JetStream requests are blocked. Set jetstream { domain: ... } here and the same value in the hosts' WASMCLOUD_JS_DOMAIN.`,
      },
      ...hostsOfHub.map((host) => ({
        at: host.domain?.at ?? host.at,
        severity: 'information' as const,
        label: `${hostLabel(host)} reaches it across a leaf connection`,
        message: `The JetStream this host reaches across a leaf connection (${hub.name}) has no domain, so no domain can address it from here.`,
      })),
    ]));
  }
}

export function checkHostDomains(topology: Topology): Finding[] {
  const findings: Finding[] = [];
  const hosts = attachedHosts(topology);
  for (const { host, server } of hosts) {
    if (host.domain) checkDomain(topology, host, server, findings);
    else checkMissingDomain(topology, host, server, findings);
  }
  checkHubDomains(topology, hosts, findings);
  return findings;
}
