// What every host-source feature starts from: the document's own sources read from its live text,
// the workspace lattice around it, and ways to turn offsets in any file into LSP locations.
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Location, Range } from 'vscode-languageserver-types';
import { HostDefaults } from '../../lattice/hosts';
import { SourceRange } from '../../lattice/model';
import { programOf, Program } from '../../rules/hostVariables/program';
import { hostSourceKind, readHostSource } from '../../sources/discover';
import { EnvAssignment, HostSource, HostSourceKind } from '../../sources/hostSettings';
import { pathToUri } from '../../uri';
import { LatticeAnalysis } from '../../workspace/latticeAnalysis';

export interface HostFeatureContext {
  /** The workspace lattice (servers, hosts, topology); read through the same files as `readFile`. */
  analysis: LatticeAnalysis;
  /** Reads any file, open buffers first. */
  readFile(file: string): string | undefined;
  defaults?: HostDefaults;
}

export interface HostDocument {
  file: string;
  text: string;
  kind: HostSourceKind;
  /** Sources declared in this file, read from its live text. */
  own: HostSource[];
  ctx: HostFeatureContext;
}

export function openHostDocument(file: string, text: string, ctx: HostFeatureContext): HostDocument | undefined {
  const kind = hostSourceKind(file, text);
  if (!kind) return undefined;
  const own = readHostSource(file, text, { readFile: (f) => ctx.readFile(f) }, kind).sources;
  return { file, text, kind, own, ctx };
}

/**
 * The sources that read this file: a compose service that takes it as `env_file` knows the
 * program and its version better than the env file alone does, so it comes first.
 */
export function sourcesReading(doc: HostDocument): HostSource[] {
  const includers = doc.ctx.analysis.sources.filter((s) => s.file !== doc.file && s.variables.some((v) => v.file === doc.file));
  return [...includers, ...doc.own];
}

/** The source a compose service name (or, for env files, the file itself) stands for. */
export function sourceNamed(doc: HostDocument, service: string | undefined): HostSource | undefined {
  if (service !== undefined) return doc.own.find((s) => s.name === service);
  return sourcesReading(doc)[0];
}

/** The program that reads a source; an env file nothing identifies is taken as a wasmCloud host's, shared with wadm and `wash up`. */
export function programFor(source: HostSource | undefined, defaults?: HostDefaults): Program {
  const program = source ? programOf(source, defaults) : undefined;
  return program ?? { component: 'host-rust', version: defaults?.hostVersion, family: ['host-rust', 'wadm', 'wash'], guessed: true };
}

export interface AssignmentAt {
  source: HostSource;
  assignment: EnvAssignment;
  part: 'name' | 'value';
}

/** The assignment written at an offset of this file (name or value, ends included). */
export function assignmentAt(doc: HostDocument, offset: number): AssignmentAt | undefined {
  for (const source of sourcesReading(doc)) {
    for (const assignment of source.variables) {
      if (assignment.file !== doc.file) continue;
      if (offset >= assignment.nameSpan.start && offset <= assignment.nameSpan.end) return { source, assignment, part: 'name' };
      if (assignment.via !== 'argument' && offset >= assignment.valueSpan.start && offset <= assignment.valueSpan.end && assignment.valueSpan.end > assignment.valueSpan.start) {
        return { source, assignment, part: 'value' };
      }
    }
  }
  return undefined;
}

/** Offsets ↔ positions for any file, each read once per request. */
export class Positions {
  private readonly docs = new Map<string, TextDocument | undefined>();
  constructor(private readonly readFile: (file: string) => string | undefined) {}

  document(file: string): TextDocument | undefined {
    if (!this.docs.has(file)) {
      const text = this.readFile(file);
      this.docs.set(file, text === undefined ? undefined : TextDocument.create(pathToUri(file), 'plaintext', 0, text));
    }
    return this.docs.get(file);
  }

  range(at: SourceRange): Range {
    const doc = this.document(at.file);
    if (!doc) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: doc.positionAt(at.start), end: doc.positionAt(at.end) };
  }

  location(at: SourceRange): Location {
    return { uri: pathToUri(at.file), range: this.range(at) };
  }

  /** 1-based line, for text shown to people. */
  line(at: SourceRange): number {
    return this.range(at).start.line + 1;
  }
}

/** A file as people name it: relative to the file they are looking at. */
export function shortPath(file: string, from: string): string {
  const relative = path.relative(path.dirname(from), file);
  return relative === '' ? path.basename(file) : relative;
}
