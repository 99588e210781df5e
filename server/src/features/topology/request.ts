// Answers `natsLattice/topology`: the lattice analysis drawn as SVG, with where each node and edge
// is written so a click can open it.
import { Diagnostic } from 'vscode-languageserver-types';
import { PositionResolver } from '../../diagnostics';
import { SourceRange } from '../../lattice/model';
import { pathToUri } from '../../uri';
import { LatticeAnalysis } from '../../workspace/latticeAnalysis';
import { buildTopologyGraph } from './graph';
import { TopologyParams, TopologyResult, TopologyTarget } from './protocol';
import { publishedFindings } from './published';
import { renderSvg } from './svg';

export interface TopologyRequestContext {
  analysis: LatticeAnalysis;
  /** The diagnostics published for a file (only findings shown there are drawn). */
  diagnosticsOf: (file: string) => readonly Diagnostic[];
  readFile: (file: string) => string | undefined;
}

export function answerTopologyRequest(params: TopologyParams, context: TopologyRequestContext): TopologyResult {
  const positions = new PositionResolver(context.readFile);
  const findings = publishedFindings(context.analysis.findings, context.diagnosticsOf, positions);
  const graph = buildTopologyGraph({ topology: context.analysis.topology, findings });
  const target = (at: SourceRange): TopologyTarget => ({ uri: pathToUri(at.file), range: positions.range(at.file, at.start, at.end) });
  const targets: Record<string, TopologyTarget> = {};
  for (const item of [...graph.nodes, ...graph.edges]) if (item.at) targets[item.id] = target(item.at);
  let problems = graph.problems.length;
  for (const item of [...graph.nodes, ...graph.edges]) problems += item.problems.length;
  return {
    svg: renderSvg(graph, { styleNonce: params.styleNonce }),
    targets,
    counts: { servers: graph.nodes.filter((n) => n.kind === 'server').length, hosts: graph.nodes.filter((n) => n.kind === 'host').length, problems },
    looseProblems: graph.problems.map((p) => ({ severity: p.severity, code: p.code, message: p.message, target: target(p.at) })),
  };
}
