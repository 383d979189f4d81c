import type { CapabilityList, CapabilityOwner } from '../../core/extract.js';
import type { Severity } from '../../core/types.js';
import { CAPABILITIES } from '../../knowledge/capabilities.js';
import { NAME_HANDLING_CITATIONS, PSP_FACTS } from '../../knowledge/kubernetes.js';
import { analyzeName, suggestNames } from '../../knowledge/names.js';
import {
  breaks,
  chooseSeverity,
  describeOutcomes,
  evaluate,
  isPrivileged,
  joinAnd,
  policyName,
  quote,
  replaceWith,
  reportBase,
  targetsFor,
  toTargetOutcomes,
} from '../support.js';
import { defineRule, type RuleContext } from '../types.js';

const ID = 'cap-unknown';
const DEFAULT_SEVERITY: Severity = 'error';

/** The capabilities the other entries of the list already name, so that a guess does not repeat one. */
function listedNames(list: CapabilityList, except: number): Set<string> {
  const names = new Set<string>();
  list.entries.forEach((entry, i) => {
    const name = analyzeName(entry.value).capability?.name;
    if (i !== except && name !== undefined) names.add(name);
  });
  return names;
}

/** Close known names, leaving out those the list already has (`SYS_NET_ADMIN` next to SYS_ADMIN is NET_ADMIN). */
function guesses(bare: string, list: CapabilityList, index: number): string[] {
  const all = suggestNames(bare);
  const listed = listedNames(list, index);
  const fresh = all.filter((name) => !listed.has(name));
  return fresh.length > 0 ? fresh : all;
}

function byNumber(value: number): string | undefined {
  return Number.isInteger(value) ? CAPABILITIES.find((c) => c.number === value)?.name : undefined;
}

function describeNonString(value: unknown): string {
  if (value === null) return 'This item is empty (null), not a capability name.';
  if (typeof value === 'boolean') {
    return (
      `${value} is a boolean, not a capability name: YAML 1.1, which Kubernetes tools use to read manifests, ` +
      'turns an unquoted yes, y, on or true into true (and no, n, off or false into false).'
    );
  }
  if (typeof value === 'number') return `${value} is a number, not a capability name.`;
  if (Array.isArray(value)) return 'This item is a list, not a capability name.';
  return 'This item is a mapping, not a capability name.';
}

function numberNote(value: number, quoted: boolean): string {
  const name = byNumber(value);
  const which = name ? `Capability number ${value} is ${name}, but runtimes` : 'Runtimes';
  const quote = quoted ? '' : ` Quoting it ("${value}") would not help: it is still not a name.`;
  return `${which} behind Kubernetes look names up and do not parse numbers (only crun, run directly, does).${quote}`;
}

function checkNonString(
  context: RuleContext,
  owner: CapabilityOwner,
  path: readonly (string | number)[],
  value: unknown,
) {
  const parts = [describeNonString(value)];
  if (typeof value === 'number') parts.push(numberNote(value, false));
  if (owner.kind === 'compose') {
    parts.push('cap_add and cap_drop take capability names, written as strings.');
  } else if (value === null) {
    parts.push('What the API server stores for it (probably an empty name) has not been verified.');
  } else {
    const kind = owner.object?.ref.kind;
    parts.push(
      kind
        ? `A capability is a string in the Kubernetes API, so the API server refuses the whole ${kind} while decoding ` +
            `it ("${kind} in version … cannot be handled as a ${kind}").`
        : 'A capability is a string in the Kubernetes API, so the API server refuses the object this ends up in while decoding it.',
    );
  }
  const name = typeof value === 'number' ? byNumber(value) : undefined;
  parts.push(name ? `Write ${name}.` : 'Write the capability name as a quoted string, or remove the item.');
  context.report({
    path,
    problem:
      value === null
        ? 'empty item (null), not a capability name'
        : `${JSON.stringify(value)}: a ${Array.isArray(value) ? 'list' : typeof value === 'object' ? 'mapping' : typeof value}, not a capability name`,
    consequence:
      owner.kind === 'compose'
        ? 'not a name compose accepts'
        : value === null
          ? 'what the API server stores is not verified'
          : `API server refuses the ${owner.object?.ref.kind ?? 'object'}`,
    remedy: name ? `write ${name}` : 'write a quoted name or remove it',
    explanation: parts.join(' '),
    severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, 'error'),
    ...reportBase(owner),
    ...(name ? { suggestion: replaceWith(path, name, `replace ${String(value)} with ${name}`) } : {}),
  });
}

