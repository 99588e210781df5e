// Variables: a `$NAME` used before the line defining it (nats-server only looks at keys already
// read, in the enclosing blocks, then the environment), and block variables hiding outer ones.
// Undefined variables are reported by evaluation (syntax/evaluate.ts); unused ones are unknown keys.

import { ConfigModel } from './model';
import { OptionCode } from './codes';
import type { OptionProblem } from './types';

export function checkVariables(model: ConfigModel): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const ref of model.references) {
    if (ref.definition || ref.env !== undefined || ref.bcrypt) continue;
    const later = model.definitions.find((d) =>
      d.name === ref.node.name && d.file === ref.file && d.entry.start > ref.node.start && ref.scopes.includes(d.home));
    if (!later) continue;
    problems.push({
      file: ref.file, start: ref.node.start, end: ref.node.end, code: OptionCode.variableDefinedAfterUse, severity: 'error',
      message: `\`$${ref.node.name}\` is used before \`${ref.node.name}\` is defined below; nats-server only finds variables defined earlier (in this block or an enclosing one, then the environment), so it fails here. Move the definition above this line.`,
      related: [{ file: later.file, start: later.entry.key.start, end: later.entry.key.end, message: 'defined here, too late' }],
    });
  }
  for (const d of model.definitions) {
    if (!d.used || d.hides.length === 0) continue;
    const outer = d.hides[0];
    problems.push({
      file: d.file, start: d.entry.key.start, end: d.entry.key.end, code: OptionCode.variableShadowed, severity: 'warning',
      message: `\`${d.name}\` hides the outer \`${d.name}\` inside this block: \`$${d.name}\` here means this value, not the outer one. Rename one of them if that is not intended.`,
      related: [{ file: outer.file, start: outer.entry.key.start, end: outer.entry.key.end, message: 'the hidden outer definition' }],
    });
  }
  return problems;
}
