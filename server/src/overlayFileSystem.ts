import { FileSystem } from './fileSystem';

/**
 * A file system that answers reads from open editor buffers first and from `base` otherwise, so that
 * an included file being edited is checked as typed, not as last saved.
 * `openText(path)` returns the buffer's text, or undefined when that path is not open.
 */
export function createOverlayFileSystem(base: FileSystem, openText: (path: string) => string | undefined): FileSystem {
  return {
    readFile(path) {
      return openText(path) ?? base.readFile(path);
    },
    stat(path) {
      return openText(path) !== undefined ? 'file' : base.stat(path);
    },
    readDirectory(path) {
      return base.readDirectory(path);
    },
  };
}
