#!/usr/bin/env node
// Bundles the extension into dist/ with esbuild: one self-contained file per entry, so the
// packaged extension needs no node_modules at run time.
//
//   node scripts/build.mjs           production: minified, no source maps
//   node scripts/build.mjs --dev     readable, with source maps
//   node scripts/build.mjs --watch   --dev, rebuilding on change
//   node scripts/build.mjs --strict  a missing entry source is an error (CI, packaging)
//
// While the parts of the project land one by one, an entry whose source does not exist yet is
// skipped with a warning. Once every entry has been built, dist/.entries records that, and from
// then on a missing entry source is an error too.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const dev = watch || args.has('--dev');
const dist = path.join(root, 'dist');
const completeMarker = path.join(dist, '.entries');

const entries = [
  // The language client library is its own bundle, required by client.js only when a server starts.
  { name: 'client', source: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'], separate: { './languageClient': './languageClient.js' } },
  { name: 'languageClient', source: 'client/src/languageClient.ts', out: 'dist/languageClient.js', external: ['vscode'] },
  { name: 'server', source: 'server/src/server.ts', out: 'dist/server.js' },
  { name: 'cli', source: 'server/src/cli/main.ts', out: 'dist/cli.js', executable: true },
];

const strict = args.has('--strict') || existsSync(completeMarker);
const present = [];
const missing = [];
for (const entry of entries) (existsSync(path.join(root, entry.source)) ? present : missing).push(entry);
if (missing.length > 0) {
  const list = missing.map((e) => `${e.source} (for ${e.out})`).join(', ');
  if (strict) {
    const why = args.has('--strict') ? '--strict was given' : `every entry was built before (${path.relative(root, completeMarker)})`;
    console.error(`build: missing entry source: ${list}. Restore it, or delete dist/ if the entry was removed on purpose (${why}).`);
    process.exit(1);
  }
  console.warn(`build: warning: skipping ${list}: source not written yet.`);
}

function optionsFor(entry) {
  const source = path.join(root, entry.source);
  // Keep a hashbang the source already has instead of adding a second one.
  const hasHashbang = readFileSync(source, 'utf8').startsWith('#!');
  return {
    absWorkingDir: root,
    entryPoints: [source],
    outfile: path.join(root, entry.out),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: entry.external ?? [],
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    sourcesContent: dev,
    legalComments: dev ? 'inline' : 'none',
    logLevel: 'warning',
    metafile: true,
    banner: entry.executable && !hasHashbang ? { js: '#!/usr/bin/env node' } : undefined,
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    plugins: entry.separate ? [separateBundles(entry.separate)] : [],
  };
}

/** Leaves imports of modules built as bundles of their own to be required at run time, beside this one. */
function separateBundles(paths) {
  return {
    name: 'separate-bundles',
    setup(build) {
      build.onResolve({ filter: /^\.\// }, (args) => (paths[args.path] ? { path: paths[args.path], external: true } : undefined));
    },
  };
}

function finish(entry) {
  const out = path.join(root, entry.out);
  if (entry.executable) chmodSync(out, 0o755);
  // A production build must not leave a stale map from an earlier --dev build next to the file.
  if (!dev) rmSync(`${out}.map`, { force: true });
  return `${entry.out} ${(statSync(out).size / 1024).toFixed(0)} KiB`;
}

mkdirSync(dist, { recursive: true });
const started = performance.now();

if (watch) {
  for (const entry of present) {
    const context = await esbuild.context({
      ...optionsFor(entry),
      plugins: [...optionsFor(entry).plugins, {
        name: 'report',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length === 0) console.log(`build: ${finish(entry)}`);
          });
        },
      }],
    });
    await context.watch();
  }
  console.log('build: watching for changes (Ctrl+C to stop)');
} else {
  const results = await Promise.allSettled(present.map((entry) => esbuild.build(optionsFor(entry))));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    // esbuild has already printed the errors with file and line.
    console.error(`build: ${failed.length} of ${present.length} bundles failed.`);
    process.exit(1);
  }
  const sizes = present.map(finish);
  if (missing.length === 0) writeFileSync(completeMarker, entries.map((e) => e.source).join('\n') + '\n');
  const ms = Math.round(performance.now() - started);
  console.log(`build: ${dev ? 'dev' : 'production'} bundles in ${ms} ms: ${sizes.join(', ')}`);
}
