import type { TargetOutcome } from '../../core/types.js';

/**
 * Lines for the targets of a finding whose outcome is not `applied`, one per target, joined by newlines
 * (empty when there is none). Findings share their per-target lists, so each list's text is made once.
 */
export function outcomeLister(line: (target: TargetOutcome) => string): (list: readonly TargetOutcome[]) => string {
  const made = new WeakMap<readonly TargetOutcome[], string>();
  return (list) => {
    let text = made.get(list);
    if (text === undefined) {
      text = list
        .filter((t) => t.outcome !== 'applied')
        .map(line)
        .join('\n');
      made.set(list, text);
    }
    return text;
  };
}
