// One short case per behaviour of each option rule: the marked range must carry the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectNoError, expectProblem, run, unmark, ROOT_FILE, CaseOptions } from './helpers';
import { checkValue, passesQuietly } from '../../../../server/src/rules/options/valueCheck';
import { parse } from '../../../../server/src/syntax/parser';
import { BLOCKS } from '../../../../server/src/facts/natsOptions';
import type { ValueType } from '../../../../server/src/facts/optionTypes';

type Case = [marked: string, code: string, options?: CaseOptions];
const v2910: CaseOptions = { version: '2.9.10' };

const cases: Case[] = [
  // unknown keys, with "did you mean"
  ['«prot»: 4222', 'unknown-key'],
  ['«monitor_prt»: 8222', 'unknown-key'],
  ['cluster {\n  «rotes»: []\n}', 'unknown-key'],
  ['leafnodes { remotes: [ { url: "nats://a:7422", «acount»: A } ] }', 'unknown-key'],
  ['jetstream { «max_memory»: 1GB }', 'unknown-key'],
  ['tls { «verfy»: true }', 'unknown-key'],
  ['accounts { A { «user»: [] } }', 'unknown-key'],
  ['authorization { users: [ { user: a, «pasword»: b } ] }', 'unknown-key'],
  ['websocket { «no_tsl»: true }', 'unknown-key'],
  ['mqtt { «prot»: 1883 }', 'unknown-key'],
  ['«totally_unrelated_thing»: 1', 'unknown-key'],
  ['cluster { authorization { «tokn»: x } }', 'unknown-key'],
  ['TLS = { «verfy»: true }\ntls: $TLS', 'unknown-key'],
  ['ocsp { «Mode»: always }', 'unknown-key'],
  // unused variables (unknown fields to nats-server)
  ['«PORT_NUMBER» = 4222\nport: 4222', 'unused-variable'],
  ['«ADMIN» = { publish: ">" }', 'unused-variable'],
  ['P = 4222\nport: $P\n«P» = 4223', 'unused-variable'],
  ['cluster { «HOSTNAME» = a\n port: 6222 }', 'unused-variable'],
  // keys newer than the target
  ['«server_metadata» { region: eu }', 'key-newer-than-target', v2910],
  ['cluster { port: 6222, «pool_size»: 3 }', 'key-newer-than-target', v2910],
  ['tls { «min_version»: "1.3" }', 'key-newer-than-target', v2910],
  ['tls { «certs»: [] }', 'key-newer-than-target', v2910],
  ['gateway { name: a, «connect_backoff»: true }', 'key-newer-than-target', v2910],
  ['accounts { A { exports: [ { service: s, «allow_trace»: true } ] } }', 'key-newer-than-target', v2910],
  ['«feature_flags» { x: true }', 'key-newer-than-target', { version: '2.13.0' }],
  ['«logfile_max_num»: 3', 'key-newer-than-target', { version: '2.9.25' }],
  ['authorization { «auth_callout» { issuer: x } }', 'key-newer-than-target', v2910],
  // deprecated keys
  ['mqtt { «consumer_replicas»: 1 }', 'deprecated-key'],
  // wrong kinds
  ['port: «"4222"»', 'invalid-value-type'],
  ['port: «4222.5»', 'invalid-value-type'],
  ['port: «true»', 'invalid-value-type'],
  ['server_name: «42»', 'invalid-value-type'],
  ['debug: «1»', 'invalid-value-type'],
  ['cluster { routes: «"nats://a:6222"» }', 'invalid-value-type'],
  ['max_payload: «"1MB"»', 'invalid-value-type'],
  ['lame_duck_duration: «30»', 'invalid-value-type'],
  ['authorization { users: «{ user: a }» }', 'invalid-value-type'],
  ['accounts { A { users: [ { user: a, password: «1» } ] } }', 'invalid-value-type'],
  ['tls: «true»', 'invalid-value-type'],
  ['cluster: «6222»', 'invalid-value-type'],
  ['jetstream { store_dir: «[]» }', 'invalid-value-type'],
  ['accounts { A: «1» }', 'invalid-value-type'],
  ['authorization { users: [ «1» ] }', 'invalid-value-type'],
  ['debug: «2024-01-01T00:00:00Z»', 'invalid-value-type'],
  ['P = "4222"\nport: «$P»', 'invalid-value-type'],
  ['port: «$P»', 'invalid-value-type', { env: { P: '"x"' } }],
  ['resolver { type: full, dir: "./jwt", limit: «"x"» }', 'invalid-value-type'],
  ['mqtt { max_ack_pending: «"1"» }', 'invalid-value-type'],
  // quoted booleans
  ['debug: «"true"»', 'quoted-boolean'],
  ['tls { verify: «"yes"» }', 'quoted-boolean'],
  ['cluster { no_advertise: «"false"» }', 'quoted-boolean'],
  ['jetstream: «"true"»', 'quoted-boolean'],
  // enums
  ['jetstream: «"foo"»', 'invalid-enum-value'],
  ['accounts { A { exports: [ { service: s, response_type: «many» } ] } }', 'invalid-enum-value'],
  ['authorization { users: [ { user: a, allowed_connection_types: ["STANDARD", «"PIGEON"»] } ] }', 'invalid-enum-value'],
  ['tls { curve_preferences: [ «"P-256"» ] }', 'invalid-enum-value'],
  ['tls { cipher_suites: [ «"BAD_CIPHER"» ] }', 'invalid-enum-value'],
  ['tls { cipher_suites: [ «"tls_aes_128_gcm_sha256"» ] }', 'invalid-enum-value'],
  ['cluster { compression: «"s2_turbo"» }', 'invalid-enum-value'],
  ['write_timeout: «"Close"»', 'invalid-enum-value'],
  ['ocsp { mode: «sometimes» }', 'invalid-enum-value'],
  ['jetstream { cipher: «rot13» }', 'invalid-enum-value'],
  // ranges
  ['max_sub_tokens: «300»', 'value-out-of-range'],
  ['max_sub_tokens: «0»', 'value-out-of-range'],
  ['mqtt { max_ack_pending: «70000» }', 'value-out-of-range'],
  ['jetstream { max_concurrent_io: «2» }', 'value-out-of-range'],
  ['mappings { "a.*": [ { destination: "b.$1", weight: «101» } ] }', 'value-out-of-range'],
  // durations
  ['ping_interval: «"1d"»', 'invalid-duration'],
  ['write_deadline: «"10"»', 'invalid-duration'],
  ['lame_duck_duration: «"two minutes"»', 'invalid-duration'],
  ['jetstream { limits { duplicate_window: «"2x"» } }', 'invalid-duration'],
  ['ping_interval: «2m»', 'duration-with-size-suffix'],
  ['authorization { timeout: «1m» }', 'duration-with-size-suffix'],
  ['tls { timeout: «2k» }', 'duration-with-size-suffix'],
  ['lame_duck_duration: «2m»', 'invalid-value-type'],
  ['ping_interval: «120»', 'duration-as-seconds'],
  ['write_deadline: «10»', 'duration-as-seconds'],
  ['leafnodes { reconnect: «5» }', 'duration-as-seconds'],
  // sizes
  ['jetstream { max_file_store: «"1g"» }', 'invalid-size-string'],
  ['jetstream { max_mem: «"1GB"» }', 'invalid-size-string'],
  ['jetstream { max_file_store: «"lots"» }', 'invalid-size-string'],
  // addresses
  ['listen: «"localhost"»', 'invalid-host-port'],
  ['listen: «"::1:4222"»', 'invalid-host-port'],
  ['http: «"localhost:x"»', 'invalid-host-port'],
  ['cluster { listen: «"0.0.0.0"» }', 'invalid-host-port'],
  ['host «::1»', 'unquoted-ipv6'],
  ['host: «::1»', 'unquoted-ipv6'],
  ['cluster { host: «fe80::1» }', 'unquoted-ipv6'],
  // nkeys
  ['accounts { A { nkey: «ODRZ42QBM7SXQDXXTSVWT2WLLFYOQGAFC4TO6WOAXHEKQHIXR4HFYJDS» } }', 'invalid-nkey'],
  ['authorization { users: [ { nkey: «UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNFA» } ] }', 'invalid-nkey'],
  ['trusted: [ «ADKGAJU55CHYOIF5H432K2Z2ME3NPSJ5S3VY5Q42Q3OTYOCYRRG7WOWV» ]', 'invalid-nkey'],
  ['authorization { auth_callout { issuer: «UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4», auth_users: [a] } }', 'invalid-nkey'],
  // lists
  ['tls { cipher_suites: «[]» }', 'empty-list'],
  ['tls { curve_preferences: «[]» }', 'empty-list'],
  // conflicts
  ['«authorization» { user: a, password: b, token: t }', 'conflicting-keys'],
  ['«authorization» { user: a, users: [] }', 'conflicting-keys'],
  ['cluster { «authorization» { users: [ { user: a, password: b } ] } }', 'conflicting-keys'],
  ['cluster { «authorization» { token: t } }', 'conflicting-keys'],
  ['gateway { name: g, «authorization» { users: [] } }', 'conflicting-keys'],
  // weighted mappings
  ['mappings {\n  foo: [\n    { destination: bar, weight: 60% }\n    «{ destination: baz, weight: 60% }»\n  ]\n}', 'mapping-weights'],
  ['mappings {\n  foo: [\n    { destination: bar, weight: "40%" }\n    «{ destination: bar, weight: 40 }»\n  ]\n}', 'mapping-weights'],
  ['mappings {\n  foo: «{ destination: bar }»\n}', 'mapping-weights'],
  ['accounts { A { mappings { foo: [ { destination: bar, weight: 70 }, «{ destination: baz, weight: 70 }» ] } } }', 'mapping-weights'],
  // accounts named by imports and exports
  ['«accounts» { A { imports: [ { stream: { account: NOPE, subject: "foo" } } ] } }', 'undefined-account'],
  ['«accounts» { A { imports: [ { service: { account: B, subject: "foo" } } ] } }', 'undefined-account'],
  ['«accounts» { A { exports: [ { service: "x", accounts: [ZZ] } ] } }', 'undefined-account'],
  ['port: 4222\n«accounts»: { A: { imports: [ { stream: { account: a, subject: "foo" } } ] } }', 'undefined-account'],
  // user names and nkeys across accounts
  ['accounts { A { users: [ { user: alice } ] }, B { «users»: [ { user: alice } ] } }', 'duplicate-user'],
  ['accounts { A { «users»: [ { user: a, password: x }, { user: a, password: y } ] } }', 'duplicate-user'],
  ['accounts { A { users: [ { user: a } ] }, B { «users»: [ { username: a } ] } }', 'duplicate-user'],
  ['accounts { A { users: [ { nkey: UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4 } ] }, B { «users»: [ { nkey: UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4 } ] } }', 'duplicate-user'],
  ['NAME: alice\naccounts { A { users: [ { user: $NAME } ] }, B { «users»: [ { user: alice } ] } }', 'duplicate-user'],
  ['authorization { users: [ { user: alice } ] }\naccounts { A { «users»: [ { user: alice } ] } }', 'duplicate-user'],
  ['accounts { A { users: [ { user: alice } ] } }\n«authorization» { users: [ { user: alice } ] }', 'duplicate-user'],
  ['«authorization» { users: [ { user: a }, { user: a } ] }', 'duplicate-user'],
  // pitfalls
  ['max_connections: «0»', 'value-pitfall'],
  ['max_connections: «0»', 'value-pitfall', v2910],
  ['jetstream { domain: «"hub.east"» }', 'invalid-jetstream-domain'],
  ['jetstream { domain: «"a b"» }', 'invalid-jetstream-domain'],
  ['jetstream { domain: «"orders.>"» }', 'invalid-jetstream-domain'],
  // duplicates
  ['«port»: 4222\nport: 4223', 'duplicate-key'],
  ['cluster { «port»: 1, port: 2 }', 'duplicate-key'],
  ['authorization { user: a, «username»: b }', 'duplicate-key'],
  ['Port: 1\n«port»: 2', 'duplicate-key'],
  ['«port»: 4222\ninclude "more.conf"', 'duplicate-key', { files: { 'more.conf': 'port: 1\n' } }],
  // variables
  ['port: «$P»\nP = 4222', 'variable-defined-after-use'],
  ['cluster { port: «$P»\n P = 6222 }', 'variable-defined-after-use'],
  ['P = 4222\nport: $P\ncluster { «P» = 6222\n port: $P }', 'variable-shadowed'],
  // a block's variables leave sight when it closes: the next block's P hides the top-level one again
  ['P = 1\nport: $P\na { P = 2\n x: $P }\nb { «P» = 3\n y: $P }', 'variable-shadowed'],
  ['cluster { P = 1\n port: $P }\nport: «$P»\nP = 2', 'variable-defined-after-use'],
  ['cluster { «port»: 1\n include "c.conf" }', 'duplicate-key', { files: { 'c.conf': 'port: 2\n' } }],
  ['P = 1\nport: $P\ncluster { include "c.conf"\n «P» = 2\n port: $P }', 'variable-shadowed', { files: { 'c.conf': 'P = 6222\n' } }],
  // includes
  ['include «"/etc/nats/a.conf"»', 'include-absolute-path'],
  ["include «'/abs.conf'»", 'include-absolute-path', { files: { 'abs.conf': 'port: 1\n' } }],
];

