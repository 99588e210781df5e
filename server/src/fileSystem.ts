/**
 * The one door through which the language service touches files. The server fills it with the disk
 * plus the open editor buffers, the CLI with the disk, tests with fixtures held in memory.
 * Paths are absolute, in the platform's own form (what node:path produces).
 */
export interface FileSystem {
  /** The text of a file, or undefined when it does not exist or cannot be read as text. */
  readFile(path: string): string | undefined;
  /** What is at a path, or undefined when nothing is there. */
  stat(path: string): FileKind | undefined;
  /** The entries of a folder (names only, not paths), or undefined when it is not a readable folder. */
  readDirectory(path: string): DirectoryEntry[] | undefined;
}

export type FileKind = 'file' | 'directory';

export interface DirectoryEntry {
  name: string;
  kind: FileKind | 'other';
}
