// Helpers shared by the rules: walking capability names, asking the predictions, wording outcomes.
import type { CapabilityEntry, CapabilityList, CapabilityOwner, Extracted } from '../core/extract.js';
import type { Fix, ObjectRef, Path, Severity, TargetOutcome } from '../core/types.js';
import { PSA_POD_SPEC_KINDS } from '../knowledge/kubernetes.js';
import { analyzeName, type NameAnalysis } from '../knowledge/names.js';
import { type Direction, type Prediction, predict } from '../knowledge/predict.js';
import { type ResolvedTarget, resolveTargets } from '../knowledge/targets.js';
import { compareVersions, type Version } from '../knowledge/versions.js';

export interface NameSite {
  entry: CapabilityEntry;
  list: CapabilityList;
  owner: CapabilityOwner;
  name: NameAnalysis;
}

export function* nameSites(extracted: Extracted): Generator<NameSite> {
  for (const owner of extracted.owners) {
    for (const list of owner.lists) {
      for (const entry of list.entries) yield { entry, list, owner, name: analyzeName(entry.value) };
    }
  }
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

export interface Evaluated {
  target: ResolvedTarget;
  prediction: Prediction;
}

export function evaluate(targets: readonly ResolvedTarget[], direction: Direction, input: string): Evaluated[] {
  return targets.map((target) => ({ target, prediction: predict(target, direction, input) }));
}

export function targetName(target: ResolvedTarget): string {
  return target.matrix || target.id === target.label ? target.label : `${target.id} (${target.label})`;
}

export function toTargetOutcomes(evaluated: readonly Evaluated[]): TargetOutcome[] {
  return evaluated.map(({ target, prediction }) => ({
    target: target.matrix ? target.label : target.id,
    outcome: prediction.outcome,
    detail: prediction.detail,
  }));
}

/** Breaks anywhere → error; uncertain somewhere → warning; otherwise the given severity. */
export function severityFromOutcomes(evaluated: readonly Evaluated[], otherwise: Severity): Severity {
  if (evaluated.some((e) => e.prediction.outcome === 'rejected' || e.prediction.outcome === 'ignored')) return 'error';
  if (evaluated.some((e) => e.prediction.outcome === 'unknown')) return otherwise === 'error' ? 'error' : 'warning';
  return otherwise;
}

function joinLabels(items: readonly Evaluated[], withStatus: boolean): string {
  return items
    .map((e) =>
      withStatus && e.prediction.status ? `${targetName(e.target)} (${e.prediction.status})` : targetName(e.target),
    )
    .join(', ');
}

/**
 * One sentence on what the targets do with an entry. With a single target it is that target's
 * own explanation; with several, targets are grouped by outcome.
 */
export function outcomeSentence(evaluated: readonly Evaluated[], direction: Direction): string {
  const first = evaluated[0];
  if (evaluated.length === 1 && first) return `On ${targetName(first.target)}: ${first.prediction.detail}.`;
  const by = (outcome: Prediction['outcome']) => evaluated.filter((e) => e.prediction.outcome === outcome);
  const parts: string[] = [];
  const rejected = by('rejected');
  const ignored = by('ignored');
  const unknown = by('unknown');
  const applied = by('applied');
  if (rejected.length) parts.push(`the container fails on ${joinLabels(rejected, true)}`);
  if (ignored.length) {
    parts.push(
      `${direction === 'add' ? 'it is silently not granted' : 'nothing is dropped'} on ${joinLabels(ignored, false)}`,
    );
  }
  if (unknown.length) parts.push(`the outcome is uncertain on ${joinLabels(unknown, false)}`);
  if (applied.length) parts.push(`it works on ${joinLabels(applied, false)}`);
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
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
export function kubernetesVersions(targets: readonly ResolvedTarget[]): Version[] {
  const seen = new Map<string, Version>();
  for (const t of targets) if (t.kubernetes) seen.set(t.kubernetes.parts.join('.'), t.kubernetes);
  return [...seen.values()].sort(compareVersions);
}

/** How Pod Security admission treats an object of this kind at a level (a sentence, or ''). */
export function admissionScope(kind: string | undefined, level: 'baseline' | 'restricted'): string {
  if (kind === undefined || kind === 'Pod') return '';
  if (PSA_POD_SPEC_KINDS.has(kind)) {
    return ` For a ${kind}, admission only warns and audits; where ${level} is enforced it refuses the Pods the ${kind} creates.`;
  }
  return ` Pod Security admission does not evaluate a ${kind} itself; where ${level} is enforced it refuses the Pods created from it.`;
}
