// The process a container will run, per target: what each add and drop entry becomes (through the
// target's own name handling, `predict`), the bounding set that results from the runtime's defaults,
// what a process of a given user holds, and whether each need is met. Pure.
import type { ContainerInfo } from '../core/extract.js';
import { isMapping } from '../core/extract.js';
import type { Path } from '../core/types.js';
import { CAPABILITIES, kernelHasCapability } from '../knowledge/capabilities.js';
import { ELASTICSEARCH, NON_ROOT, RAISE_HARD_LIMIT, VAULT } from '../knowledge/needs.js';
import { nonRootStart, type Outcome, type Prediction, predict } from '../knowledge/predict.js';
import { PROC_SYS_FACTS, UNPRIVILEGED_NET_DEFAULTS } from '../knowledge/sysctls.js';
import type { ResolvedTarget } from '../knowledge/targets.js';
import { compareVersions, must } from '../knowledge/versions.js';
import type { ProcessUser, Step } from './command.js';
import type { Need } from './needs.js';

/**
 * What one add or drop entry becomes on a target. Shared by every container that writes the same entry
 * in the same list (it names neither the container nor its position): read only.
 */
export interface EntryOutcome {
  readonly direction: 'add' | 'drop';
  /** The entry as written (undefined when it is not a string). */
  readonly input?: string;
  readonly prediction?: Prediction;
  /** `not-applied`: the runtime ignores the lists of a privileged container. */
  readonly outcome: Outcome | 'not-applied';
  /** What it became, in a few words: `grants SYS_RESOURCE`, `silently not granted`. */
  readonly became: string;
  /** The entry is ALL (in any case, with spaces around). */
  readonly all: boolean;
}

/** One entry of a container's capability lists, where it is written. */
export interface WrittenEntry {
  direction: 'add' | 'drop';
  value: unknown;
  path: Path;
}

export interface ProcessOnTarget {
  target: ResolvedTarget;
  privileged: boolean;
  starts: boolean;
  /** Why the container does not start on this target. */
  failure?: string;
  defaults: readonly string[];
  /** Capabilities in the bounding set (canonical names, sorted by number). */
  bounding: readonly string[];
  /** Capabilities whose presence the facts cannot tell. */
  uncertain: readonly string[];
  /** The add entries, then the drop entries, in the order written (see `writtenEntries`). */
  entries: readonly EntryOutcome[];
  /** allowPrivilegeEscalation: false. */
  noNewPrivs: boolean;
  /** hostUsers: false: the pod has its own user namespace. */
  userNamespace: boolean;
  /**
   * Capabilities the runtime also puts in the ambient set, so that a non-root first process holds
   * them (CRI-O 1.0–1.9.11 and 1.10.0, containerd 1.1.0); `unknown` when only some patch releases
   * of the target do.
   */
  runtimeAmbient: { state: 'yes' | 'no' | 'unknown'; capabilities: readonly string[]; detail?: string };
  /** The runtime leaves effective and permitted empty for a non-root user (Docker 18.04–23.0.6, 24.0.0–24.0.5). */
  boundingOnly: 'all' | 'some' | 'none';
}

const ORDER = new Map(CAPABILITIES.map((c) => [c.name, c.number]));
/** Capability names by number: sets are written in this order. */
const BY_NUMBER: readonly string[] = [...CAPABILITIES].sort((a, b) => a.number - b.number).map((c) => c.name);

function sorted(set: Iterable<string>): string[] {
  return [...set].sort((a, b) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99));
}

// Models of containers on every target hold a few distinct sets (the defaults, the defaults with one
// capability added): each is one array, however many models hold it.
const sets = new Map<number, readonly string[]>();
const SETS_LIMIT = 4096;
const NONE: readonly string[] = Object.freeze([]);

