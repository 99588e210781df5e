#!/usr/bin/env node
// For every config key nats-server has ever switched on, finds the first release
// tag whose sources accept it in that block, by running the key extractor over
// every release tag of the mirror (oldest first).
//
// Usage: node scripts/opts-key-versions.mjs [mirror] [--out file.json]
// Writes { "<block>.<name>": "2.10.0", ... } (names include aliases) and, for keys
// that a later release dropped, "<block>.<name>" in "removed".

import { writeFileSync } from 'node:fs';
import { DEFAULT_MIRROR, keyGroupsAt, releaseTags } from './lib/goConfigKeys.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
const mirror = args.find((a, i) => !a.startsWith('--') && i !== outIndex + 1) ?? DEFAULT_MIRROR;

const firstSeen = {};
const lastSeen = {};
const tags = releaseTags(mirror);
const latest = tags[tags.length - 1];
for (const tag of tags) {
  const version = tag.slice(1);
  for (const g of keyGroupsAt(mirror, tag)) {
    if (!g.block) continue;
    for (const name of g.names) {
      const id = `${g.block}.${name}`;
      firstSeen[id] ??= version;
      lastSeen[id] = version;
    }
  }
}
// Keys present at the tip of the default branch but in no release yet.
for (const g of keyGroupsAt(mirror, 'HEAD')) {
  if (!g.block) continue;
  for (const name of g.names) {
    const id = `${g.block}.${name}`;
    firstSeen[id] ??= 'unreleased';
    lastSeen[id] = 'HEAD';
  }
}
const removed = Object.keys(lastSeen)
  .filter((id) => lastSeen[id] !== 'HEAD')
  .sort()
  .map((id) => ({ id, since: firstSeen[id], lastSeenIn: lastSeen[id] }));

const sorted = Object.fromEntries(Object.keys(firstSeen).sort().map((k) => [k, firstSeen[k]]));
const result = { source: 'nats-server release tags', latestTag: latest, since: sorted, removed };
const text = JSON.stringify(result, null, 2) + '\n';
if (out) writeFileSync(out, text);
else process.stdout.write(text);
