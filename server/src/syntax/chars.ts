// Character classes exactly as Go's `unicode` package answers them, because nats-server's lexer
// decides token boundaries with unicode.IsSpace / unicode.IsDigit, which differ from JS's \s and \d.

export const EOF = -1;

/** Go's unicode.IsSpace: ASCII \t \n \v \f \r and space, U+0085, U+00A0, and category Z spaces. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c === 0x85 || c === 0xa0 || c === 0x1680) return true;
  if (c >= 0x2000 && c <= 0x200a) return true;
  return c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

const decimalDigit = /^\p{Nd}$/u;

/** Go's unicode.IsDigit: any decimal digit (category Nd), not only 0-9. */
export function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return c !== EOF && decimalDigit.test(String.fromCodePoint(c));
}

/** Space or tab: the only "whitespace" lex.go allows between a value and its terminator. */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

export function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

export function isKeySeparator(c: number): boolean {
  return c === 0x3d /* = */ || c === 0x3a /* : */;
}

/** k m g t p e in either case: the letters that start a size suffix such as 1k, 4MB, 2GiB. */
export function isSizeSuffixStart(c: number): boolean {
  return 'kKmMgGtTpPeE'.includes(c >= 0 && c < 0x80 ? String.fromCharCode(c) : '\0');
}

/**
 * Go's strings.ToLower maps rune by rune with simple case folding (e.g. U+0130 'İ' becomes 'i'),
 * whereas JS may expand one character into two. Keyword and boolean checks must agree with Go.
 */
export function goToLower(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) { out += ch.toLowerCase(); continue; }
    if (cp === 0x130) { out += 'i'; continue; }
    const lower = ch.toLowerCase();
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}

/** How nats-server prints an offending character in its messages: newlines escaped, EOF as NUL. */
export function describeChar(c: number): string {
  if (c === EOF) return 'end of file';
  if (c === 0x0a) return 'a new line';
  if (c === 0x0d) return 'a carriage return';
  if (c === 0x09) return 'a tab';
  if (c === 0x20) return 'a space';
  return '`' + String.fromCodePoint(c) + '`';
}
