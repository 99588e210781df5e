import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../cli/runCli';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nats-lattice-format-cli-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A fresh folder holding `files` (name → text). */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const MESSY = 'port=4222\ncluster {\nname=c1\n}\n';
const TIDY = 'port: 4222\ncluster {\n  name: c1\n}\n';

describe('nats-lattice format', () => {
  it('rewrites files in place and names them', () => {
    const dir = folder('rewrite', { 'nats.conf': MESSY, 'nats-tidy.conf': TIDY });
    const run = runCli(['format', '.'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'formatted nats.conf\n');
    assert.equal(fs.readFileSync(path.join(dir, 'nats.conf'), 'utf8'), TIDY);
  });

  it('--check lists what would change, changes nothing and exits 1', () => {
    const dir = folder('check', { 'nats.conf': MESSY, 'nats-tidy.conf': TIDY });
    const run = runCli(['format', '--check', '.'], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, 'nats.conf\n');
    assert.equal(fs.readFileSync(path.join(dir, 'nats.conf'), 'utf8'), MESSY);
  });

  it('--check exits 0 when everything is formatted', () => {
    const dir = folder('clean', { 'nats.conf': TIDY });
    assert.equal(runCli(['format', '--check', 'nats.conf'], dir).status, 0);
  });

  it('takes the separator, alignment and indentation from options', () => {
    const dir = folder('options', { 'nats.conf': 'port: 4222\nmax_payload: 1MB\nm {\nx: 1\n}\n' });
    const run = runCli(['format', '--separator', '=', '--align-values', '--indent', 'tab', 'nats.conf'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'nats.conf'), 'utf8'), 'port        = 4222\nmax_payload = 1MB\nm {\n\tx = 1\n}\n');
  });

  it('takes format.separator from .nats-lattice.json', () => {
    const dir = folder('project', { 'nats.conf': MESSY, '.nats-lattice.json': '{ "format": { "separator": " " } }' });
    assert.equal(runCli(['format', 'nats.conf'], dir).status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'nats.conf'), 'utf8'), 'port 4222\ncluster {\n  name c1\n}\n');
  });

  it('leaves a file with syntax errors alone, says why and exits 1', () => {
    const dir = folder('broken', { 'nats.conf': 'a = [1, 2\n' });
    const run = runCli(['format', 'nats.conf'], dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /skipped nats\.conf: line 1 has a syntax error/);
    assert.equal(fs.readFileSync(path.join(dir, 'nats.conf'), 'utf8'), 'a = [1, 2\n');
  });

  it('rejects bad options with status 2', () => {
    const run = runCli(['format', '--separator', '->', 'x.conf'], scratch);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--separator must be ":", "=" or "space"/);
  });
});
