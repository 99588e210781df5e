import * as fs from 'node:fs';
import * as path from 'node:path';
import { DirectoryEntry, FileKind, FileSystem } from './fileSystem';

/** Files larger than this are not read (a configuration is kilobytes; this is a runaway file or a disk image). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The real disk. Read errors (missing file, no permission, a folder) all read as "not there". */
export function createNodeFileSystem(): FileSystem {
  return {
    readFile(filePath) {
      try {
        // Only regular files: reading a FIFO or a device would block the server (or never end).
        // Open first and stat the descriptor, so what is read is what was checked.
        const fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
        try {
          const stats = fs.fstatSync(fd);
          if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
          return fs.readFileSync(fd, 'utf8');
        } finally {
          fs.closeSync(fd);
        }
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
      const link = path.join(folder, entry.name);
      const target = fs.statSync(link);
      if (target.isDirectory()) return leadsBack(link, folder) ? 'other' : 'directory';
      return target.isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

/**
 * Whether a linked folder is one of the folders the walk is already inside (the link's own folder
 * or any above it, compared by real path): following it would walk in circles for ever.
 */
function leadsBack(link: string, folder: string): boolean {
  const target = fs.realpathSync(link);
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      if (fs.realpathSync(at) === target) return true;
    } catch {
      // An unreadable ancestor cannot be the target.
    }
    if (path.dirname(at) === at) return false;
  }
}