export default defineRule({
  meta: {
    id: ID,
    severity: DEFAULT_SEVERITY,
    description: 'Capability entry that is not a capability name: a typo, a number, a boolean, padding or `*`',
    docs: [
      'Kubernetes stores capability names as free strings, and only the container runtime decides what they mean.',
      'A name that is not a Linux capability, even after removing `CAP_` and upper-casing, breaks differently',
      'on each runtime:',
      '',
      '- Docker ≥19.03, CRI-O, containerd 1.1–1.2 and Podman refuse the container (CreateContainerError), each with',
      '  its own message, e.g. `invalid CapAdd: unknown capability: "CAP_SYS_RESOURCES"`; Docker 1.11–18.09 fails',
      '  at start (RunContainerError). This holds for `drop` too: CRI-O says `failed to drop cap CAP_X invalid',
      '  capability: CAP_X`.',
      '- containerd ≥1.3 writes the name into the OCI config unchecked: runc ≥1.0.0-rc94 only logs a warning and the',
      '  container starts without the capability; older runc fails the start. An unknown name in `drop` drops nothing',
      '  on containerd ≥1.3.',
      '',
      'The rule also reports entries that are not names at all: numbers (runtimes behind Kubernetes do not parse',
      'capability numbers), booleans (YAML 1.1 reads an unquoted `yes` or `on` as `true`), empty items, names with',
      'leading or trailing spaces (no runtime trims them), and `*`, which is a wildcard only in the',
      '`allowedCapabilities` of a PodSecurityPolicy or SecurityContextConstraints. A capability is a string in the',
      'Kubernetes API, so the API server refuses an object whose list holds a number, boolean or mapping.',
      '',
      'When exactly one known name is close (`SYS_RESOURCES` → `SYS_RESOURCE`, `NET_ADMN` → `NET_ADMIN`), the',
      'finding carries a suggestion to replace it; it is not applied automatically, because it changes what the',
      'container gets. Severity is `error` when a selected target (without `--target`: a runtime supported today)',
      'refuses or ignores the entry, otherwise `warning`.',
      '',
      'Privileged first: Docker ≤18.09, containerd and CRI-O skip the lists of a privileged container, so the entry',
      'changes nothing there; Docker 19.03 and later still validate the names when the container is created',
      '(`invalid CapAdd`), privileged or not.',
    ].join('\n'),
    fixable: 'suggestion',
    citations: [
      'moby/moby@v19.03.0:oci/caps/utils.go L86-113',
      'moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136',
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235',
      'opencontainers/runc commit 5fb831a0f (PR #2854)',
      'cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790',
      'cri-o/cri-o commit af0a494251 (first in v1.0.0-rc1): a failed drop fails the container',
      'containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
      ...PSP_FACTS.citations,
      ...NAME_HANDLING_CITATIONS,
      'kubernetes/apiserver:pkg/endpoints/handlers/rest.go ("%s in version %q cannot be handled as a %s: %v")',
      'https://www.kimullaa.com/entry/2020/02/29/111838 (an unquoted y read as true is refused while decoding)',
      'measured on Debian bookworm: crun 1.8.1 run directly accepts "14" as CAP_IPC_LOCK; runc 1.1.5 ignores it',
      'openshift/verification-tests OCP-11775 (an SCC may list KILLtest; the pod then fails on CAP_KILLtest)',
    ],
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [SYS_RESOURCES, 14]\n    drop: [" NET_RAW"]',
      valid: 'securityContext:\n  capabilities:\n    add: [SYS_RESOURCE, IPC_LOCK]\n    drop: [NET_RAW]',
    },
    tags: ['correctness', 'portability'],
  },
  check(context) {
    for (const owner of context.extracted.owners) {
      for (const list of owner.lists) {
        list.entries.forEach((entry, index) => {
          const value = entry.value;
          if (typeof value !== 'string') {
            checkNonString(context, owner, entry.path, value);
            return;
          }
          const policy = policyName(owner);
          if (value === '*' && policy && list.field === 'allowedCapabilities') return;
          const name = analyzeName(value);
          const known = name.capability !== undefined || name.isAll;
          if (known && !name.padded) return;

          const parts: string[] = [];
          let problem = `${quote(value)}: not a Linux capability`;
          let replacement: string | undefined;
          let alternatives: string[] = [];
          if (value.trim() === '') {
            problem = value === '' ? 'empty capability name' : `${quote(value)}: only white space`;
            parts.push(
              value === '' ? 'An empty string is not a capability name.' : `${quote(value)} is only white space.`,
            );
          } else if (name.padded && known) {
            replacement = name.isAll ? 'ALL' : name.capability?.name;
            problem = `${quote(value)}: white space around the name`;
            parts.push(
              `${quote(value)} has white space around the name, which no runtime trims, so it is not ${replacement} to them.`,
            );
          } else if (value === '*') {
            problem = '"*": a wildcard only in policy allow-lists';
            parts.push(
              '"*" is a wildcard only in the allowedCapabilities of a PodSecurityPolicy or SecurityContextConstraints; ' +
                'runtimes do not know it (their word for every capability is ALL).',
            );
          } else if (/^\d+$/.test(name.bare)) {
            const number = Number(name.bare);
            replacement = byNumber(number);
            problem = `${quote(value)}: a capability number, not a name`;
            parts.push(`${quote(value)} is a capability number, not a name. ${numberNote(number, true)}`);
          } else {
            const shown = name.bare === value ? quote(value) : `${quote(value)} (read as ${name.bare})`;
            parts.push(`${shown} is not a Linux capability.`);
            alternatives = guesses(name.bare, list, index);
            if (alternatives.length === 1) replacement = alternatives[0];
          }

          let targets: ReturnType<typeof evaluate> = [];
          if (policy && list.field === 'allowedCapabilities') {
            parts.push(
              `${policy} checks the names pods write against this list, so this entry only admits pods that write the same string, which runtimes refuse or ignore.`,
            );
          } else {
            if (policy) {
              parts.push(
                list.direction === 'add'
                  ? `${policy} adds it to the add list of every container it admits.`
                  : `${policy} adds it to the drop list of every container and refuses pods that do not drop it by this exact name.`,
              );
            }
            targets = evaluate(targetsFor(context.targets, owner), list.direction, value, {
              privileged: isPrivileged(owner),
            });
            parts.push(describeOutcomes(targets, list.direction));
          }

          if (replacement) parts.push(`Did you mean ${replacement}?`);
          else if (alternatives.length > 1) parts.push(`Did you mean ${joinAnd(alternatives, 'or')}?`);

          const computed: Severity = targets.length === 0 || breaks(targets) ? 'error' : 'warning';
          context.report({
            path: entry.path,
            problem,
            ...(targets.length > 0 ? {} : { consequence: 'admits only pods that write the same string' }),
            ...(replacement || alternatives.length > 1
              ? { remedy: `did you mean ${replacement ?? joinAnd(alternatives, 'or')}?` }
              : {}),
            explanation: parts.join(' '),
            severity: chooseSeverity(context.severity, DEFAULT_SEVERITY, computed),
            ...reportBase(owner),
            ...(targets.length > 0 ? { targets: toTargetOutcomes(targets) } : {}),
            ...(replacement
              ? { suggestion: replaceWith(entry.path, replacement, `replace ${quote(value)} with ${replacement}`) }
              : {}),
          });
        });
      }
    }
  },
});
