// Helpers shared by the rules: walking capability names, asking the predictions, wording outcomes.
import type { CapabilityEntry, CapabilityList, CapabilityOwner, Extracted } from '../core/extract.js';
import { shareOutcomes } from '../core/message.js';
import type { Fix, ObjectRef, Path, Severity, TargetOutcome } from '../core/types.js';
import { PSA_POD_SPEC_KINDS } from '../knowledge/kubernetes.js';
import { analyzeName, type NameAnalysis } from '../knowledge/names.js';
import { type Direction, type Prediction, predict } from '../knowledge/predict.js';
import { MATRIX, type ResolvedTarget, resolveTargets } from '../knowledge/targets.js';
import { compareVersions, type Version } from '../knowledge/versions.js';

export interface NameSite {
  entry: CapabilityEntry;
  list: CapabilityList;
  owner: CapabilityOwner;
  name: NameAnalysis;
}

export function nameSites(extracted: Extracted): NameSite[] {
  const sites: NameSite[] = [];
  for (const owner of extracted.owners) {
    for (const list of owner.lists) {
      for (const entry of list.entries) sites.push({ entry, list, owner, name: analyzeName(entry.value) });
    }
  }
  return sites;
}

let composeDefaults: ResolvedTarget[] | undefined;

/** Compose files run on Docker or Podman, whatever the Kubernetes targets are. */
export function targetsFor(targets: readonly ResolvedTarget[], owner: CapabilityOwner): readonly ResolvedTarget[] {
  if (owner.kind !== 'compose') return targets;
  const engines = targets.filter((t) => t.engine?.engine === 'docker' || t.engine?.engine === 'podman');
  if (engines.length > 0) return engines;
  composeDefaults ??= resolveTargets([]).filter((t) => t.engine?.engine === 'docker' || t.engine?.engine === 'podman');
  return composeDefaults;
}

/** A prediction for one entry of one owner; `privilegedSkip` when a privileged container makes it moot. */
export interface EntryPrediction extends Prediction {
  privilegedSkip?: boolean;
}

export interface Evaluated {
  target: ResolvedTarget;
  prediction: EntryPrediction;
  /** The list the entry is in. */
  direction?: Direction;
}

/** What a privileged container does to its own add and drop lists, for the predictions. */
export interface EntryContext {
  privileged?: boolean;
}

/** Whether the owner's lists belong to a privileged container (or compose service). */
export function isPrivileged(owner: CapabilityOwner): boolean {
  return owner.securityContext?.privileged === true;
}

/**
 * The prediction for one entry, privileged first: a runtime that sets a privileged container up
 * with every capability never looks at the lists (Docker ≤18.09, containerd's CRI, CRI-O), so the
 * spelling changes nothing there. Docker ≥19.03 still validates the names when the container is
 * created, so an unknown name is refused even for a privileged container.
 */
export function predictEntry(
  target: ResolvedTarget,
  direction: Direction,
  input: string,
  entry: EntryContext = {},
): EntryPrediction {
  const prediction = predict(target, direction, input);
  const facts = target.engine?.privileged;
  if (!entry.privileged || !facts || facts.listsIgnored !== true) return prediction;
  if (prediction.outcome === 'rejected' && facts.namesChecked && prediction.status === 'CreateContainerError') {
    return {
      ...prediction,
      detail: `${prediction.detail} (names are checked even for a privileged container)`,
      citations: [...prediction.citations, ...(facts.namesCheckedCitations ?? [])],
    };
  }
  return {
    outcome: 'applied',
    detail: `${facts.detail}: the container is privileged, so this entry changes nothing`,
    citations: facts.citations,
    privilegedSkip: true,
  };
}

/** Distinct entries remembered per set of targets before the cache starts again. */
const EVALUATED_LIMIT = 4096;
const evaluations = new WeakMap<readonly ResolvedTarget[], Map<string, readonly Evaluated[]>>();

/**
 * What each target does with one entry. The same entry on the same targets gets the same (shared,
 * read-only) answer: a stream where every document has the same mistake asks once.
 */
