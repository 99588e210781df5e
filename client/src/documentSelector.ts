import type { DocumentSelector } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './names';

/**
 * The documents the language server is told about. Every scheme, so untitled buffers and virtual
 * workspaces are checked as far as the server can without a disk.
 *
 * wasmCloud host env files join here once the server checks them as open documents, e.g.
 * `{ pattern: '**\/*.env' }` or a `wasmcloud-env` language id.
 */
export const documentSelector: DocumentSelector = [{ language: LANGUAGE_ID }];

/**
 * Files whose changes on disk the server hears about (workspace/didChangeWatchedFiles) even when
 * they are not open: included configuration files and env files of the hosts that connect.
 */
export const watchedFilesGlob = '**/{*.conf,*.env,.env,.env.*}';
