// Generated from the option table: for every key of every block, a valid value must pass, a value
// of the wrong kind must be flagged on the value, and a key newer than the target must be flagged
// as such (not as unknown).
import { test } from 'node:test';
import { walkOptions } from '../../../../server/src/facts/optionWalk';
import { findOption, valueAlternatives } from '../../../../server/src/facts/optionLookup';
import type { ValueType } from '../../../../server/src/facts/optionTypes';
import { compareVersions, CURRENT_SERVER_VERSION } from '../../../../server/src/facts/versions';
import { expectNoError, expectProblem, publicNkey } from './helpers';

/** A valid value of this type in config syntax, or undefined when only a block fits. */
function sample(type: ValueType): string | undefined {
  switch (type.kind) {
    case 'bool': return 'true';
    case 'integer': return String(type.min ?? 1);
    case 'number': return '1';
    case 'size': return '1024';
    case 'duration': return '"1s"';
    case 'hostport': return '4222';
    case 'url': return '"nats://localhost:4222"';
    case 'subject': return '"orders.new"';
    case 'enum': return JSON.stringify(type.values[0]);
    case 'string':
      switch (type.format) {
        case 'user-nkey': case 'any-public-nkey': return publicNkey('U');
        case 'account-nkey': return publicNkey('A');
        case 'operator-nkey': return publicNkey('O');
        case 'curve-xkey': return publicNkey('X');
        case 'percent': return '"50%"';
        case 'semver': return '"2.10.0"';
        // The account the generated paths define (accounts.APP): imports and exports must name one.
        case 'account-name': return '"APP"';
        default: return '"x"';
      }
    case 'stringOrArray': { const item = sample(type.item); return item && `[ ${item} ]`; }
    case 'array': { const item = sample(type.item); return item === undefined ? '[]' : `[ ${item} ]`; }
    case 'map': return undefined;
    case 'union': {
      for (const alt of type.of) { const s = sample(alt); if (s !== undefined) return s; }
      return undefined;
    }
  }
}

/** Whether a value of this shape fits some alternative (independent of the checker). */
function takes(type: ValueType, shape: 'bool' | 'int'): boolean {
  return valueAlternatives(type).some((t) => {
    if (shape === 'bool') return t.kind === 'bool';
    return t.kind === 'integer' || t.kind === 'number' || t.kind === 'size' || t.kind === 'hostport' || (t.kind === 'duration' && t.numbers !== 'rejected');
  });
}

/** The text of a config setting `path` (canonical, '*' for list items) to `value`. */
/** `beside` is written next to the innermost key (what its block needs to pass on its own). */
function nest(path: readonly string[], value: string, marker = false, beside = ''): string {
  const [head, ...rest] = path;
  const key = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(head) ? head : JSON.stringify(head);
  if (rest.length === 0) return `${marker ? `${key}: «${value}»` : `${key}: ${value}`}${beside ? `, ${beside}` : ''}`;
  if (rest[0] === '*') return `${key}: [ { ${nest(rest.slice(1), value, marker, beside)} } ]`;
  return `${key} { ${nest(rest, value, marker, beside)} }`;
}

/** Keys a block needs beside any other for nats-server to accept it: a mapping destination's weight. */
const NEEDED_BESIDE: Record<string, { key: string; text: string }> = { mappingDestination: { key: 'weight', text: 'weight: 100' } };

function besideFor(path: readonly string[], option: { name: string }): string {
  const needed = NEEDED_BESIDE[findOption(path)?.block.id ?? ''];
  return needed && needed.key !== option.name ? needed.text : '';
}

function nestKeyMarked(path: readonly string[], value: string): string {
  const [head, ...rest] = path;
  if (rest.length === 0) return `«${head}»: ${value}`;
  if (rest[0] === '*') return `${head}: [ { ${nestKeyMarked(rest.slice(1), value)} } ]`;
  return `${head} { ${nestKeyMarked(rest, value)} }`;
}

for (const { path, option, effectiveSince } of walkOptions()) {
  const good = sample(option.value);
  if (good === undefined) continue;
  const label = path.join('.');
  test(`table: ${label} = ${good} passes`, () => expectNoError(nest(path, good, false, besideFor(path, option)), { version: CURRENT_SERVER_VERSION }));
  const wrong = !takes(option.value, 'bool') ? 'true' : !takes(option.value, 'int') ? '7' : undefined;
  if (wrong !== undefined) {
    test(`table: ${label} = ${wrong} is the wrong kind`, () => { expectProblem(nest(path, wrong, true), "invalid-value-type"); });
  }
  // A key newer than the target, inside keys the target knows.
  const parentPath = path.slice(0, path[path.length - 2] === '*' ? -2 : -1);
  const parentSince = parentPath.length ? findOption(parentPath)?.effectiveSince ?? '0.0.0' : '0.0.0';
  if (compareVersions(option.since, parentSince) > 0 && compareVersions(option.since, '2.0.0') > 0) {
    const target = previousRelease(option.since);
    if (compareVersions(parentSince, target) <= 0 && compareVersions(effectiveSince, target) > 0) {
      test(`table: ${label} is newer than ${target}`, () => { expectProblem(nestKeyMarked(path, good), "key-newer-than-target", { version: target }); });
    }
  }
}

/** A release just before `version` (2.10.0 → 2.9.99, 2.10.3 → 2.10.2). */
function previousRelease(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  return `${major}.${minor - 1}.99`;
}
