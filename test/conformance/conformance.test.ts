// Our parser + evaluator against nats-server 2.9.10, on the shared corpus and on our own edge
// cases, using the recorded answers (expected-cases.json, expected-corpus-values.json, and the
// corpus's expected-nats-server-2.9.10.json). live-oracle.test.ts checks the recordings still hold.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { canonicalDifference, toCanonical } from './canonical';
import { casesRoot, listCases } from './cases';
import { corpusConfError, corpusRoot, corpusRunDir, loadCorpus } from './corpus';
import { findException } from './exceptions';
import { CASE_EXPECTATIONS_FILE, CaseExpectations, CORPUS_VALUES_FILE, CorpusValues, readJson } from './expectations';
import { disagreements, OracleAnswer } from './judge';
import { locateConfError } from './nats-messages';
import { evaluateOurs } from './our-side';

interface Subject { id: string; mainFile: string; env: Record<string, string>; answer: OracleAnswer }

const here = path.dirname(casesRoot());
const tally = { cases: 0, corpus: 0, agreed: 0, exceptions: 0, disagreed: 0 };

function caseSubjects(): Subject[] {
  const recorded = readJson<CaseExpectations>(here, CASE_EXPECTATIONS_FILE).cases;
  return listCases().map((kase) => {
    const r = recorded[kase.name];
    if (!r) throw new Error(`case ${kase.name} has no recording in ${CASE_EXPECTATIONS_FILE}; run node scripts/record-conformance.mjs`);
    const answer: OracleAnswer = {};
    if (r.natsServer.confError !== undefined || r.natsServer.verdict === 'timeout') {
      answer.rejects = { message: r.natsServer.confError ?? 'timeout', location: r.confErrorLocation ?? { file: kase.main } };
    } else if (r.confdump.ok) {
      answer.value = r.confdump.value;
    }
    return { id: `case:${kase.name}`, mainFile: path.join(kase.dir, kase.main), env: kase.env, answer };
  });
}

function corpusSubjects(root: string): Subject[] {
  const values = readJson<CorpusValues>(here, CORPUS_VALUES_FILE).files;
  return loadCorpus(root).map((entry) => {
    const message = corpusConfError(entry);
    const answer: OracleAnswer = {};
    if (message !== undefined) answer.rejects = { message, location: locateConfError(message, path.posix.basename(entry.config_arg)) };
    else {
      const v = values[entry.file];
      if (!v) throw new Error(`corpus file ${entry.file} has no recorded value in ${CORPUS_VALUES_FILE}; run node scripts/record-conformance.mjs`);
      if (v.ok) answer.value = v.value;
    }
    return { id: `corpus:${entry.file}`, mainFile: path.join(corpusRunDir(root, entry), entry.config_arg), env: {}, answer };
  });
}

function check(subject: Subject): void {
  let ours: ReturnType<typeof evaluateOurs>;
  try {
    ours = evaluateOurs(subject.mainFile, subject.env);
  } catch (err) {
    tally.disagreed++;
    throw new Error(`${subject.id}: evaluate() threw instead of reporting: ${err instanceof Error ? err.stack : String(err)}`);
  }
  const problems = disagreements(subject.answer, ours, subject.mainFile);
  const exception = findException(subject.id);
  if (exception) {
    const weReject = ours.errors.length > 0;
    assert.ok(problems.length > 0, `${subject.id} is listed in exceptions.ts but now agrees with nats-server 2.9.10; remove the exception`);
    assert.equal(weReject ? 'rejects' : 'accepts', exception.ours, `${subject.id}: exceptions.ts says we ${exception.ours} it (${exception.reason}), but we do not`);
    if (exception.upstreamValue !== undefined) {
      const diff = canonicalDifference(exception.upstreamValue, toCanonical(ours.value));
      assert.equal(diff, undefined, `${subject.id}: exceptions.ts gives upstream's value, ours differs ${diff}`);
    }
    tally.exceptions++;
    return;
  }
  if (problems.length) {
    tally.disagreed++;
    assert.fail(`${subject.id} (${path.relative(process.cwd(), subject.mainFile)}): ${problems.join('; ')}`);
  }
  tally.agreed++;
}

const corpus = corpusRoot();

describe('agreement with nats-server 2.9.10 on our edge cases', () => {
  for (const subject of caseSubjects()) {
    test(subject.id, () => { tally.cases++; check(subject); });
  }
});

describe('agreement with nats-server 2.9.10 on the shared corpus', {
  skip: corpus ? false : 'shared corpus not found at ../shared/corpus (set NATS_LATTICE_CORPUS)',
}, () => {
  for (const subject of corpus ? corpusSubjects(corpus) : []) {
    test(subject.id, () => { tally.corpus++; check(subject); });
  }
});

after(() => {
  const checked = tally.cases + tally.corpus;
  console.log(`conformance: ${checked} files checked (${tally.cases} cases, ${tally.corpus} corpus files), ${tally.agreed} agreed, ${tally.exceptions} exceptions, ${tally.disagreed} disagreed`);
});
