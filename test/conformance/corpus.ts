// The shared corpus: nats-server's own test configurations with what 2.9.10 said about each
// (/work/shared/corpus locally, ../shared/corpus relative to the checkout in CI).
import fs from 'node:fs';
import path from 'node:path';

export interface CorpusEntry {
  /** Path under the corpus root, e.g. nats-server/server/configs/cluster.conf. */
  file: string;
  /** Folder (under corpus/nats-server) nats-server was run from, and the -c argument it got. */
  run_cwd: string;
  config_arg: string;
  nats_server_2_9_10_t: { rc: number; pass: boolean; output: string };
  conf_parse_2_9_10: { ok: boolean; error: string | null };
  conf_parse_main: { ok: boolean; error: string | null };
}

export const CORPUS_EXPECTATIONS = 'expected-nats-server-2.9.10.json';

/** The corpus folder, or undefined when it is not there (NATS_LATTICE_CORPUS overrides). */
export function corpusRoot(): string | undefined {
  const candidates = [process.env.NATS_LATTICE_CORPUS, path.resolve(process.cwd(), '../shared/corpus')];
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, CORPUS_EXPECTATIONS)));
}

export function loadCorpus(root: string): CorpusEntry[] {
  return JSON.parse(fs.readFileSync(path.join(root, CORPUS_EXPECTATIONS), 'utf8')) as CorpusEntry[];
}

/** The folder the entry's nats-server run started in; config_arg is relative to it. */
export function corpusRunDir(root: string, entry: CorpusEntry): string {
  return path.join(root, 'nats-server', entry.run_cwd);
}

/** The conf-level error as the conf package words it (the corpus records it with an "ERROR: " prefix). */
export function corpusConfError(entry: CorpusEntry): string | undefined {
  const r = entry.conf_parse_2_9_10;
  return r.ok ? undefined : (r.error ?? '').replace(/^ERROR: /, '');
}
