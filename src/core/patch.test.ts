// The JSON Patch of the safe fixes, applied with an independent RFC 6902 implementation (fast-json-patch):
// the result is the object `capdoctor fix` writes, and nothing else changes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { resolveTargets } from '../knowledge/targets.js';
import { RULES } from '../rules/index.js';
import { defineRule, type Rule } from '../rules/types.js';
import { type FixOptions, fixSource } from './fix.js';
import { fixPatch, type JsonPatchOperation, jsonPointer } from './patch.js';
import type { PathEdit } from './types.js';

const options: FixOptions = { rules: RULES, targets: resolveTargets([]) };

function apply(object: unknown, patch: readonly JsonPatchOperation[]): unknown {
  // validateOperation=true: every operation must be well formed and its path must exist.
  return jsonpatch.applyPatch(structuredClone(object), patch as jsonpatch.Operation[], true, false).newDocument;
}

/** The data `capdoctor fix` gives for the object written as JSON. */
function fixedByText(object: unknown): unknown {
  return JSON.parse(fixSource('object.json', JSON.stringify(object, null, 2), { ...options, format: 'json' }).output);
}

function deployment(add: unknown[], drop: unknown[] = []): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'es',
      namespace: 'search',
      annotations: { 'example.com/owner~team': 'search', 'app.kubernetes.io/part-of': 'logging' },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'es' } },
      template: {
        metadata: { labels: { app: 'es' } },
        spec: {
          initContainers: [
            { name: 'sysctl', image: 'busybox:1.36', command: ['sysctl', '-w', 'vm.max_map_count=262144'] },
          ],
          containers: [
            {
              name: 'es',
              image: 'elasticsearch:8.15.0',
              ports: [{ containerPort: 9200 }],
              securityContext: { capabilities: { add, drop } },
            },
          ],
        },
      },
    },
  };
}

describe('fixPatch', () => {
  it('turns a CAP_ prefix into a guarded replace, and the patched object is what fix writes', () => {
    const object = deployment(['CAP_SYS_RESOURCE']);
    const { patch, fixed } = fixPatch(object, options);
    const path = '/spec/template/spec/containers/0/securityContext/capabilities/add/0';
    expect(patch).toEqual([
      { op: 'test', path, value: 'CAP_SYS_RESOURCE' },
      { op: 'replace', path, value: 'SYS_RESOURCE' },
    ]);
    expect(apply(object, patch)).toEqual(fixed);
    expect(fixed).toEqual(fixedByText(object));
  });

  it('fixes case and removes duplicates, changing nothing but those entries', () => {
    const object = deployment(['net_admin', 'SYS_RESOURCE', 'SYS_RESOURCE', 'CAP_IPC_LOCK'], ['cap_net_raw']);
    const { patch, fixed } = fixPatch(object, options);
    expect(patch.length).toBeGreaterThan(0);
    const patched = apply(object, patch);
    expect(patched).toEqual(fixed);
    expect(patched).toEqual(fixedByText(object));
    const capabilities = '/spec/template/spec/containers/0/securityContext/capabilities';
    expect(jsonpatch.getValueByPointer(patched, capabilities)).toEqual({
      add: ['NET_ADMIN', 'SYS_RESOURCE', 'IPC_LOCK'],
      drop: ['NET_RAW'],
    });
    // Nothing else moved: with the lists put back, the object is the original.
    const restored = apply(patched, [
      { op: 'replace', path: capabilities, value: jsonpatch.getValueByPointer(object, capabilities) },
    ]);
    expect(restored).toEqual(object);
    // Every operation is on the capability lists.
    for (const op of patch)
      expect(op.path).toMatch(/^\/spec\/template\/spec\/containers\/0\/securityContext\/capabilities\//);
    // The object given is not changed.
    expect(jsonpatch.getValueByPointer(object, `${capabilities}/add/0`)).toBe('net_admin');
  });

  it('guards every change: a patch made for another version of the object fails', () => {
    const object = deployment(['CAP_SYS_RESOURCE', 'CAP_NET_ADMIN']);
    const { patch } = fixPatch(object, options);
    const changed = deployment(['CAP_NET_ADMIN', 'CAP_SYS_RESOURCE']);
    expect(() => apply(changed, patch)).toThrow(/Test operation failed/);
  });

  it('gives no patch when nothing is to be fixed', () => {
    const object = deployment(['SYS_RESOURCE'], ['ALL']);
    const result = fixPatch(object, options);
    expect(result.patch).toEqual([]);
    expect(result.fixed).toBe(object);
  });

  it('never patches a suggestion (a change to what the container is granted), even when unsafe is asked', () => {
    // A misspelt name: the right one is only a guess, so the rename is a suggestion.
    const object = deployment(['SYS_RESOUCE']);
    expect(fixPatch(object, options).patch).toEqual([]);
    expect(fixPatch(object, { ...options, unsafe: true }).patch).toEqual([]);
  });

  it('works on a Pod and on a CronJob, whose pod template is deeper', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'a', image: 'x', securityContext: { capabilities: { add: ['CAP_CHOWN', 'chown'] } } }],
      },
    };
    const podPatch = fixPatch(pod, options);
    expect(apply(pod, podPatch.patch)).toEqual({
      ...pod,
      spec: { containers: [{ name: 'a', image: 'x', securityContext: { capabilities: { add: ['CHOWN'] } } }] },
    });
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: pod.spec } } } },
    };
    const cronPatch = fixPatch(cron, options);
    expect(
      cronPatch.patch.every((op) => op.path.startsWith('/spec/jobTemplate/spec/template/spec/containers/0/')),
    ).toBe(true);
    expect(apply(cron, cronPatch.patch)).toEqual(cronPatch.fixed);
  });
});

