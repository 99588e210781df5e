// One annotated case file per lexical form of nats-server's config language (see caseFile.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCaseFile } from './caseFile';
import { describeLine, hasScope, tokenAt, tokenizeLines } from './tokenize';

const CASES_DIR = path.resolve(process.cwd(), 'test/unit/grammar/cases');

const caseNames = fs.readdirSync(CASES_DIR).filter((f) => f.endsWith('.conf')).sort();

test('the case folder is not empty', () => {
  assert.ok(caseNames.length > 0, `no .conf case files in ${CASES_DIR}`);
});

for (const name of caseNames) {
  test(`grammar case ${name}`, async () => {
    const file = path.join(CASES_DIR, name);
    const { source, assertions } = parseCaseFile(fs.readFileSync(file, 'utf8'));
    assert.ok(assertions.length > 0, `${name} has no assertions`);
    const lines = await tokenizeLines(source.join('\n'));
    const failures: string[] = [];
    for (const a of assertions) {
      const tokens = lines[a.sourceLine];
      for (const column of a.columns) {
        const token = tokenAt(tokens, column);
        const where = `${name}:${a.caseLine} column ${column}`;
        if (!token) {
          failures.push(`${where}: no token there (line is ${JSON.stringify(source[a.sourceLine])})`);
          continue;
        }
        const missing = a.present.filter((s) => !hasScope(token.scopes, s));
        const unwanted = a.absent.filter((s) => hasScope(token.scopes, s));
        if (missing.length + unwanted.length > 0) {
          failures.push(
            `${where} (${JSON.stringify(token.text)}): ` +
              (missing.length ? `missing ${missing.join(', ')}; ` : '') +
              (unwanted.length ? `unexpected ${unwanted.join(', ')}; ` : '') +
              `line tokens:\n${describeLine(tokens)}`,
          );
          break;
        }
      }
    }
    assert.deepEqual(failures, []);
  });
}
