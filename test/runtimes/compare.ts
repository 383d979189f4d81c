// The runtime suite's judgement, kept free of I/O so that it can be unit-tested: which spellings
// to try, what a run's observations mean (applied, rejected, ignored), what capdoctor predicts
// for the versions found, and whether the two agree.
import { CAPABILITIES, OCI_RANGES, predict } from '../../src/index.js';
import { CAPABILITY_BY_NAME } from '../../src/knowledge/capabilities.js';
import { type Direction, defaultCapabilities, type Outcome } from '../../src/knowledge/predict.js';
import type { OciRange, OciRuntimeName } from '../../src/knowledge/runtimes.js';
import type { ResolvedTarget } from '../../src/knowledge/targets.js';
import { inRange, parseVersion } from '../../src/knowledge/versions.js';

export type { Direction, Outcome };

/** What the container is checked for: one capability bit, or every capability the host holds. */
export type Probe = { kind: 'capability'; name: string; bit: number } | { kind: 'all' };

export interface Variant {
  direction: Direction;
  /** The string exactly as a manifest or command line would carry it. */
  input: string;
  /** Which kind of spelling it is, e.g. `double prefix`. */
  kind: string;
  probe: Probe;
}

export interface CapSets {
  prm: bigint;
  eff: bigint;
  bnd: bigint;
}

export type FailedAt = 'create' | 'start' | 'run';

/** What one container run showed, as the runtime path reported it. */
export interface Observation {
  /** The container's process ran and its capability lines were read. */
  started: boolean;
  /** Where a failure surfaced: the engine refused to create, the start failed, or a one-step run failed. */
  failedAt?: FailedAt;
  /** The error exactly as the client printed it or the API returned it. */
  error?: string;
  /** What the runtime itself said about names it skipped (runc's warning, crun's debug note). */
  notices: readonly string[];
  /** The capability names the engine wrote into the OCI config, where the path exposes them. */
  specCapabilities?: readonly string[];
  caps?: CapSets;
  /** Where the outcome surfaced, in words. */
  surface: string;
  /** The runtime's own log output, where a predicted log line can be looked for (direct runs). */
  log?: string;
}

/** The outcomes an observation is consistent with: one when it decides, two when this host cannot tell. */
export interface Observed {
  outcomes: readonly Outcome[];
  note: string;
}

/** What capdoctor's knowledge says will happen. */
export interface Expectation {
  outcome: Outcome;
  message?: string;
  status?: string;
  detail: string;
}

export type Verdict = 'match' | 'consistent' | 'mismatch' | 'observed';

export interface Check {
  verdict: Verdict;
  problems: readonly string[];
}

export interface HostFacts {
  /** CapBnd of the process that drives the runtimes. */
  bounding: bigint;
  /** /proc/sys/kernel/cap_last_cap */
  lastCap: number;
}

const bit = (n: number): bigint => 1n << BigInt(n);
const has = (mask: bigint, n: number): boolean => (mask & bit(n)) !== 0n;

function capability(name: string): { name: string; bit: number } {
  const info = CAPABILITY_BY_NAME.get(name);
  if (!info) throw new Error(`not a capability: ${name}`);
  return { name: info.name, bit: info.number };
}

function spellings(direction: Direction, name: string, misspelled: string): Variant[] {
  const probe: Probe = { kind: 'capability', ...capability(name) };
  const lower = name.toLowerCase();
  return [
    ['canonical', name],
    ['prefixed', `CAP_${name}`],
    ['lower case', lower],
    ['prefixed lower case', `cap_${lower}`],
    ['double prefix', `CAP_CAP_${name}`],
    ['misspelled', misspelled],
  ].map(([kind, input]) => ({ direction, input: input as string, kind: kind as string, probe }));
}

function allSpellings(direction: Direction): Variant[] {
  return [
    ['ALL', 'ALL'],
    ['ALL, lower case', 'all'],
    ['ALL, prefixed', 'CAP_ALL'],
  ].map(([kind, input]) => ({ direction, input: input as string, kind: kind as string, probe: { kind: 'all' } }));
}

/**
 * The newest capability the host's kernel has: newer than some runtimes know (Docker 20.10 stops
 * at AUDIT_READ), so it shows how each one treats a name it has never heard of.
 */
export function newestHostCapability(host: HostFacts): { name: string; bit: number; kernel: string } | undefined {
  const info = [...CAPABILITIES].reverse().find((c) => c.number <= host.lastCap && has(host.bounding, c.number));
  return info && { name: info.name, bit: info.number, kernel: info.kernel };
}

/**
 * The variant matrix. `add` uses IPC_LOCK, which hosts normally hold, so a grant can be seen,
 * and SYS_RESOURCE, the capability of the incident that motivates capdoctor; `drop` uses KILL,
 * which every engine's default set contains.
 */
