// Editor features inside wasmCloud host sources (env files, compose files), backed by the
// workspace lattice model; and the lattice's answer to "who uses this domain" on the NATS side.
export { completeHostSource } from './completion';
export { openHostDocument } from './context';
export type { HostDocument, HostFeatureContext } from './context';
export { hoverHostSource } from './hover';
export { findDomainReferences, findHostDefinition, findHostReferences } from './navigation';
