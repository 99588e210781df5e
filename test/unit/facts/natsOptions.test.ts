import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLOCKS } from '../../../server/src/facts/natsOptions';
import {
  blockAt,
  findOption,
  optionsAt,
  spellings,
  TOP_LEVEL_BLOCK_NAMES,
  TOP_LEVEL_BLOCK_SPELLINGS,
  valueAlternatives,
} from '../../../server/src/facts/optionLookup';
import type { BlockId, BlockSpec, ValueType } from '../../../server/src/facts/optionTypes';
import { compareVersions } from '../../../server/src/facts/versions';
import { walkOptions } from '../../../server/src/facts/optionWalk';
import { describeValue } from '../../../server/src/facts/valueText';
import { readFactsFixture, type KeyGroupFixture, type KeyVersionsFixture } from './factsFixtures';

interface Expected {
  name?: string;
  kind?: ValueType['kind'];
  /** Kinds of the union members, in order. */
  kinds?: ValueType['kind'][];
  mapBlock?: BlockId;
  since?: string;
  effectiveSince?: string;
  default?: string | number | boolean;
  canonical?: string;
  userDefined?: boolean;
  deprecated?: boolean;
}

function expectOption(path: string[], want: Expected): void {
  const found = findOption(path);
  assert.ok(found, `no option at ${path.join('.')}`);
  const { option } = found;
  const where = path.join('.');
  if (want.name !== undefined) assert.equal(option.name, want.name, `${where}: name`);
  if (want.kind !== undefined) assert.equal(option.value.kind, want.kind, `${where}: kind`);
  if (want.kinds !== undefined) {
    assert.deepEqual(valueAlternatives(option.value).map((v) => v.kind), want.kinds, `${where}: union kinds`);
  }
  if (want.mapBlock !== undefined) {
    const maps = valueAlternatives(option.value).filter((v) => v.kind === 'map');
    assert.deepEqual(maps.map((v) => (v.kind === 'map' ? v.block : '')), [want.mapBlock], `${where}: map block`);
  }
  if (want.since !== undefined) assert.equal(option.since, want.since, `${where}: since`);
  if (want.effectiveSince !== undefined) assert.equal(found.effectiveSince, want.effectiveSince, `${where}: effective since`);
  if (want.default !== undefined) assert.equal(option.default, want.default, `${where}: default`);
  if (want.canonical !== undefined) assert.equal(found.canonicalPath.join('.'), want.canonical, `${where}: canonical path`);
  if (want.userDefined !== undefined) assert.equal(found.userDefinedName, want.userDefined, `${where}: user-defined`);
  if (want.deprecated !== undefined) assert.equal(option.deprecated !== undefined, want.deprecated, `${where}: deprecated`);
}

function expectNoOption(path: string[]): void {
  assert.equal(findOption(path), undefined, `expected no option at ${path.join('.')}`);
}