export function evaluate(
  targets: readonly ResolvedTarget[],
  direction: Direction,
  input: string,
  entry: EntryContext = {},
): Evaluated[] {
  let cache = evaluations.get(targets);
  if (!cache) {
    cache = new Map();
    evaluations.set(targets, cache);
  }
  const key = `${direction}\u0000${entry.privileged === true ? 'privileged' : ''}\u0000${input}`;
  let known = cache.get(key);
  if (!known) {
    if (cache.size >= EVALUATED_LIMIT) cache.clear();
    known = targets.map((target) => ({ target, prediction: predictEntry(target, direction, input, entry), direction }));
    cache.set(key, known);
  }
  return known as Evaluated[];
}

export function targetName(target: ResolvedTarget): string {
  return target.matrix || target.id === target.label ? target.label : `${target.id} (${target.label})`;
}

const outcomesOf = new WeakMap<readonly Evaluated[], TargetOutcome[]>();

/** A finding's per-target outcomes; findings about the same answer share one (read-only) array. */
export function toTargetOutcomes(evaluated: readonly Evaluated[]): TargetOutcome[] {
  let outcomes = outcomesOf.get(evaluated);
  if (!outcomes) {
    outcomes = evaluated.map(({ target, prediction, direction }) => {
      const outcome: TargetOutcome = {
        target: target.matrix ? target.label : target.id,
        outcome: prediction.outcome,
        detail: prediction.detail,
      };
      if (prediction.status) outcome.status = prediction.status;
      if (direction) outcome.list = direction;
      if (target.context) outcome.legacy = true;
      return outcome;
    });
    shareOutcomes(outcomes);
    outcomesOf.set(evaluated, outcomes);
  }
  return outcomes;
}

/** The targets that decide the severity: all but the end-of-life ones checked as context. */
export function deciding<T extends { target: ResolvedTarget }>(items: readonly T[]): T[] {
  return items.filter((e) => !e.target.context);
}

/** The end-of-life targets checked as context only. */
export function contextOnly<T extends { target: ResolvedTarget }>(items: readonly T[]): T[] {
  return items.filter((e) => e.target.context === true);
}

/** The entry breaks there: refused, silently not applied, or (outcome unknown) not applied either way. */
export function failing(prediction: Prediction): boolean {
  return prediction.outcome === 'rejected' || prediction.outcome === 'ignored' || prediction.neverApplied === true;
}

/**
 * Breaks on a deciding target → error; uncertain on one → warning; otherwise the given severity.
 * End-of-life targets checked as context never raise it.
 */
export function severityFromOutcomes(evaluated: readonly Evaluated[], otherwise: Severity): Severity {
  const counted = deciding(evaluated);
  if (counted.some((e) => failing(e.prediction))) return 'error';
  if (counted.some((e) => e.prediction.outcome === 'unknown')) return otherwise === 'error' ? 'error' : 'warning';
  return otherwise;
}

export function ownerLabel(owner: CapabilityOwner): string {
  switch (owner.kind) {
    case 'container':
      return `container "${owner.container?.name ?? '?'}"`;
    case 'compose':
      return `compose service "${owner.label ?? '?'}"`;
    case 'psp':
      return `PodSecurityPolicy "${owner.object?.ref.name ?? '?'}"`;
    case 'scc':
      return `SecurityContextConstraints "${owner.object?.ref.name ?? '?'}"`;
    case 'pod':
      return 'the pod';
    default:
      return 'this capability list';
  }
}

export function reportBase(owner: CapabilityOwner): { object?: ObjectRef; container?: string } {
  const base: { object?: ObjectRef; container?: string } = {};
  if (owner.object) base.object = owner.object.ref;
  if (owner.container?.name !== undefined) base.container = owner.container.name;
  return base;
}

export function replaceWith(path: Path, value: string, description: string): Fix {
  return { description, edits: [{ kind: 'replace-scalar', path, value }] };
}

