// Reads the configuration-key switches out of nats-server Go sources.
//
// nats-server parses its config by walking a map and switching on the key, e.g.
//   switch strings.ToLower(mk) { case "listen": ... case "host", "net": ... }
// A `case` line of such a switch is one option with its aliases. Switches on
// values (`switch strings.ToLower(vv)`, type switches) are skipped. A key switch
// nested inside a `case` of another key switch describes the child block of that
// key, so every group is reported with the chain of enclosing keys.
// A few blocks are read by direct lookups (`v["dir"]`, `latency["sampling"]`);
// those are reported as one-name groups.

import { execFileSync } from 'node:child_process';

export const DEFAULT_MIRROR = '/work/.mirror/nats-io+nats-server/repo';

/** Files that hold config key switches, relative to the repository root. */
export const CONFIG_SOURCE_FILES = [
  'server/opts.go',
  'server/ocsp_peer.go',
  'server/ocsp_responsecache.go',
];

const KEY_SWITCH = /^switch\s+(?:strings\.ToLower\(\s*)?(k|mk|kk|pk)\s*\)?\s*\{$/;
const MAP_LOOKUP = /\b(v|m|latency|migrateConfig)\["([A-Za-z_]+)"\]/g;
const FUNC_START = /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\(/;

/** Removes string/rune literals and line comments so braces can be counted. */
function codeOnly(line) {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '/' && line[i + 1] === '/') break;
    if (c === '"' || c === '`' || c === "'") {
      const quote = c;
      i++;
      while (i < line.length && line[i] !== quote) {
        if (line[i] === '\\' && quote !== '`') i++;
        i++;
      }
      out += quote + quote;
      continue;
    }
    out += c;
  }
  return out;
}

function quotedStrings(text) {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
}

/**
 * @param {string} source Go source text
 * @param {string} file name used in the result
 * @returns {{file: string, func: string, path: string[], names: string[], line: number, via: 'switch'|'lookup'}[]}
 */
export function extractKeyGroups(source, file) {
  const lines = source.split('\n');
  const groups = [];
  let func = null;
  let depth = 0;
  /** @type {{key: boolean, bodyDepth: number, currentCase: string|null}[]} */
  let switches = [];
  let pendingCase = null;

  const enclosingPath = () =>
    switches.filter((s) => s.key && s.currentCase !== null).map((s) => s.currentCase);

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    const trimmed = raw.trim();
    const fm = FUNC_START.exec(raw);
    if (fm && depth === 0) {
      func = fm[1];
      switches = [];
    }
    const code = codeOnly(trimmed);

    // A case clause may span lines until its colon.
    if (pendingCase !== null || /^case\s/.test(trimmed)) {
      const text = (pendingCase ?? '') + ' ' + trimmed;
      if (!/:\s*(\/\/.*)?$/.test(trimmed)) {
        pendingCase = text;
        continue;
      }
      pendingCase = null;
      const top = switches[switches.length - 1];
      if (top && top.bodyDepth === depth) {
        const names = quotedStrings(text.replace(/^\s*case\s/, ''));
        if (top.key && names.length > 0 && func) {
          // Only the enclosing switches count: this switch's own previous case does not.
          const outer = switches
            .slice(0, -1)
            .filter((s) => s.key && s.currentCase !== null)
            .map((s) => s.currentCase);
          groups.push({ file, func, path: outer, names, line: n + 1, via: 'switch' });
          top.currentCase = names[0];
        } else if (top.key) {
          top.currentCase = null;
        }
      }
    } else if (/^default\s*:/.test(trimmed)) {
      const top = switches[switches.length - 1];
      if (top && top.bodyDepth === depth && top.key) top.currentCase = null;
    }

    if (func) {
      for (const m of raw.matchAll(MAP_LOOKUP)) {
        groups.push({ file, func, path: enclosingPath(), names: [m[2]], line: n + 1, via: 'lookup' });
      }
    }

    const isSwitch = /^switch\b.*\{$/.test(code);
    for (const ch of code) {
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        while (switches.length && switches[switches.length - 1].bodyDepth > depth) switches.pop();
      }
    }
    if (isSwitch) {
      switches.push({ key: KEY_SWITCH.test(code), bodyDepth: depth, currentCase: null });
    }
    if (depth === 0 && code.endsWith('}')) func = null;
  }
  return groups;
}

