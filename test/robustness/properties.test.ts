// Property-based tests (fast-check) and a short seeded run of the mutation fuzzer: for any input,
// the parser, every single-file feature, the host-source readers and the cross-file analysis
// return without throwing, and every range they hand out lies inside the document.
// The long run is scripts/fuzz.mjs (docs/robustness.md).

import { describe, it } from 'node:test';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkParse, exerciseConfig, exerciseHostSource, exerciseLattice } from '../support/exercise';
import { fuzzInput, loadSeeds } from '../support/fuzzInputs';
import { runFuzzInput } from '../support/fuzzOne';
import type { HostSourceKind } from '../../server/src/sources/hostSettings';

const ROOT = process.cwd();
const SEED = 4242;

/** Pieces of the configuration language, so random strings hit the interesting states often. */
const configPiece = fc.constantFrom(
  '{', '}', '[', ']', '(', ')', '\n)\n', '"', "'", '\\', '\\x4', '$', '$A', '${', '#', '//', '/', '=', ':', ';', ',', '\n', '\r\n', '\r',
  ' ', '\t', '-', '.', '1', '1k', '10MB', 'x', 'key', 'include ', 'include "a.conf"', 'é', '😀', '\ud800', '\u0000', '\uFEFF',
  'true', 'nats://h:4222', '2024-01-01T00:00:00Z', 'port', 'leafnodes', 'authorization', 'password', 'tls', 'insecure',
);
const configText = fc.oneof(
  fc.array(configPiece, { maxLength: 60 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

describe('properties over generated configurations', () => {
  it('the lexer and parser never throw, tokens give the text back, ranges stay inside', () => {
    fc.assert(fc.property(configText, (text) => checkParse(text)), { seed: SEED, numRuns: 3000 });
  });

  it('validation and every editor feature at random positions never throw', () => {
    fc.assert(
      fc.property(configText, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (text, picks) => {
        exerciseConfig(text, { offsets: picks.map((p) => p % (text.length + 1)), files: { 'a.conf': 'port: 1\n' } });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  const envPiece = fc.constantFrom('A', 'WASMCLOUD_JS_DOMAIN', '=', '"', "'", '\\', '$', '${', '}', '#', ' ', '\n', '\r\n', 'export ', ':', '-', '*', '&a', '<<', '|', '\t', '\uFEFF', '[Service]', 'Environment=', 'env:', '- name: ');
  for (const kind of ['dotenv', 'envrc', 'compose', 'kubernetes', 'systemd'] as HostSourceKind[]) {
    it(`the ${kind} reader never throws and keeps its ranges inside`, () => {
      fc.assert(fc.property(fc.array(envPiece, { maxLength: 50 }).map((p) => p.join('')), (text) => exerciseHostSource(kind, text)), { seed: SEED, numRuns: 500 });
    });
  }

  it('the cross-file lattice analysis never throws on generated workspaces', () => {
    fc.assert(
      fc.property(configText, fc.array(envPiece, { maxLength: 30 }).map((p) => p.join('')), (config, env) => {
        exerciseLattice({ 'hub.conf': config, 'leaf.conf': `leafnodes { remotes [{ url: "nats://127.0.0.1:7422" }] }\n${config}`, 'host.env': env });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('seeded mutation fuzzing (short run of scripts/fuzz.mjs)', () => {
  const seeds = loadSeeds(ROOT);
  it(`loads seeds from the corpus, conformance cases, fixtures and examples`, () => {
    if (seeds.length < 100) throw new Error(`only ${seeds.length} seed files found under ${path.resolve(ROOT, '../shared/corpus')} and test/`);
  });
  it('3,000 mutated inputs', () => {
    for (let index = 0; index < 3000; index++) {
      const input = fuzzInput(seeds, SEED, index);
      try {
        runFuzzInput(input, { positions: index % 5 === 0, service: index % 10 === 0, lattice: index % 50 === 0 });
      } catch (error) {
        throw new Error(`fuzz input ${index} of seed ${SEED} (from ${input.seedName}); replay: node scripts/fuzz.mjs --seed ${SEED} --index ${index} --print\n${(error as Error).stack}`);
      }
    }
  });
});
