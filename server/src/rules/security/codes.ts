// Stable codes of the security lints, with their default severity. docs/security.md explains each
// one and docs/diagnostics.md lists them.

import type { ProblemSeverity } from '../../diagnostics';

export const SecurityCode = {
  plaintextPassword: 'plaintext-password',
  secretInConfig: 'secret-in-config',
  tlsVerificationDisabled: 'tls-verification-disabled',
  openListenerWithoutAuth: 'open-listener-without-auth',
  noAuthUserPublic: 'no-auth-user-public',
  allowNonTls: 'allow-non-tls',
} as const;

export type SecurityCodeName = (typeof SecurityCode)[keyof typeof SecurityCode];

export const SECURITY_RULES: Record<SecurityCodeName, { severity: ProblemSeverity; summary: string }> = {
  'plaintext-password': { severity: 'warning', summary: 'A password or token the server checks, written in plain text instead of as a bcrypt hash.' },
  'secret-in-config': { severity: 'warning', summary: 'An nkey seed or a user JWT written into a configuration or env file.' },
  'tls-verification-disabled': { severity: 'warning', summary: 'TLS that does not verify the peer: insecure: true, or verify: false next to a ca_file.' },
  'open-listener-without-auth': { severity: 'warning', summary: 'A cluster, gateway or leafnodes listener on all interfaces that accepts peers without credentials.' },
  'no-auth-user-public': { severity: 'warning', summary: 'no_auth_user on a listener bound to all interfaces: anyone who connects gets that user.' },
  'allow-non-tls': { severity: 'warning', summary: 'A listener that accepts plain-text connections on all interfaces although TLS is available (no_tls, allow_non_tls).' },
};
