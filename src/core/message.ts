// The one-line message of a finding, built in one place from what the rule says is wrong and from
// structured data: the worst outcome across the targets and the replacement the fix writes. The long
// story stays in the finding's `explanation`. Pure text functions, shared by every adapter.
import type { Fix, Outcome, TargetOutcome } from './types.js';

/** A finding's message fits one line of a report, an annotation or a kubectl warning. */
export const MESSAGE_MAX = 160;

/** The parts a rule gives; the engine completes what is missing from the targets and the fix. */
export interface MessageParts {
  /** What is wrong, quoting the entry: `"CAP_SYS_RESOURCE": CAP_ prefix`. */
  problem: string;
  /** The worst consequence in a few words; derived from the targets when absent. */
  consequence?: string;
  /** What to write; derived from the fix (or the suggestion) when absent. */
  remedy?: string;
}

/** `problem — consequence; remedy`, shortened to MESSAGE_MAX characters where it must be. */
export function composeMessage(parts: MessageParts, targets?: readonly TargetOutcome[], fix?: Fix, suggestion?: Fix) {
  const consequence = parts.consequence ?? (targets ? worstConsequence(targets) : undefined);
  const remedy = parts.remedy ?? remedyOf(fix, suggestion);
  const join = (problem: string, c: string | undefined, r: string | undefined) =>
    `${problem}${c ? ` — ${c}` : ''}${r ? `; ${r}` : ''}`;
  let message = join(oneLine(parts.problem), consequence && oneLine(consequence), remedy && oneLine(remedy));
  if (message.length <= MESSAGE_MAX) return message;
  // Too long: name fewer targets, then shorten the problem; the remedy is kept whole when it can be.
  const fewer = parts.consequence === undefined && targets ? worstConsequence(targets, 1) : consequence;
  message = join(oneLine(parts.problem), fewer && oneLine(fewer), remedy && oneLine(remedy));
  if (message.length <= MESSAGE_MAX) return message;
  const tail = `${fewer ? ` — ${oneLine(fewer)}` : ''}${remedy ? `; ${oneLine(remedy)}` : ''}`;
  const room = MESSAGE_MAX - tail.length;
  if (room >= 40) return `${clip(oneLine(parts.problem), room)}${tail}`;
  return clip(message, MESSAGE_MAX);
}

/** Collapses white space, so that a message is one line whatever its parts held. */
function oneLine(text: string): string {
  // Most parts are one line already: they are then not copied.
  if (!MORE_THAN_A_SPACE.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32)
    return text;
  return text.replace(/\s+/g, ' ').trim();
}

/** White space that `oneLine` would change: any but a space, or two in a row. */
const MORE_THAN_A_SPACE = /[^\S ]|\s\s/;

/** Cuts text to `max` characters at a word boundary where one is near, ending with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:\u2014-]+$/, '')}…`;
}

/** The fix's new text in words: `write SYS_RESOURCE`, `remove this entry`, or its description. */
export function remedyOf(fix?: Fix, suggestion?: Fix): string | undefined {
  const chosen = fix ?? suggestion;
  if (!chosen) return undefined;
  const [edit, ...rest] = chosen.edits;
  let words = chosen.description;
  if (edit && rest.length === 0) {
    if (edit.kind === 'replace-scalar') words = `write ${edit.value}`;
    else if (edit.kind === 'remove-item') words = 'remove this entry';
  }
  return fix ? words : `suggested: ${words}`;
}

const RANK: Record<Outcome, number> = { rejected: 3, ignored: 2, unknown: 1, applied: 0 };

/** What an outcome means for the container, in the words of the compact line. */
export function outcomeWords(target: TargetOutcome): string {
  switch (target.outcome) {
    case 'rejected':
      return 'fails';
    case 'ignored':
      return target.list === 'add'
        ? 'not granted'
        : target.list === 'drop'
          ? 'not dropped'
          : target.list === 'need'
            ? 'not met'
            : 'ignored';
    case 'unknown':
      return 'unknown';
    case 'applied':
      return 'works';
  }
}

/**
 * The targets that decide, and the end-of-life ones checked only as context (`legacy`). When every
 * target is context, they decide.
 */
function byStanding(targets: readonly TargetOutcome[]): { deciding: TargetOutcome[]; context: TargetOutcome[] } {
  const deciding = targets.filter((t) => t.legacy !== true);
  if (deciding.length === 0) return { deciding: [...targets], context: [] };
  return { deciding, context: targets.filter((t) => t.legacy === true) };
}

