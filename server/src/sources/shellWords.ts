// Splitting POSIX-shell-like words with their source spans, for `.envrc` lines, systemd
// `Environment=`/`ExecStart=` and compose `command:` strings. Not a shell: no globbing, no
// command substitution; `$VAR` is substituted only when a lookup is given.

export interface Word {
  /** The decoded word (quotes removed, escapes applied). */
  text: string;
  start: number;
  end: number;
  /** The word contained `$NAME` / `${...}` outside single quotes. */
  hasReference: boolean;
}

export interface SplitOptions {
  /** systemd: C escapes inside double quotes, no `$` expansion; shell: backslash escapes, `$` kept. */
  dialect: 'shell' | 'systemd';
  /** Stop at an unquoted `#` that starts a word (shell comments). */
  comments?: boolean;
  /** Stop at an unquoted `;`, `&` or `|` (shell command separators). */
  stopAtSeparators?: boolean;
}

export interface SplitResult {
  words: Word[];
  /** Offset where splitting stopped (end of text, a comment, a separator). */
  end: number;
  /** An opening quote that is never closed: its offset. */
  unterminatedQuote?: number;
}

/** Splits `text[from, to)` into words. */
export function splitWords(text: string, from: number, to: number, options: SplitOptions): SplitResult {
  const words: Word[] = [];
  let i = from;
  let unterminatedQuote: number | undefined;
  while (i < to) {
    while (i < to && (/\s/.test(text[i]) || (text[i] === '\\' && /^\\\r?\n/.test(text.slice(i, i + 3))))) i += text[i] === '\\' ? (text[i + 1] === '\r' ? 3 : 2) : 1;
    if (i >= to) break;
    if (options.comments && text[i] === '#') return { words, end: i };
    if (options.stopAtSeparators && /[;&|]/.test(text[i])) return { words, end: i };
    const start = i;
    let word = '';
    let hasReference = false;
    while (i < to && !/\s/.test(text[i])) {
      const c = text[i];
      // A backslash before a line end continues the line; it separates words like a space.
      if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) break;
      if (options.stopAtSeparators && /[;&|]/.test(c)) break;
      if (c === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0 || close >= to) {
          unterminatedQuote ??= i;
          word += text.slice(i + 1, to);
          i = to;
          break;
        }
        word += text.slice(i + 1, close);
        i = close + 1;
      } else if (c === '"') {
        let j = i + 1;
        let closed = false;
        while (j < to) {
          const d = text[j];
          if (d === '\\' && j + 1 < to) {
            word += unescape(text[j + 1], options.dialect, true);
            j += 2;
            continue;
          }
          if (d === '"') {
            closed = true;
            break;
          }
          if (d === '$' && /[A-Za-z_{]/.test(text[j + 1] ?? '')) hasReference = true;
          word += d;
          j++;
        }
        if (!closed) unterminatedQuote ??= i;
        i = closed ? j + 1 : to;
      } else if (c === '\\' && i + 1 < to) {
        word += text[i + 1] === '\n' ? '' : unescape(text[i + 1], options.dialect, false);
        i += 2;
      } else {
        if (c === '$' && /[A-Za-z_{]/.test(text[i + 1] ?? '')) hasReference = true;
        word += c;
        i++;
      }
    }
    words.push({ text: word, start, end: i, hasReference });
  }
  const result: SplitResult = { words, end: Math.min(i, to) };
  if (unterminatedQuote !== undefined) result.unterminatedQuote = unterminatedQuote;
  return result;
}

function unescape(c: string, dialect: SplitOptions['dialect'], inDoubleQuotes: boolean): string {
  if (dialect === 'systemd') {
    switch (c) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      default:
        return c;
    }
  }
  // The shell keeps the backslash inside double quotes unless it escapes one of $ ` " \ newline.
  if (inDoubleQuotes && !'$`"\\\n'.includes(c)) return `\\${c}`;
  return c;
}
