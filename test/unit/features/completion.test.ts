import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { doComplete } from '../../../server/src/features/completion';
import { setup, SetupOptions } from './helpers';

interface Expect {
  /** Labels that must be offered. */
  has?: string[];
  /** Labels that must not be offered. */
  lacks?: string[];
  /** The exact labels, in order. */
  exactly?: string[];
  /** Text inserted by an item: label → newText. */
  inserts?: Record<string, string>;
  /** The text an item replaces (the same for all items): e.g. the partly typed key. */
  replaces?: string;
}

/** Completes at `|` and compares the offered labels (and a few inserted texts) with `expected`. */
function completes(input: string, expected: Expect, options: SetupOptions = {}) {
  const summary = expected.exactly ? `exactly ${expected.exactly.join(', ') || 'nothing'}` : [
    ...(expected.has ?? []).map((l) => `+${l}`), ...(expected.lacks ?? []).map((l) => `-${l}`),
  ].join(' ');
  it(`${JSON.stringify(input)} → ${summary}`, () => {
    const s = setup(input, options);
    const items = doComplete(s.doc, s.position, s.ctx).items;
    const labels = items.map((item) => item.label);
    if (expected.exactly) assert.deepEqual(labels, expected.exactly);
    for (const label of expected.has ?? []) assert.ok(labels.includes(label), `missing ${label} in ${labels.join(', ')}`);
    for (const label of expected.lacks ?? []) assert.ok(!labels.includes(label), `must not offer ${label}`);
    for (const [label, text] of Object.entries(expected.inserts ?? {})) {
      const item = items.find((i: CompletionItem) => i.label === label);
      assert.ok(item, `missing ${label}`);
      assert.equal((item.textEdit as TextEdit).newText, text);
    }
    if (expected.replaces !== undefined) {
      for (const item of items) {
        const range = (item.textEdit as TextEdit).range;
        const replaced = s.doc.parsed.text.slice(s.doc.lines.offsetAt(range.start), s.doc.lines.offsetAt(range.end));
        assert.equal(replaced, expected.replaces, `${item.label} replaces ${JSON.stringify(replaced)}`);
      }
    }
  });
}

describe('completion: keys of the top level', () => {
  completes('|', { has: ['port', 'jetstream', 'cluster', 'leafnodes', 'authorization', 'accounts', 'server_name', 'debug'] });
  completes('po|', { has: ['port'], replaces: 'po' });
  completes('p|o', { has: ['port'], replaces: 'po' });
  completes('port: 4222\n|', { lacks: ['port'], has: ['host', 'debug'] });
  completes('port: 4222\n|\ndebug: true', { lacks: ['port', 'debug'] });
  completes('net: 0.0.0.0\n|', { lacks: ['host'], has: ['port'] }, );
  completes('NET: 0.0.0.0\n|', { lacks: ['host'] });
  completes('pidfile: "a"\n|', { lacks: ['pid_file'] });
  completes('listen: 4222; |', { has: ['host'], lacks: ['listen'] });
  completes('  |', { has: ['port'] });
  completes('# a comment\n|', { has: ['port'] });
  completes('port: 4222 # po|', { exactly: [] });
  completes('# po|', { exactly: [] });
  completes('port: 4222 |', { exactly: [] });
  completes('ma|', { has: ['max_payload', 'max_connections'] });
});

describe('completion: key skeletons', () => {
  completes('|', { inserts: {
    jetstream: 'jetstream {\n\t$0\n}',
    cluster: 'cluster {\n\t$0\n}',
    debug: 'debug: ${1|true,false|}',
    port: 'port: ${1:4222}',
    server_name: 'server_name: "$1"',
    max_payload: 'max_payload: ${1:1048576}',
    ping_interval: 'ping_interval: "${1:2m}"',
    host: 'host: "${1:0.0.0.0}"',
    listen: 'listen: "${1:0.0.0.0:4222}"',
  } });
  completes('a = 1\nb = 2\n|', { inserts: { debug: 'debug = ${1|true,false|}', port: 'port = ${1:4222}' } });
  completes('a: 1\nb = 2\n|', { inserts: { debug: 'debug: ${1|true,false|}' } });
  completes('jetstream {\n  |\n}', { inserts: {
    cipher: 'cipher: ${1|chachapoly,chacha,aes|}',
    extension_hint: 'extension_hint: ${1|will_extend,no_extend|}',
    limits: 'limits {\n\t$0\n}',
    enabled: 'enabled: ${1|true,false|}',
  } });
  completes('authorization {\n  |\n}', { inserts: { users: 'users: [\n\t{\n\t\t$0\n\t}\n]' } });
  completes('cluster {\n  |\n}', { inserts: { routes: 'routes: [ $0 ]' } });
  completes('write_timeout: close\n|', { has: ['debug'], lacks: ['write_timeout'] });
});

