// The checker against the truth scenarios: on the very files whose run-time consequence the other
// truth tests show with real servers, the checker reports the mistake, and nothing on the fix.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createNodeFileSystem } from '../../server/src/nodeFileSystem';
import { createLanguageService } from '../../server/src/service';
import { renderScenario, RenderedScenario, scenarioIds, variantsOf } from '../support/scenarios';

const service = createLanguageService({ fs: createNodeFileSystem(), lookUpProjectFiles: false });
const rendered: RenderedScenario[] = [];
after(() => rendered.forEach((s) => s.remove()));

function check(scenario: RenderedScenario) {
  const files = service.findWorkspaceFiles(scenario.dir);
  return service.checkLattice(files).flatMap((entry) => entry.diagnostics.map((d) => ({ file: entry.file, ...d })));
}

describe('the checker reports what the real servers show', () => {
  for (const id of scenarioIds()) {
    for (const variant of variantsOf(id)) {
      test(`${id} (${variant})`, async () => {
        const scenario = await renderScenario(id, variant);
        rendered.push(scenario);
        const found = check(scenario);
        const serious = found.filter((d) => d.severity === 1 || d.severity === 2);
        const { mistake, severity } = scenario.expected;
        if (mistake === null) {
          assert.deepEqual(serious.map((d) => `${d.code}: ${d.message}`), [], 'the corrected files must be clean');
          return;
        }
        const hits = found.filter((d) => d.code === mistake);
        assert.ok(hits.length > 0, `expected ${mistake}, got ${found.map((d) => d.code).join(', ') || 'nothing'}`);
        if (severity) assert.ok(hits.some((d) => d.severity === (severity === 'error' ? 1 : 2)), `expected ${mistake} as ${severity}`);
      });
    }
  }
});
