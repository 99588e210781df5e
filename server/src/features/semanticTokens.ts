// Semantic tokens: what the grammar cannot know. A key nats-server reads as an option is a
// `property` (struck through when deprecated); a name the user chooses where the table allows any
// (account names, mapping subjects) a `namespace`; any other key is only a variable definition to
// nats-server, so it is a `variable` with `declaration`; `$name` is a `variable` reference, with
// `defaultLibrary` when it is taken from the environment. Standard types and modifiers only, so
// every theme colours them.

import { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import { findOption } from '../facts/optionLookup';
import { ConfigDocument, FeatureContext } from './document';
import { pathOf } from './keyPath';
import { Chain, walk } from './nodeAt';
import { isBcryptHash, resolveVariable } from './scopes';

export const SEMANTIC_TOKEN_TYPES = ['property', 'variable', 'namespace', 'keyword'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'deprecated', 'defaultLibrary'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

/** One token before encoding: offsets into the document's text. */
export interface SemanticToken {
  start: number;
  end: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/** The tokens of a whole document, in text order. */
export function semanticTokensOf(doc: ConfigDocument, ctx: FeatureContext): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  walk(doc.parsed.document.body, (node, ancestors) => {
    if (node.type === 'include') {
      tokens.push({ start: node.keyword.start, end: node.keyword.end, type: 'keyword', modifiers: [] });
    } else if (node.type === 'entry') {
      const chain: Chain = [...ancestors, node];
      const found = findOption(pathOf(chain));
      if (!found) tokens.push({ start: node.key.start, end: node.key.end, type: 'variable', modifiers: ['declaration'] });
      else if (found.userDefinedName) tokens.push({ start: node.key.start, end: node.key.end, type: 'namespace', modifiers: ['declaration'] });
      else tokens.push({ start: node.key.start, end: node.key.end, type: 'property', modifiers: found.option.deprecated ? ['deprecated'] : [] });
    } else if (node.type === 'variable' && !isBcryptHash(node)) {
      const definition = resolveVariable(doc, [...ancestors, node], ctx);
      tokens.push({ start: node.start, end: node.end, type: 'variable', modifiers: definition?.kind === 'env' ? ['defaultLibrary'] : [] });
    }
  });
  return tokens.sort((a, b) => a.start - b.start);
}

/** The LSP encoding: five numbers per token, line and start relative to the previous token. */
export function encodeSemanticTokens(doc: ConfigDocument, tokens: readonly SemanticToken[]): SemanticTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const token of tokens) {
    const start = doc.lines.positionAt(token.start);
    const end = doc.lines.positionAt(token.end);
    // Keys and variables never span lines; a token that does (broken input) is left out.
    if (end.line !== start.line || token.end <= token.start) continue;
    const deltaLine = start.line - previousLine;
    data.push(
      deltaLine,
      deltaLine === 0 ? start.character - previousCharacter : start.character,
      end.character - start.character,
      SEMANTIC_TOKEN_TYPES.indexOf(token.type),
      token.modifiers.reduce((bits, modifier) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(modifier)), 0),
    );
    previousLine = start.line;
    previousCharacter = start.character;
  }
  return { data };
}

export function getSemanticTokens(doc: ConfigDocument, ctx: FeatureContext): SemanticTokens {
  return encodeSemanticTokens(doc, semanticTokensOf(doc, ctx));
}
