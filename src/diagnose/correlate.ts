// Correlation: observations become stories. Causes that say the same thing (the dockerd line and
// the three kubelet lines that repeat it) form one story; a wrong name for capability X absorbs
// the failures that needed X (`runuser: cannot open session` needs SYS_RESOURCE, the manifest said
// CAP_SYS_RESOURCE); symptoms join the story they follow from, by container id, pod, time or, when
// nothing else links them, by the kind of failure; stories are ranked by confidence.
import type { RuntimeHint } from './classify.js';
import { composeStory, nextSteps } from './explain.js';
import type { Scope } from './read.js';
import {
  type CauseClass,
  CONFIDENCE_RANK,
  type Confidence,
  type DiagnoseResult,
  type Diagnosis,
  type Entities,
  type Evidence,
  type InputSummary,
  type Observation,
  type Phase,
  type SymptomClass,
} from './types.js';

/** Lines kept per signature and story; the rest are counted. */
const KEEP_PER_GROUP = 6;
/**
 * Symptom and context lines kept per signature over all pods; the rest are counted. Keeps memory flat
 * for a dump of thousands of pods (symptoms are grouped per pod).
 */
const KEEP_PER_SIGNATURE = 48;
/** Evidence lines a diagnosis lists at most (the rest are counted in `omitted`). */
const MAX_EVIDENCE = 24;
/** Journal lines this close in time on the same node are taken as one event. */
const TIME_WINDOW_SECONDS = 15;

interface Kept {
  observation: Observation;
  scope?: Scope;
}

interface Group {
  kept: Kept[];
  count: number;
}

/** Accumulates observations while the input streams; memory stays bounded by distinct keys. */
export class Collector {
  readonly causes = new Map<string, Group>();
  readonly symptoms = new Map<string, Group>();
  readonly contexts = new Map<string, Group>();
  readonly hints = new Map<string, RuntimeHint>();
  /** Symptom and context lines counted but not kept, per signature id. */
  readonly overflow = new Map<string, number>();
  private readonly keptPerSignature = new Map<string, number>();
  private readonly storedHints = new WeakSet<RuntimeHint>();

  add(observation: Observation, scope: Scope | undefined): void {
    const kind = observation.signature.kind;
    const id = observation.signature.id;
    const map = kind === 'cause' ? this.causes : kind === 'symptom' ? this.symptoms : this.contexts;
    const key =
      kind === 'cause'
        ? `${storyKey(observation)}|${id}`
        : `${id}|${scope ? `s${scope.id}` : entityKey(observation.entities)}|${observation.setting?.name ?? ''}`;
    // Causes are grouped by story, which bounds them; symptoms by pod, which a cluster dump does not.
    const capped = kind !== 'cause' && (this.keptPerSignature.get(id) ?? 0) >= KEEP_PER_SIGNATURE;
    let group = map.get(key);
    if (!group) {
      if (capped) {
        this.overflow.set(id, (this.overflow.get(id) ?? 0) + 1);
        return;
      }
      group = { kept: [], count: 0 };
      map.set(key, group);
    }
    group.count++;
    if (group.kept.length >= KEEP_PER_GROUP || capped) return;
    group.kept.push(scope ? { observation, scope } : { observation });
    if (kind !== 'cause') this.keptPerSignature.set(id, (this.keptPerSignature.get(id) ?? 0) + 1);
  }

  hint(hint: RuntimeHint): void {
    // The classifier hands out the same object for lines that say the same (the engine of the
    // writing process), many times over: stored once, it need not be keyed again.
    if (this.storedHints.has(hint)) return;
    this.storedHints.add(hint);
    this.hints.set(`${hint.engine}|${hint.version ?? ''}|${hint.api ?? ''}|${hint.node ?? ''}`, hint);
  }
}

function entityKey(entities: Entities): string {
  return entities.containerId?.slice(0, 12) ?? entities.podUid ?? `${entities.pod ?? ''}/${entities.container ?? ''}`;
}

