// Cases from nats-server's own conf tests (lex_test.go, parse_test.go), in our words, plus the
// NUL-character rule (nats-server's lexer uses NUL as its end-of-file marker).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectValues, expectErrorOnLine, expectWarnings, parse } from './helpers';

describe('nats-server conf test cases', () => {
  it('string starting with a number', () => expectValues('foo = 3xyz', { foo: '3xyz' }));
  it('latin-1 byte escape becomes U+FFFD', () => expectValues('foo = \\xe9', { foo: '\ufffd' }));
  it('escaped dollar is not a variable', () => expectValues('foo = \\\\$var', { foo: '\\$var' }));
  it('simple top level', () => expectValues('foo=\'1\'; bar=2.2; baz=true; boo=22', { foo: '1', bar: 2.2, baz: true, boo: 22n }));
  it('double nested maps with new lines', () => expectValues('foo  {\n  bar {\n    baz = 1\n  }\n\n  quux {\n    bar = 2\n  }\n}\n', { foo: { bar: { baz: 1n }, quux: { bar: 2n } } }));
  it('special characters in quoted map keys', () => expectValues('foo = {"bar-1.2@3": 1, \'baz:x\': 2}', { foo: { 'bar-1.2@3': 1n, 'baz:x': 2n } }));
  it('sample: cluster with routes and authorization', () => expectValues(
    'cluster {\n  port: 4244\n\n  authorization {\n    user: route_user\n    password: top_secret\n    timeout: 1\n  }\n\n  # Routes are actively solicited and connected to from this server.\n  routes = [\n    nats-route://foo:bar@apcera.me:4245\n    nats-route://foo:bar@apcera.me:4246\n  ]\n}\n',
    { cluster: { port: 4244n, authorization: { user: 'route_user', password: 'top_secret', timeout: 1n }, routes: ['nats-route://foo:bar@apcera.me:4245', 'nats-route://foo:bar@apcera.me:4246'] } }));
  it('sample: authorization with users', () => expectValues(
    'port: 4222\nhttp_port: 8222\n\nauthorization {\n  ADMIN_PASS = "$2a$10$x"\n  users = [\n    {user: admin, password: $ADMIN_PASS}\n    {user: alice, password: "x", permissions: { publish: ">" }}\n  ]\n}\n',
    { port: 4222n, http_port: 8222n, authorization: { ADMIN_PASS: '$2a$10$x', users: [{ user: 'admin', password: '$2a$10$x' }, { user: 'alice', password: 'x', permissions: { publish: '>' } }] } }));
  it('JSON with a comma-less line', () => expectValues('{\n  "jetstream": {\n    "store_dir": "/tmp/nats"\n    "max_mem": 1000000,\n  },\n  "port": 4222,\n  "server_name": "nats1"\n}\n',
    { jetstream: { store_dir: '/tmp/nats', max_mem: 1000000n }, port: 4222n, server_name: 'nats1' }));
  it('top-line values in block scope', () => expectValues('\n{\n  "debug":              False\n  "prof_port":          8221\n  "server_name":        "aws-useast2-natscj1-1"\n}\n',
    { debug: false, prof_port: 8221n, server_name: 'aws-useast2-natscj1-1' }));
  it('no infinite loop on binary junk', () => {
    expectErrorOnLine('A@@Føøøø?˛ø:{øøøø˙˙', 1, 'unexpected-eof');
    expectErrorOnLine('include "9/\ufffd', 1);
  });
  it('dangling double quote in a value', () => expectErrorOnLine('listen: "localhost:4242', 1, 'unterminated-string'));
  it('dangling quote in a key', () => expectErrorOnLine('"listen: localhost:4242', 1, 'unterminated-key'));
  it('dangling map bracket', () => expectErrorOnLine('listen: 4222\n\ncluster {\n\n  port: 4242\n', 6));
  it('dangling block paren', () => expectErrorOnLine('listen: 4222\n\nquote = (\nfoo\n', 5));
  it('untrimmed key without value', () => expectErrorOnLine('     aaaaaaaaaaaaaaaaaaaaaaaaaaa         ', 1, 'missing-value'));
  it('key after comments without value', () => expectErrorOnLine('\n# with comments\n# too\naaaaaaaaa\n   ', 5, 'missing-value'));
  it('empty and comment-only files are valid', () => {
    expectValues('\n\n\n   ', {});
    expectValues('\n  # just comments\n  # still valid\n', {});
  });
});

describe('NUL characters act as the end of the file', () => {
  it('NUL after a value ends it like a terminator', () => expectValues('a = 1\u0000b = 2', { a: 1n, b: 2n }));
  it('NUL after a key leaves it without value', () => expectErrorOnLine('a\u0000= 1', 1, 'missing-value'));
  it('NUL in a comment, then more text', () => expectErrorOnLine('# c\u0000d\nport = 4222', 1));
  it('NUL in a double-quoted string', () => expectErrorOnLine('a = "x\u0000y"', 1));
  it('NUL is reported as a warning when accepted', () => {
    const r = parse('a = 1\u0000b = 2');
    assert.deepEqual(r.warnings.map((w) => w.code), ['nul-character']);
  });
  it('NUL at the start of a line is an error on that line', () => expectErrorOnLine('a = 1\n\u0000junk', 2, 'unexpected-eof'));
  it('text after a NUL where nats-server stops is only a warning', () => expectWarnings('a = 1\n"\u0000junk', ['stray-quote', 'nul-character']));
});
