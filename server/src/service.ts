import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { analyzeFile, FileAnalysis } from './analysis';
import { compareDiagnostics, FileProblem, keepUnchanged, PositionResolver, toDiagnostic } from './diagnostics';
import { FileSystem } from './fileSystem';
import { createEditingFeatures, EditingFeatures } from './features/editing';
import { createFormattingFeatures, FormattingFeatures } from './features/formatting';
import { createHostEditingFeatures, HostEditingFeatures } from './features/hostFeatures/editing';
import { readFormatSettings } from './features/formatStyle';
import { LatticeSettings, defaultSettings, mergeSettings, readSettings } from './settings';
import { finishDiagnostics } from './diagnosticPolicy';
import { isIgnoredPath, ProjectSettingsCache } from './projectSettings';
import { parse } from './syntax/parser';
import { EvalResult, ParseCache } from './syntax/evaluate';
import { checkListenerExposure } from './rules/security';
import { EvaluationCache } from './syntax/evaluationCache';
import { ParseResult } from './syntax/tree';
import { CheckedDocument, checkedDocument, quickCheck } from './quickCheck';
import { RecordedReads, readsUnchanged, recordingReads } from './recordedReads';
import { uriToPath, pathToUri } from './uri';
import { isNatsConfigPath } from './workspace/filePatterns';
import { matchesGlob } from './workspace/glob';
import { analyzeLattice, LatticeAnalysis, ServerModelCache } from './workspace/latticeAnalysis';
import { latticeProblems } from './workspace/latticeDiagnostics';
import { walkWorkspace, WorkspaceFiles } from './workspace/walk';

/** The language id VS Code gives NATS configuration documents (see package.json). */
export const NATS_LANGUAGE_ID = 'nats-conf';

export interface LanguageServiceOptions {
  /** Every read goes through here; the server passes disk overlaid with open buffers. */
  fs: FileSystem;
  /** The `natsLattice` settings section, in any shape `readSettings` accepts. */
  settings?: Partial<LatticeSettings> | unknown;
  /** Environment used to resolve `$VARIABLE`s that the configuration does not define. */
  env?: Record<string, string | undefined>;
  /** Lay the nearest `.nats-lattice.json` above each file over `settings` (default true). */
  lookUpProjectFiles?: boolean;
  /**
   * Keep evaluations and server models between checks, to redo only what an edit changed
   * (default true). A one-shot run such as the CLI's checks everything once and keeps nothing.
   */
  reuseAnalyses?: boolean;
}

/** Diagnostics of one file, as found while checking a configuration and the files it includes. */
export interface FileDiagnostics {
  file: string;
  diagnostics: Diagnostic[];
}

export interface FileCheck {
  /** Every file read while checking, the checked file first (includes follow). */
  files: string[];
  /** Diagnostics grouped by the file they are in; files without any are left out. */
  byFile: FileDiagnostics[];
}

