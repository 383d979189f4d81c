import { clip } from '../../core/message.js';
import { NO_ULIMIT_FIELD, RAISE_HARD_LIMIT, ULIMIT_FACTS } from '../../knowledge/needs.js';
import type { UlimitNeed } from '../../model/needs.js';
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
  statesFor,
  stepPath,
} from '../needs-support.js';
import { chooseSeverity } from '../support.js';
import { defineRule } from '../types.js';

function shownValue(need: UlimitNeed): string {
  return limitText(need.value, need.facts.unit);
}

export default defineRule({
  meta: {
    id: 'ulimit-needs-sys-resource',
    severity: 'error',
    description: '`ulimit` in the command raises a hard limit, which needs SYS_RESOURCE the process lacks',
    docs: [
      'Without `-S`, the shell builtin `ulimit` sets the soft and the hard limit together (`ulimit -l unlimited`,',
      '`ulimit -n 1048576`), and `ulimit -H …` sets the hard one. Raising a hard limit above the one the container',
      'started with needs `SYS_RESOURCE` in the initial user namespace; without it the shell prints',
      '`ulimit: max locked memory: cannot modify limit: Operation not permitted` (bash) or',
      '`ulimit: error setting limit (Operation not permitted)` (dash), and a script with `set -e` stops there.',
      '',
      'The rule reads `ulimit` in the container’s command and args (`sh -c` scripts included) and says, per target,',
      'whether the shell holds SYS_RESOURCE: root needs it granted (spelled exactly `SYS_RESOURCE`; containerd',
      'silently drops `CAP_SYS_RESOURCE`); a non-root shell never has it, whatever `capabilities.add` says; a pod',
      'with its own user namespace cannot raise hard limits at all.',
      '',
      'Kubernetes has no ulimit field: either add SYS_RESOURCE for a root entrypoint that raises the limit and then',
      'drops to its user, or raise the limit in the node’s container runtime.',
    ].join('\n'),
    fixable: 'suggestion',
    citations: [...RAISE_HARD_LIMIT.citations, ...ULIMIT_FACTS.citations, ...NO_ULIMIT_FIELD.citations],
    example: {
      invalid:
        'command: ["sh", "-c", "ulimit -l unlimited && exec su-exec app /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]',
      valid:
        'command: ["sh", "-c", "ulimit -l unlimited && exec su-exec app /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [SYS_RESOURCE, SETUID, SETGID]',
    },
    tags: ['reliability', 'capabilities'],
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== 'ulimit') continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === 'unmet');
        // Unknown (the image's user, an outcome without facts) is not reported: never guess.
        if (unmet.length === 0) continue;
        let severity: 'error' | 'warning' = unmet.length > 0 && need.verdict === 'above' ? 'error' : 'warning';
        if (need.step.viaImageEntrypoint) severity = 'warning';
        const outcome = describeStates(states, { unmet: 'the shell does not hold SYS_RESOURCE', met: 'it does' });
        const start =
          need.verdict === 'above'
            ? `above the limit a container starts with (${need.facts.containerHard?.short ?? 'set by the runtime'})`
            : `possibly above the limit the container starts with, which the node decides (${need.facts.containerHard?.short ?? ''})`;
        const nonRoot = need.step.user.kind === 'non-root';
        const misspelled = misspelledAdd(container, 'SYS_RESOURCE');
        const advice = nonRoot
          ? ` ${NO_ULIMIT_FIELD.text}: raise it on the node, or run this step as root with SYS_RESOURCE before switching user.`
          : analysis.processes.some((p) => p.userNamespace)
            ? ' No capability can raise a hard limit in a pod with its own user namespace: raise it on the node instead.'
            : misspelled
              ? ' Write the entry as SYS_RESOURCE (see cap-prefix).'
              : ' Add SYS_RESOURCE to capabilities.add, or raise the limit on the node instead.';
        const entrypoint = need.step.viaImageEntrypoint
          ? ' (These args go to the image’s entrypoint; whether it runs them as a command is not known.)'
          : '';
        const message =
          `\`${need.step.text}\` (${need.step.origin.field}[${need.step.origin.index}]) sets the hard ${need.facts.resource} to ${shownValue(need)}, ${start}. ` +
          `Raising a hard limit needs SYS_RESOURCE: ${outcome}. Expect \`${ULIMIT_FACTS.failure.bash.replace('{label}', need.facts.label)}\` (bash) or \`${ULIMIT_FACTS.failure.dash}\` (dash).${advice}${entrypoint}`;
        const suggestion =
          nonRoot || addsCapability(container, 'SYS_RESOURCE')
            ? undefined
            : addCapabilities(container, ['SYS_RESOURCE']);
        const targets = needTargets(states);
        context.report({
          path: stepPath(container, need.step.origin),
          problem: `\`${clip(need.step.text, 50)}\` raises the hard ${need.facts.resource}`,
          consequence: needConsequence(targets, 'fails without SYS_RESOURCE') ?? 'it may fail',
          remedy: nonRoot
            ? 'raise it on the node or as root'
            : misspelled
              ? 'write SYS_RESOURCE (no CAP_)'
              : 'add SYS_RESOURCE or raise it on the node',
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
