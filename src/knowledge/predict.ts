// One question, answered from the runtime facts: on this target, what happens to this entry of
// an add or drop list? Rules ask it; they never look at runtimes themselves.
import { CAPABILITY_BY_NAME, type CapabilityInfo, kernelHasCapability } from './capabilities.js';
import type { EngineRange, OciRange, UnknownHandling } from './runtimes.js';
import type { ResolvedTarget } from './targets.js';
import { type Releases, releaseCoverage, type Version } from './versions.js';

export type Direction = 'add' | 'drop';
export type Outcome = 'applied' | 'rejected' | 'ignored' | 'unknown';

export interface Prediction {
  outcome: Outcome;
  /** Pod status the kubelet shows for a rejected entry. */
  status?: 'CreateContainerError' | 'RunContainerError';
  /** The runtime's own error or log text, when one is known. */
  message?: string;
  /** The name the runtime ends up looking up, e.g. `CAP_CAP_SYS_RESOURCE`. */
  runtimeName?: string;
  /** The capability (canonical name) the entry grants or drops when applied. */
  capability?: string;
  /** A sentence explaining the outcome. */
  detail: string;
  /** For an `unknown` outcome: every possibility is a failure (rejected or silently not applied). */
  neverApplied?: boolean;
  citations: readonly string[];
}

const PREFIX = /^cap_/i;

/** AUDIT_READ: the newest capability that every runc and crun release knows. */
const OCI_KNOWN_BY_ALL = 37;

function render(template: string, input: string, name: string): string {
  return template.replaceAll('{input}', input).replaceAll('{name}', name);
}

/** The kernel name an engine derives from the manifest's string. */
export function runtimeName(engine: EngineRange, input: string): string {
  switch (engine.naming) {
    case 'bare':
      return input;
    case 'prefix-always':
      return `CAP_${input.toUpperCase()}`;
    case 'normalize': {
      const upper = input.toUpperCase();
      return upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
    }
    case 'prefix-required':
      return input.toUpperCase();
  }
}

function lookup(engine: EngineRange, input: string, name: string): CapabilityInfo | undefined {
  if (engine.naming === 'bare') return CAPABILITY_BY_NAME.get(input.toUpperCase());
  const upper = name.toUpperCase();
  return upper.startsWith('CAP_') ? CAPABILITY_BY_NAME.get(upper.slice(4)) : undefined;
}

function describeName(input: string, name: string): string {
  return name === input ? `"${input}"` : `"${input}" (looked up as ${name})`;
}