/** `set` in capability order, as an array shared with every equal set (read only). */
function ordered(set: ReadonlySet<string>): readonly string[] {
  if (set.size === 0) return NONE;
  // Which capabilities, as the bits of a number (exact while there are at most 53).
  let bits = 0;
  let found = 0;
  let bit = 1;
  for (const name of BY_NUMBER) {
    if (set.has(name)) {
      bits += bit;
      found++;
    }
    bit *= 2;
  }
  // A name that is not a capability cannot be written by number: sorted as before.
  if (found !== set.size || BY_NUMBER.length > 53) return sorted(set);
  let known = sets.get(bits);
  if (known === undefined) {
    if (sets.size >= SETS_LIMIT) sets.clear();
    known = Object.freeze(BY_NUMBER.filter((name) => set.has(name)));
    sets.set(bits, known);
  }
  return known;
}

/** What depends on the target alone, worked out once per target. */
interface TargetFacts {
  all: readonly string[];
  /** The runtime's defaults in capability order (the bounding set where the lists change nothing). */
  defaults: readonly string[];
  start: ReturnType<typeof nonRootStart>;
  /** Entry outcomes by list and entry (bounded: an input may write many different names). */
  entries: { add: Map<string, EntryOutcome>; drop: Map<string, EntryOutcome> };
}

const targetFacts = new WeakMap<ResolvedTarget, TargetFacts>();
const ENTRIES_LIMIT = 4096;

function factsOf(target: ResolvedTarget): TargetFacts {
  let facts = targetFacts.get(target);
  if (facts === undefined) {
    const max = target.engine?.knownMax ?? 40;
    const all = CAPABILITIES.filter(
      (c) => c.number <= max && (target.kernel === undefined || kernelHasCapability(c, target.kernel)),
    ).map((c) => c.name);
    facts = {
      all: ordered(new Set(all)),
      defaults: ordered(new Set(target.engine?.defaults ?? [])),
      start: nonRootStart(target),
      entries: { add: new Map(), drop: new Map() },
    };
    targetFacts.set(target, facts);
  }
  return facts;
}

function describeEntry(direction: 'add' | 'drop', prediction: Prediction, input: string): string {
  const all = input.trim().toUpperCase() === 'ALL';
  switch (prediction.outcome) {
    case 'applied':
      if (all) return direction === 'add' ? 'grants every capability' : 'drops every capability';
      return `${direction === 'add' ? 'grants' : 'drops'} ${prediction.capability ?? input}`;
    case 'ignored':
      return direction === 'add' ? 'silently not granted' : 'drops nothing';
    case 'rejected':
      return `the container fails (${prediction.status ?? 'error'})`;
    default:
      return 'outcome not known';
  }
}

const NOT_A_NAME = {
  add: Object.freeze({ direction: 'add', outcome: 'unknown', became: 'not a name', all: false }),
  drop: Object.freeze({ direction: 'drop', outcome: 'unknown', became: 'not a name', all: false }),
} as const satisfies Record<'add' | 'drop', EntryOutcome>;

const isAllName = (input: string) => input.trim().toUpperCase() === 'ALL';

/** What an entry becomes on the target whose facts these are (shared: see EntryOutcome). */
function entryOutcome(
  facts: TargetFacts,
  target: ResolvedTarget,
  direction: 'add' | 'drop',
  value: unknown,
): EntryOutcome {
  if (typeof value !== 'string') return NOT_A_NAME[direction];
  const known = facts.entries[direction];
  let outcome = known.get(value);
  if (outcome === undefined) {
    const prediction = predict(target, direction, value);
    outcome = Object.freeze({
      direction,
      input: value,
      prediction,
      outcome: prediction.outcome,
      became: describeEntry(direction, prediction, value),
      all: isAllName(value),
    });
    if (known.size >= ENTRIES_LIMIT) known.clear();
    known.set(value, outcome);
  }
  return outcome;
}

/** The container's add and drop entries, in the order of a model's `entries`, with their paths. */
export function writtenEntries(container: ContainerInfo): WrittenEntry[] {
  const context = container.securityContext;
  const caps = isMapping(context?.capabilities) ? context.capabilities : undefined;
  const out: WrittenEntry[] = [];
  for (const direction of ['add', 'drop'] as const) {
    const value = caps?.[direction];
    if (!Array.isArray(value)) continue;
    value.forEach((v, i) => {
      out.push({ direction, value: v, path: [...container.path, 'securityContext', 'capabilities', direction, i] });
    });
  }
  return out;
}

