// Which documents cannot give any finding, judged from their text before they are read. Derived from
// what the rules read through extract(): a capability list exists only under one of these keys,
// cap-escalation-conflict and pss-restricted also look at containers without one, and the needs rules
// look at containers only.
import type { Rule } from '../rules/types.js';
import type { RuleSetting } from './lint-documents.js';
import { offByDefault, type PssLevel } from './pss.js';

/** Groups of words: a rule can report on a document only if every word of some group is in its text. */
type Needs = readonly (readonly string[])[];

// `apabilities` matches `capabilities` and the PodSecurityPolicy/SCC fields (`allowedCapabilities`, …).
const CAPABILITY_LISTS: Needs = [['apabilities'], ['cap_add'], ['cap_drop']];
const CONTAINERS: Needs = [['containers']];

export const RULE_NEEDS: Readonly<Record<string, Needs>> = {
  'cap-add-drop-conflict': CAPABILITY_LISTS,
  'cap-all': CAPABILITY_LISTS,
  'cap-case': CAPABILITY_LISTS,
  'cap-dangerous': CAPABILITY_LISTS,
  'cap-duplicate': CAPABILITY_LISTS,
  // Also privileged: true with allowPrivilegeEscalation: false, in any container.
  'cap-escalation-conflict': [...CAPABILITY_LISTS, ['privileged', 'allowPrivilegeEscalation']],
  'cap-kernel': CAPABILITY_LISTS,
  'cap-pod-level': CAPABILITY_LISTS,
  'cap-prefix': CAPABILITY_LISTS,
  'cap-privileged-redundant': CAPABILITY_LISTS,
  'cap-unknown': CAPABILITY_LISTS,
  'cap-windows': CAPABILITY_LISTS,
  'pss-baseline': CAPABILITY_LISTS,
  // Every container, with or without a securityContext.
  'pss-restricted': CONTAINERS,
  // What containers need (commands, images, mounted files, users): they report on containers only, and
  // read the ConfigMaps and Secrets a container mounts through `context.documents`, which holds every
  // document however this table filters.
  'cap-missing': CONTAINERS,
  'cap-nonroot-ineffective': CONTAINERS,
  'mlock-needs-memlock': CONTAINERS,
  'pam-limits-needs-sys-resource': CONTAINERS,
  'privileged-overreach': CONTAINERS,
  'sysctl-needs-privilege': CONTAINERS,
  'ulimit-needs-sys-resource': CONTAINERS,
};

/**
 * A test that is true for a document's text when no enabled rule can report on it, or undefined
 * when every document must be read (an enabled rule this table does not know).
 */
export function skipFilter(
  rules: readonly Rule[],
  settings: Readonly<Record<string, RuleSetting>> | undefined,
  pss?: PssLevel,
): ((text: string) => boolean) | undefined {
  const groups: (readonly string[])[] = [];
  for (const rule of rules) {
    const setting = settings?.[rule.meta.id] ?? (offByDefault(rule, pss) ? 'off' : rule.meta.severity);
    if (setting === 'off') continue;
    const needs = RULE_NEEDS[rule.meta.id];
    if (!needs) return undefined;
    for (const group of needs) {
      if (!groups.some((g) => g.length === group.length && g.every((w, i) => w === group[i]))) groups.push(group);
    }
  }
  // Containers first: most documents that are read have them, and the first group found ends the search.
  groups.sort((a, b) => Number(b.includes('containers')) - Number(a.includes('containers')));
  // A backslash may spell a key with escapes (`"capabilit\x69es"`): such documents are always read (looked
  // for last, as a document with a group's words is read anyway).
  return (text) => !groups.some((group) => group.every((word) => text.includes(word))) && !text.includes('\\');
}
