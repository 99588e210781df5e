// Finding the files a workspace's lattice is made of: NATS configs by name, and host sources
// (env files, compose files, Kubernetes manifests, systemd units) that concern wasmCloud.
import * as path from 'node:path';
import { FileSystem } from '../fileSystem';
import { hostSourceKind, mentionsWasmcloud } from '../sources/discover';
import { isNatsConfigPath } from './filePatterns';

export interface WorkspaceFiles {
  /** NATS configuration files, absolute paths, sorted. */
  configs: string[];
  /** Host sources worth reading, absolute paths, sorted. */
  hostFiles: string[];
}

export interface WalkOptions {
  configGlobs?: readonly string[];
  /** Leaves out files and folders (the settings' `ignore`, VS Code's `files.exclude`). */
  isIgnored?: (absolutePath: string) => boolean;
  /** Deeper folders are not walked: a guard against symlink loops the file system does not report. */
  maxDepth?: number;
}

/** Folders never worth walking: dependencies, version control, and hidden tool folders. */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Whether a host source is worth reading: compose files always (their NATS services name the
 * servers), other sources only when they mention wasmCloud, so unrelated `.env` files stay quiet.
 */
export function isLatticeHostFile(file: string, readFile: (file: string) => string | undefined): boolean {
  const byName = hostSourceKind(file);
  if (byName === 'compose') return true;
  if (byName === undefined && !/\.ya?ml$/i.test(file)) return false;
  const text = readFile(file);
  if (text === undefined) return false;
  if (byName === undefined && hostSourceKind(file, text) === undefined) return false;
  return mentionsWasmcloud(text);
}

export function walkWorkspace(root: string, fs: FileSystem, options: WalkOptions = {}): WorkspaceFiles {
  const configs: string[] = [];
  const hostFiles: string[] = [];
  const isIgnored = options.isIgnored ?? (() => false);
  const maxDepth = options.maxDepth ?? 32;
  const pending: { folder: string; depth: number }[] = [{ folder: root, depth: 0 }];
  while (pending.length > 0) {
    const { folder, depth } = pending.pop()!;
    for (const entry of fs.readDirectory(folder) ?? []) {
      const child = path.join(folder, entry.name);
      if (isIgnored(child)) continue;
      if (entry.kind === 'directory') {
        if (!isSkippedFolder(entry.name) && depth < maxDepth) pending.push({ folder: child, depth: depth + 1 });
      } else if (entry.kind === 'file') {
        if (isNatsConfigPath(child, options.configGlobs)) configs.push(child);
        else if (isLatticeHostFile(child, (f) => fs.readFile(f))) hostFiles.push(child);
      }
    }
  }
  return { configs: configs.sort(), hostFiles: hostFiles.sort() };
}
