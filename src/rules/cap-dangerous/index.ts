import type { CapabilityList, CapabilityOwner, PodSpecInfo } from '../../core/extract.js';
import { clip } from '../../core/message.js';
import { CAPABILITIES, CAPABILITY_SOURCES, type CapabilityInfo } from '../../knowledge/capabilities.js';
import { PSP_FACTS } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import { isPrivileged, quote, reportBase, sharedText } from '../support.js';
import { defineRule } from '../types.js';

const NEAR_ROOT = CAPABILITIES.filter((c) => c.risk === 'near-root').map((c) => c.name);

/**
 * Narrower grants that are well known, with their caveats (capabilities.json notes for PERFMON/BPF and
 * NET_BIND_SERVICE; knowledge-notes §6 for the runtime versions).
 */
const ALTERNATIVES: Readonly<Record<string, string>> = {
  SYS_ADMIN:
    'If it is there for eBPF or perf tracing, PERFMON and BPF cover that without SYS_ADMIN on Linux ≥5.8, with a ' +
    'runtime that knows them (runc ≥1.0.0-rc93, Docker ≥23.0).',
  NET_ADMIN: 'If the container only needs to bind a port below 1024, NET_BIND_SERVICE alone is enough.',
  ALL:
    'List only the capabilities the workload needs; for a port below 1024 that is NET_BIND_SERVICE alone, and ' +
    'eBPF agents usually ask for BPF and PERFMON (Linux ≥5.8).',
};

/** The narrower grant, in a few words, where one is well known. */
const NARROWER: Readonly<Record<string, string>> = {
  SYS_ADMIN: 'for eBPF or perf, grant BPF and PERFMON instead',
  NET_ADMIN: 'to bind a port below 1024, grant NET_BIND_SERVICE instead',
};

/** The first clause of a sentence, starting lower case: the consequence part of a one-line message. */
function firstClause(sentence: string): string {
  const clause = (sentence.split(/[.:;](?:\s|$)/)[0] ?? sentence).replace(/\s*\([^)]*\)/g, '').trim();
  return `${clause.charAt(0).toLowerCase()}${clause.slice(1)}`;
}

const consequences = new Map<string, string>();

/** The worst consequence of holding `cap`, in a few words (one per capability). */
function consequenceOf(cap: CapabilityInfo): string {
  let text = consequences.get(cap.name);
  if (text === undefined) {
    text = cap.why ? clip(firstClause(cap.why), 72) : 'a compromise reaches beyond the container';
    consequences.set(cap.name, text);
  }
  return text;
}

function podFlag(spec: PodSpecInfo | undefined, flag: 'hostNetwork' | 'hostPID'): boolean | undefined {
  if (!spec) return undefined;
  return spec.value[flag] === true;
}

/** Where the effect lands, using the pod's hostNetwork/hostPID when the list belongs to a pod spec. */
function scopeSentence(cap: CapabilityInfo, owner: CapabilityOwner): string {
  const compose = owner.kind === 'compose';
  switch (cap.scope) {
    case 'host':
      return 'Its effect is not confined to the container: it reaches the whole node.';
    case 'host-escape':
      return 'It is used inside the container, but it is a known way out of it onto the host.';
    case 'network-namespace': {
      const hostNetwork = podFlag(owner.podSpec, 'hostNetwork');
      if (hostNetwork === true) {
        return "This pod sets hostNetwork: true, so it acts on the node's own network (routes, firewall, interfaces).";
      }
      if (hostNetwork === false) {
        return "The pod does not use hostNetwork, so it acts on the pod's own network namespace only; with hostNetwork it would reach the node's network.";
      }
      return compose
        ? "It acts on the container's own network namespace, or on the host's network when the container shares it."
        : "It acts on the pod's own network namespace, or on the node's network when the pod uses hostNetwork.";
    }
    default: {
      if (cap.name !== 'SYS_PTRACE') return "Its effect stays within the container's namespaces.";
      const hostPID = podFlag(owner.podSpec, 'hostPID');
      if (hostPID === true) return 'This pod sets hostPID: true, so it reaches every process on the node.';
      if (hostPID === false) {
        return "It reaches the processes the container can see (the pod's own, as hostPID is not set); hostPID: true would widen it to every process on the node.";
      }
      return compose
        ? "It reaches the processes the container can see, and the host's processes when it shares the host PID namespace."
        : 'It reaches the processes the container can see; with hostPID that includes every process on the node.';
    }
  }
}

/** The sentence's start, e.g. `Container "app" adds SYS_ADMIN`, worded for where the list sits. */
function grant(owner: CapabilityOwner, list: CapabilityList, what: string): string {
  switch (owner.kind) {
    case 'container':
      return `${owner.container?.name !== undefined ? `Container ${JSON.stringify(owner.container.name)}` : 'This container'} adds ${what}`;
    case 'pod':
      return `The pod-level securityContext lists ${what}`;
    case 'compose':
      return `Compose service ${JSON.stringify(owner.label ?? '?')} adds ${what}`;
    case 'psp':
    case 'scc': {
      const kind = owner.kind === 'psp' ? 'PodSecurityPolicy' : 'SecurityContextConstraints';
      const name = JSON.stringify(owner.object?.ref.name ?? '?');
      return list.field === 'defaultAddCapabilities'
        ? `${kind} ${name} adds ${what} to every container it admits (unless the container drops it)`
        : `${kind} ${name} lets containers add ${what}`;
    }
    default:
      return `This capabilities mapping adds ${what}`;
  }
}