/** Observations with the same story key tell the same cause. */
export function storyKey(o: Observation): string {
  const cls: CauseClass = o.cause ?? 'missing';
  switch (cls) {
    case 'name':
      return `name|${o.rule ?? o.signature.id}|${o.capability ?? o.written ?? o.printed ?? ''}`;
    case 'missing':
      return `missing|${o.rule ?? o.signature.id}|${o.capability ?? ''}`;
    case 'admission':
      return `admission|${o.signature.id}|${o.capability ?? o.setting?.kind ?? ''}`;
    case 'schema':
      return `schema|${o.signature.id}`;
    default:
      return `${cls}|${o.signature.id}|${o.setting?.name ?? ''}`;
  }
}

export interface LinkedSymptom {
  observation: Observation;
  link: NonNullable<Evidence['link']>;
}

/** One cause with everything that belongs to it. */
export interface Story {
  key: string;
  cls: CauseClass;
  /** The observation that stands for the story (from its strongest group). */
  root: Observation;
  causes: Observation[];
  counts: Map<string, number>;
  confidence: Confidence;
  priority: number;
  phases: Set<Phase>;
  /** Failures that needed the capability this story's name problem kept out. */
  needs: Story[];
  symptoms: LinkedSymptom[];
  contexts: Observation[];
  keys: Set<string>;
  moments: { node?: string; time: number }[];
  omitted: number;
}

function keysOf(entities: Entities): string[] {
  const keys: string[] = [];
  if (entities.containerId) keys.push(`cid:${entities.containerId.slice(0, 12)}`);
  if (entities.podUid) keys.push(`uid:${entities.podUid}`);
  if (entities.pod) {
    keys.push(`pod:${entities.pod}`);
    if (entities.container) keys.push(`pc:${entities.pod}/${entities.container}`);
  }
  return keys;
}

function resolved(kept: Kept): Observation {
  if (!kept.scope) return kept.observation;
  // The line's own words win over the structure around it.
  kept.observation.entities = { ...kept.scope.resolve(), ...kept.observation.entities };
  delete kept.scope;
  return kept.observation;
}

function rankOf(story: Story): number[] {
  return [CONFIDENCE_RANK[story.confidence], story.priority, story.causes.length + story.needs.length];
}

function compareStories(a: Story, b: Story): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  for (let i = 0; i < ra.length; i++)
    if ((ra[i] as number) !== (rb[i] as number)) return (rb[i] as number) - (ra[i] as number);
  return a.root.ref.file.localeCompare(b.root.ref.file) || a.root.ref.line - b.root.ref.line;
}

function buildStories(collector: Collector): Story[] {
  const stories = new Map<string, Story>();
  const groups = [...collector.causes.entries()].map(([key, group]) => ({
    story: key.slice(0, key.lastIndexOf('|')),
    observations: group.kept.map(resolved),
    count: group.count,
  }));
  for (const group of groups) {
    const first = group.observations[0];
    if (!first) continue;
    let story = stories.get(group.story);
    if (!story) {
      story = {
        key: group.story,
        cls: first.cause ?? 'missing',
        root: first,
        causes: [],
        counts: new Map(),
        confidence: first.confidence,
        priority: first.signature.priority,
        phases: new Set(),
        needs: [],
        symptoms: [],
        contexts: [],
        keys: new Set(),
        moments: [],
        omitted: 0,
      };
      stories.set(group.story, story);
    }
    story.counts.set(first.signature.id, (story.counts.get(first.signature.id) ?? 0) + group.count);
    story.omitted += group.count - group.observations.length;
    for (const observation of group.observations) {
      story.causes.push(observation);
      if (observation.phase) story.phases.add(observation.phase);
      for (const key of keysOf(observation.entities)) story.keys.add(key);
      if (observation.time !== undefined) {
        story.moments.push(
          observation.entities.node !== undefined
            ? { node: observation.entities.node, time: observation.time }
            : { time: observation.time },
        );
      }
      const better =
        CONFIDENCE_RANK[observation.confidence] > CONFIDENCE_RANK[story.root.confidence] ||
        (observation.confidence === story.root.confidence &&
          observation.signature.priority > story.root.signature.priority);
      if (better) story.root = observation;
    }
    story.confidence = story.root.confidence;
    story.priority = story.root.signature.priority;
  }
  return [...stories.values()];
}

