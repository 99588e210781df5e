// Stable codes of the option, variable and include rules, with their default severity.
// docs/diagnostics.md ("Options", "Variables", "Includes") describes each one.

import type { ProblemSeverity } from '../../diagnostics';

export const OptionCode = {
  unknownKey: 'unknown-key',
  keyNewerThanTarget: 'key-newer-than-target',
  deprecatedKey: 'deprecated-key',
  invalidValueType: 'invalid-value-type',
  invalidEnumValue: 'invalid-enum-value',
  valueOutOfRange: 'value-out-of-range',
  invalidDuration: 'invalid-duration',
  invalidSizeString: 'invalid-size-string',
  invalidHostPort: 'invalid-host-port',
  invalidNkey: 'invalid-nkey',
  emptyList: 'empty-list',
  conflictingKeys: 'conflicting-keys',
  quotedBoolean: 'quoted-boolean',
  durationWithSizeSuffix: 'duration-with-size-suffix',
  durationAsSeconds: 'duration-as-seconds',
  valuePitfall: 'value-pitfall',
  invalidJetStreamDomain: 'invalid-jetstream-domain',
  unquotedIpv6: 'unquoted-ipv6',
  duplicateKey: 'duplicate-key',
  duplicateUser: 'duplicate-user',
  undefinedAccount: 'undefined-account',
  mappingWeights: 'mapping-weights',
  unusedVariable: 'unused-variable',
  variableDefinedAfterUse: 'variable-defined-after-use',
  variableShadowed: 'variable-shadowed',
  includeAbsolutePath: 'include-absolute-path',
} as const;

export type OptionCodeName = (typeof OptionCode)[keyof typeof OptionCode];

/**
 * Codes whose problem makes `nats-server -t` fail although the server itself only warns and starts
 * (an integer where a duration string belongs). We report them as warnings; conformance counts them
 * as agreeing with -t.
 */
export const FAILS_CHECK_ONLY: ReadonlySet<string> = new Set([OptionCode.durationAsSeconds, OptionCode.durationWithSizeSuffix]);

export const OPTION_RULES: Record<OptionCodeName, { severity: ProblemSeverity; summary: string }> = {
  'unknown-key': { severity: 'error', summary: 'A key nats-server does not know in this block.' },
  'key-newer-than-target': { severity: 'error', summary: 'A key that only newer nats-server releases than the target version know.' },
  'deprecated-key': { severity: 'warning', summary: 'A key nats-server still reads but has replaced or stopped using.' },
  'invalid-value-type': { severity: 'error', summary: 'A value of the wrong kind (text where a number belongs, a list where a block belongs, ...).' },
  'invalid-enum-value': { severity: 'error', summary: 'A value that is not one of the words the option accepts.' },
  'value-out-of-range': { severity: 'error', summary: 'A number outside the range the option accepts.' },
  'invalid-duration': { severity: 'error', summary: 'A duration string Go cannot read ("2x", "1d").' },
  'invalid-size-string': { severity: 'error', summary: 'A size written as a string that does not end in K, M, G or T.' },
  'invalid-host-port': { severity: 'error', summary: 'An address that is not a port or "host:port".' },
  'invalid-nkey': { severity: 'error', summary: 'A public nkey of the wrong kind, or with a broken checksum.' },
  'empty-list': { severity: 'error', summary: 'A list nats-server refuses to accept empty.' },
  'conflicting-keys': { severity: 'error', summary: 'Keys nats-server rejects together in one block (a token with a user/password, a users list in cluster authorization).' },
  'quoted-boolean': { severity: 'error', summary: 'A boolean written in quotes: nats-server reads it as text and rejects it.' },
  'duration-with-size-suffix': { severity: 'warning', summary: 'An unquoted duration such as 2m: the m is a size suffix, so it is a huge number of seconds.' },
  'duration-as-seconds': { severity: 'warning', summary: 'A duration written as a bare number of seconds; nats-server warns and `-t` fails.' },
  'value-pitfall': { severity: 'warning', summary: 'A value nats-server accepts silently but that does not mean what it seems to (max_connections: 0).' },
  'invalid-jetstream-domain': { severity: 'warning', summary: 'A JetStream domain with ".", "*", ">" or spaces: -t accepts it, JetStream fails to start.' },
  'unquoted-ipv6': { severity: 'warning', summary: 'An IPv6 address written without quotes.' },
  'duplicate-key': { severity: 'warning', summary: 'A key set twice in one block: the last one wins silently.' },
  'duplicate-user': { severity: 'error', summary: 'A user name or nkey defined twice across the accounts: nats-server rejects the configuration.' },
  'undefined-account': { severity: 'error', summary: 'An import or export naming an account that accounts does not define: nats-server rejects the configuration.' },
  'mapping-weights': { severity: 'error', summary: 'A weighted mapping whose destinations lack a weight, weigh more than 100% together, or repeat: nats-server rejects it.' },
  'unused-variable': { severity: 'error', summary: 'A variable defined at a level where nats-server checks keys and never used: it is rejected as an unknown field.' },
  'variable-defined-after-use': { severity: 'error', summary: 'A variable used before the line that defines it; nats-server only looks backwards.' },
  'variable-shadowed': { severity: 'warning', summary: 'A block variable with the name of an outer one, which it hides inside the block.' },
  'include-absolute-path': { severity: 'warning', summary: 'An absolute include path: nats-server joins it under the including file\'s folder.' },
};
