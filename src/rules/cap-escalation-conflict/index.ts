import type { Mapping } from '../../core/extract.js';
import type { ObjectRef, Path } from '../../core/types.js';
import { API_SYS_ADMIN_CHECK } from '../../knowledge/kubernetes.js';
import { analyzeName } from '../../knowledge/names.js';
import { compareVersions, must, type Version } from '../../knowledge/versions.js';
import { chooseSeverity, kubernetesVersions, quote, reportBase } from '../support.js';
import { defineRule } from '../types.js';

const SINCE = must(API_SYS_ADMIN_CHECK.since);
const LITERAL = 'CAP_SYS_ADMIN';

/** Which targeted Kubernetes versions run the check; no version given means a current one. */
interface ApiCheck {
  rejects: boolean;
  /** Sentence start up to "API server", naming the versions when k8s targets are given. */
  where: string;
  /** Versions that predate the check, when some were targeted. */
  before: Version[];
}

function apiCheck(versions: readonly Version[]): ApiCheck {
  const enforced = versions.filter((v) => compareVersions(v, SINCE) >= 0);
  const before = versions.filter((v) => compareVersions(v, SINCE) < 0);
  return {
    rejects: versions.length === 0 || enforced.length > 0,
    where: enforced.length > 0 ? `On Kubernetes ${enforced.map((v) => v.text).join(', ')}, the` : 'The',
    before,
  };
}

/** What the API server refuses: the object that carries the securityContext. */
function subject(object: ObjectRef | undefined, inPodSpec: boolean): string {
  if (!inPodSpec) return 'any pod that receives this securityContext';
  if (!object?.kind || object.kind === 'Pod') return 'the pod';
  return `the ${object.kind} (its pod template fails validation)`;
}

function oldNote(check: ApiCheck): string {
  return check.before.length > 0
    ? ` Kubernetes ${check.before.map((v) => v.text).join(', ')} predates the check (added in ${API_SYS_ADMIN_CHECK.since}) and accepts it.`
    : '';
}

interface Context {
  mapping: Mapping;
  path: Path;
  object?: ObjectRef;
  container?: string;
  inPodSpec: boolean;
}

