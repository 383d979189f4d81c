import { CAPABILITY_SOURCES, type CapabilityInfo, kernelHasCapability } from '../../knowledge/capabilities.js';
import type { Direction } from '../../knowledge/predict.js';
import { OCI_RANGES } from '../../knowledge/runtimes.js';
import type { ResolvedTarget } from '../../knowledge/targets.js';
import {
  chooseSeverity,
  contextOnly,
  deciding,
  describeOutcomes,
  type Evaluated,
  evaluate,
  isPrivileged,
  legacyNote,
  nameSites,
  ownerLabel,
  quote,
  reportBase,
  targetsFor,
  toTargetOutcomes,
} from '../support.js';
import { defineRule } from '../types.js';

/** The lowest capability number any OCI runtime in the data knows: past it, an unpinned runc matters. */
const LOWEST_OCI_MAX = Math.min(...OCI_RANGES.map((r) => r.knownMax));

interface Limits {
  engine: boolean;
  oci: boolean;
  kernel: boolean;
}

/** Which part of a target is too old for the capability (none: its age is not the question there). */
function limitsOf(target: ResolvedTarget, capability: CapabilityInfo, direction: Direction): Limits {
  const engine = target.engine;
  const viaOci = direction === 'add' && engine?.unknownAdd.action === 'oci';
  return {
    engine: engine?.knownMax !== undefined && capability.number > engine.knownMax,
    oci: viaOci && capability.number > (target.oci?.knownMax ?? LOWEST_OCI_MAX),
    kernel: target.kernel !== undefined && !kernelHasCapability(capability, target.kernel),
  };
}

const tooOld = (l: Limits) => l.engine || l.oci || l.kernel;

/**
 * An ignored drop of a capability the target does not have is harmless: it was never in the
 * container. Only failures and adds that are silently not granted break anything.
 */
function breaks(e: Evaluated, direction: Direction): boolean {
  return e.prediction.outcome === 'rejected' || (e.prediction.outcome === 'ignored' && direction === 'add');
}

/** The spelling a target expects, so that only the capability's age decides the outcome. */
function inputFor(target: ResolvedTarget, name: string): string {
  return target.engine?.naming === 'prefix-required' ? `CAP_${name}` : name;
}

