// Small helpers over the `yaml` package's node tree, shared by the compose and Kubernetes readers.
// We walk nodes (never `toJS`), so every value keeps its source range; aliases are followed one
// step at a time under a budget, so an alias bomb costs nothing.

import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, parseAllDocuments, Scalar, YAMLMap } from 'yaml';
import type { FileProblem } from '../diagnostics';
import type { EmbeddedText, HostPin, Span } from './hostSettings';
import { parsePin } from './pins';

/** Caps alias resolutions per document: real files use a handful. */
const ALIAS_BUDGET = 1000;

export interface YamlFile {
  documents: Document.Parsed[];
  problems: FileProblem[];
  /** Resolves an alias to its anchored node (or returns the node itself); undefined when broken or over budget. */
  resolve(node: unknown, document: Document.Parsed): Node | undefined;
}

export function parseYaml(file: string, text: string): YamlFile {
  const problems: FileProblem[] = [];
  let documents: Document.Parsed[] = [];
  try {
    documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false }) as Document.Parsed[];
    if (!Array.isArray(documents)) documents = [];
  } catch (error) {
    problems.push({ file, start: 0, end: 0, code: 'yaml-syntax', message: `This YAML could not be read: ${(error as Error).message}` });
  }
  for (const document of documents) {
    for (const error of document.errors) {
      // The parser reports end-of-input errors one past the end; keep ranges inside the text.
      const start = Math.min(error.pos[0], text.length);
      problems.push({ file, start, end: Math.min(Math.max(error.pos[1], start), text.length), code: 'yaml-syntax', message: `YAML: ${error.message}` });
    }
  }
  let budget = ALIAS_BUDGET;
  const resolve = (node: unknown, document: Document.Parsed): Node | undefined => {
    let current = node;
    for (let steps = 0; isAlias(current); steps++) {
      if (budget-- <= 0 || steps > 20) return undefined;
      try {
        current = current.resolve(document);
      } catch {
        return undefined;
      }
    }
    return (current ?? undefined) as Node | undefined;
  };
  return { documents, problems, resolve };
}

export function spanOf(node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** The pairs of a map, merge keys (`<<: *anchor`) expanded first so explicit keys override them. */
export function mapPairs(map: YAMLMap, yaml: YamlFile, document: Document.Parsed): { key: Scalar; value: Node | undefined }[] {
  const merged: { key: Scalar; value: Node | undefined }[] = [];
  const own: { key: Scalar; value: Node | undefined }[] = [];
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    if (item.key.value === '<<') {
      const targets = isSeq(yaml.resolve(item.value, document)) ? (yaml.resolve(item.value, document) as { items: unknown[] }).items : [item.value];
      for (const target of targets) {
        const resolved = yaml.resolve(target, document);
        if (isMap(resolved)) merged.push(...mapPairs(resolved, yaml, document));
      }
      continue;
    }
    own.push({ key: item.key, value: yaml.resolve(item.value, document) });
  }
  return [...merged, ...own];
}

export function mapGet(map: unknown, key: string, yaml: YamlFile, document: Document.Parsed): Node | undefined {
  if (!isMap(map)) return undefined;
  let found: Node | undefined;
  for (const pair of mapPairs(map, yaml, document)) if (String(pair.key.value) === key) found = pair.value;
  return found;
}

/** A scalar's text as the program sees it: plain scalars keep their source (`1.10` stays "1.10"), null is undefined. */
export function scalarText(node: unknown, text: string): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  if ((node.type === 'PLAIN' || node.type === undefined) && node.range && typeof node.value !== 'string') {
    return text.slice(node.range[0], node.range[1]);
  }
  return String(node.value);
}

/**
 * Where character `index` of a scalar's decoded value sits in the file, when that can be known
 * exactly (plain scalars, and quoted ones whose inner text equals the value); otherwise undefined.
 */
export function scalarOffset(node: Scalar, text: string): ((index: number) => number) | undefined {
  if (!node.range) return undefined;
  const raw = text.slice(node.range[0], node.range[1]);
  const value = String(node.value ?? '');
  if ((node.type === 'PLAIN' || node.type === undefined) && raw === value) return (index) => node.range![0] + index;
  if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && raw.slice(1, -1) === value) return (index) => node.range![0] + 1 + index;
  return undefined;
}

/** The text of a scalar as an embedded document, with a map from its offsets back to the file. */
export function embeddedText(node: Scalar, text: string, key?: string): EmbeddedText | undefined {
  if (!node.range || typeof node.value !== 'string') return undefined;
  const value = node.value;
  const span = { start: node.range[0], end: node.range[1] };
  const direct = scalarOffset(node, text);
  if (direct) {
    return { text: value, offset: direct(0), span, key, segments: [{ textStart: 0, fileStart: direct(0), length: value.length }], exact: true };
  }
  if (node.type === 'BLOCK_LITERAL') {
    // Content starts on the line after the `|` header; every line loses the same indentation.
    const headerEnd = text.indexOf('\n', node.range[0]);
    if (headerEnd < 0) return undefined;
    const segments: EmbeddedText['segments'] = [];
    let indent = -1;
    let rebuilt = '';
    let line = headerEnd + 1;
    while (line < node.range[1]) {
      let end = text.indexOf('\n', line);
      if (end < 0 || end > node.range[1]) end = node.range[1];
      const lineText = text.slice(line, end).replace(/\r$/, '');
      const leading = /^ */.exec(lineText)![0].length;
      if (indent < 0 && lineText.trim() !== '') indent = leading;
      const cut = Math.min(leading, Math.max(indent, 0));
      const content = lineText.slice(cut);
      segments.push({ textStart: rebuilt.length, fileStart: line + cut, length: content.length });
      rebuilt += content + '\n';
      line = end + 1;
    }
    const exact = rebuilt.startsWith(value) || value.startsWith(rebuilt.replace(/\n+$/, ''));
    const offset = segments.length > 0 ? segments[0].fileStart : headerEnd + 1;
    return { text: value, offset, span, key, segments: segments.filter((s) => s.textStart < value.length || s.length === 0), exact };
  }
  return { text: value, offset: span.start, span, key, segments: [{ textStart: 0, fileStart: span.start, length: 0 }], exact: false };
}

/** `# nats-lattice: ...` pins in a YAML file's comments. A `#` counts as a comment when it starts the line or follows whitespace. */
export function yamlPins(file: string, text: string, problems: FileProblem[]): HostPin[] {
  const pins: HostPin[] = [];
  const pattern = /(^|[ \t])#([^\n]*)/gm;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (!/nats-lattice\s*:/.test(m[2])) continue;
    const commentStart = m.index + m[1].length + 1;
    const pin = parsePin(file, m[2], commentStart, problems);
    if (pin) pins.push(pin);
  }
  return pins;
}
