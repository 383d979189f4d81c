// The fast lint path (fast reader, positions on demand, documents skipped by the prefilter) must give
// exactly the findings of the precise path: every field, positions and ranges included.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deployments, listChunks, mixed, random } from '../bench/generate.mjs';
import { byPosition, type LintOptions, lintSource, lintSourcePrecise } from '../src/core/engine.js';
import { RULE_NEEDS } from '../src/core/prefilter.js';
import { lintWindow, StreamLinter, type WindowJob } from '../src/core/stream.js';
import type { Finding } from '../src/core/types.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = fileURLToPath(new URL('../../shared/corpus/manifests/', import.meta.url));
const present = existsSync(corpus);

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
}

const everyRule = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.severity] as const));
const setups: [string, LintOptions][] = [
  ['default rules, default matrix', { rules: RULES, targets: resolveTargets([]) }],
  [
    'every rule, old targets',
    { rules: RULES, targets: resolveTargets(['k8s@1.24,docker@18.06']), settings: everyRule },
  ],
];

function same(name: string, text: string): void {
  for (const [, options] of setups) {
    const precise = lintSourcePrecise(name, text, options);
    expect(lintSource(name, text, options)).toEqual(precise);
  }
}

describe('fast path: same findings as the precise path', () => {
  it('on the rule fixtures, examples and test fixtures', () => {
    const all = [
      ...files(join(root, 'src/rules')),
      ...files(join(root, 'examples')),
      ...files(join(root, 'test/fixtures')),
    ];
    expect(all.length).toBeGreaterThan(30);
    for (const file of all) same(file, readFileSync(file, 'utf8'));
  });

  it('on generated Deployments, a mixed stream and a kubectl List', () => {
    same('deployments.yaml', deployments(300, { mistakeEvery: 7 }));
    same('mixed.yaml', mixed(400));
    same('list.yaml', [...listChunks(60, { mistakeEvery: 5 })].join(''));
  });

  it('on damaged documents (lines dropped, indentation shifted, characters inserted)', () => {
    const rng = random(11);
    const base = mixed(30, { seed: 5 }).split('\n');
    const inserts = [':', '- ', '"', "'", '[', '{', '#', ' ', '\t', '&a ', '*a', '|', '>', '---', '...', '? ', '\\'];
    for (let round = 0; round < 100; round++) {
      const lines = [...base];
      for (let k = 0; k < 3; k++) {
        const at = rng.int(lines.length);
        const line = lines[at] ?? '';
        const what = rng.int(3);
        if (what === 0) lines.splice(at, 1);
        else if (what === 1) lines[at] = rng.chance(0.5) ? ` ${line}` : line.replace(/^ /, '');
        else {
          const col = rng.int(line.length + 1);
          lines[at] = line.slice(0, col) + rng.pick(inserts) + line.slice(col);
        }
      }
      same(`damaged-${round}.yaml`, lines.join('\n'));
    }
  }, 120_000);
});

/** Lints a text fed in pieces of `piece` characters; undefined when the linter needs the whole input. */
function streamed(name: string, text: string, options: LintOptions, piece: number) {
  const linter = new StreamLinter(name, options, 2000);
  for (let at = 0; at < text.length; at += piece) linter.push(text.slice(at, at + piece));
  const result = linter.end();
  return { result, lists: linter.streamedLists };
}

describe('streaming: same findings as the precise path, one document (or List item) in memory', () => {
  // Rules that read every document of an input make the caller read the file whole instead.
  const local = RULES.filter((rule) => rule.meta.id in RULE_NEEDS);
  const options: LintOptions = { rules: local, targets: resolveTargets([]) };
  const everything: LintOptions = {
    rules: local,
    targets: resolveTargets(['k8s@1.24,docker@18.06']),
    settings: everyRule,
  };

  it('on generated streams, in pieces that cut lines and documents anywhere', () => {
    const inputs: [string, string][] = [
      ['deployments.yaml', deployments(200, { mistakeEvery: 7 })],
      ['mixed.yaml', mixed(300)],
      ['list.yaml', [...listChunks(80, { mistakeEvery: 5 })].join('')],
      ['two-lists.yaml', `${[...listChunks(30)].join('')}---\n${[...listChunks(40, { seed: 2 })].join('')}`],
    ];
    for (const [name, text] of inputs) {
      for (const setup of [options, everything]) {
        const precise = lintSourcePrecise(name, text, setup);
        for (const piece of [997, 65_536]) {
          const { result, lists } = streamed(name, text, setup, piece);
          expect(result).toEqual(precise);
          if (name.includes('list')) expect(lists).toBeGreaterThan(0);
        }
      }
    }
  });

  it('hands its findings over batch by batch, in the order the end gives them', () => {
    const inputs: [string, string][] = [
      ['deployments.yaml', deployments(200, { mistakeEvery: 3 })],
      ['mixed.yaml', mixed(300)],
      ['list.yaml', [...listChunks(80, { mistakeEvery: 2 })].join('')],
    ];
    for (const [name, text] of inputs) {
      const precise = lintSourcePrecise(name, text, everything);
      for (const piece of [997, 8192]) {
        const linter = new StreamLinter(name, everything, 2000);
        const drained: Finding[] = [];
        let batches = 0;
        for (let at = 0; at < text.length; at += piece) {
          linter.push(text.slice(at, at + piece));
          const batch = linter.drain();
          if (batch.length > 0) batches++;
          drained.push(...batch);
        }
        const result = linter.end();
        expect(result).toBeDefined();
        drained.push(...(result?.findings ?? []));
        // Several batches, each handed over once: none kept for the end.
        expect(batches).toBeGreaterThan(5);
        expect(drained).toEqual(precise.findings);
        expect({ ...result, findings: precise.findings }).toEqual(precise);
      }
    }
  });

  it('lets go of the lines of frames written, and keeps those the new findings show', () => {
    const text = deployments(400, { mistakeEvery: 3 });
    const linter = new StreamLinter('d.yaml', everything, 2000);
    const allLines = text.split('\n');
    let batches = 0;
    let most = 0;
    for (let at = 0; at < text.length; at += 4096) {
      linter.push(text.slice(at, at + 4096));
      const batch = linter.drain(true);
      if (batch.length === 0) continue;
      batches++;
      const first = (batch[0] as Finding).line;
      // Nothing before the first frame is held; every frame's lines are, as the text has them.
      expect(Math.min(...linter.lines.keys())).toBeGreaterThanOrEqual(first - 1);
      for (const { line } of batch) {
        for (const n of [line - 1, line]) if (n >= 1) expect(linter.lines.get(n)).toBe(allLines[n - 1]);
      }
      most = Math.max(most, linter.lines.size);
    }
    expect(batches).toBeGreaterThan(10);
    // A batch's worth of lines at most, not the file's.
    expect(most).toBeLessThan(200);
  });

  it('on the fixtures: the same findings, or a request for the whole input', () => {
    const all = [
      ...files(join(root, 'src/rules')),
      ...files(join(root, 'examples')),
      ...files(join(root, 'test/fixtures')),
    ];
    let whole = 0;
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      const { result } = streamed(file, text, everything, 101);
      if (result) expect(result).toEqual(lintSourcePrecise(file, text, everything));
      else whole++;
    }
    // Syntax errors need the whole input; most fixtures stream.
    expect(whole).toBeLessThan(all.length / 4);
  });

  it('asks for the whole input when a List is not what it looked like', () => {
    const items = [...listChunks(20)].join('');
    const odd = items.replace('kind: List\n', 'kind: Deployment\n');
    expect(streamed('odd.yaml', odd, options, 500).result).toBeUndefined();
    expect(streamed('list.yaml', items, options, 500).result).toEqual(lintSourcePrecise('list.yaml', items, options));
  });
});

