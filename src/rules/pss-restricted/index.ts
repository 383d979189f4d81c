import { type ContainerInfo, isMapping, type PodSpecInfo } from '../../core/extract.js';
import type { ObjectRef, Path, PathEdit } from '../../core/types.js';
import { PSS_FACTS, PSS_RESTRICTED_ALLOWED_ADD } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import { compareVersions, must } from '../../knowledge/versions.js';
import { admissionScope, kubernetesVersions, replaceWith } from '../support.js';
import { defineRule } from '../types.js';

const ALL = 'ALL';
const NET_BIND_SERVICE = 'NET_BIND_SERVICE';

function shown(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : (value ?? null));
}

function isWindows(spec: PodSpecInfo): boolean {
  const os = spec.value.os;
  return isMapping(os) && os.name === 'windows';
}

const dropDetail = (name: string) =>
  `Pod Security restricted: unrestricted capabilities (container ${JSON.stringify(name)} must set securityContext.capabilities.drop=["ALL"]).`;

const addDetail = (name: string, value: unknown) =>
  `Pod Security restricted: unrestricted capabilities (container ${JSON.stringify(name)} must not include ${shown(value)} in securityContext.capabilities.add).`;

/** Where a missing `drop: [ALL]` is reported: the deepest node that exists, or the container's name. */
/** Where a missing `drop: [ALL]` is reported, why, and the edit that would add it (when one is placeable). */
function missingDrop(container: ContainerInfo): { path: Path; why: string; edit?: PathEdit } {
  const named = container.value.name !== undefined ? [...container.path, 'name'] : container.path;
  const contextPath = [...container.path, 'securityContext'];
  if (!('securityContext' in container.value)) {
    const edit: PathEdit = { kind: 'add-key', path: contextPath, value: { capabilities: { drop: [ALL] } } };
    return { path: named, why: 'it has no securityContext', edit };
  }
  const context = container.value.securityContext;
  // A missing child is located at its parent's key, which is where the line belongs.
  if (!isMapping(context) || !('capabilities' in context)) {
    const why = 'its securityContext sets no capabilities';
    const path = [...contextPath, 'capabilities'];
    return isMapping(context) ? { path, why, edit: { kind: 'add-key', path, value: { drop: [ALL] } } } : { path, why };
  }
  const capsPath = [...contextPath, 'capabilities'];
  const caps = context.capabilities;
  const dropPath = [...capsPath, 'drop'];
  if (!isMapping(caps) || !('drop' in caps)) {
    const why = 'capabilities has no drop list';
    return isMapping(caps)
      ? { path: dropPath, why, edit: { kind: 'add-key', path: dropPath, value: [ALL] } }
      : { path: dropPath, why };
  }
  const drop = caps.drop;
  if (!Array.isArray(drop)) return { path: dropPath, why: 'drop is not a list' };
  const edit: PathEdit = { kind: 'append-items', path: dropPath, values: [ALL] };
  if (drop.length === 0) return { path: dropPath, why: 'its drop list is empty', edit };
  return { path: dropPath, why: `its drop list (${drop.map(shown).join(', ')}) does not contain ALL`, edit };
}

