// Writes test/fixtures/kubernetes-openapi/v1.N.json: the OpenAPI definitions of the kinds in
// deploy/webhook/ (and what they reference), as the API servers of Kubernetes 1.9 to 1.13 published
// them, for the test that checks the legacy manifests field by field. The source is the npm package
// kubernetes-client@8.3.7, which ships each release's OpenAPI document (lib/specs/swagger-1.N.json.gz,
// info.version v1.9.4 … v1.13.4). Descriptions are dropped: only the shape is checked.
//
//   npm pack kubernetes-client@8.3.7 && node scripts/k8s-legacy-schemas.mjs kubernetes-client-8.3.7.tgz
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const KINDS = [
  ['', 'v1', 'Namespace'],
  ['', 'v1', 'ConfigMap'],
  ['', 'v1', 'ServiceAccount'],
  ['', 'v1', 'Service'],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding'],
  ['apps', 'v1', 'Deployment'],
  ['policy', 'v1beta1', 'PodDisruptionBudget'],
  ['admissionregistration.k8s.io', 'v1beta1', 'ValidatingWebhookConfiguration'],
  ['admissionregistration.k8s.io', 'v1beta1', 'MutatingWebhookConfiguration'],
];
const VERSIONS = ['1.9', '1.10', '1.11', '1.12', '1.13'];

const tarball = process.argv[2];
if (!tarball) {
  console.error('usage: node scripts/k8s-legacy-schemas.mjs kubernetes-client-8.3.7.tgz');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'k8s-schemas-'));
const out = new URL('../test/fixtures/kubernetes-openapi/', import.meta.url);
mkdirSync(out, { recursive: true });
try {
  execFileSync('tar', ['xzf', tarball, '-C', work]);
  for (const version of VERSIONS) {
    const spec = JSON.parse(gunzipSync(readFileSync(join(work, 'package/lib/specs', `swagger-${version}.json.gz`))));
    const definitions = spec.definitions;
    const kinds = {};
    const keep = new Set();
    const visit = (name) => {
      if (keep.has(name)) return;
      if (!definitions[name]) throw new Error(`${version}: no definition ${name}`);
      keep.add(name);
      JSON.stringify(definitions[name], (key, value) => {
        if (key === '$ref') visit(value.replace('#/definitions/', ''));
        return value;
      });
    };
    for (const [group, apiVersion, kind] of KINDS) {
      const name = Object.keys(definitions).find((n) =>
        (definitions[n]['x-kubernetes-group-version-kind'] ?? []).some(
          (g) => g.group === group && g.version === apiVersion && g.kind === kind && n.startsWith('io.k8s.api.'),
        ),
      );
      if (!name) throw new Error(`${version}: no ${group}/${apiVersion} ${kind}`);
      kinds[`${group ? `${group}/` : ''}${apiVersion}/${kind}`] = name;
      visit(name);
    }
    const kept = {};
    for (const name of [...keep].sort()) {
      kept[name] = JSON.parse(
        JSON.stringify(definitions[name], (key, value) => (key === 'description' ? undefined : value)),
      );
    }
    const text = `${JSON.stringify({ source: `kubernetes-client@8.3.7:lib/specs/swagger-${version}.json.gz`, kubernetes: spec.info.version, kinds, definitions: kept })}\n`;
    writeFileSync(new URL(`v${version}.json`, out), text);
    console.log(`v${version}.json: ${spec.info.version}, ${keep.size} definitions, ${text.length} bytes`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
