// Security lints: each case is a configuration (or env file) with the text the finding must cover
// marked «like this», and the code expected there. Unmarked cases must report nothing.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSecurity } from '../../../../server/src/rules/security';
import { readHostSource } from '../../../../server/src/sources/discover';
import { parse } from '../../../../server/src/syntax/parser';
import { isJwt, isNkeySeed, maskSecret, MASK, redactSecrets } from '../../../../server/src/secrets';

const FILE = '/sec/nats.conf';
const SEED = 'SUAM3EWDUJNQIWM6ZVL7QI3VJ2XUU6NMHZCVNFIFJXOLUJNFU5GSHGGU5M';
const JWT = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJVQSJ9.c2ln';

/** Strips «marks», returning the text and the marked spans. */
function marked(source: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const char of source) {
    if (char === '«') open = text.length;
    else if (char === '»') spans.push({ start: open, end: text.length });
    else text += char;
  }
  return { text, spans };
}

function expectConfig(source: string, code: string | undefined, env: Record<string, string> = {}): void {
  const { text, spans } = marked(source);
  const found = checkSecurity({ file: FILE, parsed: parse(text), readFile: () => undefined, env });
  const got = found.map((p) => ({ code: p.code, start: p.start, end: p.end }));
  assert.deepEqual(got, spans.map((s) => ({ code, ...s })), `in ${JSON.stringify(text)}: ${found.map((p) => p.message).join(' / ')}`);
  for (const p of found) assert.ok(p.message.length > 40 && !p.message.includes(SEED), p.message);
}

const CASES: [string, string | undefined][] = [
  // plaintext-password
  ['authorization { user: a, password: «"s3cret"» }', 'plaintext-password'],
  ['authorization { user: a, password: "$2a$11$W2zko751KUvVy59mUTWmpOdWjpEm5qhcCZRd05GjI/sSOT.xtiHyG" }', undefined],
  ['authorization { users = [ { user: a, pass: «s3cret» } ] }', 'plaintext-password'],
  ['authorization { token: «abc123» }', 'plaintext-password'],
  ['leafnodes { authorization { user: l, password: «x» } }', 'plaintext-password'],
  ['accounts { A { users: [ { user: u, password: «pw» } ] } }', 'plaintext-password'],
  ['PW = "pw"\nauthorization { user: a, password: «$PW» }', 'plaintext-password'],
  // secret-in-config
  [`accounts { A { users: [ { nkey: «${SEED}» } ] } }`, 'secret-in-config'],
  [`authorization { users: [ { user: a, password: «"${JWT}"» } ] }`, 'secret-in-config'],
  [`resolver_preload { ABC: "${JWT}" }`, undefined],
  // tls-verification-disabled
  ['leafnodes { remotes [ { url: "tls://hub:7422", tls { insecure: «true» } } ] }', 'tls-verification-disabled'],
  ['tls { cert_file: a, key_file: b, ca_file: c, verify: «false» }', 'tls-verification-disabled'],
  ['tls { cert_file: a, key_file: b, verify: false }', undefined],
  // open-listener-without-auth
  ['«cluster» { port: 6222 }', 'open-listener-without-auth'],
  ['«gateway» { name: a, listen: "0.0.0.0:7222" }', 'open-listener-without-auth'],
  ['cluster { host: 127.0.0.1, port: 6222 }', undefined],
  ['cluster { port: 6222, authorization { user: r, password: "$2a$11$W2zko751KUvVy59mUTWmpOdWjpEm5qhcCZRd05GjI/sSOT.xtiHyG" } }', undefined],
  ['cluster { port: 6222, tls { cert_file: a, key_file: b, ca_file: c, verify: true } }', undefined],
  ['«leafnodes» { port: 7422 }', 'open-listener-without-auth'],
  ['leafnodes { port: 7422 }\naccounts { A { users: [ { nkey: UAJ5 } ] } }', undefined],
  ['leafnodes { remotes [ { url: "nats://hub:7422" } ] }', undefined],
  // no-auth-user-public
  ['accounts { A { users: [ { nkey: UAJ5 } ] } }\nno_auth_user: «a»', 'no-auth-user-public'],
  ['host: 127.0.0.1\nno_auth_user: a', undefined],
  ['websocket { port: 8080, tls { cert_file: a, key_file: b }, no_auth_user: «guest» }', 'no-auth-user-public'],
  // allow-non-tls
  ['websocket { port: 8080, no_tls: «true» }', 'allow-non-tls'],
  ['websocket { host: 127.0.0.1, port: 8080, no_tls: true }', undefined],
  ['tls { cert_file: a, key_file: b }\nallow_non_tls: «true»', 'allow-non-tls'],
  // nothing to say
  ['port: 4222\njetstream { domain: hub }', undefined],
  // where the walk stands in the option table: case, aliases, arrays, shared values, unknown keys
  ['AUTHORIZATION { USER: a, PassWord: «x» }', 'plaintext-password'],
  ['websocket { host: 127.0.0.1, authentication { user: a, pass: «x» } }', 'plaintext-password'],
  ['authentication { user: a, pass: x }', undefined],
  ['mqtt { authorization { user: a, password: «x» } }', 'plaintext-password'],
  ['authorization { users: [ { user: a, password: «x» }, { user: b, password: "$2a$11$W2zko751KUvVy59mUTWmpOdWjpEm5qhcCZRd05GjI/sSOT.xtiHyG" } ] }', 'plaintext-password'],
  ['authorization { users: [ [ { user: a, password: x } ] ] }', undefined],
  ['authorization { password: "" }', undefined],
  ['unknown { authorization { password: x } }', undefined],
  ['accounts { A { users: [ { user: u, permissions: { publish: ["a.>"] }, password: «pw» } ] } }', 'plaintext-password'],
  ['U = { user: a, password: «pw» }\nauthorization { users: [ $U, $U ] }', 'plaintext-password'],
  ['S = [ "a.>", "b.>" ]\nauthorization { users: [ { user: a, password: «pw», permissions: { publish: $S, subscribe: $S } } ] }', 'plaintext-password'],
  [`list: [ "a", «"${SEED}"» ]`, 'secret-in-config'],
  [`foo { bar: [ { token: «"${JWT}"» } ] }`, 'secret-in-config'],
  [`operator: "${JWT}"`, undefined],
  [`trusted_keys: [ "${JWT}" ]`, undefined],
  [`RESOLVER_PRELOAD { A: { x: "${JWT}" } }`, undefined],
  [`unknown { trusted { x: «"${JWT}"» } }`, 'secret-in-config'],
  ['gateway { host: 127.0.0.1, port: 7222, gateways: [ { name: b, url: "tls://b:7222", TLS { insecure: «true» } } ] }', 'tls-verification-disabled'],
];

