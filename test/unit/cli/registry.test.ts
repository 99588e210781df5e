import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LATTICE_RULES } from '../../../server/src/rules/catalog';
import { OptionCode } from '../../../server/src/rules/options/codes';
import { CODES, codeInfo } from '../../../server/src/rules/registry';
import { Code } from '../../../server/src/syntax/codes';
import { EvalCode } from '../../../server/src/syntax/evaluate';
import { repoRoot } from './runCli';

describe('the code registry', () => {
  it('lists each code once', () => {
    const seen = new Set<string>();
    for (const { code } of CODES) {
      assert.ok(!seen.has(code), `${code} is listed twice`);
      seen.add(code);
    }
  });
  it('covers every code table', () => {
    for (const code of [...Object.values(Code), ...Object.values(EvalCode), ...Object.values(OptionCode), ...Object.keys(LATTICE_RULES)]) {
      assert.ok(codeInfo(code), `${code} is missing from server/src/rules/registry.ts`);
    }
  });
  it('docs/diagnostics.md has the current code index', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot(), 'scripts', 'gen-diagnostics-index.mjs'), '--check'], { cwd: repoRoot(), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });
});
