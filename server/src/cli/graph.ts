// `nats-lattice graph`: the lattice the rules see, drawn as mermaid, Graphviz dot or SVG on stdout.
// Finds files the way `check` does (folders walked, .nats-lattice.json applied), and marks the
// problems `check` would report on the nodes and links they concern.
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { PositionResolver } from '../diagnostics';
import { buildTopologyGraph } from '../features/topology/graph';
import { publishedFindings } from '../features/topology/published';
import { GRAPH_FORMATS, GraphFormat, renderGraph } from '../features/topology/render';
import { createNodeFileSystem } from '../nodeFileSystem';
import { createLanguageService } from '../service';
import { readWorkspaceInput } from './workspaceInput';
import { splitArguments } from './splitArguments';

export const GRAPH_USAGE = `Usage: nats-lattice graph [options] PATH...

Draws the lattice found under PATH (servers, clusters, leaf connections, wasmCloud hosts and
JetStream domains) and marks the problems \`check\` reports on what they concern.

  PATH                  files and folders, found the same way as by \`check\`

Options:
  --format mermaid|dot|svg
                        mermaid flowchart (default; GitHub renders it in Markdown),
                        Graphviz dot (draw with: dot -Tsvg), or a ready SVG picture
                          nats-lattice graph --format svg examples/ > lattice.svg
  --output FILE         write the picture to FILE instead of stdout
  --config-glob GLOB    also take files matching GLOB as NATS configurations (repeatable)
  --project FILE        read settings from FILE instead of the nearest .nats-lattice.json
  -h, --help            show this help

Exit status: 0 the picture was written, 2 bad usage or nothing to draw.
`;

export interface GraphIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
}

interface GraphCommand { format: GraphFormat; paths: string[]; configGlobs: string[]; project?: string; output?: string }

const VALUE_FLAGS = ['--format', '--output', '--config-glob', '--project'];

function parseGraphArguments(argv: readonly string[]): GraphCommand | { help: true } | { error: string } {
  const split = splitArguments(argv, { switches: [], valued: VALUE_FLAGS, command: 'graph' });
  if ('help' in split || 'error' in split) return split;
  const command: GraphCommand = { format: 'mermaid', paths: split.paths, configGlobs: [] };
  for (const { flag, value = '' } of split.options) {
    if (flag === '--format') {
      if (!(GRAPH_FORMATS as readonly string[]).includes(value)) return { error: `--format must be mermaid, dot or svg, not '${value}'` };
      command.format = value as GraphFormat;
    } else if (flag === '--output') command.output = value;
    else if (flag === '--project') command.project = value;
    else command.configGlobs.push(value);
  }
  if (command.paths.length === 0) return { error: 'no PATH given: name the folder (or files) whose lattice to draw, e.g. `nats-lattice graph .`' };
  return command;
}

/** The whole `graph` command after its name: arguments in, picture out, exit status back. */
export function runGraph(argv: readonly string[], io: GraphIo): number {
  const parsed = parseGraphArguments(argv);
  if ('help' in parsed) {
    io.stdout(GRAPH_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`nats-lattice: ${parsed.error}\n\n${GRAPH_USAGE}`);
    return 2;
  }
  const fs = createNodeFileSystem();
  const input = readWorkspaceInput(fs, parsed, io.cwd);
  if (input.kind === 'error') {
    io.stderr(input.messages.map((message) => `nats-lattice: ${message}\n`).join(''));
    return 2;
  }
  const { settings, collected } = input;
  if (collected.missing.length > 0) {
    io.stderr(`nats-lattice: no such file or folder: ${collected.missing.map((name) => `'${name}'`).join(', ')}\n`);
    return 2;
  }
  if (collected.files.length === 0) {
    io.stderr(`nats-lattice: no NATS configuration found in ${parsed.paths.join(', ')}: nothing to draw (add --config-glob GLOB for other file names)\n`);
    return 2;
  }

  const service = createLanguageService({ fs, env: io.env, settings, lookUpProjectFiles: parsed.project === undefined, reuseAnalyses: false });
  const files = { configs: [...collected.files].sort(), hostFiles: [...collected.hostFiles].sort() };
  const analysis = service.analyzeLattice(files);
  const published = new Map(service.checkLattice(files).map((entry) => [entry.file, entry.diagnostics]));
  const findings = publishedFindings(analysis.findings, (file) => published.get(file) ?? [], new PositionResolver((file) => fs.readFile(file)));
  const picture = renderGraph(buildTopologyGraph({ topology: analysis.topology, findings }), parsed.format);
  if (parsed.output !== undefined) {
    try {
      nodeFs.writeFileSync(path.resolve(io.cwd, parsed.output), picture);
    } catch (error) {
      io.stderr(`nats-lattice: cannot write --output ${parsed.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  } else {
    io.stdout(picture);
  }
  return 0;
}
