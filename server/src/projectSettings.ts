import * as path from 'node:path';
import { FileSystem } from './fileSystem';
import { LatticeSettings, readSettingsReporting } from './settings';
import { compileGlob } from './workspace/glob';

/** The settings file a team commits at its workspace root; the editor and the CLI both read it. */
export const PROJECT_FILE_NAME = '.nats-lattice.json';

export interface ProjectSettings {
  /** Absolute path of the `.nats-lattice.json` read. */
  file: string;
  settings: LatticeSettings;
  /** What is wrong with the file (unreadable JSON, values of the wrong type), each saying where. */
  problems: string[];
}

/** The nearest `.nats-lattice.json` in `folder` or a folder above it. */
export function findProjectFile(fs: FileSystem, folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const candidate = path.join(current, PROJECT_FILE_NAME);
    if (fs.stat(candidate) === 'file') return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

export function parseProjectFile(file: string, text: string): ProjectSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { file, settings: readSettingsReporting(undefined).settings, problems: [`${file}: not valid JSON (${detail}); write an object such as { "rules": { "duplicate-key": "error" } }`] };
  }
  const { settings, problems } = readSettingsReporting(raw);
  return { file, settings, problems: problems.map((problem) => `${file}: ${problem}`) };
}

/**
 * Finds and reads project files, remembering each folder's answer so a run over thousands of files
 * looks each folder up once. The text is read again on every lookup (cheap, and an edit to the file
 * takes effect at the next check); `forget()` drops the folder answers when files come and go.
 */
export class ProjectSettingsCache {
  private readonly fileOfFolder = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, { text: string; result: ProjectSettings }>();

  constructor(private readonly fs: FileSystem) {}

  forFile(file: string): ProjectSettings | undefined {
    const projectFile = this.projectFileOf(path.dirname(path.resolve(file)));
    if (projectFile === undefined) return undefined;
    const text = this.fs.readFile(projectFile);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(projectFile);
    if (cached && cached.text === text) return cached.result;
    const result = parseProjectFile(projectFile, text);
    this.parsed.set(projectFile, { text, result });
    return result;
  }

  /** findProjectFile, with every folder on the way up remembered: sibling folders share their parents' answers. */
  private projectFileOf(folder: string): string | undefined {
    if (this.fileOfFolder.has(folder)) return this.fileOfFolder.get(folder);
    const candidate = path.join(folder, PROJECT_FILE_NAME);
    const parent = path.dirname(folder);
    const found = this.fs.stat(candidate) === 'file' ? candidate : parent === folder ? undefined : this.projectFileOf(parent);
    this.fileOfFolder.set(folder, found);
    return found;
  }

  forget(): void {
    this.fileOfFolder.clear();
  }
}

/**
 * Whether `ignore` globs leave a file out. Globs are read like .gitignore lines, from `root` (the
 * folder of the project file): `vendor` or `*.tmpl.conf` match a name at any depth, `deploy/old/**`
 * or `/deploy/old` a path from the root. A glob matching a folder leaves out everything below it.
 */
export function isIgnoredPath(file: string, globs: readonly string[], root: string | undefined): boolean {
  if (globs.length === 0) return false;
  const relative = root === undefined ? undefined : path.relative(root, file).split(path.sep).join('/');
  const inside = relative !== undefined && relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  const segments = (inside ? relative! : path.resolve(file).split(path.sep).join('/').replace(/^\//, '')).split('/');
  const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  return globs.some((raw) => {
    const glob = raw.trim().replace(/^\.\//, '').replace(/\/$/, '');
    if (glob === '') return false;
    if (!glob.includes('/')) {
      const name = compileGlob(glob);
      return segments.some((segment) => name.test(segment));
    }
    const anchored = compileGlob(inside ? glob.replace(/^\//, '') : `**/${glob.replace(/^\//, '')}`);
    return prefixes.some((prefix) => anchored.test(prefix));
  });
}
