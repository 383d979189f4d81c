import { type CapabilityOwner, type ContainerInfo, isMapping } from '../../core/extract.js';
import { formatPath } from '../../core/path.js';
import type { Fix, PathEdit } from '../../core/types.js';
import { POD_LEVEL_FACTS } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import { compareVersions, must, type Version } from '../../knowledge/versions.js';
import { kubernetesVersions, reportBase } from '../support.js';
import { defineRule } from '../types.js';

const STRICT_SINCE = must(POD_LEVEL_FACTS.strictSince);
const FIELD = 'spec.securityContext.capabilities';

/** The field path the API server names: the pod's own, or the template's inside a controller. */
function fieldPath(owner: CapabilityOwner): string {
  const base = owner.object?.path ?? [];
  const inside = owner.path.slice(base.length);
  return inside.length > 0 ? formatPath(inside) : FIELD;
}

function joinVersions(versions: readonly Version[]): string {
  return versions.map((v) => v.text).join(', ');
}

/** What the API server and kubectl do with the unknown field, as precisely as the targets allow. */
function fate(field: string, versions: readonly Version[]): string {
  const strict = POD_LEVEL_FACTS.strictMessage.replace(FIELD, field);
  const refused = `kubectl ${POD_LEVEL_FACTS.kubectlStrictSince}+ refuses it with its default --validate=strict (\`${strict}\`)`;
  const warned = `other API clients get the warning \`unknown field "${field}"\` and the field is dropped`;
  if (versions.length === 0) {
    return (
      `Depending on client and server it is dropped silently (API servers before ${POD_LEVEL_FACTS.strictSince}, ` +
      `fieldValidation=Ignore, clients that do not validate), dropped with the warning \`unknown field "${field}"\` ` +
      `(${POD_LEVEL_FACTS.strictSince}+ servers, the default for plain API clients), or refused (kubectl ` +
      `${POD_LEVEL_FACTS.kubectlStrictSince}+ with its default --validate=strict against a ` +
      `${POD_LEVEL_FACTS.strictSince}+ server: \`${strict}\`).`
    );
  }
  const old = versions.filter((v) => compareVersions(v, STRICT_SINCE) < 0);
  const current = versions.filter((v) => compareVersions(v, STRICT_SINCE) >= 0);
  const parts: string[] = [];
  if (old.length > 0) {
    parts.push(
      `On Kubernetes ${joinVersions(old)} the API server drops it without a word (server-side field validation is on ` +
        `by default only from ${POD_LEVEL_FACTS.strictSince}); only a client that validates the manifest itself may object.`,
    );
  }
  if (current.length > 0) parts.push(`On Kubernetes ${joinVersions(current)} ${refused}; ${warned}.`);
  return parts.join(' ');
}

function containerNames(containers: readonly ContainerInfo[]): string {
  const label: Record<ContainerInfo['group'], string> = {
    containers: '',
    initContainers: 'init container ',
    ephemeralContainers: 'ephemeral container ',
  };
  const names = containers.map((c) => `${label[c.group]}"${c.name ?? '?'}"`);
  return names.length > 0 ? names.join(', ') : 'none (the pod spec lists no containers)';
}

function listed(owner: CapabilityOwner, direction: 'add' | 'drop'): string | undefined {
  const list = owner.lists.find((l) => l.direction === direction);
  if (!list || list.entries.length === 0) return undefined;
  return `${direction}: [${list.entries.map((e) => String(e.value)).join(', ')}]`;
}

