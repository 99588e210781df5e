// Includes: absolute paths (nats-server joins them under the including file's folder, so
// `include /etc/nats/a.conf` reads <folder>/etc/nats/a.conf). Missing files, cycles and syntax
// errors inside included files are reported by evaluation (syntax/evaluate.ts).

import * as path from 'path';
import { ConfigModel } from './model';
import { OptionCode } from './codes';
import type { OptionProblem } from './types';

export function checkIncludes(model: ConfigModel): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const include of model.includes) {
    if (!path.isAbsolute(include.node.path) && !/^[A-Za-z]:[\\/]/.test(include.node.path)) continue;
    const span = include.node.pathSpan;
    problems.push({
      file: include.file, start: span.start, end: span.end, code: OptionCode.includeAbsolutePath, severity: 'warning',
      message: `nats-server joins include paths to the including file's folder, even absolute ones: this reads ${include.target}, not ${include.node.path}. Write the path relative to ${path.dirname(include.file)}.`,
    });
  }
  return problems;
}
