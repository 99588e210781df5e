// The recorded oracle answers the conformance tests compare against, written by
// scripts/record-conformance.mjs (test/conformance/record.ts) and committed with the cases.
import fs from 'node:fs';
import path from 'node:path';
import type { ConfErrorLocation } from './nats-messages';
import type { ConfdumpResult, NatsServerRun } from './oracle';

export interface CaseRecord {
  env?: Record<string, string>;
  natsServer: NatsServerRun;
  /** Where the conf-level error points, when nats-server reported one. */
  confErrorLocation?: ConfErrorLocation;
  confdump: ConfdumpResult;
}

export interface CaseExpectations {
  about: string;
  natsServerVersion: string;
  cases: Record<string, CaseRecord>;
}

export interface CorpusValues {
  about: string;
  /** confdump's answer per corpus file (keyed like the corpus expectations' "file"). */
  files: Record<string, ConfdumpResult>;
}

export const CASE_EXPECTATIONS_FILE = 'expected-cases.json';
export const CORPUS_VALUES_FILE = 'expected-corpus-values.json';

export function readJson<T>(dir: string, name: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;
}
