import type { CapabilityList, CapabilityOwner } from '../../core/extract.js';
import type { Severity } from '../../core/types.js';
import {
  NAME_HANDLING_CITATIONS,
  PSP_FACTS,
  PSS_BASELINE_ALLOWED_ADD,
  PSS_FACTS,
  PSS_RESTRICTED_ALLOWED_ADD,
} from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import { predict } from '../../knowledge/predict.js';
import {
  breaks,
  chooseSeverity,
  deciding,
  describeOutcomes,
  evaluate,
  isPrivileged,
  labels,
  policyName,
  quote,
  replaceWith,
  reportBase,
  targetsFor,
  toTargetOutcomes,
} from '../support.js';
import { defineRule } from '../types.js';

const DEFAULT_SEVERITY: Severity = 'warning';

/** Why the spelling matters although runtimes accept it: who compares the text exactly, for this list. */
function exactComparison(owner: CapabilityOwner, list: CapabilityList, written: string, name: string): string {
  const policy = policyName(owner);
  const hedge = owner.kind === 'scc' ? ' (assumed to work like PodSecurityPolicy; not verified for SCC)' : '';
  if (policy && list.field === 'allowedCapabilities') {
    return `${policy} compares names exactly${hedge}: this entry admits pods that write ${quote(written)} and refuses pods that write ${name}.`;
  }
  if (policy && list.field === 'defaultAddCapabilities') {
    return `${policy} compares names exactly${hedge} and copies ${quote(written)} as written into every container's add list.`;
  }
  if (policy) {
    return (
      `${policy} compares names exactly${hedge}: a pod that drops ${name} does not satisfy this entry, so the ` +
      `policy adds ${quote(written)} to the pod's drop list as written.`
    );
  }
  if (list.direction === 'drop') {
    return `A policy that requires ${name} to be dropped and compares names exactly does not see ${quote(written)}.`;
  }
  const levels = [
    PSS_BASELINE_ALLOWED_ADD.has(name) ? 'baseline' : undefined,
    PSS_RESTRICTED_ALLOWED_ADD.has(name) ? 'restricted' : undefined,
  ].filter((l): l is string => l !== undefined);
  if (levels.length > 0) {
    return (
      `Pod Security admission compares names exactly: the ${levels.join(' and ')} level${levels.length > 1 ? 's refuse' : ' refuses'} ` +
      `${quote(written)} even though ${name} is allowed.`
    );
  }
  return `Policies that allow ${name} by name and compare exactly (PodSecurityPolicy, admission policies) do not match ${quote(written)}.`;
}

/**
 * Whether something that really exists compares this entry exactly: Pod Security admission for a name
 * it allows, PodSecurityPolicy and SCC lists, and the common drop-NET_RAW policies. Elsewhere the
 * exact-match concern is hypothetical, so the finding is only a note.
 */
function knownExactMatch(owner: CapabilityOwner, list: CapabilityList, name: string): boolean {
  if (policyName(owner)) return true;
  if (list.direction === 'drop') return name === 'NET_RAW';
  return PSS_BASELINE_ALLOWED_ADD.has(name) || PSS_RESTRICTED_ALLOWED_ADD.has(name);
}