describe('security lints on configurations', () => {
  for (const [source, code] of CASES) it(`${code ?? 'clean'}: ${source.replace(/\n/g, ' ⏎ ')}`, () => expectConfig(source, code));
  it('a password from the environment is not plain text in the file', () => {
    expectConfig('authorization { user: a, password: $NATS_PASSWORD }', undefined, { NATS_PASSWORD: 'from-env' });
  });
  it('findings in an included file point into that file', () => {
    const text = 'include "auth.conf"\n';
    const found = checkSecurity({ file: FILE, parsed: parse(text), readFile: (f) => (f === '/sec/auth.conf' ? 'authorization { token: abc }\n' : undefined), env: {} });
    assert.deepEqual(found.map((p) => [p.file, p.code, p.start, p.end]), [['/sec/auth.conf', 'plaintext-password', 23, 26]]);
  });
});

describe('security lints on host sources', () => {
  const check = (file: string, source: string, kind?: 'dotenv' | 'compose' | 'kubernetes' | 'systemd') => {
    const { text, spans } = marked(source);
    const result = readHostSource(file, text, { readFile: () => undefined }, kind);
    const found = checkSecurity({ file, hostSource: result, readFile: () => undefined, env: {} });
    assert.deepEqual(found.map((p) => ({ code: p.code, start: p.start, end: p.end })), spans.map((s) => ({ code: 'secret-in-config', ...s })), found.map((p) => p.message).join(' / '));
  };
  it('a seed in an env file', () => check('/sec/host.env', `WASMCLOUD_NATS_HOST=127.0.0.1\nWASMCLOUD_CTL_SEED=«${SEED}»\n`, 'dotenv'));
  it('a quoted JWT in an env file', () => check('/sec/host.env', `WASMCLOUD_CTL_JWT=«"${JWT}"»\n`, 'dotenv'));
  it('a seed in a compose file', () => check('/sec/docker-compose.yml', `services:\n  host:\n    image: wasmcloud/wasmcloud\n    environment:\n      WASMCLOUD_CLUSTER_SEED: «${SEED}»\n`, 'compose'));
  it('ordinary values are fine', () => check('/sec/host.env', 'WASMCLOUD_JS_DOMAIN=hub\nWASMCLOUD_CTL_SEED=\n', 'dotenv'));
});

describe('masking', () => {
  it('recognises seeds and JWTs', () => {
    assert.ok(isNkeySeed(SEED) && !isNkeySeed('UAJ5' + SEED.slice(4)));
    assert.ok(isJwt(JWT) && !isJwt('eyJ'));
  });
  it('masks by key and by look', () => {
    assert.equal(maskSecret('x', 'password'), MASK);
    assert.equal(maskSecret(SEED, 'anything'), MASK);
    assert.equal(maskSecret('4222', 'port'), '4222');
  });
  it('redacts secrets inside free text', () => {
    assert.equal(redactSecrets(`bad nkey ${SEED} and ${JWT}.`), `bad nkey ${MASK} and ${MASK}.`);
  });
});
