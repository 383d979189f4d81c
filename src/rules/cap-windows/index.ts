import { type CapabilityOwner, isMapping } from '../../core/extract.js';
import { formatPath } from '../../core/path.js';
import { WINDOWS_FACTS } from '../../knowledge/kubernetes.js';
import { compareVersions, must, type Version } from '../../knowledge/versions.js';
import { chooseSeverity, kubernetesVersions, ownerLabel, reportBase } from '../support.js';
import { defineRule } from '../types.js';

const ENFORCED = must(WINDOWS_FACTS.enforcedSince);

function isWindows(owner: CapabilityOwner): boolean {
  const os = owner.podSpec?.value.os;
  return isMapping(os) && os.name === 'windows';
}

/** The field path the API server's error names: relative to the object (a template path in controllers). */
function fieldPath(owner: CapabilityOwner): string {
  const base = owner.object?.path ?? [];
  return formatPath(owner.path.slice(base.length));
}

function subject(owner: CapabilityOwner): string {
  const kind = owner.object?.ref.kind;
  if (!kind || kind === 'Pod') return 'the pod';
  return `the ${kind} (its pod template fails validation)`;
}

const texts = (versions: readonly Version[]) => versions.map((v) => v.text).join(', ');

const GATE =
  `IdentifyPodOS: alpha and off by default in ${WINDOWS_FACTS.introduced}, beta and on by default in ` +
  `${WINDOWS_FACTS.enforcedSince}, GA in 1.25`;

export default defineRule({
  meta: {
    id: 'cap-windows',
    severity: 'error',
    description: 'Capabilities set on a Windows pod (spec.os.name: windows), where the API forbids them',
    docs: [
      'Linux capabilities mean nothing to Windows containers. Once a pod declares `spec.os.name: windows`, API',
      'validation forbids `securityContext.capabilities` in every container, init container and ephemeral',
      'container: `spec.containers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod`.',
      'For a Deployment, Job, CronJob or other controller the template fails validation, so the object itself is',
      'refused.',
      '',
      'This came with the `IdentifyPodOS` feature (KEP-2802): alpha in Kubernetes 1.23 (gate off by default),',
      'beta in 1.24 (on by default), GA in 1.25. With `--target k8s@VERSION` older than 1.24 the finding is a',
      'warning: the API server does not check it there, and the lists are simply ignored.',
      '',
      'A `capabilities` block in the pod-level securityContext of a Windows pod is reported too: that field does not',
      'exist at all (see cap-pod-level), and a Windows pod could not use it anyway.',
      '',
      'Remove the `capabilities` block. If the same template also runs on Linux nodes, keep two templates (or two',
      'Helm value sets) instead of sharing one securityContext.',
    ].join('\n'),
    fixable: false,
    citations: [...WINDOWS_FACTS.citations],
    example: {
      invalid: [
        'spec:',
        '  os: {name: windows}',
        '  containers:',
        '    - name: iis',
        '      image: mcr.microsoft.com/windows/servercore/iis',
        '      securityContext:',
        '        capabilities:',
        '          drop: [ALL]',
      ].join('\n'),
      valid: [
        'spec:',
        '  os: {name: windows}',
        '  containers:',
        '    - name: iis',
        '      image: mcr.microsoft.com/windows/servercore/iis',
      ].join('\n'),
    },
    tags: ['correctness', 'portability'],
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    const enforced = versions.filter((v) => compareVersions(v, ENFORCED) >= 0);
    const before = versions.filter((v) => compareVersions(v, ENFORCED) < 0);
    // Without a k8s target the check is assumed to run (every supported release has it).
    const rejects = versions.length === 0 || enforced.length > 0;
    const severity = chooseSeverity(context.severity, 'error', rejects ? 'error' : 'warning');
    const ignoredOn = (gate: boolean) =>
      before.length > 0
        ? ` Kubernetes ${texts(before)} does not check this by default${gate ? ` (${GATE})` : ''}; the lists are ` +
          'simply ignored there.'
        : '';

    for (const owner of context.extracted.owners) {
      if ((owner.kind !== 'container' && owner.kind !== 'pod') || !isWindows(owner)) continue;
      let message: string;
      if (owner.kind === 'pod') {
        message =
          'spec.os.name is windows, and Windows containers have no Linux capabilities. This block also sits in the ' +
          'pod-level securityContext, which has no capabilities field at all, so it is never applied (see ' +
          'cap-pod-level). Remove it.';
      } else {
        const where = enforced.length > 0 ? `on Kubernetes ${texts(enforced)}, the` : 'the';
        const head = rejects
          ? `spec.os.name is windows: ${where} API server rejects ${subject(owner)} ` +
            `with \`${fieldPath(owner)}: ${WINDOWS_FACTS.message}\` (from Kubernetes ${WINDOWS_FACTS.enforcedSince}; ${GATE}).`
          : `spec.os.name is windows, so ${ownerLabel(owner)} cannot use Linux capabilities: Windows containers have none.`;
        message = `${head}${ignoredOn(!rejects)} Remove the capabilities block of ${ownerLabel(owner)}.`;
      }
      context.report({
        path: owner.path,
        problem: 'capabilities in a Windows pod (spec.os.name: windows)',
        consequence:
          owner.kind === 'container' && rejects ? 'API server rejects it' : 'Windows containers have no capabilities',
        remedy: 'remove the capabilities block',
        explanation: message,
        severity,
        ...reportBase(owner),
      });
    }
  },
});
