// Checks one value against a value type of the option table, the way nats-server's option code
// treats it: a Go type assertion per shape (a string where an int64 is asserted is an error), then
// the parsing nats-server does on top (durations, "host:port", string sizes, nkeys, enums, ranges).
// Returns problems located on the value (or its list items), and notes for accepted values that
// do not mean what they seem to.

import { describeValue } from '../../facts/valueText';
import type { StringFormat, ValueType } from '../../facts/optionTypes';
import type { ScalarNode, Span, ValueNode } from '../../syntax/tree';
import { OptionCode } from './codes';
import { durationProblem, hostPortProblem, NkeyKind, nkeyProblem, sizeString } from './valueFormats';
import type { OptionFix } from './types';

export interface ValueFinding extends Span {
  code: string;
  message: string;
  /** Undefined: the code's default severity. */
  severity?: 'error' | 'warning';
  fixes?: OptionFix[];
}

interface Verdict {
  ok: boolean;
  /** For failures: 2 when the shape was right but the content wrong (more useful to report). */
  score: number;
  findings: ValueFinding[];
}

const OK: Verdict = { ok: true, score: 0, findings: [] };

/** How a value is shown in messages: its source text, shortened. */
export function shown(node: ValueNode): string {
  if (node.type === 'scalar') return node.raw.length > 40 ? node.raw.slice(0, 37) + '...' : node.raw;
  if (node.type === 'variable') return '$' + node.name;
  return node.type === 'map' ? 'a block { ... }' : 'a list [ ... ]';
}

function shapeOf(node: ValueNode): string {
  if (node.type === 'map') return 'a block';
  if (node.type === 'array') return 'a list';
  if (node.type === 'variable') return 'a variable';
  switch (node.kind) {
    case 'string': return 'text';
    case 'integer': return 'a whole number';
    case 'float': return 'a decimal number';
    case 'boolean': return 'a boolean';
    case 'datetime': return 'a date';
  }
}

const NKEY_KINDS: Partial<Record<StringFormat, readonly NkeyKind[]>> = {
  'user-nkey': ['user'],
  'account-nkey': ['account'],
  'operator-nkey': ['operator'],
  'curve-xkey': ['curve'],
  'any-public-nkey': ['account', 'user', 'operator', 'server', 'cluster', 'curve'],
};

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);
const SIZE_SUFFIXED = /^(-?[0-9]+)([A-Za-z]+)$/;

/** Checks `node` (already resolved through variables) against `type`. `label` names the option. */
export function checkValue(node: ValueNode, type: ValueType, label: string): ValueFinding[] {
  const verdict = judge(node, type, label);
  if (verdict.ok) return verdict.findings;
  if (verdict.findings.length) return verdict.findings;
  return [mismatch(node, type, label)];
}

/**
 * True when `checkValue` would find nothing to say about `node`: the common case, answered without
 * building verdicts, labels or messages. Must never say true where checkValue reports something;
 * it may say false for fine values (checkValue then decides).
 */
export function passesQuietly(node: ValueNode, type: ValueType): boolean {
  return quietly(node, type) === Quiet.accepted;
}

/** What `judge` would say, as far as the quick check can tell without wording anything. */
const enum Quiet {
  /** Maybe accepted with a note, maybe rejected: the full judgement must decide. */
  unsure,
  /** Accepted without findings. */
  accepted,
  /** Not accepted (a union then tries its next alternative). */
  rejected,
}

