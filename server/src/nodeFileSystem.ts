import * as fs from 'node:fs';
import * as path from 'node:path';
import { DirectoryEntry, FileKind, FileSystem } from './fileSystem';

/** The real disk. Read errors (missing file, no permission, a folder) all read as "not there". */
export function createNodeFileSystem(): FileSystem {
  return {
    readFile(filePath) {
      try {
        return fs.readFileSync(filePath, 'utf8');
      } catch {
        return undefined;
      }
    },
    stat(filePath) {
      try {
        const stats = fs.statSync(filePath);
        return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : undefined;
      } catch {
        return undefined;
      }
    },
    readDirectory(folder) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
      } catch {
        return undefined;
      }
      return entries.map((entry): DirectoryEntry => ({ name: entry.name, kind: kindOf(folder, entry) }));
    },
  };
}

function kindOf(folder: string, entry: fs.Dirent): FileKind | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) {
    // Follow links so a linked config or folder is treated like the thing it points at.
    try {
      const target = fs.statSync(path.join(folder, entry.name));
      return target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}