for (const [marked, code, options] of cases) {
  test(`${code}: ${marked.replace(/\n/g, '⏎')}${options?.version ? ` (target ${options.version})` : ''}`, () => {
    expectProblem(marked, code, options);
  });
}

const clean: [string, CaseOptions?][] = [
  ['accounts { A { users: [ { user: alice } ] }, B { users: [ { user: bob }, { user: Alice } ] } }'],
  ['accounts { A { users: [ { user: a } ] } }\nauthorization { timeout: 2 }'],
  ['cluster { authorization { user: a, password: b } }\naccounts { A { users: [ { user: a } ] } }'],
  ['mappings {\n  foo: [\n    { destination: bar, weight: 40% }\n    { destination: baz, weight: 60% }\n  ]\n  one: bar\n  two: { destination: x, weight: 100% }\n}'],
  ['accounts { A { imports: [ { stream: { account: B, subject: "foo" } } ] }, B { exports: [ { stream: "foo", accounts: [A] } ] } }'],
  ['port: 4222\nhost: "0.0.0.0"\ndebug: true\ntrace: false'],
  ['PORT: 4222\nDebug: true'],
  ['listen: 4222'], ['listen: "127.0.0.1:4222"'], ['listen: "[::1]:4222"'], ['http: 8222'], ['host: "::1"'],
  ['max_payload: 2MB\nmax_pending: 64MB\nmax_control_line: 4KB'],
  ['ping_interval: "2m"\nwrite_deadline: "10s"\nlame_duck_duration: "30s"'],
  ['authorization { user: a, password: b, timeout: 1.5 }'],
  ['authorization { timeout: "2s" }'],
  ['jetstream: enabled'], ['jetstream: true'], ['jetstream: "disabled"'],
  ['jetstream { store_dir: "./js", max_file_store: "10G", max_memory_store: 1GB, domain: hub }'],
  ['jetstream { sync_interval: always }'], ['jetstream { sync_interval: "1m" }'],
  ['cluster { name: c, port: 6222, routes: ["nats://a:6222"] }'],
  ['cluster { compression: s2_auto }'], ['cluster { compression: true }'], ['cluster { compression: { mode: s2_auto, rtt_thresholds: ["10ms", "50ms"] } }'],
  ['accounts { APP { users: [ { user: a, password: b } ], jetstream: enabled }\n SYS {} }\nsystem_account: SYS'],
  ['accounts: [ A, B ]'],
  ['mappings { "orders.*": "new.orders.$1" }'],
  ['mappings { "a.*": [ { destination: "b.$1", weight: 40% }, { destination: "c.$1", weight: 60 } ] }'],
  ['leafnodes { remotes: [ { urls: ["nats://a:7422"], account: A } ] }'],
  ['leafnodes { remotes: [ { url: "nats://a:7422", credentials: "./a.creds" } ] }'],
  ['websocket { port: 8080, no_tls: true, compression: true }'],
  ['mqtt { port: 1883, ack_wait: "30s", max_ack_pending: 100 }'],
  ['tls { cert_file: "a.pem", key_file: "a.key", verify: true, timeout: 2 }'],
  ['tls { cipher_suites: [ "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" ], curve_preferences: [ "X25519" ] }'],
  ['authorization { users: [ { nkey: UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4 } ] }'],
  ['P = 4222\nport: $P'],
  ['HOST = "127.0.0.1"\ncluster { host: $HOST, port: 6222 }'],
  ['cluster { P = 6222\n port: $P }'],
  ['SECURE = { verify: true, timeout: 2 }\ntls: $SECURE'],
  ['port: $P', { env: { P: '4222' } }],
  ['authorization { password: $2a$11$abcdefghijklmnopqrstuv, user: a }'],
  ['resolver { type: full, dir: "./jwt", whatever: 1 }'],
  ['include "ports.conf"', { files: { 'ports.conf': 'port: 4222\nhttp_port: 8222\n' } }],
  ['cluster {\n  include "body.conf"\n}', { files: { 'body.conf': 'port: 6222\nname: c1\n' } }],
  ['include "vars.conf"\nport: $INC_PORT', { files: { 'vars.conf': 'INC_PORT = 4222\n' } }],
  ['server_metadata { region: eu }'],
  ['max_connections: 100'],
  ['system_account: SYS\naccounts { SYS {} }'],
  ['gateway { name: a, port: 7222, gateways: [ { name: b, urls: ["nats://b:7222"] } ] }'],
];
for (const [text, options] of clean) {
  test(`clean: ${text.replace(/\n/g, '⏎')}`, () => expectClean(text, options));
}

