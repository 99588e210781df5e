// The lattice rules, run over one topology.
import { Finding } from '../../lattice/model';
import { Topology } from '../../lattice/topology';
import { checkHostAddresses } from './hostAddress';
import { checkHostDomains } from './hostDomains';
import { checkLeafRemotes } from './leafnodes';
import { checkServerDomains } from './serverDomains';
import { checkWadmDomains } from './wadm';

const RULE_FAMILIES: ((t: Topology) => Finding[])[] = [
  checkHostAddresses,
  checkLeafRemotes,
  checkServerDomains,
  checkHostDomains,
  checkWadmDomains,
];

export function runLatticeRules(topology: Topology): Finding[] {
  return RULE_FAMILIES.flatMap((rule) => rule(topology));
}
