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
}

/** Folders never worth walking: dependencies, version control, and hidden tool folders. */
function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Turns the PATH arguments into files to check. Files named explicitly are taken whatever their
 * name; folders are walked and only files recognised as NATS configurations are taken.
 */
export function collectFiles(paths: readonly string[], fs: FileSystem, configGlobs: readonly string[], cwd: string): CollectedFiles {
  const files = new Set<string>();
  const missing: string[] = [];
  const emptyFolders: string[] = [];
  for (const argument of paths) {
    const absolute = path.resolve(cwd, argument);
    const kind = fs.stat(absolute);
    if (kind === 'file') {
      files.add(absolute);
    } else if (kind === 'directory') {
      const found = walk(absolute, fs, configGlobs);
      if (found.length === 0) emptyFolders.push(argument);
      for (const file of found) files.add(file);
    } else {
      missing.push(argument);
    }
  }
  return { files: [...files], missing, emptyFolders };
}

function walk(folder: string, fs: FileSystem, configGlobs: readonly string[]): string[] {
  const found: string[] = [];
  const entries = (fs.readDirectory(folder) ?? []).slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = path.join(folder, entry.name);
    if (entry.kind === 'directory') {
      if (!isSkippedFolder(entry.name)) found.push(...walk(child, fs, configGlobs));
    } else if (entry.kind === 'file' && isNatsConfigPath(child, configGlobs)) {
      found.push(child);
    }
  }
  return found;
}
