// References of a `$variable`: every variable, in this file and in the files around it, that
// resolves to the same definition.

import { Location } from 'vscode-languageserver-types';
import { Position } from 'vscode-languageserver-types';
import { VariableNode } from '../syntax/tree';
import { ConfigDocument, FeatureContext, loadDocument, offsetOf, rangeOf } from './document';
import { variablesOf } from './nodeAt';
import { definitionAt, KeyDefinition, resolveVariable, sameDefinition, VariableDefinition } from './scopes';

export interface VariableUse {
  doc: ConfigDocument;
  variable: VariableNode;
}

/** The documents a definition can be seen from: its own file and every candidate file. */
function searchedDocuments(doc: ConfigDocument, definition: VariableDefinition, ctx: FeatureContext): ConfigDocument[] {
  const files = new Set<string>([doc.file, ...ctx.candidateFiles()]);
  if (definition.kind === 'key') files.add(definition.doc.file);
  const out: ConfigDocument[] = [];
  for (const file of files) {
    const loaded = file === doc.file ? doc : definition.kind === 'key' && file === definition.doc.file ? definition.doc : loadDocument(ctx, file);
    if (loaded) out.push(loaded);
  }
  return out;
}

/** Every variable that resolves to `definition`, in document order per file. */
export function usesOf(doc: ConfigDocument, definition: VariableDefinition, ctx: FeatureContext): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const searched of searchedDocuments(doc, definition, ctx)) {
    for (const { variable, chain } of variablesOf(searched.parsed.document.body)) {
      if (variable.name !== (definition.kind === 'env' ? definition.name : definition.entry.key.name)) continue;
      if (sameDefinition(resolveVariable(searched, chain, ctx), definition)) uses.push({ doc: searched, variable });
    }
  }
  return uses;
}

export function keyLocation(definition: KeyDefinition): Location {
  return { uri: definition.doc.uri, range: rangeOf(definition.doc, definition.entry.key) };
}

export function findReferences(doc: ConfigDocument, position: Position, ctx: FeatureContext, includeDeclaration = true): Location[] {
  const at = definitionAt(doc, offsetOf(doc, position), ctx);
  const definition = at?.definition;
  if (!definition) return [];
  const locations: Location[] = [];
  if (includeDeclaration && definition.kind === 'key') locations.push(keyLocation(definition));
  for (const use of usesOf(doc, definition, ctx)) locations.push({ uri: use.doc.uri, range: rangeOf(use.doc, use.variable) });
  return locations;
}
