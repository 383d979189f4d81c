import type { CapabilityOwner } from '../../core/extract.js';
import type { Severity, TargetOutcome } from '../../core/types.js';
import { NAME_HANDLING_CITATIONS } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import type { Direction } from '../../knowledge/predict.js';
import type { ResolvedTarget } from '../../knowledge/targets.js';
import {
  chooseSeverity,
  deciding,
  describeOutcomes,
  type Evaluated,
  evaluate,
  isPrivileged,
  labels,
  legacyNote,
  nameSites,
  policyName,
  quote,
  replaceWith,
  reportBase,
  severityFromOutcomes,
  targetsFor,
  toTargetOutcomes,
} from '../support.js';
import { defineRule } from '../types.js';

/** Whether the owner's drop lists remove the capability (by name in any spelling, or ALL). */
function droppedByOwner(owner: CapabilityOwner, canonical: string): boolean {
  return owner.lists.some(
    (l) =>
      l.direction === 'drop' &&
      l.entries.some((e) => {
        const name = analyzeName(e.value);
        return name.isAll || name.capability?.name === canonical;
      }),
  );
}

export default defineRule({
  meta: {
    id: 'cap-prefix',
    severity: 'error',
    description: 'Capability name written with the CAP_ prefix, which most runtimes do not strip',
    docs: [
      'Kubernetes stores capability names as free strings and the kubelet hands them to the runtime unchanged.',
      'The convention every current runtime follows is the bare upper-case name (`SYS_RESOURCE`), and the',
      'runtimes differ on a `CAP_` prefix:',
      '',
      '- Docker 1.11–18.09 prefixes again (`CAP_CAP_SYS_RESOURCE`) and the container fails to start (RunContainerError).',
      '- containerd (every version) prefixes again too. containerd 1.1–1.2 then refuses the container, in `add`',
      '  and in `drop` (CreateContainerError). From 1.3 on, with runc ≥1.0.0-rc94 an added name is silently not',
      '  granted, and a dropped name drops nothing: `drop: [CAP_NET_RAW]` leaves NET_RAW in the container.',
      '- Docker ≥19.03, CRI-O ≥1.0 and Podman accept the prefix.',
      '',
      'Pod Security admission and PodSecurityPolicy compare names exactly, so a prefixed name also fails their checks.',
      'The message lists, for each target, what happens. Severity is `error` when a selected target breaks (without',
      '`--target`: a runtime supported today; end-of-life ones are named as context), otherwise `warning` (the',
      'manifest is not portable, and policies compare names exactly). An added name that a runtime skips is no break',
      'where that runtime grants the capability by default and the lists do not drop it (`add: [CAP_CHOWN]` on',
      'containerd). A compose file that every current Docker and Podman accepts gets `info` and a suggestion instead',
      'of a safe fix: another tool reading the file may expect the prefix.',
    ].join('\n'),
    fixable: 'safe',
    citations: [
      'moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136',
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235',
      'opencontainers/runc commit 5fb831a0f (PR #2854)',
      'kubernetes/kubernetes#33104',
      'kyverno/policies#1166',
      ...NAME_HANDLING_CITATIONS,
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [CAP_SYS_RESOURCE]\n    drop: [CAP_NET_RAW]',
      valid: 'securityContext:\n  capabilities:\n    add: [SYS_RESOURCE]\n    drop: [NET_RAW]',
    },
    tags: ['security', 'portability'],
  },
  check(context) {
    for (const site of nameSites(context.extracted)) {
      const { name, list, owner, entry } = site;
      if (name.text === undefined || name.prefixes === 0 || !name.capability || name.padded) continue;
      const canonical = name.capability.name;
      const verdict = verdictFor(
        targetsFor(context.targets, owner),
        owner,
        list.direction,
        name.text,
        name.prefixes,
        canonical,
      );
      const change = replaceWith(entry.path, canonical, `replace ${quote(name.text)} with ${canonical}`);
      context.report({
        path: entry.path,
        problem: verdict.problem,
        ...(verdict.consequence === undefined ? {} : { consequence: verdict.consequence }),
        explanation: verdict.explanation,
        severity: chooseSeverity(context.severity, 'error', verdict.severity),
        ...reportBase(owner),
        targets: verdict.targets,
        ...(verdict.quiet ? { suggestion: change } : { fix: change }),
      });
    }
  },
});

/** What the finding says about one spelling in one kind of list, the same wherever the entry is. */
interface Verdict {
  problem: string;
  consequence?: string;
  explanation: string;
  severity: Severity;
  targets: TargetOutcome[];
  /** Only a note with a suggestion (a compose file every current engine reads). */
  quiet: boolean;
}

