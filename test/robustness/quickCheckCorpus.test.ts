// The quick check against the full check on real configurations: nats-server's own test configs,
// our conformance cases, fixtures, examples and truth scenarios, each with a few of its values
// rewritten (one at a time, after a full check). Every answer must equal a fresh full check.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMemoryFileSystem } from '../../server/src/memoryFileSystem';
import { createLanguageService } from '../../server/src/service';
import { parse } from '../../server/src/syntax/parser';
import { pathToUri } from '../../server/src/uri';
import { loadSeeds } from '../support/fuzzInputs';
import { rewriteValue, scalarTokens } from '../support/valueRewrites';

const ROOT = path.resolve(__dirname, '../../..');
const FILE = path.resolve('/cfg/nats-server.conf');
const URI = pathToUri(FILE);
const EDITS_PER_FILE = 8;

const check = (text: string) => createLanguageService({ fs: createMemoryFileSystem({ [FILE]: text }), env: {}, lookUpProjectFiles: false });

describe('the quick check on real configurations', () => {
  it('answers every rewritten value exactly as a full check does', () => {
    const configs = loadSeeds(ROOT).filter((seed) => seed.kind === 'config');
    assert.ok(configs.length > 100, `only ${configs.length} configurations found (is ../shared/corpus there?)`);
    let tried = 0;
    let answered = 0;
    for (const config of configs) {
      const scalars = scalarTokens(parse(config.text).tokens);
      const count = Math.min(EDITS_PER_FILE, scalars.length);
      for (let k = 0; k < count; k++) {
        const token = scalars[Math.floor((k * scalars.length) / count)];
        const edited = rewriteValue(config.text, token, k);
        const service = check(config.text);
        service.doValidation(TextDocument.create(URI, 'nats-conf', 1, config.text));
        const document = TextDocument.create(URI, 'nats-conf', 2, edited);
        const quick = service.quickValidation(document);
        tried++;
        if (quick === undefined) continue;
        answered++;
        assert.deepEqual(quick, check(edited).doValidation(document), `${config.name}: rewriting ${JSON.stringify(token.text)} at offset ${token.start}`);
      }
    }
    // Most real files are quiet enough for the quick check; a share far below means it stopped applying.
    assert.ok(answered / tried >= 0.3, `only ${answered} of ${tried} rewritten values were answered quickly`);
  });
});