export default defineRule({
  meta: {
    id: 'cap-pod-level',
    severity: 'error',
    description: 'Capabilities set in the pod-level securityContext, which has no such field',
    docs: [
      'Capabilities are a per-container setting: `spec.containers[*].securityContext.capabilities` (and the same in',
      'initContainers and ephemeralContainers). The pod-level `spec.securityContext` (PodSecurityContext) has no',
      '`capabilities` field, so lists written there never reach any container: an `add` grants nothing and, worse,',
      'a `drop: [ALL]` drops nothing while looking like hardening.',
      '',
      'What you see depends on the client and the API server:',
      '',
      '- API servers before 1.25 (server-side field validation off by default), `fieldValidation=Ignore`, and clients',
      '  that do not validate: the field is dropped silently.',
      '- API servers 1.25+ with plain API clients: the field is dropped with the warning',
      '  `unknown field "spec.securityContext.capabilities"`.',
      '- kubectl 1.24+ (default `--validate=strict`) against a 1.25+ server: the request is refused with',
      '  `strict decoding error: unknown field "spec.securityContext.capabilities"`.',
      '',
      'With `--target k8s@VERSION` the message says which case applies. Write the lists in the securityContext of',
      'each container that needs them; the message names the containers of the pod. `capdoctor fix` moves them:',
      'it removes the pod-level field and merges the lists into every container (init and ephemeral ones',
      'included), adding only the names a container does not list yet. Review the result: a container that',
      'does not need an added capability should not keep it.',
    ].join('\n'),
    fixable: 'safe',
    citations: [...POD_LEVEL_FACTS.citations],
    example: {
      invalid: [
        'spec:',
        '  securityContext:',
        '    runAsNonRoot: true',
        '    capabilities:',
        '      drop: [ALL]',
        '  containers:',
        '    - name: app',
        '      image: example/app:1',
      ].join('\n'),
      valid: [
        'spec:',
        '  securityContext:',
        '    runAsNonRoot: true',
        '  containers:',
        '    - name: app',
        '      image: example/app:1',
        '      securityContext:',
        '        capabilities:',
        '          drop: [ALL]',
      ].join('\n'),
    },
    tags: ['security', 'correctness'],
  },
  check(context) {
    const versions = kubernetesVersions(context.targets);
    for (const owner of context.extracted.owners) {
      if (owner.kind !== 'pod') continue;
      const field = fieldPath(owner);
      const add = listed(owner, 'add');
      const drop = listed(owner, 'drop');
      const lost = [add && `${add} grants nothing`, drop && `${drop} removes nothing from any container`].filter(
        Boolean,
      );
      const effect = lost.length > 0 ? `: ${lost.join('; ')}` : '';
      const move = moveToContainers(owner);
      context.report({
        path: owner.path,
        problem: 'capabilities in the pod-level securityContext',
        consequence: 'never reach a container (no such field there)',
        remedy: 'move them into each container',
        explanation:
          `The pod-level securityContext (PodSecurityContext) has no capabilities field. ${fate(field, versions)} ` +
          `Either way the lists never reach a container${effect}. Set them in the securityContext of each ` +
          `container that needs them: ${containerNames(owner.podSpec?.containers ?? [])}.`,
        ...reportBase(owner),
        ...(move ? { fix: move } : {}),
      });
    }
  },
});

/**
 * The fix: remove the pod-level lists and merge them into every container's securityContext.
 * Undefined when some container's securityContext is not a plain mapping (nothing safe to merge into).
 */
function moveToContainers(owner: CapabilityOwner): Fix | undefined {
  const spec = owner.podSpec;
  const podContext = owner.securityContext;
  if (!spec || !podContext || !owner.securityContextPath) return undefined;
  const lists: Partial<Record<'add' | 'drop', string[]>> = {};
  for (const list of owner.lists) {
    const names = list.entries.map((e) => e.value).filter((v): v is string => typeof v === 'string');
    if (names.length > 0) lists[list.direction] = names;
  }
  const edits: PathEdit[] = [];
  // An emptied pod securityContext would become null; remove it whole instead.
  edits.push({
    kind: 'remove-key',
    path: Object.keys(podContext).length === 1 ? owner.securityContextPath : owner.path,
  });
  for (const container of spec.containers) {
    const context = container.value.securityContext;
    const contextPath = [...container.path, 'securityContext'];
    if (context === undefined) {
      if (Object.keys(lists).length > 0)
        edits.push({ kind: 'add-key', path: contextPath, value: { capabilities: lists } });
      continue;
    }
    if (!isMapping(context)) return undefined;
    const caps = context.capabilities;
    if (caps === undefined) {
      if (Object.keys(lists).length > 0)
        edits.push({ kind: 'add-key', path: [...contextPath, 'capabilities'], value: lists });
      continue;
    }
    if (!isMapping(caps)) return undefined;
    for (const direction of ['add', 'drop'] as const) {
      const names = lists[direction];
      if (!names) continue;
      const path = [...contextPath, 'capabilities', direction];
      const existing = caps[direction];
      if (existing === undefined) {
        edits.push({ kind: 'add-key', path, value: names });
        continue;
      }
      if (!Array.isArray(existing)) return undefined;
      const have = new Set(existing.map((v) => analyzeName(v).bare));
      const missing = names.filter((n) => !have.has(analyzeName(n).bare));
      if (missing.length > 0) edits.push({ kind: 'append-items', path, values: missing });
    }
  }
  const names = spec.containers.map((c) => `"${c.name ?? '?'}"`).join(', ');
  return { description: `move the pod-level capabilities into the containers (${names})`, edits };
}