export interface LanguageService extends EditingFeatures, FormattingFeatures, HostEditingFeatures {
  /** Diagnostics for an open document, its includes read through the file system. */
  doValidation(document: TextDocument): Diagnostic[];
  /**
   * What doValidation would answer, worked out from the document's previous check when the change
   * since then only rewrote one value or renamed one key on one line (see quickCheck.ts); undefined
   * when it cannot tell, and then only doValidation can.
   */
  quickValidation(document: TextDocument): Diagnostic[] | undefined;
  /** Checks a configuration file and everything it includes (the CLI's unit of work). */
  checkFile(file: string): FileCheck;
  /** Finds the NATS configs and wasmCloud host sources under a folder. */
  findWorkspaceFiles(root: string, isIgnored?: (absolutePath: string) => boolean): WorkspaceFiles;
  /**
   * Cross-checks servers and hosts across files: every lattice finding, shown in each file it
   * involves, plus what the host-source readers found wrong. Grouped by file.
   */
  checkLattice(files: WorkspaceFiles, analysis?: LatticeAnalysis): FileDiagnostics[];
  /** The model the lattice rules run on (servers, hosts, topology, raw findings), e.g. to draw it. */
  analyzeLattice(files: WorkspaceFiles): LatticeAnalysis;
  /** The syntax tree of a document, parsed once per document version. */
  parseDocument(document: TextDocument): ParseResult;
  /** Files (absolute paths) the last validation of this document read, itself included. */
  dependenciesOf(uri: string): readonly string[];
  /** Whether a document is a NATS configuration: its language id, or its path matching an association glob. */
  isNatsDocument(document: Pick<TextDocument, 'uri' | 'languageId'>): boolean;
  /** Whether a path names a NATS configuration by the conventional names or the associations. */
  isNatsConfigPath(file: string): boolean;
  /** Replaces the settings; cached parses stay valid, they do not depend on settings. */
  configure(settings: unknown): void;
  /** Forgets everything cached about a document (call when it closes). */
  forget(uri: string): void;
  /**
   * The settings that apply to a file: the editor's (or CLI's) settings with the nearest
   * `.nats-lattice.json` above the file laid over them.
   */
  settingsFor(file: string): LatticeSettings;
  /** Files appeared or disappeared on disk: look for `.nats-lattice.json` files again. */
  filesChanged(): void;
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const fs = options.fs;
  const env = options.env ?? {};
  let settings = readSettings(options.settings ?? defaultSettings());
  let formatSettings = readFormatSettings(options.settings);
  const projects = new ProjectSettingsCache(fs);

  function settingsFor(file: string): LatticeSettings {
    const project = options.lookUpProjectFiles === false ? undefined : projects.forFile(file);
    return project ? mergeSettings(settings, project.settings) : settings;
  }

  /** Suppression comments and rule levels, applied last to whatever the rules reported in `file`. */
  function finish(file: string, text: string | undefined, diagnostics: Diagnostic[]): Diagnostic[] {
    const applying = settingsFor(file);
    const project = options.lookUpProjectFiles === false ? undefined : projects.forFile(file);
    if (isIgnoredPath(file, applying.ignore, project && path.dirname(project.file))) return [];
    return finishDiagnostics(diagnostics, text, applying);
  }
  const parses = new Map<string, { version: number; result: ParseResult }>();
  const dependencies = new Map<string, string[]>();
  /** Parses of included files, reused while their text is unchanged. */
  const includeParses = new ParseCache();
  /** The lattice's server model of each config, reused while the files it read are unchanged. */
  const reuse = options.reuseAnalyses !== false;
  const serverModels = reuse ? new ServerModelCache() : undefined;
  /** The latest evaluations, shared by a document's own check and the lattice check after it. */
  const evaluations = reuse ? new EvaluationCache() : undefined;

  function parseDocument(document: TextDocument): ParseResult {
    const cached = parses.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    const result = parse(document.getText());
    parses.set(document.uri, { version: document.version, result });
    return result;
  }

  /** The last check of each open document, for the quick check of its next change. */
  const lastChecks = new Map<string, CheckedDocument & { reads: RecordedReads }>();

  function doValidation(document: TextDocument): Diagnostic[] {
    const file = fileOfDocument(document.uri);
    const text = document.getText();
    const reads: [string, string | undefined][] = [];
    const parsed = parseDocument(document);
    const own = ownDiagnostics(file, text, parsed, recordingReads((other) => fs.readFile(other), reads), document);
    dependencies.set(document.uri, own.files);
    const diagnostics = keepUnchanged(lastChecks.get(document.uri)?.diagnostics, finish(file, text, own.diagnostics).sort(compareDiagnostics));
    lastChecks.set(document.uri, { ...checkedDocument(text, parsed, diagnostics, own.evaluation), reads });
    return diagnostics.slice();
  }

