// Helpers shared by the needs rules (pam-limits-needs-sys-resource, ulimit-needs-sys-resource,
// mlock-needs-memlock, sysctl-needs-privilege, cap-missing, cap-nonroot-ineffective,
// privileged-overreach): the analysis of each container on each target, computed once per lint run,
// and the wording of per-target outcomes.
import type { ContainerInfo } from '../core/extract.js';
import { isMapping } from '../core/extract.js';
import { where as whereIn } from '../core/message.js';
import type { EvidenceRef, Fix, ObjectRef, Path, PathEdit, TargetOutcome } from '../core/types.js';
import type { ResolvedTarget } from '../knowledge/targets.js';
import { type ContainerNeeds, containerNeeds, documentIndexOf, type Need } from '../model/needs.js';
import {
  decidingProcesses,
  evaluateNeed,
  type NeedState,
  type ProcessOnTarget,
  processesOnTargets,
} from '../model/process.js';
import { joinAnd, targetName } from './support.js';
import type { RuleContext } from './types.js';

/**
 * A container with what it needs; how it runs on each target is worked out on first use (most
 * containers need none of it). A class: an object literal with a getter is built on V8's slow path,
 * straight into the old generation, where it would keep the whole young document alive until a full
 * collection.
 */
export class AnalyzedContainer {
  private perTarget: readonly ProcessOnTarget[] | undefined;
  private perDecidingTarget: readonly ProcessOnTarget[] | undefined;

  constructor(
    readonly container: ContainerInfo,
    /** Index of its document in `context.documents`, or -1 when the documents were not needed. */
    readonly document: number,
    readonly needs: ContainerNeeds,
    private readonly targets: readonly ResolvedTarget[],
  ) {}

  /** The container on each target. */
  get processes(): readonly ProcessOnTarget[] {
    this.perTarget ??= processesOnTargets(this.container, this.targets);
    return this.perTarget;
  }

  /** The container on each target that decides (end-of-life runtimes checked as context left out). */
  get deciding(): readonly ProcessOnTarget[] {
    this.perDecidingTarget ??= decidingProcesses(this.container, this.targets);
    return this.perDecidingTarget;
  }
}

export interface TargetState {
  target: ResolvedTarget;
  process: ProcessOnTarget;
  state: NeedState;
}

// Seven rules read the same containers: analyse each once per set of targets. The analysis is kept on
// the container's own record (made by extract() for this document), so it goes when the document goes:
// a WeakMap entry would outlive young objects and make the collector promote every document.
const ANALYSIS = Symbol('analysis');
type Cached = ContainerInfo & { [ANALYSIS]?: { targets: readonly ResolvedTarget[]; analysis: AnalyzedContainer } };

export function analyzeContainers(context: RuleContext): AnalyzedContainer[] {
  const out: AnalyzedContainer[] = [];
  for (const podSpec of context.extracted.podSpecs) {
    for (const container of podSpec.containers) {
      const cached = (container as Cached)[ANALYSIS];
      if (cached && cached.targets === context.targets) {
        out.push(cached.analysis);
        continue;
      }
      // The other documents matter only for mounted ConfigMaps and Secrets; asking for them costs.
      const documents = mountsData(container) ? context.documents : [];
      const document = documents.length > 0 ? documentIndexOf(container, documents) : -1;
      const analysis = new AnalyzedContainer(
        container,
        document,
        containerNeeds(container, documents, document),
        context.targets,
      );
      (container as Cached)[ANALYSIS] = { targets: context.targets, analysis };
      out.push(analysis);
    }
  }
  return out;
}

/**
 * Could a mounted ConfigMap or Secret hold evidence (limits.conf, elasticsearch.yml, Vault's
 * configuration)? Only then are the other documents read.
 */
function mountsData(container: ContainerInfo): boolean {
  const mounts = container.value.volumeMounts;
  const volumes = container.podSpec.value.volumes;
  if (!Array.isArray(mounts) || mounts.length === 0 || !Array.isArray(volumes)) return false;
  if (!volumes.some((v) => isMapping(v) && ('configMap' in v || 'secret' in v || 'projected' in v))) return false;
  const vault = typeof container.value.image === 'string' && /(^|\/)vault(:|@|$)/.test(container.value.image);
  return mounts.some((m) => {
    const path = isMapping(m) && typeof m.mountPath === 'string' ? m.mountPath : '';
    return path.startsWith('/etc/security') || /elasticsearch/.test(path) || vault;
  });
}

/**
 * The need on each target that decides: end-of-life runtimes checked as context are left out (the
 * name rules already say where a spelling breaks them).
 */
export function statesFor(analysis: AnalyzedContainer, need: Need): TargetState[] {
  return analysis.deciding.map((process) => ({
    target: process.target,
    process,
    state: evaluateNeed(need, process, analysis.needs.needs),
  }));
}

export function containerBase(container: ContainerInfo): { object?: ObjectRef; container?: string } {
  const base: { object?: ObjectRef; container?: string } = {};
  if (container.podSpec.object) base.object = container.podSpec.object.ref;
  if (container.name !== undefined) base.container = container.name;
  return base;
}

export function containerLabel(container: ContainerInfo): string {
  return `container "${container.name ?? '?'}"`;
}

/** Per-target outcomes for a need: met → applied, unmet → ignored, not started → rejected, else unknown. */
export function needTargets(states: readonly TargetState[]): TargetOutcome[] {
  return states.map(({ target, state }) => ({
    target: target.matrix ? target.label : target.id,
    outcome:
      state.state === 'met'
        ? 'applied'
        : state.state === 'unmet'
          ? 'ignored'
          : state.state === 'not-run'
            ? 'rejected'
            : 'unknown',
    detail: state.state === 'not-run' ? `the container does not start: ${state.why}` : state.why,
    list: 'need' as const,
  }));
}