/**
 * The worst outcome across the targets that decide, naming where: `container fails on Docker 23+
 * (RunContainerError)`, `not granted on containerd`. When those all work, the worst on end-of-life
 * runtimes, said to be so. Undefined when it works everywhere.
 */
export function worstConsequence(targets: readonly TargetOutcome[], maxNames = 2): string | undefined {
  const known = (targets as Worded)[WORDS];
  const kept = known?.get(maxNames);
  if (kept !== undefined) return kept.words;
  const { deciding, context } = byStanding(targets);
  const words = consequence(deciding, maxNames, '') ?? consequence(context, maxNames, 'end-of-life ');
  known?.set(maxNames, { words });
  return words;
}

/**
 * Marks an outcomes array that many findings share, read-only (rules/support.ts `toTargetOutcomes`):
 * its words are then kept on it, worked out once. On the array itself, not in a WeakMap, whose entries
 * would make the collector keep young arrays longer.
 */
export function shareOutcomes<T extends readonly TargetOutcome[]>(targets: T): T {
  // Not enumerable: copies, comparisons and serialisations of the array do not see it.
  if (!Object.hasOwn(targets, WORDS)) Object.defineProperty(targets, WORDS, { value: new Map() });
  return targets;
}

const WORDS = Symbol('worst consequence');
type Worded = readonly TargetOutcome[] & { [WORDS]?: Map<number, { words: string | undefined }> };

function consequence(targets: readonly TargetOutcome[], maxNames: number, qualifier: string): string | undefined {
  const worst = worstTargets(targets, maxNames);
  if (!worst) return undefined;
  const { first, where } = worst;
  const on = where === 'every target' && qualifier ? `every ${qualifier}target` : `${qualifier}${where}`;
  switch (first.outcome) {
    case 'rejected':
      return `container fails on ${on}${first.status ? ` (${first.status})` : ''}`;
    case 'ignored':
      return `${outcomeWords(first)} on ${on}`;
    default:
      return `outcome not known on ${on}`;
  }
}

/** The targets with the worst outcome (the first of them, and all of them named compactly). */
export function worstTargets(
  targets: readonly TargetOutcome[],
  maxNames = 2,
): { first: TargetOutcome; where: string } | undefined {
  const worst = Math.max(0, ...targets.map((t) => RANK[t.outcome]));
  if (worst === 0) return undefined;
  const group = targets.filter((t) => RANK[t.outcome] === worst);
  return { first: group[0] as TargetOutcome, where: where(group, targets, maxNames) };
}

/** Where the group's outcome happens: `every target`, or its targets named compactly. */
export function where(group: readonly TargetOutcome[], all: readonly TargetOutcome[], maxNames = 2): string {
  if (group.length === all.length && all.length > 1) return 'every target';
  const names = compactTargets(
    group.map((t) => t.target),
    all.map((t) => t.target),
  );
  return nameList(names, maxNames);
}

