// The lexer: a state machine whose states and transitions reproduce nats-server's conf/lex.go
// (current upstream), so that every input is split into the same items and fails at the same place.
// Unlike nats-server it does not stop at the first error: it records the error, skips to a point
// where lexing can safely resume (end of line, or a closing bracket) and carries on.
//
// Each state reads at most a few characters and returns the next state; return states are kept on
// an explicit stack (no recursion), so nesting depth is bounded only by memory.

import { EOF, isSpace, isDigit, isBlank, isNewline, isKeySeparator, isSizeSuffixStart, goToLower, describeChar } from './chars';
import { Span, SyntaxError } from './tree';
import { Code } from './codes';
import { Items, Kind, Style } from './items';
import { LineIndex } from './lines';

export interface LexResult {
  items: Items;
  errors: SyntaxError[];
  /** Characters skipped by error recovery, so the token stream can label them. */
  skipped: Span[];
  /** A quote opened just before the end of the file, which nats-server silently accepts. */
  strayQuoteAt?: number;
  /** Integers directly followed by `]` (`[1, 2, 3]`): nats-server reads `3]` as text and the array stays open. */
  swallowedBrackets: Span[];
  /** Line numbers of the lexed text (shared with the parser so the table is built at most once). */
  lines: LineIndex;
}

const enum S {
  Top, TopValueEnd, BlockStart, BlockValueEnd, BlockEnd,
  KeyStart, DqKey, SqKey, Key, KeyEnd,
  IncludeStart, Include, IncludeSq, IncludeDq, IncludeBare,
  Value, ArrayValue, ArrayValueEnd, ArrayEnd,
  MapKeyStart, MapSqKey, MapDqKey, MapKey, MapKeyEnd, MapValue, MapValueEnd, MapEnd,
  SqString, DqString, BareString, BlockString, Escape, HexEscape,
  NumberStart, Number, SizeSuffix, DateAfterYear, NegNumberStart, NegNumber, FloatStart, Float, IPAddr,
  Comment, Done,
}

// ----- runs of ordinary characters ------------------------------------------------------------
//
// Most characters change nothing but the position: the spaces before a key, the letters of a key
// or a string, the digits of a number. For such a character a state just consumes it (and, in some
// states, `ignore`s it) and returns itself. run() skips whole runs of them in one tight loop instead
// of one state step per character. The tables must list exactly the characters for which the
// state's own code does that and nothing else; anything else (including NUL, which reads as end of
// file) ends the run and goes through the state's code as before.

/** Per state: which characters (index 0-127, and 128 for any non-ASCII UTF-16 unit) keep it going. */
const RUN: (Uint8Array | undefined)[] = [];
/** Per state: whether the state `ignore`s the characters of the run (they belong to no item). */
const RUN_IGNORES: boolean[] = [];

function defineRun(states: S[], ignores: boolean, keeps: (c: number) => boolean, nonAscii: boolean): void {
  const table = new Uint8Array(129);
  for (let c = 1; c < 128; c++) table[c] = keeps(c) ? 1 : 0;
  // Non-ASCII code units all behave alike only where every non-ASCII character is ordinary;
  // elsewhere (Unicode spaces in keys, Unicode digits in numbers) they take the slow path.
  table[128] = nonAscii ? 1 : 0;
  for (const st of states) { RUN[st] = table; RUN_IGNORES[st] = ignores; }
}
{
  const space = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d); // isSpace, ASCII part
  const blank = (c: number) => c === 0x20 || c === 0x09;
  const digit = (c: number) => c >= 0x30 && c <= 0x39;
  const among = (chars: string) => (c: number) => chars.includes(String.fromCharCode(c));
  defineRun([S.Top, S.BlockStart, S.KeyStart, S.KeyEnd, S.ArrayValue, S.MapKeyStart, S.MapKeyEnd, S.MapValue], true, space, false);
  defineRun([S.IncludeStart, S.Value, S.ArrayValueEnd, S.MapValueEnd], true, blank, false);
  defineRun([S.TopValueEnd, S.BlockValueEnd], false, blank, false);
  defineRun([S.BlockEnd], false, (c) => blank(c) || c === 0x0a || c === 0x0d, false);
  defineRun([S.Key, S.MapKey], false, (c) => !space(c) && !among('=:')(c), false);
  defineRun([S.DqKey, S.MapDqKey, S.IncludeDq], false, (c) => c !== 0x22, true);
  defineRun([S.SqKey, S.MapSqKey, S.IncludeSq, S.SqString], false, (c) => c !== 0x27, true);
  defineRun([S.DqString], false, (c) => !among('"\\')(c), true);
  defineRun([S.BareString], false, (c) => !among('\\\n\r;,]} \t\'')(c), true);
  defineRun([S.IncludeBare], false, (c) => !among('\n\r;} \t\'')(c), true);
  defineRun([S.BlockString], false, (c) => c !== 0x29, true);
  defineRun([S.Comment], false, (c) => c !== 0x0a && c !== 0x0d, true);
  defineRun([S.Number, S.NegNumber, S.Float], false, digit, false);
  defineRun([S.IPAddr], false, (c) => digit(c) || among('.:-')(c), false);
  defineRun([S.SizeSuffix], false, among('bBiI'), false);
}

type FrameKind = 'top' | 'block' | 'map' | 'array';
interface Frame { kind: FrameKind; depth: number; open: number }

const CH = (s: string) => s.charCodeAt(0);
const LBRACE = CH('{'), RBRACE = CH('}'), LBRACK = CH('['), RBRACK = CH(']'), LPAREN = CH('('), RPAREN = CH(')');
const HASH = CH('#'), SLASH = CH('/'), DQ = CH('"'), SQ = CH("'"), COMMA = CH(','), SEMI = CH(';');
const BACKSLASH = CH('\\'), MINUS = CH('-'), DOT = CH('.'), COLON = CH(':'), DOLLAR = CH('$'), NL = 0x0a;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

