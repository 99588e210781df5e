// The formatter never changes what nats-server reads. For every configuration we have (the shared
// corpus, the conformance cases, the test fixtures and the examples) and several styles, each file
// the configuration reads is formatted in a scratch copy; then the original and the formatted copy
// must give the same values, both by our evaluator and by nats-server's own conf package
// (tools/confdump). Formatting the formatted files again must change nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { formatConfig } from '../../server/src/features/format';
import { FormatStyle, formatStyleFrom } from '../../server/src/features/formatStyle';
import { parse } from '../../server/src/syntax/parser';
import { canonicalDifference, toCanonical } from './canonical';
import { listCases, repoRoot } from './cases';
import { corpusRoot, loadCorpus } from './corpus';
import { ConfdumpResult, ensureConfdump, inPool, runConfdump } from './oracle';
import { evaluateOurs } from './our-side';

/** A folder copied as a whole, and the configurations in it that are loaded on their own. */
interface Unit { name: string; dir: string; files: string[]; roots: string[]; env: Record<string, string> }

const STYLES: Array<{ name: string; style: FormatStyle }> = [
  { name: '":" two spaces', style: formatStyleFrom({ tabSize: 2, insertSpaces: true }, { separator: ':', alignValues: false }) },
  { name: '"=" aligned, tabs', style: formatStyleFrom({ insertSpaces: false, insertFinalNewline: true }, { separator: '=', alignValues: true }) },
  { name: '" " aligned, four spaces', style: formatStyleFrom({ tabSize: 4, insertSpaces: true }, { separator: ' ', alignValues: true }) },
];

const root = repoRoot();
const confdump = ensureConfdump(root);
const scratchDirs: string[] = [];
const tally = { units: 0, roots: 0, filesFormatted: 0, filesChanged: 0, filesWithSyntaxErrors: 0, oursCompared: 0, confdumpCompared: 0 };

after(() => {
  for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
  const confdumpNote = confdump.path ? '' : ` (confdump comparison skipped: ${confdump.problem})`;
  console.log(`format conformance: ${JSON.stringify(tally)}${confdumpNote}`);
});

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

function units(): Unit[] {
  const list: Unit[] = [];
  const corpus = corpusRoot();
  if (corpus) {
    const entries = loadCorpus(corpus);
    for (const runCwd of [...new Set(entries.map((e) => e.run_cwd))]) {
      const dir = path.join(corpus, 'nats-server', runCwd);
      list.push({ name: `corpus ${runCwd}/`, dir, files: filesUnder(dir), roots: entries.filter((e) => e.run_cwd === runCwd).map((e) => e.config_arg), env: {} });
    }
  }
  for (const kase of listCases()) list.push({ name: `case ${kase.name}`, dir: kase.dir, files: kase.files, roots: [kase.main], env: kase.env });
  const fixtureDirs = [path.join(root, 'test', 'fixtures', 'cli'), path.join(root, 'examples')];
  for (const base of fixtureDirs.filter((d) => fs.existsSync(d))) {
    for (const entry of fs.readdirSync(base, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = path.join(base, entry.name);
      const files = filesUnder(dir);
      list.push({ name: `${path.relative(root, dir)}`, dir, files, roots: files.filter((f) => f.endsWith('.conf')), env: {} });
    }
  }
  return list;
}

function copyUnit(unit: Unit, label: string): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `nats-lattice-format-${label}-`));
  scratchDirs.push(scratch);
  for (const rel of unit.files) {
    fs.mkdirSync(path.dirname(path.join(scratch, rel)), { recursive: true });
    fs.copyFileSync(path.join(unit.dir, rel), path.join(scratch, rel));
  }
  return scratch;
}

/** Formats, in place, every file one of the unit's configurations reads. Returns problems found. */
function formatReadFiles(unit: Unit, scratch: string, style: FormatStyle): string[] {
  const problems: string[] = [];
  const read = new Set<string>();
  for (const rel of unit.roots) {
    for (const file of evaluateOurs(path.join(scratch, rel), unit.env).texts.keys()) {
      if (file.startsWith(scratch + path.sep)) read.add(file);
    }
  }
  for (const file of read) {
    const text = fs.readFileSync(file, 'utf8');
    const outcome = formatConfig(parse(text), style, parse);
    const shown = `${unit.name}: ${path.relative(scratch, file)}`;
    if (!outcome.ok) {
      if (/syntax error/.test(outcome.reason)) tally.filesWithSyntaxErrors++;
      else problems.push(`${shown}: the formatter gave up: ${outcome.reason}`);
      continue;
    }
    tally.filesFormatted++;
    if (outcome.text !== text) tally.filesChanged++;
    const again = formatConfig(parse(outcome.text), style, parse);
    if (!again.ok || again.edits.length > 0) problems.push(`${shown}: formatting again changes it: ${again.ok ? JSON.stringify(again.edits.slice(0, 3)) : again.reason}`);
    fs.writeFileSync(file, outcome.text);
  }
  return problems;
}

/** Line and column numbers move when blank lines collapse; the rest of an error must stay. */
function withoutPositions(result: ConfdumpResult): string {
  if (result.ok) return JSON.stringify(result.value);
  return `error: ${result.error.replace(/\d+/g, '#')}`;
}

async function compareRoot(unit: Unit, rel: string, original: string, formatted: string): Promise<string[]> {
  const problems: string[] = [];
  const shown = `${unit.name}: ${rel}`;
  const before = evaluateOurs(path.join(original, rel), unit.env);
  const afterFormat = evaluateOurs(path.join(formatted, rel), unit.env);
  const difference = canonicalDifference(toCanonical(before.value), toCanonical(afterFormat.value));
  if (difference) problems.push(`${shown}: our evaluation changed ${difference}`);
  const codes = (r: typeof before) => r.errors.map((e) => e.code).sort().join(',');
  if (codes(before) !== codes(afterFormat)) problems.push(`${shown}: our errors changed from [${codes(before)}] to [${codes(afterFormat)}]`);
  tally.oursCompared++;
  if (confdump.path) {
    const [a, b] = await Promise.all([
      runConfdump(confdump.path, original, rel, unit.env),
      runConfdump(confdump.path, formatted, rel, unit.env),
    ]);
    if (withoutPositions(a) !== withoutPositions(b)) {
      const detail = a.ok && b.ok ? canonicalDifference(a.value, b.value) : `${withoutPositions(a).slice(0, 200)} → ${withoutPositions(b).slice(0, 200)}`;
      problems.push(`${shown}: nats-server's conf package reads it differently after formatting: ${detail}`);
    }
    tally.confdumpCompared++;
  }
  return problems;
}

describe('formatting keeps what nats-server reads', () => {
  const all = units();
  if (!confdump.path) test.skip(`confdump comparison: ${confdump.problem}`, () => undefined);
  for (const { name, style } of STYLES) {
    test(`style ${name}: ${all.length} folders`, async () => {
      const problems: string[] = [];
      await inPool(all, 2, async (unit) => {
        tally.units++;
        const original = copyUnit(unit, 'original');
        const formatted = copyUnit(unit, 'formatted');
        problems.push(...formatReadFiles(unit, formatted, style));
        for (const rel of unit.roots) {
          tally.roots++;
          problems.push(...(await compareRoot(unit, rel, original, formatted)));
        }
      });
      assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
    });
  }
});