describe('jsonPointer', () => {
  it('escapes ~ and / (RFC 6901)', () => {
    expect(jsonPointer(['metadata', 'annotations', 'a/b~c', 0])).toBe('/metadata/annotations/a~1b~0c/0');
  });
});

const corpus = fileURLToPath(new URL('../../../shared/corpus/manifests/', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Every YAML or JSON file of a folder and its subfolders. */
function manifests(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => join(folder, f))
    .sort();
}

/** The objects of a file, as an API server would hold them: JSON (YAML aliases become copies). */
function objectsOf(file: string): unknown[] {
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if ('errors' in doc && doc.errors.length > 0) continue;
    const object = doc.toJS({ maxAliasCount: -1 });
    if (object !== null && typeof object === 'object') out.push(JSON.parse(JSON.stringify(object)));
  }
  return out;
}

const summary = (f: { rule: string; path: string; severity: string; message: string }) =>
  `${f.rule} ${f.severity} ${f.path} ${f.message}`;

/**
 * The data-level fix against the text fix engine on the object printed as JSON: the same object, the
 * same changes (rule, description, path) and the same findings left.
 */
function expectSameAsText(object: unknown, label: string, fixOptions: FixOptions = options): boolean {
  const { patch, fixed, fix } = fixPatch(object, fixOptions, 'object.json');
  const text = fixSource('object.json', JSON.stringify(object, null, 2), {
    ...fixOptions,
    unsafe: false,
    format: 'json',
  });
  expect(apply(object, patch), label).toEqual(fixed);
  expect(fixed, label).toEqual(JSON.parse(text.output));
  const changes = (list: readonly { rule: string; description: string; path: string }[]) =>
    list.map((c) => `${c.rule} ${c.path} ${c.description}`).sort();
  expect(changes(fix.changes), label).toEqual(changes(text.changes));
  expect(fix.result.findings.map(summary).sort(), label).toEqual(text.result.findings.map(summary).sort());
  return patch.length > 0;
}

describe('fixPatch works on the data as fix works on the text', () => {
  const sources: [string, string[]][] = [
    ["the rules' fixtures", manifests(here('../rules/'))],
    ['the fix fixtures', manifests(here('../../test/fixtures/fix/'))],
    ['the examples', manifests(here('../../examples/'))],
    ['the shared corpus', manifests(corpus)],
  ];
  for (const [name, files] of sources) {
    it.skipIf(files.length === 0)(`for every object of ${name}, and for each rule alone`, () => {
      let patched = 0;
      for (const file of files) {
        for (const [i, object] of objectsOf(file).entries()) {
          const label = `${file} #${i}`;
          if (expectSameAsText(object, label)) patched++;
          // One rule at a time, as a live diagnosis asks (src/diagnose/live.ts).
          const fixable = new Set(fixPatch(object, options).fix.changes.map((c) => c.rule));
          for (const rule of fixable)
            expectSameAsText(object, `${label} only ${rule}`, { ...options, only: new Set([rule]) });
        }
      }
      expect(patched).toBeGreaterThan(0);
    });
  }
});