test('no error where only warnings belong: ping_interval 2m is a warning', () => expectNoError('ping_interval: 2m'));

test('unknown-key offers a quick fix to the suggestion', () => {
  const p = expectProblem('«prot»: 4222', 'unknown-key');
  assert.deepEqual(p.fixes?.map((f) => f.newText), ['port']);
  assert.match(p.message, /Did you mean `port`/);
});

test('quoted booleans and numbers offer to remove the quotes', () => {
  assert.deepEqual(expectProblem('debug: «"true"»', 'quoted-boolean').fixes?.map((f) => f.newText), ['true']);
  assert.deepEqual(expectProblem('port: «"4222"»', 'invalid-value-type').fixes?.map((f) => f.newText), ['4222']);
  assert.deepEqual(expectProblem('ping_interval: «2m»', 'duration-with-size-suffix').fixes?.map((f) => f.newText), ['"2m"']);
  assert.deepEqual(expectProblem('jetstream { max_file_store: «"1g"» }', 'invalid-size-string').fixes?.map((f) => f.newText), ['"1G"']);
});

test('a duration with a size letter says what it really becomes', () => {
  const p = expectProblem('ping_interval: «2m»', 'duration-with-size-suffix');
  assert.match(p.message, /2000000 seconds/);
  assert.match(p.message, /23 days/);
});

