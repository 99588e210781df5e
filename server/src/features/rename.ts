// Renaming a variable: the defining key and every `$use` that resolves to it, across the files
// that see it. Keys that nats-server itself reads are not renamed: that would change the config.

import { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { ConfigDocument, FeatureContext, offsetOf, rangeOf } from './document';
import { optionOfKey } from './keyPath';
import { usesOf } from './references';
import { definitionAt, KeyDefinition } from './scopes';

export type RenameCheck = { range: Range; placeholder: string } | { reason: string };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Target = { definition: KeyDefinition; range: Range; placeholder: string } | { reason: string };

function renameTarget(doc: ConfigDocument, position: Position, ctx: FeatureContext): Target {
  const offset = offsetOf(doc, position);
  const at = definitionAt(doc, offset, ctx);
  if (!at) return { reason: 'Only variables can be renamed: place the cursor on a `$name` or on the key that defines it.' };
  if (at.kind === 'reference') {
    const name = at.variable.name;
    if (!at.definition) return { reason: `\`$${name}\` is not defined anywhere this file can see, so there is nothing to rename.` };
    if (at.definition.kind === 'env') return { reason: `\`$${name}\` comes from the environment variable ${name}; rename it where the environment is set.` };
    const problem = optionProblem(at.definition);
    if (problem) return { reason: problem };
    return { definition: at.definition, range: rangeOf(doc, at.variable.nameSpan), placeholder: name };
  }
  const definition = at.definition;
  if (usesOf(doc, definition, ctx).length === 0) {
    return { reason: `\`${definition.entry.key.name}\` is not used as a variable (no \`$${definition.entry.key.name}\` refers to it); only variables can be renamed.` };
  }
  const problem = optionProblem(definition);
  if (problem) return { reason: problem };
  return { definition, range: rangeOf(doc, keyNameSpan(definition)), placeholder: definition.entry.key.name };
}

/** A defining key that is also a nats-server option must keep its name. */
function optionProblem(definition: KeyDefinition): string | undefined {
  const resolved = optionOfKey(definition.doc.parsed.document.body, definition.entry);
  if (!resolved || resolved.userDefinedName) return undefined;
  return `\`${definition.entry.key.name}\` is also the nats-server option \`${resolved.canonicalPath.join('.')}\`; renaming it would change the configuration. Define a variable with a name of its own instead.`;
}

/** The key's name without its quotes. */
function keyNameSpan(definition: KeyDefinition) {
  const key = definition.entry.key;
  return key.quote ? { start: key.start + 1, end: key.end - 1 } : { start: key.start, end: key.end };
}

export function prepareRename(doc: ConfigDocument, position: Position, ctx: FeatureContext): RenameCheck {
  const target = renameTarget(doc, position, ctx);
  return 'reason' in target ? target : { range: target.range, placeholder: target.placeholder };
}

export type RenameResult = { edit: WorkspaceEdit } | { reason: string };

export function renameVariable(doc: ConfigDocument, position: Position, newName: string, ctx: FeatureContext): RenameResult {
  const target = renameTarget(doc, position, ctx);
  if ('reason' in target) return target;
  if (!VARIABLE_NAME.test(newName)) {
    return { reason: `\`${newName}\` cannot be a variable name: use letters, digits and _ only, starting with a letter or _ (e.g. ${suggestName(newName)}).` };
  }
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, range: Range) => (changes[uri] ??= []).push({ range, newText: newName });
  const { definition } = target;
  add(definition.doc.uri, rangeOf(definition.doc, keyNameSpan(definition)));
  for (const use of usesOf(doc, definition, ctx)) add(use.doc.uri, rangeOf(use.doc, use.variable.nameSpan));
  return { edit: { changes } };
}

function suggestName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=[0-9])/, '_');
  return cleaned && cleaned !== '_' ? cleaned : 'my_variable';
}
