// Values that must never appear in hovers, outlines or completion details.

import type { ResolvedOption } from '../facts/optionTypes';

const SECRET_NAME = /pass|token|nkey|seed|jwt|secret|private|encryption_key/i;
const SECRET_FORMATS = new Set(['user-seed', 'jwt', 'jwt-or-path', 'user-nkey', 'account-nkey', 'operator-nkey', 'curve-xkey', 'any-public-nkey']);

/** Whether the value under this key (or variable name) is a secret; the option, when known, decides by its canonical name. */
export function isSecretKey(name: string, option?: ResolvedOption): boolean {
  if (option && !option.userDefinedName) {
    const value = option.option.value;
    if (value.kind === 'string' && value.format && SECRET_FORMATS.has(value.format)) return true;
    return SECRET_NAME.test(option.option.name);
  }
  return SECRET_NAME.test(name);
}

/** Seeds (SU..., SA..., SO...) and JWTs look the same under any key. */
export function looksSecret(text: string): boolean {
  return /^S[UANOCXP][A-Z2-7]{50,}$/.test(text) || /^eyJ[\w-]+\.[\w-]+\./.test(text) || /^\$2[aby]\$/.test(text);
}

export const MASK = '••••••';
