// The rule registry: every rule, sorted by id. Ids are a public contract and are never renamed.
import capAddDropConflict from './cap-add-drop-conflict/index.js';
import capAll from './cap-all/index.js';
import capCase from './cap-case/index.js';
import capDangerous from './cap-dangerous/index.js';
import capDuplicate from './cap-duplicate/index.js';
import capEscalationConflict from './cap-escalation-conflict/index.js';
import capKernel from './cap-kernel/index.js';
import capMissing from './cap-missing/index.js';
import capNonrootIneffective from './cap-nonroot-ineffective/index.js';
import capPodLevel from './cap-pod-level/index.js';
import capPrefix from './cap-prefix/index.js';
import capPrivilegedRedundant from './cap-privileged-redundant/index.js';
import capUnknown from './cap-unknown/index.js';
import capWindows from './cap-windows/index.js';
import mlockNeedsMemlock from './mlock-needs-memlock/index.js';
import pamLimitsNeedsSysResource from './pam-limits-needs-sys-resource/index.js';
import privilegedOverreach from './privileged-overreach/index.js';
import pssBaseline from './pss-baseline/index.js';
import pssRestricted from './pss-restricted/index.js';
import sysctlNeedsPrivilege from './sysctl-needs-privilege/index.js';
import type { Rule, RuleMeta } from './types.js';
import ulimitNeedsSysResource from './ulimit-needs-sys-resource/index.js';

export const RULES: readonly Rule[] = [
  capAddDropConflict,
  capAll,
  capCase,
  capDangerous,
  capDuplicate,
  capEscalationConflict,
  capKernel,
  capPodLevel,
  capPrefix,
  capPrivilegedRedundant,
  capUnknown,
  capWindows,
  pamLimitsNeedsSysResource,
  capMissing,
  capNonrootIneffective,
  mlockNeedsMemlock,
  privilegedOverreach,
  sysctlNeedsPrivilege,
  ulimitNeedsSysResource,
  pssBaseline,
  pssRestricted,
  // Code-point order (ids are [a-z0-9-], where it equals locale order): no ICU collator at start-up.
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

/** Not a rule module: the engine reports unreadable or unparseable input under this id. */
export const PARSE_ERROR_META: RuleMeta = {
  id: 'parse-error',
  severity: 'error',
  description: 'The file cannot be read or is not valid YAML/JSON; its other documents are still checked',
  docs: [
    'Reported for a path that cannot be read, a YAML or JSON syntax error, or a document that cannot be',
    'turned into data (for example too many aliases). The location is where the parser stopped.',
    'A Helm template (with `{{ }}`) is not YAML: render it first, e.g. `helm template . | capdoctor lint -`.',
  ].join('\n'),
  fixable: false,
  citations: [],
};

export const ALL_RULE_META: readonly RuleMeta[] = [...RULES.map((r) => r.meta), PARSE_ERROR_META];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