/** Follows `judge` case by case; anything that could carry a finding is `unsure`. */
function quietly(node: ValueNode, type: ValueType): Quiet {
  if (node.type === 'variable') return Quiet.accepted;
  if (node.type === 'scalar' && node.value === undefined) return Quiet.accepted;
  switch (type.kind) {
    case 'union':
      for (const alt of type.of) {
        const verdict = quietly(node, alt);
        if (verdict !== Quiet.rejected) return verdict;
      }
      return Quiet.rejected;
    case 'bool':
      if (isScalar(node, 'boolean')) return Quiet.accepted;
      return isScalar(node, 'string') ? Quiet.unsure : Quiet.rejected;
    case 'integer':
      if (!isScalar(node, 'integer')) return Quiet.rejected;
      // A bigint compares exactly with a whole number: no BigInt needs building.
      return (type.min === undefined || (node.value as bigint) >= type.min) && (type.max === undefined || (node.value as bigint) <= type.max)
        ? Quiet.accepted : Quiet.rejected;
    case 'number':
      return isScalar(node, 'integer') || isScalar(node, 'float') ? Quiet.accepted : Quiet.rejected;
    case 'size':
      if (isScalar(node, 'integer')) return Quiet.accepted;
      return isScalar(node, 'string') ? Quiet.unsure : Quiet.rejected;
    case 'duration':
      if (isScalar(node, 'string')) return durationProblem(String(node.value)) === undefined ? Quiet.accepted : Quiet.rejected;
      if (isScalar(node, 'float')) return type.numbers === 'number-seconds' ? Quiet.accepted : Quiet.rejected;
      return isScalar(node, 'integer') ? Quiet.unsure : Quiet.rejected;
    case 'string':
      if (!isScalar(node, 'string')) return Quiet.rejected;
      return type.format === undefined || (NKEY_KINDS[type.format] === undefined && type.format !== 'jetstream-domain') ? Quiet.accepted : Quiet.unsure;
    case 'url': case 'subject':
      return isScalar(node, 'string') ? Quiet.accepted : Quiet.rejected;
    case 'hostport':
      if (isScalar(node, 'integer')) return Quiet.accepted;
      if (!isScalar(node, 'string')) return Quiet.rejected;
      return hostPortProblem(String(node.value)) === undefined ? Quiet.accepted : Quiet.rejected;
    case 'enum':
      if (!isScalar(node, 'string')) return Quiet.rejected;
      return isEnumValue(type, String(node.value)) ? Quiet.accepted : Quiet.rejected;
    case 'stringOrArray':
      if (node.type === 'array') return quietItems(node.items, type.item);
      return quietly(node, type.item);
    case 'array':
      if (node.type !== 'array') return Quiet.rejected;
      if (type.minItems && node.items.length < type.minItems) return Quiet.rejected;
      return quietItems(node.items, type.item);
    case 'map':
      return node.type === 'map' ? Quiet.accepted : Quiet.rejected;
  }
}

function quietItems(items: ValueNode[], item: ValueType): Quiet {
  for (const element of items) if (quietly(element, item) !== Quiet.accepted) return Quiet.unsure;
  return Quiet.accepted;
}

function isEnumValue(type: { readonly values: readonly string[]; readonly caseInsensitive: boolean }, text: string): boolean {
  if (!type.caseInsensitive) return type.values.includes(text);
  const lower = text.toLowerCase();
  for (const value of type.values) if (value.toLowerCase() === lower) return true;
  return false;
}

function fail(node: Span, code: string, message: string, fixes?: OptionFix[]): Verdict {
  return { ok: false, score: 2, findings: [{ start: node.start, end: node.end, code, message, fixes }] };
}

function wrongShape(): Verdict {
  return { ok: false, score: 1, findings: [] };
}

function mismatch(node: ValueNode, type: ValueType, label: string): ValueFinding {
  let hint = '';
  const fixes: OptionFix[] = [];
  if (node.type === 'scalar' && node.kind === 'string' && node.style !== 'bare' && node.style !== 'block') {
    const inner = String(node.value);
    if (/^-?[0-9]+$/.test(inner) && accepts(type, 'integer')) {
      hint = ` Write the number without quotes: ${inner}.`;
      fixes.push({ title: `Remove the quotes: ${inner}`, start: node.start, end: node.end, newText: inner });
    }
  }
  if (node.type === 'scalar' && node.kind === 'integer' && accepts(type, 'string')) {
    hint = ` Put it in quotes if it is meant as text: "${node.raw}".`;
    fixes.push({ title: `Quote it: "${node.raw}"`, start: node.start, end: node.end, newText: `"${node.raw}"` });
  }
  if (node.type !== 'array' && accepts(type, 'array') && !accepts(type, 'string')) {
    hint = ` Write a list even for one item: [ ${shown(node)} ].`;
    fixes.push({ title: 'Make it a list', start: node.start, end: node.end, newText: `[ ${node.type === 'scalar' ? node.raw : shown(node)} ]` });
  }
  return {
    start: node.start, end: node.end, code: OptionCode.invalidValueType, fixes: fixes.length ? fixes : undefined,
    message: `${label} expects ${describeValue(type)}, but ${shown(node)} is ${shapeOf(node)}; nats-server rejects it.${hint}`,
  };
}

/** Whether some alternative of the type takes this scalar shape. */
function accepts(type: ValueType, shape: 'integer' | 'string' | 'array'): boolean {
  switch (type.kind) {
    case 'union': return type.of.some((t) => accepts(t, shape));
    case 'integer': case 'number': case 'size': return shape === 'integer';
    case 'duration': return shape === 'string' || (shape === 'integer' && type.numbers !== 'rejected');
    case 'hostport': return shape === 'integer' || shape === 'string';
    case 'string': case 'url': case 'subject': case 'enum': return shape === 'string';
    case 'stringOrArray': return shape === 'array' || accepts(type.item, shape);
    case 'array': return shape === 'array';
    default: return false;
  }
}