test('keys resolve to their shapes', () => {
  const cases: [string[], Expected][] = [
    [['listen'], { kind: 'hostport', default: '0.0.0.0:4222' }],
    [['port'], { kind: 'integer', default: 4222 }],
    [['max_payload'], { kind: 'size', default: 1048576 }],
    [['ping_interval'], { kind: 'duration', default: '2m' }],
    [['lame_duck_duration'], { kind: 'duration' }],
    [['write_timeout'], { kind: 'enum', since: '2.11.11' }],
    [['jetstream'], { kinds: ['bool', 'enum', 'map'], mapBlock: 'jetstream' }],
    [['jetstream', 'max_file_store'], { kind: 'size' }],
    [['jetstream', 'tpm', 'pcr'], { kind: 'integer', effectiveSince: '2.11.0' }],
    [['jetstream', 'limits', 'batch', 'timeout'], { kind: 'duration', effectiveSince: '2.12.0' }],
    [['leafnodes', 'remotes', '*', 'url'], { kind: 'stringOrArray', canonical: 'leafnodes.remotes.*.url' }],
    [['leafnodes', 'remotes', '0', 'tls', 'handshake_first'], { kinds: ['bool', 'enum', 'duration'] }],
    [['leafnodes', 'remotes', '*', 'proxy', 'url'], { kind: 'url', effectiveSince: '2.12.1' }],
    [['cluster', 'routes'], { kind: 'array' }],
    [['cluster', 'compression'], { kinds: ['bool', 'enum', 'map'], mapBlock: 'compression' }],
    [['cluster', 'authorization', 'user'], { kind: 'string' }],
    [['gateway', 'gateways', '*', 'urls'], { kind: 'array' }],
    [['authorization', 'users', '*', 'permissions', 'subscribe', 'deny'], { kind: 'stringOrArray' }],
    [['authorization', 'auth_callout', 'issuer'], { kind: 'string', effectiveSince: '2.10.0' }],
    [['accounts', 'APP'], { mapBlock: 'account', userDefined: true }],
    [['accounts', 'APP', 'jetstream'], { kinds: ['bool', 'enum', 'map'], mapBlock: 'accountJetStream' }],
    [['accounts', 'APP', 'exports', '*', 'latency', 'sampling'], { kinds: ['integer', 'string', 'enum'] }],
    [['accounts', 'APP', 'imports', '*', 'stream', 'account'], { kind: 'string' }],
    [['mappings', 'orders.*'], { kinds: ['subject', 'map', 'array'], userDefined: true }],
    [['mappings', 'orders.*', '*', 'weight'], { kinds: ['integer', 'string'] }],
    [['accounts', 'APP', 'mappings', 'a.b', 'destination'], { kind: 'subject' }],
    [['websocket', 'headers', 'X-Frame-Options'], { kind: 'string', userDefined: true }],
    [['tls', 'ocsp_peer', 'ca_timeout'], { kind: 'duration', effectiveSince: '2.9.21' }],
    [['resolver', 'type'], { kind: 'enum' }],
    [['resolver_preload', 'ADKGAJU55CHYOIF5H432K2Z2ME3NPSJ5S3VY5Q42Q3OTYOCYRRG7WOWV'], { kind: 'string', userDefined: true }],
    [['mqtt', 'consumer_replicas'], { deprecated: true }],
    [['mqtt', 'tls', 'cert_file'], { since: '0.7.0', effectiveSince: '2.2.0' }],
    [['proxies', 'trusted', '*', 'key'], { kind: 'string', effectiveSince: '2.12.0' }],
  ];
  for (const [path, want] of cases) expectOption(path, want);
});

test('aliases and case rules follow the server', () => {
  const cases: [string[], string][] = [
    [['leaf'], 'leafnodes'],
    [['LeafNodes'], 'leafnodes'],
    [['max_conn'], 'max_connections'],
    [['net'], 'host'],
    [['ws'], 'websocket'],
    [['maps'], 'mappings'],
    [['logfile'], 'log_file'],
    [['root_operator'], 'operator'],
    [['cluster', 'cluster_advertise'], 'cluster.advertise'],
    [['gateway', 'reject_unknown'], 'gateway.reject_unknown_cluster'],
    [['jetstream', 'max_mem'], 'jetstream.max_memory_store'],
    [['jetstream', 'STORE'], 'jetstream.store_dir'],
    [['accounts', 'APP', 'jetstream', 'mem'], 'accounts.APP.jetstream.max_memory'],
    [['authorization', 'permissions'], 'authorization.default_permissions'],
    [['authorization', 'users', '*', 'permission', 'pub'], 'authorization.users.*.permissions.publish'],
    [['leafnodes', 'remotes', '*', 'creds'], 'leafnodes.remotes.*.credentials'],
    [['websocket', 'authentication', 'pass'], 'websocket.authorization.password'],
    [['mqtt', 'ackwait'], 'mqtt.ack_wait'],
    [['tls', 'certificates', '*', 'cert_file'], 'tls.certs.*.cert_file'],
  ];
  for (const [path, canonical] of cases) expectOption(path, { canonical });
  // Blocks read with exact-case lookups or switches.
  expectNoOption(['ocsp', 'MODE']);
  expectOption(['ocsp', 'mode'], { kind: 'enum' });
  expectNoOption(['resolver', 'Dir']);
  expectNoOption(['tls', 'certs', '*', 'CERT_FILE']);
  // "authentication" is an alias only inside websocket and mqtt.
  expectNoOption(['authentication']);
  expectOption(['mqtt', 'authentication'], { canonical: 'mqtt.authorization' });
  // Names that are not keys anywhere.
  expectNoOption(['cluster', 'routez']);
  expectNoOption(['leafnodes', 'remotes', '*']);
  expectNoOption([]);
});

