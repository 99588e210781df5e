// One entry for the CLI: a graph in any of the picture formats.
import { renderDot } from './dot';
import { TopologyGraph } from './graph';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';

export type GraphFormat = 'mermaid' | 'dot' | 'svg';
export const GRAPH_FORMATS: readonly GraphFormat[] = ['mermaid', 'dot', 'svg'];

export function renderGraph(graph: TopologyGraph, format: GraphFormat): string {
  if (format === 'dot') return renderDot(graph);
  if (format === 'svg') return renderSvg(graph);
  return renderMermaid(graph);
}