export default defineRule({
  meta: {
    id: 'pss-restricted',
    severity: 'info',
    description: 'Container that Pod Security restricted refuses: drop must hold ALL, add only NET_BIND_SERVICE',
    docs: [
      'The Pod Security Standards **restricted** level (Pod Security admission, Kubernetes 1.22+) requires every',
      'container, initContainer and ephemeralContainer to list the exact string `ALL` in',
      '`securityContext.capabilities.drop`, and allows `add` to hold only the exact string `NET_BIND_SERVICE`.',
      'Names are compared as text: `drop: [all]` or `[CAP_ALL]` counts as not dropping ALL, and `net_bind_service` or',
      '`CAP_NET_BIND_SERVICE` in `add` is refused. For those the message says the spelling is the only problem.',
      'A container without a securityContext or without capabilities also fails.',
      '',
      'From policy version v1.25, pods with `spec.os.name: windows` are exempt; policy versions v1.22–v1.24 check them',
      'too (the policy version comes from the namespace label `pod-security.kubernetes.io/<mode>-version`, default',
      '`latest`). The rule skips Windows pods unless a `k8s@` target older than 1.25 is given.',
      '',
      'Admission enforces on Pods; for Deployments and other workload templates it only warns and audits, and the',
      'Pods are refused where restricted is enforced. Restricted is opt-in for most namespaces, so the default severity',
      'is `info`.',
      '',
      'Write `drop: [ALL]` and add back only `NET_BIND_SERVICE` if the container binds a port below 1024.',
      'Suggestions (applied only with `--unsafe`) replace a mis-spelled ALL or NET_BIND_SERVICE and remove other added',
      'capabilities; a missing drop list has no automatic edit.',
    ].join('\n'),
    fixable: 'suggestion',
    optIn: true,
    pssLevel: 'restricted',
    citations: [
      ...PSS_FACTS.restricted.citations,
      'kubernetes/pod-security-admission:policy/visitor.go (containers, initContainers, ephemeralContainers)',
      'kubernetes/pod-security-admission:admission/admission.go (defaultPodSpecResources, ValidatePodController)',
      'kubernetes/pod-security-admission commit 62a5474 (Windows pods exempt from policy v1.25)',
      PSS_FACTS.docs,
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN]\n    drop: [all]',
      valid: 'securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n    drop: [ALL]',
    },
    tags: ['security', 'pod-security'],
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    const oldPolicy = versions.find((v) => compareVersions(v, must(PSS_FACTS.restricted.windowsExemptSince)) < 0);
    for (const spec of context.extracted.podSpecs) {
      const windows = isWindows(spec);
      if (windows && !oldPolicy) continue;
      const scope = admissionScope(spec.object?.ref.kind, 'restricted');
      const note = windows
        ? ` This is a Windows pod: policy versions before v${PSS_FACTS.restricted.windowsExemptSince} (Kubernetes ${oldPolicy?.text} by the target) still check it; from v${PSS_FACTS.restricted.windowsExemptSince} it is exempt.`
        : '';
      for (const container of spec.containers) {
        const name = container.name ?? '';
        const label =
          container.name !== undefined
            ? `Container ${JSON.stringify(name)}`
            : `The unnamed container ${container.group}[${container.path[container.path.length - 1]}]`;
        const base: { severity: typeof context.severity; object?: ObjectRef; container?: string } = {
          severity: context.severity,
        };
        if (spec.object) base.object = spec.object.ref;
        if (container.name !== undefined) base.container = container.name;
        const caps = isMapping(container.securityContext?.capabilities)
          ? container.securityContext.capabilities
          : undefined;
        const capsPath = [...container.path, 'securityContext', 'capabilities'];
        const drop = caps?.drop;
        const dropsAll = Array.isArray(drop) && drop.includes(ALL);
        if (!dropsAll) {
          const variantIndex = Array.isArray(drop)
            ? drop.findIndex((v) => typeof v === 'string' && analyzeName(v).isAll)
            : -1;
          const variant = Array.isArray(drop) ? (drop[variantIndex] as string | undefined) : undefined;
          if (variant !== undefined) {
            const path = [...capsPath, 'drop', variantIndex];
            context.report({
              ...base,
              path,
              problem: `${shown(variant)}: not the exact ALL Pod Security restricted needs`,
              consequence: 'refused where restricted is enforced',
              remedy: 'write ALL',
              explanation: `${shown(variant)} does not satisfy restricted: restricted requires the exact string ALL; ${shown(variant)} is treated as not dropping all. ${dropDetail(name)}${scope}${note}`,
              suggestion: replaceWith(path, ALL, `replace ${shown(variant)} with ALL`),
            });
          } else {
            const { path, why, edit } = missingDrop(container);
            context.report({
              ...base,
              path,
              problem: `${label.replace(/^Container/, 'container').replace(/^The/, 'the')} does not drop ALL`,
              consequence: 'refused where Pod Security restricted is enforced',
              remedy: 'add ALL to capabilities.drop',
              explanation: `${label} does not drop ALL capabilities: ${why}, and restricted requires securityContext.capabilities.drop to contain ALL. ${dropDetail(name)}${scope}${note}`,
              // Dropping ALL removes what the container may rely on: a suggestion, never applied silently.
              ...(edit
                ? { suggestion: { description: `drop ALL in container ${JSON.stringify(name)}`, edits: [edit] } }
                : {}),
            });
          }
        }
        const add = caps?.add;
        if (!Array.isArray(add)) continue;
        add.forEach((value, index) => {
          if (typeof value === 'string' && PSS_RESTRICTED_ALLOWED_ADD.has(value)) return;
          const path = [...capsPath, 'add', index];
          const parsed = analyzeName(value);
          if (parsed.text !== undefined && parsed.capability?.name === NET_BIND_SERVICE) {
            context.report({
              ...base,
              path,
              problem: `${shown(value)}: spelling refused by Pod Security restricted`,
              consequence: 'PSA allows adding only the exact NET_BIND_SERVICE',
              remedy: 'write NET_BIND_SERVICE',
              explanation: `${shown(value)} is refused by restricted only because of its spelling: PSA compares exactly and allows adding only the exact string NET_BIND_SERVICE. ${addDetail(name, value)}${scope}${note}`,
              suggestion: replaceWith(path, NET_BIND_SERVICE, `replace ${shown(value)} with NET_BIND_SERVICE`),
            });
            return;
          }
          const canonical = parsed.capability?.name ?? (parsed.isAll ? ALL : undefined);
          const what = canonical !== undefined && canonical !== value ? `${shown(value)} (${canonical})` : shown(value);
          context.report({
            ...base,
            path,
            problem: `${shown(value)}: not allowed by Pod Security restricted (only NET_BIND_SERVICE is)`,
            consequence: 'refused where restricted is enforced',
            remedy: 'remove it',
            explanation: `${what}: restricted allows adding only NET_BIND_SERVICE. ${addDetail(name, value)}${scope}${note}`,
          });
        });
      }
    }
  },
});