const NO_AMBIENT: ProcessOnTarget['runtimeAmbient'] = Object.freeze({ state: 'no', capabilities: NONE });

/** The container on one target: entries, sets, and whether it starts. */
export function processOnTarget(container: ContainerInfo, target: ResolvedTarget): ProcessOnTarget {
  const context = container.securityContext;
  const privileged = context?.privileged === true;
  const engine = target.engine;
  const defaults = engine?.defaults ?? [];
  const facts = factsOf(target);
  const caps = isMapping(context?.capabilities) ? context.capabilities : undefined;
  const listsIgnored = privileged && engine?.privileged.listsIgnored === true;
  const entries: EntryOutcome[] = [];
  for (const direction of ['add', 'drop'] as const) {
    const list = caps?.[direction];
    if (!Array.isArray(list)) continue;
    for (const value of list) {
      if (listsIgnored) {
        const out: EntryOutcome =
          typeof value === 'string'
            ? {
                direction,
                input: value,
                outcome: 'not-applied',
                became: 'not applied (privileged)',
                all: isAllName(value),
              }
            : { direction, outcome: 'not-applied', became: 'not applied (privileged)', all: false };
        entries.push(out);
      } else entries.push(entryOutcome(facts, target, direction, value));
    }
  }
  const start = facts.start;
  const result: ProcessOnTarget = {
    target,
    privileged,
    starts: true,
    defaults,
    bounding: NONE,
    uncertain: NONE,
    entries,
    noNewPrivs: context?.allowPrivilegeEscalation === false,
    userNamespace: container.podSpec.value.hostUsers === false,
    runtimeAmbient: NO_AMBIENT,
    boundingOnly: start.boundingOnly,
  };
  const rejected = entries.find((e) => e.outcome === 'rejected');
  if (rejected?.prediction) {
    result.starts = false;
    result.failure = `${JSON.stringify(rejected.input)} in ${rejected.direction} is refused (${rejected.prediction.status ?? 'error'})`;
  }
  if (!engine) return result;
  if (privileged) {
    result.bounding = facts.all;
    // runtime-tools' SetupPrivileged fills the ambient set as well.
    if (start.ambient !== 'none' && start.ambientDefaults) result.runtimeAmbient = ambientOf(start, result.bounding);
    return result;
  }
  // One pass over the entries: what is applied, and what is not known, in each list.
  let addAll = false;
  let dropAll = false;
  let dropAllUnknown = false;
  const adds: string[] = [];
  const drops: string[] = [];
  const maybeAdd: string[] = [];
  const maybeDrop: string[] = [];
  for (const e of entries) {
    const add = e.direction === 'add';
    if (e.outcome === 'applied') {
      if (e.all) {
        if (add) addAll = true;
        else dropAll = true;
      } else {
        const capability = e.prediction?.capability;
        if (capability !== undefined) (add ? adds : drops).push(capability);
      }
    } else if (e.outcome === 'unknown' && e.input !== undefined) {
      (add ? maybeAdd : maybeDrop).push(e.input);
      if (!add && e.all) dropAllUnknown = true;
    }
  }
  // Lists that change nothing here (or only say what is not known) leave the runtime's defaults.
  const changes = addAll || dropAll || adds.length > 0 || drops.length > 0;
  if (!changes && maybeAdd.length === 0 && maybeDrop.length === 0 && !dropAllUnknown) {
    result.bounding = facts.defaults;
    // As below: the runtime's defaults, or nothing added.
    if (start.ambient !== 'none')
      result.runtimeAmbient = ambientOf(start, start.ambientDefaults ? result.bounding : NONE);
    return result;
  }
  const bounding = new Set<string>(defaults);
  const uncertain = new Set<string>();
  if (addAll) for (const c of facts.all) bounding.add(c);
  if (dropAll) bounding.clear();
  const conflict = engine.conflict.result;
  if (conflict === 'add-wins') {
    for (const c of drops) bounding.delete(c);
    for (const c of adds) bounding.add(c);
  } else {
    for (const c of adds) bounding.add(c);
    for (const c of drops) bounding.delete(c);
    if (conflict === 'unknown') for (const c of adds) if (drops.includes(c)) uncertain.add(c);
    if (conflict === 'rejected' && adds.some((c) => drops.includes(c)) && result.starts) {
      result.starts = false;
      result.failure = engine.conflict.detail;
    }
  }
  for (const input of maybeAdd) {
    const name = capabilityName(input);
    if (name && !bounding.has(name)) uncertain.add(name);
  }
  for (const input of maybeDrop) {
    const name = capabilityName(input);
    if (name && bounding.has(name)) uncertain.add(name);
  }
  if (dropAllUnknown) for (const c of defaults) if (bounding.has(c)) uncertain.add(c);
  result.bounding = ordered(bounding);
  result.uncertain = ordered(uncertain);
  if (start.ambient !== 'none') {
    // CRI-O's generator puts its defaults there too; containerd 1.1.0 only what the manifest adds.
    const added = addAll ? result.bounding : ordered(new Set(adds.filter((c) => bounding.has(c))));
    result.runtimeAmbient = ambientOf(start, start.ambientDefaults ? result.bounding : added);
  }
  return result;
}