describe('completion: keys of nested blocks', () => {
  completes('jetstream {\n  |\n}', { has: ['store_dir', 'max_memory_store', 'max_file_store', 'domain', 'cipher'], lacks: ['port', 'cluster'] });
  completes('jetstream {\n  ma|\n}', { has: ['max_memory_store'], replaces: 'ma' });
  completes('jetstream {\n  max_mem: 1G\n  |\n}', { lacks: ['max_memory_store'], has: ['max_file_store'] });
  completes('jetstream {\n  store_dir: "/data"\n  |\n}', { lacks: ['store_dir'] });
  completes('jetstream { store: "/data"; | }', { lacks: ['store_dir'] });
  completes('jetstream {\n  limits {\n    |\n  }\n}', { has: ['max_ack_pending', 'duplicate_window'], lacks: ['store_dir'] });
  completes('cluster {\n  |\n}', { has: ['name', 'listen', 'routes', 'authorization', 'tls'], lacks: ['jetstream'] });
  completes('cluster {\n  name: c\n  |\n}', { lacks: ['name'], has: ['routes'] });
  completes('cluster { |', { has: ['name', 'routes'] });
  completes('cluster {\n  |', { has: ['name', 'routes'] });
  completes('gateway {\n  |\n}', { has: ['name', 'gateways'] });
  completes('leafnodes {\n  |\n}', { has: ['remotes', 'listen', 'port'] });
  completes('leafnodes {\n  remotes [\n    {\n      |\n    }\n  ]\n}', { has: ['url', 'account', 'credentials'], lacks: ['remotes', 'port'] });
  completes('leafnodes {\n  remotes [\n    { url: "nats://a", | }\n  ]\n}', { has: ['account'], lacks: ['url'] });
  completes('leafnodes {\n  remotes [\n    { urls: ["nats://a"] }\n    { | }\n  ]\n}', { has: ['url'] });
  completes('leafnodes {\n  remotes [\n    { urls: ["nats://a"], | }\n  ]\n}', { lacks: ['url'] });
  completes('authorization {\n  |\n}', { has: ['user', 'password', 'token', 'users', 'timeout'] });
  completes('authorization {\n  users [\n    { |\n  ]\n}', { has: ['user', 'password', 'permissions'] });
  completes('authorization {\n  users [\n    { user: a, | }\n  ]\n}', { has: ['password'], lacks: ['user'] });
  completes('accounts {\n  APP {\n    |\n  }\n}', { has: ['users', 'jetstream', 'exports', 'imports'] });
  completes('accounts {\n  |\n}', { lacks: ['users', 'port', 'jetstream'] });
  completes('accounts {\n  APP {\n    users [ { user: a, | } ]\n  }\n}', { has: ['password'] });
  completes('tls {\n  |\n}', { has: ['cert_file', 'key_file', 'ca_file', 'verify'] });
  completes('cluster {\n  tls {\n    |\n  }\n}', { has: ['cert_file'] });
  completes('websocket {\n  |\n}', { has: ['port', 'no_tls'] });
  completes('mqtt {\n  |\n}', { has: ['port'] });
  completes('unknown {\n  |\n}', { exactly: [] });
  completes('debug: true\njetstream {\n  |\n}', { has: ['store_dir'] });
  completes('jetstream {\n  |\n}\ncluster {\n}', { has: ['store_dir'] });
});

