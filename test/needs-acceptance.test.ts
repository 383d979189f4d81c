// The acceptance criteria of the needs rules, on the incident and its variants (test/fixtures/needs/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/needs/${name}`, import.meta.url), 'utf8');
const lint = (text: string, targets: string[]) =>
  lintSource('x.yaml', text, { rules: RULES, targets: resolveTargets(targets) }).findings;
const errors = (text: string, targets: string[]) =>
  lint(text, targets)
    .filter((f) => f.severity === 'error')
    .map((f) => f.rule);

describe('the incident as fixtures', () => {
  it('(a) limits.conf memlock + runuser, no capability: pam-limits-needs-sys-resource', () => {
    for (const target of ['containerd@1.6', 'docker@18.06', 'docker@19.03', 'crio@1.25']) {
      expect(errors(fixture('incident-a-no-capability.yaml'), [target])).toEqual(['pam-limits-needs-sys-resource']);
    }
  });

  it('(b) CAP_SYS_RESOURCE: on containerd@1.6 the same error plus cap-prefix; on docker@18.06 cap-prefix only', () => {
    const text = fixture('incident-b-prefixed.yaml');
    expect(errors(text, ['containerd@1.6'])).toEqual(['pam-limits-needs-sys-resource', 'cap-prefix']);
    expect(errors(text, ['docker@18.06'])).toEqual(['cap-prefix']);
    expect(errors(text, ['docker@19.03'])).toEqual([]);
  });

  it('(c) SYS_RESOURCE: clean (no error and no needs finding) on every target of the matrix', () => {
    const findings = lint(fixture('incident-c-granted.yaml'), []);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // SYS_RESOURCE is above baseline, which is reported only when a Pod Security level is selected.
    expect(findings.map((f) => f.rule)).toEqual([]);
  });

  it('(d) privileged: true: privileged-overreach suggests SYS_RESOURCE', () => {
    const found = lint(fixture('incident-d-privileged.yaml'), ['containerd@1.6']);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['privileged-overreach', 'warning']]);
    expect(found[0]?.message).toContain('the evidence needs only SYS_RESOURCE');
    expect(found[0]?.suggestion?.description).toBe('remove privileged and add SYS_RESOURCE to capabilities.add');
  });
});

describe('non-root with IPC_LOCK', () => {
  const pod = (escalation: string) => `apiVersion: v1
kind: Pod
metadata:
  name: vault-agent
spec:
  containers:
    - name: agent
      image: app:1
      command: ["sh", "-c", "exec /app/agent"]
      securityContext:
        runAsUser: 1000
${escalation}        capabilities:
          add: [IPC_LOCK]
`;
  const severity = (text: string) =>
    lint(text, ['containerd@1.7']).find((f) => f.rule === 'cap-nonroot-ineffective')?.severity;

  it('allowPrivilegeEscalation unset: info', () => {
    expect(severity(pod(''))).toBe('info');
  });

  it('allowPrivilegeEscalation: false: error', () => {
    expect(severity(pod('        allowPrivilegeEscalation: false\n'))).toBe('error');
  });
});

// The real manifests of the research corpus (present in development and CI, not in a user's clone).
const corpus = new URL('../../shared/corpus/manifests/', import.meta.url);
const present = existsSync(new URL('PROVENANCE.tsv', corpus));
const NEEDS_RULES = new Set([
  'pam-limits-needs-sys-resource',
  'ulimit-needs-sys-resource',
  'mlock-needs-memlock',
  'sysctl-needs-privilege',
  'cap-missing',
  'cap-nonroot-ineffective',
  'privileged-overreach',
]);

describe.skipIf(!present)('the needs rules on ../shared/corpus/manifests (reviewed by hand)', () => {
  const findings = present
    ? readdirSync(corpus)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .flatMap((file) => lint(readFileSync(new URL(file, corpus), 'utf8'), []).map((f) => ({ ...f, file })))
        .filter((f) => NEEDS_RULES.has(f.rule))
    : [];

  it('raise no error', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('find exactly the reviewed cases: NET_BIND_SERVICE and SYS_TIME added for non-root processes', () => {
    expect(findings.map((f) => `${f.file} ${f.line} ${f.severity} ${f.rule}`)).toEqual([
      'controlplaneio__kubesec__test__asset__sockshop__carts-dep.yaml 40 info cap-nonroot-ineffective',
      'controlplaneio__kubesec__test__asset__sockshop__orders-dep.yaml 40 info cap-nonroot-ineffective',
      'kubernetes__ingress-nginx__deploy__static__provider__aws__deploy.yaml 496 info cap-nonroot-ineffective',
      'kubernetes__ingress-nginx__deploy__static__provider__baremetal__deploy.yaml 490 info cap-nonroot-ineffective',
      'kubernetes__ingress-nginx__deploy__static__provider__cloud__deploy.yaml 492 info cap-nonroot-ineffective',
      'kubernetes__ingress-nginx__deploy__static__provider__kind__deploy.yaml 494 info cap-nonroot-ineffective',
      'prometheus-operator__kube-prometheus__manifests__nodeExporter-daemonset.yaml 54 info cap-nonroot-ineffective',
    ]);
  });

  it('stay silent on the privileged vm.max_map_count init container of the Elasticsearch example', () => {
    expect(findings.filter((f) => f.file.includes('elasticsearch'))).toEqual([]);
  });
});