function ambientOf(
  start: ReturnType<typeof nonRootStart>,
  capabilities: readonly string[],
): ProcessOnTarget['runtimeAmbient'] {
  const out: ProcessOnTarget['runtimeAmbient'] = {
    state: start.ambient === 'all' ? 'yes' : 'unknown',
    capabilities,
  };
  if (start.detail) out.detail = start.detail;
  return out;
}

/**
 * Does the runtime's ambient set reach this step? Only a process that runs as the container's own
 * user without a user switch in between: a switch from root clears the ambient set.
 */
export function heldThroughAmbient(model: ProcessOnTarget, capability: string, step?: Step): 'yes' | 'no' | 'unknown' {
  if (model.runtimeAmbient.state === 'no' || !model.runtimeAmbient.capabilities.includes(capability)) return 'no';
  if (step?.startedBy !== undefined) return 'no';
  return model.runtimeAmbient.state;
}

/**
 * Every field of a container that `processOnTarget` reads, as one string: containers with the same key
 * get the same model on the same target (the paths inside its entries are those of the first one).
 * Non-string entries are all "not a name", so only their kind counts.
 */
function modelKey(container: ContainerInfo): string {
  const context = container.securityContext;
  const caps = isMapping(context?.capabilities) ? context.capabilities : undefined;
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : null)) : typeof value;
  return JSON.stringify([
    list(caps?.add),
    list(caps?.drop),
    context?.privileged === true,
    context?.allowPrivilegeEscalation === false,
    container.podSpec.value.hostUsers === false,
  ]);
}

/** Distinct keys kept per set of targets before the cache starts again (an input of all-different containers). */
const MODEL_CACHE_LIMIT = 4096;

/** The models of containers with one key: on the targets that decide, and on all of them (each made when first asked). */
interface Models {
  deciding?: readonly ProcessOnTarget[];
  all?: readonly ProcessOnTarget[];
}

const models = new WeakMap<readonly ResolvedTarget[], Map<string, Models>>();
const decidingOf = new WeakMap<readonly ResolvedTarget[], readonly ResolvedTarget[]>();

/** The targets that decide a severity: all but the end-of-life runtimes checked as context. */
function decidingTargets(targets: readonly ResolvedTarget[]): readonly ResolvedTarget[] {
  let deciding = decidingOf.get(targets);
  if (deciding === undefined) {
    deciding = targets.filter((t) => !t.context);
    decidingOf.set(targets, deciding);
  }
  return deciding;
}

function modelsOf(container: ContainerInfo, targets: readonly ResolvedTarget[]): Models {
  let cache = models.get(targets);
  if (!cache) {
    cache = new Map();
    models.set(targets, cache);
  }
  const key = modelKey(container);
  let shared = cache.get(key);
  if (!shared) {
    if (cache.size >= MODEL_CACHE_LIMIT) cache.clear();
    shared = {};
    cache.set(key, shared);
  }
  return shared;
}

/**
 * The container on each of `targets`: worked out once per distinct key (capability lists, privileged,
 * allowPrivilegeEscalation, hostUsers) and set of targets: containers with the same key share the same
 * models (nothing in a model names its container).
 */
