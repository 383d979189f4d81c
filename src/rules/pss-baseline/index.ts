import { PSS_BASELINE_ALLOWED_ADD, PSS_FACTS } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import { admissionScope, replaceWith, reportBase, sharedText } from '../support.js';
import { defineRule } from '../types.js';

const ALLOWED_LIST = [...PSS_BASELINE_ALLOWED_ADD].sort().join(', ');

/** Go's %q for the strings PSA prints; other YAML values are shown as JSON. */
function shown(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : (value ?? null));
}

/** What Pod Security admission says, around the container's name (which differs from finding to finding). */
function psaDetail(value: unknown): [before: string, after: string] {
  return [
    'Pod Security baseline: non-default capabilities (container ',
    ` must not include ${shown(value)} in securityContext.capabilities.add).`,
  ];
}

export default defineRule({
  meta: {
    id: 'pss-baseline',
    severity: 'warning',
    description: 'Added capability that Pod Security baseline refuses because of its spelling (or at all, with --pss)',
    docs: [
      'By default this rule reports only what no policy engine tells you: an entry that baseline refuses **because of',
      'its spelling** (`CAP_CHOWN`, `chown`), although the capability itself is allowed. An entry above baseline in any',
      'spelling (`NET_ADMIN`, `SYS_ADMIN`) is a policy question that node agents answer by running in a namespace',
      'labelled for the privileged level; it is reported only when a level is selected: `--pss baseline` or',
      '`--pss restricted` on the command line, `pss: baseline` in `.capdoctor.yaml`, or `pss` in the library options.',
      '',
      'The Pod Security Standards **baseline** level (Pod Security admission, Kubernetes 1.22+; beta and on by default',
      'in 1.23, stable in 1.25) lets a container add only these capabilities, compared as exact, case-sensitive strings:',
      '',
      `\`${ALLOWED_LIST.split(', ').join('`, `')}\`.`,
      '',
      'The check is the same at every policy version, covers containers, initContainers and ephemeralContainers, and',
      'ignores `drop`. Because it compares text, `CAP_CHOWN`, `chown` and `Chown` are refused although `CHOWN` is',
      'allowed: for those the message says the spelling is the only problem, and the safe fix writes the canonical name.',
      '',
      '`NET_RAW` surprises people: Docker and containerd grant it by default (so do CRI-O before 1.18 and Podman',
      'before 4.4), but baseline does not allow listing it in `add`.',
      '',
      'Admission enforces on Pods. For a Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet,',
      'ReplicationController or PodTemplate it only warns and audits, and the Pods the controller creates are refused',
      'where baseline is enforced. Only real pod specs are checked (not Helm values, PodSecurityPolicy or compose).',
      '',
      'Write the canonical name of an allowed capability, or remove the capability, or run the workload in a namespace',
      'labelled for the privileged level if it really needs more.',
    ].join('\n'),
    fixable: 'safe',
    citations: [
      ...PSS_FACTS.baseline.citations,
      'kubernetes/pod-security-admission:policy/visitor.go (containers, initContainers, ephemeralContainers)',
      'kubernetes/pod-security-admission:admission/admission.go (defaultPodSpecResources, ValidatePodController)',
      'moby/moby@v20.10.0:oci/caps/defaults.go',
      'containerd/containerd@v2.0.0:pkg/oci/spec.go defaultUnixCaps',
      'cri-o/cri-o commit 63b9f4ec98 (PR #3119: NET_RAW leaves the default set in 1.18)',
      'containers/common commit a3328f26 (v0.51.0: minimal default set without NET_RAW)',
      PSS_FACTS.docs,
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [CAP_CHOWN, SYS_ADMIN]',
      valid: 'securityContext:\n  capabilities:\n    add: [CHOWN]',
    },
    tags: ['security', 'pod-security'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      if (owner.kind !== 'container') continue;
      const scope = admissionScope(owner.object?.ref.kind, 'baseline');
      for (const list of owner.lists) {
        if (list.direction !== 'add') continue;
        for (const entry of list.entries) {
          if (typeof entry.value === 'string' && PSS_BASELINE_ALLOWED_ADD.has(entry.value)) continue;
          const name = analyzeName(entry.value);
          // A name that is no capability at all is cap-unknown's finding: the typo is the true cause.
          if (!name.capability && !name.isAll) continue;
          const container = JSON.stringify(owner.container?.name ?? '');
          const base = { path: entry.path, severity: context.severity, ...reportBase(owner) };
          const allowed = name.capability && PSS_BASELINE_ALLOWED_ADD.has(name.capability.name);
          if (name.text !== undefined && name.capability && allowed) {
            const canonical = name.capability.name;
            context.report({
              ...base,
              problem: `${shown(name.text)}: spelling refused by Pod Security baseline`,
              consequence: `${canonical} itself is allowed`,
              // The container's name is the only part that differs between entries written alike.
              explanation: [
                sharedText(`pss-baseline\u0000spelling\u0000${name.text}\u0000${canonical}`, () => {
                  const [before] = psaDetail(entry.value);
                  return `${shown(name.text)} is refused by baseline only because of its spelling: PSA compares exactly; ${canonical} itself is allowed. ${before}`;
                }),
                container,
                sharedText(`pss-baseline\u0000spelling after\u0000${name.text}\u0000${canonical}\u0000${scope}`, () => {
                  const [, after] = psaDetail(entry.value);
                  return `${after}${scope} Write ${canonical}.`;
                }),
              ],
              fix: replaceWith(entry.path, canonical, `replace ${shown(name.text)} with ${canonical}`),
            });
            continue;
          }
          // Above baseline whatever the spelling: a policy question, only when a level is selected
          // (node agents need NET_ADMIN or SYS_ADMIN and run in namespaces labelled privileged).
          if (!context.pss) continue;
          let what: string;
          if (name.capability && name.text !== name.capability.name) {
            what = `${shown(name.text)} (${name.capability.name}, refused in any spelling)`;
          } else if (name.isAll && name.text !== 'ALL') what = `${shown(name.text)} (ALL, refused in any spelling)`;
          else what = shown(name.text);
          let why = '';
          if (name.capability?.name === 'NET_RAW') {
            why =
              ' NET_RAW is in the default set of Docker and containerd (and of CRI-O before 1.18 and Podman before 4.4),' +
              ' so containers there usually have it without asking, but baseline does not allow adding it.';
          } else if (name.isAll) {
            why = ' Adding ALL asks for every capability.';
          }
          context.report({
            ...base,
            problem: `${shown(name.text)}: not allowed by Pod Security baseline`,
            consequence: 'refused where baseline is enforced',
            remedy: 'remove it or use a privileged namespace',
            explanation: `${what} is not in the baseline allow-list (${ALLOWED_LIST}).${why} ${psaDetail(entry.value).join(container)}${scope}`,
          });
        }
      }
    }
  },
});