/** Pod-level lists are never applied; say so instead of describing a grant that does not happen. */
function podLevelNote(owner: CapabilityOwner): string {
  return owner.kind === 'pod'
    ? ' (the pod-level securityContext has no capabilities field, so nothing is granted here, but moved into a container it would be)'
    : '';
}

export default defineRule({
  meta: {
    id: 'cap-dangerous',
    severity: 'info',
    description: 'Added capability that is close to root (SYS_ADMIN, NET_ADMIN, SYS_MODULE, BPF…) or ALL',
    docs: [
      'Reports capabilities that are added (container `add` lists, Helm values, compose `cap_add`, PodSecurityPolicy',
      'and SecurityContextConstraints `allowedCapabilities` and `defaultAddCapabilities`) when they give near-root',
      `power: ${NEAR_ROOT.join(', ')}, and \`ALL\`. A PodSecurityPolicy or SCC that allows \`*\` is reported too.`,
      '',
      'The message says what the capability allows, why it is dangerous, and how far its effect reaches:',
      "NET_ADMIN acts on the pod's own network namespace unless the pod uses `hostNetwork`, SYS_PTRACE reaches",
      'host processes when the pod uses `hostPID`, and capabilities such as SYS_MODULE, SYS_BOOT or PERFMON act on',
      'the whole node. Spelling variants (`cap_sys_admin`) are reported under their canonical name; the spelling',
      'itself is left to cap-prefix and cap-case.',
      '',
      'This is informational: some workloads (CNI agents, eBPF tools, debuggers) need these capabilities. Where a',
      'narrower grant is well known the message names it, e.g. PERFMON and BPF instead of SYS_ADMIN for eBPF',
      'tracing on Linux ≥5.8, or NET_BIND_SERVICE when the only need is a port below 1024.',
    ].join('\n'),
    fixable: false,
    citations: [
      ...CAPABILITY_SOURCES,
      'moby/moby PR #41563 and PR #42011 (PERFMON/BPF unknown on Docker 20.10, known from 23.0)',
      'opencontainers/runc commit 6dfbe9b807 (PERFMON/BPF/CHECKPOINT_RESTORE known from v1.0.0-rc93)',
      'cri-o/cri-o#4478 (crun needs 0.16 for PERFMON/BPF)',
      ...PSP_FACTS.citations,
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN]',
      valid: 'securityContext:\n  capabilities:\n    add: [BPF, PERFMON]\n    drop: [ALL]',
    },
    tags: ['security'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      // A privileged container already holds every capability; cap-privileged-redundant says so once.
      if (isPrivileged(owner)) continue;
      for (const list of owner.lists) {
        if (list.direction !== 'add') continue;
        for (const entry of list.entries) {
          const base = { path: entry.path, severity: context.severity, ...reportBase(owner) };
          if (
            entry.value === PSP_FACTS.wildcard &&
            list.field === 'allowedCapabilities' &&
            (owner.kind === 'psp' || owner.kind === 'scc')
          ) {
            const what = owner.kind === 'psp' ? 'PodSecurityPolicy' : 'SecurityContextConstraints';
            context.report({
              ...base,
              problem: `"*" in allowedCapabilities of ${what} ${JSON.stringify(owner.object?.ref.name ?? '?')}`,
              consequence: 'admitted containers may add any capability',
              remedy: 'list only the capabilities needed',
              explanation: `${what} ${JSON.stringify(owner.object?.ref.name ?? '?')} allows every capability ("*"): containers it admits may add any of them, including near-root ones such as SYS_ADMIN and SYS_MODULE. List only the capabilities those workloads need.`,
            });
            continue;
          }
          const name = analyzeName(entry.value);
          // Names no runtime would grant as written (padded, not a string) belong to cap-unknown.
          if (name.text === undefined || name.padded) continue;
          const spelled = (canonical: string) =>
            name.text === canonical ? '' : ` (written ${JSON.stringify(name.text)})`;
          if (name.isAll) {
            context.report({
              ...base,
              problem: `${quote(name.text)} in ${list.field}`,
              consequence: 'grants every capability, SYS_ADMIN included',
              remedy: 'add only the capabilities needed',
              explanation: `${grant(owner, list, `ALL${spelled('ALL')}`)}${podLevelNote(owner)}: every capability, including the near-root ones (${NEAR_ROOT.join(', ')}). ${ALTERNATIVES.ALL}`,
            });
            continue;
          }
          const cap = name.capability;
          if (cap?.risk !== 'near-root') continue;
          // Who adds it differs between findings; what it allows, risks and reaches is one text per
          // capability and scope.
          const scope = scopeSentence(cap, owner);
          const rest = sharedText(`cap-dangerous\u0000${cap.name}\u0000${scope}`, () =>
            ['', `It allows: ${cap.summary}`, cap.why ? `Risk: ${cap.why}` : '', scope, ALTERNATIVES[cap.name] ?? '']
              .filter((part, i) => i === 0 || part)
              .join(' '),
          );
          context.report({
            ...base,
            problem: `${quote(name.text)}: near-root capability`,
            consequence: consequenceOf(cap),
            remedy: NARROWER[cap.name] ?? 'remove it unless needed',
            explanation: [
              `${grant(owner, list, `${cap.name}${spelled(cap.name)}`)}${podLevelNote(owner)}, a near-root capability.`,
              rest,
            ],
          });
        }
      }
    }
  },
});