export function processesOnTargets(
  container: ContainerInfo,
  targets: readonly ResolvedTarget[],
): readonly ProcessOnTarget[] {
  const shared = modelsOf(container, targets);
  if (shared.all === undefined) {
    const deciding = shared.deciding;
    let next = 0;
    // The models on the targets that decide are those already made, if they were.
    shared.all = targets.map((t) =>
      deciding !== undefined && !t.context ? (deciding[next++] as ProcessOnTarget) : processOnTarget(container, t),
    );
  }
  return shared.all;
}

/**
 * The container on the targets that decide (`processesOnTargets` without the end-of-life runtimes of
 * the default targets, which most questions leave out: their models are then never made).
 */
export function decidingProcesses(
  container: ContainerInfo,
  targets: readonly ResolvedTarget[],
): readonly ProcessOnTarget[] {
  const shared = modelsOf(container, targets);
  if (shared.deciding === undefined) {
    shared.deciding =
      shared.all === undefined
        ? decidingTargets(targets).map((t) => processOnTarget(container, t))
        : shared.all.filter((p) => !p.target.context);
  }
  return shared.deciding;
}

function capabilityName(input: string): string | undefined {
  let bare = input.trim().toUpperCase();
  while (bare.startsWith('CAP_')) bare = bare.slice(4);
  return ORDER.has(bare) ? bare : undefined;
}

/** Why a capability is not in the bounding set on this target, in one clause. */
export function whyAbsent(model: ProcessOnTarget, capability: string): string {
  const engine = model.target.engine;
  const addEntry = model.entries.find(
    (e) => e.direction === 'add' && e.input !== undefined && capabilityName(e.input) === capability,
  );
  if (addEntry?.prediction && addEntry.outcome !== 'applied') {
    const prediction = addEntry.prediction;
    const lookedUp =
      prediction.runtimeName && prediction.runtimeName !== `CAP_${capability}`
        ? ` (looked up as ${prediction.runtimeName})`
        : '';
    const what = addEntry.outcome === 'ignored' ? 'is silently not granted' : 'has no known outcome';
    return `the add entry ${JSON.stringify(addEntry.input)} ${what}${lookedUp}`;
  }
  const dropped = model.entries.find(
    (e) =>
      e.direction === 'drop' &&
      e.outcome === 'applied' &&
      e.input !== undefined &&
      (e.input.trim().toUpperCase() === 'ALL' || capabilityName(e.input) === capability),
  );
  if (dropped) return `drop ${JSON.stringify(dropped.input)} removes it and nothing adds it back`;
  return `it is not in ${engine?.label ?? 'the runtime'}’s default set and nothing adds it`;
}

export type Availability = {
  state: 'yes' | 'no' | 'unknown';
  why: string;
  /** For a non-root process: a file capability on its binary could still bring it. */
  fileCapsPossible?: boolean;
};

/** Does a process of this user hold `capability` in its effective set? */
export function capabilityFor(
  model: ProcessOnTarget,
  user: ProcessUser,
  capability: string,
  step?: Step,
): Availability {
  if (!model.target.engine) return { state: 'unknown', why: 'no container runtime in the target' };
  if (model.uncertain.includes(capability)) {
    return { state: 'unknown', why: `whether ${capability} is granted is not known on ${model.target.label}` };
  }
  const inBounding = model.bounding.includes(capability);
  if (user.kind === 'non-root' && !step?.ambient.includes(capability)) {
    const ambient = inBounding ? heldThroughAmbient(model, capability, step) : 'no';
    if (ambient === 'yes') {
      return {
        state: 'yes',
        why: `${model.target.label} puts ${capability} in the ambient set too, so ${describeUser(user)} holds it`,
      };
    }
    if (ambient === 'unknown') {
      return {
        state: 'unknown',
        why: `some ${model.target.id} patch releases put ${capability} in the ambient set (then ${describeUser(user)} holds it), others do not: name the patch release`,
      };
    }
    const also = inBounding ? '' : `; ${capability} is not even in its bounding set: ${whyAbsent(model, capability)}`;
    return {
      state: 'no',
      why: `the process runs as ${describeUser(user)}, which holds no capability (${NON_ROOT.short})${also}`,
      fileCapsPossible: inBounding && fileCapabilitiesCanReach(model, step),
    };
  }
  if (!inBounding) return { state: 'no', why: whyAbsent(model, capability) };
  if (step?.ambient.includes(capability))
    return { state: 'yes', why: `${capability} is passed as an ambient capability` };
  if (user.kind === 'root') return { state: 'yes', why: `${capability} is granted and the process is root` };
  return {
    state: 'unknown',
    why: `${capability} is granted, but the process user (${user.source}) is not known: root holds it, another user does not`,
  };
}

