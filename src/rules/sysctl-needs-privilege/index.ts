import { isMapping } from '../../core/extract.js';
import { clip } from '../../core/message.js';
import type { Fix } from '../../core/types.js';
import { isSafeOn, NAMESPACE_FACTS, POD_SYSCTLS_FACTS, PROC_SYS_FACTS, SAFE_SYSCTLS } from '../../knowledge/sysctls.js';
import type { Version } from '../../knowledge/versions.js';
import type { SysctlNeed } from '../../model/needs.js';
import type { AnalyzedContainer } from '../needs-support.js';
import {
  analyzeContainers,
  containerBase,
  describeStates,
  needConsequence,
  needTargets,
  statesFor,
  stepPath,
} from '../needs-support.js';
import { chooseSeverity, kubernetesVersions } from '../support.js';
import { defineRule } from '../types.js';

/** What to write instead, for this key on these Kubernetes versions. */
function instead(need: SysctlNeed, versions: readonly Version[]): string {
  if (need.key === '(keys from a file)') {
    return `\`${need.step.text}\` loads keys from a file the manifest does not show: set namespaced, safe keys in the pod’s ${POD_SYSCTLS_FACTS.field}, and node-wide ones with ${PROC_SYS_FACTS.initContainerPattern}.`;
  }
  if (!need.namespace) {
    return `${need.key} is not namespaced: it is node-wide, so no pod field can set it. Use ${PROC_SYS_FACTS.initContainerPattern}.`;
  }
  const safe = need.safe;
  const oldest = versions[0];
  if (safe && (oldest === undefined || isSafeOn(safe, oldest))) {
    const on =
      oldest === undefined
        ? `since Kubernetes ${safe.since}`
        : `on Kubernetes ${versions.map((v) => v.text).join(', ')} (since ${safe.since})`;
    const kernel = safe.kernel ? ` (the node needs Linux ${safe.kernel} or later)` : '';
    return `${need.key} is namespaced and in the kubelet’s safe set ${on}${kernel}: set it in the pod’s ${POD_SYSCTLS_FACTS.field} instead.`;
  }
  const when = safe ? ` until Kubernetes ${safe.since}` : '';
  return `${need.key} is namespaced (${need.namespace}) but not in the kubelet’s safe set${when}: ${POD_SYSCTLS_FACTS.field} works only where the kubelet allows it with ${POD_SYSCTLS_FACTS.unsafeOptIn} (otherwise the pod fails with ${POD_SYSCTLS_FACTS.rejection}); or use ${PROC_SYS_FACTS.initContainerPattern}.`;
}

/** A suggestion that sets a safe, namespaced key in the pod's securityContext.sysctls (when there is none yet). */
function podSysctl(analysis: AnalyzedContainer, need: SysctlNeed, versions: readonly Version[]): Fix | undefined {
  if (!need.namespace || !need.safe || need.value === undefined) return undefined;
  const oldest = versions[0];
  if (oldest !== undefined && !isSafeOn(need.safe, oldest)) return undefined;
  const pod = analysis.container.podSpec;
  const contextPath = [...pod.path, 'securityContext'];
  const entry = { name: need.key, value: need.value };
  const context = pod.value.securityContext;
  if (!('securityContext' in pod.value)) {
    return {
      description: `set ${need.key}=${need.value} in the pod’s securityContext.sysctls`,
      edits: [{ kind: 'add-key', path: contextPath, value: { sysctls: [entry] } }],
    };
  }
  if (!isMapping(context) || 'sysctls' in context) return undefined;
  return {
    description: `set ${need.key}=${need.value} in the pod’s securityContext.sysctls`,
    edits: [{ kind: 'add-key', path: [...contextPath, 'sysctls'], value: [entry] }],
  };
}

export default defineRule({
  meta: {
    id: 'sysctl-needs-privilege',
    severity: 'error',
    description: '`sysctl -w` or a write to /proc/sys in a container that is not privileged fails',
    docs: [
      'Container runtimes mount `/proc/sys` read-only in a container that is not privileged, so `sysctl -w key=value`',
      'or `echo … > /proc/sys/…` in the command fails with "Read-only file system" whatever capabilities are added.',
      'What to write instead depends on the key:',
      '',
      '- **namespaced and safe** (the kubelet’s safe set grows by release: `net.ipv4.ip_unprivileged_port_start` from',
      '  1.22, `net.ipv4.ip_local_reserved_ports` from 1.27, the TCP keepalive keys from 1.29, `tcp_rmem`/`tcp_wmem`',
      '  from 1.32): set it in the pod’s `securityContext.sysctls`; the rule suggests the entry;',
      '- **namespaced but unsafe** (`net.core.somaxconn`, `kernel.shm*`, …): `securityContext.sysctls` works only on',
      '  nodes whose kubelet allows it with `--allowed-unsafe-sysctls`;',
      '- **node-wide** (`vm.max_map_count`, `fs.file-max`, most `kernel.*`): no pod field can set it; use a privileged',
      '  init container that runs `sysctl -w` as root (the Elasticsearch chart’s pattern) or set it on the node.',
      '',
      'A privileged container running as root can write them; a privileged container with a non-root user, or a pod',
      'with its own user namespace writing a node-wide key, still fails. Name the Kubernetes version with',
      '`--target k8s@1.27,…` to get the safe set of that release.',
    ].join('\n'),
    fixable: 'suggestion',
    citations: [
      ...PROC_SYS_FACTS.citations,
      ...PROC_SYS_FACTS.patternCitations,
      ...POD_SYSCTLS_FACTS.citations,
      ...NAMESPACE_FACTS.citations,
      ...[...new Set(SAFE_SYSCTLS.flatMap((s) => s.citations))],
    ],
    example: {
      invalid:
        'initContainers:\n  - name: sysctl\n    image: busybox\n    command: ["sysctl", "-w", "vm.max_map_count=262144"]',
      valid:
        'initContainers:\n  - name: sysctl\n    image: busybox\n    command: ["sysctl", "-w", "vm.max_map_count=262144"]\n    securityContext:\n      privileged: true\n      runAsUser: 0',
    },
    tags: ['reliability'],
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== 'sysctl') continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === 'unmet');
        if (unmet.length === 0) continue;
        const severity = need.step.viaImageEntrypoint ? 'warning' : 'error';
        const outcome = describeStates(states, { unmet: 'the write fails', met: 'it works' });
        const entrypoint = need.step.viaImageEntrypoint
          ? ' (These args go to the image’s entrypoint; whether it runs them as a command is not known.)'
          : '';
        const message = `\`${need.step.text}\` (${need.step.origin.field}[${need.step.origin.index}]) writes ${need.key === '(keys from a file)' ? 'kernel parameters' : need.key}: ${outcome}. ${instead(need, versions)}${entrypoint}`;
        const suggestion = podSysctl(analysis, need, versions);
        const targets = needTargets(states);
        const key = need.key === '(keys from a file)' ? 'kernel parameters' : need.key;
        context.report({
          path: stepPath(container, need.step.origin),
          problem: `\`${clip(need.step.text, 50)}\` writes ${key}`,
          consequence: needConsequence(targets, 'the write fails') ?? 'the write fails',
          remedy: suggestion ? `set ${key} in the pod’s securityContext.sysctls` : 'set it on the node instead',
          explanation: message,
          severity: chooseSeverity(context.severity, 'error', severity),
          ...containerBase(container),
          targets,
          evidence: need.evidence,
          ...(suggestion ? { suggestion } : {}),
        });
      }
    }
  },
});
