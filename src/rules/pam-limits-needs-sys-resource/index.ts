import { PAM_LIMITS, RAISE_HARD_LIMIT, SESSION_OPENERS } from '../../knowledge/needs.js';
import type { LimitLine, PamNeed } from '../../model/needs.js';
import { describeUser } from '../../model/process.js';
import {
  addCapabilities,
  addsCapability,
  analyzeContainers,
  containerBase,
  describeStates,
  limitText,
  misspelledAdd,
  needConsequence,
  needTargets,
  quoteEvidence,
  statesFor,
  stepPath,
} from '../needs-support.js';
import { chooseSeverity } from '../support.js';
import { defineRule } from '../types.js';

function shownValue(line: LimitLine): string {
  return limitText(line.value, line.facts.unit);
}

function raises(need: PamNeed): string {
  const parts = need.lines.map((l) => `the hard ${l.facts.resource} to ${shownValue(l)}`);
  return [...new Set(parts)].join(' and ');
}

/** `the hard memlock limit`, `hard limits` (several): the short message's words. */
function raisesShort(need: PamNeed): string {
  const resources = [...new Set(need.lines.map((l) => l.facts.resource))];
  return resources.length === 1 ? `hard ${resources[0]}` : 'hard limits';
}

export default defineRule({
  meta: {
    id: 'pam-limits-needs-sys-resource',
    severity: 'error',
    description: 'limits.conf raises a hard limit when su/runuser opens a PAM session, without SYS_RESOURCE',
    docs: [
      'When `su`, `runuser`, `sudo` or `login` opens a PAM session, pam_limits applies `/etc/security/limits.conf`',
      'and `/etc/security/limits.d/*.conf`. A `hard` (or `-`) line above the limit the container started with needs',
      '`SYS_RESOURCE`: without it setrlimit(2) fails with EPERM. The container’s limits come from the node’s runtime',
      '(for memlock 64 KiB to 64 MiB; Kubernetes has no ulimit field).',
      '',
      'What happens then depends on the image’s PAM: upstream Linux-PAM refuses the session, so the entrypoint dies',
      'with `runuser: cannot open session: Permission denied` (or `su: …`); Debian and Ubuntu patch pam_limits to only',
      'log, so the session opens and the limit silently stays low (Elasticsearch then fails its memory-lock check).',
      '',
      'The rule reads limits.conf from ConfigMaps and Secrets mounted at those paths (in the same input) or written by',
      'the command, and the session opener from the command and args (`sh -c` scripts included). It says, per target,',
      'whether the process that opens the session holds SYS_RESOURCE: a `CAP_SYS_RESOURCE` entry is silently not',
      'granted on containerd, and a pod with its own user namespace (`hostUsers: false`) cannot raise hard limits at',
      'all. Severity is `error` when the value is above the container’s limit everywhere known (memlock `unlimited`),',
      '`warning` when it depends on the node.',
      '',
      'Fix: add `SYS_RESOURCE` to `capabilities.add` (spelled exactly so), or remove or lower the limits.conf line.',
    ].join('\n'),
    fixable: 'suggestion',
    citations: [
      ...RAISE_HARD_LIMIT.citations,
      ...PAM_LIMITS.citations,
      ...(SESSION_OPENERS.runuser?.citations ?? []),
      'man7.org: limits.conf(5)',
    ],
    example: {
      invalid: [
        'containers:',
        '  - name: es',
        '    command: ["/bin/sh", "-c"]',
        '    args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]',
        '    volumeMounts:',
        '      - {name: config, mountPath: /etc/security/limits.conf, subPath: limits.conf}',
        '# ConfigMap limits.conf: "* hard memlock unlimited"',
      ].join('\n'),
      valid: [
        'containers:',
        '  - name: es',
        '    command: ["/bin/sh", "-c"]',
        '    args: ["exec runuser -u elasticsearch -- bin/elasticsearch"]',
        '    securityContext:',
        '      capabilities:',
        '        add: [SYS_RESOURCE]',
      ].join('\n'),
    },
    tags: ['reliability', 'capabilities'],
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== 'pam-limits') continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === 'unmet');
        // Unknown (the image's user, an outcome without facts) is not reported: never guess.
        if (unmet.length === 0) continue;
        const severity = unmet.length > 0 && need.verdict === 'above' ? 'error' : 'warning';
        const opener = need.opener.switch;
        const tool = opener?.tool ?? 'the command';
        const facts = SESSION_OPENERS[tool];
        const limitsEvidence = quoteEvidence(need.lines.map((l) => l.evidence));
        const maybe =
          need.verdict === 'maybe'
            ? ` That may be above the limit the container starts with, which the node decides (${need.lines[0]?.facts.containerHard?.short ?? 'not known here'}).`
            : '';
        const outcome = describeStates(states, {
          unmet: 'it does not hold SYS_RESOURCE',
          met: 'it does',
        });
        const failure = facts
          ? ` Expect \`${facts.failure}\` where the image’s pam_limits is upstream Linux-PAM; Debian and Ubuntu patch it to only log, so the session opens and the limit silently stays at the runtime’s value.`
          : '';
        const misspelled = misspelledAdd(container, 'SYS_RESOURCE');
        const advice =
          need.opener.user.kind === 'non-root'
            ? ` ${tool} runs as ${describeUser(need.opener.user)} here; only root can open the session, and it needs SYS_RESOURCE granted.`
            : analysis.processes.some((p) => p.userNamespace)
              ? ' No capability can raise a hard limit in a pod with its own user namespace: remove or lower the line in limits.conf, or run the pod without hostUsers: false.'
              : misspelled
                ? ' Write the entry as SYS_RESOURCE (see cap-prefix), or remove the line from limits.conf.'
                : ' Add SYS_RESOURCE to capabilities.add, or remove or lower the line in limits.conf.';
        const message =
          `When \`${need.opener.text}\` opens its PAM session, pam_limits raises ${raises(need)}: ${limitsEvidence}.${maybe} ` +
          `Raising a hard limit needs SYS_RESOURCE in the process that runs ${tool}: ${outcome}.${failure}${advice}`;
        const suggestion =
          misspelled || addsCapability(container, 'SYS_RESOURCE')
            ? undefined
            : addCapabilities(container, ['SYS_RESOURCE']);
        const targets = needTargets(states);
        context.report({
          path: stepPath(container, need.opener.origin),
          problem: `${tool}’s PAM session raises ${raisesShort(need)}`,
          consequence: needConsequence(targets, 'SYS_RESOURCE not held') ?? 'SYS_RESOURCE not held',
          remedy:
            need.opener.user.kind === 'non-root'
              ? `run ${tool} as root with SYS_RESOURCE`
              : misspelled
                ? 'write SYS_RESOURCE (no CAP_)'
                : 'add SYS_RESOURCE or lower limits.conf',
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
