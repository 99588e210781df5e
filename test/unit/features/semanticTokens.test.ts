import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  encodeSemanticTokens, getSemanticTokens, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokensOf, SEMANTIC_TOKENS_LEGEND,
} from '../../../server/src/features/semanticTokens';
import { setup, SetupOptions } from './helpers';

/** Each token as `type.modifier «text»`, in text order. */
function tokensOf(text: string, options: SetupOptions = {}): string[] {
  const s = setup(text, options);
  return semanticTokensOf(s.doc, s.ctx).map((t) => [t.type, ...t.modifiers].join('.') + ` «${text.slice(t.start, t.end)}»`);
}

function expectTokens(name: string, text: string, expected: string[], options: SetupOptions = {}) {
  it(name, () => assert.deepEqual(tokensOf(text, options), expected));
}

describe('semantic tokens', () => {
  expectTokens('known options are properties, at any depth', 'port: 4222\njetstream { store_dir: "/js" }', [
    'property «port»', 'property «jetstream»', 'property «store_dir»',
  ]);
  expectTokens('aliases are known options too', 'leaf { remotes: [ { urls: ["nats-leaf://h:7422"] } ] }', [
    'property «leaf»', 'property «remotes»', 'property «urls»',
  ]);
  expectTokens('an unknown key defines a variable; $name refers to it', 'TOKEN: "s3cr3t"\nauthorization { token: $TOKEN }', [
    'variable.declaration «TOKEN»', 'property «authorization»', 'property «token»', 'variable «$TOKEN»',
  ]);
  expectTokens('a key unknown in its block is a variable declaration, not a property', 'cluster { nmae: c1 }', [
    'property «cluster»', 'variable.declaration «nmae»',
  ]);
  expectTokens('names the user chooses (accounts) are namespaces', 'accounts { APP: { users: [ { user: a, password: b } ] } }', [
    'property «accounts»', 'namespace.declaration «APP»', 'property «users»', 'property «user»', 'property «password»',
  ]);
  expectTokens('a deprecated option is marked deprecated', 'mqtt { port: 1883, consumer_replicas: 1 }', [
    'property «mqtt»', 'property «port»', 'property.deprecated «consumer_replicas»',
  ]);
  expectTokens('a variable from the environment is marked defaultLibrary', 'port: $NATS_PORT', [
    'property «port»', 'variable.defaultLibrary «$NATS_PORT»',
  ], { env: { NATS_PORT: '4222' } });
  expectTokens('an unresolved variable is still a variable', 'port: $MISSING', ['property «port»', 'variable «$MISSING»']);
  expectTokens('include is a keyword', 'include ./auth.conf\nport: 4222', ['keyword «include»', 'property «port»']);
  expectTokens('bcrypt hashes are not variables', 'authorization { user: a, password: $2a$11$abcdefghijklmnopqrstuv }', [
    'property «authorization»', 'property «user»', 'property «password»',
  ]);
  expectTokens('broken text still gets tokens for what parsed', 'port: 4222\njetstream {\n  store_dir: "/js"\n', [
    'property «port»', 'property «jetstream»', 'property «store_dir»',
  ]);

  it('the legend lists the standard types and modifiers the tokens use', () => {
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenTypes, [...SEMANTIC_TOKEN_TYPES]);
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenModifiers, [...SEMANTIC_TOKEN_MODIFIERS]);
  });

  it('encodes as LSP relative data: line delta, start delta, length, type, modifier bits', () => {
    const s = setup('port: 4222\n  X: 1  # x\nmqtt { consumer_replicas: 1 }');
    const { data } = getSemanticTokens(s.doc, s.ctx);
    const type = (name: string) => SEMANTIC_TOKEN_TYPES.indexOf(name as never);
    const bit = (name: string) => 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(name as never);
    assert.deepEqual(data, [
      0, 0, 4, type('property'), 0,
      1, 2, 1, type('variable'), bit('declaration'),
      1, 0, 4, type('property'), 0,
      0, 7, 17, type('property'), bit('deprecated'),
    ]);
  });

  it('leaves out a token that would span lines', () => {
    const s = setup('port: 1');
    assert.deepEqual(encodeSemanticTokens(s.doc, [{ start: 0, end: 7, type: 'property', modifiers: [] }]).data, [0, 0, 7, 0, 0]);
    const multi = setup('a\nb');
    assert.deepEqual(encodeSemanticTokens(multi.doc, [{ start: 0, end: 3, type: 'property', modifiers: [] }]).data, []);
  });
});