function judge(node: ValueNode, type: ValueType, label: string): Verdict {
  if (node.type === 'variable') return OK; // unresolved: evaluation reports it
  if (node.type === 'scalar' && node.value === undefined) return OK; // the parser already reported it
  switch (type.kind) {
    case 'union': {
      let best: Verdict | undefined;
      for (const alt of type.of) {
        const v = judge(node, alt, label);
        if (v.ok) return v;
        if (!best || v.score > best.score) best = v;
      }
      return best ?? wrongShape();
    }
    case 'bool':
      if (isScalar(node, 'boolean')) return OK;
      if (isScalar(node, 'string') && node.style !== 'bare' && BOOLEAN_WORDS.has(String(node.value).toLowerCase())) {
        const word = String(node.value).toLowerCase();
        return fail(node, OptionCode.quotedBoolean,
          `${label} expects true or false, but ${node.raw} is text because of the quotes; nats-server rejects it. Write ${word} without quotes.`,
          [{ title: `Remove the quotes: ${word}`, start: node.start, end: node.end, newText: word }]);
      }
      return wrongShape();
    case 'integer': {
      if (!isScalar(node, 'integer')) return wrongShape();
      const n = node.value as bigint;
      if ((type.min !== undefined && n < BigInt(type.min)) || (type.max !== undefined && n > BigInt(type.max))) {
        const range = type.max !== undefined ? `${type.min ?? '...'} to ${type.max}` : `at least ${type.min}`;
        return fail(node, OptionCode.valueOutOfRange, `${label} must be ${range}, but is ${n}${node.raw !== String(n) ? ` (${node.raw})` : ''}.`);
      }
      return OK;
    }
    case 'number':
      return isScalar(node, 'integer') || isScalar(node, 'float') ? OK : wrongShape();
    case 'size':
      if (isScalar(node, 'integer')) return OK;
      if (isScalar(node, 'string') && type.strings === 'KMGT') {
        const verdict = sizeString(String(node.value));
        if (verdict.ok) return OK;
        return fail(node, OptionCode.invalidSizeString,
          `${label}: ${node.raw} is rejected: ${verdict.reason}.${verdict.fixed ? ` Write ${verdict.fixed}.` : ''} (Unquoted, 10GB also works: lower or upper case, with or without B.)`,
          verdict.fixed ? [{ title: `Write ${verdict.fixed}`, start: node.start, end: node.end, newText: verdict.fixed }] : undefined);
      }
      if (isScalar(node, 'string')) {
        const inner = String(node.value);
        const hint = /^[0-9]+[A-Za-z]*$/.test(inner) ? ` Write it without quotes: ${inner}.` : '';
        return { ok: false, score: 2, findings: [{ start: node.start, end: node.end, code: OptionCode.invalidValueType,
          message: `${label} expects a number of bytes; a quoted size such as ${node.raw} is rejected here.${hint}`,
          fixes: hint ? [{ title: `Remove the quotes: ${inner}`, start: node.start, end: node.end, newText: inner }] : undefined }] };
      }
      return wrongShape();
    case 'duration':
      return judgeDuration(node, type.numbers, label);
    case 'string':
      if (!isScalar(node, 'string')) return wrongShape();
      return judgeStringFormat(node, type.format, label);
    case 'url': case 'subject':
      return isScalar(node, 'string') ? OK : wrongShape();
    case 'hostport': {
      if (isScalar(node, 'integer')) return OK;
      if (!isScalar(node, 'string')) return wrongShape();
      const problem = hostPortProblem(String(node.value));
      return problem ? fail(node, OptionCode.invalidHostPort, `${label}: ${problem}. nats-server cannot parse this address; write a port (4222) or "host:port".`) : OK;
    }
    case 'enum': {
      if (!isScalar(node, 'string')) return wrongShape();
      const text = String(node.value);
      if (isEnumValue(type, text)) return OK;
      const near = type.values.find((v) => v.toLowerCase() === text.toLowerCase());
      const list = type.values.length > 8 ? `one of the ${type.values.length} names nats-server knows` : type.values.map((v) => `"${v}"`).join(', ');
      return fail(node, OptionCode.invalidEnumValue,
        `${label} does not accept ${node.raw}${near ? ` (this one is case-sensitive: write "${near}")` : ''}: write ${list}.`,
        near ? [{ title: `Write "${near}"`, start: node.start, end: node.end, newText: `"${near}"` }] : undefined);
    }
    case 'stringOrArray':
      if (node.type === 'array') return judgeItems(node.items, type.item, label);
      return judge(node, type.item, label);
    case 'array':
      if (node.type !== 'array') return wrongShape();
      if (type.minItems && node.items.length < type.minItems) {
        return fail(node, OptionCode.emptyList, `${label} cannot be an empty list: nats-server rejects it. Add an entry or remove the key for the default.`);
      }
      return judgeItems(node.items, type.item, label);
    case 'map':
      return node.type === 'map' ? OK : wrongShape();
  }
}

