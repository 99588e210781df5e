// Runs our parser the way the language server does: evaluate() from server/src/syntax resolves
// variables and includes over a host that reads real files and sees exactly the given environment.
import fs from 'node:fs';
import path from 'node:path';
import { EvalDiagnostic, EvalHost, evaluate } from '../../server/src/syntax/evaluate';

export type OurDiagnostic = EvalDiagnostic;

export interface OurResult {
  value: unknown;
  /** Errors only: warnings (nats-server starts with them) are left out. */
  errors: OurDiagnostic[];
  /** Text of every file the host handed out, for turning offsets into lines. */
  texts: Map<string, string>;
}

export function evaluateOurs(mainFile: string, env: Record<string, string>): OurResult {
  const texts = new Map<string, string>();
  const host: EvalHost = {
    readFile(absPath) {
      try {
        if (!fs.statSync(absPath).isFile()) return undefined;
        const text = fs.readFileSync(absPath, 'utf8');
        texts.set(path.resolve(absPath), text);
        return text;
      } catch {
        return undefined;
      }
    },
    env: { ...env },
  };
  const result = evaluate(mainFile, host);
  return { value: result.value, errors: result.diagnostics.filter((d) => d.severity !== 'warning'), texts };
}

/** 1-based line of an offset, counting only '\n' as nats-server does. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
