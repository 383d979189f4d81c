// Pod Security levels a run can be checked against, and which opt-in rules a level turns on.
import type { Rule } from '../rules/types.js';

/** A Pod Security Standards level the workloads must meet (the namespace's enforce label, say). */
export type PssLevel = 'baseline' | 'restricted';
export const PSS_LEVELS: readonly PssLevel[] = ['baseline', 'restricted'];

export function isPssLevel(value: unknown): value is PssLevel {
  return typeof value === 'string' && (PSS_LEVELS as readonly string[]).includes(value);
}

/** An opt-in rule is off unless configured, or unless it checks a Pod Security level the run selects. */
export function offByDefault(rule: Rule, pss: PssLevel | undefined): boolean {
  if (!rule.meta.optIn) return false;
  const level = rule.meta.pssLevel;
  return !(level && pss && PSS_LEVELS.indexOf(pss) >= PSS_LEVELS.indexOf(level));
}
