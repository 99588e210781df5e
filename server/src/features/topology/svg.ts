// The topology as a self-contained SVG: our own layered layout (layout.ts), no fonts or scripts to
// fetch. Colours come from VS Code's theme variables when the SVG sits in a webview and fall back
// to a light palette anywhere else. Every node and edge carries `data-id` (the graph id) and a
// `<title>` tooltip, so a host page can make them clickable.
import { bundleTooltip, fit, nodeDetail, nodeTooltip } from './describe';
import { escapeXml } from './escape';
import { clusterLabel, TopologyGraph, worstSeverity } from './graph';
import { Layout, layoutGraph, PlacedEdge, PlacedNode } from './layout';

export interface SvgOptions {
  /** Put on the `<style>` element, for a page whose Content-Security-Policy asks for one. */
  styleNonce?: string;
}

const DOMAIN_COLOURS = ['#0969da', '#8250df', '#1a7f37', '#bf8700', '#cf222e', '#57606a'];
const LEGEND_HEIGHT = 34;
/** Rough advance of one character at the label sizes used, so text is cut before it overflows. */
const LABEL_CHAR = 7;
const DETAIL_CHAR = 5.4;

const STYLE = `
.lattice { font-family: var(--vscode-font-family, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif); }
.lattice .background { fill: var(--vscode-editor-background, #ffffff); }
.lattice text { fill: var(--vscode-editor-foreground, #1f2328); }
.lattice .label { font-size: 12px; font-weight: 600; }
.lattice .detail, .lattice .legend text, .lattice .cluster-label { font-size: 10.5px; }
.lattice .detail { fill: var(--vscode-descriptionForeground, #59636e); }
.lattice .node rect { fill: var(--vscode-editorWidget-background, #f6f8fa); stroke: var(--vscode-editorWidget-border, #8c959f); stroke-width: 1.2; }
.lattice .node.host rect { fill: var(--vscode-editor-background, #ffffff); }
.lattice .node.external rect { stroke-dasharray: 5 3; }
.lattice .node[data-id]:hover rect, .lattice .node:focus rect { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 2; }
.lattice .cluster { fill: none; stroke: var(--vscode-editorWidget-border, #8c959f); stroke-width: 1.2; }
.lattice .cluster-label { font-weight: 600; fill: var(--vscode-descriptionForeground, #59636e); }
.lattice .region { fill-opacity: 0.14; stroke-opacity: 0.5; stroke-width: 1; }
${DOMAIN_COLOURS.map((c, i) => `.lattice .domain-${i} { fill: ${c}; stroke: ${c}; }`).join('\n')}
.lattice .edge-line { fill: none; stroke: var(--vscode-editor-foreground, #57606a); stroke-opacity: 0.75; stroke-width: 1.4; }
.lattice .edge.attachment .edge-line { stroke-dasharray: 4 3; stroke-opacity: 0.55; }
.lattice .edge.broken .edge-line { stroke-dasharray: 2 3; }
.lattice .edge-hit { fill: none; stroke: transparent; stroke-width: 10; }
.lattice .edge:hover .edge-line { stroke-width: 2.6; stroke-opacity: 1; }
.lattice .arrowhead { fill: var(--vscode-editor-foreground, #57606a); }
.lattice .problem-error rect, .lattice .problem-error .edge-line { stroke: var(--vscode-editorError-foreground, #d1242f); stroke-width: 2.2; stroke-opacity: 1; }
.lattice .problem-warning rect, .lattice .problem-warning .edge-line { stroke: var(--vscode-editorWarning-foreground, #bf8700); stroke-width: 2.2; stroke-opacity: 1; }
.lattice .badge.error { fill: var(--vscode-editorError-foreground, #d1242f); }
.lattice .badge.warning { fill: var(--vscode-editorWarning-foreground, #bf8700); }
.lattice .badge-text { fill: #ffffff; font-size: 11px; font-weight: 700; }
.lattice .arrowhead.error { fill: var(--vscode-editorError-foreground, #d1242f); }
.lattice .arrowhead.warning { fill: var(--vscode-editorWarning-foreground, #bf8700); }
.lattice [data-id] { cursor: pointer; }
`;