export function buildVariants(host: HostFacts): Variant[] {
  const variants = [
    ...spellings('add', 'IPC_LOCK', 'IPC_LOCKS'),
    ...spellings('add', 'SYS_RESOURCE', 'SYS_RESOURCES'),
    ...allSpellings('add'),
  ];
  const newest = newestHostCapability(host);
  if (newest) {
    const probe: Probe = { kind: 'capability', name: newest.name, bit: newest.bit };
    const kind = `newest (Linux ${newest.kernel})`;
    variants.push({ direction: 'add', input: newest.name, kind, probe });
    variants.push({ direction: 'add', input: `CAP_${newest.name}`, kind: `${kind}, prefixed`, probe });
  }
  variants.push(...spellings('drop', 'KILL', 'KILLS'), ...allSpellings('drop'));
  if (newest) {
    const probe: Probe = { kind: 'capability', name: newest.name, bit: newest.bit };
    variants.push({ direction: 'drop', input: newest.name, kind: `newest (Linux ${newest.kernel})`, probe });
  }
  return variants;
}

/** The CapPrm, CapEff and CapBnd lines of /proc/<pid>/status. */
export function parseCapSets(text: string): CapSets | undefined {
  const read = (key: string): bigint | undefined => {
    const match = new RegExp(`^Cap${key}:\\s*([0-9a-f]{1,16})\\s*$`, 'm').exec(text);
    return match?.[1] === undefined ? undefined : BigInt(`0x${match[1]}`);
  };
  const prm = read('Prm');
  const eff = read('Eff');
  const bnd = read('Bnd');
  return prm === undefined || eff === undefined || bnd === undefined ? undefined : { prm, eff, bnd };
}

export function formatMask(mask: bigint): string {
  return mask.toString(16).padStart(16, '0');
}

/** Capability names (without `CAP_`) of the bits in a mask, by bit number. */
export function capabilityNames(mask: bigint): string[] {
  return CAPABILITIES.filter((c) => has(mask, c.number)).map((c) => c.name);
}

export function maskOf(names: readonly string[]): bigint {
  return names.reduce((mask, name) => mask | bit(capability(name).bit), 0n);
}

function isCapabilityName(name: string): boolean {
  return name.startsWith('CAP_') && CAPABILITY_BY_NAME.has(name.slice(4));
}

/** The runtime's own word that a name was not understood, if the path gave one. */
function evidenceOfIgnoring(observation: Observation): string | undefined {
  if (observation.notices.length > 0) return 'the runtime reported skipping the name';
  const odd = (observation.specCapabilities ?? []).filter((name) => !isCapabilityName(name));
  if (odd.length > 0) return `the OCI config asked for ${odd.join(', ')}, which is not a capability`;
  return undefined;
}

const NOT_PERMITTED = /operation not permitted/i;

/** Capabilities a variant asks for that the host itself does not hold. */
function missingOnHost(variant: Variant, host: HostFacts): string[] {
  if (variant.probe.kind === 'capability') {
    return has(host.bounding, variant.probe.bit) ? [] : [variant.probe.name];
  }
  return CAPABILITIES.filter((c) => c.number <= host.lastCap && !has(host.bounding, c.number)).map((c) => c.name);
}

/**
 * What a run shows about the variant. A start that fails with EPERM while asking for a capability
 * the host lacks means the name was accepted and a grant attempted, i.e. applied; on a host that
 * holds the capability the same request succeeds.
 */
