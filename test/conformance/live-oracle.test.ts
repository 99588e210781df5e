// Re-asks the real nats-server 2.9.10 and tools/confdump about every case and corpus file, and
// checks that the recordings the conformance test relies on are still true. Skipped (with the
// reason) only when nats-server is not installed; in CI it is.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { canonicalDifference } from './canonical';
import { casesRoot, listCases, repoRoot } from './cases';
import { corpusConfError, corpusRoot, corpusRunDir, loadCorpus } from './corpus';
import { CASE_EXPECTATIONS_FILE, CaseExpectations, CORPUS_VALUES_FILE, CorpusValues, readJson } from './expectations';
import { sameConfError } from './nats-messages';
import { ConfdumpResult, ensureConfdump, findNatsServer, inPool, NatsServerRun, runConfdump, runNatsServerCheck, scratchCopy } from './oracle';

const here = path.dirname(casesRoot());
const natsServer = findNatsServer();
const confdump = natsServer ? ensureConfdump(repoRoot()) : {};
const skip = natsServer ? false : 'nats-server is not installed (apt-get install nats-server); the recorded answers were not re-checked';

/** A crash and a timeout are the same answer (an include cycle); which one depends on the machine. */
function sameVerdict(a: NatsServerRun['verdict'], b: NatsServerRun['verdict']): boolean {
  const norm = (v: string) => (v === 'timeout' ? 'crash' : v);
  return norm(a) === norm(b);
}

function confdumpDifference(recorded: ConfdumpResult, live: ConfdumpResult): string | undefined {
  if (recorded.ok !== live.ok) return `confdump ${live.ok ? 'accepts' : `rejects (${live.ok ? '' : live.error})`} but the recording says ${recorded.ok ? 'accepts' : `rejects (${recorded.error})`}`;
  if (!recorded.ok && !live.ok) return recorded.error === live.error ? undefined : `confdump error "${live.error}", recorded "${recorded.error}"`;
  if (recorded.ok && live.ok) {
    const d = canonicalDifference(recorded.value, live.value);
    return d ? `confdump value ${d}` : undefined;
  }
  return undefined;
}

describe('recorded nats-server answers are still true', { skip }, () => {
  test('every case: nats-server -t and confdump say what expected-cases.json recorded', async () => {
    assert.ok(confdump.path, `confdump is unavailable: ${confdump.problem}`);
    const recorded = readJson<CaseExpectations>(here, CASE_EXPECTATIONS_FILE).cases;
    const cases = listCases();
    const mismatches = (await inPool(cases, 2, async (kase) => {
      const r = recorded[kase.name];
      if (!r) return [`${kase.name}: not recorded; run node scripts/record-conformance.mjs`];
      const scratch = scratchCopy(kase.dir, kase.files);
      try {
        const ns = await runNatsServerCheck(natsServer!, scratch, kase.main, kase.env);
        const cd = await runConfdump(confdump.path!, scratch, kase.main, kase.env);
        const out: string[] = [];
        const was = r.natsServer;
        if (!sameVerdict(ns.verdict, was.verdict)) out.push(`nats-server -t now says ${ns.verdict} (${ns.output.slice(0, 200)}), recorded ${was.verdict}`);
        else if (ns.verdict === 'conf-error' && ns.confError !== was.confError) out.push(`nats-server error now "${ns.confError}", recorded "${was.confError}"`);
        else if (ns.verdict === 'option-errors' && JSON.stringify(ns.optionErrors) !== JSON.stringify(was.optionErrors)) {
          out.push(`nats-server option errors now ${JSON.stringify(ns.optionErrors)}, recorded ${JSON.stringify(was.optionErrors)}`);
        }
        const d = confdumpDifference(r.confdump, cd);
        if (d) out.push(d);
        if (!cd.ok && ns.confError !== undefined && !sameConfError(cd.error, ns.confError)) out.push(`confdump ("${cd.error}") and nats-server ("${ns.confError}") disagree`);
        return out.map((m) => `${kase.name}: ${m}`);
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    })).flat();
    const extra = Object.keys(recorded).filter((name) => !cases.some((c) => c.name === name));
    for (const name of extra) mismatches.push(`${name}: recorded but the case file is gone; re-record`);
    assert.deepEqual(mismatches, [], `re-record with node scripts/record-conformance.mjs if the change is intended:\n${mismatches.join('\n')}`);
  });

  const corpus = corpusRoot();
  test('every corpus file: confdump and nats-server -t agree with the corpus and expected-corpus-values.json', { skip: corpus ? false : 'shared corpus not found at ../shared/corpus' }, async () => {
    assert.ok(confdump.path, `confdump is unavailable: ${confdump.problem}`);
    const values = readJson<CorpusValues>(here, CORPUS_VALUES_FILE).files;
    const entries = loadCorpus(corpus!);
    // -t opens certificate and resolver files and may create folders: run it on a scratch copy.
    const all = listFiles(path.join(corpus!, 'nats-server'));
    const scratch = scratchCopy(path.join(corpus!, 'nats-server'), all);
    try {
      const mismatches = (await inPool(entries, 2, async (entry) => {
        const out: string[] = [];
        const expectedError = corpusConfError(entry);
        const cd = await runConfdump(confdump.path!, corpusRunDir(corpus!, entry), entry.config_arg, {});
        if (cd.ok !== (expectedError === undefined)) out.push(`confdump ${cd.ok ? 'accepts' : `rejects (${cd.ok ? '' : cd.error})`}, the corpus says ${expectedError ?? 'accepts'}`);
        else if (!cd.ok && cd.error !== expectedError) out.push(`confdump error "${cd.error}", the corpus says "${expectedError}"`);
        const recorded = values[entry.file];
        const d = recorded ? confdumpDifference(recorded, cd) : 'no recorded value; run node scripts/record-conformance.mjs';
        if (d) out.push(d);
        const ns = await runNatsServerCheck(natsServer!, path.join(scratch, entry.run_cwd), entry.config_arg, {});
        const nsRejects = ns.verdict === 'conf-error' || ns.verdict === 'crash';
        if (nsRejects !== (expectedError !== undefined)) out.push(`nats-server -t says ${ns.verdict} (${ns.output.slice(0, 200)}), the corpus says ${expectedError ?? 'the conf parse passes'}`);
        else if (nsRejects && !sameConfError(expectedError!, ns.confError)) out.push(`nats-server -t error "${ns.confError}", the corpus says "${expectedError}"`);
        return out.map((m) => `${entry.file}: ${m}`);
      })).flat();
      assert.deepEqual(mismatches, [], mismatches.join('\n'));
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}