  function quickValidation(document: TextDocument): Diagnostic[] | undefined {
    const previous = lastChecks.get(document.uri);
    // Another file it read changed (an include, say): only a full check knows what that did.
    if (!previous || !readsUnchanged(previous.reads, (other) => fs.readFile(other))) return undefined;
    const file = fileOfDocument(document.uri);
    if (!settingsFor(file).quickCheck) return undefined;
    const next = quickCheck(previous, document.getText(), {
      uri: document.uri,
      check: (text) => ownDiagnostics(file, text, parse(text), (other) => fs.readFile(other)).diagnostics,
      finish: (diagnostics, text) => finish(file, text, diagnostics),
      listenerFindings: (value, origins, treeText, positions) => {
        const readFile = (other: string) => (other === file ? treeText : fs.readFile(other));
        const problems = checkListenerExposure({ value, origins, readFile, env });
        if (problems.some((problem) => problem.file !== file)) return undefined;
        return problems.map((problem) => toDiagnostic(problem, positions));
      },
    });
    if (!next) return undefined;
    lastChecks.set(document.uri, { ...next, reads: previous.reads });
    return next.diagnostics.slice();
  }

  /**
   * The findings of checking `text` as the file `file` (other files read through `readOther`), not
   * yet finished. With `document`, the text is that open document's and the shared caches are used.
   */
  function ownDiagnostics(file: string, text: string, parsed: ParseResult, readOther: (file: string) => string | undefined, document?: TextDocument): { diagnostics: Diagnostic[]; files: string[]; evaluation: EvalResult } {
    // The document's own text always wins over whatever the file system holds for its path.
    const readFile = readingOnce((other: string) => (other === file ? text : readOther(other)));
    const analysis = document
      ? analyzeFile(file, { readFile, env, serverVersion: settingsFor(file).serverVersion }, parsed, includeParses, evaluations)
      : analyzeFile(file, { readFile, env, serverVersion: settingsFor(file).serverVersion }, parsed);

    const positions = new PositionResolver(readFile);
    if (document) positions.rememberDocument(file, document);
    else positions.remember(file, text);
    const own: FileProblem[] = [];
    const elsewhere: FileProblem[] = [];
    for (const problem of analysis.problems) (problem.file === file ? own : elsewhere).push(problem);
    const diagnostics = own.map((problem) => toDiagnostic(problem, positions));
    // Evaluation repeats every error of an included file at the include, pointing at the original
    // through related information. Any error that escaped that would be invisible while only the
    // includer is open: show it at the top of the document, pointing at where it really is.
    for (const problem of elsewhere) {
      if ((problem.severity ?? 'error') !== 'error') continue;
      if (own.some((ownProblem) => ownProblem.related?.some((related) => sameSpot(related, problem)))) continue;
      diagnostics.push(
        toDiagnostic(
          {
            file,
            start: 0,
            end: 0,
            code: problem.code,
            severity: problem.severity,
            message: `In included file ${problem.file}: ${problem.message}`,
            related: [{ file: problem.file, start: problem.start, end: problem.end, message: problem.message }, ...(problem.related ?? [])],
          },
          positions,
        ),
      );
    }
    return { diagnostics, files: analysis.files, evaluation: analysis.evaluation };
  }

  function checkFile(file: string): FileCheck {
    const readFile = readingOnce((other: string) => fs.readFile(other));
    const analysis: FileAnalysis = analyzeFile(path.resolve(file), { readFile, env, serverVersion: settingsFor(path.resolve(file)).serverVersion }, undefined, includeParses, evaluations);
    const positions = new PositionResolver(readFile);
    const byFile = new Map<string, Diagnostic[]>();
    for (const problem of analysis.problems) {
      const list = byFile.get(problem.file) ?? [];
      list.push(toDiagnostic(problem, positions));
      byFile.set(problem.file, list);
    }
    return {
      files: analysis.files,
      byFile: [...byFile]
        .map(([other, diagnostics]) => ({ file: other, diagnostics: finish(other, positions.text(other), diagnostics).sort(byPosition) }))
        .filter((entry) => entry.diagnostics.length > 0),
    };
  }