test('optionsAt lists the keys of a block and blockAt finds user-named blocks', () => {
  const names = (path: string[]) => optionsAt(path).map((o) => o.name);
  assert.ok(names([]).includes('listen'));
  assert.ok(names(['leafnodes', 'remotes', '*']).includes('url'));
  assert.ok(names(['leafnodes', 'remotes', '*']).includes('first_info_timeout'));
  assert.ok(names(['leaf']).includes('remotes'));
  assert.ok(names(['accounts', 'APP']).includes('jetstream'));
  assert.ok(names(['cluster', 'tls']).includes('verify_cert_and_check_known_urls'));
  assert.deepEqual(names(['accounts']), []);
  assert.equal(blockAt(['accounts'])?.anyKey?.label, '<account name>');
  assert.equal(blockAt(['mappings'])?.id, 'mappings');
  assert.equal(blockAt(['jetstream'])?.id, 'jetstream');
  assert.equal(blockAt(['port']), undefined);
  assert.equal(blockAt(['nope']), undefined);
});

test('top-level block names come from the data', () => {
  for (const name of ['authorization', 'accounts', 'cluster', 'gateway', 'leafnodes', 'jetstream', 'websocket', 'mqtt', 'tls', 'resolver', 'resolver_preload', 'ocsp', 'ocsp_cache', 'mappings', 'proxies']) {
    assert.ok(TOP_LEVEL_BLOCK_NAMES.includes(name), name);
  }
  assert.ok(!TOP_LEVEL_BLOCK_NAMES.includes('port'));
  assert.ok(TOP_LEVEL_BLOCK_SPELLINGS.includes('leaf'));
  assert.ok(TOP_LEVEL_BLOCK_SPELLINGS.includes('ws'));
});

const allBlocks = Object.values(BLOCKS) as BlockSpec[];

test('every entry and block has our own description', () => {
  for (const block of allBlocks) {
    assert.ok(block.description.length > 5, `block ${block.id} needs a description`);
    if (block.anyKey) assert.ok(block.anyKey.description.length > 10, `block ${block.id} anyKey needs a description`);
    for (const option of block.keys) {
      const where = `${block.id}.${option.name}`;
      assert.ok(option.description.length >= 10, `${where} needs a description`);
      assert.ok(option.description.length <= 260, `${where}: keep the description to one or two sentences`);
      assert.match(option.description, /[.)]$/, `${where}: description should end with a full stop`);
    }
  }
});

test('no spelling appears twice within a block', () => {
  for (const block of allBlocks) {
    const seen = new Map<string, string>();
    for (const option of block.keys) {
      for (const spelling of spellings(option)) {
        const key = block.keyCase === 'insensitive' ? spelling.toLowerCase() : spelling;
        assert.ok(!seen.has(key), `${block.id}: "${spelling}" used by ${seen.get(key)} and ${option.name}`);
        assert.equal(spelling, spelling.toLowerCase(), `${block.id}.${spelling}: the server compares lower-case spellings`);
        seen.set(key, option.name);
      }
    }
  }
});

test('every block is reachable from the top level and block ids match their keys', () => {
  const reached = new Set<string>(['root']);
  const visit = (value: ValueType): void => {
    if (value.kind === 'map') {
      if (reached.has(value.block)) return;
      reached.add(value.block);
      const block = BLOCKS[value.block];
      block.keys.forEach((o) => visit(o.value));
      if (block.anyKey) visit(block.anyKey.value);
    } else if (value.kind === 'union') value.of.forEach(visit);
    else if (value.kind === 'array' || value.kind === 'stringOrArray') visit(value.item);
  };
  BLOCKS.root.keys.forEach((o) => visit(o.value));
  for (const [id, block] of Object.entries(BLOCKS)) {
    assert.equal(block.id, id);
    assert.ok(reached.has(id), `block ${id} is not reachable from the top level`);
  }
});

