#!/usr/bin/env node
// `npm run bench`: generates the corpora (deterministically, into .bench/), runs capdoctor and the
// baselines alternately, and prints medians, ratios and peak memory.
//
//   BENCH_SIZE=small   small corpora, one run each (what CI runs; no timing is asserted)
//   BENCH_RUNS=n       runs per command (default 5)
//   BENCH_PEERS=1      also Monokle (@monokle/validation), installed into .bench/peers
//   BENCH_ONLY=word    only the benchmarks whose name contains `word`
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clusterDump,
  denseChunks,
  denseVariedChunks,
  deploymentChunks,
  journalChunks,
  listChunks,
  mixed,
  threeMistakeChunks,
} from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, '.bench');
const small = process.env.BENCH_SIZE === 'small';
const runs = Number(process.env.BENCH_RUNS ?? (small ? 1 : 5));
const only = process.env.BENCH_ONLY;
const bin = join(root, 'bin', 'capdoctor.cjs');
const node = process.execPath;
const baseline = (name) => join(root, 'bench', 'baselines', `${name}.mjs`);
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

mkdirSync(dir, { recursive: true });

/** Writes a corpus once (same parameters, same bytes); the name encodes the parameters. */
function corpus(name, pieces) {
  const path = join(dir, name);
  if (!existsSync(path)) {
    const fd = openSync(`${path}.tmp`, 'w');
    for (const piece of pieces()) writeSync(fd, piece);
    closeSync(fd);
    execFileSync('mv', [`${path}.tmp`, path]);
  }
  return path;
}

const n = (full, tiny) => (small ? tiny : full);
const deployments = (count) => corpus(`deployments-${count}.yaml`, () => deploymentChunks(count));
const list = (count) => corpus(`list-${count}.yaml`, () => listChunks(count));
const mixedFile = (count) => corpus(`mixed-${count}.yaml`, () => [mixed(count)]);
const dense = (count) => corpus(`dense-${count}.yaml`, () => denseChunks(count));
const denseVaried = (count) => corpus(`dense-varied-${count}.yaml`, () => denseVariedChunks(count));
const threeMistakes = (count) => corpus(`three-mistakes-${count}.yaml`, () => threeMistakeChunks(count));
const journal = (mb) => corpus(`journal-${mb}mb.log`, () => journalChunks(mb * 1024 * 1024));

function hasCommand(name) {
  return spawnSync(node, [bin, name, '--help'], { encoding: 'utf8' }).status === 0;
}

