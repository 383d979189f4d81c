// Property-based tests over random and mutated manifests (fast-check). A fixed seed and number of
// runs keep CI time bounded and runs repeatable; on failure fast-check prints the seed and the path
// of the smallest failing input (FC_SEED=n and FC_RUNS=n replay or widen a run).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runLint } from '../src/cli/commands/lint.js';
import { type FileResult, lintSource } from '../src/core/engine.js';
import { deepEqual, fixSource } from '../src/core/fix.js';
import { formatPath } from '../src/core/path.js';
import type { Path } from '../src/core/types.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { explainSource } from '../src/model/explain.js';
import { parseYamlFast } from '../src/parse/fast.js';
import { parseSource } from '../src/parse/index.js';
import { parseYaml } from '../src/parse/yaml.js';
import { RULES } from '../src/rules/index.js';

const SEED = Number(process.env.FC_SEED ?? 20_261_207);
const RUNS = Number(process.env.FC_RUNS ?? 120);
const settings = { seed: SEED, numRuns: RUNS, endOnFailure: true };

const targets = resolveTargets([]);
const options = { rules: RULES, targets };

const capability = fc.constantFrom(
  'CAP_SYS_ADMIN',
  'SYS_ADMIN',
  'NET_RAW',
  'CAP_NET_RAW',
  'all',
  'ALL',
  'sys_time',
  'CAP_CHOWN',
  'NET_BIND_SERVICE',
  'SYS_RESOURCE',
  'CAP_CAP_SYS_RESOURCE',
  'BOGUS',
  'IPC_LOCK',
);
const name = fc.oneof(
  fc.constantFrom('app', 'es', 'web-1', 'yes', '123', 'c\x1b[2J', 'ünï', ''),
  fc.string({ maxLength: 8 }),
);
const scalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
const extra = fc.dictionary(fc.constantFrom('image', 'args', 'x', 'privileged', 'runAsUser'), scalar, { maxKeys: 2 });

const container = fc.record({
  name,
  image: fc.constantFrom('nginx', 'elasticsearch:7', 'busybox'),
  securityContext: fc.record(
    {
      privileged: fc.boolean(),
      allowPrivilegeEscalation: fc.boolean(),
      capabilities: fc.record(
        { add: fc.array(capability, { maxLength: 4 }), drop: fc.array(capability, { maxLength: 3 }) },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['capabilities'] },
  ),
});

const pod = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constantFrom('Pod', 'Deployment', 'List', 'ConfigMap'),
  metadata: fc.record({ name }),
  spec: fc.record({
    containers: fc.array(
      fc.tuple(container, extra).map(([c, e]) => ({ ...e, ...c })),
      { minLength: 1, maxLength: 3 },
    ),
  }),
});

/** A stream of manifests in YAML (block or flow style) or one JSON document. */
const manifest = fc.oneof(
  fc
    .tuple(fc.array(pod, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([docs, flow]) =>
      docs
        .map((doc) => stringify(doc, flow ? { collectionStyle: 'flow', lineWidth: 0 } : { lineWidth: 0 }))
        .join('---\n'),
    ),
  pod.map((doc) => JSON.stringify(doc, null, 2)),
);

const HOSTILE = [
  '- ',
  '[',
  '{',
  ']',
  '}',
  ': ',
  '&a ',
  '*a',
  '<<: *a',
  '\t',
  '\0',
  '\ufeff',
  '"',
  "'",
  '|',
  '>',
  '\n---\n',
  '\n...\n',
  '%YAML 1.1\n',
  ' #',
  '\r\n',
  '\x1b',
  '\ud800',
  '\u2028',
  '  ',
  '\n',
];

/** A text edit that keeps much of the manifest: an insertion, a deletion, a repeated or dropped line, a cut. */
const mutation = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)).map(([at, s]) => (t: string) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })).map(([at, n]) => (t: string) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.nat().map((at) => (t: string) => {
    const lines = t.split('\n');
    const i = at % lines.length;
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  }),
  fc.nat().map((at) => (t: string) => t.slice(0, t.length === 0 ? 0 : at % t.length)),
);

const input = fc.oneof(
  { weight: 1, arbitrary: manifest },
  {
    weight: 3,
    arbitrary: fc
      .tuple(manifest, fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => edits.reduce((t, edit) => edit(t), text)),
  },
);

/** The document values with the subtrees at `masked` (formatted paths) replaced by a marker. */
function mask(value: unknown, masked: ReadonlySet<string>, path: Path = []): unknown {
  if (masked.has(formatPath(path))) return '<edited>';
  if (Array.isArray(value)) return value.map((v, i) => mask(v, masked, [...path, i]));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value))
      out[key] = mask((value as Record<string, unknown>)[key], masked, [...path, key]);
    return out;
  }
  return value;
}

/** The list or mapping an edit at `path` changes (`a.add[1]` → `a.add`, `a.capabilities.drop` → `a.capabilities`). */
function editedParent(path: string): string {
  const item = /\[\d+\]$/.exec(path);
  if (item) return path.slice(0, item.index);
  const key = /(\.[A-Za-z_$][\w$-]*|\["[^"]*"\])$/.exec(path);
  return key ? path.slice(0, key.index) : '';
}

describe('properties over random and mutated manifests', () => {
  it('lint and explain never throw; the CLI exits 0, 1 or 2', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        let result: FileResult | undefined;
        expect(() => {
          result = lintSource('p.yaml', text, options);
        }).not.toThrow();
        expect(result?.findings.every((f) => f.line >= 1 && f.column >= 1)).toBe(true);
        expect(() => explainSource('p.yaml', text, targets, 'auto', [])).not.toThrow();
        let out = '';
        const code = await runLint(
          ['-'],
          { target: [], output: 'text', rule: [], color: false, config: false },
          {
            cwd: process.cwd(),
            stdout: (s) => {
              out += s;
            },
            stdinIsTTY: false,
            readStdin: () => text,
            version: 'test',
          },
        );
        expect([0, 1, 2]).toContain(code);
        expect(out.length).toBeGreaterThan(0);
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('fix output re-parses and differs from its input only at the edited paths', () => {
    fc.assert(
      fc.property(input, (text) => {
        const fixed = fixSource('p.yaml', text, options);
        if (fixed.error || !fixed.changed) {
          expect(fixed.output).toBe(text);
          return;
        }
        const before = parseSource(text, 'auto');
        const after = parseSource(fixed.output, 'auto');
        expect(after.problems.filter((p) => !p.warning)).toEqual([]);
        expect(after.documents.length).toBe(before.documents.length);
        const masked = new Set(fixed.changes.map((c) => editedParent(c.path)));
        before.documents.forEach((doc, i) => {
          const was = mask(doc.value, masked);
          const now = mask(after.documents[i]?.value, masked);
          expect(deepEqual(was, now)).toBe(true);
        });
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the fast reader and the yaml package agree on every generated document', () => {
    fc.assert(
      fc.property(input, (text) => {
        const fast = parseYamlFast(text);
        const precise = parseYaml(text);
        expect(fast.documents.map((d) => d.index)).toEqual(precise.documents.map((d) => d.index));
        fast.documents.forEach((doc, i) => {
          expect(deepEqual(doc.value, precise.documents[i]?.value)).toBe(true);
          expect(doc.start).toBe(precise.documents[i]?.start);
        });
        const problems = (p: typeof fast.problems) =>
          p.map(({ message, start, warning }) => ({ message, start, warning }));
        expect(problems(fast.problems)).toEqual(problems(precise.problems));
      }),
      { ...settings, numRuns: RUNS * 2 },
    );
  });
});