  function latticeAnalysis(files: WorkspaceFiles): LatticeAnalysis {
    // An open document was just parsed for its own diagnostics: the lattice reuses that parse.
    const openParses = new Map<string, ParseResult>();
    for (const [uri, cached] of parses) {
      const file = uriToPath(uri);
      if (file !== undefined) openParses.set(path.resolve(file), cached.result);
    }
    const sharedParses = {
      get: (file: string, text: string) => {
        const open = openParses.get(file);
        return open && open.text === text ? open : includeParses.get(file, text);
      },
    };
    return analyzeLattice(files.configs, files.hostFiles, { readFile: readingOnce((file: string) => fs.readFile(file)), parses: sharedParses, servers: serverModels, evaluations }, { hostVersion: settings.wasmcloud?.hostVersion, servers: settings.wasmcloud?.servers });
  }

  function checkLattice(files: WorkspaceFiles, analysis = latticeAnalysis(files)): FileDiagnostics[] {
    const readFile = (file: string) => fs.readFile(file);
    const positions = new PositionResolver(readFile);
    const byFile = new Map<string, Diagnostic[]>();
    for (const problem of latticeProblems(analysis)) {
      const list = byFile.get(problem.file) ?? [];
      list.push(toDiagnostic(problem, positions));
      byFile.set(problem.file, list);
    }
    return [...byFile]
      .map(([file, diagnostics]) => ({ file, diagnostics: finish(file, positions.text(file), diagnostics).sort(byPosition) }))
      .filter((entry) => entry.diagnostics.length > 0);
  }

  const editing = createEditingFeatures({
    fs,
    env,
    limits: () => settings.limits,
    parseDocument,
    parseFile: (file, text) => includeParses.get(file, text),
    fileOf: fileOfDocument,
    knownFiles: () => [...parses.keys()].flatMap((uri) => [uriToPath(uri) ?? '', ...(dependencies.get(uri) ?? [])]).filter(Boolean),
    openText(file) {
      for (const [uri, cached] of parses) if (uriToPath(uri) === file) return cached.result.text;
      return undefined;
    },
  });

  const formatting = createFormattingFeatures({ parseDocument, formatSettings: () => formatSettings });

  return {
    ...editing,
    ...formatting,
    ...createHostEditingFeatures({ fs, fileOf: fileOfDocument, defaults: () => ({ hostVersion: settings.wasmcloud?.hostVersion, servers: settings.wasmcloud?.servers }) }),
    doValidation,
    quickValidation,
    checkFile,
    checkLattice,
    analyzeLattice: latticeAnalysis,
    findWorkspaceFiles: (root, isIgnored) => walkWorkspace(root, fs, { configGlobs: settings.files.associations, isIgnored }),
    parseDocument,
    dependenciesOf: (uri) => dependencies.get(uri) ?? [],
    isNatsDocument(document) {
      if (document.languageId === NATS_LANGUAGE_ID) return true;
      const filePath = uriToPath(document.uri);
      return filePath !== undefined && settings.files.associations.some((glob) => matchesGlob(glob, filePath));
    },
    isNatsConfigPath: (filePath) => isNatsConfigPath(filePath, settings.files.associations),
    configure(raw) {
      settings = readSettings(raw);
      formatSettings = readFormatSettings(raw);
      projects.forget();
      lastChecks.clear();
    },
    settingsFor,
    filesChanged() {
      projects.forget();
      lastChecks.clear();
    },
    forget(uri) {
      lastChecks.delete(uri);
      parses.delete(uri);
      dependencies.delete(uri);
    },
  };
}

/**
 * The absolute path a document is analysed under. Documents that are not files (untitled:) get a
 * made-up path, so includes in them resolve (and fail) like in a file that was never saved.
 */
function fileOfDocument(uri: string): string {
  const file = uriToPath(uri);
  return file !== undefined ? path.resolve(file) : path.resolve('/', 'untitled', uri.replace(/[^A-Za-z0-9._-]+/g, '_'));
}

/**
 * A reader that reads each file at most once. Rules may look at a file's text many times during one
 * check (the security rules did so per string value, which made a 40k-line file take 10 s of
 * reads); within one check the text does not change, so one read is enough.
 */
function readingOnce(read: (file: string) => string | undefined): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
}

function sameSpot(a: { file: string; start: number; end: number }, b: { file: string; start: number; end: number }): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export { pathToUri, uriToPath };
export type { FileSystem, LatticeSettings };
