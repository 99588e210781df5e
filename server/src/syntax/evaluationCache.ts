import { EvalHost, EvalResult, evaluate, EvaluateOptions } from './evaluate';
import { readsUnchanged, RecordedReads, recordingReads } from '../recordedReads';

interface CachedEvaluation {
  rootSyntax: boolean;
  /** Every file the evaluation asked for, with what it got. */
  reads: RecordedReads;
  /** The environment it ran with, and whether it looked anything up there. */
  env: EvalHost['env'];
  consultedEnv: boolean;
  result: EvalResult;
}

/**
 * The few most recent evaluations, reused while every file they read reads the same. The editor
 * evaluates the document being edited twice per change, once for its own diagnostics (with the
 * process environment) and once for the lattice (with none); when the file never consults the
 * environment, both are the same evaluation. Results are shared: callers must not change them.
 */
export class EvaluationCache {
  private readonly entries = new Map<string, CachedEvaluation>();

  constructor(private readonly capacity = 4) {}

  evaluate(file: string, host: EvalHost, options: EvaluateOptions = {}): EvalResult {
    const rootSyntax = options.rootSyntax ?? true;
    const cached = this.entries.get(file);
    if (cached && this.stillValid(cached, host, rootSyntax)) {
      // Most recently used last, so the oldest is the first one dropped.
      this.entries.delete(file);
      this.entries.set(file, cached);
      return cached.result;
    }
    const reads: [string, string | undefined][] = [];
    let consultedEnv = false;
    const recording: EvalHost = {
      readFile: recordingReads((absPath) => host.readFile(absPath), reads),
      env: new Proxy(host.env, {
        get(target, name) {
          consultedEnv = true;
          return Reflect.get(target, name);
        },
      }),
    };
    const result = evaluate(file, recording, options);
    this.entries.delete(file);
    this.entries.set(file, { rootSyntax, reads, env: host.env, consultedEnv, result });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }

  private stillValid(cached: CachedEvaluation, host: EvalHost, rootSyntax: boolean): boolean {
    if (cached.rootSyntax !== rootSyntax) return false;
    if (cached.consultedEnv && cached.env !== host.env) return false;
    return readsUnchanged(cached.reads, (file) => host.readFile(file));
  }
}
