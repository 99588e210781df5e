// Imports and exports name other accounts: an import's `account`, an export's `accounts` list. Once
// every account is read, nats-server looks each name up and rejects the configuration for one
// that is not defined ("NOPE" account not defined for stream import). It names the line of the
// `accounts` block; so do we, with the name itself as related information.

import type { ConfigModel, KeyVisit } from './model';
import { OptionCode } from './codes';
import { reachesServer } from './unknownKeys';
import { valueOf } from './valueTypes';
import type { TargetVersion } from './target';
import type { OptionProblem } from './types';
import type { ValueNode } from '../../syntax/tree';

/**
 * Keys whose values this rule looks up among the accounts. The quick check must not answer an edit
 * of their values from a miniature of the file (quickCheck.ts reads this list).
 */
export const ACCOUNT_REFERENCE_KEYS = ['account', 'accounts'] as const;

export function checkAccountReferences(model: ConfigModel, target: TargetVersion): OptionProblem[] {
  const accountsKey = model.keys.find((visit) => visit.blockPath.length === 0 && visit.option?.name === 'accounts' && reachesServer(visit, target));
  if (!accountsKey) return [];
  const defined = new Set<string>();
  const references: { visit: KeyVisit; node: ValueNode & { type: 'scalar' }; what: string }[] = [];
  for (const visit of model.keys) {
    if (visit.blockPath[0] !== 'accounts' || !reachesServer(visit, target)) continue;
    if (visit.blockPath.length === 1 && visit.userDefinedName) defined.add(visit.entry.key.name);
    const importing = visit.block.id === 'importSource' && visit.option?.name === 'account';
    const exporting = visit.block.id === 'export' && visit.option?.name === 'accounts';
    if (!importing && !exporting) continue;
    // An import names its source in `stream { account }` or `service { account }`.
    const what = importing ? `${visit.blockPath[visit.blockPath.length - 1]} import` : 'export';
    const node = valueOf(model, visit).node;
    const names = node?.type === 'array' && exporting ? node.items : importing && node ? [node] : [];
    for (const name of names) {
      if (name.type === 'scalar' && name.kind === 'string') references.push({ visit, node: name, what });
    }
  }
  const root = accountsKey.entry.key;
  return references
    .filter((reference) => !defined.has(String(reference.node.value)))
    .map(({ visit, node, what }) => ({
      file: accountsKey.file, start: root.start, end: root.end, code: OptionCode.undefinedAccount, severity: 'error' as const,
      message: `${what === 'export' ? 'An' : 'A'} ${what} of account ${visit.blockPath[1]} names account "${String(node.value)}", which is not defined: nats-server rejects the configuration ("account not defined"). Define that account in accounts, or name one that is.`,
      related: [{ file: visit.file, start: node.start, end: node.end, message: `"${String(node.value)}" is named here` }],
    }));
}