/** Where each (function, enclosing keys) group lands in our table: a block id. */
export const FUNCTION_BLOCKS = {
  'ProcessConfigFile|': 'root', // before processConfigFileLine existed
  'processConfigFileLine|': 'root',
  'configureSystemAccount|': 'root',
  'processConfigFileLine|ocsp': 'ocsp',
  'ProcessConfigFile|ocsp': 'ocsp',
  'processConfigFileLine|resolver': 'resolver',
  'ProcessConfigFile|resolver': 'resolver',
  'parseCluster|': 'cluster',
  'parseCompression|': 'compression',
  'parseGateway|': 'gateway',
  'parseGateways|': 'remoteGateway',
  'parseJetStreamForAccount|': 'accountJetStream',
  'parseJetStreamLimits|': 'jetstreamLimits',
  'parseJetStreamLimitsBatch|': 'jetstreamLimitsBatch',
  'parseJetStreamTPM|': 'jetstreamTpm',
  'parseJetStream|': 'jetstream',
  'parseLeafNodes|': 'leafnodes',
  'parseLeafAuthorization|': 'leafAuthorization',
  'parseLeafUsers|': 'leafUser',
  'parseRemoteLeafNodes|': 'leafRemote',
  'parseRemoteLeafNodes|proxy': 'leafRemoteProxy',
  'parseRemoteLeafNodes|jetstream_cluster_migrate': 'leafRemoteClusterMigrate',
  'parseAccountMapDest|': 'mappingDestination',
  'parseAccountLimits|': 'accountLimits',
  'parseAccountMsgTrace|': 'accountMsgTrace',
  'parseAccounts|': 'account',
  'parseAccount|': 'importSource',
  'parseExportStreamOrService|': 'export',
  'parseServiceLatency|': 'serviceLatency',
  'parseImportStreamOrService|': 'import',
  'parseAuthorization|': 'authorization',
  'parseUsers|': 'user',
  'parseAuthCallout|': 'authCallout',
  'parseUserPermissions|': 'permissions',
  'parseAllowResponses|': 'allowResponses',
  'parseSubjectPermission|': 'subjectPermission',
  'parseTLS|': 'tls',
  'parseTLS|certs': 'tlsCertificate',
  'parseSimpleAuth|': 'simpleAuthorization',
  'parseWebsocket|': 'websocket',
  'parseMQTT|': 'mqtt',
  'parseProxies|': 'proxies',
  'parseProxiesTrusted|': 'trustedProxy',
  'parseOCSPPeer|': 'ocspPeer',
  'parseOCSPResponseCache|': 'ocspCache',
};

export function blockIdFor(group) {
  return FUNCTION_BLOCKS[`${group.func}|${group.path.join('.')}`];
}

/** Reads a file at a revision of the bare mirror; undefined when it does not exist there. */
export function gitShow(mirror, rev, file) {
  try {
    return execFileSync('git', ['-C', mirror, 'show', `${rev}:${file}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

/** All key groups at a revision, each with the block id it maps to (or undefined). */
export function keyGroupsAt(mirror, rev) {
  const all = [];
  for (const file of CONFIG_SOURCE_FILES) {
    const src = gitShow(mirror, rev, file);
    if (src === undefined) continue;
    for (const g of extractKeyGroups(src, file)) all.push({ ...g, block: blockIdFor(g) });
  }
  return all;
}

/** Release tags (no pre-releases), oldest first. */
export function releaseTags(mirror) {
  const out = execFileSync('git', ['-C', mirror, 'tag', '--sort=v:refname'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => /^v\d+\.\d+\.\d+$/.test(t));
}