test('key-newer-than-target names the version and the target', () => {
  const p = expectProblem('cluster { «pool_size»: 3 }', 'key-newer-than-target', v2910);
  assert.match(p.message, /2\.10\.0/);
  assert.match(p.message, /2\.9\.10/);
});

test('a key newer than the target is not checked further (nats-server stops there)', () => {
  const problems = run('server_metadata { region: 1 }', v2910);
  assert.deepEqual(problems.map((p) => p.code), ['key-newer-than-target']);
});

test('an alias newer than its option suggests the old spelling', () => {
  const p = expectProblem('authorization { «permissions»: {} }', 'key-newer-than-target', { version: '1.1.0' });
  assert.deepEqual(p.fixes?.map((f) => f.newText), ['default_permissions']);
});

test('max_connections: 0 is explained per target version', () => {
  assert.match(expectProblem('max_connections: «0»', 'value-pitfall', v2910).message, /default/);
  assert.match(expectProblem('max_connections: «0»', 'value-pitfall').message, /refuse every client/);
});

test('errors in an included file show at the include, pointing into the file', () => {
  const { text, start, end } = unmark('port: 1\n«include "bad.conf"»');
  const problems = run(text, { files: { 'bad.conf': '# comment\nmonitoring_port: 8222\n' } });
  const inner = problems.find((p) => p.file !== ROOT_FILE);
  assert.ok(inner && inner.code === 'unknown-key');
  const outer = problems.find((p) => p.file === ROOT_FILE && p.start === start && p.end === end);
  assert.ok(outer, 'reported at the include');
  assert.equal(outer.code, 'unknown-key');
  assert.equal(outer.related?.[0].file, inner.file);
  assert.equal(outer.related?.[0].start, inner.start);
});

