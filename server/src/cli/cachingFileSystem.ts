import * as path from 'node:path';
import { DirectoryEntry, FileKind, FileSystem } from '../fileSystem';

/**
 * The disk as one CLI run sees it: each file is read, each path looked up and each folder listed
 * once. A check reads a file several times (walking to classify it, checking it, the lattice pass,
 * placing diagnostics) and looks for a project file in every folder the walk already listed; in one
 * short run the files are taken not to change.
 */
export function cachingFileSystem(fs: FileSystem): FileSystem {
  const texts = new Map<string, string | undefined>();
  const kinds = new Map<string, FileKind | undefined>();
  const listings = new Map<string, DirectoryEntry[] | undefined>();
  return {
    readFile(file) {
      if (!texts.has(file)) texts.set(file, fs.readFile(file));
      return texts.get(file);
    },
    stat(file) {
      if (!kinds.has(file)) {
        // A name missing from its folder's listing is not there: no need to ask the disk. Names are
        // compared loosely (case, Unicode form), as a case-insensitive disk would find them.
        const listing = listings.get(path.dirname(file));
        const name = looseName(path.basename(file));
        const listed = listing === undefined || listing.some((entry) => looseName(entry.name) === name);
        kinds.set(file, listed ? fs.stat(file) : undefined);
      }
      return kinds.get(file);
    },
    readDirectory(folder) {
      if (!listings.has(folder)) listings.set(folder, fs.readDirectory(folder));
      return listings.get(folder)?.slice();
    },
  };
}

function looseName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
