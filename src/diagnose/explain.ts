// Words for a story: the one-line summary, why it happened, what to change, and — when the input
// holds only symptoms — exactly what to collect next.
import { composeMessage, MESSAGE_MAX } from '../core/message.js';
import { CAPABILITY_BY_NAME } from '../knowledge/capabilities.js';
import { dockerReleaseForApi } from '../knowledge/docker-api.js';
import { type Prediction, predict } from '../knowledge/predict.js';
import { MATRIX, type ResolvedTarget, resolveTarget, TargetError } from '../knowledge/targets.js';
import type { RuntimeHint } from './classify.js';
import { GRANT_ADVICE, NAME_PLACE, NOT_KNOWN_FIX, SIGNATURE_BY_ID } from './signatures.js';
import type { InputSummary, LinkedSymptom, NextStep, Observation, Phase, Story } from './types.js';

export interface StoryText {
  /** One line (≤ 160 characters): what, the worst consequence, what to write. */
  message: string;
  summary: string;
  explanation: string;
  fix: string;
  runtime?: string;
}

const q = (value: string): string => JSON.stringify(value);

/** Ends a clause with a full stop. No capital is forced: many start with a command (runc, su, iptables). */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function and(items: readonly string[], word = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** `file:line` of up to three observations, then how many more. */
export function refs(observations: readonly Observation[]): string {
  const unique = [...new Set(observations.map((o) => `${o.ref.file}:${o.ref.line}`))];
  const shown = unique.slice(0, 3);
  const more = unique.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function fill(template: string, o: Observation): string {
  const values: Record<string, string | undefined> = {
    ...o.vars,
    capability: o.capability,
    setting: o.setting?.name ?? o.vars?.setting,
    written: o.written !== undefined ? q(o.written) : o.capability,
  };
  const fallback: Record<string, string> = {
    setting: 'a resource limit',
    capability: 'a capability',
    written: 'a capability',
    profile: 'the container’s profile',
    op: 'the operation',
    device: 'the device',
    uid: 'another user',
  };
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? fallback[key] ?? key);
}

function refuses(phase: Phase | undefined): string {
  switch (phase) {
    case 'create':
      return 'refuses to create the container';
    case 'run':
      return 'leaves it out: the container runs without the capability';
    case 'admission':
      return 'refuses the pod';
    default:
      return 'refuses to start the container';
  }
}

const NEWER_THAN_DOCKER_20_10 = new Set(['PERFMON', 'BPF', 'CHECKPOINT_RESTORE']);

function notKnownReason(o: Observation): string {
  const capability = o.capability ?? '';
  if (NEWER_THAN_DOCKER_20_10.has(capability)) {
    if (o.signature.id === 'docker-modern-invalid-capadd')
      return ' (Docker 20.10 left it out of its list on purpose; 23.0 knows it)';
    if (o.signature.id === 'runc-legacy-unknown-capability') return ' (runc learned it in 1.0.0-rc93)';
    if (o.signature.id === 'crio-failed-to-drop-cap' || o.signature.id === 'crio-unknown-capability-to-add')
      return ' (CRI-O up to 1.20 uses a capability list that ends at AUDIT_READ; 1.21 knows it)';
  }
  const kernel = CAPABILITY_BY_NAME.get(capability)?.kernel;
  return kernel ? ` (it needs Linux ${kernel} or later on the node, and a runtime that knows it)` : '';
}

/**
 * What the one runtime the input reports does with a name the manifest wrote: `containerd 1.7.13`
 * (node info, `containerd://1.7.13`) resolved as a target and predicted from the knowledge data.
 */
export interface ReportedOutcome {
  /** The runtime in words, as the input reports it. */
  runtime: string;
  prediction: Prediction;
}

const TARGET_ENGINE: Record<RuntimeHint['engine'], string> = {
  docker: 'docker',
  containerd: 'containerd',
  'cri-o': 'crio',
  podman: 'podman',
};

function tryTarget(spec: string): ResolvedTarget | undefined {
  try {
    return resolveTarget(spec);
  } catch (error) {
    if (error instanceof TargetError) return undefined;
    throw error;
  }
}

/**
 * The outcome on the runtime the input shows, when it shows exactly one engine: at the version it
 * reports, or — without a version — when every profile of that engine in the built-in matrix agrees.
 * Undefined when the input shows none, several, or the data does not decide.
 */
export function reportedOutcome(
  hints: readonly RuntimeHint[],
  nodes: ReadonlySet<string>,
  direction: 'add' | 'drop',
  written: string,
): ReportedOutcome | undefined {
  const relevant = hints.filter(
    (h) => h.api === undefined && (nodes.size === 0 || h.node === undefined || nodes.has(h.node)),
  );
  // What nodes report (`containerd://1.6.20`) is firmer than an engine a message merely suggests.
  const versioned = relevant.filter((h) => h.version !== undefined);
  const deciding = versioned.length > 0 ? versioned : relevant;
  const engines = new Set(deciding.map((h) => h.engine));
  if (engines.size !== 1) return undefined;
  const engine = [...engines][0] as RuntimeHint['engine'];
  const versions = [...new Set(versioned.map((h) => h.version as string))];
  if (versions.length > 1) return undefined;
  let prediction: Prediction | undefined;
  const version = versions[0];
  if (version !== undefined) {
    const target = tryTarget(`${TARGET_ENGINE[engine]}@${version}`);
    if (target) prediction = predict(target, direction, written);
  } else {
    const profiles = MATRIX.filter((p) => p.spec.startsWith(`${TARGET_ENGINE[engine]}@`))
      .map((p) => tryTarget(p.spec))
      .filter((t): t is ResolvedTarget => t !== undefined)
      .map((t) => predict(t, direction, written));
    const first = profiles[0];
    if (first && profiles.every((p) => p.outcome === first.outcome && p.status === first.status)) prediction = first;
  }
  if (!prediction || prediction.outcome === 'unknown') return undefined;
  return { runtime: `${engineName(engine)}${version ? ` ${version}` : ''}`, prediction };
}

/** The manifest's CAP_-prefixed name on the one runtime the input shows: cause and consequence for that runtime. */
function reportedPrefixSummary(
  written: string,
  capability: string,
  direction: 'add' | 'drop',
  reported: ReportedOutcome,
): string {
  const { runtime, prediction } = reported;
  const looked = prediction.runtimeName ?? `CAP_${written.toUpperCase()}`;
  const head = `${q(written)} carries the CAP_ prefix`;
  switch (prediction.outcome) {
    case 'rejected':
      return `${head}: ${runtime} looks for ${looked}, which does not exist, and the container fails at start${prediction.status ? ` (${prediction.status})` : ''}. Write ${capability}.`;
    case 'ignored':
      return `${head}: ${runtime} looks for ${looked}, which does not exist; the container starts, but ${capability} is silently ${notApplied(direction)}. Write ${capability}.`;
    default:
      return `${head}: ${runtime} accepts it, but Docker 1.11–18.09 and containerd add another CAP_ and would not grant it. Write ${capability}.`;
  }
}

/** What the corrected name changes on the runtime the input shows. */
function reportedFixClause(reported: ReportedOutcome, direction: 'add' | 'drop', capability: string): string {
  const { runtime, prediction } = reported;
  switch (prediction.outcome) {
    case 'rejected':
      return `Then ${runtime} starts the container${direction === 'drop' ? ` without ${capability}` : ` with ${capability}`}.`;
    case 'ignored':
      return direction === 'drop'
        ? `Then ${runtime} really drops ${capability}.`
        : `Then ${runtime} grants ${capability}, which it now leaves out without an error.`;
    default:
      return `${runtime} already accepts the prefixed name; the corrected one also works where Docker 1.11–18.09 or containerd run the pod.`;
  }
}

function notApplied(direction: 'add' | 'drop'): string {
  return direction === 'drop' ? 'not dropped' : 'not granted';
}

function nameSummary(o: Observation, runtime: string | undefined, reported?: ReportedOutcome): string {
  const who = runtime ?? 'the runtime';
  const refusal = (phase: Phase | undefined) => o.signature.outcome ?? refuses(phase);
  const written = o.written ?? o.printed ?? '';
  const printed = o.printed ?? written;
  const capability = o.capability ?? '';
  const id = o.signature.id;
  switch (o.problem) {
    case 'prefix': {
      if (id === 'manifest-capability-name') {
        if (reported) return reportedPrefixSummary(written, capability, o.direction ?? 'add', reported);
        return `${q(written)} carries the CAP_ prefix: Docker 1.11–18.09 and containerd add another and look for CAP_${written.toUpperCase()}, which does not exist. Write ${capability}.`;
      }
      if (id === 'psa-baseline-non-default-capabilities') {
        return `${q(written)} carries the CAP_ prefix: Pod Security baseline compares names exactly and refuses it, although ${capability} is allowed. Write ${capability}.`;
      }
      if (o.signature.reading === 'prefixed-by-engine' && printed !== written) {
        const by = o.signature.prefixedBy;
        const how = by
          ? `${by} adds another, so ${who} gets ${printed}`
          : `${who} adds another and looks for ${printed}`;
        return `${q(written)} carries the CAP_ prefix: ${how}, which does not exist, and ${refusal(o.phase)}. Write ${capability}.`;
      }
      if (o.signature.reading === 'normalized') {
        return `${q(written)} carries the CAP_ prefix twice: ${who} takes one prefix but not two and ${refusal(o.phase)}. Write ${capability}.`;
      }
      return `${q(written)} carries the CAP_ prefix: ${who} looks for CAP_${written} and ${refusal(o.phase)}. Write ${capability}.`;
    }
    case 'unknown': {
      const guesses = o.guesses ?? [];
      const guess =
        guesses.length === 0
          ? ''
          : guesses.length === 1
            ? ` (${guesses[0]} was probably meant)`
            : ` (probably ${and(guesses.slice(0, 3), 'or')})`;
      return `${q(written)} is not a Linux capability${guess}, and ${who} ${refusal(o.phase)}.`;
    }
    case 'not-known':
      return `${who} does not know ${capability}${notKnownReason(o)}, and ${refusal(o.phase)}.`;
    case 'case':
      return `${q(written)} is not in upper case and ${who} compares names exactly. Write ${capability}.`;
    case 'all':
      return `${q(written)} is not ALL to ${who}, which ${refusal(o.phase)}. Write ALL.`;
    case 'list':
      return `${q(written)} is several names in one value: ${who} reads it as one name, which is not a capability, and ${refusal(o.phase)}. Give each name its own entry.`;
    case 'needs-prefix':
      return id === 'crio-legacy-must-start-with-cap'
        ? `${who} wanted the CAP_ prefix and refused ${q(written)}: a CRI-O bug, fixed before 1.0.`
        : `${who} wants the CAP_ prefix and could not parse ${q(written)}, so it ${refusal(o.phase)}.`;
    default:
      return sentence(o.signature.summary ? fill(o.signature.summary, o) : o.signature.title);
  }
}

function summaryOf(story: Story, runtime: string | undefined, reported?: ReportedOutcome): string {
  const o = story.root;
  if (story.vetoed !== undefined) {
    return `${sentence(o.signature.title.charAt(0).toUpperCase() + o.signature.title.slice(1)).replace(/\.$/, '')}, but ${story.vetoed}: probably not a missing ${o.capability ?? 'capability'}.`;
  }
  if (isNameStory(story)) return nameSummary(o, runtime, reported);
  if (o.signature.id === 'psa-restricted-unrestricted-capabilities' && o.capability && !o.setting) {
    return `Pod Security restricted refused the pod: a container adds ${q(o.written ?? o.capability)}, and only NET_BIND_SERVICE may be added.`;
  }
  const template = o.summary ?? o.signature.summary;
  return sentence(template ? fill(template, o) : o.signature.title);
}

/** A story about how a name was written, which the name's own words explain. */
function isNameStory(story: Story): boolean {
  const o = story.root;
  return (story.cls === 'name' && o.problem !== undefined) || o.problem === 'prefix' || o.problem === 'case';
}

// ---- The one-line message ------------------------------------------------------------------

/** What happens to the container, in a few words, when a runtime refuses a name in this phase. */
function phaseConsequence(o: Observation, who: string): string {
  if (o.signature.outcome) return `${who} refuses the container or runs it without the capability`;
  switch (o.phase) {
    case 'create':
      return `${who} refuses to create the container`;
    case 'run':
      return `${who} runs the container without it`;
    case 'admission':
      return `${who} refuses the pod`;
    default:
      return runtimeKnown(who) ? `container fails to start on ${who}` : `${who} refuses to start the container`;
  }
}

function runtimeKnown(who: string): boolean {
  return who !== 'the runtime';
}

/** The consequence without naming the runtime again (the problem already names it). */
function bareConsequence(o: Observation): string {
  if (o.signature.outcome) return 'container refused or run without it';
  switch (o.phase) {
    case 'create':
      return 'container not created';
    case 'run':
      return 'container runs without it';
    case 'admission':
      return 'pod refused';
    default:
      return 'container fails to start';
  }
}

/** The consequence of a manifest's CAP_ name on the runtime the input shows, or on those that double it. */
function manifestConsequence(o: Observation, reported: ReportedOutcome | undefined): string {
  if (!reported) return 'fails on Docker 1.11–18.09, not granted or not dropped on containerd';
  const { runtime, prediction } = reported;
  switch (prediction.outcome) {
    case 'rejected':
      return `container fails on ${runtime}${prediction.status ? ` (${prediction.status})` : ''}`;
    case 'ignored':
      return `silently ${notApplied(o.direction ?? 'add')} on ${runtime}`;
    default:
      return `works on ${runtime}, fails on Docker 1.11–18.09 and containerd`;
  }
}

interface ShortParts {
  problem: string;
  consequence?: string;
  remedy?: string;
}

/** What, consequence and remedy of a name story, as lint findings put them. */
function nameParts(o: Observation, runtime: string | undefined, reported: ReportedOutcome | undefined): ShortParts {
  const who = runtime ?? 'the runtime';
  const written = o.written ?? o.printed ?? '';
  const capability = o.capability ?? '';
  const consequence = phaseConsequence(o, who);
  switch (o.problem) {
    case 'prefix':
      if (o.signature.id === 'manifest-capability-name')
        return {
          problem: `${q(written)}: CAP_ prefix`,
          consequence: manifestConsequence(o, reported),
          remedy: `write ${capability}`,
        };
      if (o.signature.id === 'psa-baseline-non-default-capabilities')
        return {
          problem: `${q(written)}: CAP_ prefix`,
          consequence: 'Pod Security baseline refuses the pod',
          remedy: `write ${capability}`,
        };
      return {
        problem: `${q(written)}: CAP_ prefix${o.signature.reading === 'normalized' && o.printed !== written ? ' twice' : ''}`,
        consequence,
        remedy: `write ${capability}`,
      };
    case 'case':
      return {
        problem: `${q(written)}: not upper case`,
        consequence: `${who} compares names exactly`,
        remedy: `write ${capability}`,
      };
    case 'unknown':
      return {
        problem: `${q(written)}: not a Linux capability`,
        consequence,
        ...(o.capability !== undefined ? { remedy: `write ${o.capability}` } : {}),
      };
    case 'not-known':
      return {
        problem: `${capability}: unknown to ${who}`,
        consequence: bareConsequence(o),
        remedy: 'remove it, or use a kernel and runtime that know it',
      };
    case 'all':
      return { problem: `${q(written)}: not ALL to ${who}`, consequence, remedy: 'write ALL' };
    case 'list':
      return {
        problem: `${q(written)}: several names in one value`,
        consequence,
        remedy: 'give each name its own entry',
      };
    case 'needs-prefix':
      return o.signature.id === 'crio-legacy-must-start-with-cap'
        ? { problem: `${q(written)}: no CAP_ prefix`, consequence, remedy: 'upgrade CRI-O (a bug fixed before 1.0)' }
        : { problem: `${q(written)}: no CAP_ prefix`, consequence };
    default:
      return { problem: sentence(o.signature.title).replace(/\.$/, '') };
  }
}

/** Removes asides in parentheses (file:line references, version notes) whole, never cutting words. */
function withoutAsides(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*\([^()]*\)/g, '')
    .trim();
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The diagnosis in one line of at most MESSAGE_MAX characters, built from parts rather than cut from
 * the summary: for a name, `"CAP_SYS_RESOURCE": CAP_ prefix — container fails on …; write SYS_RESOURCE`;
 * otherwise the summary when it fits (it is one sentence), else the signature's short template, else
 * what was refused and the capability it needs.
 */
function messageOf(
  story: Story,
  summary: string,
  runtime: string | undefined,
  reported: ReportedOutcome | undefined,
): string {
  const o = story.root;
  if (story.vetoed === undefined && isNameStory(story)) return composeMessage(nameParts(o, runtime, reported));
  const whole = summary.replace(/\s+/g, ' ').trim();
  if (whole.length <= MESSAGE_MAX) return whole;
  const bare = withoutAsides(whole);
  if (bare.length <= MESSAGE_MAX) return bare;
  const title = capitalized(o.signature.title);
  if (story.vetoed !== undefined) {
    const vetoed = `${title}, but ${withoutAsides(story.vetoed)}: probably not a missing ${o.capability ?? 'capability'}.`;
    if (vetoed.length <= MESSAGE_MAX) return vetoed;
    const granted = `${title}, but ${o.capability ?? 'the capability'} is shown granted: probably not a missing capability.`;
    if (granted.length <= MESSAGE_MAX) return granted;
    return composeMessage({ problem: title, consequence: `probably not a missing ${o.capability ?? 'capability'}` });
  }
  if (o.signature.message) return fill(o.signature.message, o);
  return composeMessage({
    problem: title,
    ...(o.capability !== undefined ? { remedy: `grant ${o.capability}` } : {}),
  });
}

function engineName(engine: RuntimeHint['engine']): string {
  return engine === 'cri-o' ? 'CRI-O' : engine === 'docker' ? 'Docker' : engine === 'podman' ? 'Podman' : 'containerd';
}

/** What the nodes themselves report (`docker://18.6.3` in node info), which is firmer than any message. */
function reportedRuntimes(hints: readonly RuntimeHint[], nodes: ReadonlySet<string>): string | undefined {
  const versions = hints.filter(
    (h) => h.version !== undefined && (nodes.size === 0 || h.node === undefined || nodes.has(h.node)),
  );
  const described = [
    ...new Set(versions.map((h) => `${engineName(h.engine)} ${h.version}${h.node ? ` on ${h.node}` : ''}`)),
  ];
  return described.length > 0 ? `the input reports ${and(described.slice(0, 3))}` : undefined;
}

function runtimeOf(story: Story): string | undefined {
  const all = [...story.causes, ...story.needs.flatMap((n) => n.causes)];
  let runtime = story.root.runtime ?? story.causes.find((c) => c.runtime !== undefined)?.runtime;
  if (story.root.signature.id === 'manifest-capability-name') runtime = undefined;
  const api = all.find((c) => c.dockerApi !== undefined)?.dockerApi;
  if (api) {
    const release = dockerReleaseForApi(api);
    if (release) runtime = `${runtime ?? 'Docker'} (requests use API v${api}, which is Docker ${release})`;
  }
  return runtime;
}

function symptomSentence(symptoms: readonly LinkedSymptom[]): string {
  const bySignature = new Map<string, LinkedSymptom[]>();
  for (const s of symptoms) {
    const list = bySignature.get(s.observation.signature.id) ?? [];
    list.push(s);
    bySignature.set(s.observation.signature.id, list);
  }
  const items: string[] = [];
  for (const list of bySignature.values()) {
    const signature = list[0]?.observation.signature;
    if (!signature) continue;
    const why = signature.follows ? `, as ${signature.follows}` : '';
    items.push(`${signature.title} (${refs(list.map((s) => s.observation))})${why}`);
  }
  if (items.length === 0) return '';
  const loose = symptoms.some((s) => s.link === 'kind')
    ? ' Some of these lines share no pod, container or time with the cause; only the kind of failure ties them to it.'
    : '';
  return `It also explains what was seen: ${items.join('; ')}.${loose}`;
}

function contextSentences(contexts: readonly Observation[]): string[] {
  const bySignature = new Map<string, Observation[]>();
  for (const o of contexts) bySignature.set(o.signature.id, [...(bySignature.get(o.signature.id) ?? []), o]);
  return [...bySignature.values()].map((list) => {
    const first = list[0] as Observation;
    return `${first.signature.meaning.replace(/\.$/, '')} (${refs(list)}).`;
  });
}

function containerPhrase(story: Story): string {
  const containers = [
    ...new Set(
      [...story.causes, ...story.symptoms.map((s) => s.observation)]
        .map((o) => o.entities.container)
        .filter((c): c is string => c !== undefined),
    ),
  ];
  return containers.length === 1 ? ` of container ${q(containers[0] as string)}` : '';
}

/** The drop-list entry as the manifest may have written it: a normalizing runtime prints CAP_X for X and for CAP_X. */
function droppedEntry(o: Observation, written: string): string {
  if (o.written === undefined && o.signature.reading === 'normalized' && /^CAP_/i.test(written)) {
    return `${q(written.slice(4))} or ${q(written)}`;
  }
  return q(written);
}

function fixOf(story: Story, reported?: ReportedOutcome): string {
  const o = story.root;
  const capability = o.capability;
  const via = story.via ?? 'kubernetes';
  const where =
    via === 'kubernetes'
      ? `securityContext.capabilities.${o.direction ?? 'add'}${containerPhrase(story)}`
      : NAME_PLACE[via].replace('{direction}', o.direction ?? 'add');
  const written = o.written ?? o.printed;
  let fix: string;
  switch (o.problem) {
    case 'list':
      fix = `Give each of ${and(o.guesses ?? [], 'and')} its own entry in ${where}${via === 'docker-run' || via === 'podman' ? ` (${(o.guesses ?? []).map((n) => `--cap-add=${n}`).join(' ')})` : ''}.`;
      break;
    case 'not-known': {
      const kernel = CAPABILITY_BY_NAME.get(capability ?? '')?.kernel ?? '?';
      fix = NOT_KNOWN_FIX.replace('{capability}', capability ?? 'the capability').replace('{kernel}', kernel);
      break;
    }
    case 'prefix':
    case 'case':
      fix =
        o.signature.id === 'psa-baseline-non-default-capabilities' || via !== 'kubernetes'
          ? `Write ${capability} instead of ${q(written ?? '')} in ${where}.`
          : `Write ${capability} instead of ${q(written ?? '')} in ${where}; Kubernetes names have no CAP_ prefix and are upper case.`;
      if (reported && o.problem === 'prefix')
        fix += ` ${reportedFixClause(reported, o.direction ?? 'add', capability ?? '')}`;
      break;
    case 'unknown':
      fix =
        capability !== undefined && written !== undefined
          ? `Replace ${q(written)} with ${capability} in ${where}${(o.guesses?.length ?? 0) > 1 ? `, or with ${and((o.guesses ?? []).slice(1, 3), 'or')} if that was meant` : ''}.`
          : o.direction === 'drop' && written !== undefined && via === 'kubernetes'
            ? `Correct ${droppedEntry(o, written)} in ${where}, or remove the entry; if the manifest does not drop it, look at the requiredDropCapabilities of the SecurityContextConstraints or PodSecurityPolicy that admitted the pod.`
            : o.signature.fix;
      break;
    case 'all':
      fix = `Write ALL instead of ${q(written ?? '')} in ${where}.`;
      break;
    default:
      fix =
        story.vetoed !== undefined
          ? (SIGNATURE_BY_ID.get('capabilities-granted')?.fix ?? o.signature.fix)
          : o.signature.fix;
      if (story.cls === 'missing' && capability !== undefined && via !== 'kubernetes' && story.vetoed === undefined) {
        // The signature's fix speaks Kubernetes; the input shows another way of starting the container.
        const grant = GRANT_ADVICE[via].replace('{capability}', capability);
        fix = /securityContext|capabilities\.add|^Add /.test(fix) ? grant : `${grant} ${fix}`;
      }
  }
  if (story.needs.length > 0 && capability !== undefined) {
    const why = and([...new Set(story.needs.map((n) => n.root.signature.need ?? n.root.signature.title))]);
    fix += ` That grants ${capability}: ${why}.`;
  } else if (story.cls === 'missing' && capability !== undefined && story.vetoed === undefined) {
    const container = containerPhrase(story);
    if (container) fix = `The container${container.replace(' of container', '')} needs ${capability}. ${fix}`;
  }
  return fix;
}

export function composeStory(story: Story, hints: readonly RuntimeHint[]): StoryText {
  const nodes = new Set(story.causes.map((c) => c.entities.node).filter((n): n is string => n !== undefined));
  const reportedWords = reportedRuntimes(hints, nodes);
  const base = runtimeOf(story);
  const runtime = base && reportedWords ? `${base}; ${reportedWords}` : (base ?? reportedWords);
  const o = story.root;
  const parts: string[] = [...story.notes.filter((n) => n.startsWith('Not a missing')), sentence(o.signature.meaning)];
  parts.push(...story.notes.filter((n) => !n.startsWith('Not a missing')));
  const api = story.causes.find((c) => c.dockerApi !== undefined)?.dockerApi;
  const release = api ? dockerReleaseForApi(api) : undefined;
  if (api && release) {
    parts.push(
      `The daemon was called with API v${api}, the highest version Docker ${release} serves (clients negotiate down to the daemon's version).`,
    );
  }
  for (const need of story.needs) {
    const capability = need.root.capability ?? o.capability ?? '';
    const why = need.root.signature.need ?? need.root.signature.title;
    parts.push(
      `${capability} is needed at all because ${why} (${refs(need.causes)}): ${sentence(need.root.signature.meaning)}`,
    );
  }
  parts.push(symptomSentence(story.symptoms));
  parts.push(...contextSentences(story.contexts));
  if (o.signature.uncertain) parts.push(`Not verified: ${o.signature.uncertain}`);
  const nameRuntime = o.signature.id === 'manifest-capability-name' ? undefined : o.runtime;
  // A name pasted from a manifest: the runtime the input reports decides what it does.
  const reported =
    o.signature.id === 'manifest-capability-name' && o.problem === 'prefix' && (o.written ?? o.printed) !== undefined
      ? reportedOutcome(hints, nodes, o.direction ?? 'add', (o.written ?? o.printed) as string)
      : undefined;
  const summary = summaryOf(story, nameRuntime, reported);
  const text: StoryText = {
    message: messageOf(story, summary, nameRuntime, reported),
    summary,
    explanation: parts.filter(Boolean).join(' '),
    fix: fixOf(story, reported),
  };
  if (runtime) text.runtime = runtime;
  return text;
}

// ---- What to collect next -------------------------------------------------------------------

interface NextInput {
  stories: readonly Story[];
  unattached: readonly Observation[];
  hints: readonly RuntimeHint[];
  inputs: readonly InputSummary[];
  manifests: boolean;
}

function journalUnits(hints: readonly RuntimeHint[]): string {
  const engines = new Set(hints.map((h) => h.engine));
  const units: string[] = ['kubelet'];
  if (engines.has('docker')) units.push('docker');
  if (engines.has('containerd')) units.push('containerd');
  if (engines.has('cri-o')) units.push('crio');
  if (units.length === 1) units.push('containerd', 'docker', 'crio');
  return units.map((u) => `-u ${u}`).join(' ');
}

function first<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

export function nextSteps(input: NextInput): NextStep[] {
  const next: NextStep[] = [];
  const { stories, unattached, hints } = input;
  const units = journalUnits(hints);
  const startFailures = unattached.filter((o) => o.signature.symptom === 'start-failure');
  const crashLoops = unattached.filter((o) => o.signature.symptom === 'crash-loop');
  const eperms = unattached.filter((o) => o.signature.symptom === 'eperm');
  const all = [...startFailures, ...crashLoops, ...eperms];
  const pod = first(all.map((o) => o.entities.pod));
  const namespace = first(all.map((o) => (o.entities.pod === pod ? o.entities.namespace : undefined)));
  const container = first(all.map((o) => o.entities.container));
  const node =
    first(all.map((o) => (o.entities.pod === pod ? o.entities.node : undefined))) ??
    first(all.map((o) => o.entities.node));
  const podArg = `${pod ?? '<pod>'}${namespace ? ` -n ${namespace}` : ''}`;
  const containerArg = container ? ` -c ${container}` : '';
  const onNode = node
    ? `On node ${node}`
    : `On the node that runs the pod (\`kubectl get pod ${podArg} -o wide\` shows it)`;

  if (stories.length === 0 && (startFailures.length > 0 || crashLoops.length > 0)) {
    const seen = [...startFailures, ...crashLoops];
    const titles = and([...new Set(seen.map((o) => o.signature.title))]);
    next.push({
      kind: 'only-symptoms',
      text: `Only symptoms: ${titles} (${refs(seen)}). They show that the container failed, not why.`,
    });
    if (startFailures.length > 0) {
      next.push({
        kind: 'describe',
        text: `\`kubectl describe pod ${podArg}\`: the Warning Failed event and the container's Last State quote the runtime's error.`,
      });
    } else {
      next.push({
        kind: 'previous-log',
        text: `\`kubectl logs ${podArg}${containerArg} --previous\`: the last attempt's output usually names what was refused.`,
      });
    }
    next.push({
      kind: 'status',
      text: `\`kubectl get pod ${podArg} -o yaml\`: status.containerStatuses[].lastState.terminated holds the reason and message (ContainerCannotRun or StartError there quote the runtime's error).`,
    });
    next.push({
      kind: 'node-journal',
      text: `${onNode}: \`journalctl ${units} --since "1 hour ago" --no-pager > node.log\` (or copy /var/log/messages where there is no journald): a container that never started has no log, and the runtime's refusal is there.`,
      file: 'node.log',
    });
    const id = first(seen.map((o) => o.entities.containerId));
    if (id)
      next.push({
        kind: 'container-id',
        text: `The container id ${id.slice(0, 12)} names the failed attempt: \`grep ${id.slice(0, 12)} /var/log/messages\` on that node.`,
      });
  }
  if (stories.length === 0 && eperms.length > 0) {
    next.push({
      kind: 'only-symptoms',
      text: `Only symptoms: something was refused with EPERM (${refs(eperms)}), without saying which call.`,
    });
    next.push({
      kind: 'find-call',
      text: `Find the call: read the lines just before it, or run the command under \`strace -f\`; then compare with the container's effective capabilities: \`kubectl exec ${podArg}${containerArg} -- grep Cap /proc/1/status\` and \`capsh --decode=<CapEff>\`.`,
    });
  }
  for (const story of stories) {
    if (story.cls !== 'missing' || story.root.capability === undefined || story.vetoed !== undefined) continue;
    const capability = story.root.capability;
    if (story.via === 'docker-run' || story.via === 'compose' || story.via === 'podman') {
      const engine = story.via === 'podman' ? 'podman' : 'docker';
      next.push({
        kind: 'check-capability',
        text: `Check that the container really holds ${capability}: \`${engine} exec <container> grep Cap /proc/1/status\`, decoded with \`capsh --decode=<CapEff>\`. A non-root process never gets an added capability into effect.`,
      });
      break;
    }
    const target = first(story.causes.map((o) => o.entities.pod));
    const ns = first(story.causes.map((o) => (o.entities.pod === target ? o.entities.namespace : undefined)));
    const c = first(story.causes.map((o) => o.entities.container));
    next.push({
      kind: 'check-capability',
      text: `Check that the container really holds ${capability}: \`kubectl exec ${target ?? '<pod>'}${ns ? ` -n ${ns}` : ''}${c ? ` -c ${c}` : ''} -- grep Cap /proc/1/status\`, decoded with \`capsh --decode=<CapEff>\`. If the manifest adds it as CAP_${capability} or in lower case, containerd leaves it out silently, which linting the manifests shows. A non-root process never gets an added capability (Kubernetes sets no ambient capabilities).`,
    });
    break;
  }
  if (!input.manifests && stories.some((s) => s.root.rule !== undefined && s.cls !== 'missing')) {
    next.push({
      kind: 'manifests',
      text: 'Give the manifests as well: the diagnosis then names the line to change and the corrected text.',
    });
  }
  if (stories.length === 0 && unattached.length === 0) {
    const lines = input.inputs.reduce((n, i) => n + i.lines, 0);
    next.push({
      kind: 'collect',
      text: `Nothing capability-related was recognised in ${lines} line${lines === 1 ? '' : 's'}. Collect the pod's events and status (\`kubectl describe pod <pod>\`), the previous container log (\`kubectl logs <pod> --previous\`) and the node's journal (\`journalctl ${units}\`), and diagnose them together.`,
    });
  }
  return next;
}
