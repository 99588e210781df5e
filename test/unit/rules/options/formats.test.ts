// The text formats nats-server parses inside strings, case by case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { durationProblem, durationSeconds, hostPortProblem, nkeyProblem, sizeString } from '../../../../server/src/rules/options/valueFormats';
import { editDistance, suggestKey } from '../../../../server/src/rules/options/suggest';
import { BLOCKS } from '../../../../server/src/facts/natsOptions';
import { publicNkey } from './helpers';

const durations: [string, boolean][] = [
  ['1s', true], ['2m', true], ['1h30m', true], ['250ms', true], ['1.5s', true], ['0', true], ['-1s', true], ['10us', true], ['3µs', true], ['100ns', true],
  ['1d', false], ['2x', false], ['', false], ['10', false], ['s', false], ['1m30', false], ['1 s', false], ['one', false], ['1S', false], ['1.s', true],
];
for (const [text, ok] of durations) {
  test(`duration ${JSON.stringify(text)} is ${ok ? 'valid' : 'rejected'}`, () => assert.equal(durationProblem(text) === undefined, ok));
}
test('duration seconds', () => {
  assert.equal(durationSeconds('1h30m'), 5400);
  assert.equal(durationSeconds('250ms'), 0.25);
});

const hostPorts: [string, boolean][] = [
  ['localhost:4222', true], [':4222', true], ['0.0.0.0:4222', true], ['[::1]:4222', true], ['[fe80::1%eth0]:4222', true],
  ['localhost', false], ['::1:4222', false], ['host:x', false], ['[::1]', false], ['[::1:4222', false], ['a:b:c', false], ['host:', false],
];
for (const [text, ok] of hostPorts) {
  test(`host:port ${JSON.stringify(text)} is ${ok ? 'valid' : 'rejected'}`, () => assert.equal(hostPortProblem(text) === undefined, ok));
}

const sizes: [string, string | undefined][] = [
  ['1K', '1024'], ['10G', String(10n << 30n)], ['2M', String(2n << 20n)], ['1T', String(1n << 40n)], ['', '0'],
  ['1g', undefined], ['1GB', undefined], ['1gb', undefined], ['10', undefined], ['G', undefined], ['1.5G', undefined], ['1P', undefined],
];
for (const [text, bytes] of sizes) {
  test(`size string ${JSON.stringify(text)}`, () => {
    const v = sizeString(text);
    if (bytes === undefined) assert.equal(v.ok, false);
    else assert.deepEqual(v, { ok: true, bytes: BigInt(bytes) });
  });
}
test('size string fixes suggest upper case', () => {
  const v = sizeString('1g');
  assert.equal(v.ok, false);
  if (!v.ok) assert.equal(v.fixed, '"1G"');
});

test('nkeys: kinds, checksums and lengths', () => {
  assert.equal(nkeyProblem(publicNkey('A'), ['account']), undefined);
  assert.equal(nkeyProblem(publicNkey('U'), ['user']), undefined);
  assert.equal(nkeyProblem(publicNkey('O'), ['operator']), undefined);
  assert.equal(nkeyProblem(publicNkey('X'), ['curve']), undefined);
  assert.match(nkeyProblem(publicNkey('O'), ['account'])!, /not an account public key/);
  assert.match(nkeyProblem(publicNkey('U').slice(0, 55) + 'A', ['user'])!, /checksum|not a public nkey/);
  assert.match(nkeyProblem('UABC', ['user'])!, /not a public nkey/);
  assert.match(nkeyProblem(publicNkey('U').toLowerCase(), ['user'])!, /not a public nkey/);
  // nats-server's own test configs use these as broken keys; 2.9.10 rejects them as operator keys too.
  assert.match(nkeyProblem('ODRZ42QBM7SXQDXXTSVWT2WLLFYOQGAFC4TO6WOAXHEKQHIXR4HFYJDS', ['operator'])!, /checksum/);
  assert.match(nkeyProblem('OCARKS2E3KVB7YORL2DG34XLT7PUCOL2SVM7YXV6ETHLW6Z46UUJ2VZ3', ['operator'])!, /checksum/);
  assert.equal(nkeyProblem('UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4', ['user']), undefined);
  assert.equal(nkeyProblem('AB5UKNPVHDWBP5WODG742274I3OGY5FM3CBIFCYI4OFEH7Y23GNZPXFE', ['account']), undefined);
});

const distances: [string, string, number][] = [['port', 'port', 0], ['prot', 'port', 1], ['por', 'port', 1], ['monitor_prt', 'monitor_port', 1], ['abc', 'xyz', 3], ['', 'ab', 2]];
for (const [a, b, d] of distances) test(`edit distance ${a} → ${b} = ${d}`, () => assert.equal(editDistance(a, b), d));

const suggestions: [string, string | undefined][] = [
  ['prot', 'port'], ['debgu', 'debug'], ['max_payloda', 'max_payload'], ['monitor_prt', 'monitor_port'], ['PORTT', 'port'], ['xyzzy', undefined], ['a', undefined],
];
for (const [key, want] of suggestions) {
  test(`did you mean: ${key} → ${want}`, () => assert.equal(suggestKey(BLOCKS.root, key, '2.14.5'), want));
}