/**
 * What happens where a need is not met, in a few words: `unmet` (`runuser fails`) `on containerd ≥1.3`.
 * Targets where the container does not start at all are other rules' findings.
 */
export function needConsequence(targets: readonly TargetOutcome[], unmet: string): string | undefined {
  const where = (outcome: TargetOutcome['outcome']) =>
    whereIn(
      targets.filter((t) => t.outcome === outcome),
      targets,
    );
  if (targets.some((t) => t.outcome === 'ignored')) return `${unmet} on ${where('ignored')}`;
  if (targets.some((t) => t.outcome === 'unknown')) return `outcome not known on ${where('unknown')}`;
  if (targets.some((t) => t.outcome === 'rejected')) return `container does not start on ${where('rejected')}`;
  return undefined;
}

function names(states: readonly TargetState[]): string {
  return joinAnd([...new Set(states.map((s) => targetName(s.target)))]);
}

/**
 * "not on containerd 1.6 (why); it is on Docker 19.03; the container does not start on Docker 18.06".
 * `unmetWhy` words the unmet group; a single target gets its reason in full.
 */
export function describeStates(states: readonly TargetState[], what: { met: string; unmet: string }): string {
  const by = (s: NeedState['state']) => states.filter((t) => t.state.state === s);
  const parts: string[] = [];
  const unmet = by('unmet');
  if (unmet.length > 0) {
    // Targets that fail for the same reason are named together, each reason once.
    const groups = new Map<string, TargetState[]>();
    for (const u of unmet) groups.set(u.state.why, [...(groups.get(u.state.why) ?? []), u]);
    const reasons = [...groups].map(([why, items]) => `on ${names(items)}: ${why}`);
    parts.push(`${what.unmet} ${reasons.join('; ')}`);
  }
  const unknown = [...by('unknown'), ...by('deferred')];
  if (unknown.length > 0) parts.push(`not known on ${names(unknown)} (${unknown[0]?.state.why})`);
  const met = by('met');
  if (met.length > 0) parts.push(`${what.met} on ${names(met)}`);
  const notRun = by('not-run');
  if (notRun.length > 0) parts.push(`the container does not start on ${names(notRun)}`);
  return parts.join('; ');
}

export function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** `* hard memlock unlimited` in ConfigMap/esc-config "limits.conf", mounted at /etc/security/limits.conf. */
export function quoteEvidence(evidence: readonly EvidenceRef[]): string {
  return evidence.map((e) => `\`${e.text}\` in ${e.label}`).join('; ');
}

/** Evidence without repeats (the same line can back several needs). */
export function uniqueEvidence(evidence: readonly EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = JSON.stringify([e.document, e.path, e.line, e.text]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Path of a container's scalar (command or args item) where a step is written. */
export function stepPath(container: ContainerInfo, origin: { field: string; index: number }): Path {
  return [...container.path, origin.field, origin.index];
}

/** A suggestion that adds capabilities to the container's `capabilities.add`, creating what is missing. */
export function addCapabilities(container: ContainerInfo, capabilities: readonly string[]): Fix | undefined {
  if (capabilities.length === 0) return undefined;
  const values = [...capabilities];
  const contextPath = [...container.path, 'securityContext'];
  const context = container.securityContext;
  let edit: PathEdit;
  if (!('securityContext' in container.value)) {
    edit = { kind: 'add-key', path: contextPath, value: { capabilities: { add: values } } };
  } else if (!isMapping(context)) {
    return undefined;
  } else if (!('capabilities' in context)) {
    edit = { kind: 'add-key', path: [...contextPath, 'capabilities'], value: { add: values } };
  } else if (!isMapping(context.capabilities)) {
    return undefined;
  } else if (!('add' in context.capabilities)) {
    edit = { kind: 'add-key', path: [...contextPath, 'capabilities', 'add'], value: values };
  } else if (Array.isArray(context.capabilities.add)) {
    edit = { kind: 'append-items', path: [...contextPath, 'capabilities', 'add'], values };
  } else {
    return undefined;
  }
  return { description: `add ${joinAnd(values)} to capabilities.add`, edits: [edit] };
}

/** Whether the container's add list names this capability in any spelling. */
export function addsCapability(container: ContainerInfo, capability: string): boolean {
  const caps = container.securityContext?.capabilities;
  const add = isMapping(caps) && Array.isArray(caps.add) ? caps.add : [];
  return add.some((value) => {
    if (typeof value !== 'string') return false;
    let bare = value.trim().toUpperCase();
    while (bare.startsWith('CAP_')) bare = bare.slice(4);
    return bare === capability;
  });
}

/** The add list names the capability only in a spelling Kubernetes does not expect (`CAP_X`, `x`). */
export function misspelledAdd(container: ContainerInfo, capability: string): boolean {
  const caps = container.securityContext?.capabilities;
  const add = isMapping(caps) && Array.isArray(caps.add) ? caps.add : [];
  return !add.includes(capability) && addsCapability(container, capability);
}

/** A limit as people write it: `unlimited`, `65536`, `8192 KiB`. */
export function limitText(value: number | 'unlimited', unit: string): string {
  if (value === 'unlimited') return 'unlimited';
  return unit === 'KiB' ? `${value} KiB` : String(value);
}
