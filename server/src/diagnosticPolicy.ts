// The one place every diagnostic passes through before anyone sees it, whatever rule produced it:
// suppression comments drop it, and the `rules` setting (editor settings and .nats-lattice.json)
// changes its severity or turns it off. The editor and the CLI both go through here, so they agree.
import { Diagnostic } from 'vscode-languageserver-types';
import { toLspSeverity } from './diagnostics';
import { LatticeSettings, RuleLevel } from './settings';
import { withoutSuppressed } from './suppressions';

/** `text` is the text of the file the diagnostics are in (for its suppression comments). */
export function finishDiagnostics(diagnostics: Diagnostic[], text: string | undefined, settings: Pick<LatticeSettings, 'rules'>): Diagnostic[] {
  return applyRuleLevels(withoutSuppressed(diagnostics, text), settings.rules);
}

export function applyRuleLevels(diagnostics: Diagnostic[], rules: Record<string, RuleLevel>): Diagnostic[] {
  if (Object.keys(rules).length === 0) return diagnostics;
  const finished: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const level = rules[String(diagnostic.code ?? '')];
    if (level === undefined) finished.push(diagnostic);
    else if (level !== 'off') finished.push({ ...diagnostic, severity: toLspSeverity(level) });
  }
  return finished;
}
