// Where everything goes in the SVG picture: a layered layout with no dependency. Layer 0 holds the
// hubs (clusters that are nobody's leaf, and servers outside the workspace); each leaf sits one
// layer below the nearest hub it connects to. Routed servers share a box; hosts hang under the
// server they connect to; long layers wrap onto more rows so 50 servers stay readable.
import { GraphCluster, GraphEdge, GraphNode, TopologyGraph, clusterLabel } from './graph';
import { bundleEdges, EdgeBundle } from './grouping';

export const SIZES = {
  serverWidth: 206,
  serverHeight: 46,
  hostIndent: 20,
  /** Room right of the hosts where leaf links climb to their server. */
  hostChannel: 16,
  hostHeight: 38,
  hostGap: 8,
  columnGap: 20,
  unitGap: 36,
  boxPadding: 14,
  boxLabel: 20,
  layerGap: 70,
  margin: 24,
  /** A row of a layer wraps once it is wider than this. */
  maxRowWidth: 1500,
  /** Servers side by side in one cluster box before the box wraps. */
  maxColumnsPerBox: 6,
} as const;

/** Hosts leave a rail on the left (they hang from it) and a channel on the right (leaf links climb it). */
const HOST_WIDTH = SIZES.serverWidth - SIZES.hostIndent - SIZES.hostChannel;

export interface Rect { x: number; y: number; width: number; height: number }

export interface PlacedNode extends Rect { node: GraphNode }

export interface PlacedBox extends Rect { cluster: GraphCluster; label: string }

/** A shaded region: servers side by side (with their hosts) that share a JetStream domain. */
export interface PlacedRegion extends Rect { domain: string }

/** One drawn line: a single edge, or a bundle of leaf links to a cluster (see grouping.ts). */
export interface PlacedEdge { bundle: EdgeBundle; points: { x: number; y: number }[] }

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  boxes: PlacedBox[];
  regions: PlacedRegion[];
  edges: PlacedEdge[];
}

/** One thing placed in a layer: a cluster of servers, or one server outside the workspace. */
interface Unit {
  id: string;
  cluster?: GraphCluster;
  members: GraphNode[];
  layer: number;
  boxed: boolean;
}

interface Column { member: GraphNode; hosts: GraphNode[] }

export function layoutGraph(graph: TopologyGraph): Layout {
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const units: Unit[] = [];
  const unitOf = new Map<string, Unit>();
  for (const cluster of graph.clusters) {
    const members = cluster.servers.map((id) => nodeById.get(id)).filter((n): n is GraphNode => n !== undefined);
    if (members.length === 0) continue;
    const unit: Unit = { id: cluster.id, cluster, members, layer: 0, boxed: members.length > 1 };
    units.push(unit);
    for (const m of members) unitOf.set(m.id, unit);
  }
  for (const node of graph.nodes) {
    if (node.kind !== 'external') continue;
    const unit: Unit = { id: node.id, members: [node], layer: 0, boxed: false };
    units.push(unit);
    unitOf.set(node.id, unit);
  }
  assignLayers(units, graph.edges, unitOf);

  // Each host hangs under the first server it reaches; hosts that reach none go to a last row.
  const hostsUnder = new Map<string, GraphNode[]>();
  const loose: GraphNode[] = [];
  for (const host of graph.nodes.filter((n) => n.kind === 'host')) {
    const target = graph.edges.find((e) => e.kind === 'attachment' && e.from === host.id && unitOf.has(e.to));
    if (target) hostsUnder.set(target.to, [...(hostsUnder.get(target.to) ?? []), host]);
    else loose.push(host);
  }

  const placed = new Map<string, PlacedNode>();
  const layout: Layout = { width: 0, height: 0, nodes: [], boxes: [], regions: [], edges: [] };
  const layers = [...new Set(units.map((u) => u.layer))].sort((a, b) => a - b);
  /** The top of each row and the layer it belongs to: leaf edges run in the gap above a row. */
  const rowTops: number[] = [];
  let y = SIZES.margin;
  const order = new Map<string, number>();
  for (const layer of layers) {
    const inLayer = orderLayer(units.filter((u) => u.layer === layer), graph.edges, order);
    let x = SIZES.margin;
    let rowHeight = 0;
    rowTops.push(y);
    for (const unit of inLayer) {
      const size = measureUnit(unit, hostsUnder);
      if (x > SIZES.margin && x + size.width > SIZES.maxRowWidth) {
        y += rowHeight + SIZES.layerGap;
        rowTops.push(y);
        x = SIZES.margin;
        rowHeight = 0;
      }
      placeUnit(unit, x, y, hostsUnder, graph, layout, placed);
      for (const member of unit.members) order.set(member.id, placed.get(member.id)!.x + SIZES.serverWidth / 2);
      x += size.width + SIZES.unitGap;
      rowHeight = Math.max(rowHeight, size.height);
      layout.width = Math.max(layout.width, x - SIZES.unitGap);
    }
    y += rowHeight + SIZES.layerGap;
  }
  if (loose.length > 0) {
    let x = SIZES.margin;
    for (const host of loose) {
      const width = HOST_WIDTH;
      if (x > SIZES.margin && x + width > SIZES.maxRowWidth) {
        x = SIZES.margin;
        y += SIZES.hostHeight + SIZES.hostGap;
      }
      addNode(layout, placed, { node: host, x, y, width, height: SIZES.hostHeight });
      x += width + SIZES.columnGap;
      layout.width = Math.max(layout.width, x - SIZES.columnGap);
    }
    y += SIZES.hostHeight + SIZES.layerGap;
  }
  layout.width += SIZES.margin;
  layout.height = y - SIZES.layerGap + SIZES.margin;
  layout.edges = routeEdges(bundleEdges(graph), placed, layout.boxes, hostsUnder);
  return layout;
}