/** One timed run: wall seconds and peak resident memory (MiB), from GNU time when present. */
function measure(argv) {
  const out = join(dir, 'time.txt');
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync(TIME, ['-f', '%e %M', '-o', out, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  // capdoctor exits 1 when it finds errors; anything else is a failure of the benchmark.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr?.slice(0, 500)}`);
  }
  if (!hasTime) return { wall, rss: Number.NaN };
  const [, kb] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ');
  return { wall, rss: Number(kb) / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs every command `runs` times, alternating, so that load changes hit all of them alike. */
function bench(name, commands, rounds = runs) {
  if (only && !name.includes(only)) return undefined;
  process.stdout.write(`\n## ${name}\n`);
  const samples = new Map(commands.map(([label]) => [label, []]));
  for (let run = 0; run < rounds; run++) {
    for (const [label, argv] of commands) samples.get(label).push(measure(argv));
  }
  // Ratios are taken run by run (each command against the reference of the same round), then their
  // median: the machine's speed drifts between rounds, and a paired ratio cancels that drift.
  const referenceSamples = samples.get(commands[commands.length - 1][0]);
  const rows = commands.map(([label]) => {
    const s = samples.get(label);
    return {
      label,
      wall: median(s.map((x) => x.wall)),
      min: Math.min(...s.map((x) => x.wall)),
      max: Math.max(...s.map((x) => x.wall)),
      ratio: median(s.map((x, i) => x.wall / referenceSamples[i].wall)),
      extra: median(s.map((x, i) => x.wall - referenceSamples[i].wall)),
      rss: median(s.map((x) => x.rss)),
    };
  });
  const reference = rows[rows.length - 1];
  process.stdout.write(
    `| what | median wall | min–max | × ${reference.label} (median of per-run ratios) | peak RSS |\n|---|---|---|---|---|\n`,
  );
  for (const row of rows) {
    const ratio = row.ratio.toFixed(2);
    const rss = Number.isNaN(row.rss) ? 'n/a' : `${row.rss.toFixed(0)} MiB`;
    process.stdout.write(
      `| ${row.label} | ${row.wall.toFixed(3)} s | ${row.min.toFixed(2)}–${row.max.toFixed(2)} s | ${ratio} | ${rss} |\n`,
    );
  }
  return Object.fromEntries(rows.map((row) => [row.label, row]));
}

const lintAs = (format, file, ...extra) => [
  node,
  bin,
  'lint',
  file,
  '-o',
  format,
  '--output-file',
  join(dir, `out.${format}`),
  ...extra,
];
const lint = (file, ...extra) => lintAs('json', file, ...extra);
// The dense corpora name the rules they count on, so that a change of defaults (a rule made opt-in,
// a severity lowered) does not empty them: every document keeps one finding or more.
const DENSE_RULES = ['--rule', 'cap-nonroot-ineffective=info', '--rule', 'pss-baseline=warning'];
const FORMATS = ['json', 'sarif', 'text', 'github', 'junit', 'gitlab'];
const SECOND_OF_KIND = 'capdoctor lint -o json, and a second such file in the same run';
const READING_ONLY = 'capdoctor lint -o json, every rule off but cap-unknown (reading only)';

// Two threads (one worker), whatever the number of cores: what a worker gives on this machine. By
// default capdoctor starts workers from three cores up.
const twoThreads = (argv) => ['env', 'CAPDOCTOR_THREADS=2', ...argv];

/** Installs Monokle into a scratch folder (never a project dependency); undefined when it cannot. */
function monokle() {
  const peers = join(dir, 'peers');
  const entry = join(peers, 'node_modules', '@monokle', 'validation');
  if (!existsSync(entry)) {
    mkdirSync(peers, { recursive: true });
    writeFileSync(join(peers, 'package.json'), '{"private":true,"type":"module"}\n');
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '@monokle/validation@0.33.0'], {
      cwd: peers,
      stdio: 'inherit',
    });
    if (install.status !== 0) return undefined;
  }
  return join(root, 'bench', 'peers', 'monokle.mjs');
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  node: process.version,
  time: hasTime ? 'GNU time (%M = peak RSS)' : 'not installed: peak memory not measured (apt-get install time)',
  size: small ? 'small' : 'full',
  runs,
};
process.stdout.write(`# capdoctor benchmark\n${JSON.stringify(machine)}\n`);
if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('build first: npm run build');

const results = { machine };
const d10k = deployments(n(10_000, 300));
process.stdout.write(`Deployments: ${(statSync(d10k).size / 2 ** 20).toFixed(1)} MiB\n`);

// One run first writes the compile cache that every later run reads (bin/capdoctor.cjs); without it the
// first run after an install compiles the CLI (CAPDOCTOR_COMPILE_CACHE=off measures that).
spawnSync(node, [bin, 'lint', join(root, 'examples', 'typo.yaml')]);
// A run takes a tenth of a second: at least 20 rounds, as a few milliseconds are what is judged.
results.cold = bench(
  'cold start: one small file',
  [
    ['capdoctor lint examples/typo.yaml', [node, bin, 'lint', join(root, 'examples', 'typo.yaml')]],
    ['node -e 0', [node, '-e', '0']],
  ],
  small ? runs : Math.max(runs, 20),
);

const peer = process.env.BENCH_PEERS === '1' ? monokle() : undefined;
if (process.env.BENCH_PEERS === '1' && !peer) process.stdout.write('\nMonokle: could not be installed; skipped\n');
results.deployments = bench(`${n('10,000', '300')} Deployments, one in 50 with mistakes`, [
  ['capdoctor lint -o json', lint(d10k)],
  ['capdoctor lint -o json, two threads', twoThreads(lint(d10k))],
  ['read and split lines', [node, baseline('split'), d10k]],
  ['yaml parseAllDocuments', [node, baseline('yaml'), d10k]],
  ...(peer ? [['Monokle 0.33 (PSS + practices)', [node, peer, d10k]]] : []),
  ['js-yaml loadAll', [node, baseline('js-yaml'), d10k]],
]);

const mixedPath = mixedFile(n(10_000, 300));
results.mixed = bench(`mixed stream (${n('10,000', '300')} documents, anchors, block scalars, PSPs, compose)`, [
  ['capdoctor lint -o json', lint(mixedPath)],
  ['capdoctor lint -o json, two threads', twoThreads(lint(mixedPath))],
  ['js-yaml loadAll', [node, baseline('js-yaml'), mixedPath]],
]);

// Dense: every document has a finding; one row per output format against js-yaml in the same rounds.
const denseFile = dense(n(10_000, 300));
process.stdout.write(`\nDense Deployments: ${(statSync(denseFile).size / 2 ** 20).toFixed(1)} MiB\n`);
results.dense = bench(`${n('10,000', '300')} Deployments, every one with findings`, [
  ...FORMATS.map((format) => [`capdoctor lint -o ${format}`, lintAs(format, denseFile, ...DENSE_RULES)]),
  ['js-yaml loadAll', [node, baseline('js-yaml'), denseFile]],
]);

// Dense and varied: about three findings per document, few of which share their lists, programs or texts
// with another, so every answer the rules share is worked out again: the hard case of the dense target.
const variedFile = denseVaried(n(10_000, 300));
process.stdout.write(`\nDense and varied Deployments: ${(statSync(variedFile).size / 2 ** 20).toFixed(1)} MiB\n`);
// A second input of that kind in the same run (another seed, other programs: no command in common): what
// it adds is the lint once V8 has compiled the lint path, which the first input of a run pays for.
const variedSecond = corpus(`dense-varied-${n(10_000, 300)}-second.yaml`, () =>
  denseVariedChunks(n(10_000, 300), { seed: 18, programs: 'job' }),
);
// Every rule off but cap-unknown, which reads every capability list: what reading, splitting and
// extracting the documents costs, apart from the rules (informative).
const readingOnly = JSON.parse(spawnSync(node, [bin, 'rules', '--json'], { encoding: 'utf8' }).stdout)
  .filter((rule) => rule.id !== 'cap-unknown' && rule.id !== 'parse-error')
  .flatMap((rule) => ['--rule', `${rule.id}=off`]);
results.denseVaried = bench(`${n('10,000', '300')} Deployments, every one with findings few others share`, [
  ...FORMATS.map((format) => [`capdoctor lint -o ${format}`, lintAs(format, variedFile, ...DENSE_RULES)]),
  [SECOND_OF_KIND, lintAs('json', variedFile, ...DENSE_RULES, variedSecond)],
  [READING_ONLY, lintAs('json', variedFile, ...readingOnly)],
  ['js-yaml loadAll', [node, baseline('js-yaml'), variedFile]],
]);

// Findings outnumber documents three to one: time must grow linearly in both, memory stay bounded with
// the report streamed to its file.
const threeSizes = small ? [300, 1000] : [6_000, 20_000, 60_000];
results.threeMistakes = {};
for (const size of threeSizes) {
  const file = threeMistakes(size);
  // The other formats at the largest size only: their memory, with the report written to a file.
  const others = size === threeSizes[threeSizes.length - 1] ? FORMATS.filter((f) => f !== 'json' && f !== 'sarif') : [];
  results.threeMistakes[size] = bench(`${size.toLocaleString('en')} Deployments with three mistakes each`, [
    ['capdoctor lint -o json', lint(file)],
    ['capdoctor lint -o sarif', lintAs('sarif', file)],
    ...others.map((format) => [`capdoctor lint -o ${format}`, lintAs(format, file)]),
    ['js-yaml loadAll', [node, baseline('js-yaml'), file]],
  ]);
}

// Growth and memory bound: a multi-document stream and a kubectl List at three sizes.
const sizes = small ? [300, 1000] : [10_000, 30_000, 100_000];
results.growth = {};
for (const size of sizes) {
  const stream = deployments(size);
  const items = list(size);
  results.growth[size] = bench(`${size.toLocaleString('en')} documents: a stream and a kubectl List`, [
    ['capdoctor lint (stream of documents)', lint(stream)],
    ['capdoctor lint (stream, two threads)', twoThreads(lint(stream))],
    ['capdoctor lint (kind: List)', lint(items)],
    ['js-yaml loadAll (stream)', [node, baseline('js-yaml'), stream]],
  ]);
}

if (hasCommand('diagnose')) {
  const log = journal(n(100, 1));
  results.journal = bench(`diagnose: a ${n(100, 1)} MB journal with real signatures`, [
    ['capdoctor diagnose -o json', [node, bin, 'diagnose', log, '-o', 'json']],
    ['read and split lines', [node, baseline('split'), log]],
  ]);
} else {
  process.stdout.write('\n## diagnose\nskipped: this build has no `capdoctor diagnose` command yet\n');
}

if (hasCommand('scan')) {
  const size = small ? { nodes: 20, pods: 500, workloads: 100 } : { nodes: 200, pods: 5000, workloads: 1000 };
  const dump = corpus(`cluster-${size.nodes}-${size.pods}-${size.workloads}.json`, () => [clusterDump(size)]);
  const label = `${size.nodes} nodes, ${size.pods.toLocaleString('en')} pods, ${size.workloads.toLocaleString('en')} workloads`;
  results.scan = bench(`scan --from: a dump of ${label}`, [
    [
      'capdoctor scan --from -o json',
      [node, bin, 'scan', '--from', dump, '-o', 'json', '--output-file', join(dir, 'out.json')],
    ],
    ['capdoctor lint -o json (same file)', lint(dump)],
    ['JSON.parse', [node, baseline('json-parse'), dump]],
  ]);
} else {
  process.stdout.write('\n## scan\nskipped: this build has no `capdoctor scan` command yet\n');
}

// The admission webhook against a bare HTTPS server (bench/webhook.mjs prints its own table and targets).
if (!only || 'webhook'.includes(only)) {
  const { webhookBench } = await import('./webhook.mjs');
  results.webhook = await webhookBench();
}

writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nresults: ${join('.bench', 'results.json')}\n`);

// The targets, as ratios of this run (informative: nothing fails on them).
const check = (what, ok) => process.stdout.write(`- ${ok ? 'met' : 'NOT met'}: ${what}\n`);
process.stdout.write(
  small
    ? '\n## targets (small corpora: the targets are set for the full size; shown to keep this code working)\n'
    : '\n## targets\n',
);
if (results.deployments) {
  const ours = results.deployments['capdoctor lint -o json'];
  const js = results.deployments['js-yaml loadAll'];
  const two = results.deployments['capdoctor lint -o json, two threads'];
  check(
    `lint wall ${ours.ratio.toFixed(2)}× js-yaml (medians ${ours.wall.toFixed(2)} s and ${js.wall.toFixed(2)} s) ≤ 1.0×`,
    ours.ratio <= 1,
  );
  check(`lint peak ${ours.rss.toFixed(0)} MiB ≤ 200 MiB`, ours.rss <= 200);
  // Not a target: what one worker would change on this machine (by default it starts at 32 MiB).
  process.stdout.write(
    `  with two threads: ${two.ratio.toFixed(2)}× js-yaml, peak ${two.rss.toFixed(0)} MiB (informative)\n`,
  );
}
if (results.cold) {
  const ours = results.cold['capdoctor lint examples/typo.yaml'];
  const bare = results.cold['node -e 0'];
  const extra = ours.extra * 1000;
  check(
    `cold start ${extra < 0 ? '−' : '+'}${Math.abs(extra).toFixed(0)} ms over node -e 0 (median of per-run differences; medians ${ours.wall.toFixed(3)} s and ${bare.wall.toFixed(3)} s) ≤ 40 ms`,
    extra <= 40,
  );
}
const largest = sizes[sizes.length - 1];
const grown = results.growth?.[largest];
if (grown) {
  for (const label of [
    'capdoctor lint (stream of documents)',
    'capdoctor lint (stream, two threads)',
    'capdoctor lint (kind: List)',
  ]) {
    check(`${label} at ${largest}: peak ${grown[label].rss.toFixed(0)} MiB ≤ 300 MiB`, grown[label].rss <= 300);
    // Growth needs every size measured (BENCH_ONLY may have picked one).
    if (!sizes.every((size) => results.growth[size])) continue;
    const first = results.growth[sizes[0]][label];
    const perDoc = (r, size) => r.wall / size;
    process.stdout.write(
      `  time per 1,000 documents: ${sizes.map((size) => (perDoc(results.growth[size][label], size) * 1000).toFixed(3)).join(' s, ')} s (first/last ${(perDoc(grown[label], largest) / perDoc(first, sizes[0])).toFixed(2)}×)\n`,
    );
  }
}
if (results.dense) {
  const js = results.dense['js-yaml loadAll'];
  for (const format of FORMATS) {
    const ours = results.dense[`capdoctor lint -o ${format}`];
    check(
      `dense, -o ${format}: ${ours.ratio.toFixed(2)}× js-yaml (medians ${ours.wall.toFixed(2)} s and ${js.wall.toFixed(2)} s) ≤ 1.0×, peak ${ours.rss.toFixed(0)} MiB ≤ 200 MiB`,
      ours.ratio <= 1 && !(ours.rss > 200),
    );
  }
  const sarif = results.dense['capdoctor lint -o sarif'];
  const json = results.dense['capdoctor lint -o json'];
  const sarifOverJson = sarif.ratio / json.ratio;
  check(`dense, SARIF ${sarifOverJson.toFixed(2)}× JSON ≤ 1.10×`, sarifOverJson <= 1.1);
}
if (results.denseVaried) {
  const js = results.denseVaried['js-yaml loadAll'];
  for (const format of FORMATS) {
    const ours = results.denseVaried[`capdoctor lint -o ${format}`];
    check(
      `dense and varied, -o ${format}: ${ours.ratio.toFixed(2)}× js-yaml (medians ${ours.wall.toFixed(2)} s and ${js.wall.toFixed(2)} s) ≤ 1.0×, peak ${ours.rss.toFixed(0)} MiB ≤ 200 MiB`,
      ours.ratio <= 1 && !(ours.rss > 200),
    );
  }
  // Informative: the second file's share of a two-file run, against js-yaml on one file of that size.
  const one = results.denseVaried['capdoctor lint -o json'];
  const two = results.denseVaried[SECOND_OF_KIND];
  const added = two.wall - one.wall;
  process.stdout.write(
    `  a second such file in the same run adds ${added.toFixed(2)} s, ${(added / js.wall).toFixed(2)}× js-yaml on one (difference of medians; the first file also pays for V8 compiling the lint path)\n`,
  );
  const reading = results.denseVaried[READING_ONLY];
  process.stdout.write(
    `  reading and extracting alone (every rule off but cap-unknown): ${reading.ratio.toFixed(2)}× js-yaml; the rules and their findings are the rest\n`,
  );
}
const largestThree = threeSizes[threeSizes.length - 1];
if (results.threeMistakes?.[largestThree]) {
  for (const format of FORMATS) {
    const label = `capdoctor lint -o ${format}`;
    const row = results.threeMistakes[largestThree][label];
    check(
      `three mistakes each, ${label} at ${largestThree}: peak ${row.rss.toFixed(0)} MiB ≤ 300 MiB`,
      !(row.rss > 300),
    );
    // Growth is measured on the formats run at every size.
    if (!threeSizes.every((size) => results.threeMistakes[size]?.[label])) continue;
    // Three findings per document: per 1,000 documents is per 3,000 findings.
    const per = threeSizes.map((size) => results.threeMistakes[size][label].wall / size);
    process.stdout.write(
      `  time per 1,000 documents (3,000 findings): ${per.map((x) => (x * 1000).toFixed(3)).join(' s, ')} s (last/first ${(per[per.length - 1] / per[0]).toFixed(2)}×); × js-yaml ${threeSizes.map((size) => results.threeMistakes[size][label].ratio.toFixed(2)).join(', ')}\n`,
    );
  }
}
if (results.journal) {
  const ours = results.journal['capdoctor diagnose -o json'];
  check(`diagnose ${ours.wall.toFixed(2)} s ≤ 2 s, peak ${ours.rss.toFixed(0)} MiB`, ours.wall <= 2);
}
if (results.scan) {
  const ours = results.scan['capdoctor scan --from -o json'];
  check(
    `scan --from ${ours.wall.toFixed(2)} s ≤ 2 s, peak ${ours.rss.toFixed(0)} MiB ≤ 200 MiB`,
    ours.wall <= 2 && ours.rss <= 200,
  );
}
for (const format of FORMATS) rmSync(join(dir, `out.${format}`), { force: true });
