// Correlation: observations become stories. Causes that say the same thing (the dockerd line and
// the three kubelet lines that repeat it) form one story; a wrong name for capability X absorbs
// the failures that needed X (`runuser: cannot open session` needs SYS_RESOURCE, the manifest said
// CAP_SYS_RESOURCE); symptoms join the story they follow from, by container id, pod, time or, when
// nothing else links them, by the kind of failure; stories are ranked by confidence.
import { ENGINE_RANGES } from '../knowledge/runtimes.js';
import type { RuntimeHint } from './classify.js';
import { composeStory, nextSteps } from './explain.js';
import type { Scope } from './read.js';
import { SIGNATURE_BY_ID } from './signatures.js';
import {
  type CauseClass,
  CONFIDENCE_RANK,
  type DiagnoseResult,
  type Diagnosis,
  type Entities,
  type Evidence,
  type InputSummary,
  type Interface,
  type LinkedSymptom,
  type Observation,
  type Phase,
  type Story,
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

/** Failures inside a running container: when two compete, the one the input shows first comes first in the chain. */
function runFailure(story: Story): boolean {
  return story.cls === 'missing' && story.phases.size === 1 && story.phases.has('run');
}

function rankOf(story: Story): number[] {
  return [CONFIDENCE_RANK[story.confidence], story.priority, story.causes.length + story.needs.length];
}

function compareStories(a: Story, b: Story): number {
  if (
    a.confidence === b.confidence &&
    runFailure(a) &&
    runFailure(b) &&
    a.root.ref.file === b.root.ref.file &&
    a.root.ref.line !== b.root.ref.line
  ) {
    // In one output, an earlier refusal is the cause of the later ones (an entrypoint's ulimit, then the program that needed the limit).
    return firstLine(a) - firstLine(b);
  }
  const ra = rankOf(a);
  const rb = rankOf(b);
  for (let i = 0; i < ra.length; i++)
    if ((ra[i] as number) !== (rb[i] as number)) return (rb[i] as number) - (ra[i] as number);
  return a.root.ref.file.localeCompare(b.root.ref.file) || a.root.ref.line - b.root.ref.line;
}

function firstLine(story: Story): number {
  return Math.min(...story.causes.filter((o) => o.ref.file === story.root.ref.file).map((o) => o.ref.line));
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
        notes: [],
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

/** Context signatures that speak of the whole input (what is granted, who runs, how it started), not of one cause. */
const EVIDENCE_SIGNATURES = new Set(['capabilities-granted', 'process-user', 'file-capabilities', 'interface-seen']);

function attachContexts(stories: Story[], collector: Collector): void {
  const ranked = [...stories].sort(compareStories);
  for (const [key, group] of collector.contexts) {
    if (EVIDENCE_SIGNATURES.has(key.slice(0, key.indexOf('|')))) continue;
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

// ---- Weighing a cause against the rest of the input -------------------------------------------

interface Grant {
  capability: string;
  source: NonNullable<Observation['grantSource']>;
  ref: Observation['ref'];
}

function contextObservations(collector: Collector, id: string): Observation[] {
  const out: Observation[] = [];
  for (const [key, group] of collector.contexts) if (key.startsWith(`${id}|`)) out.push(...group.kept.map(resolved));
  return out;
}

const where = (o: Observation) => `${o.ref.file}:${o.ref.line}`;

/** The container engines the input names; a Kubernetes pod, kubelet or admission line means Kubernetes. */
function interfaceOf(stories: readonly Story[], collector: Collector): Interface | undefined {
  const seen = contextObservations(collector, 'interface-seen')
    .map((o) => o.via)
    .filter((v): v is Interface => v !== undefined);
  const kubernetes = stories.some((s) =>
    [...s.causes, ...s.symptoms.map((x) => x.observation)].some(
      (o) =>
        o.entities.pod !== undefined ||
        o.entities.process === 'kubelet' ||
        o.signature.id.startsWith('kubectl-') ||
        o.cause === 'admission',
    ),
  );
  if (seen.includes('compose')) return 'compose';
  if (seen.includes('podman')) return 'podman';
  if (seen.includes('docker-run')) return 'docker-run';
  return kubernetes ? 'kubernetes' : undefined;
}

/** Docker 19.03 or later is proven by its own message, its version or its API (1.40+). */
function modernDocker(stories: readonly Story[], hints: readonly RuntimeHint[]): boolean {
  const newer = (version: string | undefined, major: number, minor: number) => {
    const [a = 0, b = 0] = (version ?? '').split('.').map(Number);
    return version !== undefined && (a > major || (a === major && b >= minor));
  };
  return (
    stories.some((s) => s.causes.some((o) => o.signature.id === 'docker-modern-invalid-capadd')) ||
    hints.some((h) => h.engine === 'docker' && (newer(h.version, 19, 3) || newer(h.api, 1, 40)))
  );
}

const DOCKER_DEFAULTS: ReadonlySet<string> = new Set(
  ENGINE_RANGES.find((e) => e.engine === 'docker' && e.until === undefined)?.defaults ??
    ENGINE_RANGES.find((e) => e.engine === 'docker')?.defaults ??
    [],
);

/**
 * A cause is weighed against what else the input shows: a capability shown in the process's sets, or
 * asked for, is not the missing one (another reading of the same failure takes its place, or a
 * security module, the user id or the runtime is the cause); the capability of a program's file
 * capabilities is read from its setcap line; advice follows how the container was started.
 */
function weigh(stories: Story[], collector: Collector, hints: readonly RuntimeHint[]): Story[] {
  const via = interfaceOf(stories, collector);
  const grants: Grant[] = contextObservations(collector, 'capabilities-granted').flatMap((o) =>
    (o.granted ?? []).map((capability) => ({ capability, source: o.grantSource ?? 'request', ref: o.ref })),
  );
  const users = contextObservations(collector, 'process-user');
  const nonRoot = users.find((o) => o.vars?.uid !== undefined && o.vars.uid !== '0');
  const root = users.some((o) => o.vars?.uid === '0');
  const fileCaps = contextObservations(collector, 'file-capabilities').flatMap((o) => o.fileCapabilities ?? []);
  const lsm = stories.filter((s) => s.root.signature.id === 'lsm-denial');
  // containerd and CRI-O double the prefix whatever Docker does; only a Docker-only input clears it.
  const otherEngines = hints.some((h) => h.engine === 'containerd' || h.engine === 'cri-o');
  const out: Story[] = [];
  for (const story of stories) {
    if (via !== undefined) story.via = via;
    // Docker 19.03 and later accept a CAP_ prefix: a pasted docker or compose name is no mistake there.
    if (
      story.root.signature.id === 'manifest-capability-name' &&
      story.root.problem === 'prefix' &&
      (via !== 'kubernetes' || !otherEngines) &&
      modernDocker(stories, hints)
    ) {
      continue;
    }
    if (story.cls === 'missing') {
      resolveFileCapability(story, fileCaps, grants);
      weighMissing(story, { grants, nonRoot, root, lsm });
    }
    out.push(story);
  }
  return out;
}

function resolveFileCapability(story: Story, fileCaps: readonly string[], grants: readonly Grant[]): void {
  if (story.root.signature.id !== 'operation-file-capability-exec' || story.root.capability !== undefined) return;
  // A capability the runtime grants by default cannot be the one exec was refused for.
  const candidates = fileCaps.filter((c) => !DOCKER_DEFAULTS.has(c));
  let capability = candidates[0] ?? fileCaps[0];
  let from = 'its file capabilities';
  if (capability === undefined) {
    // A run that added a capability beyond the defaults, and got further.
    capability = grants.find((g) => g.source === 'request' && !DOCKER_DEFAULTS.has(g.capability))?.capability;
    from = 'the run that added it';
  }
  if (capability === undefined) return;
  for (const o of story.causes) o.capability = capability;
  story.notes.push(
    `${capability} is read from ${from}: the container's bounding set must hold every capability a program's file capabilities ask for.`,
  );
}

interface Weights {
  grants: readonly Grant[];
  nonRoot: Observation | undefined;
  root: boolean;
  lsm: readonly Story[];
}

function weighMissing(story: Story, weights: Weights): void {
  const capability = story.root.capability;
  if (capability === undefined) return;
  const granted = (name: string, sources: readonly Grant['source'][]) =>
    weights.grants.find((g) => g.capability === name && sources.includes(g.source));
  // A request reaches a non-root process only through file capabilities: it counts for root alone.
  const sources: Grant['source'][] =
    weights.nonRoot && !weights.root ? ['effective', 'privileged'] : ['effective', 'privileged', 'request'];
  const shown = granted(capability, sources);
  if (shown !== undefined) {
    // Another capability the same failure can stand for, if that one is not shown too (legacy iptables: NET_RAW).
    const other = (story.root.signature.also ?? []).find((c) => granted(c, sources) === undefined);
    if (other !== undefined && shown.source !== 'privileged') {
      for (const o of story.causes) o.capability = other;
      story.notes.push(
        `${capability} is already given (${shown.ref.file}:${shown.ref.line}), so the capability missing is ${other}, which the same failure also needs.`,
      );
      return;
    }
    veto(
      story,
      `the input shows ${capability} ${shown.source === 'effective' ? 'in the process’s capabilities' : shown.source === 'privileged' ? 'granted (privileged)' : 'added to the container'} (${shown.ref.file}:${shown.ref.line})`,
    );
    return;
  }
  const requested = weights.nonRoot !== undefined && !weights.root ? granted(capability, ['request']) : undefined;
  if (requested !== undefined && weights.nonRoot !== undefined) {
    // Added, but the process is not root: the capability never reaches its effective set.
    for (const o of story.causes) o.rule = 'cap-nonroot-ineffective';
    story.notes.push(
      `${capability} is added (${requested.ref.file}:${requested.ref.line}), but the process runs as uid ${weights.nonRoot.vars?.uid} (${where(weights.nonRoot)}): a non-root process never gets an added capability into effect, as no ambient capabilities are set.`,
    );
    return;
  }
  const denial = weights.lsm.find((l) => l.root.ref.file === story.root.ref.file || relatedDenial(l.root, capability));
  if (denial !== undefined) {
    veto(story, `a security module refused the operation (${where(denial.root)})`);
    return;
  }
  if (weights.nonRoot !== undefined && !weights.root && OWNERSHIP.has(capability)) {
    const derived = SIGNATURE_BY_ID.get('ownership-wrong-uid');
    if (derived === undefined) return;
    const uid = weights.nonRoot.vars?.uid ?? '';
    const before = story.root;
    const o: Observation = { ...before, signature: derived, cause: 'not-capability', vars: { ...before.vars, uid } };
    delete o.capability;
    delete o.rule;
    story.cls = 'not-capability';
    story.root = o;
    story.causes = story.causes.map((c) => {
      if (c === before) return o;
      const copy: Observation = { ...c, signature: derived, cause: 'not-capability' };
      delete copy.capability;
      delete copy.rule;
      return copy;
    });
    story.confidence = derived.confidence;
    story.priority = derived.priority;
    story.notes.push(`The process runs as uid ${uid} (${where(weights.nonRoot)}).`);
  }
}

/** chown and chmod of files the process does not own. */
const OWNERSHIP = new Set(['CHOWN', 'FOWNER', 'DAC_OVERRIDE']);

/** An AppArmor or SELinux denial of an operation that the capability would allow. */
function relatedDenial(denial: Observation, capability: string): boolean {
  const op = denial.vars?.op ?? '';
  const byOperation: Record<string, string> = { mount: 'SYS_ADMIN', syslog_read: 'SYSLOG', ptrace: 'SYS_PTRACE' };
  return byOperation[op] === capability || (op === 'capable' && denial.ref.text.toUpperCase().includes(capability));
}

function veto(story: Story, why: string): void {
  story.confidence = 'low';
  story.vetoed = why;
  story.notes.push(
    `Not a missing capability, most likely: ${why}. Something else refused it — an AppArmor, SELinux or seccomp profile, the user the process runs as, or the runtime.`,
  );
}

export interface FinishOptions {
  inputs: InputSummary[];
  /** Whether manifests were given (`--manifest`), which changes what to suggest next. */
  manifests?: boolean;
}

/** Turns everything collected into ranked diagnoses and what to collect next. */
export function finish(collector: Collector, options: FinishOptions): DiagnoseResult {
  const hints = [...collector.hints.values()];
  const stories = weigh(chain(buildStories(collector)), collector, hints).sort(compareStories);
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
      message: text.message,
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
