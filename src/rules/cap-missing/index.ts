import { clip } from '../../core/message.js';
import { COMMAND_NEEDS, LOW_PORT, NON_ROOT, SWITCH_NEEDS } from '../../knowledge/needs.js';
import { UNPRIVILEGED_NET_DEFAULTS } from '../../knowledge/sysctls.js';
import type { Need } from '../../model/needs.js';
import {
  addCapabilities,
  addsCapability,
  analyzeContainers,
  capitalize,
  containerBase,
  describeStates,
  needConsequence,
  needTargets,
  statesFor,
  stepPath,
} from '../needs-support.js';
import { chooseSeverity, joinAnd } from '../support.js';
import { defineRule } from '../types.js';

type Handled = Extract<Need, { kind: 'command' | 'switch' | 'port' }>;

function capabilitiesOf(need: Handled): readonly string[] {
  return need.kind === 'switch' ? need.capabilities : [need.capability];
}

function userOf(need: Handled) {
  return need.kind === 'port' ? need.user : need.step.user;
}

export default defineRule({
  meta: {
    id: 'cap-missing',
    severity: 'error',
    description: 'A command in the container needs a capability that the process does not hold on the target',
    docs: [
      'Reads the container’s command and args (`sh -c` scripts, wrappers and user switches included) for programs',
      'that need a capability, and checks it against what the process holds on each target — the runtime’s default',
      'set after the manifest’s drops and adds, spelled as that runtime reads them:',
      '',
      '- `iptables`, `ip6tables`, `nft`, `ipset`, `ip link|addr|route|rule … add|set|del`, `tc … add` → NET_ADMIN;',
      '- `chown`, `chgrp` → CHOWN (a Docker default, gone after `drop: [ALL]`);',
      '- `chroot` → SYS_CHROOT (not in CRI-O’s defaults since 1.18);',
      '- `mount` → SYS_ADMIN (the runtime’s seccomp and AppArmor profiles may still refuse it);',
      '- `su`, `runuser`, `gosu`, `su-exec`, `setpriv`, `chroot --userspec` to another user → SETUID and SETGID;',
      '- `ping` → NET_RAW, unless `net.ipv4.ping_group_range` allows ICMP sockets (warning);',
      '- a `containerPort` below 1024 served by a non-root process → NET_BIND_SERVICE, unless',
      '  `net.ipv4.ip_unprivileged_port_start` is lowered by the pod or the runtime (Docker 20.10+, containerd 2.0+)',
      '  (warning: containerPort is informational).',
      '',
      'A non-root process holds no capability from `capabilities.add` (Kubernetes sets no ambient capabilities);',
      'when the capability is added for it, cap-nonroot-ineffective reports that instead. When the process user is',
      'not known (the image’s USER), a capability missing from the bounding set is missing either way; one that is',
      'present is not reported.',
    ].join('\n'),
    fixable: 'suggestion',
    citations: [
      ...[...new Set(COMMAND_NEEDS.flatMap((c) => c.citations))],
      ...SWITCH_NEEDS.citations,
      ...LOW_PORT.citations,
      ...[...new Set(UNPRIVILEGED_NET_DEFAULTS.flatMap((d) => d.citations))],
    ],
    example: {
      invalid:
        'command: ["sh", "-c", "chown -R 1000:1000 /data && exec su-exec 1000 /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]',
      valid:
        'command: ["sh", "-c", "chown -R 1000:1000 /data && exec su-exec 1000 /app"]\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n    add: [CHOWN, SETUID, SETGID]',
    },
    tags: ['reliability', 'capabilities', 'portability'],
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container } = analysis;
      for (const need of analysis.needs.needs) {
        if (need.kind !== 'command' && need.kind !== 'switch' && need.kind !== 'port') continue;
        const user = userOf(need);
        const capabilities = capabilitiesOf(need);
        // A capability added for a non-root process is cap-nonroot-ineffective's finding.
        if (user.kind === 'non-root' && capabilities.every((c) => addsCapability(container, c))) continue;
        const states = statesFor(analysis, need);
        const unmet = states.filter((s) => s.state.state === 'unmet');
        if (unmet.length === 0) continue;
        const hard = unmet.some((s) => !s.state.soft) && need.kind !== 'port';
        let severity: 'error' | 'warning' = hard ? 'error' : 'warning';
        const names = joinAnd([...capabilities]);
        const outcome = describeStates(states, {
          unmet: `the process does not hold ${capabilities.length > 1 ? 'them' : 'it'}`,
          met: capabilities.length > 1 ? 'they are held' : 'it is held',
        });
        const nonRoot = user.kind === 'non-root';
        const missing = capabilities.filter((c) => !addsCapability(container, c));
        let message: string;
        let problem: string;
        let remedy: string;
        let path =
          need.kind === 'port' ? (need.evidence[0]?.path ?? container.path) : stepPath(container, need.step.origin);
        if (need.kind === 'port') {
          problem = `containerPort ${need.port} is below ${LOW_PORT.limit}`;
          remedy = `use a port ≥${LOW_PORT.limit} or set ip_unprivileged_port_start`;
          message =
            `The container declares port ${need.port} (containerPort), below ${LOW_PORT.limit}: ${LOW_PORT.text}. ${capitalize(outcome)}. ` +
            `Set net.ipv4.ip_unprivileged_port_start in the pod’s securityContext.sysctls (safe since Kubernetes 1.22), listen on a port of ${LOW_PORT.limit} or more` +
            `${nonRoot ? '' : `, or add ${LOW_PORT.capability}`}. (containerPort is informational: ignore this if the process listens elsewhere.)`;
          path = need.evidence[0]?.path ?? path;
        } else {
          const where = `${need.step.origin.field}[${need.step.origin.index}]`;
          const why = need.kind === 'switch' ? SWITCH_NEEDS.why : need.facts.why;
          const alternative =
            need.kind === 'command' && need.facts.alternative ? ` Alternatively, ${need.facts.alternative}.` : '';
          const notEnough =
            need.kind === 'command' && need.facts.notEnough ? ` Note that ${need.facts.notEnough}.` : '';
          const failure =
            need.kind === 'switch'
              ? ` ${capitalize(SWITCH_NEEDS.failure)}.`
              : need.facts.consequence
                ? ` Without it, ${need.facts.consequence}.`
                : '';
          const shown =
            need.kind === 'command' && need.wrapper && !need.step.text.includes(need.wrapper)
              ? `${need.wrapper} ${need.step.text}`
              : need.step.text;
          const advice = nonRoot
            ? ` ${NON_ROOT.noAmbient}: run this step as root (with ${names} granted), or give the binary the file capability.`
            : ` Add ${joinAnd(missing.length > 0 ? missing : [...capabilities])} to capabilities.add${missing.length === 0 ? ' spelled exactly so (see cap-prefix)' : ''}.`;
          problem = `\`${clip(shown, 50)}\` (${where}) needs ${names}`;
          remedy = nonRoot
            ? 'run this step as root or give the binary the file capability'
            : `add ${joinAnd(missing.length > 0 ? missing : [...capabilities])}${missing.length === 0 ? ' spelled exactly so' : ''}`;
          message = `\`${shown}\` (${where}) needs ${names}: ${why}. ${capitalize(outcome)}.${failure}${notEnough}${advice}${alternative}`;
          if (need.step.viaImageEntrypoint) {
            severity = 'warning';
            message += ' (These args go to the image’s entrypoint; whether it runs them as a command is not known.)';
          }
        }
        const suggestion = !nonRoot && missing.length > 0 ? addCapabilities(container, missing) : undefined;
        const targets = needTargets(states);
        context.report({
          path,
          problem,
          consequence: needConsequence(targets, `not held`) ?? 'not held',
          remedy,
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