export default defineRule({
  meta: {
    id: 'cap-case',
    severity: DEFAULT_SEVERITY,
    description: 'Capability name not written in upper case, which exact-match policies do not recognise',
    docs: [
      'Docker (every version), containerd, CRI-O and Podman upper-case capability names, so `sys_time` or `Chown`',
      'works on the node. Everything in Kubernetes that compares names does so exactly, though:',
      '',
      '- Pod Security admission (baseline and restricted) looks names up case-sensitively: `add: [chown]` fails the',
      '  baseline level even though CHOWN is on its list.',
      '- PodSecurityPolicy builds exact-match sets from its lists: `allowedCapabilities: [sys_time]` admits only',
      '  pods that write `sys_time`, and `requiredDropCapabilities: [net_raw]` is not satisfied by a pod that drops',
      '  `NET_RAW`, so the policy adds `net_raw` to it as written.',
      '- Admission policies written as plain string comparisons do not see `net_raw` when they look for `NET_RAW`.',
      '',
      'rkt, the obsolete in-tree runtime, needed a `CAP_` prefix and refused bare names; when it is a target, the',
      'finding is an error. Otherwise it is a warning where something that exists compares the entry exactly (Pod',
      'Security admission for a name it allows, PodSecurityPolicy and SCC lists, drop-NET_RAW policies), and `info`',
      'where that concern is only hypothetical (`drop: [net_admin]`). Write the name in upper case, without prefix:',
      'the fix does exactly that.',
    ].join('\n'),
    fixable: 'safe',
    citations: [
      ...PSS_FACTS.baseline.citations,
      ...PSS_FACTS.restricted.citations,
      ...PSP_FACTS.citations,
      'moby/moby@v1.10.0:daemon/execdriver/utils_unix.go (case-insensitive comparison)',
      'moby/moby@v19.03.0:oci/caps/utils.go L86-113 (NormalizeLegacyCapabilities upper-cases)',
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235',
      'cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
      'rkt/rkt@v1.30.0:stage1/init/common/pod.go L537, L636-713',
      ...NAME_HANDLING_CITATIONS,
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [chown]\n    drop: [net_raw]',
      valid: 'securityContext:\n  capabilities:\n    add: [CHOWN]\n    drop: [NET_RAW]',
    },
    tags: ['portability', 'policy'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        for (const entry of list.entries) {
          const written = entry.value;
          const analysis = analyzeName(written);
          // Only known names without prefix or padding: those, ALL and unknown names belong to other rules.
          const capability = analysis.capability;
          if (analysis.text === undefined || analysis.padded || analysis.prefixes > 0 || !capability) continue;
          if (analysis.text === capability.name) continue;
          const text = analysis.text;
          const name = capability.name;

          // An allow-list only admits pods; no runtime reads it.
          const allowList = policyName(owner) !== undefined && list.field === 'allowedCapabilities';
          const evaluated = allowList
            ? []
            : evaluate(targetsFor(context.targets, owner), list.direction, text, { privileged: isPrivileged(owner) });
          const broken = evaluated.filter((e) => e.prediction.outcome !== 'applied');
          // The spelling is the cause only where some spelling of the name works (rkt takes CAP_CHOWN but not
          // chown); where none does (a kernel without the capability), another rule explains it.
          const spellingBreaks = broken.filter((e) =>
            [name, `CAP_${name}`].some((s) => predict(e.target, list.direction, s).outcome === 'applied'),
          );
          // Compose files meet no Kubernetes policy: they matter only where the spelling breaks a runtime.
          if (owner.kind === 'compose' && deciding(spellingBreaks).length === 0) continue;
          let runtime = '';
          if (allowList) {
            runtime = '';
          } else if (spellingBreaks.length > 0) {
            const applied = evaluated.filter((e) => e.prediction.outcome === 'applied');
            runtime = describeOutcomes([...spellingBreaks, ...applied], list.direction);
            const upper = evaluate(
              spellingBreaks.map((e) => e.target),
              list.direction,
              name,
            );
            const stillFails = upper.filter((e) => e.prediction.outcome !== 'applied');
            if (stillFails.length > 0) {
              runtime += ` Upper case does not help on ${labels(stillFails)}: ${name} fails there too; it needs CAP_${name}.`;
            }
          } else if (broken.length === 0) {
            const effect = list.direction === 'add' ? 'gets' : 'loses';
            runtime = `Runtimes upper-case it or ignore case, so the container ${effect} ${name}.`;
          } else {
            runtime = `Runtimes upper-case it or ignore case: wherever ${name} works, ${quote(text)} works too.`;
          }
          const policy = owner.kind === 'compose' ? '' : ` ${exactComparison(owner, list, text, name)}`;
          const computed: Severity = breaks(spellingBreaks)
            ? 'error'
            : knownExactMatch(owner, list, name)
              ? 'warning'
              : 'info';
          context.report({
            path: entry.path,
            problem: `${quote(text)}: not upper case`,
            ...(spellingBreaks.length > 0 ? {} : { consequence: 'admission policies compare names exactly' }),
            explanation: `${quote(text)} is not upper case.${runtime ? ` ${runtime}` : ''}${policy} Write ${name}.`,
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, computed),
            ...reportBase(owner),
            ...(evaluated.length > 0 ? { targets: toTargetOutcomes(evaluated) } : {}),
            fix: replaceWith(entry.path, name, `replace ${quote(text)} with ${name}`),
          });
        }
      }
    }
  },
});
