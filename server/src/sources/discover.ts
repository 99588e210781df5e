// Which files are wasmCloud host sources, and reading any of them with the right reader.
// Shared by the language server and the CLI so both pick the same files.

import * as path from 'node:path';
import { looksLikeWasmcloudName } from '../facts/wasmcloudVars';
import { readCompose } from './compose';
import { readDotenv } from './dotenv';
import { readEnvrc } from './envrc';
import type { HostSourceKind, HostSourceResult, SourceFiles } from './hostSettings';
import { readKubernetes } from './kubernetes';
import { readSystemdUnit } from './systemd';

/** File-name patterns, for documentation and file watchers. Kubernetes manifests are any YAML whose content says so. */
export const HOST_SOURCE_GLOBS: readonly string[] = [
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/.envrc',
  '**/docker-compose.yml',
  '**/docker-compose.yaml',
  '**/docker-compose.*.yml',
  '**/docker-compose.*.yaml',
  '**/compose.yml',
  '**/compose.yaml',
  '**/compose.*.yml',
  '**/compose.*.yaml',
  '**/*.service',
  '**/*.service.d/*.conf',
];

/**
 * The kind of host source a file is, judging by its name and, for YAML that is not a compose file,
 * by its content (`apiVersion:` and `kind:` make a Kubernetes manifest). Undefined: not a source.
 */
export function hostSourceKind(filePath: string, text?: string): HostSourceKind | undefined {
  const base = path.basename(filePath);
  const lower = base.toLowerCase();
  if (base === '.envrc') return 'envrc';
  if (base === '.env' || base.startsWith('.env.') || (lower.endsWith('.env') && base.length > 4)) return 'dotenv';
  if (/^(docker-)?compose(\.[^/]+)?\.ya?ml$/i.test(base)) return 'compose';
  if (lower.endsWith('.service') || (lower.endsWith('.conf') && /\.service\.d$/i.test(path.basename(path.dirname(filePath))))) return 'systemd';
  if (/\.ya?ml$/i.test(base) && text !== undefined && /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text)) return 'kubernetes';
  return undefined;
}

/**
 * Whether a source's text concerns wasmCloud at all, so a workspace full of unrelated `.env` files
 * and manifests stays quiet: it mentions a wasmCloud/wadm variable (or a near miss), a wasmCloud
 * image or program, or carries a nats-lattice pin.
 */
export function mentionsWasmcloud(text: string): boolean {
  if (/nats-lattice\s*:/.test(text)) return true;
  if (/wasmcloud|wadm/i.test(text)) return true;
  for (const match of text.matchAll(/\b([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)\s*[=:]/g)) {
    if (looksLikeWasmcloudName(match[1])) return true;
  }
  return false;
}

/** Reads any host source; a file that is not one yields no sources. Never throws. */
export function readHostSource(filePath: string, text: string, files?: SourceFiles, kind = hostSourceKind(filePath, text)): HostSourceResult {
  try {
    switch (kind) {
      case 'dotenv':
        return readDotenv(filePath, text);
      case 'envrc':
        return readEnvrc(filePath, text, files);
      case 'compose':
        return readCompose(filePath, text, files);
      case 'kubernetes':
        return readKubernetes(filePath, text);
      case 'systemd':
        return readSystemdUnit(filePath, text, files);
      default:
        return { sources: [], problems: [] };
    }
  } catch (error) {
    // Readers are written not to throw; if one does, the file is reported instead of crashing the server.
    return { sources: [], problems: [{ file: filePath, start: 0, end: 0, code: 'source-read-failed', message: `Could not read this file as a ${kind} host source: ${(error as Error).message}`, severity: 'warning' }] };
  }
}