export function removeItem(path: Path, description: string): Fix {
  return { description, edits: [{ kind: 'remove-item', path }] };
}

export function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Kubernetes versions the targets state (`k8s@…`), oldest first; empty when none is given. */
// Rules ask for every document; the targets of a run do not change.
const versionsOf = new WeakMap<readonly ResolvedTarget[], readonly Version[]>();

export function kubernetesVersions(targets: readonly ResolvedTarget[]): readonly Version[] {
  const known = versionsOf.get(targets);
  if (known) return known;
  const seen = new Map<string, Version>();
  for (const t of targets) if (t.kubernetes) seen.set(t.kubernetes.parts.join('.'), t.kubernetes);
  const versions = Object.freeze([...seen.values()].sort(compareVersions));
  versionsOf.set(targets, versions);
  return versions;
}

/** How Pod Security admission treats an object of this kind at a level (a sentence, or ''). */
export function admissionScope(kind: string | undefined, level: 'baseline' | 'restricted'): string {
  if (kind === undefined || kind === 'Pod') return '';
  if (PSA_POD_SPEC_KINDS.has(kind)) {
    return ` For a ${kind}, admission only warns and audits; where ${level} is enforced it refuses the Pods the ${kind} creates.`;
  }
  return ` Pod Security admission does not evaluate a ${kind} itself; where ${level} is enforced it refuses the Pods created from it.`;
}