export function renderSvg(graph: TopologyGraph, options: SvgOptions = {}): string {
  const layout = layoutGraph(graph);
  const domainIndex = new Map(graph.domains.map((d, i) => [d.name, i % DOMAIN_COLOURS.length]));
  const labelOf = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
  const legendDomains = graph.domains.filter((d) => layout.regions.some((r) => r.domain === d.name));
  const width = Math.max(layout.width, 320);
  const height = layout.height + (legendDomains.length > 0 ? LEGEND_HEIGHT : 0);
  const nonce = options.styleNonce ? ` nonce="${escapeXml(options.styleNonce)}"` : '';
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="lattice" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="NATS lattice topology">`,
    `<title>NATS lattice: ${countOf(graph, 'server')} servers, ${countOf(graph, 'host')} hosts</title>`,
    `<style${nonce}>${STYLE}</style>`,
    '<defs>',
    ...['', 'error', 'warning'].map(
      (kind) =>
        `<marker id="lattice-arrow${kind ? `-${kind}` : ''}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead${kind ? ` ${kind}` : ''}" d="M0,0 L10,5 L0,10 z"/></marker>`,
    ),
    '</defs>',
    `<rect class="background" x="0" y="0" width="${width}" height="${height}"/>`,
    '<g class="regions">',
    ...layout.regions.map((r) => `<rect class="region domain-${domainIndex.get(r.domain) ?? 0}" x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" rx="8"><title>${escapeXml(`JetStream domain ${r.domain}`)}</title></rect>`),
    '</g>',
    '<g class="clusters">',
    ...layout.boxes.map(
      (b) =>
        `<g class="cluster-box"><rect class="cluster" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="10"/><text class="cluster-label" x="${b.x + 12}" y="${b.y + 17}">${escapeXml(fit(b.label, Math.floor((b.width - 24) / DETAIL_CHAR)))}</text></g>`,
    ),
    '</g>',
    '<g class="edges">',
    ...layout.edges.map((e) => renderEdge(e, labelOf, e.bundle.cluster ? clusterLabel(e.bundle.cluster, graph) : labelOf(e.bundle.to ?? ''))),
    '</g>',
    '<g class="nodes">',
    ...layout.nodes.map(renderNode),
    '</g>',
  ];
  if (legendDomains.length > 0) out.push(renderLegend(legendDomains.map((d) => ({ name: d.name, index: domainIndex.get(d.name)! })), layout));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function countOf(graph: TopologyGraph, kind: string): number {
  return graph.nodes.filter((n) => n.kind === kind).length;
}

function renderNode({ node, x, y, width, height }: PlacedNode): string {
  const severity = worstSeverity(node.problems);
  const classes = ['node', node.kind, severity ? `problem-${severity}` : ''].filter(Boolean).join(' ');
  const label = fit(node.label, Math.floor((width - 16) / LABEL_CHAR));
  const detail = fit(nodeDetail(node), Math.floor((width - 16) / DETAIL_CHAR));
  const parts = [
    `<g class="${classes}" data-id="${escapeXml(node.id)}" tabindex="0">`,
    `<title>${escapeXml(nodeTooltip(node))}</title>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${node.kind === 'host' ? 14 : 6}"/>`,
    `<text class="label" x="${x + 8}" y="${y + height / 2 - 3}">${escapeXml(label)}</text>`,
    `<text class="detail" x="${x + 8}" y="${y + height / 2 + 11}">${escapeXml(detail)}</text>`,
  ];
  if (severity === 'error' || severity === 'warning') {
    parts.push(`<circle class="badge ${severity}" cx="${x + width - 2}" cy="${y + 2}" r="8"/>`, `<text class="badge-text" x="${x + width - 4.5}" y="${y + 6}">!</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

function renderEdge({ bundle, points }: PlacedEdge, labelOf: (id: string) => string, target: string): string {
  const edge = bundle.edges[0];
  const severity = worstSeverity(bundle.edges.flatMap((e) => e.problems));
  const classes = ['edge', edge.kind, edge.status === 'ok' ? '' : 'broken', severity ? `problem-${severity}` : ''].filter(Boolean).join(' ');
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
  const marker = edge.kind === 'leaf' ? ` marker-end="url(#lattice-arrow${severity === 'error' || severity === 'warning' ? `-${severity}` : ''})"` : '';
  return (
    `<g class="${classes}" data-id="${escapeXml(edge.id)}" tabindex="0"><title>${escapeXml(bundleTooltip(bundle, labelOf, target))}</title>` +
    `<path class="edge-hit" d="${d}"/><path class="edge-line" d="${d}"${marker}/></g>`
  );
}

function renderLegend(domains: { name: string; index: number }[], layout: Layout): string {
  const parts = ['<g class="legend">'];
  let x = 24;
  const y = layout.height + 6;
  for (const domain of domains) {
    const text = `JetStream domain ${domain.name}`;
    parts.push(`<rect class="region domain-${domain.index}" x="${x}" y="${y}" width="16" height="14" rx="3"/>`, `<text x="${x + 22}" y="${y + 11}">${escapeXml(text)}</text>`);
    x += 40 + text.length * DETAIL_CHAR;
  }
  parts.push('</g>');
  return parts.join('');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
