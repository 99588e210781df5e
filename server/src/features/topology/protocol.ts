// The `natsLattice/topology` request between the VS Code client and the language server.
import { Range } from 'vscode-languageserver-types';

export const TOPOLOGY_REQUEST = 'natsLattice/topology';
/** Sent by the server after every lattice check; a good moment to ask for the picture again. */
export const LATTICE_STATUS_NOTIFICATION = 'natsLattice/status';

export interface TopologyParams {
  /** Nonce of the webview's Content-Security-Policy, put on the SVG's `<style>`. */
  styleNonce?: string;
}

/** What a click on a node or edge opens. */
export interface TopologyTarget { uri: string; range: Range }

export interface TopologyResult {
  svg: string;
  /** By the `data-id` of the SVG's nodes and edges. */
  targets: Record<string, TopologyTarget>;
  counts: { servers: number; hosts: number; problems: number };
  /** Problems that concern no node or edge, to be listed beside the picture. */
  looseProblems: { severity: string; code: string; message: string; target?: TopologyTarget }[];
}
