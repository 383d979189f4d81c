import type { CapabilityEntry, CapabilityList, CapabilityOwner } from '../../core/extract.js';
import type { Severity, TargetOutcome } from '../../core/types.js';
import { PSP_FACTS } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import type { ConflictFacts } from '../../knowledge/runtimes.js';
import type { ResolvedTarget } from '../../knowledge/targets.js';
import {
  chooseSeverity,
  entryLabel,
  isPrivileged,
  joinAnd,
  policyName,
  quote,
  reportBase,
  targetName,
  targetsFor,
} from '../support.js';
import { defineRule } from '../types.js';

const DEFAULT_SEVERITY: Severity = 'warning';
const PSP_VALIDATION =
  'kubernetes/kubernetes:pkg/apis/policy/validation/validation.go validatePSPCapsAgainstDrops (hasCap: exact ==)';
const SCC_VALIDATION =
  'openshift/verification-tests OCP-11775 (oc create of such an SCC fails: capability is listed in … and requiredDropCapabilities)';

interface Site {
  list: CapabilityList;
  index: number;
  entry: CapabilityEntry;
  text: string;
}

interface Verdict {
  target: ResolvedTarget;
  result: ConflictFacts['result'];
  detail: string;
  uncertain: boolean;
}

const OUTCOME: Record<ConflictFacts['result'], TargetOutcome['outcome']> = {
  'add-wins': 'applied',
  'drop-wins': 'ignored',
  rejected: 'rejected',
  unknown: 'unknown',
};

function verdict(target: ResolvedTarget, capability: string): Verdict {
  const conflict = target.engine?.conflict;
  if (!conflict) return { target, result: 'unknown', detail: 'no container runtime in this target', uncertain: false };
  return {
    target,
    result: conflict.result,
    detail: conflict.detail.replaceAll('{name}', `CAP_${capability}`),
    uncertain: conflict.uncertain === true,
  };
}

/** The built-in matrix differs in OCI runtimes, which do not matter here: name the engine range only. */
function label(v: Verdict): string {
  const name = v.target.matrix && v.target.engine ? v.target.engine.label : targetName(v.target);
  return v.uncertain ? `${name} (assumed from a later release)` : name;
}

function labels(verdicts: readonly Verdict[]): string {
  return joinAnd([...new Set(verdicts.map(label))]);
}

/** The runtime's reason, without the leading "Podman refuses the container:" that the sentence already says. */
function reason(detail: string): string {
  const colon = detail.indexOf(': ');
  return colon >= 0 ? detail.slice(colon + 2) : detail;
}

const EFFECT: Record<ConflictFacts['result'], string> = {
  'add-wins': 'the container keeps it (add wins)',
  'drop-wins': 'the container loses it (drop wins)',
  rejected: 'the container is refused',
  unknown: 'the result is not known',
};

function describe(verdicts: readonly Verdict[]): string {
  const only = verdicts[0];
  if (verdicts.length === 1 && only) {
    const assumed = only.uncertain ? ' This order was read in a later release and is assumed for this one.' : '';
    const effect = only.result === 'rejected' ? '' : `, so ${EFFECT[only.result]}`;
    return `On ${label({ ...only, uncertain: false })}: ${only.detail}${effect}.${assumed}`;
  }
  const parts: string[] = [];
  for (const result of ['add-wins', 'drop-wins'] as const) {
    const items = verdicts.filter((v) => v.result === result);
    if (items.length > 0) parts.push(`on ${labels(items)} ${EFFECT[result]}`);
  }
  const rejected = new Map<string, Verdict[]>();
  for (const v of verdicts.filter((x) => x.result === 'rejected')) {
    rejected.set(reason(v.detail), [...(rejected.get(reason(v.detail)) ?? []), v]);
  }
  for (const [why, items] of rejected) parts.push(`on ${labels(items)} ${EFFECT.rejected} (${why})`);
  const unknown = verdicts.filter((v) => v.result === 'unknown');
  if (unknown.length > 0) parts.push(`on ${labels(unknown)} ${EFFECT.unknown}`);
  return `${parts.join('; ').replace(/^on/, 'On')}.`;
}

function pairing(capability: string, add: Site, drop: Site): string {
  const where = `${entryLabel(add.list, add.index)}`;
  const other = `${entryLabel(drop.list, drop.index)}`;
  if (add.text === drop.text) return `${capability} is both added (${where}) and dropped (${other}).`;
  return `${quote(add.text)} (${where}) and ${quote(drop.text)} (${other}) add and drop the same capability, ${capability}.`;
}

function checkPolicy(owner: CapabilityOwner, capability: string, add: Site, drop: Site) {
  const policy = policyName(owner) ?? 'policy';
  const fields = `${add.list.field} and ${drop.list.field}`;
  if (add.text === drop.text) {
    // The PodSecurityPolicy text is the API server's field error; for SCC only the detail is known.
    const refusal =
      owner.kind === 'psp'
        ? `The API server refuses this PodSecurityPolicy: spec.${add.list.field}: Invalid value: ${quote(add.text)}: ` +
          `capability is listed in spec.${add.list.field} and requiredDropCapabilities.`
        : `OpenShift refuses this ${policy} (capability is listed in ${add.list.field} and requiredDropCapabilities).`;
    return {
      message: `${capability} is in both ${fields}. ${refusal} Remove it from one of the lists.`,
      computed: 'error' as Severity,
    };
  }
  const check =
    owner.kind === 'psp'
      ? 'The API server’s check compares exact strings, so it accepts this PodSecurityPolicy only because the spellings differ.'
      : 'OpenShift refuses the same spelling in both lists; whether it catches different spellings is not verified.';
  return {
    message:
      `${pairing(capability, add, drop)} ${check} The entries still contradict each other: ` +
      'requiredDropCapabilities must be dropped and cannot be added. Remove it from one of the lists.',
    computed: DEFAULT_SEVERITY,
  };
}

