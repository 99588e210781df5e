// Docker Compose variable substitution (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
// `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}`, `$$`), also used for env files,
// whose values compose substitutes the same way. Pure; never throws.

export interface Interpolation {
  /** The substituted text, or undefined when a reference without default could not be resolved. */
  value: string | undefined;
  /** Whether the text contained any reference (a bare `$$` does not count). */
  interpolated: boolean;
  /** Referenced names that `lookup` did not know (and no default covered). */
  unresolved: string[];
  /** Malformed references, with offsets relative to the input text. */
  errors: { start: number; end: number; message: string }[];
}

/** `lookup` returns undefined for a name nothing defines. */
export function interpolate(text: string, lookup: (name: string) => string | undefined): Interpolation {
  const result: Interpolation = { value: undefined, interpolated: false, unresolved: [], errors: [] };
  const value = substitute(text, 0, lookup, result, 0);
  result.value = result.unresolved.length > 0 ? undefined : value;
  return result;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const MAX_DEPTH = 16;

function substitute(text: string, base: number, lookup: (name: string) => string | undefined, result: Interpolation, depth: number): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = matchingBrace(text, i + 2);
      if (close < 0) {
        result.errors.push({ start: base + i, end: base + text.length, message: 'Unclosed "${": add the closing "}" (or write "$$" for a literal dollar sign).' });
        out += text.slice(i);
        break;
      }
      result.interpolated = true;
      out += expandBraced(text.slice(i + 2, close), base + i + 2, lookup, result, depth);
      i = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1));
    if (name) {
      result.interpolated = true;
      const found = lookup(name[0]);
      if (found === undefined) addUnresolved(result, name[0]);
      else out += found;
      i += 1 + name[0].length;
      continue;
    }
    out += '$';
    i++;
  }
  return out;
}

function expandBraced(inner: string, base: number, lookup: (name: string) => string | undefined, result: Interpolation, depth: number): string {
  const name = NAME.exec(inner);
  if (!name) {
    result.errors.push({ start: base - 2, end: base + inner.length + 1, message: `"\${${inner}}" is not a valid variable reference: a name starts with a letter or "_" and has only letters, digits and "_".` });
    return '';
  }
  const rest = inner.slice(name[0].length);
  const value = lookup(name[0]);
  if (rest === '') {
    if (value === undefined) addUnresolved(result, name[0]);
    return value ?? '';
  }
  const op = /^(:?[-?+])/.exec(rest);
  if (!op) {
    result.errors.push({ start: base - 2, end: base + inner.length + 1, message: `Unknown modifier "${rest}" in "\${${inner}}". Use :-, -, :?, ?, :+ or +.` });
    return value ?? '';
  }
  const argument = rest.slice(op[1].length);
  const argumentBase = base + name[0].length + op[1].length;
  const colon = op[1].startsWith(':');
  const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
  const expand = () => (depth >= MAX_DEPTH ? argument : substitute(argument, argumentBase, lookup, result, depth + 1));
  switch (op[1].slice(-1)) {
    case '-':
      return isSet ? (value as string) : expand();
    case '+':
      // When the variable is unknown we cannot tell whether the alternative applies.
      if (value === undefined) addUnresolved(result, name[0]);
      return isSet ? expand() : '';
    default:
      // `?`: compose refuses to start when unset; with an unknown variable the value is unknown.
      if (value === undefined) addUnresolved(result, name[0]);
      return value ?? '';
  }
}

function addUnresolved(result: Interpolation, name: string): void {
  if (!result.unresolved.includes(name)) result.unresolved.push(name);
}

/** Index of the `}` closing a `${` whose content starts at `from`, counting nested `${`; -1 if none. */
function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