describe('completion: values', () => {
  completes('debug: |', { exactly: ['true', 'false'] });
  completes('debug = |', { exactly: ['true', 'false'] });
  completes('debug |', { exactly: ['true', 'false'] });
  completes('debug: t|', { exactly: ['true', 'false'], replaces: 't' });
  completes('debug: tr|ue', { exactly: ['true', 'false'], replaces: 'true' });
  completes('jetstream {\n  cipher: |\n}', { has: ['chachapoly', 'chacha', 'aes'], lacks: ['true'] });
  completes('jetstream {\n  cipher: a|\n}', { has: ['aes'], replaces: 'a' });
  completes('jetstream: |', { has: ['true', 'false', 'enabled', 'disabled', '{…}'] });
  completes('jetstream: |', { inserts: { '{…}': '{\n\t$0\n}' } });
  completes('write_timeout: |', { has: ['default', 'close', 'retry'] });
  completes('port: |', { has: ['4222'] });
  completes('server_name: |', { exactly: [] });
  completes('X = 1\nserver_name: |', { exactly: ['$X'] });
  completes('X = 1\ndebug: |', { exactly: ['true', 'false', '$X'] });
  completes('jetstream {\n  cipher: "a|"\n}', { has: ['aes'], lacks: ['$X'] });
  completes('nonsense: |', { exactly: [] });
  completes('jetstream {\n  enabled: |\n}', { has: ['true', 'false'] });
  completes('jetstream {\n  store_dir: "/d"\n}\ndebug: |', { exactly: ['true', 'false'] });
  completes('debug: true\nlogtime: |', { exactly: ['true', 'false'] });
});

describe('completion: variables', () => {
  completes('X = 1\nport: $|', { exactly: ['$X'], replaces: '$' });
  completes('X = 1\nport: $X|', { exactly: ['$X'], replaces: '$X' });
  completes('X = 1\nport: $|X', { exactly: ['$X'], replaces: '$X' });
  completes('X = 1\nY = 2\nport: $|', { exactly: ['$Y', '$X'] });
  completes('port: $|\nX = 1', { exactly: [] });
  completes('c { X = 1 }\nport: $|', { exactly: ['$c'] });
  completes('debug: true\nport: $|', { exactly: [] });
  completes('X = 1\nc { Y = 2\n  port: $| }', { has: ['$X', '$Y'] });
  completes('X = 1\nc { X = 2\n  port: $| }', { exactly: ['$X'] });
  completes('port: $|', { exactly: ['$HOME_PORT'] }, { env: { HOME_PORT: '4222' } });
  completes('X = 1\nport: $|', { exactly: ['$X'] }, { env: { X: '2' } });
  completes('include "vars.conf"\nport: $|', { exactly: ['$P'] }, { files: { 'vars.conf': 'P = 5222\n' } });
  completes('routes: [ $| ]', { exactly: [] });
  completes('R = "nats://a"\nroutes: [ $| ]', { exactly: ['$R'] });
  completes('R = 1\nx { y [ { z: $| } ] }', { exactly: ['$R'] });
  completes('A = 1\nB = $|', { exactly: ['$A'] });
});

describe('completion: include paths', () => {
  const files = { 'a.conf': '', 'b.conf': '', 'notes.txt': '', 'sub/c.conf': '', '.hidden.conf': '' };
  completes('include "|', { exactly: ['a.conf', 'b.conf', 'notes.txt', 'sub/'] }, { files });
  completes('include "|"', { has: ['a.conf', 'sub/'], replaces: '' }, { files });
  completes('include "a|"', { has: ['a.conf'], replaces: 'a' }, { files });
  completes('include |', { has: ['a.conf', 'sub/'] }, { files });
  completes('include "sub/|"', { exactly: ['c.conf'], replaces: '' }, { files });
  completes("include 'sub/c|'", { exactly: ['c.conf'], replaces: 'c' }, { files });
  completes('include "nothing/|"', { exactly: [] }, { files });
  completes('include ".|"', { has: ['.hidden.conf'] }, { files });
  completes('cluster {\n  include "|"\n}', { has: ['a.conf'] }, { files });
  completes('include "|"', { lacks: ['nats.conf'] }, { files });
});
