// Hostile inputs, one test each: deep nesting, huge files, broken encodings, unterminated
// everything, include cycles, files that are not files, symlink loops, YAML alias bombs and
// enormous env files. Each must end quickly with a diagnostic (where one applies), never a crash.
// Time bounds are generous on purpose: they catch hangs and quadratic blow-ups, not slowness.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exerciseConfig, exerciseHostSource } from '../support/exercise';
import { parse } from '../../server/src/syntax/parser';
import { evaluateText } from '../../server/src/syntax/evaluate';
import { createLanguageService } from '../../server/src/service';
import { createNodeFileSystem } from '../../server/src/nodeFileSystem';
import { createMemoryFileSystem } from '../../server/src/memoryFileSystem';
import { readHostSource } from '../../server/src/sources/discover';
import { pathToUri } from '../../server/src/uri';

function within<T>(seconds: number, what: string, work: () => T): T {
  const started = Date.now();
  const result = work();
  const took = (Date.now() - started) / 1000;
  assert.ok(took < seconds, `${what} took ${took.toFixed(1)} s (bound ${seconds} s): a hang or a quadratic path`);
  return result;
}

function codesOf(text: string, files: Record<string, string> = {}, file = '/adv/nats.conf'): string[] {
  const service = createLanguageService({ fs: createMemoryFileSystem({ [file]: text, ...files }) });
  return service.doValidation(TextDocument.create(pathToUri(file), 'nats-conf', 1, text)).map((d) => String(d.code));
}

describe('100,000-deep nesting: parser, evaluation, validation, rules and every feature', () => {
  const depth = 100_000;
  const shapes: Record<string, string> = {
    'maps on one line': 'a {'.repeat(depth) + '}'.repeat(depth),
    'maps one per line': 'a {\n'.repeat(depth) + '}\n'.repeat(depth),
    'arrays': 'a = ' + '['.repeat(depth) + ']'.repeat(depth),
    'unclosed maps and arrays': 'a = ' + '[{b = '.repeat(depth / 2),
  };
  for (const [name, text] of Object.entries(shapes)) {
    it(name, () => within(60, name, () => exerciseConfig(text, { offsets: [0, text.length >> 1, text.length] })));
  }
});

describe('huge inputs stay roughly linear', () => {
  const MB = 1024 * 1024;
  it('a 50 MB configuration of many lines parses and validates', () => {
    const line = 'key_name = "some value"  # comment\n';
    const text = line.repeat(Math.ceil((50 * MB) / line.length));
    within(120, '50 MB file', () => {
      const result = parse(text);
      assert.equal(result.errors.length, 0);
    });
  });
  it('a 50 MB single line parses', () => {
    const text = 'a = "' + 'x'.repeat(50 * MB) + '"';
    within(60, '50 MB line', () => assert.equal(parse(text).errors.length, 0));
  });
  it('a 5 MB single-line configuration goes through validation and the editor features', () => {
    const text = 'a { b = 1, c = [1, 2, "x"] } '.repeat(Math.ceil((5 * MB) / 28));
    within(120, '5 MB single line through everything', () => exerciseConfig(text, { offsets: [0, text.length >> 1] }));
  });
});

describe('encodings and line ends', () => {
  it('NUL bytes are a warning, not a crash', () => {
    assert.ok(codesOf('port: 42\u000022\nname: "a\u0000b"\n').length > 0);
    exerciseConfig('\u0000'.repeat(1000) + 'a = 1');
  });
  it('invalid UTF-8 (decoded to U+FFFD) and lone surrogates', () => {
    const decoded = Buffer.from([0x61, 0x20, 0x3d, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]).toString('utf8');
    exerciseConfig(decoded);
    exerciseConfig('a = "\ud800"\nb = \udc00\n');
  });
  it('a BOM and CRLF line ends', () => {
    assert.deepEqual(codesOf('\uFEFFport: 4222\r\nhttp: 8222\r\n').filter((c) => c !== 'unknown-key'), []);
  });
  it('a CRLF block string, which nats-server cannot close, is reported as unterminated', () => {
    const codes = codesOf('text = (\r\nline\r\n)\r\nport: 1\r\n');
    assert.ok(codes.includes('unterminated-block-string') || codes.includes('unexpected-eof'), codes.join(', '));
  });
  it('unterminated everything', () => {
    for (const text of ['a = "', "a = '", 'a = (\n', 'a {', 'a = [', '"a', 'include "', 'a = $', 'a = ${', '{', '// x', '#']) {
      exerciseConfig(text, { offsets: [0, text.length] });
      if (!['// x', '#', '{'].includes(text)) assert.ok(codesOf(text).length > 0, `no diagnostic for ${JSON.stringify(text)}`);
    }
  });
});

