// Hosts whose NATS address resolved to a client listener: the ones JetStream rules can judge.
import { HostModel, ServerModel } from '../../lattice/model';
import { Topology } from '../../lattice/topology';

export interface AttachedHost { host: HostModel; server: ServerModel }

export function attachedHosts(topology: Topology): AttachedHost[] {
  const result: AttachedHost[] = [];
  for (const { host, resolution } of topology.hostAttachments) {
    if (resolution.kind === 'listener' && resolution.listener.kind === 'client') result.push({ host, server: resolution.server });
  }
  return result;
}

/** A subject no deny rule is expected to cover: used to ask "which clusters are connected". */
export const NEUTRAL_SUBJECT = '_NATS_LATTICE.reach';
