// Helpers for host-source feature tests: an in-memory workspace in which one file holds a cursor
// marker `|`; each helper answers what the editor would show there.
import * as path from 'node:path';
import { Location } from 'vscode-languageserver-types';
import { completeHostSource, findDomainReferences, findHostDefinition, findHostReferences, hoverHostSource, openHostDocument } from '../../../server/src/features/hostFeatures';
import { HostDocument } from '../../../server/src/features/hostFeatures/context';
import { uriToPath } from '../../../server/src/uri';
import { analyze, ROOT } from '../lattice/latticeCase';

export interface Cursor { doc: HostDocument; offset: number; file: string; texts: Map<string, string> }

/** The workspace with the marker removed, and where it was. */
export function at(files: Record<string, string>): Cursor {
  const marked = Object.entries(files).filter(([, text]) => text.includes('|'));
  if (marked.length !== 1) throw new Error('exactly one file must hold the cursor marker |');
  const [name, text] = marked[0];
  const offset = text.indexOf('|');
  const clean = { ...files, [name]: text.slice(0, offset) + text.slice(offset + 1) };
  const { analysis, texts } = analyze(clean);
  const file = path.join(ROOT, name);
  const doc = openHostDocument(file, texts.get(file)!, { analysis, readFile: (f) => texts.get(f) });
  return { doc: doc!, offset, file, texts };
}

export function completionLabels(files: Record<string, string>): string[] {
  const c = at(files);
  return completeHostSource(c.doc, c.offset).items.map((i) => i.label);
}

export function completionItems(files: Record<string, string>) {
  const c = at(files);
  return completeHostSource(c.doc, c.offset).items;
}

export function hoverText(files: Record<string, string>): string | undefined {
  const c = at(files);
  const hover = hoverHostSource(c.doc, c.offset);
  return hover ? (hover.contents as { value: string }).value : undefined;
}

/** Locations as `file:line «text»`. */
export function describeLocations(locations: Location[], texts: Map<string, string>): string[] {
  return locations.map((l) => {
    const file = uriToPath(l.uri)!;
    const lines = (texts.get(file) ?? '').split('\n');
    const line = lines[l.range.start.line] ?? '';
    const text = l.range.start.line === l.range.end.line ? line.slice(l.range.start.character, l.range.end.character) : '…';
    return `${path.relative(ROOT, file)}:${l.range.start.line + 1} «${text}»`;
  });
}

export function definitions(files: Record<string, string>): string[] {
  const c = at(files);
  return describeLocations(findHostDefinition(c.doc, c.offset), c.texts);
}

export function hostReferences(files: Record<string, string>, includeDeclaration = true): string[] {
  const c = at(files);
  return describeLocations(findHostReferences(c.doc, c.offset, includeDeclaration), c.texts);
}

/** References from a cursor in a NATS config (the marker is in a .conf file). */
export function domainReferences(files: Record<string, string>, includeDeclaration = true): string[] {
  const [name, text] = Object.entries(files).find(([, t]) => t.includes('|'))!;
  const offset = text.indexOf('|');
  const clean = { ...files, [name]: text.slice(0, offset) + text.slice(offset + 1) };
  const { analysis, texts } = analyze(clean);
  return describeLocations(findDomainReferences(analysis, path.join(ROOT, name), offset, includeDeclaration, (f) => texts.get(f)), texts);
}