describe('includes', () => {
  it('a self-include and an include cycle are reported, not followed for ever', () => {
    assert.ok(codesOf('include "nats.conf"\n').includes('include-cycle'));
    const codes = codesOf('include "b.conf"\n', { '/adv/b.conf': 'include "c.conf"\n', '/adv/c.conf': 'include "nats.conf"\n' });
    assert.ok(codes.some((c) => c === 'include-cycle' || c === 'include-has-errors'), codes.join(', '));
  });
  it('an include that names a folder is not found', () => {
    const codes = codesOf('include "sub"\n', { '/adv/sub/x.conf': 'port: 1\n' });
    assert.ok(codes.includes('include-not-found'), codes.join(', '));
  });
  it('variables that refer to each other end with a diagnostic (nats-server only looks backwards)', () => {
    const codes = codesOf('a = $b\nb = $a\nport = $a\n');
    assert.ok(codes.includes('undefined-variable') || codes.includes('variable-defined-after-use'), codes.join(', '));
    assert.ok(evaluateText('port = $A', { A: '$B', B: '$A' }).diagnostics.some((d) => d.code === 'variable-cycle'));
  });
  it('variables doubling a list 40 times do not blow up', () => {
    let text = 'v0 = [1, 2]\n';
    for (let i = 1; i <= 40; i++) text += `v${i} = [$v${i - 1}, $v${i - 1}]\n`;
    within(30, 'billion-laughs variables', () => exerciseConfig(text + 'x = $v40\n', { offsets: [text.length] }));
  });
});

describe('the real disk: files that are not regular files', () => {
  let folder: string;
  before(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-adv-')); });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('a FIFO is refused without blocking', { skip: process.platform === 'win32' }, () => {
    const fifo = path.join(folder, 'pipe.conf');
    execFileSync('mkfifo', [fifo]);
    const disk = createNodeFileSystem();
    within(5, 'reading a FIFO', () => assert.equal(disk.readFile(fifo), undefined));
    const main = path.join(folder, 'main.conf');
    fs.writeFileSync(main, 'include "pipe.conf"\n');
    const check = within(5, 'including a FIFO', () => createLanguageService({ fs: disk }).checkFile(main));
    assert.ok(check.byFile.flatMap((f) => f.diagnostics).some((d) => d.code === 'include-not-found'));
  });

  it('a file without read permission reads as missing', { skip: process.platform === 'win32' || process.getuid?.() === 0 }, () => {
    const secret = path.join(folder, 'secret.conf');
    fs.writeFileSync(secret, 'port: 1\n', { mode: 0o000 });
    assert.equal(createNodeFileSystem().readFile(secret), undefined);
  });

  it('a symlink loop in a workspace folder does not make the CLI walk in circles', { skip: process.platform === 'win32' }, () => {
    const root = path.join(folder, 'ws');
    fs.mkdirSync(path.join(root, 'a'), { recursive: true });
    fs.mkdirSync(path.join(root, 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, 'nats.conf'), 'port: 4222\n');
    fs.symlinkSync('..', path.join(root, 'a', 'up'));
    fs.symlinkSync('../a', path.join(root, 'b', 'to-a'));
    fs.symlinkSync('../b', path.join(root, 'a', 'to-b'));
    const cli = path.resolve('dist/cli.js');
    if (!fs.existsSync(cli)) return;
    const run = within(30, 'CLI walk over symlink loops', () => spawnSync(process.execPath, [cli, 'check', root], { encoding: 'utf8', timeout: 30_000 }));
    assert.equal(run.signal, null, `CLI was killed: ${run.stderr}`);
    assert.ok([0, 1].includes(run.status ?? -1), `exit ${run.status}: ${run.stderr}`);
  });
});

describe('host sources', () => {
  it('a YAML alias bomb in a compose file ends quickly with a result', () => {
    let yaml = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 9; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    yaml += 'services:\n  host:\n    image: wasmcloud/wasmcloud\n    environment: *a9\n';
    within(20, 'alias bomb', () => exerciseHostSource('compose', yaml));
    within(20, 'alias bomb (kubernetes)', () => exerciseHostSource('kubernetes', 'apiVersion: v1\nkind: Pod\n' + yaml));
  });
  it('100,000 env lines', () => {
    let text = '';
    for (let i = 0; i < 100_000; i++) text += `VAR_${i}="value ${i}" # note\n`;
    const result = within(30, '100,000 env lines', () => readHostSource('/adv/host.env', text, { readFile: () => undefined }, 'dotenv'));
    assert.equal(result.sources[0]?.variables.length, 100_000);
  });
});