/** "A", "A and B", "A, B and C" (or "… or C"). */
export function joinAnd(items: readonly string[], word: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

export function labels(items: readonly Evaluated[]): string {
  return joinAnd([...new Set(items.map((e) => targetName(e.target)))]);
}

const described = new WeakMap<readonly Evaluated[], Map<Direction, string>>();

/**
 * What the targets do with one entry, in one sentence. A single target gets its own explanation;
 * several are grouped by outcome, refusals by pod status, each group quoting one runtime's error text
 * (every target's own text is in the finding's `targets`). End-of-life targets checked as context
 * follow in a sentence of their own, only where they break.
 */
export function describeOutcomes(evaluated: readonly Evaluated[], direction: Direction): string {
  // Answers are shared (see `evaluate`): the same one is worded once.
  let words = described.get(evaluated);
  if (!words) {
    words = new Map();
    described.set(evaluated, words);
  }
  let sentence = words.get(direction);
  if (sentence === undefined) {
    sentence = wordOutcomes(evaluated, direction);
    words.set(direction, sentence);
  }
  return sentence;
}

function wordOutcomes(evaluated: readonly Evaluated[], direction: Direction): string {
  const main = describeDeciding(deciding(evaluated), direction);
  const legacy = legacyNote(evaluated, direction);
  return [main, legacy].filter(Boolean).join(' ');
}

/** "Also fails on Docker ≤18.09 (end of life)." for the context targets where the entry breaks. */
export function legacyNote(evaluated: readonly Evaluated[], direction: Direction): string {
  const broken = contextOnly(evaluated).filter((e) => failing(e.prediction));
  if (broken.length === 0) return '';
  const rejected = broken.filter((e) => e.prediction.outcome === 'rejected');
  const skipped = broken.filter((e) => e.prediction.outcome !== 'rejected');
  const parts: string[] = [];
  if (rejected.length > 0) parts.push(`fails on ${legacyLabels(rejected)}`);
  if (skipped.length > 0) {
    parts.push(`${direction === 'add' ? 'is not granted' : 'drops nothing'} on ${legacyLabels(skipped)}`);
  }
  return `Also ${parts.join(' and ')} (end of life).`;
}

/** Short names of end-of-life profiles; of two of one engine, the newer covers the older ("Docker ≤18.09"). */
function legacyLabels(items: readonly Evaluated[]): string {
  const names = [...new Set(items.map((e) => legacyName(e.target)))];
  const kept = names.filter((name) => {
    const [engine, upTo] = name.split(' ≤');
    if (upTo === undefined) return true;
    return !names.some((other) => {
      const [otherEngine, otherUpTo] = other.split(' ≤');
      return other !== name && otherEngine === engine && otherUpTo !== undefined && compareLoose(otherUpTo, upTo) > 0;
    });
  });
  return joinAnd(kept);
}

function legacyName(target: ResolvedTarget): string {
  return (target.matrix && MATRIX.find((p) => p.spec === target.id.split(',')[0])?.short) || targetName(target);
}

function compareLoose(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function describeDeciding(evaluated: readonly Evaluated[], direction: Direction): string {
  const first = evaluated[0];
  if (!first) return '';
  if (evaluated.length === 1) return `On ${targetName(first.target)}: ${first.prediction.detail.replace(/\.$/, '')}.`;
  const parts: string[] = [];
  const refusals = new Map<string, Evaluated[]>();
  for (const e of evaluated) {
    if (e.prediction.outcome !== 'rejected') continue;
    const status = e.prediction.status ?? 'an error';
    refusals.set(status, [...(refusals.get(status) ?? []), e]);
  }
  [...refusals].forEach(([status, items], i) => {
    const sample = items[0];
    const message = sample?.prediction.message?.replace(/\.$/, '');
    const source = items.length > 1 && sample ? `${targetName(sample.target)}: ` : '';
    const quoted = message ? ` (${source}${message})` : '';
    parts.push(`${i === 0 ? 'the container fails ' : ''}with ${status} on ${labels(items)}${quoted}`);
  });
  const by = (outcome: Evaluated['prediction']['outcome']) => evaluated.filter((e) => e.prediction.outcome === outcome);
  const ignored = by('ignored');
  if (ignored.length > 0) {
    const what = direction === 'add' ? 'the container starts without it' : 'nothing is dropped';
    parts.push(`${what} on ${labels(ignored)}`);
  }
  const unknown = by('unknown');
  if (unknown.length > 0) parts.push(`the outcome on ${labels(unknown)} is not known`);
  const applied = by('applied');
  const skipped = applied.filter((e) => e.prediction.privilegedSkip);
  const works = applied.filter((e) => !e.prediction.privilegedSkip);
  if (works.length > 0) parts.push(`it works on ${labels(works)}`);
  if (skipped.length > 0) parts.push(`${labels(skipped)} skip the lists of a privileged container`);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** The entry breaks on a target that decides the severity. */
export function breaks(evaluated: readonly Evaluated[]): boolean {
  return deciding(evaluated).some((e) => failing(e.prediction));
}

/**
 * The severity a finding gets: what the rule's docs say for the case (`computed`), unless the user
 * configured another severity for the rule, which then wins.
 */
export function chooseSeverity(configured: Severity, ruleDefault: Severity, computed: Severity): Severity {
  return configured === ruleDefault ? computed : configured;
}

export function policyName(owner: CapabilityOwner): string | undefined {
  if (owner.kind === 'psp') return 'PodSecurityPolicy';
  if (owner.kind === 'scc') return 'SecurityContextConstraints';
  return undefined;
}

/** `add[2]`, `cap_drop[0]`, `allowedCapabilities[1]`. */
export function entryLabel(list: CapabilityList, index: number): string {
  return `${list.field}[${index}]`;
}

// Long texts that many findings share, by a key that decides them (see Report.explanation). Bounded,
// for inputs where every finding's text differs.
const SHARED_TEXTS_LIMIT = 4096;
const sharedTexts = new Map<string, string>();

/**
 * The text `key` decides, made by `make` the first time: the same string for every finding with that
 * key, so that it is kept, compared and written once. A key is a few words where the text is hundreds
 * of characters: reading a fresh text to learn it is known would cost what sharing it saves.
 */
export function sharedText(key: string, make: () => string): string {
  let text = sharedTexts.get(key);
  if (text === undefined) {
    if (sharedTexts.size >= SHARED_TEXTS_LIMIT) sharedTexts.clear();
    text = make();
    sharedTexts.set(key, text);
  }
  return text;
}
