// Where a host connects: host-nats-no-listener, host-server-ambiguous, host-server-unknown.
import { formatEndpoint } from '../../lattice/endpoints';
import { Finding, HostModel } from '../../lattice/model';
import { HostAttachment, Topology } from '../../lattice/topology';
import { mirrored, single } from './findings';

function describe(host: HostModel): string {
  return `${formatEndpoint(host.address.value)}${host.addressImplicit ? ' (the default, as no address is set)' : ''}`;
}

function checkAttachment({ host, resolution: r }: HostAttachment): Finding[] {
  switch (r.kind) {
    case 'external':
      return [single('host-server-unknown', host.address.at,
        `No NATS config in the workspace serves ${describe(host)}, so this host's JetStream domain is not checked. If its server's config is in the workspace, name it with a comment: # nats-lattice: server=path/to/nats.conf`)];
    case 'ambiguous':
      return [single('host-server-ambiguous', host.address.at,
        `${describe(host)} could be any of ${r.candidates.map((c) => c.server.name).join(', ')}. Name the one this host talks to with a comment: # nats-lattice: server=path/to/nats.conf`,
        r.candidates.map((c) => ({ at: c.listener.at, message: `${c.listener.kind} listener of ${c.server.name}` })))];
    case 'no-listener': {
      const server = r.servers[0];
      const client = server.listeners.find((l) => l.kind === 'client');
      return [single('host-nats-no-listener', host.portAt ?? host.address.at,
        `${server.name} has no listener on port ${host.address.value.port}; the host cannot connect.${client ? ` Its client listener is ${formatEndpoint(client)}.` : ''}`,
        [{ at: client?.at ?? server.at, message: client ? `client listener of ${server.name}` : server.name }])];
    }
    case 'listener': {
      if (r.listener.kind === 'client') return [];
      const client = r.server.listeners.find((l) => l.kind === 'client');
      return mirrored('host-nats-no-listener', [
        {
          at: host.portAt ?? host.address.at,
          label: `host ${host.name} connects here`,
          message: `${describe(host)} is the ${r.listener.kind} listener of ${r.server.name}, not a client listener: the host's connection is refused.${client ? ` Use the client port ${client.port}.` : ''}`,
        },
        {
          at: r.listener.at,
          label: `${r.listener.kind} listener of ${r.server.name}`,
          message: `wasmCloud host ${host.name} uses this ${r.listener.kind} port as its NATS address; hosts must connect to the client port${client ? ` (${client.port})` : ''}.`,
        },
      ]);
    }
  }
}

export function checkHostAddresses(topology: Topology): Finding[] {
  return topology.hostAttachments.flatMap(checkAttachment);
}
