import { NAME_HANDLING_CITATIONS } from '../../knowledge/kubernetes.js';
import {
  chooseSeverity,
  describeOutcomes,
  evaluate,
  nameSites,
  quote,
  replaceWith,
  reportBase,
  severityFromOutcomes,
  targetsFor,
  toTargetOutcomes,
} from '../support.js';
import { defineRule } from '../types.js';

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
      'The message lists, for each target, what happens. Severity is `error` when any target breaks,',
      'otherwise `warning` (the manifest is not portable).',
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
      const targets = targetsFor(context.targets, owner);
      const written = evaluate(targets, list.direction, name.text);
      const intended = evaluate(targets, list.direction, canonical);
      // Only the targets where the prefix itself changes the outcome speak against it.
      const worse = written.filter((w, i) => {
        const baseline = intended[i]?.prediction.outcome;
        return baseline === 'applied' && w.prediction.outcome !== 'applied';
      });
      const severity = worse.length > 0 ? severityFromOutcomes(worse, 'warning') : 'warning';
      const prefix = name.prefixes > 1 ? 'a doubled CAP_ prefix' : 'the CAP_ prefix';
      const exact =
        owner.kind === 'psp' || owner.kind === 'scc'
          ? ` ${owner.kind === 'psp' ? 'PodSecurityPolicy' : 'SecurityContextConstraints'} compares names exactly, so pods that write ${canonical} are refused and pods that copy ${quote(name.text)} carry the prefix to the runtime.`
          : '';
      const accepted = written.filter((w) => w.prediction.outcome === 'applied');
      const consequence =
        worse.length > 0
          ? describeOutcomes(written.length > 1 ? [...worse, ...accepted] : worse, list.direction)
          : 'Every selected target accepts it, but Pod Security admission and policy engines compare names exactly.';
      context.report({
        path: entry.path,
        problem: `${quote(name.text)}: ${name.prefixes > 1 ? 'doubled CAP_ prefix' : 'CAP_ prefix'}`,
        ...(worse.length > 0 ? {} : { consequence: 'admission policies compare names exactly' }),
        explanation: `${quote(name.text)} carries ${prefix}.${exact} ${consequence} Write ${canonical}.`,
        severity: chooseSeverity(context.severity, 'error', severity),
        ...reportBase(owner),
        targets: toTargetOutcomes(written),
        fix: replaceWith(entry.path, canonical, `replace ${quote(name.text)} with ${canonical}`),
      });
    }
  },
});