/** Hubs at 0; a leaf one below the nearest thing it is a leaf of. Leaf cycles with no hub stay at 0. */
function assignLayers(units: Unit[], edges: GraphEdge[], unitOf: Map<string, Unit>): void {
  const upward = new Map<Unit, Set<Unit>>(units.map((u) => [u, new Set()]));
  for (const edge of edges) {
    if (edge.kind !== 'leaf') continue;
    const from = unitOf.get(edge.from);
    const to = unitOf.get(edge.to);
    if (from && to && from !== to) upward.get(from)!.add(to);
  }
  const depth = new Map<Unit, number>(units.map((u) => [u, upward.get(u)!.size === 0 ? 0 : Infinity]));
  for (let round = 0; round < units.length; round++) {
    let changed = false;
    for (const unit of units) {
      for (const hub of upward.get(unit)!) {
        const through = depth.get(hub)! + 1;
        if (through < depth.get(unit)!) {
          depth.set(unit, through);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  for (const unit of units) unit.layer = Number.isFinite(depth.get(unit)!) ? depth.get(unit)! : 0;
}

/** Left to right: under the servers each leaf connects to (their mean x), so links stay short. */
function orderLayer(units: Unit[], edges: GraphEdge[], xOf: Map<string, number>): Unit[] {
  const score = (unit: Unit): number => {
    const xs = edges
      .filter((e) => e.kind === 'leaf' && unit.members.some((m) => m.id === e.from))
      .map((e) => xOf.get(e.to))
      .filter((x): x is number => x !== undefined);
    return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NEGATIVE_INFINITY;
  };
  const externalLast = (u: Unit) => (u.members[0].kind === 'external' ? 1 : 0);
  return units
    .map((unit) => ({ unit, score: score(unit) }))
    .sort((a, b) => a.score - b.score || externalLast(a.unit) - externalLast(b.unit) || b.unit.members.length - a.unit.members.length || a.unit.members[0].label.localeCompare(b.unit.members[0].label, undefined, { numeric: true }))
    .map((s) => s.unit);
}

function columnHeight(hosts: number): number {
  return SIZES.serverHeight + hosts * (SIZES.hostGap + SIZES.hostHeight);
}

function rowsOf(unit: Unit, hostsUnder: Map<string, GraphNode[]>): Column[][] {
  const columns = unit.members.map((member) => ({ member, hosts: hostsUnder.get(member.id) ?? [] }));
  const rows: Column[][] = [];
  for (let i = 0; i < columns.length; i += SIZES.maxColumnsPerBox) rows.push(columns.slice(i, i + SIZES.maxColumnsPerBox));
  return rows;
}

function measureUnit(unit: Unit, hostsUnder: Map<string, GraphNode[]>): { width: number; height: number } {
  const rows = rowsOf(unit, hostsUnder);
  const inner = {
    width: Math.max(...rows.map((r) => r.length * SIZES.serverWidth + (r.length - 1) * SIZES.columnGap)),
    height: rows.reduce((sum, r) => sum + Math.max(...r.map((c) => columnHeight(c.hosts.length))), 0) + (rows.length - 1) * SIZES.hostGap * 2,
  };
  if (!unit.boxed) return inner;
  return { width: inner.width + 2 * SIZES.boxPadding, height: inner.height + 2 * SIZES.boxPadding + SIZES.boxLabel };
}

function placeUnit(unit: Unit, left: number, top: number, hostsUnder: Map<string, GraphNode[]>, graph: TopologyGraph, layout: Layout, placed: Map<string, PlacedNode>): void {
  const size = measureUnit(unit, hostsUnder);
  if (unit.boxed && unit.cluster) layout.boxes.push({ x: left, y: top, ...size, cluster: unit.cluster, label: clusterLabel(unit.cluster, graph) });
  const inset = unit.boxed ? SIZES.boxPadding : 0;
  let y = top + inset + (unit.boxed ? SIZES.boxLabel : 0);
  for (const row of rowsOf(unit, hostsUnder)) {
    let x = left + inset;
    const rowHeight = Math.max(...row.map((c) => columnHeight(c.hosts.length)));
    let run: { domain: string; x: number; end: number; height: number } | undefined;
    const closeRun = () => {
      if (run) layout.regions.push({ domain: run.domain, x: run.x - 6, y: y - 6, width: run.end - run.x + 12, height: run.height + 12 });
      run = undefined;
    };
    for (const column of row) {
      addNode(layout, placed, { node: column.member, x, y, width: SIZES.serverWidth, height: SIZES.serverHeight });
      column.hosts.forEach((host, i) => {
        const hostY = y + SIZES.serverHeight + SIZES.hostGap + i * (SIZES.hostHeight + SIZES.hostGap);
        addNode(layout, placed, { node: host, x: x + SIZES.hostIndent, y: hostY, width: HOST_WIDTH, height: SIZES.hostHeight });
      });
      const domain = column.member.domain;
      const height = columnHeight(column.hosts.length);
      if (run && run.domain === domain) {
        run.end = x + SIZES.serverWidth;
        run.height = Math.max(run.height, height);
      } else {
        closeRun();
        if (domain !== undefined) run = { domain, x, end: x + SIZES.serverWidth, height };
      }
      x += SIZES.serverWidth + SIZES.columnGap;
    }
    closeRun();
    y += rowHeight + SIZES.hostGap * 2;
  }
}

function addNode(layout: Layout, placed: Map<string, PlacedNode>, node: PlacedNode): void {
  layout.nodes.push(node);
  placed.set(node.node.id, node);
}

/**
 * Leaf links leave the top of the leaf, run along the gap above its row, and climb to the bottom
 * right of the hub (the left edge under a server is the rail its hosts hang from). A host under
 * its server hangs from that rail; any other attachment is drawn straight.
 */
function routeEdges(bundles: EdgeBundle[], placed: Map<string, PlacedNode>, boxes: PlacedBox[], hostsUnder: Map<string, GraphNode[]>): PlacedEdge[] {
  const routed: PlacedEdge[] = [];
  const lanes = new Map<number, number>();
  for (const bundle of bundles) {
    const edge: GraphEdge = bundle.edges[0];
    const from = placed.get(bundle.from);
    const box = bundle.cluster ? boxes.find((b) => b.cluster.id === bundle.cluster!.id) : undefined;
    const to: Rect | undefined = box ?? (bundle.to !== undefined ? placed.get(bundle.to) : undefined);
    if (!from || !to || edge.kind === 'route') continue;
    if (edge.kind === 'attachment') {
      const target = placed.get(edge.to)!;
      const hangs = hostsUnder.get(edge.to)?.includes(from.node) && Math.abs(from.x - target.x - SIZES.hostIndent) < 1;
      if (hangs) {
        const railX = target.x + SIZES.hostIndent / 2;
        routed.push({ bundle, points: [{ x: railX, y: target.y + target.height }, { x: railX, y: from.y + from.height / 2 }, { x: from.x, y: from.y + from.height / 2 }] });
      } else {
        routed.push({ bundle, points: [{ x: from.x, y: from.y + from.height / 2 }, { x: target.x + target.width / 2, y: target.y + target.height }] });
      }
      continue;
    }
    const start = { x: from.x + from.width / 2, y: from.y };
    // Into a cluster box: straight up where the leaf is, when the box is above it; into a server:
    // the channel right of its hosts.
    const end = box
      ? { x: Math.min(Math.max(start.x, box.x + 24), box.x + box.width - 24), y: box.y + box.height }
      : { x: to.x + to.width - SIZES.hostChannel / 2, y: to.y + to.height };
    if (to.y + to.height >= from.y) {
      routed.push({ bundle, points: [start, end] });
      continue;
    }
    if (Math.abs(end.x - start.x) < 1) {
      routed.push({ bundle, points: [start, end] });
      continue;
    }
    const lane = lanes.get(from.y) ?? 0;
    lanes.set(from.y, lane + 1);
    const laneY = from.y - SIZES.layerGap / 2 - 12 + ((lane * 6) % (SIZES.layerGap - 30));
    routed.push({ bundle, points: [start, { x: start.x, y: laneY }, { x: end.x, y: laneY }, end] });
  }
  return routed;
}
