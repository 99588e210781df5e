import { Diagnostic } from 'vscode-languageserver-types';
import { FileCheck, LanguageService } from '../service';

export interface ReportedDiagnostic {
  file: string;
  diagnostic: Diagnostic;
}

export interface CheckResult {
  /** Every file read while checking (the checked files and what they include), in report order. */
  files: string[];
  /** Files that were checked only as part of a file including them. */
  checkedAsIncluded: string[];
  diagnostics: ReportedDiagnostic[];
}

/**
 * Checks the collected files. A file included by another collected file is checked as part of
 * its includer, not on its own: a fragment often uses variables and context it cannot have alone.
 */
/**
 * `hostFiles` (env, compose, ... files) are read for the lattice cross-check, which runs over all
 * the configurations and hosts together once every file has been checked on its own.
 */
export function checkFiles(
  candidates: readonly string[],
  service: LanguageService,
  onProgress?: (done: number, total: number) => void,
  hostFiles: readonly string[] = [],
): CheckResult {
  const checks = new Map<string, FileCheck>();
  for (const file of candidates) {
    checks.set(file, service.checkFile(file));
    onProgress?.(checks.size, candidates.length);
  }

  const includedBy = new Map<string, Set<string>>();
  for (const [includer, check] of checks) {
    for (const file of check.files) {
      if (file === includer || !checks.has(file)) continue;
      const includers = includedBy.get(file) ?? new Set<string>();
      includers.add(includer);
      includedBy.set(file, includers);
    }
  }

  // Roots are the files nobody else includes; files reachable only through a cycle of includes
  // are then taken as roots in order, so every candidate is covered exactly once.
  const roots = candidates.filter((file) => !includedBy.has(file));
  const covered = new Set<string>(roots.flatMap((root) => checks.get(root)!.files));
  for (const file of candidates) {
    if (covered.has(file)) continue;
    roots.push(file);
    for (const reached of checks.get(file)!.files) covered.add(reached);
  }

  const files: string[] = [];
  const listed = new Set<string>();
  const diagnostics: ReportedDiagnostic[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const check = checks.get(root)!;
    for (const file of check.files) {
      if (listed.has(file)) continue;
      listed.add(file);
      files.push(file);
    }
    for (const { file, diagnostics: list } of check.byFile) {
      for (const diagnostic of list) {
        // A file included by two roots would otherwise report its problems twice.
        const key = JSON.stringify([file, diagnostic.range, diagnostic.code, diagnostic.message]);
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push({ file, diagnostic });
      }
    }
  }
  const rootSet = new Set(roots);
  if (candidates.length + hostFiles.length > 0 && (hostFiles.length > 0 || candidates.length > 1)) {
    const lattice = service.checkLattice({ configs: [...candidates].sort(), hostFiles: [...hostFiles].sort() });
    for (const { file, diagnostics: list } of lattice) {
      if (!listed.has(file)) {
        listed.add(file);
        files.push(file);
      }
      for (const diagnostic of list) {
        const key = JSON.stringify([file, diagnostic.range, diagnostic.code, diagnostic.message]);
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push({ file, diagnostic });
      }
    }
    for (const file of hostFiles) {
      if (listed.has(file)) continue;
      listed.add(file);
      files.push(file);
    }
  }
  const checkedAsIncluded = candidates.filter((file) => !rootSet.has(file));
  diagnostics.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.diagnostic.range.start.line - b.diagnostic.range.start.line ||
      a.diagnostic.range.start.character - b.diagnostic.range.start.character,
  );
  return { files, checkedAsIncluded, diagnostics };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