/** A wrong name for X absorbs the failures that needed X: one story, not two. */
function chain(stories: Story[]): Story[] {
  const named = stories.filter((s) => s.cls === 'name' && s.root.capability !== undefined).sort(compareStories);
  const absorbed = new Set<Story>();
  for (const story of stories) {
    if (story.cls !== 'missing' || story.root.capability === undefined) continue;
    const owner = named.find((n) => n.root.capability === story.root.capability);
    if (!owner) continue;
    owner.needs.push(story);
    absorbed.add(story);
    for (const key of story.keys) owner.keys.add(key);
    owner.moments.push(...story.moments);
    for (const phase of story.phases) owner.phases.add(phase);
    // A failure that needed the capability supports the name's consequence.
    if (owner.confidence === 'low') owner.confidence = 'medium';
  }
  return stories.filter((s) => !absorbed.has(s));
}

const FITS: Record<SymptomClass, readonly Phase[]> = {
  'start-failure': ['create', 'start'],
  'crash-loop': ['create', 'start', 'run'],
  eperm: ['run'],
};

function linkStrength(link: LinkedSymptom['link']): number {
  return { container: 4, pod: 3, time: 2, kind: 1 }[link];
}

function linkFor(symptom: Observation, story: Story): LinkedSymptom['link'] | undefined {
  const keys = keysOf(symptom.entities);
  if (keys.some((k) => (k.startsWith('cid:') || k.startsWith('pc:')) && story.keys.has(k))) return 'container';
  if (keys.some((k) => (k.startsWith('uid:') || k.startsWith('pod:')) && story.keys.has(k))) return 'pod';
  if (symptom.time !== undefined) {
    const near = story.moments.some(
      (m) =>
        Math.abs(m.time - (symptom.time as number)) <= TIME_WINDOW_SECONDS &&
        (m.node === undefined || symptom.entities.node === undefined || m.node === symptom.entities.node),
    );
    if (near) return 'time';
  }
  return undefined;
}

function attachSymptoms(stories: Story[], collector: Collector): { unattached: Observation[]; omitted: number } {
  const unattached: Observation[] = [];
  let omitted = 0;
  const ranked = [...stories].sort(compareStories);
  /** Per signature, the story that took most of its lines, for the lines that were only counted. */
  const takers = new Map<string, Map<Story, number>>();
  for (const group of collector.symptoms.values()) {
    const observations = group.kept.map(resolved);
    let last: Story | undefined;
    for (const symptom of observations) {
      const cls = symptom.signature.symptom ?? 'eperm';
      const fits = FITS[cls];
      let best: { story: Story; link: LinkedSymptom['link'] } | undefined;
      for (const story of ranked) {
        if (![...story.phases].some((p) => fits.includes(p))) continue;
        let link = linkFor(symptom, story);
        // Failures of the same kind with nothing else to go on belong to the leading cause; a
        // bare EPERM does not (journals are full of unrelated ones).
        if (link === undefined && cls !== 'eperm' && story.cls !== 'not-capability') link = 'kind';
        if (link === undefined) continue;
        if (!best || linkStrength(link) > linkStrength(best.link)) best = { story, link };
      }
      last = best?.story;
      if (best) {
        best.story.symptoms.push({ observation: symptom, link: best.link });
        const counts = takers.get(symptom.signature.id) ?? new Map<Story, number>();
        counts.set(best.story, (counts.get(best.story) ?? 0) + 1);
        takers.set(symptom.signature.id, counts);
      } else unattached.push(symptom);
    }
    const extra = group.count - observations.length;
    if (last) last.omitted += extra;
    else omitted += extra;
  }
  for (const [id, count] of collector.overflow) {
    const counts = [...(takers.get(id) ?? new Map<Story, number>())].sort((a, b) => b[1] - a[1]);
    const story = counts[0]?.[0];
    if (story) story.omitted += count;
    else if (collector.symptoms.size > 0 && [...collector.symptoms.keys()].some((k) => k.startsWith(`${id}|`))) {
      omitted += count;
    }
  }
  return { unattached, omitted };
}

function attachContexts(stories: Story[], collector: Collector): void {
  const ranked = [...stories].sort(compareStories);
  for (const group of collector.contexts.values()) {
    for (const context of group.kept.map(resolved)) {
      const owner =
        ranked.find(
          (s) =>
            s.root.capability === context.capability || s.needs.some((n) => n.root.capability === context.capability),
        ) ?? ranked.find((s) => s.root.setting?.name !== undefined && s.root.setting.name === context.setting?.name);
      owner?.contexts.push(context);
    }
  }
}