describe('windows linted apart (what worker threads do): the same findings as one thread', () => {
  const local = RULES.filter((rule) => rule.meta.id in RULE_NEEDS);
  const setups: LintOptions[] = [
    { rules: local, targets: resolveTargets([]) },
    { rules: local, targets: resolveTargets(['k8s@1.24,docker@18.06']), settings: everyRule },
    // Every rule: the needs rules stream too, as long as no container mounts evidence.
    { rules: RULES, targets: resolveTargets([]), settings: everyRule },
  ];

  /** Every other window goes to `lintWindow`, as a worker would receive it; the results are merged. */
  function split(name: string, text: string, options: LintOptions, piece: number) {
    const linter = new StreamLinter(name, options, 2000);
    const jobs: WindowJob[] = [];
    let offered = 0;
    linter.delegate = (job) => {
      if (offered++ % 2 === 1) return false;
      jobs.push(structuredClone(job));
      return true;
    };
    for (let at = 0; at < text.length; at += piece) linter.push(text.slice(at, at + piece));
    const result = linter.end();
    if (!result) return { result, jobs: jobs.length };
    for (const job of jobs) {
      const part = structuredClone(lintWindow(name, job, options));
      if (!part.ok) return { result: undefined, jobs: jobs.length };
      result.findings.push(...part.findings);
      result.documents += part.documents;
      result.parseErrors += part.parseErrors;
    }
    result.findings.sort(byPosition);
    return { result, jobs: jobs.length };
  }

  it('on generated streams cut into windows anywhere', () => {
    const inputs: [string, string][] = [
      ['deployments.yaml', deployments(120, { mistakeEvery: 5 })],
      ['mixed.yaml', mixed(200)],
      // The items of a kubectl List go to workers too, a window of items at a time.
      ['list.yaml', [...listChunks(60, { mistakeEvery: 4 })].join('')],
      ['two-lists.yaml', `${[...listChunks(30)].join('')}---\n${[...listChunks(40, { seed: 2 })].join('')}`],
    ];
    for (const [name, text] of inputs) {
      for (const options of setups) {
        const precise = lintSourcePrecise(name, text, options);
        for (const piece of [997, 20_000]) {
          const { result, jobs } = split(name, text, options, piece);
          expect(jobs).toBeGreaterThan(1);
          expect(result).toEqual(precise);
        }
      }
    }
  });

  it('says when a window needs the whole input (a syntax error, evidence in another document)', () => {
    const broken = `${deployments(20)}---\nkind: [\n${deployments(20, { seed: 3 })}`;
    expect(split('broken.yaml', broken, setups[0] as LintOptions, 500).result).toBeUndefined();
    const limits = readFileSync(join(root, 'examples', 'elasticsearch-incident.yaml'), 'utf8');
    const evidence = `${deployments(20)}---\n${limits}`;
    expect(split('evidence.yaml', evidence, setups[2] as LintOptions, 500).result).toBeUndefined();
  });
});

describe.skipIf(!present)('fast path on ../shared/corpus/manifests', () => {
  it('gives the same findings for every file', () => {
    const all = present ? files(corpus) : [];
    expect(all.length).toBeGreaterThan(50);
    for (const file of all) same(file, readFileSync(file, 'utf8'));
  });
});

describe('order', () => {
  it('sorts rule ids in code-point order, which is their locale order', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  });
});

describe('prefilter', () => {
  it('names only registered rules', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    expect(Object.keys(RULE_NEEDS).filter((id) => !ids.has(id))).toEqual([]);
  });
});
