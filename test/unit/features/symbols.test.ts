import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { findDocumentSymbols } from '../../../server/src/features/symbols';
import { setup } from './helpers';

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v as number, k]));

/** One line per symbol, indented by depth: `name Kind [detail]`. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} ${KIND_NAMES.get(symbol.kind) ?? symbol.kind}${symbol.detail ? ` [${symbol.detail}]` : ''}`,
    ...outline(symbol.children ?? [], depth + 1),
  ]);
}

function outlines(input: string, expected: string[]) {
  it(`${JSON.stringify(input)}`, () => {
    const s = setup(input);
    const symbols = findDocumentSymbols(s.doc);
    assert.deepEqual(outline(symbols), expected);
    checkRanges(symbols);
  });
}

/** Every selection range lies inside its symbol's range, and children inside their parent. */
function checkRanges(symbols: DocumentSymbol[], parent?: DocumentSymbol) {
  const inside = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  for (const symbol of symbols) {
    assert.ok(inside(symbol.selectionRange, symbol.range), `${symbol.name}: selection outside range`);
    if (parent) assert.ok(inside(symbol.range, parent.range), `${symbol.name}: outside ${parent.name}`);
    checkRanges(symbol.children ?? [], symbol);
  }
}

describe('document symbols', () => {
  outlines('', []);
  outlines('port: 4222', ['port Number [4222]']);
  outlines('server_name: hub', ['server_name String [hub]']);
  outlines('debug: true', ['debug Boolean [true]']);
  outlines('x: 2024-01-31T12:00:00Z', ['x Constant [2024-01-31T12:00:00Z]']);
  outlines('ratio: 1.5', ['ratio Number [1.5]']);
  outlines('P = 1\nport: $P', ['P Number [1]', 'port Variable [$P]']);
  outlines('port: 4222\ndebug: true', ['port Number [4222]', 'debug Boolean [true]']);
  outlines('jetstream {\n  store_dir: "/data"\n  max_mem: 1G\n}', ['jetstream Object', '  store_dir String [/data]', '  max_mem Number [1G]']);
  outlines('jetstream: enabled', ['jetstream String [enabled]']);
  outlines('cluster { name: c, routes: [ "nats://a:6222", "nats://b:6222" ] }', [
    'cluster Object', '  name String [c]', '  routes Array [2 items]', '    [0] nats://a:6222 String', '    [1] nats://b:6222 String',
  ]);
  outlines('leafnodes {\n  remotes [\n    { url: "nats://hub:7422", account: APP }\n    { urls: ["nats://b:7422"] }\n    { account: SYS }\n    { credentials: "x.creds" }\n  ]\n}', [
    'leafnodes Object', '  remotes Array [4 items]',
    '    [0] nats://hub:7422 Object', '      url String [nats://hub:7422]', '      account String [APP]',
    '    [1] nats://b:7422 Object', '      urls Array [1 item]', '        [0] nats://b:7422 String',
    '    [2] SYS Object', '      account String [SYS]',
    '    [3] Object', '      credentials String [x.creds]',
  ]);
  outlines('authorization {\n  users: [\n    { user: alice, password: hunter2 }\n  ]\n}', [
    'authorization Object', '  users Array [1 item]', '    [0] alice Object', '      user String [alice]', '      password String [••••••]',
  ]);
  outlines('authorization { token: "abc" }', ['authorization Object', '  token String [••••••]']);
  outlines('authorization { pass: "abc" }', ['authorization Object', '  pass String [••••••]']);
  outlines('leafnodes { remotes: [ { nkey: SUAB } ] }', ['leafnodes Object', '  remotes Array [1 item]', '    [0] •••••• Object', '      nkey String [••••••]']);
  outlines('MY_SECRET = abc', ['MY_SECRET String [••••••]']);
  outlines('tls { key_file: "k.pem" }', ['tls Object', '  key_file String [k.pem]']);
  outlines('jetstream { key: abc }', ['jetstream Object', '  key String [••••••]']);
  outlines('include "a.conf"', ['include a.conf File']);
  outlines('cluster {\n  include "c.conf"\n}', ['cluster Object', '  include c.conf File']);
  outlines('accounts {\n  APP { users = [ { user: a } ] }\n  SYS {}\n}', [
    'accounts Object', '  APP Object', '    users Array [1 item]', '      [0] a Object', '        user String [a]', '  SYS Object',
  ]);
  outlines('a {\n  b {\n    c {\n      d: 1\n    }\n  }\n}', ['a Object', '  b Object', '    c Object', '      d Number [1]']);
  outlines('x: [ [1, 2 ], [3 ] ]', ['x Array [2 items]', '  [0] 2 items Array', '    [0] 1 Number', '    [1] 2 Number', '  [1] 1 item Array', '    [0] 3 Number']);
  outlines('text: (\n  a\n  b\n)', ['text String [a b]']);
  outlines('long: "' + 'x'.repeat(100) + '"', ['long String [' + 'x'.repeat(59) + '…]']);
  outlines('jetstream {\n  ma\n}', ['jetstream Object', '  ma Property']);
  outlines('port: 4222\nbroken: "\n', ['port Number [4222]', 'broken String']);
  outlines('{\n  port: 1\n}', ['port Number [1]']);
  outlines('"quoted key": 1', ['quoted key Number [1]']);
  outlines('mappings { "a.>": "b.>" }', ['mappings Object', '  a.> String [b.>]']);
  outlines('gateway { gateways: [ { name: B, urls: ["nats://b"] } ] }', ['gateway Object', '  gateways Array [1 item]', '    [0] B Object', '      name String [B]', '      urls Array [1 item]', '        [0] nats://b String']);
});