test('an include inside a block checks its keys in that block', () => {
  const problems = run('cluster {\n  include "body.conf"\n}', { files: { 'body.conf': 'port: 6222\nrotes: []\n' } });
  assert.ok(problems.some((p) => p.code === 'unknown-key' && p.message.includes('rotes') && p.message.includes('cluster')));
});

test('include cycles and missing includes are left to evaluation', () => {
  assert.deepEqual(run('include "missing.conf"'), []);
  assert.deepEqual(run('include "a.conf"', { files: { 'a.conf': 'include "nats.conf"\n' } }).filter((p) => p.severity === 'error'), []);
});

test('a variable used inside a block keeps its top-level definition from being unknown', () => {
  expectClean('X = 1\ncluster { port: $X }');
});

test('a variable redefined after its use: the last definition is the unknown one', () => {
  const problems = run('P = 4222\nport: $P\nP = 4223').filter((p) => p.severity === 'error');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].start, 'P = 4222\nport: $P\n'.length);
});

test('a variable map reused twice is checked once', () => {
  const problems = run('T = { verfy: true }\ntls: $T\ncluster { tls: $T }');
  assert.equal(problems.filter((p) => p.code === 'unknown-key').length, 1);
});

test('ignored blocks never report unknown keys', () => {
  expectClean('accounts { A { exports: [ { service: s, latency: { sampling: 50, subject: lat, other: 1 } } ] } }');
});