export default defineRule({
  meta: {
    id: 'cap-kernel',
    severity: 'warning',
    description: 'Capability newer than the target runtime or kernel knows (PERFMON, BPF, CHECKPOINT_RESTORE…)',
    docs: [
      'Capabilities keep being added to Linux: AUDIT_READ in 3.16, PERFMON and BPF in 5.8, CHECKPOINT_RESTORE in 5.9.',
      'A runtime checks names against the list it was built with (often cut at the running kernel’s last',
      'capability), so a correctly spelled, real capability can still be refused:',
      '',
      '- Docker 19.03–20.10 stops at AUDIT_READ: `add: [PERFMON]` fails at create with',
      '  `invalid CapAdd: unknown capability: "CAP_PERFMON"` (CreateContainerError), and the same name in `drop`',
      '  fails with `invalid CapDrop`. Docker 1.2–18.09 fails at start (RunContainerError). Docker 23+ knows them.',
      '- containerd 1.1–1.2 refuses unknown names when it builds the spec (CreateContainerError). containerd 1.3+',
      '  passes them to the OCI runtime: runc ≤1.0.0-rc92 fails the start (RunContainerError); runc 1.0.0-rc93',
      '  and later know PERFMON, BPF and CHECKPOINT_RESTORE (up to the kernel’s last capability), and from rc94',
      '  on runc starts the container without a name it does not know and only logs a warning.',
      '- CRI-O up to 1.20 checks names against a capability list that ends at AUDIT_READ: `add: [BPF]` fails with',
      '  `unknown capability "CAP_BPF" to add` (CreateContainerError), and `drop: [BPF]` with `failed to drop cap`.',
      '  1.21 and later know them.',
      '- On a node whose kernel predates the capability, Docker 23+ says `capability not supported by your kernel',
      '  or not available in the current environment`; CRI-O and Podman call it unknown; containerd with a',
      '  current runc silently leaves it out.',
      '',
      'The kernel is judged only when a target names it (`--target kernel@5.4`). The kernel version is a',
      'heuristic: enterprise kernels (RHEL 8’s 4.18, for example) may backport newer capabilities, so',
      '`/proc/sys/kernel/cap_last_cap` on the node is the real answer.',
      '',
      'A dropped capability that the runtime silently skips is not reported: it was never in the container.',
      'Without `--target`, only the runtimes supported today decide: a capability that every one of them knows',
      '(BPF and PERFMON on an eBPF DaemonSet) and only end-of-life ones refuse is `info`, with the "also fails on"',
      'note. Severity is `error` when a target fails or silently does not grant the capability, and the configured',
      'severity when the outcome is only uncertain. There is no automatic fix: upgrade the runtime (Docker 23+,',
      'containerd with runc ≥1.0.0-rc94) or the kernel, or remove the entry where the nodes cannot provide it.',
    ].join('\n'),
    fixable: false,
    citations: [
      ...CAPABILITY_SOURCES,
      'moby/moby@v20.10.0:oci/caps/utils.go L13-30 (commit a38b96b8cd, PR #41563)',
      'moby/moby@v23.0.0:oci/caps/utils.go L56-78 (commit 485cf38d48, PR #42933)',
      'moby/moby#42601',
      'moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136',
      'containerd/cri@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid',
      'opencontainers/runc@v1.0.0-rc92:libcontainer/capabilities_linux.go L33-70',
      'opencontainers/runc commit 6dfbe9b807 (PERFMON, BPF, CHECKPOINT_RESTORE; first in v1.0.0-rc93)',
      'cri-o/cri-o@v1.20.9:go.mod (gocapability pinned to d98352740cb2, which ends at AUDIT_READ)',
      'cri-o/cri-o@v1.21.0:go.mod (gocapability 42c35b437635)',
      'opencontainers/runc commit 6dfbe9b807',
      'opencontainers/runc commit 5fb831a0f (PR #2854), first in v1.0.0-rc94',
      'cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
    ],
    example: {
      invalid: '# nodes run Docker 20.10\nsecurityContext:\n  capabilities:\n    add: [PERFMON, BPF]',
      valid:
        '# nodes run Docker 23+ (or CRI-O, Podman, containerd with runc ≥1.0.0-rc94) on Linux 5.8+\nsecurityContext:\n  capabilities:\n    add: [PERFMON, BPF]',
    },
    tags: ['portability', 'reliability'],
  },
  check(context) {
    for (const { entry, list, owner, name } of nameSites(context.extracted)) {
      const capability = name.capability;
      if (!capability || name.text === undefined) continue;
      const direction = list.direction;
      const targets = targetsFor(context.targets, owner);
      const limits = targets.map((t) => limitsOf(t, capability, direction));
      if (!limits.some(tooOld)) continue;

      const privileged = { privileged: isPrivileged(owner) };
      const evaluated = targets.flatMap((t) => evaluate([t], direction, inputFor(t, capability.name), privileged));
      const concerned = evaluated.filter((_, i) => tooOld(limits[i] as Limits));
      // End-of-life targets checked as context never decide: they only add an "also fails on" note.
      const broken = deciding(concerned).filter((e) => breaks(e, direction));
      const uncertain = deciding(concerned).filter((e) => e.prediction.outcome === 'unknown');
      const legacyBroken = contextOnly(concerned).filter((e) => breaks(e, direction));
      if (broken.length === 0 && uncertain.length === 0 && legacyBroken.length === 0) continue;

      const written = name.text === capability.name ? '' : `written ${quote(name.text)}, `;
      const some = evaluated.length === 1 ? 'the target' : 'some targets';
      const where =
        owner.kind === 'values' || owner.kind === 'security-context'
          ? `this ${list.field} list`
          : `the ${list.field} list of ${ownerLabel(owner)}`;
      const onlyLegacy = broken.length === 0 && uncertain.length === 0;
      const head = onlyLegacy
        ? `${capability.name} (${written}added in Linux ${capability.kernel}) in ${where} is known to every current runtime.`
        : `${capability.name} (${written}added in Linux ${capability.kernel}) in ${where} is newer than ${some} ${broken.length > 0 ? 'can handle' : 'may know'}.`;
      const outcome = onlyLegacy ? legacyNote(evaluated, direction) : describeOutcomes(evaluated, direction);

      const kernelJudged = evaluated.some((e, i) => limits[i]?.kernel && (broken.includes(e) || uncertain.includes(e)));
      const kernelNote = kernelJudged
        ? ' Kernel versions are only a heuristic: enterprise kernels (RHEL 8’s 4.18, for example) may backport newer capabilities; /proc/sys/kernel/cap_last_cap on the node is the real answer.'
        : evaluated.some((e) => e.prediction.outcome === 'applied' && e.target.kernel === undefined)
          ? ` Where it is accepted, the node still needs Linux ${capability.kernel} or later.`
          : '';
      const notes = uncertainNotes(evaluated, limits, broken);
      const advice =
        broken.length > 0
          ? ' Upgrade the runtime or kernel of those nodes, or keep the entry off them.'
          : onlyLegacy
            ? ''
            : evaluated.length > 1
              ? ' Name the OCI runtime in the target (e.g. containerd@1.7+runc@1.1) to know.'
              : '';

      context.report({
        path: entry.path,
        problem: `${quote(name.text)}: needs Linux ${capability.kernel} and a runtime that knows it`,
        remedy:
          broken.length > 0
            ? 'upgrade those nodes or avoid them'
            : onlyLegacy
              ? `fine on current runtimes with Linux ≥${capability.kernel}`
              : 'name the OCI runtime in the target',
        explanation: `${head} ${outcome}${kernelNote}${notes}${advice}`,
        severity: chooseSeverity(
          context.severity,
          'warning',
          broken.length > 0 ? 'error' : onlyLegacy ? 'info' : 'warning',
        ),
        ...reportBase(owner),
        targets: toTargetOutcomes(evaluated),
      });
    }
  },
});

/** What the data marks as unverified about the limits that decided the outcome. */
function uncertainNotes(
  evaluated: readonly Evaluated[],
  limits: readonly Limits[],
  broken: readonly Evaluated[],
): string {
  const notes = new Set<string>();
  evaluated.forEach((e, i) => {
    const l = limits[i];
    if (!l || !broken.includes(e)) return;
    // Only the notes about which names a release knows bear on this rule.
    const relevant = (n: string) => /highest capability|known/i.test(n);
    if (l.engine) for (const n of e.target.engine?.uncertain ?? []) if (relevant(n)) notes.add(n);
    if (l.oci) for (const n of e.target.oci?.uncertain ?? []) if (relevant(n)) notes.add(n);
  });
  return notes.size > 0 ? ` Not verified: ${[...notes].join('; ')}.` : '';
}
