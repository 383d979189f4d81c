import { ELASTICSEARCH, MLOCK, NO_ULIMIT_FIELD, RLIMIT_BY_ITEM, VAULT } from '../../knowledge/needs.js';
import type { MlockNeed } from '../../model/needs.js';
import { describeUser } from '../../model/process.js';
import {
  addCapabilities,
  addsCapability,
  analyzeContainers,
  containerBase,
  describeStates,
  needConsequence,
  needTargets,
  quoteEvidence,
  statesFor,
} from '../needs-support.js';
import { chooseSeverity, targetName } from '../support.js';
import { defineRule } from '../types.js';

const MEMLOCK = RLIMIT_BY_ITEM.get('memlock')?.containerHard?.short ?? '';

function elasticsearchMessage(need: MlockNeed, ipcLockAdded: boolean, notRun: string): string {
  const evidence = quoteEvidence(need.evidence);
  const user = need.step ? describeUser(need.step.user) : 'the image’s user';
  const ipc = ipcLockAdded
    ? 'Adding IPC_LOCK does not help: Elasticsearch refuses to run as root, and a non-root process gets no capability from capabilities.add.'
    : `IPC_LOCK cannot help: ${ELASTICSEARCH.refusesRoot}.`;
  const consequence = need.enforced
    ? `The memory-lock bootstrap check then stops the node: \`${ELASTICSEARCH.checkFailure}\`.`
    : `With single-node discovery the node only logs \`${ELASTICSEARCH.checkFailure}\` and runs unlocked.`;
  return (
    `Elasticsearch is told to lock its memory: ${evidence}. Nothing in this manifest raises the memlock limit, so Elasticsearch (${user}) keeps the container runtime’s limit (${MEMLOCK}), far below a JVM heap. ` +
    `${ipc} ${consequence} ${NO_ULIMIT_FIELD.text}. ` +
    `Either ${ELASTICSEARCH.alternative}, or raise the memlock limit of the node’s container runtime (LimitMEMLOCK=infinity), or let a root entrypoint raise it with SYS_RESOURCE before it starts Elasticsearch.${notRun}`
  );
}

function vaultMessage(need: MlockNeed, outcome: string, noNewPrivs: boolean): string {
  const config = need.configVisible
    ? `its configuration in this input does not set ${VAULT.setting}`
    : `${VAULT.setting} is not set anywhere in this input (its configuration may come from elsewhere)`;
  const advice =
    need.user.kind === 'non-root'
      ? `Let the entrypoint start as root (without runAsUser) so that it can give vault the file capability, or set ${VAULT.setting} = true.`
      : need.skipSetcap
        ? `Unset SKIP_SETCAP, or set ${VAULT.setting} = true.`
        : noNewPrivs
          ? `Allow privilege escalation (the file capability works only then), or set ${VAULT.setting} = true.`
          : `Add IPC_LOCK (the official image’s entrypoint gives the binary the file capability when it starts as root), or set ${VAULT.setting} = true.`;
  return (
    `Vault locks its memory with mlock unless ${VAULT.setting} is true, and ${config}. It needs IPC_LOCK in the process that runs vault: ${outcome}. ` +
    `It then stops with \`${VAULT.failure}\`. ${advice}`
  );
}

export default defineRule({
  meta: {
    id: 'mlock-needs-memlock',
    severity: 'warning',
    description: 'Elasticsearch or Vault locks memory, but neither the memlock limit nor IPC_LOCK allows it',
    docs: [
      'mlockall(2) locks no more memory than RLIMIT_MEMLOCK allows unless the process holds IPC_LOCK in its effective',
      'set. A container inherits the memlock limit of the container runtime (64 KiB to 64 MiB by default), and',
      'Kubernetes has no field to change it.',
      '',
      '- **Elasticsearch** with `bootstrap.memory_lock: true` (in a mounted elasticsearch.yml, the environment or',
      '  `-E` arguments) runs as a non-root user, so IPC_LOCK never reaches it: only the memlock limit counts. When',
      '  nothing in the manifest raises it, the bootstrap check stops the node',
      '  (`memory locking requested for elasticsearch process but memory is not locked`) — an `error` unless',
      '  `discovery.type` is `single-node`. When limits.conf or `ulimit -l` raises it, pam-limits-needs-sys-resource',
      '  and ulimit-needs-sys-resource check that raise instead. ECK leaves memory_lock off: the kubelet runs without',
      '  swap by default, and Elastic’s chart maintainers recommend disabling swap rather than locking memory.',
      '- **HashiCorp Vault** (`vault server`) locks memory unless `disable_mlock` is true. Its official image gives the',
      '  binary the IPC_LOCK file capability when the entrypoint starts as root, so IPC_LOCK must be granted; a',
      '  non-root `runAsUser`, `SKIP_SETCAP` or `allowPrivilegeEscalation: false` defeat that. `error` when the',
      '  configuration in the input shows mlock is on, `warning` when it may be set elsewhere.',
    ].join('\n'),
    fixable: 'suggestion',
    citations: [...MLOCK.citations, ...ELASTICSEARCH.citations, ...VAULT.citations, ...NO_ULIMIT_FIELD.citations],
    example: {
      invalid: 'env:\n  - name: bootstrap.memory_lock\n    value: "true"',
      valid:
        '# leave bootstrap.memory_lock off: the kubelet runs without swap\nenv:\n  - name: discovery.seed_hosts\n    value: es-0.es',
    },
    tags: ['reliability', 'capabilities'],
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== 'mlock') continue;
        // A raise of the limit is judged by the rule for that raise.
        if (need.raisedBy.length > 0) continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === 'unmet');
        if (unmet.length === 0) continue;
        let severity: 'error' | 'warning';
        let message: string;
        let suggestion: ReturnType<typeof addCapabilities>;
        if (need.app === 'elasticsearch') {
          severity = need.enforced ? 'error' : 'warning';
          const notRun = states.filter((s) => s.state.state === 'not-run');
          const aside =
            notRun.length > 0
              ? ` (On ${notRun.map((s) => targetName(s.target)).join(', ')} the container does not start at all.)`
              : '';
          message = elasticsearchMessage(need, addsCapability(container, 'IPC_LOCK'), aside);
        } else {
          severity = need.configVisible ? 'error' : 'warning';
          const outcome = describeStates(states, { unmet: 'it does not hold it', met: 'it does' });
          message = vaultMessage(need, outcome, container.securityContext?.allowPrivilegeEscalation === false);
          if (need.user.kind !== 'non-root' && !addsCapability(container, 'IPC_LOCK')) {
            suggestion = addCapabilities(container, ['IPC_LOCK']);
          }
        }
        const targets = needTargets(states);
        const holds = addsCapability(container, 'IPC_LOCK');
        context.report({
          path: need.at,
          problem: `${need.app === 'elasticsearch' ? 'Elasticsearch' : 'Vault'} locks its memory (mlock)`,
          consequence:
            needConsequence(targets, need.app === 'elasticsearch' ? 'memory lock fails' : 'mlock fails') ??
            'mlock may fail',
          remedy: holds ? 'check the IPC_LOCK entry and the memlock limit' : 'add IPC_LOCK or raise the memlock limit',
          explanation: message,
          severity: chooseSeverity(context.severity, 'warning', severity),
          ...containerBase(container),
          targets,
          evidence: need.evidence,
          ...(suggestion ? { suggestion } : {}),
        });
      }
    }
  },
});
