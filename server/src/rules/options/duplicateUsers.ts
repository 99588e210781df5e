// User names and nkeys must be unique across every account and the top-level `authorization`
// block: nats-server keeps one set of them for all those `users` lists and rejects the
// configuration where it meets one again ("Duplicate user "alice" detected"): at an account's
// `users` key, or at the `authorization` key. It walks the accounts in no fixed order; we name the
// list holding the later one in the file, with both places as related information.

import type { KeyVisit, ConfigModel } from './model';
import { OptionCode } from './codes';
import { reachesServer } from './unknownKeys';
import { valueOf } from './valueTypes';
import type { TargetVersion } from './target';
import type { OptionProblem } from './types';

/**
 * Keys of a user whose values this rule compares across accounts. The quick check must not answer
 * an edit of their values from a miniature of the file (quickCheck.ts reads this list).
 */
export const USER_IDENTITY_KEYS = ['user', 'username', 'nkey'] as const;

export function checkDuplicateUsers(model: ConfigModel, target: TargetVersion): OptionProblem[] {
  const identities = model.keys.filter(
    (visit) => (visit.blockPath[0] === 'accounts' || visit.blockPath[0] === 'authorization') && visit.block.id === 'user' && (visit.option?.name === 'user' || visit.option?.name === 'nkey') && reachesServer(visit, target),
  );
  if (identities.length < 2) return [];
  const fileOrder = new Map([...model.parses.keys()].map((file, index) => [file, index]));
  identities.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.entry.start - b.entry.start);
  // Where nats-server names a list: an account's `users` key, or the `authorization` key.
  const lists = new Map<string, KeyVisit>();
  for (const visit of model.keys) {
    if (visit.blockPath.length === 2 && visit.blockPath[0] === 'accounts' && visit.option?.name === 'users') lists.set(`accounts\0${visit.blockPath[1]}`, visit);
    if (visit.blockPath.length === 0 && visit.option?.name === 'authorization') lists.set('authorization', visit);
  }
  const listOf = (visit: KeyVisit) => lists.get(visit.blockPath[0] === 'accounts' ? `accounts\0${visit.blockPath[1]}` : 'authorization');
  const owner = (visit: KeyVisit) => (visit.blockPath[0] === 'accounts' ? `account ${visit.blockPath[1]}` : 'authorization');
  const first = new Map<string, KeyVisit>();
  const problems: OptionProblem[] = [];
  for (const visit of identities) {
    const node = valueOf(model, visit).node;
    if (node?.type !== 'scalar' || node.kind !== 'string') continue;
    const name = String(node.value);
    const earlier = first.get(name);
    if (!earlier) {
      first.set(name, visit);
      continue;
    }
    const list = listOf(visit);
    const at = list ? { file: list.file, start: list.entry.key.start, end: list.entry.key.end } : { file: visit.file, start: visit.entry.key.start, end: visit.entry.key.end };
    const what = visit.option?.name === 'nkey' ? 'nkey' : 'user';
    problems.push({
      ...at,
      code: OptionCode.duplicateUser,
      severity: 'error',
      message: `${what === 'nkey' ? 'The nkey' : 'The user'} "${name}" is defined twice: user names and nkeys must be unique across all accounts and the authorization block, and nats-server rejects the configuration ("Duplicate ${what}"). Rename or remove one of them.`,
      related: [
        { file: earlier.file, start: earlier.entry.start, end: earlier.entry.end, message: `first defined here (${owner(earlier)})` },
        { file: visit.file, start: visit.entry.start, end: visit.entry.end, message: `defined again here (${owner(visit)})` },
      ],
    });
  }
  return problems;
}