function evidenceOf(story: Story): { evidence: Evidence[]; omitted: number } {
  const all: Evidence[] = [];
  const add = (o: Observation, role: Evidence['role'], link?: Evidence['link']) => {
    const item: Evidence = { ...o.ref, role, signature: o.signature.id };
    if (o.focus) item.focus = o.focus;
    if (link) item.link = link;
    all.push(item);
  };
  for (const o of story.causes) add(o, 'cause');
  for (const need of story.needs) for (const o of need.causes) add(o, 'need');
  for (const s of story.symptoms) add(s.observation, 'symptom', s.link);
  for (const o of story.contexts) add(o, 'context');
  // One line can match several signatures (a kubelet line is both the cause and RunContainerError).
  const seen = new Set<string>();
  const unique = all.filter((e) => {
    const key = `${e.file}:${e.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const order = { cause: 0, need: 1, symptom: 2, context: 3 };
  unique.sort((a, b) => order[a.role] - order[b.role] || a.file.localeCompare(b.file) || a.line - b.line);
  const omittedNeeds = story.needs.reduce((n, s) => n + s.omitted, 0);
  return {
    evidence: unique.slice(0, MAX_EVIDENCE),
    omitted: story.omitted + omittedNeeds + Math.max(0, unique.length - MAX_EVIDENCE),
  };
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
}

export interface FinishOptions {
  inputs: InputSummary[];
  /** Whether manifests were given (`--manifest`), which changes what to suggest next. */
  manifests?: boolean;
}

/** Turns everything collected into ranked diagnoses and what to collect next. */
export function finish(collector: Collector, options: FinishOptions): DiagnoseResult {
  const hints = [...collector.hints.values()];
  const stories = chain(buildStories(collector)).sort(compareStories);
  attachContexts(stories, collector);
  const { unattached, omitted: symptomsOmitted } = attachSymptoms(stories, collector);
  const diagnoses: Diagnosis[] = stories.map((story) => {
    const text = composeStory(story, hints);
    const { evidence, omitted } = evidenceOf(story);
    const observations = [
      ...story.causes,
      ...story.needs.flatMap((n) => n.causes),
      ...story.symptoms.map((s) => s.observation),
    ];
    const diagnosis: Diagnosis = {
      rule: story.root.rule ?? null,
      signature: story.root.signature.id,
      capability: story.root.capability ?? null,
      confidence: story.confidence,
      summary: text.summary,
      explanation: text.explanation,
      fix: text.fix,
      evidence,
      manifest: [],
      omitted,
      pods: distinct(observations.map((o) => o.entities.pod)),
      containers: distinct(observations.map((o) => o.entities.container)),
      nodes: distinct(observations.map((o) => o.entities.node)),
      citations: story.root.signature.citations,
      signatures: distinct([...story.causes, ...story.needs.flatMap((n) => n.causes)].map((o) => o.signature.id)),
    };
    if (story.root.setting) diagnosis.setting = story.root.setting;
    if (text.runtime) diagnosis.runtime = text.runtime;
    return diagnosis;
  });
  const symptoms: Evidence[] = unattached.map((o) => {
    const item: Evidence = { ...o.ref, role: 'symptom', signature: o.signature.id };
    if (o.focus) item.focus = o.focus;
    return item;
  });
  return {
    diagnoses,
    next: nextSteps({ stories, unattached, hints, inputs: options.inputs, manifests: options.manifests ?? false }),
    symptoms,
    symptomsOmitted,
    inputs: options.inputs,
    runtimes: describeHints(hints),
  };
}

function describeHints(hints: readonly RuntimeHint[]): string[] {
  const out: string[] = [];
  for (const hint of hints) {
    if (hint.version === undefined && hint.api === undefined) continue;
    const engine = hint.engine === 'cri-o' ? 'CRI-O' : hint.engine === 'docker' ? 'Docker' : hint.engine;
    const what = hint.api ? `${engine} API v${hint.api}` : `${engine} ${hint.version}`;
    out.push(hint.node ? `${what} on ${hint.node}` : what);
  }
  return distinct(out);
}