export default defineRule({
  meta: {
    id: 'cap-escalation-conflict',
    severity: 'warning',
    description: 'allowPrivilegeEscalation: false next to SYS_ADMIN, ALL or privileged: true',
    docs: [
      '`allowPrivilegeEscalation: false` makes the kubelet set no_new_privs, which stops setuid binaries and file',
      'capabilities from raising privileges. It does nothing about capabilities the container already holds, so',
      'combining it with SYS_ADMIN, with ALL, or with `privileged: true` is a contradiction.',
      '',
      '- `privileged: true` with `allowPrivilegeEscalation: false`: the API server has rejected this since',
      '  Kubernetes 1.8 (`cannot set allowPrivilegeEscalation to false and privileged to true`). Reported as an error.',
      '- The literal string `CAP_SYS_ADMIN` in `add`: rejected the same way since 1.8',
      '  (`cannot set allowPrivilegeEscalation to false and capabilities.Add CAP_SYS_ADMIN`). Reported as an error.',
      '  Kubernetes PR #138834 relaxes this check in two steps. Its first release, 1.37 (inferred from release notes; the',
      '  code was not read), accepts the combination only on updates of existing pods and still rejects new ones, so',
      '  this stays an error there. Accepting new pods is left to a later release, not yet made by 1.38.0-alpha.1.',
      '- `SYS_ADMIN` in any other spelling (`SYS_ADMIN`, `sys_admin`, `cap_sys_admin`…) or `ALL`: the check compares',
      '  only that exact string, so the pod is accepted, and it runs with no_new_privs while holding SYS_ADMIN (or',
      '  every capability). The setting then promises more than it gives (kubernetes/kubernetes#119568, #131336).',
      '  Reported with the configured severity.',
      '',
      'With `--target k8s@VERSION` older than 1.8 the API cases are reported as contradictions only.',
      'Grant the narrower capabilities the container really needs instead of SYS_ADMIN or ALL, and do not mark a',
      'container both privileged and non-escalating: decide which one it is.',
    ].join('\n'),
    fixable: false,
    citations: [
      ...API_SYS_ADMIN_CHECK.citations,
      'kubernetes/kubernetes#115142',
      ...API_SYS_ADMIN_CHECK.relaxationCitations,
    ],
    example: {
      invalid: [
        'securityContext:',
        '  allowPrivilegeEscalation: false',
        '  capabilities:',
        '    add: [CAP_SYS_ADMIN]',
      ].join('\n'),
      valid: [
        'securityContext:',
        '  allowPrivilegeEscalation: false',
        '  capabilities:',
        '    add: [NET_BIND_SERVICE]',
        '    drop: [ALL]',
      ].join('\n'),
    },
    tags: ['security', 'correctness'],
  },
  check(context) {
    const check = apiCheck(kubernetesVersions(context.targets));

    for (const owner of context.extracted.owners) {
      if (owner.kind !== 'container' && owner.kind !== 'security-context') continue;
      if (owner.securityContext?.allowPrivilegeEscalation !== false) continue;
      const inPodSpec = owner.kind === 'container';
      for (const list of owner.lists) {
        if (list.direction !== 'add') continue;
        for (const entry of list.entries) {
          const name = analyzeName(entry.value);
          if (entry.value === LITERAL) {
            const rejected = check.rejects;
            const head = rejected
              ? `${check.where} API server rejects ${subject(owner.object?.ref, inPodSpec)}: ${API_SYS_ADMIN_CHECK.message} (since Kubernetes ${API_SYS_ADMIN_CHECK.since}).`
              : `The combination of allowPrivilegeEscalation: false and "${LITERAL}" in add is contradictory.`;
            context.report({
              path: entry.path,
              problem: `"${LITERAL}" in add with allowPrivilegeEscalation: false`,
              consequence: rejected
                ? `API server rejects it (Kubernetes ≥${API_SYS_ADMIN_CHECK.since})`
                : 'contradictory settings',
              remedy: 'grant narrower capabilities',
              explanation:
                `${head}${oldNote(check)} The check matches only this exact ` +
                `spelling: SYS_ADMIN would pass it, yet no_new_privs does not hold back a process that already has ` +
                `SYS_ADMIN (kubernetes/kubernetes#119568). Grant the narrower capabilities the container needs ` +
                `instead. Note: ${API_SYS_ADMIN_CHECK.relaxation}.`,
              severity: chooseSeverity(context.severity, 'warning', rejected ? 'error' : 'warning'),
              ...reportBase(owner),
            });
            continue;
          }
          // Padded names reach no runtime intact, and CAP_ALL is not ALL to any runtime: neither grants anything.
          const sysAdmin = isSysAdmin(name) && !name.padded;
          const all = name.isAll && name.prefixes === 0 && !name.padded;
          if (!sysAdmin && !all) continue;
          const what = name.isAll ? 'ALL (every capability, SYS_ADMIN included)' : spelledSysAdmin(name.text ?? '');
          context.report({
            path: entry.path,
            problem: `${name.isAll ? 'ALL' : quote(name.text ?? '')} in add with allowPrivilegeEscalation: false`,
            consequence: `no_new_privs does not limit ${name.isAll ? 'every capability' : 'SYS_ADMIN'}`,
            remedy: 'grant narrower capabilities',
            explanation:
              `allowPrivilegeEscalation: false next to ${what} in add is contradictory. The API server accepts it ` +
              `(its check matches only the literal "${LITERAL}"), and the container then runs with no_new_privs ` +
              `while holding ${name.isAll ? 'every capability' : 'SYS_ADMIN'}: no_new_privs only stops setuid ` +
              `binaries and file capabilities, so forbidding escalation promises more than it gives ` +
              `(kubernetes/kubernetes#119568, #131336). Grant the narrower capabilities the container needs instead.`,
            severity: context.severity,
            ...reportBase(owner),
          });
        }
      }
    }

    // privileged + allowPrivilegeEscalation: false, in every container (capabilities or not).
    const contexts = new Map<string, Context>();
    const contradictory = (mapping: Mapping) =>
      mapping.privileged === true && mapping.allowPrivilegeEscalation === false;
    for (const spec of context.extracted.podSpecs) {
      for (const container of spec.containers) {
        if (!container.securityContext || !contradictory(container.securityContext)) continue;
        const c: Context = {
          mapping: container.securityContext,
          path: [...container.path, 'securityContext'],
          inPodSpec: true,
        };
        if (spec.object) c.object = spec.object.ref;
        if (container.name !== undefined) c.container = container.name;
        contexts.set(JSON.stringify(c.path), c);
      }
    }
    for (const owner of context.extracted.owners) {
      if (owner.kind !== 'security-context' || !owner.securityContext || !owner.securityContextPath) continue;
      if (!contradictory(owner.securityContext)) continue;
      const c: Context = { mapping: owner.securityContext, path: owner.securityContextPath, inPodSpec: false };
      if (owner.object) c.object = owner.object.ref;
      contexts.set(JSON.stringify(c.path), c);
    }
    for (const c of contexts.values()) {
      const rejected = check.rejects;
      const head = rejected
        ? `${check.where} API server rejects ${subject(c.object, c.inPodSpec)}: ${API_SYS_ADMIN_CHECK.privilegedMessage} (since Kubernetes ${API_SYS_ADMIN_CHECK.since}).`
        : 'The combination of privileged: true and allowPrivilegeEscalation: false is contradictory.';
      const report: Parameters<typeof context.report>[0] = {
        path: [...c.path, 'allowPrivilegeEscalation'],
        problem: 'privileged: true with allowPrivilegeEscalation: false',
        consequence: rejected
          ? `API server rejects it (Kubernetes ≥${API_SYS_ADMIN_CHECK.since})`
          : 'contradictory settings',
        remedy: 'remove one (better: privileged)',
        explanation:
          `${head}${oldNote(check)} A privileged container holds ` +
          `every capability and can always escalate, so the two settings contradict each other: keep ` +
          `privileged: true and remove allowPrivilegeEscalation: false, or (better) drop privileged: true and grant ` +
          `only the capabilities the container needs.`,
        severity: chooseSeverity(context.severity, 'warning', rejected ? 'error' : 'warning'),
      };
      if (c.object) report.object = c.object;
      if (c.container !== undefined) report.container = c.container;
      context.report(report);
    }
  },
});

function isSysAdmin(name: ReturnType<typeof analyzeName>): boolean {
  return name.capability?.name === 'SYS_ADMIN';
}

function spelledSysAdmin(text: string): string {
  return text === 'SYS_ADMIN' ? 'SYS_ADMIN' : `${quote(text)} (SYS_ADMIN, if the runtime accepts this spelling)`;
}