/** Names that fit in a few words: at most `max`, and no more than NAMES_ROOM characters unless only one. */
export function nameList(names: readonly string[], max: number): string {
  const shown: string[] = [];
  for (const name of names) {
    const length = [...shown, name].join(', ').length;
    if (shown.length >= max || (shown.length > 0 && length > NAMES_ROOM)) break;
    shown.push(name);
  }
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} +${rest} more` : shown.join(', ');
}

const NAMES_ROOM = 40;

/**
 * One line for all targets, grouped by outcome, worst first:
 * `✗ fails: Docker ≤18.09 · ✗ not granted: containerd · ✓ works: Docker ≥19.03, CRI-O, Podman`.
 * End-of-life targets checked as context follow, where something goes wrong there:
 * `… · end of life: ✗ fails: Docker ≤18.09`.
 */
export function outcomeLine(targets: readonly TargetOutcome[]): string {
  const { deciding, context } = byStanding(targets);
  const line = groupsLine(deciding, deciding);
  const wrong = context.filter((t) => t.outcome !== 'applied');
  return wrong.length > 0 ? `${line} · end of life: ${groupsLine(wrong, context)}` : line;
}

function groupsLine(targets: readonly TargetOutcome[], among: readonly TargetOutcome[]): string {
  const groups = new Map<string, { mark: string; rank: number; labels: string[] }>();
  for (const t of targets) {
    const words = outcomeWords(t);
    const mark = t.outcome === 'applied' ? '✓' : t.outcome === 'unknown' ? '?' : '✗';
    const group = groups.get(words) ?? { mark, rank: RANK[t.outcome], labels: [] };
    group.labels.push(t.target);
    groups.set(words, group);
  }
  const all = among.map((t) => t.target);
  return [...groups]
    .sort((a, b) => b[1].rank - a[1].rank)
    .map(([words, g]) => `${g.mark} ${words}: ${compactTargets(g.labels, all).join(', ')}`)
    .join(' · ');
}

interface Span {
  engine: string;
  /** Lower bound as written, or undefined for "before X". */
  from?: string;
  /** Upper bound as written, or undefined for "X+". */
  to?: string;
}

/** `Docker 1.2–1.10`, `Docker 23+`, `Podman before 4.4`, `CRI-O 1.11`; other labels are kept as written. */
function span(label: string): Span | undefined {
  let m = /^(\S+) (\d[\w.-]*)\u2013(\d[\w.-]*)$/.exec(label);
  if (m) return { engine: m[1] as string, from: m[2], to: m[3] };
  m = /^(\S+) (\d[\w.-]*)\+$/.exec(label);
  if (m) return { engine: m[1] as string, from: m[2] };
  m = /^(\S+) before (\d[\w.-]*)$/.exec(label);
  if (m) return { engine: m[1] as string, to: `<${m[2]}` };
  m = /^(\S+) (\d[\w.-]*)$/.exec(label);
  if (m) return { engine: m[1] as string, from: m[2], to: m[2] };
  return undefined;
}

function engineOf(label: string): string {
  return (label.split(/[\s@]/)[0] ?? label).toLowerCase();
}

/**
 * Shortens a group of target labels against all the finding's targets: an engine whose every target
 * is in the group is named alone (`containerd`), neighbouring version ranges of one engine merge
 * (`Docker 1.2–1.10` and `Docker 1.11–18.09` → `Docker ≤18.09` when nothing older was checked).
 */
export function compactTargets(group: readonly string[], all: readonly string[]): string[] {
  const out: string[] = [];
  const engines = [...new Set(group.map(engineOf))];
  for (const engine of engines) {
    const members = group.filter((l) => engineOf(l) === engine);
    const everyOne = all.filter((l) => engineOf(l) === engine);
    const name = members[0]?.split(/[\s@]/)[0] ?? engine;
    if (everyOne.length > 1 && everyOne.every((l) => members.includes(l))) {
      out.push(name);
      continue;
    }
    // Merge runs of neighbours (in the order the targets were given) whose labels read as ranges.
    let run: Span[] = [];
    let runStart = -1;
    const flush = () => {
      if (run.length === 0) return;
      const first = run[0] as Span;
      const last = run[run.length - 1] as Span;
      const oldest = runStart === 0;
      const newest = runStart + run.length === everyOne.length;
      if (run.length === 1) out.push(everyOne[runStart] as string);
      else if (oldest && last.to && !last.to.startsWith('<')) out.push(`${first.engine} ≤${last.to}`);
      else if (newest && first.from && !last.to) out.push(`${first.engine} ≥${first.from}`);
      else out.push(`${first.engine} ${first.from ?? '…'}–${last.to ?? '…'}`);
      run = [];
    };
    everyOne.forEach((label, index) => {
      const s = members.includes(label) ? span(label) : undefined;
      if (!s) {
        flush();
        if (members.includes(label)) out.push(label);
        return;
      }
      if (run.length === 0) runStart = index;
      run.push(s);
    });
    flush();
  }
  return out;
}

/**
 * One line from a sentence or two written for people (a diagnosis summary): unchanged when it fits;
 * otherwise asides in parentheses go first, then the middle of the first sentence, keeping a closing
 * instruction (`Write SYS_RESOURCE.`) whole.
 */
export function oneLineSummary(text: string, max = MESSAGE_MAX): string {
  let line = oneLine(text);
  if (line.length <= max) return line;
  line = line.replace(/\s*\([^()]*\)/g, '');
  if (line.length <= max) return line;
  // Then relative clauses set off by commas (", which does not exist,").
  line = line.replace(/, which [^,.;:]+(?=[,.;])/g, '');
  if (line.length <= max) return line;
  const sentences = line.split(/(?<=[.!?])\s+(?=[A-Z"`])/);
  const last = sentences.length > 1 ? (sentences[sentences.length - 1] as string) : '';
  const instruction = /^(Write|Add|Remove|Set|Drop|Use|Grant|Run|Move)\b/.test(last) ? ` ${last}` : '';
  const first = sentences[0] as string;
  const head = clip(first.replace(/[.!?]$/, ''), max - instruction.length - 1);
  return `${head}${head.endsWith('…') ? '' : '.'}${instruction}`;
}
