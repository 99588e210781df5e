import * as path from 'node:path';
import { DirectoryEntry, FileSystem } from './fileSystem';

/**
 * A file system held in memory: `files` maps absolute paths to their text. Folders exist implicitly
 * as the parents of the files. Used by tests and by anything that checks text that is not on disk.
 */
export function createMemoryFileSystem(files: Record<string, string>): FileSystem {
  const texts = new Map<string, string>();
  for (const [filePath, text] of Object.entries(files)) texts.set(path.resolve(filePath), text);

  const folders = new Map<string, Map<string, DirectoryEntry>>();
  const entriesOf = (folder: string) => {
    let entries = folders.get(folder);
    if (!entries) folders.set(folder, (entries = new Map()));
    return entries;
  };
  for (const filePath of texts.keys()) {
    let child = filePath;
    let kind: 'file' | 'directory' = 'file';
    for (let parent = path.dirname(child); parent !== child; child = parent, parent = path.dirname(child)) {
      entriesOf(parent).set(path.basename(child), { name: path.basename(child), kind });
      kind = 'directory';
    }
  }

  return {
    readFile: (filePath) => texts.get(path.resolve(filePath)),
    stat(filePath) {
      const resolved = path.resolve(filePath);
      return texts.has(resolved) ? 'file' : folders.has(resolved) ? 'directory' : undefined;
    },
    readDirectory(folder) {
      const entries = folders.get(path.resolve(folder));
      return entries ? [...entries.values()] : undefined;
    },
  };
}
