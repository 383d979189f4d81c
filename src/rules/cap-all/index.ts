import type { CapabilityList, CapabilityOwner } from '../../core/extract.js';
import type { Fix, Severity } from '../../core/types.js';
import { PSP_FACTS, PSS_FACTS } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import {
  breaks,
  chooseSeverity,
  deciding,
  describeOutcomes,
  evaluate,
  isPrivileged,
  policyName,
  quote,
  replaceWith,
  reportBase,
  targetsFor,
  toTargetOutcomes,
} from '../support.js';
import { defineRule } from '../types.js';

const DEFAULT_SEVERITY: Severity = 'warning';
const RESTRICTED_MESSAGE = 'must set securityContext.capabilities.drop=["ALL"]';

/** Who compares the spelling exactly, for this list; empty when nobody does. */
function exactComparison(owner: CapabilityOwner, list: CapabilityList, text: string): string {
  const policy = policyName(owner);
  const hedge = owner.kind === 'scc' ? ' (assumed to work like PodSecurityPolicy; not verified for SCC)' : '';
  if (owner.kind === 'compose') return '';
  if (policy && list.field === 'allowedCapabilities') {
    return `${policy} compares names exactly${hedge}: this entry admits pods that add ${quote(text)}, not ALL.`;
  }
  if (policy && list.field === 'defaultAddCapabilities') {
    return `${policy} copies ${quote(text)} as written into every container's add list.`;
  }
  if (policy) {
    return (
      `${policy} compares names exactly${hedge}: a pod that drops ALL does not satisfy this entry, so the policy ` +
      `adds ${quote(text)} to the pod's drop list as written.`
    );
  }
  // With the exact "ALL" in the same list, the restricted level is satisfied anyway.
  if (list.direction === 'drop' && !list.entries.some((e) => e.value === 'ALL')) {
    return `Pod Security admission’s restricted level requires exactly "ALL" in drop, so the pod fails it (${RESTRICTED_MESSAGE}).`;
  }
  return '';
}

/** Why ALL in an add list is a problem in itself. */
function grantsEverything(owner: CapabilityOwner, list: CapabilityList, exact: boolean): string {
  const policy = policyName(owner);
  if (policy && list.field === 'allowedCapabilities') {
    return 'Allowing ALL lets pods take every capability, close to running privileged: allow only the capabilities pods need.';
  }
  const lead = exact ? 'ALL in an add list grants' : 'Written as ALL, it would grant';
  if (policy) {
    return `${lead} every capability to every container the policy admits, close to running privileged: list only the capabilities containers need.`;
  }
  const who = owner.kind === 'compose' ? 'service' : 'container';
  return `${lead} every capability, close to running privileged: list the capabilities the ${who} actually needs.`;
}