/** A rule that asks for the given edits on the first container's capabilities, as a safe fix. */
function editing(id: string, edits: (caps: string) => PathEdit[]): Rule {
  return defineRule({
    meta: { id, severity: 'warning', description: id, docs: id, fixable: 'safe', citations: [] },
    check(context) {
      const owner = context.extracted.owners.find((o) => o.lists.length > 0);
      const list = owner?.lists[0];
      if (!list) return;
      const caps = list.path.slice(0, -1);
      const wanted = edits(jsonPointer(caps));
      context.report({
        path: list.path,
        problem: id,
        explanation: id,
        fix: { description: `${id} edit`, edits: wanted },
      });
    },
  });
}

describe('fixPatch refuses what the text engine refuses', () => {
  const caps: (string | number)[] = ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities'];
  const run = (rules: Rule[], object: unknown) => {
    const ruleOptions: FixOptions = { rules, targets: resolveTargets([]) };
    expectSameAsText(object, rules.map((r) => r.meta.id).join(' '), ruleOptions);
    return fixPatch(object, ruleOptions);
  };

  it('a rename that would stop a target applying a capability', () => {
    const rule = editing('worse', () => [{ kind: 'replace-scalar', path: [...caps, 'add', 0], value: 'SYS_ADMN' }]);
    const result = run([rule], deployment(['SYS_ADMIN']));
    expect(result.patch).toEqual([]);
    expect(result.fix.skipped.map((s) => s.reason).join()).toMatch(/would stop applying SYS_ADMIN/);
  });

  it('removing the only item of a list, and editing what is not there or not a string', () => {
    const only = editing('only', () => [{ kind: 'remove-item', path: [...caps, 'add', 0] }]);
    const missing = editing('missing', () => [{ kind: 'replace-scalar', path: [...caps, 'add', 5], value: 'X' }]);
    const result = run([only, missing], deployment(['SYS_ADMIN']));
    expect(result.patch).toEqual([]);
    expect(
      result.fix.skipped
        .map((s) => s.reason)
        .sort()
        .join('|'),
    ).toMatch(/only item.*not in the document/);
    const number = editing('number', () => [{ kind: 'replace-scalar', path: [...caps, 'add', 0], value: 'X' }]);
    expect(run([number], deployment([7])).fix.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/not a string/),
    ]);
  });

  it('overlapping edits: the first in the text order wins this pass, the other waits or goes', () => {
    // Removing items 0 and 1 at once would take the same separator: one pass each.
    const first = editing('first', () => [{ kind: 'remove-item', path: [...caps, 'add', 0] }]);
    const second = editing('second', () => [{ kind: 'remove-item', path: [...caps, 'add', 1] }]);
    const both = run([first, second], deployment(['SYS_ADMIN', 'SYS_ADMIN', 'SYS_ADMIN', 'SYS_ADMIN']));
    expect(both.fix.steps.length).toBeGreaterThan(1);
    // A whole list removed and an entry of it renamed: the removal comes first in the text, the rename goes.
    const drop = editing('drop', () => [{ kind: 'remove-key', path: [...caps, 'drop'] }]);
    const rename = editing('rename', () => [{ kind: 'replace-scalar', path: [...caps, 'drop', 0], value: 'ALL' }]);
    run([rename, drop], deployment(['SYS_ADMIN'], ['all']));
    // The same edit from two rules: the text engine expects it twice in the data but makes it once, so the
    // pair is refused that pass; the key added beside it goes through.
    const twice = editing('twice', () => [{ kind: 'append-items', path: [...caps, 'drop'], values: ['NET_RAW'] }]);
    const again = editing('again', () => [{ kind: 'append-items', path: [...caps, 'drop'], values: ['NET_RAW'] }]);
    const added = editing('added', () => [{ kind: 'add-key', path: [...caps, 'x-note'], value: 'y' }]);
    const merged = run([twice, again, added], deployment(['SYS_ADMIN'], ['MKNOD']));
    expect(merged.fix.steps[0]?.edits.map((e) => e.kind)).toEqual(['add-key']);
    expect(merged.fix.skipped.find((s) => s.rule === 'again')?.reason).toMatch(/outside the edited entries/);
  });
});
