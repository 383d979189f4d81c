// deploy/scan/: the role grants exactly what `capdoctor scan` reads, only get and list; the manifests pass
// capdoctor's own checks, restricted ones included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CONTROLLERS, NAMESPACES, NODES, PODS } from '../src/cluster/read.js';
import { lintSource } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const dir = fileURLToPath(new URL('../deploy/scan/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
// biome-ignore lint/suspicious/noExplicitAny: manifests are read as plain data
const manifests: Record<string, any>[] = files.flatMap((f) =>
  parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS()),
);

describe('deploy/scan', () => {
  it('the ClusterRole grants get and list on exactly the resources a scan reads', () => {
    const role = manifests.find((m) => m.kind === 'ClusterRole') ?? {};
    const granted = role.rules.flatMap((r: { apiGroups: string[]; resources: string[]; verbs: string[] }) => {
      expect(r.verbs).toEqual(['get', 'list']);
      return r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`));
    });
    const read = [NODES, NAMESPACES, PODS, ...CONTROLLERS].map((r) => `${r.group}/${r.plural}`);
    expect(granted.sort()).toEqual(read.sort());
  });

  it('the CronJob runs the scan as the bound service account', () => {
    const cron = manifests.find((m) => m.kind === 'CronJob') ?? {};
    const binding = manifests.find((m) => m.kind === 'ClusterRoleBinding') ?? {};
    const pod = cron.spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe(binding.subjects[0].name);
    expect(pod.containers[0].args.slice(0, 2)).toEqual(['scan', '--all-namespaces']);
  });

  it.each(files)('%s passes capdoctor’s checks, restricted included', (file) => {
    const result = lintSource(file, readFileSync(join(dir, file), 'utf8'), {
      rules: RULES,
      targets: resolveTargets([]),
      settings: { 'pss-restricted': 'error' },
    });
    expect(result.findings).toEqual([]);
  });
});
