// Secrets written into the files that start wasmCloud hosts (env files, compose, systemd units,
// Kubernetes manifests): seeds and user JWTs belong in a secret store, not in the repository.

import type { FileProblem } from '../../diagnostics';
import { isJwt, isNkeySeed } from '../../secrets';
import type { HostSourceResult } from '../../sources/hostSettings';
import { SECURITY_RULES, SecurityCode } from './codes';

export function checkHostSourceSecurity(result: HostSourceResult): FileProblem[] {
  const out: FileProblem[] = [];
  const reported = new Set<string>();
  for (const source of result.sources) {
    for (const variable of source.variables) {
      // Only what is written literally: a value taken from a Kubernetes Secret or the shell is fine.
      const written = variable.raw.replace(/^(["'])([\s\S]*)\1$/, '$2').trim();
      const seed = isNkeySeed(written);
      if (!seed && !isJwt(written)) continue;
      const where = `${variable.file}:${variable.valueSpan.start}`;
      if (reported.has(where)) continue;
      reported.add(where);
      const what = seed ? 'an nkey seed (a private key)' : 'a JWT';
      out.push({
        file: variable.file,
        start: variable.valueSpan.start,
        end: variable.valueSpan.end,
        code: SecurityCode.secretInConfig,
        severity: SECURITY_RULES[SecurityCode.secretInConfig].severity,
        message: `${variable.name} holds ${what} written into this file: anyone who can read it can act as that identity. Keep it in a secret store (a Kubernetes Secret, a compose secret, systemd LoadCredential=) or a file only the host can read, and pass it in from there.`,
      });
    }
  }
  return out;
}