/** A shell, a script or `ulimit`: a program that carries no file capability of its own. */
export function isShellOrScript(step: Step): boolean {
  return step.program.endsWith('.sh') || ['sh', 'bash', 'ash', 'dash', 'zsh', 'ulimit'].includes(step.program);
}

/**
 * Could a file capability on the binary bring a capability to a non-root process here? Without
 * no_new_privs, yes. With it, only along a chain of programs that all carry the file capability from
 * the container's first executable on: a shell, a script or a user switch in between breaks it.
 */
export function fileCapabilitiesCanReach(model: ProcessOnTarget, step?: Step): boolean {
  if (step && isShellOrScript(step)) return false;
  if (!model.noNewPrivs) return true;
  // no_new_privs caps what an exec gains at what the process already holds: nothing, where the
  // runtime writes only the bounding set for a non-root user.
  if (model.boundingOnly === 'all') return false;
  if (step === undefined) return true;
  if (step.viaImageEntrypoint) return true;
  return !step.throughShell && step.startedBy?.switch === undefined;
}

export function describeUser(user: ProcessUser): string {
  if (user.kind === 'root') return `root (${user.source})`;
  const who = user.name ?? (user.uid !== undefined ? `uid ${user.uid}` : 'a non-root user');
  return user.kind === 'non-root' ? `${who} (${user.source})` : `an unknown user (${user.source})`;
}

/* ------------------------------------------------------------------------------------------------ */

export interface NeedState {
  /** `not-run`: the container does not start on this target; `deferred`: another need decides. */
  state: 'met' | 'unmet' | 'unknown' | 'not-run' | 'deferred';
  why: string;
  /** An unmet need that alternatives outside the manifest may still satisfy. */
  soft?: boolean;
}

function hasUnprivilegedPorts(target: ResolvedTarget, hostNetwork: boolean): string | undefined {
  if (hostNetwork || !target.engine || !target.engineVersion) return undefined;
  const version = target.engineVersion;
  const fact = UNPRIVILEGED_NET_DEFAULTS.find(
    (d) => d.engine === target.engine?.engine && d.ports && compareVersions(version, must(d.since)) >= 0,
  );
  return fact?.detail;
}

function sysResource(model: ProcessOnTarget, user: ProcessUser, step: Step | undefined, assumeRoot: string): NeedState {
  if (model.userNamespace) return { state: 'unmet', why: RAISE_HARD_LIMIT.userNamespace };
  const effectiveUser: ProcessUser =
    user.kind === 'unknown' && assumeRoot ? { kind: 'root', source: assumeRoot } : user;
  const available = capabilityFor(model, effectiveUser, 'SYS_RESOURCE', step);
  if (available.state === 'yes') return { state: 'met', why: available.why };
  if (available.state === 'unknown') return { state: 'unknown', why: available.why };
  return { state: 'unmet', why: available.why };
}

