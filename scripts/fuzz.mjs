#!/usr/bin/env node
// The long mutation fuzz run over the compiled library (see docs/robustness.md):
//
//   node scripts/fuzz.mjs --runs 1000000 --seed 1 [--jobs 2] [--out out] [--timeout 10000]
//   node scripts/fuzz.mjs --seed 1 --index 12345 --print     rebuild one input and show it
//
// Every input is derived from (seed, index), so a finding is reproduced by its index alone. Workers
// report progress through shared memory; one that stays on an input longer than --timeout ms is a
// hang finding. Findings are written to fuzz-findings/ (input + error) and listed at the end.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function options() {
  const args = process.argv.slice(2);
  const value = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
  };
  return {
    runs: Number(value('--runs', '10000')),
    seed: Number(value('--seed', '1')),
    jobs: Number(value('--jobs', String(Math.max(1, Math.min(os.cpus().length, 4))))),
    out: path.resolve(root, value('--out', 'out')),
    timeout: Number(value('--timeout', '10000')),
    index: args.includes('--index') ? Number(value('--index', '0')) : undefined,
    print: args.includes('--print'),
    findings: path.resolve(root, value('--findings', 'fuzz-findings')),
  };
}

function load(out) {
  const require = createRequire(import.meta.url);
  try {
    return {
      inputs: require(path.join(out, 'test/support/fuzzInputs.js')),
      one: require(path.join(out, 'test/support/fuzzOne.js')),
    };
  } catch (error) {
    console.error(`fuzz: cannot load the compiled library from ${out} (${error.message}). Run \`npx tsc -p tsconfig.json\` first, or pass --out.`);
    process.exit(2);
  }
}

if (!isMainThread) {
  const { out, seed, from, to, progress, slot } = workerData;
  const { inputs, one } = load(out);
  const seeds = inputs.loadSeeds(root);
  for (let index = from; index < to; index++) {
    Atomics.store(progress, slot, index);
    const input = inputs.fuzzInput(seeds, seed, index);
    try {
      // Parsing, evaluation, security lints, outline, folds and links run on every input; the slower
      // cursor features (completion lists every option) every 5th, the whole service every 10th and
      // the cross-file analysis every 50th.
      one.runFuzzInput(input, { positions: index % 5 === 0, service: index % 10 === 0, lattice: index % 50 === 0 });
    } catch (error) {
      parentPort.postMessage({ finding: { index, seedName: input.seedName, error: String(error?.stack ?? error) } });
    }
  }
  Atomics.store(progress, slot, to);
  parentPort.postMessage({ done: true });
} else {
  const o = options();
  const { inputs, one } = load(o.out);
  const seeds = inputs.loadSeeds(root);
  if (o.index !== undefined) {
    const input = inputs.fuzzInput(seeds, o.seed, o.index);
    if (o.print) process.stdout.write(`${JSON.stringify(input, null, 2)}\n`);
    try {
      one.runFuzzInput(input, { service: true, lattice: true });
      console.log(`input ${o.index} of seed ${o.seed} (from ${input.seedName}): no finding`);
    } catch (error) {
      console.log(`input ${o.index} of seed ${o.seed} (from ${input.seedName}): ${error?.stack ?? error}`);
      process.exitCode = 1;
    }
  } else {
    await run(o, seeds);
  }
}

async function run(o, seeds) {
  console.log(`fuzz: ${o.runs} inputs, seed ${o.seed}, ${o.jobs} worker(s), ${seeds.length} seed files`);
  const progress = new Int32Array(new SharedArrayBuffer(4 * o.jobs));
  const findings = [];
  const started = Date.now();
  const per = Math.ceil(o.runs / o.jobs);
  const ranges = [];
  for (let job = 0; job < o.jobs; job++) ranges.push({ from: job * per, to: Math.min(o.runs, (job + 1) * per) });
  const record = (finding) => {
    findings.push(finding);
    mkdirSync(o.findings, { recursive: true });
    const input = (load(o.out).inputs).fuzzInput(seeds, o.seed, finding.index);
    writeFileSync(path.join(o.findings, `seed${o.seed}-input${finding.index}.json`), JSON.stringify({ ...finding, input }, null, 2));
    console.log(`finding at input ${finding.index} (${finding.seedName}): ${finding.error.split('\n')[0]}`);
  };
  const workers = ranges.map(({ from, to }, slot) => new Promise((resolve) => {
    Atomics.store(progress, slot, from);
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { out: o.out, seed: o.seed, from, to, progress, slot }, resourceLimits: { stackSizeMb: 4 } });
    let last = from;
    let lastChange = Date.now();
    const watchdog = setInterval(() => {
      const now = Atomics.load(progress, slot);
      if (now !== last) { last = now; lastChange = Date.now(); return; }
      if (Date.now() - lastChange > o.timeout) {
        record({ index: now, seedName: 'hang', error: `hang: no progress for ${o.timeout} ms on input ${now}` });
        clearInterval(watchdog);
        void worker.terminate();
        resolve();
      }
    }, 500);
    worker.on('message', (message) => { if (message.finding) record(message.finding); });
    worker.on('error', (error) => { record({ index: Atomics.load(progress, slot), seedName: 'worker', error: String(error?.stack ?? error) }); });
    worker.on('exit', () => { clearInterval(watchdog); resolve(); });
  }));
  const ticker = setInterval(() => {
    let done = 0;
    for (let slot = 0; slot < o.jobs; slot++) done += Atomics.load(progress, slot) - ranges[slot].from;
    const seconds = (Date.now() - started) / 1000;
    console.log(`  ${done} inputs, ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} inputs/s, ${findings.length} finding(s)`);
  }, 30_000);
  await Promise.all(workers);
  clearInterval(ticker);
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${o.runs} inputs in ${seconds.toFixed(1)} s (${(o.runs / seconds).toFixed(0)} inputs/s), ${findings.length} finding(s)`);
  if (findings.length) {
    console.log(`findings written to ${o.findings}; replay one with --seed ${o.seed} --index N --print`);
    process.exitCode = 1;
  }
}
