// wadm-js-domain-mismatch: wadm must read the lattice data where the hosts write it.
import { Finding } from '../../lattice/model';
import { reachFrom, Topology } from '../../lattice/topology';
import { attachedHosts, NEUTRAL_SUBJECT } from './attached';
import { mirrored } from './findings';

export function checkWadmDomains(topology: Topology): Finding[] {
  const attached = attachedHosts(topology);
  const findings: Finding[] = [];
  for (const wadm of attached.filter((a) => a.host.component === 'wadm')) {
    const connected = new Set(reachFrom(topology, wadm.server, NEUTRAL_SUBJECT).reached.map((r) => r.cluster));
    const wadmDomain = wadm.host.domain?.value;
    const hosts = attached.filter((a) => a.host.component === 'wasmcloud' && connected.has(topology.clusterOf.get(a.server)!));
    const differing = hosts.filter((h) => h.host.domain?.value !== wadmDomain);
    if (differing.length === 0) continue;
    const show = (d: string | undefined) => (d ? `'${d}'` : 'no domain');
    findings.push(...mirrored('wadm-js-domain-mismatch', [
      {
        at: wadm.host.domain?.at ?? wadm.host.at,
        label: `wadm uses ${show(wadmDomain)}`,
        message: `wadm uses JetStream domain ${show(wadmDomain)}, but ${differing.map((h) => `${h.host.name} uses ${show(h.host.domain?.value)}`).join(', ')}. wadm then reads and writes lattice state where the hosts do not, and deployments never reconcile.`,
        fixes: differing[0].host.domain && wadm.host.domain
          ? [{ title: `Use the hosts' domain '${differing[0].host.domain.value}'`, at: wadm.host.domain.at, newText: differing[0].host.domain.value }]
          : [],
      },
      ...differing.map((h) => ({
        at: h.host.domain?.at ?? h.host.at,
        label: `${h.host.name} uses ${show(h.host.domain?.value)}`,
        message: `This host uses JetStream domain ${show(h.host.domain?.value)}, but wadm (${wadm.host.name}) uses ${show(wadmDomain)}.`,
      })),
    ]));
  }
  return findings;
}
