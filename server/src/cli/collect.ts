import * as path from 'node:path';
import { FileSystem } from '../fileSystem';
import { hostSourceKind } from '../sources/discover';
import { isNatsConfigPath } from '../workspace/filePatterns';
import { walkWorkspace } from '../workspace/walk';

export interface CollectedFiles {
  /** Absolute paths of the NATS configurations to check, in a stable order, without duplicates. */
  files: string[];
  /** wasmCloud host sources (env, compose, systemd, Kubernetes files) for the lattice cross-check. */
  hostFiles: string[];
  /** Arguments naming nothing on disk. */
  missing: string[];
  /** Folders that were walked but held no NATS configuration. */
  emptyFolders: string[];
  /** Arguments left out because an `ignore` glob of the settings matches them. */
  ignored: string[];
}

/** Whether the settings' `ignore` globs leave out a file or folder (absolute path). */
export type IgnoreTest = (absolutePath: string) => boolean;

/**
 * Turns the PATH arguments into files to check. Files named explicitly are taken whatever their
 * name; folders are walked and only files recognised as NATS configurations are taken.
 */
export function collectFiles(
  paths: readonly string[],
  fs: FileSystem,
  configGlobs: readonly string[],
  cwd: string,
  isIgnored: IgnoreTest = () => false,
): CollectedFiles {
  const files = new Set<string>();
  const hostFiles = new Set<string>();
  const missing: string[] = [];
  const emptyFolders: string[] = [];
  const ignored: string[] = [];
  for (const argument of paths) {
    const absolute = path.resolve(cwd, argument);
    const kind = fs.stat(absolute);
    if (kind !== undefined && isIgnored(absolute)) {
      ignored.push(argument);
    } else if (kind === 'file') {
      // A named file is a configuration whatever its name, unless it is named like a host source.
      if (hostSourceKind(absolute) !== undefined && !isNatsConfigPath(absolute, configGlobs)) hostFiles.add(absolute);
      else files.add(absolute);
    } else if (kind === 'directory') {
      const found = walkWorkspace(absolute, fs, { configGlobs, isIgnored });
      if (found.configs.length === 0) emptyFolders.push(argument);
      for (const file of found.configs) files.add(file);
      for (const file of found.hostFiles) hostFiles.add(file);
    } else {
      missing.push(argument);
    }
  }
  return { files: [...files], hostFiles: [...hostFiles], missing, emptyFolders, ignored };
}
