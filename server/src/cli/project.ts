import * as path from 'node:path';
import { FileSystem } from '../fileSystem';
import { findProjectFile, parseProjectFile, ProjectSettings } from '../projectSettings';

export type ProjectLookup = { kind: 'found'; project: ProjectSettings } | { kind: 'none' } | { kind: 'error'; messages: string[] };

/**
 * The settings file of a run: `--project FILE` when given, else the nearest .nats-lattice.json
 * above the first PATH, else above the working folder.
 */
export function lookUpProject(fs: FileSystem, explicit: string | undefined, paths: readonly string[], cwd: string): ProjectLookup {
  let file: string | undefined;
  if (explicit !== undefined) {
    file = path.resolve(cwd, explicit);
    if (fs.stat(file) !== 'file') return { kind: 'error', messages: [`--project ${explicit}: no such file; name a .nats-lattice.json settings file`] };
  } else {
    const first = paths.length > 0 ? path.resolve(cwd, paths[0]) : cwd;
    const start = fs.stat(first) === 'directory' ? first : path.dirname(first);
    file = findProjectFile(fs, start) ?? findProjectFile(fs, cwd);
  }
  if (file === undefined) return { kind: 'none' };
  const text = fs.readFile(file);
  if (text === undefined) return { kind: 'error', messages: [`${file}: cannot be read`] };
  const project = parseProjectFile(file, text);
  return project.problems.length > 0 ? { kind: 'error', messages: project.problems } : { kind: 'found', project };
}

/** The folder SARIF locations are relative to: the git work tree holding `start`, else `start`. */
export function repositoryRoot(fs: FileSystem, start: string): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (fs.stat(path.join(folder, '.git')) !== undefined) return folder;
    if (path.dirname(folder) === folder) return path.resolve(start);
  }
}
