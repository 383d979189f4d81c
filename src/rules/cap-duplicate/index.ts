import type { CapabilityList, CapabilityOwner } from '../../core/extract.js';
import { PSP_FACTS } from '../../knowledge/kubernetes.js';
import { analyzeName, type NameAnalysis } from '../../knowledge/names.js';
import { entryLabel, policyName, quote, removeItem, reportBase } from '../support.js';
import { defineRule } from '../types.js';

interface Occurrence {
  index: number;
  text: string;
  name: NameAnalysis;
}

/** What an entry names once normalised: a capability or ALL. */
function keyOf(name: NameAnalysis): string | undefined {
  return name.capability?.name ?? (name.isAll ? 'ALL' : undefined);
}

/**
 * Which spelling works best and should stay: the canonical one, then a bare name in another case
 * (runtimes upper-case it), then a prefixed one, then a padded one. Keeping the best spelling means
 * removing the others never takes away an entry that had an effect.
 */
function rank(name: NameAnalysis): number {
  if (name.canonical) return 0;
  if (name.padded) return 3;
  return name.prefixes === 0 ? 1 : 2;
}

function whyHarmless(owner: CapabilityOwner): string {
  const policy = policyName(owner);
  if (owner.kind === 'psp') return `${policy} turns the list into a set, so the repeat changes nothing`;
  if (owner.kind === 'scc')
    return `${policy} treats the list as a set of names (as PodSecurityPolicy does; not verified for SCC)`;
  return 'Repeating a capability grants or drops nothing more (the kernel keeps capabilities as a set of bits)';
}

function occurrences(list: CapabilityList): Map<string, Occurrence[]> {
  const byKey = new Map<string, Occurrence[]>();
  list.entries.forEach((entry, index) => {
    if (typeof entry.value !== 'string') return;
    const name = analyzeName(entry.value);
    const key = keyOf(name);
    if (key === undefined) return;
    const found = byKey.get(key);
    if (found) found.push({ index, text: entry.value, name });
    else byKey.set(key, [{ index, text: entry.value, name }]);
  });
  return byKey;
}

export default defineRule({
  meta: {
    id: 'cap-duplicate',
    severity: 'warning',
    description: 'The same capability appears more than once in one add, drop, allowed or required list',
    docs: [
      'A capability listed twice in the same list, in the same or another spelling (`NET_RAW` and `net_raw`,',
      '`ALL` and `all`), changes nothing for the container: capabilities are bits in a set, and PodSecurityPolicy',
      'builds a set from its lists. The repeat is still noise: it makes reviews and diffs harder to read, and a',
      'second spelling invites the question which one is meant.',
      '',
      'The rule reports every repeat except the best-spelled occurrence (the canonical upper-case name if there',
      'is one, otherwise the first entry that works on every runtime) and the fix removes the repeat. It checks',
      'container and compose lists, Helm values, and PodSecurityPolicy/SecurityContextConstraints lists; the',
      'elastic/cloud-on-k8s e2e SCC, for example, allows AUDIT_WRITE twice.',
    ].join('\n'),
    fixable: 'safe',
    citations: [
      ...PSP_FACTS.citations,
      'torvalds/linux:include/uapi/linux/capability.h (capability sets are bit masks)',
      'elastic/cloud-on-k8s:config/e2e/scc.yaml (AUDIT_WRITE listed twice)',
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    drop: [NET_RAW, SYS_ADMIN, net_raw]',
      valid: 'securityContext:\n  capabilities:\n    drop: [NET_RAW, SYS_ADMIN]',
    },
    tags: ['maintainability'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        for (const [key, found] of occurrences(list)) {
          if (found.length < 2) continue;
          const keeper = found.reduce((best, o) => (rank(o.name) < rank(best.name) ? o : best));
          for (const repeat of found) {
            if (repeat === keeper) continue;
            const entry = list.entries[repeat.index];
            if (!entry) continue;
            const where = entryLabel(list, keeper.index);
            const later = repeat.index > keeper.index;
            let what: string;
            if (repeat.text === keeper.text) what = `${key} is ${later ? 'already' : 'also'} listed at ${where}.`;
            else if (later)
              what = `${quote(repeat.text)} names ${key} again, already listed as ${quote(keeper.text)} at ${where}.`;
            else
              what = `${quote(repeat.text)} names ${key}, which is also listed as ${quote(keeper.text)} at ${where}.`;
            context.report({
              path: entry.path,
              problem: `${quote(repeat.text)}: ${key} listed twice (also at ${where})`,
              consequence: 'harmless, but noise in reviews and diffs',
              explanation: `${what} ${whyHarmless(owner)}, but it is noise in reviews and diffs. Remove this entry.`,
              ...reportBase(owner),
              fix: removeItem(entry.path, `remove the repeated ${quote(repeat.text)}`),
            });
          }
        }
      }
    }
  },
});