function judgeItems(items: ValueNode[], item: ValueType, label: string): Verdict {
  const findings: ValueFinding[] = [];
  let ok = true;
  for (const element of items) {
    const v = judge(element, item, `each item of ${label}`);
    if (!v.ok) { ok = false; findings.push(...(v.findings.length ? v.findings : [mismatch(element, item, `each item of ${label}`)])); }
    else findings.push(...v.findings);
  }
  // A list was allowed here, so item problems are the precise ones to report.
  return { ok, score: 2, findings };
}

function judgeDuration(node: ValueNode, numbers: 'rejected' | 'seconds-with-warning' | 'integer-seconds' | 'number-seconds', label: string): Verdict {
  if (isScalar(node, 'string')) {
    const problem = durationProblem(String(node.value));
    return problem ? fail(node, OptionCode.invalidDuration, `${label}: ${problem}. Write a duration such as "30s", "2m" or "1h30m".`) : OK;
  }
  if (isScalar(node, 'float')) return numbers === 'number-seconds' ? OK : wrongShape();
  if (!isScalar(node, 'integer')) return wrongShape();
  const n = node.value as bigint;
  const suffixed = SIZE_SUFFIXED.exec(node.raw);
  const quoted = `"${node.raw}"`;
  const fix: OptionFix[] = [{ title: `Quote it: ${quoted}`, start: node.start, end: node.end, newText: quoted }];
  if (suffixed) {
    const meaning = `unquoted, ${node.raw} is the number ${n} (${suffixed[2]} is a size suffix${/^m$/i.test(suffixed[2]) ? ', millions' : ''})`;
    if (numbers === 'rejected') {
      return fail(node, OptionCode.invalidValueType, `${label} needs a duration string, but ${meaning}; nats-server rejects it. Write ${quoted}.`, fix);
    }
    const warn = numbers === 'seconds-with-warning' ? ' nats-server warns about it and `nats-server -t` fails.' : '';
    return { ok: true, score: 0, findings: [{ start: node.start, end: node.end, code: OptionCode.durationWithSizeSuffix, severity: 'warning', fixes: fix,
      message: `${label}: ${meaning}, so nats-server uses ${n} seconds (${humanSeconds(n)}), not what ${node.raw} suggests.${warn} Write ${quoted}.` }] };
  }
  if (numbers === 'rejected') return wrongShape();
  if (numbers === 'seconds-with-warning') {
    const text = `"${n}s"`;
    return { ok: true, score: 0, findings: [{ start: node.start, end: node.end, code: OptionCode.durationAsSeconds, severity: 'warning',
      fixes: [{ title: `Write ${text}`, start: node.start, end: node.end, newText: text }],
      message: `${label}: a bare number is read as ${n} seconds, and nats-server warns that it should be a duration (\`nats-server -t\` fails on it). Write ${text}.` }] };
  }
  return OK;
}

function judgeStringFormat(node: ScalarNode, format: StringFormat | undefined, label: string): Verdict {
  const text = String(node.value);
  const kinds = format ? NKEY_KINDS[format] : undefined;
  if (kinds) {
    const problem = nkeyProblem(text, kinds);
    return problem ? fail(node, OptionCode.invalidNkey, `${label}: ${problem}; nats-server rejects it.`) : OK;
  }
  if (format === 'jetstream-domain' && /[.*>\s]/.test(text)) {
    return { ok: true, score: 0, findings: [{ start: node.start, end: node.end, code: OptionCode.invalidJetStreamDomain, severity: 'warning',
      message: `${label} ${node.raw} contains ${/\s/.test(text) ? 'whitespace' : `"${/[.*>]/.exec(text)![0]}"`}: \`nats-server -t\` accepts it, but JetStream refuses to start with such a domain. Use letters, digits, - and _ only.` }] };
  }
  return OK;
}

function isScalar<K extends ScalarNode['kind']>(node: ValueNode, kind: K): node is ScalarNode & { kind: K } {
  return node.type === 'scalar' && node.kind === kind;
}

function humanSeconds(n: bigint): string {
  const s = Number(n);
  if (s >= 86400 * 365) return `about ${Math.round(s / (86400 * 365))} years`;
  if (s >= 86400) return `about ${Math.round(s / 86400)} days`;
  if (s >= 3600) return `about ${Math.round(s / 3600)} hours`;
  return `${s} seconds`;
}
