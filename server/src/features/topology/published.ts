// The picture shows a finding only where the Problems panel does: suppression comments, rule
// levels and ignore globs have already been applied to the published diagnostics, so a finding
// is kept when a diagnostic with its code starts where it starts (with that diagnostic's severity).
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { PositionResolver } from '../../diagnostics';
import { Finding, Severity } from '../../lattice/model';

const SEVERITIES: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function publishedFindings(findings: readonly Finding[], diagnosticsOf: (file: string) => readonly Diagnostic[], positions: PositionResolver): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const start = positions.range(finding.at.file, finding.at.start, finding.at.end).start;
    const shown = diagnosticsOf(finding.at.file).find(
      (d) => d.code === finding.code && d.range.start.line === start.line && d.range.start.character === start.character,
    );
    if (shown) kept.push({ ...finding, severity: SEVERITIES[shown.severity ?? DiagnosticSeverity.Error] ?? finding.severity });
  }
  return kept;
}