/** Is the need met on this target? */
export function evaluateNeed(need: Need, model: ProcessOnTarget, all: readonly Need[] = []): NeedState {
  if (!model.starts) return { state: 'not-run', why: model.failure ?? 'the container does not start' };
  switch (need.kind) {
    case 'pam-limits':
      return sysResource(
        model,
        need.opener.user,
        need.opener,
        `${need.opener.switch?.tool ?? 'the session opener'} runs only as root`,
      );
    case 'ulimit':
      return sysResource(model, need.step.user, need.step, '');
    case 'mlock':
      return evaluateMlock(need, model, all);
    case 'sysctl': {
      if (!model.privileged) return { state: 'unmet', why: PROC_SYS_FACTS.readOnly };
      if (model.userNamespace && !need.namespace) {
        return { state: 'unmet', why: 'a pod with its own user namespace cannot write a node-wide sysctl' };
      }
      if (need.step.user.kind === 'non-root') {
        return {
          state: 'unmet',
          why: `the files under /proc/sys belong to root; ${describeUser(need.step.user)} cannot write them`,
        };
      }
      return { state: 'met', why: 'the container is privileged, so /proc/sys is writable' };
    }
    case 'command': {
      const available = capabilityFor(model, need.step.user, need.capability, need.step);
      return toState(available, need.facts.soft === true);
    }
    case 'switch': {
      // Switching user works only for root (or a process holding SETUID), so an unknown user is taken as root.
      const switcher: ProcessUser =
        need.step.user.kind === 'unknown'
          ? { kind: 'root', source: `${need.step.program} runs as root` }
          : need.step.user;
      for (const capability of need.capabilities) {
        const available = capabilityFor(model, switcher, capability, need.step);
        if (available.state !== 'yes') return toState(available, false);
      }
      return { state: 'met', why: 'SETUID and SETGID are granted' };
    }
    case 'port': {
      const sysctl = need.unprivilegedPortStart;
      if (sysctl !== undefined && Number(sysctl) <= need.port) {
        return { state: 'met', why: `the pod sets net.ipv4.ip_unprivileged_port_start=${sysctl}` };
      }
      const runtime = hasUnprivilegedPorts(model.target, need.hostNetwork);
      if (runtime) return { state: 'met', why: runtime };
      const available = capabilityFor(model, need.user, 'NET_BIND_SERVICE');
      return toState(available, true);
    }
  }
}

function toState(available: Availability, soft: boolean): NeedState {
  if (available.state === 'yes') return { state: 'met', why: available.why };
  if (available.state === 'unknown') return { state: 'unknown', why: available.why };
  const state: NeedState = { state: 'unmet', why: available.why };
  if (soft || available.fileCapsPossible) state.soft = true;
  return state;
}

function evaluateMlock(
  need: Extract<Need, { kind: 'mlock' }>,
  model: ProcessOnTarget,
  all: readonly Need[],
): NeedState {
  if (need.app === 'elasticsearch') {
    if (need.raisedBy.length > 0) {
      const states = need.raisedBy.map((r) => evaluateNeed(r, model, all));
      if (states.every((s) => s.state === 'met')) return { state: 'met', why: 'the memlock limit is raised first' };
      const failing = states.find((s) => s.state !== 'met');
      return {
        state: 'deferred',
        why: `it depends on raising the memlock limit, which ${failing?.state === 'unmet' ? 'fails' : 'may fail'} here: ${failing?.why ?? ''}`,
      };
    }
    return {
      state: 'unmet',
      why: `${ELASTICSEARCH.refusesRoot}; nothing in the manifest raises the memlock limit, so it keeps the limit of the container engine (64 KiB to 64 MiB)`,
    };
  }
  // Vault: root with IPC_LOCK locks; the official entrypoint gives the binary the file capability.
  const user = need.user;
  if (user.kind === 'root') {
    const available = capabilityFor(model, user, 'IPC_LOCK', need.step);
    return toState(available, false);
  }
  if (!model.bounding.includes('IPC_LOCK')) return { state: 'unmet', why: whyAbsent(model, 'IPC_LOCK') };
  if (user.kind === 'non-root') {
    return {
      state: 'unmet',
      why: `Vault runs as ${describeUser(user)}, which holds no capability (${NON_ROOT.short}), and only root can give the binary a file capability`,
    };
  }
  if (need.skipSetcap)
    return {
      state: 'unmet',
      why: 'SKIP_SETCAP is set, so the image’s entrypoint does not give vault the IPC_LOCK file capability',
    };
  if (model.noNewPrivs) {
    return {
      state: 'unmet',
      why: 'allowPrivilegeEscalation: false: the vault binary is not the first executable, so its file capability gives nothing',
    };
  }
  return { state: 'met', why: VAULT.fileCapability };
}