export default defineRule({
  meta: {
    id: 'cap-add-drop-conflict',
    severity: DEFAULT_SEVERITY,
    description: 'The same capability is both added and dropped, and runtimes disagree on the result',
    docs: [
      'Listing a capability in both `add` and `drop` of the same container (or compose service) has no agreed',
      'meaning, and the runtimes resolve it differently:',
      '',
      '- Docker (1.11 and later) removes the dropped names from its defaults and then appends the added ones, so the',
      '  container keeps the capability (add wins).',
      '- containerd and CRI-O apply the drop list after the add list, so the container loses it (drop wins).',
      '- Podman refuses the container: `capability "CAP_X" cannot be dropped and added`.',
      '',
      'The same manifest therefore grants a capability on one node and not on another. The usual patterns',
      '`drop: [ALL]` with specific adds, and `add: [ALL]` with specific drops, are not conflicts and are not',
      'reported. Names are compared after normalising (`NET_RAW` and `net_raw` are the same capability).',
      '',
      'For PodSecurityPolicy and SecurityContextConstraints, a capability in `allowedCapabilities` or',
      '`defaultAddCapabilities` and in `requiredDropCapabilities` makes the API server refuse the object',
      '(`capability is listed in … and requiredDropCapabilities`); that check compares exact strings, so',
      'different spellings slip through and are reported as a contradiction.',
      '',
      'A privileged container gets every capability whichever list would win; it is left to',
      '`cap-privileged-redundant`. Without `--target`, the runtimes supported today are named (end-of-life ones',
      'are in the finding’s targets only).',
      '',
      'Severity is `error` when a selected target refuses the container (Podman) or the API refuses the policy.',
      'Keep the capability in one list: `add` if the container needs it, `drop` if it must not have it.',
    ].join('\n'),
    fixable: false,
    citations: [
      'moby/moby@v20.10.0:oci/caps/utils.go TweakCapabilities',
      'moby/moby@v23.0.0:oci/caps/utils.go TweakCapabilities',
      'containerd/containerd@030e9a19c859838539a4f7699bbb3f10be3d92f4:internal/cri/opts/spec_opts.go WithCapabilities',
      'cri-o/cri-o@03c46e4007abf87ed803d88e803dd4f4bf3454cc:internal/factory/container/container.go SpecSetupCapabilities',
      'containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities',
      PSP_VALIDATION,
      SCC_VALIDATION,
      ...PSP_FACTS.citations,
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [NET_ADMIN]\n    drop: [NET_ADMIN, NET_RAW]',
      valid: 'securityContext:\n  capabilities:\n    add: [NET_ADMIN]\n    drop: [NET_RAW]',
    },
    tags: ['correctness', 'portability'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      // Privileged first: the runtimes give a privileged container every capability whatever the lists
      // say, so which list wins does not matter; cap-privileged-redundant reports the lists.
      if (isPrivileged(owner)) continue;
      const drops = new Map<string, Site>();
      for (const list of owner.lists) {
        if (list.direction !== 'drop') continue;
        list.entries.forEach((entry, index) => {
          const capability = analyzeName(entry.value).capability?.name;
          if (capability && typeof entry.value === 'string' && !drops.has(capability)) {
            drops.set(capability, { list, index, entry, text: entry.value });
          }
        });
      }
      if (drops.size === 0) continue;
      for (const list of owner.lists) {
        if (list.direction !== 'add') continue;
        const seen = new Set<string>();
        list.entries.forEach((entry, index) => {
          // ALL has no `capability`, so drop-ALL-then-add and add-ALL-then-drop never match.
          const capability = analyzeName(entry.value).capability?.name;
          if (!capability || typeof entry.value !== 'string' || seen.has(capability)) return;
          seen.add(capability);
          const drop = drops.get(capability);
          if (!drop) return;
          const add: Site = { list, index, entry, text: entry.value };
          if (owner.kind === 'psp' || owner.kind === 'scc') {
            const { message, computed } = checkPolicy(owner, capability, add, drop);
            context.report({
              path: entry.path,
              problem: `${capability} both allowed and required to drop`,
              consequence:
                add.text === drop.text ? `API server refuses this ${policyName(owner)}` : 'the entries contradict',
              remedy: 'remove it from one list',
              explanation: message,
              severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, computed),
              ...reportBase(owner),
            });
            return;
          }
          const all = targetsFor(context.targets, owner).map((t) => verdict(t, capability));
          // End-of-life runtimes checked as context say nothing here that a current one does not.
          const verdicts = all.filter((v) => !v.target.context);
          const rejected = verdicts.some((v) => v.result === 'rejected');
          context.report({
            path: entry.path,
            problem: `${capability} both added and dropped`,
            remedy: 'keep it in one list',
            explanation: `${pairing(capability, add, drop)} ${describe(verdicts)} Keep it in one list: add if the ${owner.kind === 'compose' ? 'service' : 'container'} needs it, drop if it must not have it.`,
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, rejected ? 'error' : DEFAULT_SEVERITY),
            ...reportBase(owner),
            targets: all.map((v) => ({
              target: v.target.matrix ? v.target.label : v.target.id,
              outcome: OUTCOME[v.result],
              // Where the drop wins, the add is what is not granted.
              list: 'add' as const,
              detail: v.uncertain ? `${v.detail} (read in a later release and assumed for this one)` : v.detail,
              ...(v.target.context ? { legacy: true as const } : {}),
            })),
          });
        });
      }
    }
  },
});
