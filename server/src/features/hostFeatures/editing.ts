// The host-source features as the language service offers them: LSP documents and positions in,
// LSP answers out. The lattice analysis is passed in by the caller (the server keeps one for the
// workspace), so every answer agrees with the diagnostics it publishes.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionList, Hover, Location, Position } from 'vscode-languageserver-types';
import { FileSystem } from '../../fileSystem';
import { HostDefaults } from '../../lattice/hosts';
import { hostSourceKind } from '../../sources/discover';
import { LatticeAnalysis } from '../../workspace/latticeAnalysis';
import { completeHostSource } from './completion';
import { HostDocument, openHostDocument } from './context';
import { hoverHostSource } from './hover';
import { findDomainReferences, findHostDefinition, findHostReferences } from './navigation';

export interface HostEditingFeatures {
  /** Whether a document is a wasmCloud host source (env file, compose file, …) the features below understand. */
  isHostSourceDocument(document: TextDocument): boolean;
  /** A variable's documentation; for addresses and domains, where they lead in the lattice. */
  doHostHover(document: TextDocument, position: Position, analysis: LatticeAnalysis): Hover | null;
  /** Variable names the program reads, values from the workspace and the table. */
  doHostComplete(document: TextDocument, position: Position, analysis: LatticeAnalysis): CompletionList;
  /** Domain value → the servers' `domain:` lines; NATS address → the listener. */
  findHostDefinition(document: TextDocument, position: Position, analysis: LatticeAnalysis): Location[];
  /** Domain value → every server serving it and every host using it. */
  findHostReferences(document: TextDocument, position: Position, includeDeclaration: boolean, analysis: LatticeAnalysis): Location[];
  /** In a NATS config, on a `domain:` value: every host that uses that domain (plus the servers, with the declaration). */
  findLatticeReferences(document: TextDocument, position: Position, includeDeclaration: boolean, analysis: LatticeAnalysis): Location[];
}

export interface HostEditingHost {
  fs: FileSystem;
  fileOf(uri: string): string;
  defaults(): HostDefaults;
}

export function createHostEditingFeatures(host: HostEditingHost): HostEditingFeatures {
  function open(document: TextDocument, analysis: LatticeAnalysis): HostDocument | undefined {
    const file = host.fileOf(document.uri);
    const text = document.getText();
    return openHostDocument(file, text, { analysis, readFile: (f) => (f === file ? text : host.fs.readFile(f)), defaults: host.defaults() });
  }
  return {
    isHostSourceDocument: (document) => hostSourceKind(host.fileOf(document.uri), document.getText()) !== undefined,
    doHostHover(document, position, analysis) {
      const doc = open(document, analysis);
      return doc ? hoverHostSource(doc, document.offsetAt(position)) : null;
    },
    doHostComplete(document, position, analysis) {
      const doc = open(document, analysis);
      return doc ? completeHostSource(doc, document.offsetAt(position)) : { isIncomplete: false, items: [] };
    },
    findHostDefinition(document, position, analysis) {
      const doc = open(document, analysis);
      return doc ? findHostDefinition(doc, document.offsetAt(position)) : [];
    },
    findHostReferences(document, position, includeDeclaration, analysis) {
      const doc = open(document, analysis);
      return doc ? findHostReferences(doc, document.offsetAt(position), includeDeclaration) : [];
    },
    findLatticeReferences(document, position, includeDeclaration, analysis) {
      const file = host.fileOf(document.uri);
      const text = document.getText();
      return findDomainReferences(analysis, file, document.offsetAt(position), includeDeclaration, (f) => (f === file ? text : host.fs.readFile(f)));
    },
  };
}
