// The Pod Security level a namespace's labels ask for, as Pod Security admission reads them
// (kubernetes/pod-security-admission:api/helpers.go, PolicyToEvaluate and CompareLevels).

import { PSS_FACTS } from '../knowledge/kubernetes.js';
import { isMapping, type Mapping } from './extract.js';
import type { PssLevel } from './pss.js';

const RESTRICTED_CAPABILITIES_SINCE = Number(PSS_FACTS.restricted.since.split('.')[1]);

export type PssMode = 'enforce' | 'warn' | 'audit';
const MODES: readonly PssMode[] = ['enforce', 'warn', 'audit'];
const LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export const PSS_LABEL_PREFIX = 'pod-security.kubernetes.io/';

/** The label that decided a namespace's level: the strictest of enforce, warn and audit. */
export interface NamespacePss {
  namespace: string;
  /** `privileged` asks for nothing beyond the default checks. */
  level: PssLevel | 'privileged';
  /** `pod-security.kubernetes.io/enforce`, `…/warn` or `…/audit`. */
  label: string;
  /** The label's value as written (differs from `level` when it is not a valid level). */
  value: string;
  /** The matching `-version` label, when set (`v1.29`, `latest`). */
  version?: string;
}

/**
 * The strictest level among the enforce, warn and audit labels; undefined without any of them.
 * An invalid enforce value counts as restricted, an invalid warn or audit value as privileged, as
 * admission does. On a tie enforce wins, then warn: the label with the strongest effect is named.
 */
export function namespacePss(namespace: Mapping): NamespacePss | undefined {
  const metadata = isMapping(namespace.metadata) ? namespace.metadata : {};
  const labels = isMapping(metadata.labels) ? metadata.labels : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  let best: NamespacePss | undefined;
  for (const mode of MODES) {
    const label = `${PSS_LABEL_PREFIX}${mode}`;
    const value = labels[label];
    if (typeof value !== 'string') continue;
    const valid = (LEVELS as readonly string[]).includes(value);
    const level = (valid ? value : mode === 'enforce' ? 'restricted' : 'privileged') as NamespacePss['level'];
    if (best && LEVELS.indexOf(level) <= LEVELS.indexOf(best.level)) continue;
    best = { namespace: name, level, label, value };
    const version = labels[`${label}-version`];
    if (typeof version === 'string') best.version = version;
  }
  return best;
}

/**
 * The level whose capability checks apply: restricted's own capability check exists from policy
 * version v1.22 (PSS_FACTS.restricted.since), so a restricted label pinned to an older version checks
 * capabilities as baseline does. `latest` and invalid versions are the newest policy.
 */
export function checkedLevel(p: NamespacePss): NamespacePss['level'] {
  const pinned = p.version ? /^v1\.(\d+)$/.exec(p.version) : null;
  if (p.level === 'restricted' && pinned && Number(pinned[1]) < RESTRICTED_CAPABILITIES_SINCE) return 'baseline';
  return p.level;
}

/** `pod-security.kubernetes.io/enforce=restricted, version v1.29` */
export function describeNamespacePss(p: NamespacePss): string {
  const invalid = p.value !== p.level ? ` (not a level: read as ${p.level}, as admission does)` : '';
  return `${p.label}=${p.value}${invalid}${p.version ? `, version ${p.version}` : ''}`;
}