test('deep nesting does not overflow', () => {
  const depth = 3000;
  const text = 'x = ' + '{ a = '.repeat(depth) + '1' + ' }'.repeat(depth);
  assert.doesNotThrow(() => run(text));
});

// The quick check that spares most values the full judgement must never pass a value the judgement
// reports: every value type of the option table against values of every shape.

const sampleValues = [
  'true', '"true"', 'yes', '1', '"1"', '-5', '0', '70000', '2m', '"2m"', '"1d"', '"10s"', '1.5', '"10G"', '"10g"', '10GB', '"abc"', 'abc',
  '"a.b.>"', '"host:4222"', '"localhost"', '4222', '"::1"', '::1', '"nats://h:4222"', '[]', '[ "a", 1 ]', '[ "10s" ]', '{ a: 1 }', '$UNSET',
  '"UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4"', '"hub.east"', '"s2_auto"', '"debug"', '2020-01-01T00:00:00Z',
];
const valueTypes = new Set<ValueType>();
for (const block of Object.values(BLOCKS)) {
  for (const option of block.keys) valueTypes.add(option.value);
  if (block.anyKey) valueTypes.add(block.anyKey.value);
}
test('a value the quick check passes has nothing the full judgement would report', () => {
  let passed = 0;
  for (const text of sampleValues) {
    const entry = parse(`k: ${text}`).document.body.entries[0];
    assert.ok(entry.type === 'entry' && entry.value, text);
    for (const type of valueTypes) {
      if (!passesQuietly(entry.value, type)) continue;
      passed++;
      assert.deepEqual(checkValue(entry.value, type, '`k`'), [], `${text} against ${JSON.stringify(type)}`);
    }
  }
  assert.ok(passed > 100, 'most common values pass quietly');
});