// The wording depends on the spelling, the list, and a few facts about its owner, not on where the entry
// is: the same mistake in many objects (a stream of manifests, the reviews of a webhook) is worded once.
// Bounded like `evaluate`'s answers, per set of targets.
const VERDICTS_LIMIT = 4096;
const verdicts = new WeakMap<readonly ResolvedTarget[], Map<string, Verdict>>();

function verdictFor(
  targets: readonly ResolvedTarget[],
  owner: CapabilityOwner,
  direction: Direction,
  text: string,
  prefixes: number,
  canonical: string,
): Verdict {
  const privileged = isPrivileged(owner);
  const policy = policyName(owner);
  // Whether the lists drop the capability matters only to an add outside a policy (see heldByDefault).
  const dropped = direction === 'add' && !policy && droppedByOwner(owner, canonical);
  const key = `${direction}\u0000${privileged}\u0000${owner.kind}\u0000${dropped}\u0000${prefixes}\u0000${text}`;
  let cache = verdicts.get(targets);
  if (!cache) {
    cache = new Map();
    verdicts.set(targets, cache);
  }
  let verdict = cache.get(key);
  if (!verdict) {
    if (cache.size >= VERDICTS_LIMIT) cache.clear();
    verdict = judge(targets, owner.kind, policy, privileged, dropped, direction, text, prefixes, canonical);
    cache.set(key, verdict);
  }
  return verdict;
}

function judge(
  targets: readonly ResolvedTarget[],
  ownerKind: CapabilityOwner['kind'],
  policy: string | undefined,
  privileged: boolean,
  dropped: boolean,
  direction: Direction,
  text: string,
  prefixes: number,
  canonical: string,
): Verdict {
  const written = evaluate(targets, direction, text, { privileged });
  const intended = evaluate(targets, direction, canonical, { privileged });
  // An add that is skipped changes nothing where the runtime grants the capability by default and
  // the lists do not drop it (add: [CAP_CHOWN] on containerd: CHOWN is held anyway).
  const heldByDefault = (w: Evaluated) =>
    direction === 'add' &&
    w.prediction.outcome === 'ignored' &&
    !policy &&
    (w.target.engine?.defaults.includes(canonical) ?? false) &&
    !dropped;
  // Only the targets where the prefix itself changes the outcome speak against it.
  const worse = written.filter((w, i) => {
    const baseline = intended[i]?.prediction.outcome;
    return baseline === 'applied' && w.prediction.outcome !== 'applied' && !heldByDefault(w);
  });
  const defaulted = deciding(written).filter(heldByDefault);
  const current = deciding(worse);
  // A compose file is read by Docker and Podman only: when every current one accepts the prefix,
  // nothing breaks (a tool reading the same file may even expect it), so it is a note, not a fix.
  const portableOnly = current.length === 0;
  const quiet = portableOnly && ownerKind === 'compose';
  const severity = current.length > 0 ? severityFromOutcomes(worse, 'warning') : quiet ? 'info' : 'warning';
  const prefix = prefixes > 1 ? 'a doubled CAP_ prefix' : 'the CAP_ prefix';
  const exact = policy
    ? ` ${policy} compares names exactly, so pods that write ${canonical} are refused and pods that copy ${quote(text)} carry the prefix to the runtime.`
    : '';
  const accepted = deciding(written).filter((w) => w.prediction.outcome === 'applied');
  let consequence: string;
  if (current.length > 0) {
    consequence = describeOutcomes(written.length > 1 ? [...worse, ...accepted] : worse, direction);
  } else {
    const which = written.every((w) => w.target.matrix) ? 'current runtime' : 'selected target';
    const every = privileged
      ? `The container is privileged, so no ${which} applies the entry.`
      : defaulted.length > 0
        ? `No ${which} breaks on it: ${labels(defaulted)} ${defaulted.length > 1 ? 'skip' : 'skips'} it, but ${canonical} is in the default set there.`
        : `Every ${which} accepts it.`;
    const legacy = legacyNote(worse, direction);
    const exactly =
      ownerKind === 'compose'
        ? ''
        : ' Pod Security admission and policy engines compare names exactly, so a policy that expects the bare name does not match it.';
    consequence = [every, legacy, exactly.trim()].filter(Boolean).join(' ');
  }
  return {
    problem: `${quote(text)}: ${prefixes > 1 ? 'doubled CAP_ prefix' : 'CAP_ prefix'}`,
    ...(worse.length > 0 ? {} : { consequence: 'admission policies compare names exactly' }),
    explanation: `${quote(text)} carries ${prefix}.${exact} ${consequence} Write ${canonical}.`,
    severity,
    targets: toTargetOutcomes(written),
    quiet,
  };
}