export function predict(target: ResolvedTarget, direction: Direction, input: string): Prediction {
  const engine = target.engine;
  if (!engine) return { outcome: 'unknown', detail: 'no container runtime in this target', citations: [] };
  const citations = engine.citations;

  if (input.trim().toUpperCase() === 'ALL' && input === input.trim()) {
    const keeps =
      direction === 'drop' && engine.all === 'any-case' ? dropAllKeepsDefaults(engine, target.engineVersion) : 'none';
    if (keeps !== 'none') {
      const fix = engine.dropAllFix;
      const back = `add${keeps === 'all' ? 's' : ''} the default capabilities back after drop ALL (${engine.defaults.join(', ')})`;
      const fixed = fix ? `; ${fix.detail}` : '';
      const sources = [...citations, ...(fix?.citations ?? [])];
      if (keeps === 'all') return { outcome: 'ignored', detail: `${engine.label} ${back}${fixed}`, citations: sources };
      const version = target.engineVersion?.text ?? '';
      return {
        outcome: 'unknown',
        detail: `some ${engine.engine}@${version} patch releases ${back}, others do not${fixed}: name the patch release (e.g. ${engine.engine}@${version}.0)`,
        citations: sources,
      };
    }
    if (engine.all === 'any-case') {
      return {
        outcome: 'applied',
        detail: direction === 'add' ? 'ALL grants every capability' : 'ALL drops every capability',
        citations,
      };
    }
    return { outcome: 'unknown', detail: `${engine.label}: how ALL is handled is not known`, citations };
  }

  if (engine.naming === 'prefix-required' && !PREFIX.test(input)) {
    const why = `${engine.label} needs the CAP_ prefix`;
    const handling = direction === 'add' ? engine.unknownAdd : engine.unknownDrop;
    if (handling.action === 'reject') {
      const message = engine.prefixRequiredMessage ?? handling.message;
      return reject(engine, direction, { ...handling, message }, input, runtimeName(engine, input), why);
    }
    return {
      outcome: 'ignored',
      runtimeName: input,
      detail: `${why}: ${notApplied(direction, input)}`,
      citations,
    };
  }

  const name = runtimeName(engine, input);
  const capability = lookup(engine, input, name);
  const knownToEngine =
    capability !== undefined && (engine.knownMax === undefined || capability.number <= engine.knownMax);
  const inKernel =
    capability === undefined || target.kernel === undefined || kernelHasCapability(capability, target.kernel);

  if (capability && knownToEngine && inKernel) {
    if (engine.unknownAdd.action === 'oci' && direction === 'add') {
      return viaOci(target, engine, input, name, capability, 'known');
    }
    return {
      outcome: 'applied',
      runtimeName: name,
      capability: capability.name,
      detail: `${engine.label} ${direction === 'add' ? 'grants' : 'drops'} ${capability.name}`,
      citations,
    };
  }

  let why: string;
  if (!capability) why = `${engine.label} does not know ${describeName(input, name)}`;
  else if (!knownToEngine)
    why = `${engine.label} does not know ${capability.name} (added in Linux ${capability.kernel})`;
  else why = `${capability.name} needs Linux ${capability.kernel}; the target kernel is ${target.kernel?.join('.')}`;

  const unavailable = capability !== undefined && knownToEngine && !inKernel;
  let handling =
    unavailable && engine.unavailable
      ? engine.unavailable[direction]
      : direction === 'add'
        ? engine.unknownAdd
        : engine.unknownDrop;
  const variant = direction === 'add' ? engine.unknownAddIn : undefined;
  if (variant) {
    const coverage = target.engineVersion ? releaseCoverage(target.engineVersion, variant.releases) : 'some';
    if (coverage === 'some') {
      // Skipped in some patch releases, refused in the others: never granted either way.
      const version = target.engineVersion?.text ?? '';
      return {
        outcome: 'unknown',
        runtimeName: name,
        neverApplied: true,
        detail: `${why}: ${variant.detail}; name the patch release (e.g. ${engine.engine}@${version}.0)`,
        citations: [...citations, ...variant.citations],
      };
    }
    if (coverage === 'all') handling = variant.handling;
  }
  if (handling.action === 'oci') return viaOci(target, engine, input, name, capability, why);
  if (unavailable && direction === 'drop' && handling.action === 'ignore') {
    // The kernel never grants it, so there is nothing to drop: harmless.
    return {
      outcome: 'applied',
      runtimeName: name,
      capability: capability.name,
      detail: `${why}: nothing to drop`,
      citations,
    };
  }
  const sources = variant && handling === variant.handling ? [...citations, ...variant.citations] : citations;
  if (handling.action === 'ignore') {
    const ignored: Prediction = {
      outcome: 'ignored',
      runtimeName: name,
      detail: `${why}: ${notApplied(direction, input)} (${handling.note})`,
      citations: sources,
    };
    if (handling.message) ignored.message = render(handling.message, input, name);
    return ignored;
  }
  return reject(engine, direction, handling, input, name, why);
}

/** "NET_RAW is not dropped" / "SYS_RESOURCE is silently not granted", naming what was evidently meant. */
function notApplied(direction: Direction, input: string): string {
  let bare = input.trim().toUpperCase();
  while (bare.startsWith('CAP_')) bare = bare.slice(4);
  const what = CAPABILITY_BY_NAME.has(bare) ? bare : 'the capability';
  return direction === 'add' ? `${what} is silently not granted` : `${what} is not dropped and stays in the container`;
}

function reject(
  engine: EngineRange,
  _direction: Direction,
  handling: Extract<UnknownHandling, { action: 'reject' }>,
  input: string,
  name: string,
  why: string,
): Prediction {
  const message = render(handling.message, input, name);
  return {
    outcome: 'rejected',
    status: handling.status,
    message,
    runtimeName: name,
    detail: `${why}: the container fails at ${handling.phase} with ${handling.status}: ${message}`,
    citations: engine.citations,
  };
}

