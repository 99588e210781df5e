// Locates test/fixtures/sources whether the tests run from a compiled folder inside or outside the repo.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function sourceFixturesDir(): string {
  const candidates = [resolve(__dirname, '../../../../test/fixtures/sources'), resolve(process.cwd(), 'test/fixtures/sources')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`test/fixtures/sources not found (looked in ${candidates.join(', ')}); run the tests from the repo root`);
  return found;
}

/** Every fixture file (absolute path → text). */
export function sourceFixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[full] = readFileSync(full, 'utf8');
    }
  };
  walk(sourceFixturesDir());
  return files;
}