export function classify(variant: Variant, observation: Observation, host: HostFacts, baseline?: CapSets): Observed {
  const missing = missingOnHost(variant, host);
  if (!observation.started) {
    if (
      variant.direction === 'add' &&
      missing.length > 0 &&
      observation.error !== undefined &&
      NOT_PERMITTED.test(observation.error)
    ) {
      return {
        outcomes: ['applied'],
        note: `accepted and a grant attempted: the host lacks ${missing.join(', ')}, so the kernel refused (EPERM)`,
      };
    }
    return { outcomes: ['rejected'], note: `refused at ${observation.failedAt ?? 'start'}` };
  }
  const caps = observation.caps;
  if (!caps) return { outcomes: [], note: 'the container ran, but its capability sets could not be read' };

  if (variant.probe.kind === 'all') {
    const held = CAPABILITIES.filter((c) => c.number <= host.lastCap).reduce((m, c) => m | bit(c.number), 0n);
    const wanted = held & host.bounding;
    if (variant.direction === 'add') {
      if ((caps.bnd & wanted) === wanted && (caps.eff & wanted) === wanted && (caps.prm & wanted) === wanted) {
        return { outcomes: ['applied'], note: 'every capability the host holds is present' };
      }
    } else if (caps.bnd === 0n && caps.eff === 0n && caps.prm === 0n) {
      return { outcomes: ['applied'], note: 'no capability is left' };
    }
    if (baseline && caps.bnd === baseline.bnd && caps.eff === baseline.eff) {
      return { outcomes: ['ignored'], note: 'the default set is unchanged' };
    }
    return { outcomes: [], note: `an unexpected set: CapBnd ${formatMask(caps.bnd)}` };
  }

  const { name, bit: n } = variant.probe;
  const inAll = has(caps.bnd, n) && has(caps.eff, n) && has(caps.prm, n);
  const inNone = !has(caps.bnd, n) && !has(caps.eff, n) && !has(caps.prm, n);
  if (!inAll && !inNone) return { outcomes: [], note: `${name} is in some sets only: CapBnd ${formatMask(caps.bnd)}` };

  if (variant.direction === 'add') {
    if (inAll) return { outcomes: ['applied'], note: `${name} is in CapPrm, CapEff and CapBnd` };
    const evidence = evidenceOfIgnoring(observation);
    if (missing.length === 0) {
      return {
        outcomes: ['ignored'],
        note: `${name} is missing (the host holds it)${evidence ? `; ${evidence}` : ''}`,
      };
    }
    if (evidence) return { outcomes: ['ignored'], note: `${name} is missing; ${evidence}` };
    return {
      outcomes: ['applied', 'ignored'],
      note: `${name} is missing, but the host lacks it too, so this run cannot tell whether the name was understood`,
    };
  }
  if (baseline && !has(baseline.bnd, n)) {
    return {
      outcomes: ['applied', 'ignored'],
      note: `${name} is not in the default set, so only a refusal would show`,
    };
  }
  if (inNone) return { outcomes: ['applied'], note: `${name} was removed` };
  return { outcomes: ['ignored'], note: `${name} is still present` };
}

function fill(template: string, input: string, name: string): string {
  return template.replaceAll('{input}', input).replaceAll('{name}', name);
}

/** The OCI runtime release range capdoctor's facts hold for a version, e.g. runc 1.1.5 → `runc ≥1.0.0-rc94`. */
export function ociRangeFor(runtime: OciRuntimeName, versionText: string): OciRange | undefined {
  const version = parseVersion(versionText);
  if (!version) return undefined;
  return OCI_RANGES.find((r) => r.runtime === runtime && inRange(version, r.since, r.until));
}

/**
 * What capdoctor's OCI runtime facts say about a name written straight into an OCI config's
 * capability lists, with no engine in between: the name is used as written (case-folded only by
 * runtimes that fold case), OCI knows no `ALL`, and unknown names get the runtime's handling.
 */
export function expectDirectOci(oci: OciRange, input: string): Expectation {
  const name = oci.caseInsensitive ? input.toUpperCase() : input;
  const info = name.startsWith('CAP_') ? CAPABILITY_BY_NAME.get(name.slice(4)) : undefined;
  if (info && info.number <= oci.knownMax) {
    return { outcome: 'applied', detail: `${oci.label} grants ${info.name}` };
  }
  const why = info ? `${oci.label} does not know ${info.name}` : `${oci.label} does not know "${input}"`;
  const handling = oci.unknown;
  if (handling.action === 'ignore') {
    const message = fill(handling.note, input, input);
    return { outcome: 'ignored', message, detail: `${why}: it is skipped (${message})` };
  }
  if (handling.action === 'reject') {
    const message = fill(handling.message, input, input);
    return { outcome: 'rejected', status: handling.status, message, detail: `${why}: the run fails with ${message}` };
  }
  return { outcome: 'unknown', detail: why };
}

/** capdoctor's `predict()` for an engine target. */
export function expectFromTarget(target: ResolvedTarget, direction: Direction, input: string): Expectation {
  const prediction = predict(target, direction, input);
  const out: Expectation = { outcome: prediction.outcome, detail: prediction.detail };
  if (prediction.message !== undefined) out.message = prediction.message;
  if (prediction.status !== undefined) out.status = prediction.status;
  return out;
}

export function expectedDefaults(target: ResolvedTarget): readonly string[] | undefined {
  return defaultCapabilities(target);
}

/**
 * Whether a runtime's message is the predicted one: every piece of the prediction, split at its
 * placeholders (`…`, `<id>`, `{...}`), appears in the observed text, in order.
 */
