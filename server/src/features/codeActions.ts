// Quick fixes for diagnostics: the fixes a rule carries in `diagnostic.data.fixes`
// ({ title, range, newText }, edits in the same document), and for every nats-lattice diagnostic
// one that silences it with a `# nats-lattice-disable-next-line CODE` comment.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostics';
import { suppressionEdit } from '../suppressions';

interface CarriedFix {
  title: string;
  range: Range;
  newText: string;
}

export function getCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const text = document.getText();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    if (!overlaps(diagnostic.range, range)) continue;
    for (const fix of carriedFixes(diagnostic)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri]: [TextEdit.replace(fix.range, fix.newText)] } },
      });
    }
    if (diagnostic.code !== undefined && diagnostic.code !== '') {
      actions.push({
        title: `Suppress ${diagnostic.code} on this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: [suppressionEdit(text, diagnostic)] } },
      });
    }
  }
  return actions;
}

function carriedFixes(diagnostic: Diagnostic): CarriedFix[] {
  const data = diagnostic.data as { fixes?: unknown } | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.filter(
    (fix): fix is CarriedFix =>
      typeof fix === 'object' && fix !== null && typeof fix.title === 'string' && typeof fix.newText === 'string' && Range.is(fix.range),
  );
}

function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
