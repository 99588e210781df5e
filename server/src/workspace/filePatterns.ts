import { matchesGlob } from './glob';

/**
 * File names that are NATS server configurations by convention. Deliberately not every `*.conf`:
 * nginx, supervisord and friends use that extension too. Keep in step with the `filenames` and
 * `filenamePatterns` of the `nats-conf` language in package.json.
 */
export const NATS_CONFIG_GLOBS: readonly string[] = [
  'nats.conf',
  'nats-server.conf',
  'nats-*.conf',
  '*.nats.conf',
  '**/nats/*.conf',
];

/**
 * Whether a file is a NATS configuration judging by its path alone: one of the conventional names,
 * or a match for one of `extraGlobs` (the `natsLattice.files.associations` setting, or the CLI's
 * `--config-glob`).
 */
export function isNatsConfigPath(filePath: string, extraGlobs: readonly string[] = []): boolean {
  return NATS_CONFIG_GLOBS.some((glob) => matchesGlob(glob, filePath)) || extraGlobs.some((glob) => matchesGlob(glob, filePath));
}
