// Go to definition: from `$variable` to the key that defines it, from an include path to the file.

import { Location, Position } from 'vscode-languageserver-types';
import { pathToUri } from '../uri';
import { ConfigDocument, FeatureContext, includeTarget, offsetOf } from './document';
import { chainAt, touches } from './nodeAt';
import { keyLocation } from './references';
import { definitionAt } from './scopes';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function findDefinition(doc: ConfigDocument, position: Position, ctx: FeatureContext): Location[] {
  const offset = offsetOf(doc, position);
  const chain = chainAt(doc.parsed.document.body, offset);
  const last = chain[chain.length - 1];
  if (last.type === 'include') {
    if (!touches(last.pathSpan, offset) && !touches(last.keyword, offset)) return [];
    const target = includeTarget(doc.file, last);
    return ctx.readFile(target) === undefined ? [] : [{ uri: pathToUri(target), range: FILE_START }];
  }
  const at = definitionAt(doc, offset, ctx);
  if (at?.kind !== 'reference' || at.definition?.kind !== 'key') return [];
  return [keyLocation(at.definition)];
}
