// What `check` and `graph` both start from: the settings (command line under the nearest
// .nats-lattice.json) and the files the PATH arguments name.
import * as path from 'node:path';
import { FileSystem } from '../fileSystem';
import { isIgnoredPath } from '../projectSettings';
import { defaultSettings, LatticeSettings, mergeSettings } from '../settings';
import { collectFiles, CollectedFiles } from './collect';
import { lookUpProject } from './project';

export interface InputArguments {
  paths: readonly string[];
  configGlobs: string[];
  /** --project FILE, when given. */
  project?: string;
}

export type WorkspaceInput =
  | { kind: 'error'; messages: string[] }
  | { kind: 'ok'; settings: LatticeSettings; projectFile?: string; projectRoot?: string; collected: CollectedFiles };

export function readWorkspaceInput(fs: FileSystem, args: InputArguments, cwd: string): WorkspaceInput {
  const lookup = lookUpProject(fs, args.project, args.paths, cwd);
  if (lookup.kind === 'error') return { kind: 'error', messages: lookup.messages };
  const project = lookup.kind === 'found' ? lookup.project : undefined;
  const commandLine = { ...defaultSettings(), files: { associations: args.configGlobs } };
  const settings = project ? mergeSettings(commandLine, project.settings) : commandLine;
  const projectRoot = project ? path.dirname(project.file) : undefined;
  const collected = collectFiles(args.paths, fs, settings.files.associations, cwd, (file) => isIgnoredPath(file, settings.ignore, projectRoot));
  return { kind: 'ok', settings, projectFile: project?.file, projectRoot, collected };
}
