// Building findings that show in every file involved, each pointing at the others.
import { Finding, RelatedPlace, Severity, SourceRange, SuggestedEdit } from '../../lattice/model';
import { LATTICE_RULES, LatticeRuleCode } from '../catalog';

export interface Side {
  at: SourceRange;
  /** The message as read in this file. */
  message: string;
  /** How the other sides refer to this place in their related information. */
  label: string;
  severity?: Severity;
  fixes?: SuggestedEdit[];
}

/** One finding per side; each side's related information lists every other side. */
export function mirrored(code: LatticeRuleCode, sides: Side[], extraRelated: RelatedPlace[] = []): Finding[] {
  return sides.map((side, i) => ({
    code,
    severity: side.severity ?? LATTICE_RULES[code].severity,
    at: side.at,
    message: side.message,
    related: [
      ...sides.filter((_, j) => j !== i && !sameRange(sides[j].at, side.at)).map((other) => ({ at: other.at, message: other.label })),
      ...extraRelated,
    ],
    fixes: side.fixes ?? [],
  }));
}

export function single(code: LatticeRuleCode, at: SourceRange, message: string, related: RelatedPlace[] = [], fixes: SuggestedEdit[] = [], severity?: Severity): Finding {
  return { code, severity: severity ?? LATTICE_RULES[code].severity, at, message, related, fixes };
}

function sameRange(a: SourceRange, b: SourceRange): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

export function quoteList(items: string[]): string {
  const quoted = items.map((i) => `'${i}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
