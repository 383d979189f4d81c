import type { ContainerInfo } from '../../core/extract.js';
import { clip } from '../../core/message.js';
import type { Fix, PathEdit } from '../../core/types.js';
import { PRIVILEGED } from '../../knowledge/needs.js';
import { POD_SYSCTLS_FACTS } from '../../knowledge/sysctls.js';
import type { Need } from '../../model/needs.js';
import { processOnTarget } from '../../model/process.js';
import { addCapabilities, analyzeContainers, containerBase, quoteEvidence, uniqueEvidence } from '../needs-support.js';
import { chooseSeverity, joinAnd } from '../support.js';
import { defineRule } from '../types.js';

interface Requirement {
  /** Capabilities that satisfy it. */
  capabilities: string[];
  /** Only privileged (or something outside the pod) satisfies it. */
  privileged?: boolean;
  /** Satisfied by the pod's securityContext.sysctls instead. */
  podSysctl?: string;
}

function requirement(need: Need, userNamespace: boolean): Requirement | undefined {
  switch (need.kind) {
    case 'pam-limits':
    case 'ulimit':
      return userNamespace ? { capabilities: [], privileged: true } : { capabilities: ['SYS_RESOURCE'] };
    case 'mlock':
      // Elasticsearch needs a memlock limit, which privileged does not give; Vault as root needs IPC_LOCK.
      if (need.app === 'vault' && need.user.kind !== 'non-root') return { capabilities: ['IPC_LOCK'] };
      return undefined;
    case 'sysctl':
      if (need.namespace && need.safe && need.value !== undefined) return { capabilities: [], podSysctl: need.key };
      return { capabilities: [], privileged: true };
    case 'command':
      if (need.facts.notEnough) return { capabilities: [need.capability], privileged: true };
      return { capabilities: [need.capability] };
    case 'switch':
      return { capabilities: [...need.capabilities] };
    case 'port':
      return need.user.kind === 'non-root' ? undefined : { capabilities: [need.capability] };
  }
}

function withoutPrivileged(container: ContainerInfo): ContainerInfo {
  const securityContext = { ...(container.securityContext ?? {}), privileged: false };
  return { ...container, securityContext };
}

export default defineRule({
  meta: {
    id: 'privileged-overreach',
    severity: 'warning',
    description: '`privileged: true` where the evidence needs only a few named capabilities',
    docs: [
      '`privileged: true` gives a container every capability, access to all host devices, a writable /proc/sys and',
      '/sys, and no seccomp or AppArmor confinement. It is often the “fix” that made a failing pod start — the',
      'incident this tool exists for was “solved” that way after `CAP_SYS_RESOURCE` had silently done nothing.',
      '',
      'When the evidence in the manifest (limits.conf with a PAM session opener, `ulimit`, commands such as',
      '`iptables` or `chown`, user switches, safe sysctls) names what the container needs, and nothing in it needs',
      'privileged itself, the rule suggests exactly that set: the capabilities the container would not hold anyway',
      'on every selected target once `privileged` is gone (its drop list then applies again), and',
      '`securityContext.sysctls` for namespaced, safe kernel parameters.',
      '',
      'It stays silent when there is no evidence (it cannot tell what privileged is for), and when the evidence',
      'needs privileged: node-wide sysctls such as `vm.max_map_count` (the Elasticsearch charts’ init container),',
      '`mount`, or raising limits in a pod with its own user namespace.',
    ].join('\n'),
    fixable: 'suggestion',
    citations: [...PRIVILEGED.citations, ...POD_SYSCTLS_FACTS.citations],
    example: {
      invalid:
        'args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]\nsecurityContext:\n  privileged: true  # limits.conf raises memlock',
      valid:
        'args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]\nsecurityContext:\n  capabilities:\n    add: [SYS_RESOURCE]',
    },
    tags: ['security', 'least-privilege'],
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      if (container.securityContext?.privileged !== true) continue;
      const needs = analysis.needs.needs;
      if (needs.length === 0) continue;
      const userNamespace = container.podSpec.value.hostUsers === false;
      const requirements = needs.map((n) => ({ need: n, requirement: requirement(n, userNamespace) }));
      if (requirements.some((r) => r.requirement?.privileged)) continue;
      const counted = requirements.filter((r) => r.requirement !== undefined);
      if (counted.length === 0) continue;
      const needed = new Set(counted.flatMap((r) => r.requirement?.capabilities ?? []));
      const sysctls = counted.map((r) => r.requirement?.podSysctl).filter((s): s is string => s !== undefined);
      // What the container holds anyway without privileged, on every selected target.
      const plain = withoutPrivileged(container);
      const held = context.targets.map((t) => processOnTarget(plain, t)).filter((p) => p.target.engine);
      const always = [...needed].filter((c) => held.length > 0 && held.every((p) => p.bounding.includes(c)));
      const toAdd = sorted([...needed].filter((c) => !always.includes(c)));
      const evidence = uniqueEvidence(counted.flatMap((r) => r.need.evidence));
      const reasons = [...new Set(counted.map((r) => r.need.summary))];
      const parts: string[] = [];
      if (toAdd.length > 0) parts.push(`add ${joinAnd(sorted(toAdd))} to capabilities.add`);
      if (sysctls.length > 0) {
        parts.push(`set ${joinAnd(sysctls)} in the pod’s ${POD_SYSCTLS_FACTS.field} instead of writing it`);
      }
      const wanted = [...sorted(toAdd), ...sysctls.map((s) => `the sysctl ${s}`)];
      const defaults =
        always.length > 0
          ? `${wanted.length > 0 ? ', plus ' : ''}${joinAnd(sorted(always))}, which the runtime grants by default on every selected target`
          : '';
      const instead =
        parts.length > 0
          ? `Remove privileged and ${joinAnd(parts)}.`
          : 'Remove privileged: the runtime’s defaults cover it.';
      const message =
        `privileged: true gives this container ${PRIVILEGED.grants}, but the evidence needs only ${joinAnd(wanted) || 'what the defaults give'}${defaults}: ` +
        `${reasons.join('; ')}. ${instead} Evidence: ${quoteEvidence(evidence)}.`;
      const privilegedPath = [...container.path, 'securityContext', 'privileged'];
      const edits: PathEdit[] = [{ kind: 'remove-key', path: privilegedPath }];
      const add = addCapabilities(container, toAdd);
      if (add) edits.push(...add.edits);
      const suggestion: Fix = {
        description: `remove privileged${toAdd.length > 0 ? ` and add ${joinAnd(toAdd)} to capabilities.add` : ''}`,
        edits: sysctls.length > 0 ? [] : edits,
      };
      context.report({
        path: privilegedPath,
        problem: 'privileged: true',
        consequence: `the evidence needs only ${clip(joinAnd(wanted) || 'the runtime’s defaults', 60)}`,
        remedy:
          toAdd.length > 0
            ? `remove privileged, add ${clip(joinAnd(toAdd), 40)}${sysctls.length > 0 ? ', set the sysctls' : ''}`
            : sysctls.length > 0
              ? 'remove privileged and set the sysctls in the pod'
              : 'remove privileged',
        explanation: message,
        severity: chooseSeverity(context.severity, 'warning', 'warning'),
        ...containerBase(container),
        evidence,
        suggestion,
      });
    }
  },
});

function sorted(set: Iterable<string>): string[] {
  return [...set].sort();
}
