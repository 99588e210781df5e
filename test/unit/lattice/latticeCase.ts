// One helper for lattice rule tests: a workspace of files in memory → the findings, each written
// as `code file:line «text under the range»` so a case reads like what a user would see.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { HostDefaults } from '../../../server/src/lattice/hosts';
import { Finding } from '../../../server/src/lattice/model';
import { isNatsConfigPath } from '../../../server/src/workspace/filePatterns';
import { hostSourceKind } from '../../../server/src/sources/discover';
import { ParseCache } from '../../../server/src/syntax/evaluate';
import { analyzeLattice, LatticeAnalysis } from '../../../server/src/workspace/latticeAnalysis';

export const ROOT = '/ws';

export function analyze(files: Record<string, string>, defaults: HostDefaults = {}): { analysis: LatticeAnalysis; texts: Map<string, string> } {
  const texts = new Map(Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text]));
  const paths = [...texts.keys()];
  const configs = paths.filter((p) => isNatsConfigPath(p));
  const hostFiles = paths.filter((p) => !configs.includes(p) && hostSourceKind(p, texts.get(p)) !== undefined);
  const analysis = analyzeLattice(configs, hostFiles, { readFile: (p) => texts.get(p), parses: new ParseCache() }, defaults);
  return { analysis, texts };
}

export function describeFinding(f: Finding, texts: Map<string, string>): string {
  const text = texts.get(f.at.file) ?? '';
  const line = text.slice(0, f.at.start).split('\n').length;
  return `${f.code} ${path.relative(ROOT, f.at.file)}:${line} «${text.slice(f.at.start, f.at.end)}»`;
}

/** Asserts the findings (order ignored); `severity` checks one finding's severity by its description. */
export function expectFindings(files: Record<string, string>, expected: string[], severities: Record<string, string> = {}): Finding[] {
  const { analysis, texts } = analyze(files);
  const actual = analysis.findings.map((f) => describeFinding(f, texts));
  assert.deepEqual([...actual].sort(), [...expected].sort());
  for (const [description, severity] of Object.entries(severities)) {
    const finding = analysis.findings.find((f) => describeFinding(f, texts) === description);
    assert.ok(finding, `no finding ${description}`);
    assert.equal(finding.severity, severity, description);
  }
  return analysis.findings;
}