test('versions match the release tags, and keys newer than Debian 2.9.10 say so', () => {
  const { since } = readFactsFixture<KeyVersionsFixture>('key-versions.json');
  for (const block of allBlocks) {
    for (const option of block.keys) {
      const versions = spellings(option).map((s) => since[`${block.id}.${s}`]).filter((v): v is string => v !== undefined);
      assert.ok(versions.length > 0, `${block.id}.${option.name}: not found in any release`);
      const first = versions.sort(compareVersions)[0];
      assert.equal(option.since, first, `${block.id}.${option.name}: run scripts/sync-option-versions.mjs`);
      for (const [alias, version] of Object.entries(option.aliasSince ?? {})) {
        assert.equal(version, since[`${block.id}.${alias}`], `${block.id}.${alias}`);
      }
    }
  }
  // Known from the git history (first release tag whose sources accept the key).
  const known: [string[], string][] = [
    [['max_closed_clients'], '2.10.26'],
    [['logtime_utc'], '2.9.21'],
    [['tls', 'handshake_first'], '2.10.0'],
    [['leafnodes', 'remotes', '*', 'first_info_timeout'], '2.10.26'],
    [['mqtt', 'reject_qos2_publish'], '2.10.4'],
    [['cluster', 'pool_size'], '2.10.0'],
    [['feature_flags'], '2.14.0'],
    [['websocket', 'headers'], '2.11.0'],
    [['server_name'], '2.1.2'],
    [['jetstream', 'max_outstanding_catchup'], '2.9.0'],
    [['tls', 'min_version'], '2.10.21'],
  ];
  for (const [path, version] of known) expectOption(path, { effectiveSince: version });
});

test('every key nats-server switches on (fixture from HEAD) is in the table', () => {
  const fixture = readFactsFixture<KeyGroupFixture>('opts-keys-head.json');
  assert.ok(fixture.groups.length > 300);
  for (const group of fixture.groups) {
    const block = BLOCKS[group.block as BlockId];
    assert.ok(block, `unknown block ${group.block}`);
    const entries = new Set(group.names.map((n) => block.keys.find((o) => spellings(o).includes(n))));
    assert.ok(!entries.has(undefined), `${group.block}: ${group.names.join(', ')} missing`);
    if (group.via === 'switch') {
      assert.equal(entries.size, 1, `${group.block}: ${group.names.join(', ')} split over entries`);
      const [entry] = [...entries];
      assert.deepEqual([...spellings(entry!)].sort(), [...group.names].sort(), `${group.block}.${entry!.name}: aliases differ from the server`);
    }
  }
});

test('walkOptions lists every option once, under a path that resolves back to it', () => {
  const entries = walkOptions();
  const total = allBlocks.reduce((n, b) => n + b.keys.length, 0);
  assert.equal(entries.length, total);
  for (const entry of entries) {
    const found = findOption([...entry.path]);
    assert.ok(found, `walk path ${entry.path.join('.')} does not resolve`);
    assert.equal(found.option, entry.option, entry.path.join('.'));
    assert.equal(found.effectiveSince, entry.effectiveSince, entry.path.join('.'));
  }
});

test('value types read as short text', () => {
  const cases: [string[], string][] = [
    [['ping_interval'], 'duration such as "30s" (a bare number means seconds and draws a warning)'],
    [['write_timeout'], 'one of "default", "close", "retry"'],
    [['jetstream'], 'boolean | one of "enabled", "enable", "disabled", "disable" (any case) | block (JetStream)'],
    [['leafnodes', 'remotes', '*', 'url'], 'URL, or a list of them'],
    [['max_sub_tokens'], 'integer 1..255'],
  ];
  for (const [path, text] of cases) assert.equal(describeValue(findOption(path)!.option.value), text, path.join('.'));
});

test('keys dated at or before 2.9.10 are exactly the keys of the v2.9.10 sources', () => {
  const fixture = readFactsFixture<KeyGroupFixture>('opts-keys-v2.9.10.json');
  const inOld = new Set(fixture.groups.flatMap((g) => g.names.map((n) => `${g.block}.${n}`)));
  const datedOld = new Set<string>();
  for (const block of allBlocks) {
    for (const option of block.keys) {
      for (const spelling of spellings(option)) {
        const since = option.aliasSince?.[spelling] ?? option.since;
        if (compareVersions(since, '2.9.10') <= 0) datedOld.add(`${block.id}.${spelling}`);
      }
    }
  }
  assert.deepEqual([...datedOld].filter((k) => !inOld.has(k)), [], 'dated <= 2.9.10 but absent from v2.9.10');
  assert.deepEqual([...inOld].filter((k) => !datedOld.has(k)), [], 'in v2.9.10 but dated later');
});
