// The snippets are proven, not just written: each one, expanded with its default values in every
// block it is offered in, must pass the real `nats-server -t` and our own checker; its tab stops
// run in order; enum and boolean values are choices of exactly the allowed values; completion
// offers it in its blocks and nowhere else; the env snippet plus the hub and leaf snippets make a
// lattice without findings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { valueAlternatives } from '../../../server/src/facts/optionLookup';
import { findVariable } from '../../../server/src/facts/wasmcloudVars';
import { doComplete } from '../../../server/src/features/completion';
import { optionOfEntry } from '../../../server/src/features/keyPath';
import { chainAt } from '../../../server/src/features/nodeAt';
import { CONFIG_SNIPPETS, ConfigSnippet, readSnippetFile } from '../../../server/src/features/snippetCompletion';
import { createMemoryFileSystem } from '../../../server/src/memoryFileSystem';
import { createLanguageService } from '../../../server/src/service';
import { parse } from '../../../server/src/syntax/parser';
import { setup } from '../features/helpers';
import { analyze, describeFinding } from '../lattice/latticeCase';
import { expandSnippet } from './expandSnippet';

/** The repository: up from here (out/ inside it), else the working directory (an outDir elsewhere). */
function findRepoRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'snippets'))) return dir;
  }
  return process.cwd();
}
const repoRoot = findRepoRoot();
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
const ENV_SNIPPETS = readSnippetFile(readJson('snippets/wasmcloud-env.json'));

/** Keys a block needs besides the snippet before nats-server accepts it (a remote needs a url). */
const BLOCK_NEEDS: Record<string, string> = {
  gateway: 'name: A\nport: 7222',
  'leafnodes.remotes.*': 'url: "nats-leaf://hub:7422"',
  mqtt: 'port: 1883',
  websocket: 'port: 8080\nno_tls: true',
};
/** What a snippet offered inside a block needs elsewhere in the file. */
const FILE_NEEDS: Record<string, string> = {
  mqtt: 'server_name: mqtt-test\njetstream { store_dir: "./js" }',
};

interface Placed {
  label: string;
  text: string;
  /** Where the snippet's expansion starts in `text`. */
  at: number;
  stops: ReturnType<typeof expandSnippet>['stops'];
}

/** The snippet expanded with its defaults, inside the nested blocks of `block` ('' = top level). */
function place(snippet: ConfigSnippet, block: string): Placed {
  const expansion = expandSnippet(snippet.body);
  let before = '';
  let after = '';
  const segments = block === '' ? [] : block.split('.');
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === '*') continue;
    if (segments[i + 1] === '*') { before += `${segments[i]} = [\n{\n`; after = `\n}\n]\n${after}`; }
    else { before += `${segments[i]} {\n`; after = `\n}\n${after}`; }
  }
  before += BLOCK_NEEDS[block] ? `${BLOCK_NEEDS[block]}\n` : '';
  const preamble = [snippet.assumes, FILE_NEEDS[block]].filter(Boolean).map((line) => `${line}\n`).join('');
  const head = preamble + before;
  return { label: `${snippet.prefix} in ${block || 'the top level'}`, text: head + expansion.text + after, at: head.length, stops: expansion.stops };
}

const PLACED: Placed[] = CONFIG_SNIPPETS.flatMap((snippet) => snippet.blocks.map((block) => place(snippet, block)));

const natsServer = spawnSync('nats-server', ['--version'], { encoding: 'utf8' });
const haveNatsServer = natsServer.status === 0;

