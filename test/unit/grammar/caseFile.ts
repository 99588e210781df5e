// The annotated case format. A case file is nats-server config text in which some lines are
// assertions about the source line above them:
//
//   url: nats://a:4222//x
//   #    ^^^^^^^^^^^^^^^^ markup.underline.link - comment
//   #<- support.type.property-name
//
// `^` marks the columns checked; `<-` checks column 0 (where no caret fits). The scopes listed
// must all be present (TextMate prefix match); scopes after a lone `-` must all be absent.
// Assertion lines are removed before tokenizing, so multi-line constructs work.

export interface ScopeAssertion {
  /** 1-based line in the case file, for messages. */
  caseLine: number;
  /** 0-based index into the source lines (assertion lines removed). */
  sourceLine: number;
  columns: number[];
  present: string[];
  absent: string[];
}

export interface CaseFile {
  source: string[];
  assertions: ScopeAssertion[];
}

const ASSERTION = /^#(\s*)(\^+|<-)\s+(.*)$/;

export function parseCaseFile(text: string): CaseFile {
  const source: string[] = [];
  const assertions: ScopeAssertion[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const m = ASSERTION.exec(line);
    if (!m) {
      source.push(line);
      return;
    }
    if (source.length === 0) {
      throw new Error(`line ${index + 1}: an assertion needs a source line above it`);
    }
    const [, gap, marker, rest] = m;
    const first = 1 + gap.length;
    const columns = marker === '<-' ? [0] : [...marker].map((_, i) => first + i);
    const words = rest.trim().split(/\s+/);
    const dash = words.indexOf('-');
    const present = dash < 0 ? words : words.slice(0, dash);
    const absent = dash < 0 ? [] : words.slice(dash + 1);
    if (present.length + absent.length === 0) {
      throw new Error(`line ${index + 1}: an assertion must name at least one scope`);
    }
    assertions.push({ caseLine: index + 1, sourceLine: source.length - 1, columns, present, absent });
  });
  return { source, assertions };
}
