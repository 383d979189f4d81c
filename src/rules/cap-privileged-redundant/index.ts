import type { CapabilityList } from '../../core/extract.js';
import type { TargetOutcome } from '../../core/types.js';
import { ENGINE_RANGES } from '../../knowledge/runtimes.js';
import type { ResolvedTarget } from '../../knowledge/targets.js';
import { ownerLabel, reportBase, targetName, targetsFor } from '../support.js';
import { defineRule } from '../types.js';

const CITATIONS = [...new Set(ENGINE_RANGES.flatMap((r) => r.privileged.citations))];

function shown(list: CapabilityList): string {
  return `${list.field}: [${list.entries.map((e) => String(e.value)).join(', ')}]`;
}

/** The runtimes' own facts, one clause per distinct behaviour with the targets it covers. */
function runtimeFacts(targets: readonly ResolvedTarget[]): string {
  const ignored = new Map<string, string[]>();
  const unknown: string[] = [];
  const applied: string[] = [];
  for (const t of targets) {
    const facts = t.engine?.privileged;
    if (!facts || facts.listsIgnored === 'unknown') unknown.push(targetName(t));
    else if (facts.listsIgnored) ignored.set(facts.detail, [...(ignored.get(facts.detail) ?? []), targetName(t)]);
    else applied.push(targetName(t));
  }
  const clauses = [...ignored].map(([detail, labels]) => `${detail} (${labels.join(', ')})`);
  if (applied.length > 0) clauses.push(`${applied.join(', ')} still apply the lists`);
  if (unknown.length > 0) clauses.push(`for ${unknown.join(', ')} it is not verified whether the lists apply`);
  const sentence = clauses.join('; ');
  // Runtime names keep their own case (containerd); only the sentence's own words are capitalised.
  return `${sentence.startsWith('for ') ? `F${sentence.slice(1)}` : sentence}.`;
}

function outcomes(targets: readonly ResolvedTarget[]): TargetOutcome[] {
  return targets.map((t) => {
    const facts = t.engine?.privileged;
    return {
      target: t.matrix ? t.label : t.id,
      outcome: !facts || facts.listsIgnored === 'unknown' ? 'unknown' : facts.listsIgnored ? 'ignored' : 'applied',
      detail: facts?.detail ?? 'no container runtime in this target',
    };
  });
}

export default defineRule({
  meta: {
    id: 'cap-privileged-redundant',
    severity: 'warning',
    description: 'privileged: true next to capability lists, which a privileged container ignores',
    docs: [
      'A privileged container gets every capability. Docker, containerd and CRI-O set it up that way and do not',
      'apply `capabilities.add` or `capabilities.drop` to it (containerd applies them and then grants everything',
      'again). So next to `privileged: true`:',
      '',
      '- `add` is redundant: the capabilities are there anyway;',
      '- `drop` removes nothing: `drop: [ALL]` or `drop: [NET_RAW]` reads like hardening, but the container keeps',
      '  every capability. This false sense of safety is the real problem.',
      '',
      'A compose service with `privileged: true` next to `cap_add`/`cap_drop` is reported the same way. Docker',
      '19.03 and later still refuse an unknown name in those lists, even for a privileged container (cap-unknown',
      'says so); the other runtimes do not look at them.',
      '',
      'For Podman the data does not say what happens to the lists, and the message says so.',
      '',
      'Decide which one you mean. Usually the lists are the better intent: remove `privileged: true` and keep',
      '`add`/`drop` as the least-privilege set (privileged also grants all devices and lifts other confinement,',
      'which capabilities cannot express). If the container truly needs to be privileged, remove the lists so the',
      'manifest does not promise a restriction that does not exist. There is no automatic fix: either change alters',
      'what the container gets.',
    ].join('\n'),
    fixable: false,
    citations: CITATIONS,
    example: {
      invalid: ['securityContext:', '  privileged: true', '  capabilities:', '    drop: [ALL]'].join('\n'),
      valid: ['securityContext:', '  capabilities:', '    add: [NET_ADMIN]', '    drop: [ALL]'].join('\n'),
    },
    tags: ['security', 'correctness'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      if (owner.kind !== 'container' && owner.kind !== 'security-context' && owner.kind !== 'compose') continue;
      if (owner.securityContext?.privileged !== true || !owner.securityContextPath) continue;
      const add = owner.lists.find((l) => l.direction === 'add' && l.entries.length > 0);
      const drop = owner.lists.find((l) => l.direction === 'drop' && l.entries.length > 0);
      if (!add && !drop) continue;
      // The runtimes that decide; end-of-life ones checked as context behave the same or are unresearched.
      const targets = targetsFor(context.targets, owner).filter((t) => !t.context);
      const effects: string[] = [];
      if (add) effects.push(`${shown(add)} is redundant`);
      if (drop) {
        effects.push(
          `${shown(drop)} removes nothing: the container keeps every capability, and the list only gives a false ` +
            'sense of safety',
        );
      }
      const who = owner.kind === 'security-context' ? 'the container' : ownerLabel(owner);
      // With only unresearched runtimes selected, say what is known elsewhere instead of asserting it.
      const known = targets.some((t) => t.engine && t.engine.privileged.listsIgnored !== 'unknown');
      const head = known
        ? `privileged: true gives ${who} every capability, so ${effects.join(', and ')}.`
        : `privileged: true is meant to give ${who} every capability; where it does (Docker, containerd and CRI-O ` +
          `ignore the lists then), ${effects.join(', and ')}.`;
      context.report({
        path: [...owner.securityContextPath, 'privileged'],
        problem: `privileged: true with ${add && drop ? 'add and drop lists' : add ? 'an add list' : 'a drop list'}`,
        consequence: drop
          ? `${known ? '' : 'likely '}drops nothing: it keeps every capability`
          : 'the add list is redundant',
        remedy: 'remove privileged or the lists',
        explanation:
          `${head} ${runtimeFacts(targets)} Remove privileged: true and keep the lists as the least-privilege set, or ` +
          'remove the lists if the container must stay privileged.',
        ...reportBase(owner),
        targets: outcomes(targets),
      });
    }
  },
});