describe('snippets: every expansion passes nats-server -t', { skip: haveNatsServer ? false : 'nats-server is not installed (apt-get install nats-server)' }, () => {
  let scratch = '';
  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-snippets-'));
    // The TLS snippet names ./certs/*.pem: a throwaway self-signed certificate, its own CA.
    fs.mkdirSync(path.join(scratch, 'certs'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
      '-keyout', 'certs/server-key.pem', '-out', 'certs/server.pem'], { cwd: scratch, encoding: 'utf8' });
    assert.equal(made.status, 0, `openssl could not make a test certificate: ${made.stderr}`);
    fs.copyFileSync(path.join(scratch, 'certs/server.pem'), path.join(scratch, 'certs/ca.pem'));
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  PLACED.forEach((placed, n) => {
    it(placed.label, () => {
      const file = path.join(scratch, `snippet-${n}.conf`);
      fs.writeFileSync(file, placed.text);
      const run = spawnSync('nats-server', ['-c', file, '-t'], { cwd: scratch, encoding: 'utf8', timeout: 10_000 });
      assert.equal(run.status, 0, `nats-server -t rejected the expansion:\n${run.stderr}${run.stdout}\n--- ${file}\n${placed.text}`);
    });
  });
});

describe('snippets: our checker finds no errors in any expansion', () => {
  for (const placed of PLACED) {
    it(placed.label, () => {
      const file = '/snippets/nats.conf';
      const service = createLanguageService({ fs: createMemoryFileSystem({ [file]: placed.text }), lookUpProjectFiles: false });
      const errors = service.doValidation(TextDocument.create(`file://${file}`, 'nats-conf', 1, placed.text))
        .filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}: ${d.message}`), [], placed.text);
    });
  }
});

describe('snippets: tab stops', () => {
  for (const snippet of [...CONFIG_SNIPPETS, ...ENV_SNIPPETS]) {
    it(`${snippet.prefix}: numbered 1, 2, … in reading order, $0 last`, () => {
      const { stops, text } = expandSnippet(snippet.body);
      const firstSeen: number[] = [];
      for (const stop of stops) if (stop.index !== 0 && !firstSeen.includes(stop.index)) firstSeen.push(stop.index);
      assert.deepEqual(firstSeen, firstSeen.map((_, i) => i + 1), `tab stops in body order: ${firstSeen.join(', ')}`);
      const finals = stops.filter((s) => s.index === 0);
      assert.ok(finals.length <= 1 && (finals.length === 0 || finals[0].offset === text.length), '$0 at the very end, once');
    });
  }

  for (const placed of PLACED) {
    it(`${placed.label}: enum and boolean values are choices of allowed values`, () => {
      const parsed = parse(placed.text);
      for (const stop of placed.stops) {
        const offset = placed.at + stop.offset;
        const chain = chainAt(parsed.document.body, offset);
        const value = chain[chain.length - 1];
        const entryIndex = chain.length - 2;
        if (value?.type !== 'scalar' || chain[entryIndex]?.type !== 'entry' || value.start !== offset || value.end !== offset + stop.text.length) continue;
        const option = optionOfEntry(chain, entryIndex)?.option;
        if (!option) continue;
        const alternatives = valueAlternatives(option.value);
        const allowed = alternatives.flatMap((v) => (v.kind === 'bool' ? ['true', 'false'] : v.kind === 'enum' ? [...v.values] : []));
        const onlyFixed = allowed.length > 0 && alternatives.every((v) => v.kind === 'bool' || v.kind === 'enum' || v.kind === 'map');
        if (onlyFixed) assert.equal(stop.kind, 'choice', `${option.name}: offer \${${stop.index}|${allowed.join(',')}|} instead of a free placeholder`);
        if (stop.kind === 'choice' && allowed.length > 0) {
          for (const choice of stop.choices ?? []) assert.ok(allowed.includes(choice), `${option.name}: choice ${choice} is not one of ${allowed.join(', ')}`);
        }
      }
    });
  }
});

describe('snippets: completion offers them in their blocks only', () => {
  const offered = (marked: string) => doComplete(setup(marked).doc, setup(marked).position, setup(marked).ctx).items
    .filter((item) => item.kind === 15 /* Snippet */).map((item) => item.label).sort();
  const cases: { where: string; marked: string; expected: string[] }[] = [
    { where: 'top level', marked: 'port: 4222\n|', expected: ['accounts-system', 'cluster-member', 'jetstream-domain', 'leafnodes-hub', 'tls', 'wasmcloud-hub', 'wasmcloud-leaf', 'websocket'] },
    { where: 'typing at the top level', marked: 'wasm|', expected: ['accounts-system', 'cluster-member', 'jetstream-domain', 'leafnodes-hub', 'tls', 'wasmcloud-hub', 'wasmcloud-leaf', 'websocket'] },
    { where: 'leafnodes', marked: 'leafnodes {\n  |\n}', expected: ['leaf-remote', 'leaf-remote-deny', 'tls'] },
    { where: 'leafnodes by its alias leaf', marked: 'leaf {\n  |\n}', expected: ['leaf-remote', 'leaf-remote-deny', 'tls'] },
    { where: 'a leaf remote', marked: 'leafnodes { remotes = [ {\n  url: "nats-leaf://hub:7422"\n  |\n} ] }', expected: ['tls'] },
    { where: 'accounts', marked: 'accounts {\n  |\n}', expected: ['account'] },
    { where: 'cluster', marked: 'cluster {\n  |\n}', expected: ['tls'] },
    { where: 'jetstream', marked: 'jetstream {\n  |\n}', expected: [] },
    { where: 'a value', marked: 'port: |', expected: [] },
  ];
  for (const c of cases) {
    it(`${c.where}: ${c.expected.join(', ') || 'none'}`, () => assert.deepEqual(offered(c.marked), c.expected));
  }

  it('inserts the snippet body as a snippet, replacing the typed word', () => {
    const s = setup('wasm|');
    const item = doComplete(s.doc, s.position, s.ctx).items.find((i) => i.label === 'wasmcloud-leaf');
    assert.ok(item && item.textEdit && 'range' in item.textEdit);
    assert.equal(item.insertTextFormat, 2);
    assert.deepEqual(item.textEdit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    assert.equal(item.textEdit.newText, CONFIG_SNIPPETS.find((x) => x.prefix === 'wasmcloud-leaf')!.body);
  });
});

describe('snippets: the wasmCloud env snippet', () => {
  it('sets only variables the wasmCloud host reads', () => {
    for (const snippet of ENV_SNIPPETS) {
      for (const line of expandSnippet(snippet.body).text.split('\n').filter((l) => l.includes('='))) {
        const name = line.slice(0, line.indexOf('='));
        assert.ok(findVariable(name, 'host-rust'), `${snippet.prefix}: ${name} is not a wasmCloud host variable`);
      }
    }
  });

  it('with the hub and leaf snippets makes a lattice without findings', () => {
    const body = (prefix: string) => expandSnippet([...CONFIG_SNIPPETS, ...ENV_SNIPPETS].find((s) => s.prefix === prefix)!.body).text;
    const { analysis, texts } = analyze({
      'hub/nats-hub.conf': body('wasmcloud-hub'),
      'edge/nats-leaf.conf': body('wasmcloud-leaf'),
      'edge/wasmcloud.env': body('wasmcloud-host'),
    });
    assert.equal(analysis.topology.hosts.length, 1, 'the env file is read as one host');
    assert.equal(analysis.topology.leafLinks.length, 1, 'the leaf snippet connects to the hub snippet');
    assert.deepEqual(analysis.findings.map((f) => describeFinding(f, texts)), []);
  });

  it('reaches NATS configs through the server only, and is contributed for the languages VS Code gives .env files', () => {
    const contributed = readJson('package.json').contributes.snippets as { language: string; path: string }[];
    const languagesOf = (file: string) => contributed.filter((c) => path.normalize(c.path) === path.normalize(file)).map((c) => c.language).sort();
    // The server offers these in the block they belong to; a static contribution would list each twice.
    assert.deepEqual(languagesOf('./snippets/nats-conf.json'), []);
    // dotenv: VS Code 1.9x and later; properties: what older releases gave .env files.
    assert.deepEqual(languagesOf('./snippets/wasmcloud-env.json'), ['dotenv', 'properties']);
  });
});
