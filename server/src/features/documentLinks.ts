// Every include path is a link to the file it names.

import { DocumentLink } from 'vscode-languageserver-types';
import { pathToUri } from '../uri';
import { ConfigDocument, FeatureContext, includeTarget, rangeOf } from './document';
import { walk } from './nodeAt';

export function findDocumentLinks(doc: ConfigDocument, ctx: FeatureContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  walk(doc.parsed.document.body, (node) => {
    if (node.type !== 'include' || !node.path) return;
    const target = includeTarget(doc.file, node);
    const exists = ctx.readFile(target) !== undefined;
    links.push({
      range: rangeOf(doc, node.pathSpan),
      target: pathToUri(target),
      tooltip: exists ? `Open ${target}` : `${target} does not exist (yet)`,
    });
  });
  return links;
}
