/** Identifiers shared by package.json and the client code; keep both in step. */
export const LANGUAGE_ID = 'nats-conf';
export const CLIENT_ID = 'natsLattice'; // the languageclient reads `${CLIENT_ID}.trace.server`
export const CLIENT_NAME = 'NATS Lattice';
export const OUTPUT_CHANNEL_NAME = 'NATS Lattice';
export const SETTINGS_SECTION = 'natsLattice';
export const ASSOCIATIONS_SETTING = 'files.associations';

export const Commands = {
  restartServer: 'natsLattice.restartServer',
  showOutput: 'natsLattice.showOutput',
  showTopology: 'natsLattice.showTopology',
  checkWorkspace: 'natsLattice.checkWorkspace',
  validateWithNatsServer: 'natsLattice.validateWithNatsServer',
} as const;

