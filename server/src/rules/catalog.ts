// Every diagnostic code the lattice rules can report, with its default severity and what it means.
// docs/diagnostics.md and the CLI's SARIF rules are generated from this table.
import { Severity } from '../lattice/model';

export interface RuleInfo { severity: Severity; summary: string }

export const LATTICE_RULES = {
  'js-domain-unknown': {
    severity: 'error',
    summary: "A host's JetStream domain is not the domain of any server its NATS connection can reach.",
  },
  'js-domain-missing': {
    severity: 'error',
    summary: 'A host reaches JetStream only across a leaf connection but sets no JetStream domain.',
  },
  'js-not-enabled': {
    severity: 'error',
    summary: 'A host reaches no JetStream at all, so it cannot keep its lattice data.',
  },
  'js-domain-shared': {
    severity: 'error',
    summary: 'Servers that are not one cluster use the same JetStream domain (a split brain).',
  },
  'js-domain-cluster-mismatch': {
    severity: 'error',
    summary: 'Servers joined by cluster routes have different JetStream domains.',
  },
  'js-hub-domain-missing': {
    severity: 'error',
    summary: 'The server holding the lattice JetStream has no domain, yet hosts reach it across leaf connections.',
  },
  'leaf-remote-client-port': {
    severity: 'error',
    summary: "A leaf remote points at a server's client port instead of its leafnodes listener.",
  },
  'leaf-remote-no-listener': {
    severity: 'error',
    summary: 'A leaf remote points at a port where the server has no leafnodes listener.',
  },
  'leaf-remote-ambiguous': {
    severity: 'information',
    summary: 'A leaf remote could mean more than one server of the workspace.',
  },
  'leaf-deny-blocks-js': {
    severity: 'error',
    summary: "A leaf remote's deny rule blocks the JetStream API subjects a host needs.",
  },
  'leaf-tls-mismatch': {
    severity: 'error',
    summary: 'TLS is required on one side of a leaf connection but not used on the other.',
  },
  'host-nats-no-listener': {
    severity: 'error',
    summary: "A host's NATS address is not a client listener of any server.",
  },
  'host-server-ambiguous': {
    severity: 'information',
    summary: "A host's NATS address could mean more than one server of the workspace.",
  },
  'host-server-unknown': {
    severity: 'information',
    summary: "A host's NATS address names no server of the workspace, so its JetStream is not checked.",
  },
  'wasmcloud-env-invalid': {
    severity: 'error',
    summary: 'A wasmCloud host, wadm or wash variable has a value that program rejects (it refuses to start or cannot connect).',
  },
  'wasmcloud-env-ignored': {
    severity: 'warning',
    summary: 'A variable the wasmCloud program does not read: renamed, misspelled, removed in that version, or meant for another program.',
  },
  'wadm-js-domain-mismatch': {
    severity: 'warning',
    summary: 'wadm and the hosts of its lattice use different JetStream domains.',
  },
} satisfies Record<string, RuleInfo>;

export type LatticeRuleCode = keyof typeof LATTICE_RULES;
