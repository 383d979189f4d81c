// Every error and warning capdoctor gives on ../shared/corpus/manifests (default targets: the runtimes
// supported today), reviewed by hand against the upstream evidence and pinned with its verdict. A new
// or changed finding fails this test until it is reviewed; docs/precision.md reports the figures.
// Skips when ../shared is absent (a user's clone).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const corpus = fileURLToPath(new URL('../../shared/corpus/manifests/', import.meta.url));
const present = existsSync(join(corpus, 'PROVENANCE.tsv'));

type Verdict = 'right' | 'wrong';
interface Review {
  verdict: Verdict;
  why: string;
}

const CONTAINERD_DROP =
  'drop CAP_NET_RAW on containerd (the default runtime) becomes CAP_CAP_NET_RAW and drops nothing: NET_RAW stays';
const RESTRICTED_ALL =
  'Pod Security restricted requires exactly "ALL" in drop: the pod fails only because of the spelling';

/** `file:line:column severity rule` → the verdict of the review. */
const REVIEWED: Record<string, Review> = {
  'Checkmk__checkmk_kube_agent__deploy__charts__checkmk__templates__node-collector-container-metrics-psp.yaml:1:3 error parse-error':
    { verdict: 'right', why: 'a Helm template ({{ }}), not YAML; the message says to render it first' },
  'Checkmk__checkmk_kube_agent__deploy__charts__checkmk__templates__node-collector-container-metrics-psp.yaml:6:43 error parse-error':
    { verdict: 'right', why: 'same template, next unreadable line' },
  'Checkmk__checkmk_kube_agent__deploy__charts__checkmk__templates__node-collector-container-metrics-psp.yaml:43:43 error parse-error':
    { verdict: 'right', why: 'same template, next unreadable line' },
  'Checkmk__checkmk_kube_agent__deploy__charts__checkmk__templates__node-collector-container-metrics-psp.yaml:59:43 error parse-error':
    { verdict: 'right', why: 'same template, next unreadable line' },
  'Checkmk__checkmk_kube_agent__deploy__charts__checkmk__values.yaml:191:15 error cap-prefix': {
    verdict: 'right',
    why: 'add CAP_SYS_PTRACE after drop ALL: containerd does not grant it (fixed upstream in f3e329a)',
  },
  'FairwindsOps__polaris__test__checks__dangerousCapabilities__failure.all-caps.yaml:13:15 warning cap-all': {
    verdict: 'right',
    why: 'add: ["all"] grants every capability (the fixture is Polaris’ failure case)',
  },
  'aws__amazon-vpc-cni-k8s__charts__aws-vpc-cni__values.yaml:47:17 warning cap-privileged-redundant': {
    verdict: 'right',
    why: 'privileged: true next to add: [NET_ADMIN]: the list has no effect',
  },
  'aws__amazon-vpc-cni-k8s__config__master__aws-k8s-cni.yaml:346:25 warning cap-privileged-redundant': {
    verdict: 'right',
    why: 'the rendered manifest of the same chart: privileged with a redundant add list',
  },
  'bridgecrewio__checkov__tests__kubernetes__checks__example_DropCapabilities__pod-drop-all-capabilities-PASSED2.yaml:13:15 warning cap-all':
    { verdict: 'right', why: RESTRICTED_ALL },
  'controlplaneio__kubesec__test__asset__sockshop__carts-db-dep.yaml:25:17 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'controlplaneio__kubesec__test__asset__sockshop__carts-dep.yaml:38:17 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'controlplaneio__kubesec__test__asset__sockshop__front-end-dep.yaml:34:17 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'controlplaneio__kubesec__test__asset__sockshop__orders-dep.yaml:38:17 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'controlplaneio__kubesec__test__asset__sockshop__rabbitmq-dep.yaml:24:17 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'controlplaneio__kubesec__test__asset__sockshop__user-db-dep.yaml:26:17 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'elastic__cloud-on-k8s__config__e2e__scc.yaml:25:3 warning cap-duplicate': {
    verdict: 'right',
    why: 'AUDIT_WRITE is listed twice in the SCC (PROVENANCE notes it)',
  },
  'k8snetworkplumbingwg__multi-networkpolicy-iptables__deploy.yml:108:23 warning cap-privileged-redundant': {
    verdict: 'right',
    why: 'privileged: true next to add: [SYS_ADMIN, SYS_NET_ADMIN]',
  },
  'k8snetworkplumbingwg__multi-networkpolicy-iptables__deploy.yml:110:32 error cap-unknown': {
    verdict: 'right',
    why: 'SYS_NET_ADMIN is no capability; Docker ≥19.03 refuses it even for a privileged container (fixed upstream in 42ae37b); containerd and CRI-O skip the lists, as the message says',
  },
  'kubernetes__examples___archived__openshift-origin__etcd-controller.yaml:12:3 warning parse-error': {
    verdict: 'right',
    why: 'duplicate key "selector" in the file',
  },
  'kubernetes__examples___archived__openshift-origin__etcd-discovery-controller.yaml:12:3 warning parse-error': {
    verdict: 'right',
    why: 'duplicate key "selector" in the file',
  },
  'kubernetes__pod-security-admission__test__testdata__baseline__v1.0__fail__capabilities_baseline2.yaml:12:11 warning cap-case':
    { verdict: 'right', why: 'the upstream fixture: baseline refuses "chown" only because of its case' },
  'kubernetes__pod-security-admission__test__testdata__baseline__v1.0__fail__capabilities_baseline2.yaml:12:11 warning pss-baseline':
    { verdict: 'right', why: 'the same spelling-only refusal, from the policy’s side (two rules, one entry)' },
  'kubernetes__pod-security-admission__test__testdata__baseline__v1.0__fail__capabilities_baseline3.yaml:12:11 warning cap-prefix':
    {
      verdict: 'right',
      why: 'CAP_CHOWN: baseline refuses it, Docker ≤18.09 fails on it; containerd skips it but CHOWN is a default, so no error',
    },
  'kubernetes__pod-security-admission__test__testdata__baseline__v1.0__fail__capabilities_baseline3.yaml:12:11 warning pss-baseline':
    { verdict: 'right', why: 'the upstream fixture: baseline refuses CAP_CHOWN only because of the prefix' },
  'kubescape__regolibrary__rules__drop-capability-netraw__test__pod__input__pod.yaml:31:16 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'kyverno__policies__best-practices__require-drop-all__.chainsaw-test__bad-pod-corner.yaml:20:13 error cap-prefix': {
    verdict: 'right',
    why: CONTAINERD_DROP,
  },
  'kyverno__policies__best-practices__require-drop-cap-net-raw__.chainsaw-test__good-pod.yaml:12:13 error cap-prefix': {
    verdict: 'right',
    why: `${CONTAINERD_DROP} (the policy’s "good" pod still holds NET_RAW there)`,
  },
  'kyverno__policies__best-practices__require-drop-cap-net-raw__.chainsaw-test__good-pod.yaml:19:13 error cap-prefix': {
    verdict: 'right',
    why: CONTAINERD_DROP,
  },
  'kyverno__policies__best-practices__require-drop-cap-net-raw__.chainsaw-test__good-pod.yaml:25:13 error cap-prefix': {
    verdict: 'right',
    why: CONTAINERD_DROP,
  },
  'kyverno__policies__best-practices__require-drop-cap-net-raw__.kyverno-test__resource.yaml:11:16 error cap-prefix': {
    verdict: 'right',
    why: CONTAINERD_DROP,
  },
  'kyverno__policies__best-practices__require-drop-cap-net-raw__.kyverno-test__resource.yaml:17:16 error cap-prefix': {
    verdict: 'right',
    why: CONTAINERD_DROP,
  },
  'kyverno__policies__best-practices__require-drop-cap-net-raw__.kyverno-test__resource.yaml:29:16 error cap-prefix': {
    verdict: 'right',
    why: CONTAINERD_DROP,
  },
  'kyverno__policies__best-practices__require-drop-cap-net-raw__.kyverno-test__resource.yaml:35:16 error cap-prefix': {
    verdict: 'right',
    why: 'drop CAP_CHOWN on containerd drops nothing: CHOWN stays',
  },
  'metallb__metallb__config__controllers__controller.yaml:66:15 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'metallb__metallb__config__frr__speaker-patch.yaml:65:45 warning cap-escalation-conflict': {
    verdict: 'right',
    why: 'allowPrivilegeEscalation: false with SYS_ADMIN: Kubernetes documents escalation as always allowed with SYS_ADMIN; advisory, nothing fails',
  },
  'metallb__metallb__config__manifests__metallb-frr.yaml:2344:15 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'metallb__metallb__config__manifests__metallb-frr.yaml:2409:15 warning cap-escalation-conflict': {
    verdict: 'right',
    why: 'the rendered bundle of the same speaker: advisory, nothing fails',
  },
  'metallb__metallb__config__manifests__metallb-native.yaml:2244:15 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'secureCodeBox__secureCodeBox__scanners__nmap__values.yaml:99:11 warning cap-all': {
    verdict: 'right',
    why: RESTRICTED_ALL,
  },
  'utkuozdemir__pv-migrate__helm__pv-migrate__values.yaml:33:9 warning cap-prefix': {
    verdict: 'right',
    why: 'CAP_SYS_CHROOT broke containerd with runc ≤rc93 (utkuozdemir/pv-migrate#165, end of life now); today containerd skips it but SYS_CHROOT is a default, CRI-O and Docker accept it: portability, not an outage',
  },
};

const targets = resolveTargets([]);

describe.skipIf(!present)('corpus precision: every error and warning reviewed by hand', () => {
  const files = present ? readdirSync(corpus).filter((f) => /\.ya?ml$/.test(f)) : [];
  const loud = files.flatMap((file) =>
    lintSource(file, readFileSync(join(corpus, file), 'utf8'), { rules: RULES, targets })
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => `${file}:${f.line}:${f.column} ${f.severity} ${f.rule}`),
  );

  it('gives exactly the reviewed errors and warnings', () => {
    expect([...loud].sort()).toEqual(Object.keys(REVIEWED).sort());
  });

  it('has the precision docs/precision.md reports', () => {
    const count = (severity: string, verdict?: Verdict) =>
      Object.entries(REVIEWED).filter(
        ([key, review]) => key.includes(` ${severity} `) && (verdict === undefined || review.verdict === verdict),
      ).length;
    expect([count('error', 'right'), count('error')]).toEqual([14, 14]);
    expect([count('warning', 'right'), count('warning')]).toEqual([26, 26]);
  });
});
