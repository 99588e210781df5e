// The only places where we deliberately differ from nats-server 2.9.10, because current upstream
// nats-server (main) behaves differently and users run both. Each entry names the corpus file
// ("corpus:<file>") or case ("case:<name>"), what upstream does, and why we follow it.
// docs/conformance.md lists the same entries. Everything else must agree 100 %.

import type { Canonical } from './canonical';

export interface ConformanceException {
  id: string;
  /** What we do instead of 2.9.10's answer (upstream's behaviour). */
  ours: 'rejects' | 'accepts';
  /** When we accept with a different value: upstream's value, in the canonical form. */
  upstreamValue?: Canonical;
  reason: string;
}

const KEY_WITHOUT_VALUE_AT_EOF =
  'current nats-server (main) rejects a file whose last item is a key with no value ("config is invalid (file:line:col)"); 2.9.10 silently drops that key. We report it, since the next upgrade refuses the file.';

const TOP_LEVEL_BLOCK =
  'current nats-server (main) lexes a top-level `{ ... }` as a real block (it must close, may nest, and its `}` is not a key); 2.9.10 just skips the `{` and treats `}` as a value terminator or a key.';

export const CONFORMANCE_EXCEPTIONS: ConformanceException[] = [
  // `a = "` at the end: the empty unterminated string leaves `a` without a value
  { id: 'case:dq-lone-quote-at-eof', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // `a = '` at the end: same, single quote
  { id: 'case:sq-lone-quote-at-eof', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // `include` with nothing after it at the end is a key named include
  { id: 'case:include-keyword-at-eof', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // `abc` alone on the last line
  { id: 'case:key-at-eof-without-value', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // `abc ` alone on the last line
  { id: 'case:key-then-space-at-eof', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // `port = 4222;;`: the second `;` is read as a key
  { id: 'case:term-double-semicolon-top', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // the same inside an included file: upstream fails the include, 2.9.10 merges it without `abc`
  { id: 'case:include-file-ends-with-key', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // `a<NUL>= 1`: NUL is nats-server's end-of-input marker, so the file "ends" after the key `a`
  { id: 'case:file-nul-after-key', ours: 'rejects', reason: KEY_WITHOUT_VALUE_AT_EOF },
  // `{ port = 4222` with no final new line
  { id: 'case:file-braces-unclosed-no-final-newline', ours: 'rejects', reason: TOP_LEVEL_BLOCK },
  // `{} }`: 2.9.10 stores a key named `}` with an empty string, upstream stores nothing
  { id: 'case:file-braces-empty-then-close', ours: 'accepts', upstreamValue: {}, reason: TOP_LEVEL_BLOCK },
];

export function findException(id: string): ConformanceException | undefined {
  return CONFORMANCE_EXCEPTIONS.find((e) => e.id === id);
}
