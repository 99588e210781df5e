// Locates test/fixtures/facts whether the tests run from out/ inside the repo or
// from a build directory elsewhere (then the repo is the working directory).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function fixturesDir(): string {
  const candidates = [resolve(__dirname, '../../../../test/fixtures/facts'), resolve(process.cwd(), 'test/fixtures/facts')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`test/fixtures/facts not found (looked in ${candidates.join(', ')}); run the tests from the repo root`);
  return found;
}

export function readFactsFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(fixturesDir(), name), 'utf8')) as T;
}

export interface KeyGroupFixture {
  readonly source: string;
  readonly groups: readonly { block: string; names: readonly string[]; via: 'switch' | 'lookup' }[];
}

export interface KeyVersionsFixture {
  readonly since: Readonly<Record<string, string>>;
}
