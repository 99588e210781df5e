// Where leaf remotes point: leaf-remote-client-port, leaf-remote-no-listener,
// leaf-remote-ambiguous and leaf-tls-mismatch.
import { formatEndpoint, parseAddress, DEFAULT_PORTS } from '../../lattice/endpoints';
import { Finding, Listener, Located, ServerModel, SuggestedEdit } from '../../lattice/model';
import { RemoteTarget, Topology } from '../../lattice/topology';
import { mirrored, single } from './findings';

function leafListener(server: ServerModel): Listener | undefined {
  return server.listeners.find((l) => l.kind === 'leafnodes');
}

function replacePortFix(url: Located<string>, port: number): SuggestedEdit[] {
  const endpoint = parseAddress(url.value, DEFAULT_PORTS.leafnodes);
  if (!endpoint?.explicitPort) return [];
  const newText = url.value.replace(new RegExp(`:${endpoint.port}(?=$|[/?#])`), `:${port}`);
  return newText === url.value ? [] : [{ title: `Use the leafnodes port ${port}`, at: url.at, newText }];
}

function wrongListener(target: RemoteTarget, server: ServerModel, listener: Listener): Finding[] {
  const leaf = leafListener(server);
  const instead = leaf ? `Its leafnodes listener is ${formatEndpoint(leaf)}.` : `${server.name} has no leafnodes listener: add leafnodes { port: ${DEFAULT_PORTS.leafnodes} } there.`;
  const code = listener.kind === 'client' ? 'leaf-remote-client-port' : 'leaf-remote-no-listener';
  const consequence = listener.kind === 'client'
    ? 'The leaf connects, is refused, and retries forever, logging an "Incorrect Port" error.'
    : 'The leaf connection never forms.';
  return mirrored(code, [
    {
      at: target.url.at,
      label: `leaf remote of ${target.server.name}`,
      message: `This leaf remote points at the ${listener.kind} listener of ${server.name} (port ${listener.port}), not at its leafnodes listener. ${consequence} ${instead}`,
      fixes: leaf ? replacePortFix(target.url, leaf.port) : [],
    },
    {
      at: listener.at,
      label: `${listener.kind} listener of ${server.name}`,
      message: `${target.server.name} uses this ${listener.kind} port (${listener.port}) as a leaf remote; leaf remotes must point at the leafnodes listener${leaf ? ` (${leaf.port})` : ''}.`,
    },
  ]);
}

function checkTarget(target: RemoteTarget): Finding[] {
  const r = target.resolution;
  switch (r.kind) {
    case 'external':
      return [];
    case 'ambiguous':
      return [single('leaf-remote-ambiguous', target.url.at,
        `${target.url.value} could be any of ${r.candidates.map((c) => c.server.name).join(', ')}; leaf checks assume none of them. Use a host name only one of them answers to.`,
        r.candidates.map((c) => ({ at: c.listener.at, message: `${c.listener.kind} listener of ${c.server.name}` })))];
    case 'no-listener': {
      const server = r.servers[0];
      const leaf = leafListener(server);
      return [single('leaf-remote-no-listener', target.url.at,
        leaf
          ? `${server.name} has no listener on this port; its leafnodes listener is ${formatEndpoint(leaf)}.`
          : `${server.name} has no leafnodes listener, so this leaf never connects. Add leafnodes { port: ${DEFAULT_PORTS.leafnodes} } to ${server.name}.`,
        [{ at: leaf?.at ?? server.at, message: leaf ? `leafnodes listener of ${server.name}` : server.name }],
        leaf ? replacePortFix(target.url, leaf.port) : [])];
    }
    case 'listener':
      if (r.listener.kind !== 'leafnodes') return wrongListener(target, r.server, r.listener);
      return checkTls(target, r.server, r.listener);
  }
}

function usesTls(target: RemoteTarget): boolean {
  return target.remote.tls || /^tls:\/\//i.test(target.url.value);
}

function checkTls(target: RemoteTarget, server: ServerModel, listener: Listener): Finding[] {
  const remoteTls = usesTls(target);
  if (remoteTls === listener.tls) return [];
  const message = listener.tls
    ? `The leafnodes listener of ${server.name} requires TLS, but this remote does not use it (no tls block, no tls:// URL): the connection is refused. Add a tls { } block to the remote.`
    : `This remote uses TLS, but the leafnodes listener of ${server.name} has no tls block: the handshake fails. Configure tls on that listener or connect without TLS.`;
  return mirrored('leaf-tls-mismatch', [
    { at: target.url.at, label: `leaf remote of ${target.server.name}`, message },
    { at: listener.at, label: `leafnodes listener of ${server.name}`, message: `${target.server.name}'s leaf remote ${remoteTls ? 'uses' : 'does not use'} TLS, but this listener ${listener.tls ? 'requires' : 'does not offer'} it.` },
  ]);
}

export function checkLeafRemotes(topology: Topology): Finding[] {
  return topology.remoteTargets.flatMap(checkTarget);
}