export function messageMatches(predicted: string, observed: string): boolean {
  let from = 0;
  for (const piece of predicted.split(/…|<id>|\{\.\.\.\}/)) {
    const part = piece.trim();
    if (part === '') continue;
    const at = observed.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** The log line a prediction quotes in backticks, e.g. runc's `ignoring unknown or unavailable capabilities: […]`. */
export function quotedLogLine(message: string | undefined): string | undefined {
  return message === undefined ? undefined : /`([^`]+)`/.exec(message)?.[1];
}

const PHASE_OF_STATUS: Record<string, FailedAt> = { CreateContainerError: 'create', RunContainerError: 'start' };

export function compare(expected: Expectation | undefined, observed: Observed, observation: Observation): Check {
  if (!expected) return { verdict: 'observed', problems: [] };
  const problems: string[] = [];
  if (expected.outcome === 'unknown') {
    problems.push('capdoctor makes no prediction for this version');
  } else if (!observed.outcomes.includes(expected.outcome)) {
    const seen = observed.outcomes.length > 0 ? observed.outcomes.join(' or ') : 'an unexpected result';
    problems.push(`predicted ${expected.outcome}, observed ${seen}`);
  } else if (expected.outcome === 'rejected') {
    if (expected.message !== undefined && !messageMatches(expected.message, observation.error ?? '')) {
      problems.push(`predicted the message "${expected.message}"`);
    }
    const phase = expected.status === undefined ? undefined : PHASE_OF_STATUS[expected.status];
    if (phase && observation.failedAt && observation.failedAt !== 'run' && observation.failedAt !== phase) {
      problems.push(`predicted a refusal at ${phase}, it came at ${observation.failedAt}`);
    }
  } else if (expected.outcome === 'ignored' && observation.log !== undefined) {
    const line = quotedLogLine(expected.message);
    if (line !== undefined && !observation.log.includes(line)) problems.push(`predicted the log line "${line}"`);
  }
  if (problems.length > 0) return { verdict: 'mismatch', problems };
  return { verdict: observed.outcomes.length === 1 ? 'match' : 'consistent', problems };
}

/** The capabilities a container gets when nothing is added or dropped, against the engine's known defaults. */
export function compareDefaults(expected: readonly string[] | undefined, baseline: CapSets | undefined): Check {
  if (!expected) return { verdict: 'observed', problems: [] };
  if (!baseline) return { verdict: 'mismatch', problems: ['the default container did not run'] };
  const want = maskOf(expected);
  const problems: string[] = [];
  if (baseline.bnd !== want) {
    const extra = capabilityNames(baseline.bnd & ~want);
    const lacking = capabilityNames(want & ~baseline.bnd);
    const parts = [
      extra.length ? `extra ${extra.join(', ')}` : '',
      lacking.length ? `missing ${lacking.join(', ')}` : '',
    ];
    problems.push(`default set differs: ${parts.filter(Boolean).join('; ')}`);
  }
  return problems.length ? { verdict: 'mismatch', problems } : { verdict: 'match', problems };
}

/** One variant on one path, judged. */
export interface Row {
  variant: Variant;
  expected?: Expectation;
  observation: Observation;
  observed: Observed;
  check: Check;
}

export function judge(
  variant: Variant,
  expected: Expectation | undefined,
  observation: Observation,
  host: HostFacts,
  baseline?: CapSets,
): Row {
  const observed = classify(variant, observation, host, baseline);
  const row: Row = { variant, observation, observed, check: compare(expected, observed, observation) };
  if (expected) row.expected = expected;
  return row;
}

/** A runtime path and what happened on it. */
export interface PathRun {
  id: string;
  title: string;
  /** What the runtime printed for its version, first line. */
  versionText: string;
  /** Where the predictions come from, e.g. `predict() for docker@20.10.24 (Docker 19.03–20.10)`. */
  predictedBy: string;
  notes: string[];
  defaults?: { expected?: readonly string[]; observed?: CapSets; check: Check };
  rows: Row[];
  /** Set when the path could not be run at all. */
  error?: string;
}

export interface Summary {
  compared: number;
  matched: number;
  consistent: number;
  mismatched: number;
  observedOnly: number;
  failedPaths: string[];
}

export function summarize(paths: readonly PathRun[]): Summary {
  const summary: Summary = { compared: 0, matched: 0, consistent: 0, mismatched: 0, observedOnly: 0, failedPaths: [] };
  for (const path of paths) {
    if (path.error !== undefined) summary.failedPaths.push(path.id);
    const checks = path.rows.map((r) => r.check);
    if (path.defaults) checks.push(path.defaults.check);
    for (const check of checks) {
      if (check.verdict === 'observed') {
        summary.observedOnly++;
        continue;
      }
      summary.compared++;
      if (check.verdict === 'match') summary.matched++;
      else if (check.verdict === 'consistent') summary.consistent++;
      else summary.mismatched++;
    }
  }
  return summary;
}

export function passed(summary: Summary): boolean {
  return summary.mismatched === 0 && summary.failedPaths.length === 0 && summary.compared > 0;
}
