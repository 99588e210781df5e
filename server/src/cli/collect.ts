import * as path from 'node:path';
import { FileSystem } from '../fileSystem';
import { isNatsConfigPath } from '../workspace/filePatterns';

export interface CollectedFiles {
  /** Absolute paths of the files to check, in a stable order, without duplicates. */
  files: string[];
  /** Arguments naming nothing on disk. */
  missing: string[];
  /** Folders that were walked but held no NATS configuration. */
  emptyFolders: string[];
  /** Arguments left out because an `ignore` glob of the settings matches them. */
  ignored: string[];
}

/** Whether the settings' `ignore` globs leave out a file or folder (absolute path). */
export type IgnoreTest = (absolutePath: string) => boolean;

/** Folders never worth walking: dependencies, version control, and hidden tool folders. */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

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
  const missing: string[] = [];
  const emptyFolders: string[] = [];
  const ignored: string[] = [];
  for (const argument of paths) {
    const absolute = path.resolve(cwd, argument);
    const kind = fs.stat(absolute);
    if (kind !== undefined && isIgnored(absolute)) {
      ignored.push(argument);
    } else if (kind === 'file') {
      files.add(absolute);
    } else if (kind === 'directory') {
      const found = walk(absolute, fs, configGlobs, isIgnored);
      if (found.length === 0) emptyFolders.push(argument);
      for (const file of found) files.add(file);
    } else {
      missing.push(argument);
    }
  }
  return { files: [...files], missing, emptyFolders, ignored };
}

function walk(folder: string, fs: FileSystem, configGlobs: readonly string[], isIgnored: IgnoreTest): string[] {
  const found: string[] = [];
  const entries = (fs.readDirectory(folder) ?? []).slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = path.join(folder, entry.name);
    if (entry.kind === 'directory') {
      if (!isSkippedFolder(entry.name) && !isIgnored(child)) found.push(...walk(child, fs, configGlobs, isIgnored));
    } else if (entry.kind === 'file' && isNatsConfigPath(child, configGlobs) && !isIgnored(child)) {
      found.push(child);
    }
  }
  return found;
}