export function lex(text: string): LexResult {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private start = 0;
  private width = 0;
  private readonly stack: S[] = [];
  private readonly frames: Frame[] = [{ kind: 'top', depth: 0, open: 0 }];
  private parts: (string | number)[] = [];
  private stringState: S = S.BareString;
  /** Where the value, key or comment being lexed began (its opening quote included). */
  private tokenStart = 0;
  private readonly items: Items;
  private readonly errors: SyntaxError[] = [];
  private readonly skipped: Span[] = [];
  private readonly swallowedBrackets: Span[] = [];
  /** Offsets from which a quote/paren of that kind is known to stay unclosed until the end of file. */
  private unclosedFrom = new Map<string, number>();
  private readonly lines: LineIndex;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
    // Configuration files average about one item per 9 characters: start with room for that many.
    this.items = new Items(text, (text.length >> 3) + 16);
  }

  run(): LexResult {
    let state: S = S.Top;
    // Every state either consumes input or moves towards one that does; the budget only guards
    // against a bug turning into a hang inside the editor.
    let budget = 64 * this.text.length + 4096;
    const text = this.text;
    const length = text.length;
    while (state !== S.Done) {
      if (--budget < 0) {
        this.error(Code.internal, 'The syntax checker gave up on this file (internal limit reached); please report it.', this.pos, this.text.length);
        break;
      }
      const run = RUN[state];
      if (run !== undefined) {
        let p = this.pos;
        while (p < length) {
          const c = text.charCodeAt(p);
          if (run[c < 128 ? c : 128] === 0) break;
          p++;
        }
        if (p !== this.pos) {
          this.pos = p;
          if (RUN_IGNORES[state]) this.start = p;
        }
      }
      state = this.step(state);
    }
    return { items: this.items, errors: this.errors, skipped: this.skipped, strayQuoteAt: this.strayQuoteAt, swallowedBrackets: this.swallowedBrackets, lines: this.lines };
  }

  // ----- reading -------------------------------------------------------------------------------

  private next(): number {
    if (this.pos >= this.text.length) { this.width = 0; return EOF; }
    const c = this.text.codePointAt(this.pos)!;
    this.width = c > 0xffff ? 2 : 1;
    this.pos += this.width;
    // nats-server's lexer uses the NUL character as its end-of-file marker, so a NUL in the text
    // behaves exactly like the end of the file in every state (but is consumed like a character).
    return c === 0 ? EOF : c;
  }
  private backup(): void { this.pos -= this.width; }
  private peek(): number { const c = this.next(); this.backup(); return c; }
  private ignore(): void { this.start = this.pos; }
  private pop(): S {
    const s = this.stack.pop();
    if (s === undefined) {
      this.error(Code.internal, 'Internal error: the lexer lost track of where it was.', this.pos, this.pos);
      return this.recover(this.pos);
    }
    return s;
  }

  /** The line nats-server reports for an error raised now: 1 + the '\n' characters consumed. */
  lineAt(offset: number): number {
    return this.lines.lineOf(offset);
  }
  private lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && !isNewline(this.text.charCodeAt(i)) && this.text.charCodeAt(i) !== 0) i++;
    return i;
  }

  // ----- emitting ------------------------------------------------------------------------------

  private takeValue(): string {
    const tail = this.text.slice(this.start, this.pos);
    if (this.parts.length === 0) return tail;
    let value: string;
    if (this.parts.some((p) => typeof p === 'number')) {
      // \xHH escapes insert raw bytes; Go strings are bytes, so decode the whole thing as UTF-8.
      const bytes: number[] = [];
      for (const p of this.parts) {
        if (typeof p === 'number') bytes.push(p); else for (const b of utf8.encode(p)) bytes.push(b);
      }
      for (const b of utf8.encode(tail)) bytes.push(b);
      value = utf8Decoder.decode(new Uint8Array(bytes));
    } else {
      value = this.parts.join('') + tail;
    }
    this.parts = [];
    return value;
  }

  /** Emits an item whose value is the text read since `start` (with escapes decoded), or `value`. */
  private emit(kind: Kind, rawStart: number, rawEnd: number, style = Style.None, value?: string, keyword?: Span): void {
    const index = this.items.push(kind, rawStart, rawEnd, style, this.start, this.pos);
    if (this.parts.length > 0) {
      const taken = this.takeValue(); // also empties `parts`
      this.items.setValue(index, value ?? taken);
    } else if (value !== undefined) {
      this.items.setValue(index, value);
    }
    if (keyword !== undefined) this.items.keyword.set(index, keyword);
    this.start = this.pos;
  }

  private emitKey(rawEnd: number, quote?: '"' | "'"): void {
    this.emit(Kind.Key, this.tokenStart, rawEnd, quote === undefined ? Style.None : quote === '"' ? Style.Double : Style.Single);
  }

  private emitEof(): S {
    const at = Math.min(this.pos, this.text.length);
    this.items.push(Kind.Eof, at, at);
    return S.Done;
  }

  // ----- errors and recovery -------------------------------------------------------------------

  private error(code: string, message: string, start: number, end: number, line = this.lineAt(this.pos)): void {
    this.errors.push({ code, message, start, end, line });
  }

  /**
   * Reports a problem at the offending character, as nats-server would (its line is where the
   * lexer stood), then resumes. `at` is the offending character's offset.
   */
  private fail(code: string, message: string, at: number, length?: number): S {
    const len = length ?? (at < this.text.length ? (this.text.codePointAt(at)! > 0xffff ? 2 : 1) : 0);
    this.error(code, message, at, Math.min(this.text.length, at + len));
    return this.recover(at);
  }

  /** A problem found at the end of the file although it started at `openedAt`. */
  private failAtEof(code: string, message: string, openedAt: number, openedEnd: number, eofMessage: string): void {
    const eofLine = this.lineAt(this.pos);
    if (this.lineAt(openedAt) !== eofLine) {
      this.error(code, message, openedAt, openedEnd, this.lineAt(openedAt));
      this.error(Code.unexpectedEof, eofMessage, this.pos, this.pos, eofLine);
    } else {
      this.error(code, message, openedAt, openedEnd, eofLine);
    }
  }

  private frame(): Frame { return this.frames[this.frames.length - 1]; }

  private pushFrame(kind: FrameKind, open: number): void {
    this.frames.push({ kind, depth: this.stack.length, open });
  }

  private resumeState(f: Frame): S {
    switch (f.kind) {
      case 'top': return S.Top;
      case 'block': return S.BlockStart;
      case 'map': return S.MapKeyStart;
      case 'array': return S.ArrayValue;
    }
  }

  private closerOf(f: Frame): number {
    return f.kind === 'array' ? RBRACK : f.kind === 'top' ? -2 : RBRACE;
  }

  /** Closes the innermost frame because the text is missing its bracket. */
  private closeFrameMissing(at: number, reason: 'eof' | 'mismatch'): void {
    const f = this.frames.pop()!;
    if (f.kind === 'map' || f.kind === 'array') {
      this.items.synthetic.add(this.items.push(f.kind === 'map' ? Kind.MapEnd : Kind.ArrayEnd, at, at));
      // Deeply nested unclosed input would otherwise produce one error per level.
      if (++this.unclosedReported > 100) return;
      const what = f.kind === 'map' ? 'map' : 'array';
      const closer = f.kind === 'map' ? '}' : ']';
      const openLine = this.lineAt(f.open);
      const msg = reason === 'eof'
        ? `This ${what} is never closed: add \`${closer}\` after its last ${f.kind === 'map' ? 'entry' : 'element'}.`
        : `This ${what} is not closed before line ${this.lineAt(at)} closes an enclosing block: add \`${closer}\`.`;
      this.error(f.kind === 'map' ? Code.unclosedMap : Code.unclosedArray, msg, f.open, f.open + 1, openLine);
    }
  }
  private unclosedReported = 0;

  /**
   * Skips from `at` to a safe place (end of the line, or a bracket closing the current or an
   * enclosing frame) and returns the state that continues the innermost open frame there.
   * Always makes progress: either characters are skipped, or a frame is closed, or the place is a
   * character the resumed state consumes without complaint.
   */
  private recover(at: number): S {
    let p = at;
    let depth = 0;
    const text = this.text;
    for (;;) {
      if (p >= text.length) break;
      const c = text.charCodeAt(p);
      if (isNewline(c)) break;
      if (c === LBRACE || c === LBRACK) depth++;
      else if ((c === RBRACE || c === RBRACK) && depth > 0) depth--;
      else if (c === RBRACE || c === RBRACK) {
        let target = -1;
        for (let i = this.frames.length - 1; i > 0; i--) if (this.closerOf(this.frames[i]) === c) { target = i; break; }
        if (target > 0) {
          while (this.frames.length - 1 > target) this.closeFrameMissing(p, 'mismatch');
          break;
        }
      }
      p++;
    }
    if (p > at) this.skipped.push({ start: at, end: p });
    this.pos = p;
    this.start = p;
    this.parts = [];
    this.pendingKeyword = undefined;
    if (p >= text.length) return this.finishAtEof();
    const f = this.frame();
    this.stack.length = f.depth;
    return this.resumeState(f);
  }

  /** End of file reached while recovering: close whatever is still open. */
  private finishAtEof(): S {
    // Frames opened on the line of the error that brought us here are already explained by it.
    const last = this.errors[this.errors.length - 1];
    const explainedLine = last ? this.lineAt(last.start) : -1;
    while (this.frames.length > 1) {
      const f = this.frame();
      if (f.kind === 'block' || this.lineAt(f.open) === explainedLine) {
        this.frames.pop();
        if (f.kind !== 'block') this.items.synthetic.add(this.items.push(f.kind === 'map' ? Kind.MapEnd : Kind.ArrayEnd, this.text.length, this.text.length));
        continue;
      }
      this.closeFrameMissing(this.text.length, 'eof');
    }
    this.pos = this.text.length;
    return this.emitEof();
  }

  /** The error for running into the end of the file inside the innermost frame. */
  private failEofInFrame(natsWhat: string): S {
    const f = this.frame();
    const at = this.pos;
    if (f.kind === 'map' || f.kind === 'array') {
      const closer = f.kind === 'map' ? '}' : ']';
      const openLine = this.lineAt(f.open);
      const msg = `The file ends inside the ${f.kind} opened on line ${openLine}: add \`${closer}\` to close it.`;
      this.error(Code.unexpectedEof, msg, at, at);
    } else {
      this.error(Code.unexpectedEof, `The file ends ${natsWhat}.`, at, at);
    }
    return this.recover(at);
  }

  // ----- the states ----------------------------------------------------------------------------

  private step(state: S): S {
    switch (state) {
      case S.Top: return this.top();
      case S.TopValueEnd: return this.topValueEnd();
      case S.BlockStart: return this.blockStart();
      case S.BlockValueEnd: return this.blockValueEnd();
      case S.BlockEnd: return this.blockEnd();
      case S.KeyStart: return this.keyStart();
      case S.DqKey: return this.topQuotedKey(DQ);
      case S.SqKey: return this.topQuotedKey(SQ);
      case S.Key: return this.key();
      case S.KeyEnd: return this.keyEnd();
      case S.IncludeStart: return this.includeStart();
      case S.Include: return this.include();
      case S.IncludeSq: return this.includeQuoted(SQ);
      case S.IncludeDq: return this.includeQuoted(DQ);
      case S.IncludeBare: return this.includeBare();
      case S.Value: return this.value();
      case S.ArrayValue: return this.arrayValue();
      case S.ArrayValueEnd: return this.arrayValueEnd();
      case S.ArrayEnd: return this.arrayEnd();
      case S.MapKeyStart: return this.mapKeyStart();
      case S.MapSqKey: return this.mapQuotedKey(SQ);
      case S.MapDqKey: return this.mapQuotedKey(DQ);
      case S.MapKey: return this.mapKey();
      case S.MapKeyEnd: return this.mapKeyEnd();
      case S.MapValue: return this.mapValue();
      case S.MapValueEnd: return this.mapValueEnd();
      case S.MapEnd: return this.mapEnd();
      case S.SqString: return this.sqString();
      case S.DqString: return this.dqString();
      case S.BareString: return this.bareString();
      case S.BlockString: return this.blockString();
      case S.Escape: return this.escape();
      case S.HexEscape: return this.hexEscape();
      case S.NumberStart: return this.numberStart();
      case S.Number: return this.number();
      case S.SizeSuffix: return this.sizeSuffix();
      case S.DateAfterYear: return this.dateAfterYear();
      case S.NegNumberStart: return this.negNumberStart();
      case S.NegNumber: return this.negNumber();
      case S.FloatStart: return this.floatStart();
      case S.Float: return this.float();
      case S.IPAddr: return this.ipAddr();
      case S.Comment: return this.comment();
      case S.Done: return S.Done;
    }
  }

  /** Starts a comment whose marker (`#` or `//`) ends at the current position. */
  private startComment(markerLength: number, returnTo: S): S {
    this.stack.push(returnTo);
    this.tokenStart = this.pos - markerLength;
    this.ignore();
    return S.Comment;
  }

  private comment(): S {
    const c = this.peek();
    if (isNewline(c) || c === EOF) {
      this.emit(Kind.Comment, this.tokenStart, this.pos);
      return this.pop();
    }
    this.next();
    return S.Comment;
  }

  /** After a lone '/', which nats-server treats as the end of the file at key positions. */
  private slashAtKeyPosition(): S {
    const at = this.pos - 1;
    if (this.pos > this.start) {
      return this.fail(Code.unexpectedSlash,
        'A key cannot start with a single `/` here (nats-server stops reading the file at it). Use `#` or `//` for a comment, or quote the key: "/name".', at, 1);
    }
    return this.emitEof();
  }

  private top(): S {
    const c = this.next();
    if (isSpace(c)) { this.ignore(); return S.Top; }
    switch (c) {
      case LBRACE: return this.openBlock(S.Top);
      case HASH: return this.startComment(1, S.Top);
      case SLASH:
        if (this.next() === SLASH) return this.startComment(2, S.Top);
        this.backup();
        return this.slashAtKeyPosition();
      case EOF:
        if (this.pos > this.start) return this.failStrayEof();
        return this.emitEof();
    }
    this.backup();
    this.stack.push(S.TopValueEnd);
    return S.KeyStart;
  }

  /** nats-server read its end-of-file marker (a NUL character) with text still pending. */
  private failStrayEof(): S {
    const nul = this.text.charCodeAt(this.pos - 1) === 0;
    return this.fail(Code.unexpectedEof, nul
      ? 'nats-server treats this NUL character as the end of the file and rejects the text around it: remove the NUL character.'
      : 'Unexpected end of file.', nul ? this.pos - 1 : this.pos, nul ? 1 : 0);
  }

  private valueEndError(c: number, where: string, expected: string): S {
    const at = c === EOF ? this.pos : this.pos - this.width;
    if (c === EOF) return this.failEofInFrame(where);
    return this.fail(Code.unexpectedAfterValue,
      `Unexpected ${describeChar(c)} after the value ${where}: ${expected}. If it belongs to the value, quote the whole value.`, at);
  }

  private topValueEnd(): S {
    const c = this.next();
    if (c === HASH) return this.startComment(1, S.Top);
    if (c === SLASH) {
      if (this.next() === SLASH) return this.startComment(2, S.Top);
      this.backup();
      return S.TopValueEnd;
    }
    if (isBlank(c)) return S.TopValueEnd;
    if (isNewline(c) || c === EOF || c === SEMI || c === COMMA || c === RBRACE) {
      this.ignore();
      return S.Top;
    }
    return this.valueEndError(c, 'at the top level', 'end it with a new line, `;` or a comment');
  }

  private blockStart(): S {
    const c = this.next();
    if (isSpace(c)) { this.ignore(); return S.BlockStart; }
    switch (c) {
      case LBRACE: return this.openBlock(S.BlockEnd);
      case RBRACE:
        this.ignore();
        this.closeBlock();
        return this.pop();
      case HASH: return this.startComment(1, S.BlockStart);
      case SLASH:
        if (this.next() === SLASH) return this.startComment(2, S.BlockStart);
        this.backup();
        return this.slashAtKeyPosition();
      case EOF:
        if (this.pos > this.start) return this.failStrayEof();
        return this.emitEof();
    }
    this.backup();
    this.stack.push(S.BlockValueEnd);
    return S.KeyStart;
  }

  /** A `{` at a key position: a block of keys, resumed at `resume` once its `}` is read. */
  private openBlock(resume: S): S {
    this.stack.push(resume);
    this.items.push(Kind.BlockOpen, this.pos - 1, this.pos);
    this.pushFrame('block', this.pos - 1);
    this.ignore();
    return S.BlockStart;
  }

  private closeBlock(): void {
    this.items.push(Kind.BlockClose, this.pos - 1, this.pos);
    if (this.frame().kind === 'block') this.frames.pop();
  }

  private blockValueEnd(): S {
    const c = this.next();
    if (c === HASH) return this.startComment(1, S.BlockValueEnd);
    if (c === SLASH) {
      if (this.next() === SLASH) return this.startComment(2, S.BlockValueEnd);
      this.backup();
      return S.BlockValueEnd;
    }
    if (isBlank(c)) return S.BlockValueEnd;
    if (isNewline(c) || c === SEMI || c === COMMA) { this.ignore(); return S.BlockStart; }
    if (c === RBRACE) { this.backup(); return S.BlockEnd; }
    if (c === EOF) {
      const f = this.frame();
      this.error(Code.unexpectedEof, `The file ends inside the \`{\` opened on line ${this.lineAt(f.open)}: add \`}\` on a new line to close it.`, this.pos, this.pos);
      return this.recover(this.pos);
    }
    return this.valueEndError(c, 'inside `{ }`', 'end it with a new line, `;`, `,` or `}`');
  }

  private blockEnd(): S {
    const c = this.next();
    if (c === HASH) return this.startComment(1, S.BlockStart);
    if (c === SLASH) {
      if (this.next() === SLASH) return this.startComment(2, S.BlockStart);
      this.backup();
      return S.BlockEnd;
    }
    if (isNewline(c) || isBlank(c)) return S.BlockEnd;
    if (c === SEMI || c === COMMA) { this.ignore(); return S.BlockStart; }
    if (c === RBRACE) { this.ignore(); this.closeBlock(); return this.pop(); }
    if (c === EOF) {
      this.error(Code.unexpectedEof, 'The file ends before the `{ }` block is closed: add `}`.', this.pos, this.pos);
      return this.recover(this.pos);
    }
    return this.fail(Code.unexpectedAfterValue,
      `Unexpected ${describeChar(c)} after a closing \`}\`: nats-server expects another \`}\`, \`;\` or \`,\` here. Put the next entry after \`,\` or \`;\`.`, this.pos - this.width);
  }

  // ----- keys at the top level and in `{ }` blocks ----------------------------------------------

  private keyStart(): S {
    const c = this.peek();
    if (isKeySeparator(c)) {
      return this.fail(Code.unexpectedSeparator, `Expected a key before \`${String.fromCharCode(c)}\`: write \`name ${String.fromCharCode(c)} value\`.`, this.pos, 1);
    }
    if (isSpace(c)) { this.next(); this.ignore(); return S.KeyStart; }
    this.tokenStart = this.pos;
    if (c === DQ) { this.next(); this.ignore(); return S.DqKey; }
    if (c === SQ) { this.next(); this.ignore(); return S.SqKey; }
    this.ignore();
    this.next();
    return S.Key;
  }

  private topQuotedKey(quote: number): S {
    const c = this.peek();
    if (c === quote) {
      this.emitKey(this.pos + 1, quote === DQ ? '"' : "'");
      this.next();
      this.ignore();
      return S.KeyEnd;
    }
    if (c === EOF) {
      if (this.pos > this.start) return this.unterminatedKey(quote);
      this.strayQuoteAt = this.tokenStart;
      return this.emitEof();
    }
    this.next();
    return quote === DQ ? S.DqKey : S.SqKey;
  }

  private unterminatedKey(quote: number): S {
    const q = String.fromCharCode(quote);
    const openedAt = this.tokenStart;
    this.failAtEof(Code.unterminatedKey, `This quoted key is never closed: add the closing ${q}.`, openedAt, this.lineEnd(openedAt),
      `The file ends inside the quoted key that starts on line ${this.lineAt(openedAt)}.`);
    return this.recover(this.lineEnd(openedAt));
  }

  private key(): S {
    const c = this.peek();
    if (isSpace(c)) return this.checkIncludeKeyword(S.KeyEnd, undefined);
    if (isKeySeparator(c) || c === EOF) {
      this.emitKey(this.pos);
      return S.KeyEnd;
    }
    this.next();
    return S.Key;
  }

  private checkIncludeKeyword(keyEnd: S, returnTo: S | undefined): S {
    // Only a 7-unit key can lower-case to `include` (see isBoolWord; 'İ' too is one unit).
    if (this.pos - this.start === 7 && goToLower(this.text.slice(this.start, this.pos)) === 'include') {
      this.pendingKeyword = { start: this.tokenStart, end: this.pos };
      this.ignore();
      if (returnTo !== undefined) this.stack.push(returnTo);
      return S.IncludeStart;
    }
    this.emitKey(this.pos);
    return keyEnd;
  }
  private pendingKeyword: Span | undefined;

  /** Records the '=' or ':' just read (the parser reads which one it was from the text). */
  private noteSeparator(): void {
    const items = this.items;
    const last = items.length - 1;
    if (last >= 0 && items.kind[last] === Kind.Key && items.separatorAt[last] < 0) items.separatorAt[last] = this.pos - 1;
  }

  private keyEnd(): S {
    const c = this.next();
    if (isSpace(c)) { this.ignore(); return S.KeyEnd; }
    if (isKeySeparator(c)) { this.noteSeparator(); this.ignore(); return S.Value; }
    if (c === EOF) return this.emitEof();
    this.backup();
    return S.Value;
  }

  // ----- include -------------------------------------------------------------------------------

  private includeStart(): S {
    const c = this.next();
    if (isBlank(c)) { this.ignore(); return S.IncludeStart; }
    this.backup();
    return S.Include;
  }

  private include(): S {
    const c = this.next();
    const at = this.pos - this.width;
    const bad = (what: string) => this.fail(Code.invalidInclude,
      `\`include\` must be followed by a file path, but found ${what}. Write \`include "path/to/file.conf"\`.`, at);
    this.tokenStart = at;
    if (c === SQ) { this.ignore(); return S.IncludeSq; }
    if (c === DQ) { this.ignore(); return S.IncludeDq; }
    if (c === LBRACK) return bad('the start of an array `[`');
    if (c === LBRACE) return bad('the start of a map `{`');
    if (c === LPAREN) return bad('the start of a block string `(`');
    if (isDigit(c) || c === MINUS) return bad('a number (nats-server does not accept a path starting with a digit or `-` unless quoted)');
    if (c === BACKSLASH) return bad('a backslash (quote the path)');
    if (isNewline(c)) {
      this.error(Code.invalidInclude, '`include` must be followed by a file path on the same line: write `include "path/to/file.conf"`.', at, at + 1);
      return this.recover(at);
    }
    this.backup();
    return S.IncludeBare;
  }

  private emitInclude(rawEnd: number, quote?: '"' | "'"): void {
    const style = quote === undefined ? Style.Bare : quote === '"' ? Style.Double : Style.Single;
    this.emit(Kind.Include, this.tokenStart, rawEnd, style, undefined, this.pendingKeyword);
    this.pendingKeyword = undefined;
  }

  private includeQuoted(quote: number): S {
    const c = this.next();
    if (c === quote) {
      this.backup();
      this.emitInclude(this.pos + 1, quote === DQ ? '"' : "'");
      this.next();
      this.ignore();
      return this.pop();
    }
    if (c === EOF) {
      const openedAt = this.tokenStart;
      const q = String.fromCharCode(quote);
      this.failAtEof(Code.unterminatedString, `This include path is never closed: add the closing ${q}.`, openedAt, this.lineEnd(openedAt),
        `The file ends inside the include path that starts on line ${this.lineAt(openedAt)}.`);
      this.pendingKeyword = undefined;
      return this.recover(this.lineEnd(openedAt));
    }
    return quote === DQ ? S.IncludeDq : S.IncludeSq;
  }

  private includeBare(): S {
    const c = this.next();
    if (isNewline(c) || c === EOF || c === SEMI || c === RBRACE || isBlank(c)) {
      this.backup();
      this.emitInclude(this.pos);
      return this.pop();
    }
    if (c === SQ) {
      this.backup();
      this.emitInclude(this.pos);
      this.next();
      this.ignore();
      return this.pop();
    }
    return S.IncludeBare;
  }

  // ----- values --------------------------------------------------------------------------------

  private value(): S {
    const c = this.next();
    if (isBlank(c)) { this.ignore(); return S.Value; }
    const at = this.pos - this.width;
    this.tokenStart = at;
    switch (c) {
      case LBRACK:
        this.ignore();
        this.emit(Kind.ArrayStart, at, this.pos);
        this.pushFrame('array', at);
        return S.ArrayValue;
      case LBRACE:
        this.ignore();
        this.emit(Kind.MapStart, at, this.pos);
        this.pushFrame('map', at);
        return S.MapKeyStart;
      case SQ: this.ignore(); return S.SqString;
      case DQ: this.ignore(); this.stringState = S.DqString; return S.DqString;
      case MINUS: return S.NegNumberStart;
      case LPAREN: this.ignore(); return S.BlockString;
      case DOT:
        return this.fail(Code.invalidNumber, 'A number cannot start with `.`: write `0.5` instead of `.5`, or quote the value if it is text.', at);
    }
    if (isDigit(c)) { this.backup(); return S.NumberStart; }
    if (isNewline(c)) {
      this.error(Code.missingValue, 'Expected a value after the key on the same line: write `name = value` (a map or array may continue on the next lines once opened with `{` or `[`).', at, at + 1);
      return this.recover(at);
    }
    this.backup();
    this.stringState = S.BareString;
    return S.BareString;
  }

  private arrayValue(): S {
    const c = this.next();
    if (isSpace(c)) { this.ignore(); return S.ArrayValue; }
    if (c === HASH) return this.startComment(1, S.ArrayValue);
    if (c === SLASH) {
      if (this.next() === SLASH) return this.startComment(2, S.ArrayValue);
      this.backup();
      return this.fail(Code.unexpectedTerminator, 'A single `/` cannot start an array element: quote the value ("/path"), or use `//` or `#` for a comment.', this.pos - 1, 1);
    }
    if (c === COMMA) {
      return this.fail(Code.unexpectedTerminator, 'Expected an array element before `,`: remove the extra `,`.', this.pos - 1, 1);
    }
    if (c === RBRACK) return S.ArrayEnd;
    if (c === EOF) {
      this.backup();
      this.stack.push(S.ArrayValueEnd);
      return S.Value;
    }
    this.backup();
    this.stack.push(S.ArrayValueEnd);
    return S.Value;
  }

  private arrayValueEnd(): S {
    const c = this.next();
    if (isBlank(c)) { this.ignore(); return S.ArrayValueEnd; }
    if (c === HASH) return this.startComment(1, S.ArrayValueEnd);
    if (c === SLASH) {
      if (this.next() === SLASH) return this.startComment(2, S.ArrayValueEnd);
      this.backup();
      this.ignore();
      return S.ArrayValue;
    }
    if (c === COMMA || isNewline(c)) { this.ignore(); return S.ArrayValue; }
    if (c === RBRACK) return S.ArrayEnd;
    if (c === EOF) return this.failEofInFrame('inside an array');
    return this.fail(Code.unexpectedAfterValue,
      `Unexpected ${describeChar(c)} after an array element: separate elements with \`,\` or a new line and close the array with \`]\`. If it belongs to the element, quote the element.`, this.pos - this.width);
  }

  private arrayEnd(): S {
    this.ignore();
    this.emit(Kind.ArrayEnd, this.pos - 1, this.pos);
    this.frames.pop();
    return this.pop();
  }

  // ----- maps ----------------------------------------------------------------------------------

  private mapKeyStart(): S {
    const c = this.peek();
    if (isKeySeparator(c)) {
      return this.fail(Code.unexpectedSeparator, `Expected a key before \`${String.fromCharCode(c)}\`: write \`name ${String.fromCharCode(c)} value\`.`, this.pos, 1);
    }
    if (c === RBRACK) {
      return this.fail(Code.unexpectedClose, 'Unexpected `]` inside a map: close the map with `}` (or open the array with `[`).', this.pos, 1);
    }
    if (isSpace(c)) { this.next(); this.ignore(); return S.MapKeyStart; }
    this.tokenStart = this.pos;
    if (c === RBRACE) { this.next(); this.ignore(); return S.MapEnd; }
    if (c === HASH) { this.next(); return this.startComment(1, S.MapKeyStart); }
    if (c === SLASH) {
      this.next();
      if (this.next() === SLASH) return this.startComment(2, S.MapKeyStart);
      // nats-server drops a single leading '/' from a map key.
      this.backup();
    } else if (c === SQ) {
      this.next(); this.ignore(); return S.MapSqKey;
    } else if (c === DQ) {
      this.next(); this.ignore(); return S.MapDqKey;
    } else if (c === EOF) {
      return this.failEofInFrame('inside a map');
    }
    this.ignore();
    this.next();
    return S.MapKey;
  }

  private mapQuotedKey(quote: number): S {
    const c = this.peek();
    if (c === EOF) return this.unterminatedKey(quote);
    if (c === quote) {
      this.emitKey(this.pos + 1, quote === DQ ? '"' : "'");
      this.next();
      this.ignore();
      return S.MapKeyEnd;
    }
    this.next();
    return quote === DQ ? S.MapDqKey : S.MapSqKey;
  }

  private mapKey(): S {
    const c = this.peek();
    if (c === EOF) return this.failEofInFrame('inside a map key');
    if (isSpace(c)) return this.checkIncludeKeyword(S.MapKeyEnd, S.MapValueEnd);
    if (isKeySeparator(c)) { this.emitKey(this.pos); return S.MapKeyEnd; }
    this.next();
    return S.MapKey;
  }

  private mapKeyEnd(): S {
    const c = this.next();
    if (isSpace(c)) { this.ignore(); return S.MapKeyEnd; }
    if (isKeySeparator(c)) { this.noteSeparator(); this.ignore(); return S.MapValue; }
    this.backup();
    return S.MapValue;
  }

  private mapValue(): S {
    const c = this.next();
    if (isSpace(c)) { this.ignore(); return S.MapValue; }
    if (c === COMMA) {
      return this.fail(Code.unexpectedTerminator, 'Expected a value before `,`: write `name = value`.', this.pos - 1, 1);
    }
    if (c === RBRACE) { this.ignore(); return S.MapEnd; }
    this.backup();
    this.stack.push(S.MapValueEnd);
    return S.Value;
  }

  private mapValueEnd(): S {
    const c = this.next();
    if (isBlank(c)) { this.ignore(); return S.MapValueEnd; }
    if (c === HASH) return this.startComment(1, S.MapValueEnd);
    if (c === SLASH) {
      if (this.next() === SLASH) return this.startComment(2, S.MapValueEnd);
      this.backup();
      this.ignore();
      return S.MapKeyStart;
    }
    if (c === SEMI || c === COMMA || isNewline(c)) { this.ignore(); return S.MapKeyStart; }
    if (c === RBRACE) { this.ignore(); return S.MapEnd; }
    if (c === EOF) return this.failEofInFrame('inside a map');
    return this.fail(Code.unexpectedAfterValue,
      `Unexpected ${describeChar(c)} after a map value: end the entry with a new line, \`,\` or \`;\`, and close the map with \`}\`. If it belongs to the value, quote the value.`, this.pos - this.width);
  }

  private mapEnd(): S {
    this.ignore();
    this.emit(Kind.MapEnd, this.pos - 1, this.pos);
    this.frames.pop();
    return this.pop();
  }

  // ----- strings -------------------------------------------------------------------------------

  private isBoolWord(): boolean {
    // goToLower maps one character to one, and only ASCII characters lower-case to the ASCII letters
    // of these words, so only a text of 2 to 5 code units can be one: skip the slice otherwise.
    const length = this.pos - this.start;
    if (length < 2 || length > 5) return false;
    const w = goToLower(this.text.slice(this.start, this.pos));
    return w === 'true' || w === 'false' || w === 'on' || w === 'off' || w === 'yes' || w === 'no';
  }

  private sqString(): S {
    const c = this.next();
    if (c === SQ) {
      this.backup();
      this.emit(Kind.String, this.tokenStart, this.pos + 1, Style.Single);
      this.next();
      this.ignore();
      return this.pop();
    }
    if (c === EOF) return this.unterminatedString(SQ);
    return S.SqString;
  }

  private dqString(): S {
    const c = this.next();
    if (c === BACKSLASH) { this.addPartBefore(1); return S.Escape; }
    if (c === DQ) {
      this.backup();
      this.emit(Kind.String, this.tokenStart, this.pos + 1, Style.Double);
      this.next();
      this.ignore();
      return this.pop();
    }
    if (c === EOF) return this.unterminatedString(DQ);
    return S.DqString;
  }

  /**
   * End of file inside a quoted string. nats-server accepts it silently when nothing was read since
   * the quote (or the last escape) — the file then simply ends — and fails otherwise.
   */
  private unterminatedString(quote: number): S {
    const q = String.fromCharCode(quote);
    const openedAt = this.tokenStart;
    if (this.pos <= this.start) {
      // Accepted by nats-server, which just stops; the parser reports what is left dangling.
      this.strayQuoteAt = openedAt;
      return this.emitEof();
    }
    const eol = this.lineEnd(openedAt);
    this.failAtEof(Code.unterminatedString, `This string is never closed: add the closing ${q} (a quoted string may span lines, so everything up to the end of the file was read as part of it).`,
      openedAt, eol, `The file ends inside the string that starts on line ${this.lineAt(openedAt)}.`);
    // Resume as if the string ended at the end of its first line, so the rest of the file is checked.
    this.parts = [];
    this.pos = eol;
    this.emit(Kind.String, openedAt, eol, quote === DQ ? Style.Double : Style.Single, this.text.slice(openedAt + 1, eol));
    return this.pop();
  }
  /** A quote left open at the very end of the file that nats-server silently accepts. */
  strayQuoteAt: number | undefined;

  private bareString(): S {
    const c = this.next();
    if (c === BACKSLASH) { this.addPartBefore(1); return S.Escape; }
    if (isNewline(c) || c === EOF || c === SEMI || c === COMMA || c === RBRACK || c === RBRACE || isBlank(c)) {
      this.backup();
      if (this.parts.length > 0) this.emit(Kind.String, this.tokenStart, this.pos, Style.Bare);
      else if (this.isBoolWord()) this.emit(Kind.Bool, this.tokenStart, this.pos);
      else if (this.start < this.text.length && this.text.charCodeAt(this.start) === DOLLAR) {
        this.start++;
        this.emit(Kind.Variable, this.tokenStart, this.pos);
      } else this.emit(Kind.String, this.tokenStart, this.pos, Style.Bare);
      return this.pop();
    }
    if (c === SQ) {
      // nats-server ends a bare word at a single quote and swallows the quote.
      this.backup();
      this.emit(Kind.String, this.tokenStart, this.pos, Style.Bare);
      this.next();
      this.ignore();
      return this.pop();
    }
    return S.BareString;
  }

  private addPartBefore(offset: number): void {
    this.parts.push(this.text.slice(this.start, this.pos - offset));
    this.start = this.pos;
  }

  private escape(): S {
    const c = this.next();
    const simple: Record<number, string> = { 0x74: '\t', 0x6e: '\n', 0x72: '\r', 0x22: '"', 0x5c: '\\' };
    if (c === 0x78 /* x */) return S.HexEscape;
    if (c in simple) { this.parts.push(simple[c]); this.start = this.pos; return this.stringState; }
    const at = this.pos - this.width - 1;
    const shown = c === EOF ? '\\ at the end of the file' : isNewline(c) ? '\\ at the end of a line' : `\\${String.fromCodePoint(c)}`;
    const hint = this.stringState === S.DqString
      ? 'Allowed escapes are \\t \\n \\r \\" \\\\ and \\xHH; write \\\\ for a literal backslash, or use a single-quoted string, which takes backslashes literally.'
      : 'An unquoted value processes backslash escapes: write \\\\ for a literal backslash, or put the value in single quotes, which take backslashes literally.';
    this.error(Code.invalidEscape, `Invalid escape ${shown}. ${hint}`, at, Math.min(this.text.length, this.pos));
    if (c === EOF) return this.recover(this.pos);
    // Keep the characters as written and go on with the string, so one bad escape is one error.
    this.parts.push(this.text.slice(at, this.pos));
    this.start = this.pos;
    return this.stringState;
  }

  private hexEscape(): S {
    const at = this.pos - 2;
    const c1 = this.next();
    const bad = (found: string) => {
      this.error(Code.invalidEscape, `\\x must be followed by two hexadecimal digits (such as \\x41), but found ${found}.`, at, Math.min(this.text.length, this.pos));
    };
    if (isNewline(c1)) { bad('the end of the line'); this.start = this.pos; return this.stringState; }
    const c2 = this.next();
    if (isNewline(c2)) { bad('the end of the line'); this.start = this.pos; return this.stringState; }
    const hex = /^[0-9a-fA-F]$/;
    const s1 = c1 === EOF ? '' : String.fromCodePoint(c1), s2 = c2 === EOF ? '' : String.fromCodePoint(c2);
    if (!hex.test(s1) || !hex.test(s2)) {
      bad(`\`${s1}${s2}\``);
      if (c1 === EOF || c2 === EOF) return this.recover(this.pos);
      this.start = this.pos;
      return this.stringState;
    }
    this.parts.push(parseInt(s1 + s2, 16));
    this.start = this.pos;
    return this.stringState;
  }

  private blockString(): S {
    const c = this.next();
    if (c === RPAREN) {
      const close = this.pos - 1;
      if (this.text.charCodeAt(close - 1) !== NL) return S.BlockString;
      const after = close + 1;
      if (after >= this.text.length) {
        // At the very end of the file nats-server keeps the ')' in the value.
        this.pos = this.text.length;
        this.emit(Kind.String, this.tokenStart, this.pos, Style.Block);
        return this.pop();
      }
      if (this.text.charCodeAt(after) === NL || this.text.charCodeAt(after) === 0) {
        this.pos = close;
        this.emit(Kind.String, this.tokenStart, after, Style.Block);
        this.pos = after;
        this.ignore();
        return this.pop();
      }
      return S.BlockString;
    }
    if (c === EOF) return this.unterminatedBlock();
    return S.BlockString;
  }

  private unterminatedBlock(): S {
    const openedAt = this.tokenStart;
    // Find a line that was probably meant to close the block, to explain why it did not.
    const body = this.text.slice(openedAt);
    const near = /\n([ \t]*\)[ \t]*\r?)(?=\n|$)/.exec(body);
    const hint = near ? ` The \`)\` on line ${this.lineAt(openedAt + near.index + 1)} does not count: the closing \`)\` must be alone on its line, in the first column, with a plain \\n line ending (no spaces, no \\r).` : '';
    this.failAtEof(Code.unterminatedBlockString, `This block string is never closed: put \`)\` alone at the start of a line after it.${hint}`,
      openedAt, openedAt + 1, `The file ends inside the block string that starts on line ${this.lineAt(openedAt)}.`);
    if (near) {
      const closeEnd = openedAt + near.index + 1 + near[1].length;
      this.pos = closeEnd;
      this.start = openedAt + 1;
      this.emit(Kind.String, openedAt, closeEnd, Style.Block, this.text.slice(openedAt + 1, openedAt + near.index + 1));
      return this.pop();
    }
    this.pos = this.text.length;
    this.emit(Kind.String, openedAt, this.text.length, Style.Block, this.text.slice(openedAt + 1));
    return this.finishAtEof();
  }

  // ----- numbers, dates, IP addresses ----------------------------------------------------------

  private numberStart(): S {
    this.next(); // a digit: the value state backed up over it
    return S.Number;
  }

  private isNumberEnd(c: number): boolean {
    return isNewline(c) || c === EOF || c === RBRACE || c === SEMI || c === COMMA || isBlank(c) || isDigit(c);
  }

  private number(): S {
    const c = this.next();
    if (c === MINUS) {
      if (utf8.encode(this.text.slice(this.start, this.pos)).length !== 5) {
        return this.fail(Code.invalidDatetime, 'A `-` after digits starts a date, which must be a full UTC date-time such as 2024-01-31T12:00:00Z. Quote the value if it is text.', this.pos - 1);
      }
      return S.DateAfterYear;
    }
    if (isDigit(c)) return S.Number;
    if (c === DOT) return S.FloatStart;
    if (isSizeSuffixStart(c)) return S.SizeSuffix;
    if (!this.isNumberEnd(c)) {
      // A digit followed by something else is a bare string, e.g. 4222abc or 1.2.3.4 handled elsewhere.
      if (c === RBRACK) this.swallowedBrackets.push({ start: this.tokenStart, end: this.pos });
      this.stringState = S.BareString;
      return S.BareString;
    }
    this.backup();
    this.emit(Kind.Integer, this.tokenStart, this.pos);
    return this.pop();
  }

  private sizeSuffix(): S {
    const c = this.next();
    if (c === 0x62 || c === 0x42 || c === 0x69 || c === 0x49) return S.SizeSuffix; // b B i I
    this.backup();
    if (this.isNumberEnd(c)) {
      this.emit(Kind.Integer, this.tokenStart, this.pos);
      return this.pop();
    }
    if (c === RBRACK) this.swallowedBrackets.push({ start: this.tokenStart, end: this.pos + 1 });
    this.stringState = S.BareString;
    return S.BareString;
  }

  private dateAfterYear(): S {
    const shape = '00-00T00:00:00Z';
    for (const f of shape) {
      const c = this.next();
      if (f === '0' ? !isDigit(c) : c !== f.charCodeAt(0)) {
        const at = c === EOF ? this.pos : this.pos - this.width;
        const what = f === '0' ? 'a digit' : `\`${f}\``;
        if (isNewline(c)) {
          this.error(Code.invalidDatetime, `Incomplete date: expected ${what}; dates must be full UTC date-times such as 2024-01-31T12:00:00Z.`, at, at + 1);
          return this.recover(at);
        }
        return this.fail(Code.invalidDatetime, `Expected ${what} but found ${describeChar(c)} in this date: dates must be full UTC date-times such as 2024-01-31T12:00:00Z. Quote the value if it is text.`, at);
      }
    }
    this.emit(Kind.Datetime, this.tokenStart, this.pos);
    return this.pop();
  }

  private digitExpected(c: number, what: string): S {
    const at = c === EOF ? this.pos : this.pos - this.width;
    const msg = c === DOT
      ? `${what} must be followed by a digit before \`.\`: write -0.5, not -.5.`
      : `${what} must be followed by a digit, but found ${describeChar(c)}. Quote the value if it is text.`;
    if (isNewline(c)) { this.error(Code.invalidNumber, msg, at, at + 1); return this.recover(at); }
    return this.fail(Code.invalidNumber, msg, at);
  }

  private negNumberStart(): S {
    const c = this.next();
    if (!isDigit(c)) return this.digitExpected(c, 'A `-`');
    return S.NegNumber;
  }

  private negNumber(): S {
    const c = this.next();
    if (isDigit(c)) return S.NegNumber;
    if (c === DOT) return S.FloatStart;
    if (isSizeSuffixStart(c)) return S.SizeSuffix;
    this.backup();
    this.emit(Kind.Integer, this.tokenStart, this.pos);
    return this.pop();
  }

  private floatStart(): S {
    const c = this.next();
    if (!isDigit(c)) return this.digitExpected(c, 'The `.` of a number');
    return S.Float;
  }

  private float(): S {
    const c = this.next();
    if (isDigit(c)) return S.Float;
    if (c === DOT) return S.IPAddr;
    this.backup();
    this.emit(Kind.Float, this.tokenStart, this.pos);
    return this.pop();
  }

  private ipAddr(): S {
    const c = this.next();
    if (isDigit(c) || c === DOT || c === COLON || c === MINUS) return S.IPAddr;
    this.backup();
    this.emit(Kind.String, this.tokenStart, this.pos, Style.Bare);
    return this.pop();
  }
}
