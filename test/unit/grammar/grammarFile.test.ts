// Checks on the grammar file itself: every rule reachable, every include resolving, every scope
// name ours, every regular expression accepted by oniguruma (not only those the cases exercise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as oniguruma from 'vscode-oniguruma';
import { GRAMMAR_PATH, loadGrammar } from './tokenize';

interface Rule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
}

const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
};

function walk(rule: Rule, visit: (rule: Rule, where: string) => void, where: string): void {
  visit(rule, where);
  rule.patterns?.forEach((r, i) => walk(r, visit, `${where}.patterns[${i}]`));
  for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
    for (const [n, r] of Object.entries(rule[key] ?? {})) walk(r, visit, `${where}.${key}[${n}]`);
  }
}

function everyRule(visit: (rule: Rule, where: string) => void): void {
  grammar.patterns.forEach((r, i) => walk(r, visit, `patterns[${i}]`));
  for (const [key, r] of Object.entries(grammar.repository)) walk(r, visit, `repository.${key}`);
}

test('the grammar is source.nats-conf', () => {
  assert.equal(grammar.scopeName, 'source.nats-conf');
});

test('every scope name ends in .nats-conf', () => {
  const wrong: string[] = [];
  everyRule((rule, where) => {
    for (const scope of [rule.name, rule.contentName]) {
      if (scope !== undefined && !scope.split(' ').every((s) => s.endsWith('.nats-conf'))) wrong.push(`${where}: ${scope}`);
    }
  });
  assert.deepEqual(wrong, []);
});

test('every include names a repository rule, and every repository rule is included', () => {
  const included = new Set<string>();
  const dangling: string[] = [];
  everyRule((rule, where) => {
    if (rule.include === undefined) return;
    const key = rule.include.replace(/^#/, '');
    included.add(key);
    if (!rule.include.startsWith('#') || !(key in grammar.repository)) dangling.push(`${where}: ${rule.include}`);
  });
  assert.deepEqual(dangling, []);
  assert.deepEqual(Object.keys(grammar.repository).filter((k) => !included.has(k)), []);
});

test('oniguruma compiles every regular expression', async () => {
  await loadGrammar(); // loads the WebAssembly module
  const rejected: string[] = [];
  everyRule((rule, where) => {
    for (const key of ['match', 'begin', 'end'] as const) {
      const source = rule[key];
      if (source === undefined) continue;
      try {
        new oniguruma.OnigScanner([source]).dispose();
      } catch (error) {
        rejected.push(`${where}.${key}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
  assert.deepEqual(rejected, []);
});
