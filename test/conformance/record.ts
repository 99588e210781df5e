// Records what nats-server 2.9.10 and confdump say about every case and corpus file into
// expected-cases.json and expected-corpus-values.json. Run through scripts/record-conformance.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { listCases, repoRoot } from './cases';
import { corpusConfError, corpusRoot, corpusRunDir, loadCorpus } from './corpus';
import { CASE_EXPECTATIONS_FILE, CaseExpectations, CaseRecord, CORPUS_VALUES_FILE, CorpusValues } from './expectations';
import { locateConfError, sameConfError } from './nats-messages';
import { ensureConfdump, findNatsServer, inPool, runConfdump, runNatsServerCheck, runProcess, scratchCopy } from './oracle';

/** JSON with one line per case or file: small, and a re-recording diffs case by case. */
function oneEntryPerLine(doc: object, listKey: string): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(doc);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (key !== listKey) { lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`); return; }
    const items = Object.entries(value as Record<string, unknown>);
    lines.push(`  ${JSON.stringify(key)}: {`);
    items.forEach(([name, record], j) => lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(record)}${j < items.length - 1 ? ',' : ''}`));
    lines.push(`  }${comma}`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const root = repoRoot();
  const outDir = path.join(root, 'test', 'conformance');
  const natsServer = findNatsServer();
  if (!natsServer) throw new Error('nats-server is not installed; install Debian\'s nats-server 2.9.10 (apt-get install nats-server) to record');
  const confdump = ensureConfdump(root);
  if (!confdump.path) throw new Error(confdump.problem);
  const version = (await runProcess(natsServer, ['--version'], root, {}, 10_000)).output.trim();
  if (!/v2\.9\.10\b/.test(version)) console.warn(`record: expected nats-server v2.9.10, found "${version}"`);

  const cases = listCases();
  const records = await inPool(cases, 2, async (kase): Promise<[string, CaseRecord]> => {
    const scratch = scratchCopy(kase.dir, kase.files);
    try {
      const [ns, cd] = [await runNatsServerCheck(natsServer, scratch, kase.main, kase.env), await runConfdump(confdump.path!, scratch, kase.main, kase.env)];
      const record: CaseRecord = { natsServer: ns, confdump: cd };
      if (Object.keys(kase.env).length) record.env = kase.env;
      if (ns.confError) record.confErrorLocation = locateConfError(ns.confError, kase.main);
      return [kase.name, record];
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
  const expectations: CaseExpectations = {
    about: 'Written by scripts/record-conformance.mjs: nats-server -t and tools/confdump on every case in test/conformance/cases. Do not edit by hand.',
    natsServerVersion: version,
    cases: Object.fromEntries(records),
  };
  fs.writeFileSync(path.join(outDir, CASE_EXPECTATIONS_FILE), oneEntryPerLine(expectations, 'cases'));

  // Both oracles must tell the same story about the conf parse; say so loudly when they do not.
  let inconsistent = 0;
  for (const [name, r] of records) {
    const nsRejects = r.natsServer.verdict === 'conf-error' || r.natsServer.verdict === 'crash';
    const sameError = r.confdump.ok || sameConfError(r.confdump.error, r.natsServer.confError);
    if (nsRejects === r.confdump.ok || !sameError || r.natsServer.verdict === 'timeout' || r.natsServer.verdict === 'other-error') {
      inconsistent++;
      console.warn(`record: ${name}: nats-server says ${r.natsServer.verdict} (${r.natsServer.confError ?? r.natsServer.output}), confdump says ${JSON.stringify(r.confdump).slice(0, 200)}`);
    }
  }

  const corpus = corpusRoot();
  let corpusCount = 0;
  if (corpus) {
    const entries = loadCorpus(corpus);
    const values = await inPool(entries, 2, async (e) => {
      const result = await runConfdump(confdump.path!, corpusRunDir(corpus, e), e.config_arg, {});
      const expectedError = corpusConfError(e);
      if (result.ok !== (expectedError === undefined) || (!result.ok && result.error !== expectedError)) {
        inconsistent++;
        console.warn(`record: corpus ${e.file}: confdump says ${JSON.stringify(result).slice(0, 200)}, the corpus recorded ${JSON.stringify(e.conf_parse_2_9_10)}`);
      }
      return [e.file, result] as const;
    });
    const corpusValues: CorpusValues = {
      about: 'Written by scripts/record-conformance.mjs: tools/confdump on every shared corpus file (run from its run_cwd with its config_arg). Do not edit by hand.',
      files: Object.fromEntries(values),
    };
    fs.writeFileSync(path.join(outDir, CORPUS_VALUES_FILE), oneEntryPerLine(corpusValues, 'files'));
    corpusCount = entries.length;
  } else {
    console.warn('record: shared corpus not found (../shared/corpus or NATS_LATTICE_CORPUS); corpus values not recorded');
  }

  const verdicts = new Map<string, number>();
  for (const [, r] of records) verdicts.set(r.natsServer.verdict, (verdicts.get(r.natsServer.verdict) ?? 0) + 1);
  console.log(`record: ${records.length} cases (${[...verdicts].map(([v, n]) => `${n} ${v}`).join(', ')}), ${corpusCount} corpus files, ${inconsistent} inconsistencies between nats-server and confdump`);
  if (inconsistent) process.exitCode = 1;
}

// Only when run as a program (scripts/record-conformance.mjs), never when a test runner loads it.
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`record: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