function viaOci(
  target: ResolvedTarget,
  engine: EngineRange,
  input: string,
  name: string,
  capability: CapabilityInfo | undefined,
  why: string,
): Prediction {
  const oci: OciRange | undefined = target.oci;
  const citations = [...engine.citations, ...(oci?.citations ?? [])];
  const passes = `${engine.label} writes ${describeName(input, name)} into the OCI config unchecked`;
  const inKernel =
    capability === undefined || target.kernel === undefined || kernelHasCapability(capability, target.kernel);
  if (!oci) {
    // Every runc and crun release knows the capabilities up to AUDIT_READ.
    if (capability && why === 'known' && inKernel && capability.number <= OCI_KNOWN_BY_ALL) {
      return {
        outcome: 'applied',
        runtimeName: name,
        capability: capability.name,
        detail: `${engine.label} grants ${capability.name} (every runc and crun release knows it)`,
        citations,
      };
    }
    return {
      outcome: 'unknown',
      runtimeName: name,
      // No runc or crun release grants a name it does not know, or one the kernel lacks.
      neverApplied: capability === undefined || !inKernel,
      detail:
        `${passes}; the OCI runtime decides: runc ≤1.0.0-rc93 and crun ≤0.18 or ≥1.29 fail the start (RunContainerError), runc ≥1.0.0-rc94 and crun 0.19–1.28 silently skip it. ${target.ociNote ?? ''}`.trim(),
      citations,
    };
  }
  const known = capability !== undefined && capability.number <= oci.knownMax && why === 'known';
  if (known && inKernel) {
    return {
      outcome: 'applied',
      runtimeName: name,
      capability: capability?.name,
      detail: `${engine.label} with ${oci.label} grants ${capability?.name}`,
      citations,
    };
  }
  let reason: string;
  if (!inKernel && capability) {
    reason = `${capability.name} needs Linux ${capability.kernel}; the target kernel is ${target.kernel?.join('.')}, so ${oci.label} cannot grant it`;
  } else if (why !== 'known') reason = `${passes}; ${oci.label} does not know it`;
  else reason = `${oci.label} does not know ${name}`;
  if (oci.unknown.action === 'reject') {
    const message = render(oci.unknown.message, input, name);
    return {
      outcome: 'rejected',
      status: oci.unknown.status,
      message,
      runtimeName: name,
      detail: `${reason}: the container fails at start with ${oci.unknown.status}: ${message}${assumed(target)}`,
      citations,
    };
  }
  const note = oci.unknown.action === 'ignore' ? render(oci.unknown.note, input, name) : '';
  return {
    outcome: 'ignored',
    runtimeName: name,
    message: note,
    detail: `${reason}: the container starts, but ${notApplied('add', input)} (${note})${assumed(target)}`,
    citations,
  };
}

/** "; runc 1.1.0 or later assumed, …" when the OCI runtime was inferred from the containerd version. */
function assumed(target: ResolvedTarget): string {
  return target.ociNote && target.oci ? `; ${target.ociNote}` : '';
}

/** Whether `drop: [ALL]` leaves the defaults in place on this release: `some` when only some patch releases do. */
export function dropAllKeepsDefaults(engine: EngineRange, version: Version | undefined): 'all' | 'some' | 'none' {
  const fact = engine.dropAllKeepsDefaults;
  if (fact === undefined || fact === false) return 'none';
  if (fact === true) return 'all';
  return version ? releaseCoverage(version, fact) : 'some';
}

/** The capabilities a container gets from this target when the manifest adds and drops nothing. */
export function defaultCapabilities(target: ResolvedTarget): readonly string[] | undefined {
  return target.engine?.defaults;
}

export interface NonRootStart {
  /** The runtime puts the added capabilities (with `defaults`, the default ones too) in the ambient set. */
  ambient: 'all' | 'some' | 'none';
  ambientDefaults: boolean;
  /** The runtime writes only the bounding set for a non-root user. */
  boundingOnly: 'all' | 'some' | 'none';
  detail?: string;
  citations: readonly string[];
}

/** What a process that is not uid 0 starts with on this target, beyond its bounding set. */
export function nonRootStart(target: ResolvedTarget): NonRootStart {
  const facts = target.engine?.nonRoot;
  const version = target.engineVersion;
  const cover = (releases: Releases | undefined) =>
    releases === undefined ? 'none' : version ? releaseCoverage(version, releases) : 'some';
  const ambient = cover(facts?.ambient?.releases);
  const out: NonRootStart = {
    ambient,
    ambientDefaults: facts?.ambient?.defaults === true,
    boundingOnly: cover(facts?.boundingOnly?.releases),
    citations: [...(facts?.ambient?.citations ?? []), ...(facts?.boundingOnly?.citations ?? [])],
  };
  if (ambient !== 'none' && facts?.ambient) out.detail = facts.ambient.detail;
  return out;
}
