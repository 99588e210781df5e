// Readers never throw: every prefix of realistic inputs and random noise yields a result with
// problems whose ranges lie inside the text.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readHostSource } from '../../../server/src/sources/discover';
import type { HostSourceKind } from '../../../server/src/sources/hostSettings';
import { interpolate } from '../../../server/src/sources/interpolate';
import { sourceFixtureFiles } from './sourceFixtures';

const KIND_BY_FILE: Record<HostSourceKind, string> = {
  dotenv: '/p/host.env',
  envrc: '/p/.envrc',
  compose: '/p/docker-compose.yml',
  kubernetes: '/p/deploy.yaml',
  systemd: '/p/wasmcloud.service',
};

function checkNeverThrows(kind: HostSourceKind, text: string): void {
  const result = readHostSource(KIND_BY_FILE[kind], text, { readFile: () => undefined }, kind);
  for (const problem of result.problems) {
    if (problem.file !== KIND_BY_FILE[kind]) continue;
    assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, `${kind}: ${problem.code} ${problem.start}-${problem.end} in ${JSON.stringify(text)}`);
  }
  for (const source of result.sources) {
    for (const v of source.variables) {
      if (v.file !== KIND_BY_FILE[kind]) continue;
      assert.ok(v.nameSpan.start <= v.nameSpan.end && v.nameSpan.end <= text.length && v.valueSpan.end <= text.length, `${kind}: span of ${v.name}`);
    }
  }
}

/** A small deterministic generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('readers never throw', () => {
  const samples: [HostSourceKind, string][] = Object.entries(sourceFixtureFiles()).map(([file, text]) => [
    file.endsWith('.yml') ? 'compose' : file.endsWith('.yaml') ? 'kubernetes' : file.endsWith('.service') ? 'systemd' : 'dotenv',
    text,
  ]);
  samples.push(['envrc', 'export A="x\nexport B=$A ; dotenv\n']);

  it('on prefixes of the fixtures (every 5th character and every line end)', () => {
    for (const [kind, text] of samples) {
      for (let end = 0; end <= text.length; end++) {
        if (end % 5 === 0 || text[end] === '\n' || text[end - 1] === '\n' || end === text.length) checkNeverThrows(kind, text.slice(0, end));
      }
    }
  });

  it('on random noise built from the syntax characters', () => {
    const next = random(42);
    const alphabet = ['A', '=', '"', "'", '\\', '$', '{', '}', '(', ')', '#', ' ', '\n', '\r\n', ':', '-', '[', ']', '*', '&', '<<', 'export ', 'WASMCLOUD_JS_DOMAIN', '«', '\uFEFF', '|', '\t'];
    for (let round = 0; round < 400; round++) {
      let text = '';
      const length = Math.floor(next() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      for (const kind of Object.keys(KIND_BY_FILE) as HostSourceKind[]) checkNeverThrows(kind, text);
    }
  });

  it('interpolation handles broken references', () => {
    assert.deepEqual(interpolate('${', () => undefined).errors.length, 1);
    assert.deepEqual(interpolate('${A:-${B:-x}}', () => undefined).value, 'x');
    assert.deepEqual(interpolate('${1}', () => undefined).errors.length, 1);
    assert.deepEqual(interpolate('${A:?must be set}', (n) => (n === 'A' ? 'v' : undefined)).value, 'v');
    assert.deepEqual(interpolate('${A:+alt}', (n) => (n === 'A' ? 'v' : undefined)).value, 'alt');
    assert.deepEqual(interpolate('$$A', () => undefined).value, '$A');
  });
});
