// Where the cursor is in a host source, read from the text around it (the file may be half typed,
// so no parser is asked): on a variable name, on a value, or nowhere of interest.
import type { HostSourceKind } from '../../sources/hostSettings';

/** How a new variable is written where the cursor is. */
export type WritingStyle = 'env' | 'compose-map' | 'compose-list';

export type Slot =
  | { kind: 'name'; start: number; end: number; style: WritingStyle; hasSeparator: boolean; service?: string }
  | { kind: 'value'; name: string; start: number; end: number; service?: string };

interface Line { start: number; end: number; text: string }

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (text[end - 1] === '\r') end--;
  return { start, end, text: text.slice(start, end) };
}

/** A value's content: after an opening quote, before a closing quote or an inline comment. */
function valueContent(line: Line, from: number): { start: number; end: number } {
  const raw = line.text.slice(from - line.start);
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : undefined;
  if (quote) {
    const close = raw.indexOf(quote, 1);
    return { start: from + 1, end: close < 0 ? line.end : from + close };
  }
  const comment = /\s#/.exec(raw);
  const body = comment ? raw.slice(0, comment.index) : raw;
  return { start: from, end: from + body.trimEnd().length };
}

function envSlot(text: string, offset: number): Slot | undefined {
  const line = lineAt(text, offset);
  const m = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)?(\s*=\s*)?/.exec(line.text)!;
  if (line.text.trimStart().startsWith('#')) return undefined;
  const nameStart = line.start + m[1].length + (m[2]?.length ?? 0);
  const nameEnd = nameStart + (m[3]?.length ?? 0);
  if (offset < nameStart) return undefined;
  if (!m[4] || offset <= nameEnd) return { kind: 'name', start: nameStart, end: nameEnd, style: 'env', hasSeparator: m[4] !== undefined };
  const content = valueContent(line, nameEnd + m[4].length);
  if (offset < content.start || offset > content.end) return undefined;
  return { kind: 'value', name: m[3] ?? '', ...content };
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;
const isBlank = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');

/** The nearest line above `index` that holds the one at `indent` (a YAML parent), with its index. */
function parentLine(lines: string[], index: number, indent: number, isListItem: boolean): number | undefined {
  for (let i = index - 1; i >= 0; i--) {
    if (isBlank(lines[i])) continue;
    const own = indentOf(lines[i]);
    if (own < indent || (isListItem && own === indent && !lines[i].trimStart().startsWith('-'))) return i;
  }
  return undefined;
}

function composeSlot(text: string, offset: number): Slot | undefined {
  const line = lineAt(text, offset);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const index = text.slice(0, line.start).split('\n').length - 1;
  const blank = line.text.trim() === '';
  const indent = blank ? offset - line.start : indentOf(line.text);
  const listItem = line.text.trimStart().startsWith('-');
  const envIndex = parentLine(lines, index, indent, listItem);
  if (envIndex === undefined || !/^\s*environment\s*:\s*(#.*)?$/.test(lines[envIndex])) return undefined;
  const serviceIndex = parentLine(lines, envIndex, indentOf(lines[envIndex]), false);
  const service = serviceIndex === undefined ? undefined : /^\s*["']?([^\s:#"']+)["']?\s*:\s*(#.*)?$/.exec(lines[serviceIndex])?.[1];
  const servicesIndex = serviceIndex === undefined ? undefined : parentLine(lines, serviceIndex, indentOf(lines[serviceIndex]), false);
  if (!service || servicesIndex === undefined || !/^services\s*:/.test(lines[servicesIndex])) return undefined;

  if (blank) {
    const next = lines.slice(envIndex + 1).find((l) => !isBlank(l));
    const style: WritingStyle = next !== undefined && indentOf(next) >= indentOf(lines[envIndex]) && next.trimStart().startsWith('-') ? 'compose-list' : 'compose-map';
    return { kind: 'name', start: offset, end: offset, style, hasSeparator: false, service };
  }
  if (listItem) {
    const m = /^(\s*-\s*)(["']?)([A-Za-z_][A-Za-z0-9_.-]*)?(=?)/.exec(line.text)!;
    const nameStart = line.start + m[1].length + m[2].length;
    const nameEnd = nameStart + (m[3]?.length ?? 0);
    if (offset < nameStart) return undefined;
    if (!m[4] || offset <= nameEnd) return { kind: 'name', start: nameStart, end: nameEnd, style: 'compose-list', hasSeparator: m[4] === '=', service };
    const close = m[2] ? line.text.indexOf(m[2], nameEnd + 1 - line.start) : -1;
    const end = close >= 0 ? line.start + close : valueContent(line, nameEnd + 1).end;
    return offset <= end ? { kind: 'value', name: m[3] ?? '', start: nameEnd + 1, end, service } : undefined;
  }
  const m = /^(\s*)(["']?)([A-Za-z_][A-Za-z0-9_.-]*)?\2?(\s*:\s*)?/.exec(line.text)!;
  const nameStart = line.start + m[1].length + m[2].length;
  const nameEnd = nameStart + (m[3]?.length ?? 0);
  if (offset < nameStart) return undefined;
  if (!m[4] || offset <= nameEnd) return { kind: 'name', start: nameStart, end: nameEnd, style: 'compose-map', hasSeparator: m[4] !== undefined, service };
  const content = valueContent(line, line.start + m[0].length);
  return offset >= content.start && offset <= content.end ? { kind: 'value', name: m[3] ?? '', ...content, service } : undefined;
}

export function slotAt(kind: HostSourceKind, text: string, offset: number): Slot | undefined {
  if (kind === 'dotenv' || kind === 'envrc') return envSlot(text, offset);
  if (kind === 'compose') return composeSlot(text, offset);
  return undefined;
}
