// Stable diagnostic codes of the syntax layer (documented in docs/diagnostics.md, "Syntax").

export const Code = {
  // Errors: nats-server refuses to start.
  unexpectedEof: 'unexpected-eof',
  unterminatedString: 'unterminated-string',
  unterminatedBlockString: 'unterminated-block-string',
  unterminatedKey: 'unterminated-key',
  invalidEscape: 'invalid-escape',
  missingValue: 'missing-value',
  unexpectedSeparator: 'unexpected-separator',
  unexpectedAfterValue: 'unexpected-after-value',
  unexpectedTerminator: 'unexpected-terminator',
  unexpectedClose: 'unexpected-close',
  unexpectedSlash: 'unexpected-slash',
  unclosedMap: 'unclosed-map',
  unclosedArray: 'unclosed-array',
  invalidNumber: 'invalid-number',
  invalidInteger: 'invalid-integer',
  integerOutOfRange: 'integer-out-of-range',
  invalidFloat: 'invalid-float',
  floatOutOfRange: 'float-out-of-range',
  invalidDatetime: 'invalid-datetime',
  invalidInclude: 'invalid-include',
  numberBeforeBracket: 'number-before-bracket',
  internal: 'internal-error',
  // Warnings: nats-server starts, but the text almost certainly does not mean what it says.
  keyWithoutValue: 'key-without-value',
  unknownSizeSuffix: 'unknown-size-suffix',
  unclosedBlock: 'unclosed-block',
  strayQuote: 'stray-quote',
  strayCloseBrace: 'stray-close-brace',
  swallowedQuote: 'swallowed-quote',
} as const;
