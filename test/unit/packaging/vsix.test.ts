// The packaged extension holds the bundles and the declarative files, nothing else, under 1 MB.
// Packaging needs the network (npx fetches @vscode/vsce), so the test inspects the package that
// `npm run package` made; the rules themselves are checked on made-up file lists.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

interface Entry { name: string; size: number }
interface VsixContents {
  VSIX_SIZE_LIMIT: number;
  REQUIRED: string[];
  listVsix(file: string): Entry[];
  checkVsixEntries(entries: Entry[], packageSize: number): string[];
}

function findRepoRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts', 'lib', 'vsixContents.cjs'))) return dir;
  }
  return process.cwd();
}

const root = findRepoRoot();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vsix = require(path.join(root, 'scripts', 'lib', 'vsixContents.cjs')) as VsixContents;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; icon?: string };
const packaged = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);

const complete = (): Entry[] => ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/readme.md', 'extension/LICENSE.txt', ...vsix.REQUIRED]
  .map((name) => ({ name, size: 10 }));

describe('vsix contents rules', () => {
  it('accept the bundles and declarative files', () => {
    assert.deepEqual(vsix.checkVsixEntries(complete(), 400_000), []);
  });

  const rejected: [string, string][] = [
    ['extension/dist/server.js.map', 'a source map'],
    ['extension/out/test/unit/x.test.js', 'not part of the extension'],
    ['extension/server/src/server.ts', 'not part of the extension'],
    ['extension/node_modules/yaml/index.js', 'not part of the extension'],
    ['extension/images/icon.svg', 'not part of the extension'],
    ['extension/test/vscode/fixtures/workspace/nats.conf', 'not part of the extension'],
  ];
  for (const [name, why] of rejected) {
    it(`reject ${name}`, () => {
      const problems = vsix.checkVsixEntries([...complete(), { name, size: 10 }], 400_000);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.ok(problems[0].includes(why), problems[0]);
    });
  }

  it('reject a package without its server bundle, or over the size limit', () => {
    assert.match(vsix.checkVsixEntries(complete().filter((e) => e.name !== 'extension/dist/server.js'), 1000).join('\n'), /dist\/server\.js is missing/);
    assert.match(vsix.checkVsixEntries(complete(), vsix.VSIX_SIZE_LIMIT).join('\n'), /over the 1024 KiB limit/);
  });
});

describe('the packaged extension', { skip: fs.existsSync(packaged) ? false : `${path.relative(root, packaged)} not built (npm run package)` }, () => {
  it(`${path.basename(packaged)}: only allowed files, everything required, under 1 MB`, () => {
    const entries = vsix.listVsix(packaged);
    assert.deepEqual(vsix.checkVsixEntries(entries, fs.statSync(packaged).size), []);
    assert.ok(!entries.some((e) => /\.map$|\.ts$|(^|\/)test\//.test(e.name)), entries.map((e) => e.name).join('\n'));
  });

  it('the icon is a 128×128 PNG', () => {
    const png = fs.readFileSync(path.join(root, manifest.icon ?? 'images/icon.png'));
    assert.equal(png.toString('ascii', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