export default defineRule({
  meta: {
    id: 'cap-all',
    severity: DEFAULT_SEVERITY,
    description: 'ALL written with a CAP_ prefix or not in upper case, or ALL in an add list',
    docs: [
      'Runtimes treat `ALL` specially: in `drop` it removes every capability, in `add` it grants every capability.',
      'Three ways to get it wrong:',
      '',
      '- **`all`, `All`** (not upper case): Docker, containerd, CRI-O and Podman accept any case, but Pod Security',
      '  admission’s restricted level requires `drop` to contain exactly `"ALL"`, so the pod fails `restricted`',
      '  (`must set securityContext.capabilities.drop=["ALL"]`). PodSecurityPolicy compares exactly as well.',
      '- **`CAP_ALL`, `cap_all`** (prefixed): no runtime recognises ALL with a prefix. In `drop`, containerd 1.3+',
      '  drops nothing and the container keeps its default capabilities; containerd 1.1–1.2, CRI-O, Docker ≥19.03',
      '  and Podman refuse the container; Docker ≤18.09 fails at start. In `add`, most runtimes refuse the container',
      '  and containerd with runc ≥1.0.0-rc94 starts it without the capabilities. Severity is `error` when a target',
      '  refuses or ignores it.',
      '- **`ALL` in `add`** grants every capability, which is close to a privileged container. List the',
      '  capabilities the container actually needs instead (no automatic fix).',
      '',
      'One finding per entry combines whichever of these apply. The spelling fix (to `ALL`) is applied',
      'automatically for `drop` lists and for lower-case `all` in `add` (runtimes already read it as ALL); for',
      '`CAP_ALL` in `add` it is only a suggestion, because it would grant every capability where nothing was granted.',
    ].join('\n'),
    fixable: 'safe',
    citations: [
      ...PSS_FACTS.restricted.citations,
      ...PSP_FACTS.citations,
      'moby/moby@v19.03.0:oci/caps/utils.go L86-113 (ALL matched after upper-casing; CAP_ALL is unknown)',
      'moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136',
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235 (EqualFold "ALL")',
      'cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790',
      'cri-o/cri-o@v1.0.0:server/container_create.go L729-736 (an unknown drop fails the container)',
      'containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
      'opencontainers/runc commit 5fb831a0f (PR #2854)',
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [ALL]\n    drop: [CAP_ALL]',
      valid: 'securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n    drop: [ALL]',
    },
    tags: ['security', 'policy', 'portability'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        for (const entry of list.entries) {
          const name = analyzeName(entry.value);
          // Padded spellings and non-strings are cap-unknown's.
          if (name.text === undefined || name.padded || !name.isAll) continue;
          const text = name.text;
          const prefixed = name.prefixes > 0;
          const spelling = text !== 'ALL';
          const add = list.direction === 'add';
          if (!spelling && !add) continue;

          const allowList = policyName(owner) !== undefined && list.field === 'allowedCapabilities';
          const targets = spelling && !allowList ? targetsFor(context.targets, owner) : [];
          const privileged = { privileged: isPrivileged(owner) };
          const written = evaluate(targets, list.direction, text, privileged);
          const intended = evaluate(targets, list.direction, 'ALL', privileged);
          // Only targets where ALL itself works say anything about the spelling (CRI-O 1.11 until its fix keeps
          // its defaults after drop ALL in any spelling; that is not this rule's business).
          const relevant = written.filter((_, i) => intended[i]?.prediction.outcome === 'applied');
          const worse = relevant.filter((e) => e.prediction.outcome !== 'applied');
          // Compose files meet no Kubernetes policy: a lower-case `all` there matters only if a runtime breaks.
          if (owner.kind === 'compose' && spelling && !prefixed && !add && deciding(worse).length === 0) continue;

          const parts: string[] = [];
          if (prefixed) {
            parts.push(`${quote(text)} is not ALL to runtimes: they recognise ALL only without the CAP_ prefix.`);
            if (worse.length > 0) parts.push(describeOutcomes(relevant, list.direction));
          } else if (spelling) {
            parts.push(`${quote(text)} is ALL written in ${text === text.toLowerCase() ? 'lower' : 'mixed'} case.`);
            if (worse.length > 0) parts.push(describeOutcomes(relevant, list.direction));
            else if (relevant.length > 0) parts.push('Runtimes accept ALL in any case.');
          }
          if (spelling) {
            const policy = exactComparison(owner, list, text);
            if (policy) parts.push(policy);
          }
          if (add) parts.push(grantsEverything(owner, list, !prefixed));
          if (spelling && !add) parts.push('Write ALL.');
          else if (spelling && !prefixed) parts.push('If you keep it, write ALL.');

          let fix: Fix | undefined;
          let suggestion: Fix | undefined;
          if (spelling) {
            const change = replaceWith(entry.path, 'ALL', `replace ${quote(text)} with ALL`);
            if (add && prefixed) suggestion = change;
            else fix = change;
          }
          const computed: Severity = prefixed || breaks(worse) ? 'error' : 'warning';
          context.report({
            path: entry.path,
            problem: prefixed
              ? `${quote(text)}: not ALL to runtimes (CAP_ prefix)`
              : spelling
                ? `${quote(text)}: ALL in ${text === text.toLowerCase() ? 'lower' : 'mixed'} case`
                : `ALL in ${list.field}`,
            ...(worse.length > 0
              ? {}
              : { consequence: add ? 'grants every capability' : 'admission policies compare names exactly' }),
            ...(add && !spelling ? { remedy: 'add only the capabilities needed' } : {}),
            explanation: parts.join(' '),
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, computed),
            ...reportBase(owner),
            ...(written.length > 0 ? { targets: toTargetOutcomes(written) } : {}),
            ...(fix ? { fix } : {}),
            ...(suggestion ? { suggestion } : {}),
          });
        }
      }
    }
  },
});
