// The words the page shows for outcomes and verdicts (every colour has its words beside it).
import type { ExplainedContainer } from '../../src/index.js';

type Entry = ExplainedContainer['targets'][number]['entries'][number];
type Verdict = ExplainedContainer['targets'][number]['verdict'];

export interface Cell {
  text: string;
  /** CSS class: good, bad, fails, unknown. */
  tone: 'good' | 'bad' | 'fails' | 'unknown';
}

/** What happens to one add or drop entry on one target. */
export function entryCell(entry: Pick<Entry, 'list' | 'outcome'>): Cell {
  switch (entry.outcome) {
    case 'rejected':
      return { text: 'container fails', tone: 'fails' };
    case 'applied':
      return entry.list === 'add' ? { text: 'granted', tone: 'good' } : { text: 'dropped', tone: 'good' };
    case 'ignored':
    case 'not-applied':
      return entry.list === 'add' ? { text: 'not granted', tone: 'bad' } : { text: 'not dropped', tone: 'bad' };
    default:
      return { text: 'not known', tone: 'unknown' };
  }
}

export function verdictCell(verdict: Verdict): Cell {
  switch (verdict) {
    case 'ok':
      return { text: 'works', tone: 'good' };
    case 'fails':
      return { text: 'fails', tone: 'fails' };
    case 'does-not-start':
      return { text: 'does not start', tone: 'fails' };
    case 'at-risk':
      return { text: 'at risk', tone: 'bad' };
    default:
      return { text: 'not known', tone: 'unknown' };
  }
}
