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
import { type FixOptions, fixSource } from './fix.js';
import { fixPatch, type JsonPatchOperation, jsonPointer } from './patch.js';

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

describe.skipIf(!existsSync(corpus))('fixPatch on the shared corpus', () => {
  it('gives, for every document, a patch that applies and equals what fix writes', () => {
    let patched = 0;
    for (const file of readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f))) {
      for (const doc of parseAllDocuments(readFileSync(join(corpus, file), 'utf8'))) {
        if ('errors' in doc && doc.errors.length > 0) continue;
        const object = doc.toJS({ maxAliasCount: -1 });
        if (object === null || typeof object !== 'object') continue;
        const { patch, fixed } = fixPatch(object, options, file);
        expect(apply(object, patch), file).toEqual(fixed);
        expect(fixed, file).toEqual(fixedByText(object));
        if (patch.length > 0) patched++;
      }
    }
    expect(patched).toBeGreaterThan(0);
  });
});
