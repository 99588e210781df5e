import type { DocumentSelector } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './names';

/** Host sources: env files, compose files, Kubernetes manifests and systemd units. */
export const hostSourcePatterns = [
  '**/{.env,*.env,.env.*,.envrc}',
  '**/{docker-compose,compose}*.{yml,yaml}',
  '**/*.{yml,yaml}',
  '**/*.service',
];

/**
 * The documents the language server is told about. NATS configs on every scheme, so untitled
 * buffers and virtual workspaces are checked as far as the server can without a disk; host
 * sources as files, so the lattice is cross-checked against what is being typed, before saving.
 */
export const documentSelector: DocumentSelector = [
  { language: LANGUAGE_ID },
  ...hostSourcePatterns.map((pattern) => ({ scheme: 'file', pattern })),
];

/**
 * Files whose changes on disk the server hears about (workspace/didChangeWatchedFiles) even when
 * they are not open: included configuration files and env files of the hosts that connect.
 */
export const watchedFilesGlob = '**/{*.conf,*.env,.env,.env.*,.envrc,*.yml,*.yaml,*.service,.nats-lattice.json}';
