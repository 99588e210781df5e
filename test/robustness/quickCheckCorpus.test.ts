// The quick check against the full check on real configurations: nats-server's own test configs,
// our conformance cases, fixtures, examples and truth scenarios, each with a few of its values, then
// a few of its keys, rewritten (one at a time, after a full check). Every answer must equal a fresh
// full check.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMemoryFileSystem } from '../../server/src/memoryFileSystem';
import { createLanguageService } from '../../server/src/service';
import { parse } from '../../server/src/syntax/parser';
import type { Token } from '../../server/src/syntax/tree';
import { pathToUri } from '../../server/src/uri';
import { loadSeeds } from '../support/fuzzInputs';
import { keyTokens, rewriteKey, rewriteValue, scalarTokens } from '../support/valueRewrites';

const ROOT = path.resolve(__dirname, '../../..');
const FILE = path.resolve('/cfg/nats-server.conf');
const URI = pathToUri(FILE);
const EDITS_PER_FILE = 8;
const MIN_RENAME_SHARE = 0.1;

const check = (text: string) => createLanguageService({ fs: createMemoryFileSystem({ [FILE]: text }), env: {}, lookUpProjectFiles: false });

/**
 * Every configuration after a full check, with each of `EDITS_PER_FILE` of its tokens (as
 * `tokensOf` picks them) rewritten in turn: every quick answer must equal a fresh full check.
 */
function rewriteEach(tokensOf: (tokens: readonly Token[]) => Token[], rewrite: (text: string, token: Token, which: number) => string, verb: string): { tried: number; answered: number } {
  const configs = loadSeeds(ROOT).filter((seed) => seed.kind === 'config');
  assert.ok(configs.length > 100, `only ${configs.length} configurations found (is ../shared/corpus there?)`);
  let tried = 0;
  let answered = 0;
  for (const config of configs) {
    const tokens = tokensOf(parse(config.text).tokens);
    const count = Math.min(EDITS_PER_FILE, tokens.length);
    for (let k = 0; k < count; k++) {
      const token = tokens[Math.floor((k * tokens.length) / count)];
      const edited = rewrite(config.text, token, k);
      const service = check(config.text);
      service.doValidation(TextDocument.create(URI, 'nats-conf', 1, config.text));
      const document = TextDocument.create(URI, 'nats-conf', 2, edited);
      const quick = service.quickValidation(document);
      tried++;
      if (quick === undefined) continue;
      answered++;
      assert.deepEqual(quick, check(edited).doValidation(document), `${config.name}: ${verb} ${JSON.stringify(token.text)} at offset ${token.start}`);
    }
  }
  return { tried, answered };
}

describe('the quick check on real configurations', () => {
  it('answers every rewritten value exactly as a full check does', () => {
    const { tried, answered } = rewriteEach(scalarTokens, rewriteValue, 'rewriting');
    // Most real files are quiet enough for the quick check; a share far below means it stopped applying.
    assert.ok(answered / tried >= 0.3, `only ${answered} of ${tried} rewritten values were answered quickly`);
  });

  it('answers every renamed key exactly as a full check does', () => {
    const { tried, answered } = rewriteEach(keyTokens, rewriteKey, 'renaming');
    // Renames are declined far more often than values (listener keys, blocks written over several
    // lines, names read elsewhere); a share far below this means the quick path stopped applying.
    assert.ok(answered / tried >= MIN_RENAME_SHARE, `only ${answered} of ${tried} renamed keys were answered quickly`);
  });
});
