// Classifying one line: a cheap prefilter first (one regular expression of literal anchors, so that
// the ~99% of journal lines that cannot match cost one native scan), then only the signatures whose
// keywords occur, then what the match says (capability, name problem, setting, pod, container).

import { CAPABILITIES } from '../knowledge/capabilities.js';
import { PSS_BASELINE_ALLOWED_ADD } from '../knowledge/kubernetes.js';
import { analyzeName } from '../knowledge/names.js';
import { kernelMajor, readPrintedName } from './names.js';
import { entitiesFromText, normalizeText, parseLineMeta } from './read.js';
import { SIGNATURES } from './signatures.js';
import type { Entities, LineRef, Observation, PatternSpec, Setting, Signature } from './types.js';

/**
 * Literal anchors: every line that any signature (or runtime hint) can match contains one of them.
 * Kept short and few on purpose, since the prefilter's cost grows with their number; the tests hold
 * every signature's examples and keywords to them.
 */
export const PREFILTER_ANCHORS: readonly string[] = [
  'apabilit',
  'nknown cap',
  'ermi',
  'CAP_',
  'cap_',
  'Cap_',
  'cap-',
  'ackOff',
  'ack-off',
  'ContainerError',
  'CannotRun',
  'StartError',
  'StartContainer',
  'OCI runtime',
  'ntainerd task',
  'o start container',
  'o create container',
  'open log file',
  'symlinks in path',
  'open session',
  'session init',
  'lock JVM',
  'RLIMIT',
  'not locked',
  'lock memory',
  'mlock',
  'max_map_count',
  'inferior process',
  'attach to process',
  'IPTCError',
  'superuser',
  'initialize time',
  'create socket',
  'ysctl',
  'ead-only file',
  'allowPrivilegeEscalation',
  'ecurity policy',
  'nofile',
  'nproc',
  'docker://',
  'd://',
  'o://',
  'Server Version',
  'EPERM',
  'Errno 1]',
  // Evidence of what the container has, who it runs as and how it was started. (capsh and setcap
  // lines carry cap_ or CAP_; anchors that start with punctuation slow the scan of every byte.)
  'CapEff',
  'CapAdd',
  'add:',
  'privileged',
  'gid=',
  'runAsUser',
  'user:',
  'ker run',
  'man run',
  'compose',
  // Security modules, and an operation whose refusal does not say "permitted".
  'apparmor="DENIED"',
  'avc:',
  'SELinux is preventing',
  'type=1326',
  'type=SECCOMP',
  'host name',
];

const PREFILTER = new RegExp(PREFILTER_ANCHORS.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** True when the line may match a signature; false lines need no further work. */
export function prefilter(line: string): boolean {
  return PREFILTER.test(line);
}

const PREFILTER_SCAN = new RegExp(PREFILTER.source, 'g');

/**
 * Where the first anchor at or after `from` starts, or `text.length` when there is none: one scan of
 * a piece of many lines instead of one call per line. No anchor holds a line break, so a line passes
 * the prefilter exactly when an anchor starts inside it.
 */
export function nextAnchor(text: string, from: number): number {
  PREFILTER_SCAN.lastIndex = from;
  return PREFILTER_SCAN.exec(text)?.index ?? text.length;
}

const ANCHOR_SCAN = new RegExp(PREFILTER.source, 'g');

function patternSource(pattern: RegExp | PatternSpec): string {
  return (pattern instanceof RegExp ? pattern : pattern.re).source.replace(/\\(.)/g, '$1');
}

/**
 * For each anchor, the signatures whose lines can contain it (by their place in SIGNATURES): those
 * with a keyword that contains it, or a pattern that spells it out. A line is tried only against the
 * signatures of the anchors it has.
 */
const SIGNATURES_BY_ANCHOR: ReadonlyMap<string, readonly number[]> = new Map(
  PREFILTER_ANCHORS.map((anchor) => [
    anchor,
    SIGNATURES.flatMap((s, index) =>
      s.keywords.some((k) => k.includes(anchor)) || s.patterns.some((p) => patternSource(p).includes(anchor))
        ? [index]
        : [],
    ),
  ]),
);

/** Which signatures a line has already been given (cleared after each line). */
const FOUND = new Uint8Array(SIGNATURES.length);

/** The signatures worth trying on a line, in knowledge-base order. */
function candidates(line: string): Signature[] {
  const found: number[] = [];
  ANCHOR_SCAN.lastIndex = 0;
  for (let match = ANCHOR_SCAN.exec(line); match; match = ANCHOR_SCAN.exec(line)) {
    for (const index of SIGNATURES_BY_ANCHOR.get(match[0]) ?? []) {
      if (FOUND[index] === 0) {
        FOUND[index] = 1;
        found.push(index);
      }
    }
    // Step one character, not past the match, so that overlapping anchors are found too.
    ANCHOR_SCAN.lastIndex = match.index + 1;
  }
  for (const index of found) FOUND[index] = 0;
  if (found.length > 1) found.sort((a, b) => a - b);
  return found.map((index) => SIGNATURES[index] as Signature);
}

/** The engine a line shows the node runs, with its version when the line says. */
export interface RuntimeHint {
  engine: 'docker' | 'containerd' | 'cri-o' | 'podman';
  version?: string;
  node?: string;
  /** Docker Engine API version seen in a request path. */
  api?: string;
}

const RLIMIT_NUMBERS = [
  'RLIMIT_CPU',
  'RLIMIT_FSIZE',
  'RLIMIT_DATA',
  'RLIMIT_STACK',
  'RLIMIT_CORE',
  'RLIMIT_RSS',
  'RLIMIT_NPROC',
  'RLIMIT_NOFILE',
  'RLIMIT_MEMLOCK',
  'RLIMIT_AS',
  'RLIMIT_LOCKS',
  'RLIMIT_SIGPENDING',
  'RLIMIT_MSGQUEUE',
  'RLIMIT_NICE',
  'RLIMIT_RTPRIO',
  'RLIMIT_RTTIME',
];

const RLIMIT_WORDS: Record<string, string> = {
  'max locked memory': 'RLIMIT_MEMLOCK',
  memlock: 'RLIMIT_MEMLOCK',
  'open files': 'RLIMIT_NOFILE',
  nofile: 'RLIMIT_NOFILE',
  'max user processes': 'RLIMIT_NPROC',
  nproc: 'RLIMIT_NPROC',
  'core file size': 'RLIMIT_CORE',
  core: 'RLIMIT_CORE',
  'stack size': 'RLIMIT_STACK',
  stack: 'RLIMIT_STACK',
  'virtual memory': 'RLIMIT_AS',
  'file size': 'RLIMIT_FSIZE',
};

/** `8`, `RLIM_MEMLOCK`, `max locked memory`, `memlock` → RLIMIT_MEMLOCK. */
export function rlimitName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  // Numbers as on x86 and arm; MIPS, SPARC and Alpha number some limits differently.
  if (/^\d+$/.test(trimmed)) return RLIMIT_NUMBERS[Number(trimmed)];
  const upper = trimmed.toUpperCase();
  if (upper.startsWith('RLIMIT_')) return upper;
  if (upper.startsWith('RLIM_')) return `RLIMIT_${upper.slice(5)}`;
  if (/^[A-Z]+$/.test(trimmed) && RLIMIT_NUMBERS.includes(`RLIMIT_${trimmed}`)) return `RLIMIT_${trimmed}`;
  return RLIMIT_WORDS[trimmed.toLowerCase()];
}

function spec(pattern: RegExp | PatternSpec): PatternSpec {
  return pattern instanceof RegExp ? { re: pattern } : pattern;
}

function quotedNames(text: string): string[] {
  return [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
}

function splitNames(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((s) => s.replace(/^["'`]+|["'`]+$/g, ''))
    .filter((s) => s.length > 0);
}

const DOCKER_API = /\/v(1\.\d+)\/containers\//;

interface MatchContext {
  signature: Signature;
  pattern: PatternSpec;
  groups: Record<string, string | undefined>;
  text: string;
  ref: LineRef;
}

function base(match: MatchContext): Observation {
  const { signature, pattern } = match;
  const observation: Observation = {
    signature,
    ref: match.ref,
    confidence: pattern.confidence ?? signature.confidence,
    entities: {},
  };
  const cause = pattern.cause ?? signature.cause;
  if (cause) observation.cause = cause;
  const phase = pattern.phase ?? signature.phase;
  if (phase) observation.phase = phase;
  const runtime = pattern.runtime ?? signature.runtime;
  if (runtime) observation.runtime = runtime;
  if (pattern.summary) observation.summary = pattern.summary;
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(match.groups)) if (value !== undefined) vars[key] = value;
  if (Object.keys(vars).length > 0) observation.vars = vars;
  if (signature.capability) observation.capability = signature.capability;
  const rule = pattern.rule === null ? undefined : (pattern.rule ?? signature.rule);
  if (rule) observation.rule = rule;
  if (signature.direction) observation.direction = signature.direction;
  if (signature.setting) observation.setting = { ...signature.setting };
  if (pattern.via) observation.via = pattern.via;
  return observation;
}

/** Canonical capability names in a list as written anywhere (`cap_net_raw`, `CAP_SYS_ADMIN`, `"NET_ADMIN"`). */
export function capabilityNames(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[^A-Za-z0-9_]+/)) {
    if (word === '') continue;
    const analysis = analyzeName(word);
    const name = analysis.capability?.name;
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The capabilities set in a hexadecimal capability mask (CapEff, CapPrm, CapBnd of /proc/<pid>/status). */
export function decodeCapabilityMask(hex: string): string[] {
  const mask = BigInt(`0x${hex}`);
  return CAPABILITIES.filter((c) => (mask >> BigInt(c.number)) & 1n).map((c) => c.name);
}

/** What a line of evidence (not a failure) says: capabilities granted, file capabilities, the interface. */
function evidence(match: MatchContext, observation: Observation): boolean {
  const { signature, groups, text } = match;
  switch (signature.id) {
    case 'capabilities-granted': {
      if (groups.hex !== undefined) {
        observation.granted = decodeCapabilityMask(groups.hex);
        observation.grantSource = 'effective';
      } else if (groups.detail !== undefined) {
        // capsh: `Current: = cap_a,cap_b+eip` (or `=eip cap_x-eip`, everything but the names listed).
        const everything = /^=\s*eip\b/.test(groups.detail.trim());
        const listed = capabilityNames(groups.detail);
        observation.granted = everything ? CAPABILITIES.map((c) => c.name).filter((n) => !listed.includes(n)) : listed;
        observation.grantSource = 'effective';
      } else if (groups.list !== undefined) {
        // Every --cap-add of the command line, not only the first.
        const list = text.includes('--cap-add')
          ? [...text.matchAll(/--cap-add[= ]([A-Za-z0-9_,]+)/g)].map((m) => m[1]).join(',')
          : groups.list;
        // Only names a runtime reads as written count as given; a misspelled one is a cause of its own.
        observation.granted = list
          .split(/[\s,]+/)
          .map((n) => n.replace(/^["'`]+|["'`]+$/g, '').replace(/^u'/, ''))
          .filter((n) => n !== '' && analyzeName(n).canonical)
          .map((n) => analyzeName(n).capability?.name as string);
        observation.grantSource = 'request';
      } else {
        observation.granted = CAPABILITIES.map((c) => c.name);
        observation.grantSource = 'privileged';
      }
      return observation.granted.length > 0;
    }
    case 'file-capabilities':
      observation.fileCapabilities = capabilityNames((groups.detail ?? '').replace(/[+=][a-z]+/g, ' '));
      return observation.fileCapabilities.length > 0;
    case 'capability-named-missing': {
      const name = analyzeName(groups.named ?? '').capability?.name;
      if (name === undefined) return false;
      observation.capability = name;
      return true;
    }
    case 'process-user':
      return groups.uid !== undefined;
    default:
      return true;
  }
}

/** Observations for a signature that quotes capability names. */
function nameObservations(match: MatchContext): Observation[] {
  const { signature, groups } = match;
  const reading = signature.reading ?? 'as-written';
  const names = groups.names !== undefined ? splitNames(groups.names) : groups.name !== undefined ? [groups.name] : [];
  const expectsPrefix =
    signature.id === 'rkt-failed-to-parse-capability' || signature.id === 'crio-legacy-must-start-with-cap';
  const out: Observation[] = [];
  for (const printed of names) {
    const read = readPrintedName(printed, reading, expectsPrefix);
    const observation = base(match);
    observation.printed = printed;
    if (read.written !== undefined) observation.written = read.written;
    if (read.capability !== undefined) observation.capability = read.capability;
    if (read.guesses) observation.guesses = read.guesses;
    observation.problem = read.problem;
    if (read.rule !== undefined) observation.rule = read.rule;
    else delete observation.rule;
    const dir = groups.dir?.toLowerCase();
    if (dir) observation.direction = dir.includes('drop') ? 'drop' : 'add';
    if (signature.id === 'containerd-cri-invalid-capability' && groups.detail !== undefined) {
      const listed = requestList(groups.detail, read.written ?? printed);
      if (listed) observation.direction = listed;
    }
    if (signature.id === 'manifest-capability-name') {
      // A pasted name is a cause only when it is wrong for some runtime behind Kubernetes.
      if (read.problem !== 'prefix' && read.problem !== 'unknown' && read.problem !== 'all') continue;
    }
    if (signature.id === 'docker-legacy-unknown-cap-add' && read.problem === 'not-known' && read.capability) {
      // A name Linux has had since 2.x cannot be unknown to Docker 1.11+: it is Docker ≤1.10, which
      // quoted the manifest's own CAP_-prefixed name.
      if ((kernelMajor(read.capability) ?? 9) < 3) {
        observation.problem = 'prefix';
        observation.rule = 'cap-prefix';
        observation.written = printed;
        observation.runtime = 'Docker 1.2–1.10';
      }
    }
    out.push(observation);
  }
  return out;
}

/**
 * Which list of a printed CRI request (`AddCapabilities:[…],DropCapabilities:[…]`) holds a name, when only
 * one of them does.
 */
function requestList(detail: string, name: string): 'add' | 'drop' | undefined {
  const holds = (field: string) => {
    const list = new RegExp(`${field}Capabilities:\\[([^\\]]*)\\]`).exec(detail)?.[1] ?? '';
    return list.split(/[\s,]+/).some((entry) => entry.toUpperCase() === name.toUpperCase());
  };
  const add = holds('Add');
  const drop = holds('Drop');
  return add === drop ? undefined : drop ? 'drop' : 'add';
}

/** Pod Security and policy messages: the names are exact strings that admission compared. */
function admissionObservations(match: MatchContext): Observation[] {
  const { signature, groups, text } = match;
  const detail = groups.detail ?? '';
  const names: string[] = [];
  if (groups.name !== undefined) names.push(groups.name);
  for (const m of detail.matchAll(/must not include ((?:"[^"]+"(?:, | and )?)+) in/g))
    names.push(...quotedNames(m[1] ?? ''));
  if (
    signature.id !== 'psa-baseline-non-default-capabilities' &&
    signature.id !== 'psa-restricted-unrestricted-capabilities'
  ) {
    for (const m of text.matchAll(/Invalid value: "([^"]+)": capability may not be added/g)) {
      if (!names.includes(m[1] as string)) names.push(m[1] as string);
    }
  }
  const container = /container "([^"]+)"/.exec(detail || text)?.[1];
  const make = (): Observation => {
    const observation = base(match);
    if (container) observation.entities.container = container;
    if (signature.id === 'psa-restricted-unrestricted-capabilities' && !/drop=/.test(detail || text)) {
      delete observation.setting;
    }
    return observation;
  };
  if (names.length === 0) return [make()];
  const out: Observation[] = [];
  const [first, ...others] = names;
  const observation = make();
  const analysis = analyzeName(first);
  observation.written = first as string;
  observation.printed = first as string;
  if (analysis.capability) observation.capability = analysis.capability.name;
  if (others.length > 0) observation.guesses = others.map((n) => analyzeName(n).capability?.name ?? n);
  // Admission compares exact strings: CAP_CHOWN or chown is refused although CHOWN is allowed.
  if (signature.id === 'psa-baseline-non-default-capabilities' && analysis.capability && !analysis.canonical) {
    if (PSS_BASELINE_ALLOWED_ADD.has(analysis.capability.name)) {
      observation.problem = analysis.prefixes > 0 ? 'prefix' : 'case';
      observation.rule = analysis.prefixes > 0 ? 'cap-prefix' : 'cap-case';
    }
  }
  out.push(observation);
  return out;
}

function settingFor(match: MatchContext, observation: Observation): void {
  const { signature, groups } = match;
  const value = groups.setting;
  if (!observation.setting) return;
  const setting: Setting = observation.setting;
  if (setting.kind === 'rlimit') {
    const name = rlimitName(value) ?? setting.name;
    if (name !== undefined) setting.name = name;
    else delete setting.name;
  } else if (setting.kind === 'sysctl' && value !== undefined) {
    setting.name = value.replace(/\//g, '.');
  }
  if (signature.id === 'limits-conf-raises-hard-limit' && setting.name === undefined) delete observation.setting;
}

function observe(match: MatchContext): Observation[] {
  const { signature, groups, text } = match;
  let observations: Observation[];
  if (signature.cause === 'admission') observations = admissionObservations(match);
  else if (signature.reading !== undefined || groups.name !== undefined || groups.names !== undefined) {
    observations = nameObservations(match);
  } else {
    const observation = base(match);
    observations = evidence(match, observation) ? [observation] : [];
  }
  for (const observation of observations) {
    settingFor(match, observation);
    if (signature.id === 'chown-eperm' && /chmod: changing permissions/.test(text)) {
      observation.capability = 'FOWNER';
    }
    const api = DOCKER_API.exec(text)?.[1];
    if (api) observation.dockerApi = api;
  }
  if (signature.id === 'net-bind-service-privileged-port' || signature.id === 'operation-bind-low-port') {
    const port = Number(groups.port);
    if (!(port > 0 && port < 1024)) return [];
  }
  return observations;
}

const RUNTIME_VERSION = /\b(docker|containerd|cri-o):\/\/v?(\d+\.\d+(?:\.\d+)?)/;
const RUNTIME_SCHEME = /\b(docker|containerd|cri-o):\/\/[0-9a-f]{12}/;
const SERVER_VERSION = /Server Version:\s*v?(\d+\.\d+(?:\.\d+)?)/;

/** What a message itself says about the runtime (the node and the writing process are added per line). */
function hintsFrom(text: string): RuntimeHint[] {
  const hints: RuntimeHint[] = [];
  // Literal tests first: each pattern below needs its literal, and most lines have none of them.
  if (text.includes('://')) {
    const versioned = RUNTIME_VERSION.exec(text);
    if (versioned) hints.push({ engine: versioned[1] as RuntimeHint['engine'], version: versioned[2] as string });
    else {
      const scheme = RUNTIME_SCHEME.exec(text);
      if (scheme) hints.push({ engine: scheme[1] as RuntimeHint['engine'] });
    }
  }
  const server = text.includes('Server Version:') ? SERVER_VERSION.exec(text) : null;
  if (server) hints.push({ engine: 'docker', version: server[1] as string });
  const api = text.includes('/containers/') ? DOCKER_API.exec(text)?.[1] : undefined;
  if (api) hints.push({ engine: 'docker', api });
  if (text.includes('Error response from daemon')) hints.push({ engine: 'docker' });
  if (text.includes('failed to create containerd task')) hints.push({ engine: 'containerd' });
  return hints;
}

const ENGINE_OF_PROCESS: Readonly<Record<string, RuntimeHint['engine']>> = {
  dockerd: 'docker',
  containerd: 'containerd',
  crio: 'cri-o',
};

interface Classified {
  readonly observations: readonly Observation[];
  readonly hints: readonly RuntimeHint[];
}

/**
 * The hint that only names the engine of the writing process, per engine and node: the same few
 * objects for the many lines that say nothing else, which the collector then recognises at once.
 */
const ENGINE_HINTS = new Map<RuntimeHint['engine'], Map<string | undefined, readonly RuntimeHint[]>>();
const ENGINE_HINTS_SIZE = 1024;

function engineHints(engine: RuntimeHint['engine'], node: string | undefined): readonly RuntimeHint[] {
  let byNode = ENGINE_HINTS.get(engine);
  if (byNode === undefined) {
    byNode = new Map();
    ENGINE_HINTS.set(engine, byNode);
  }
  let hints = byNode.get(node);
  if (hints === undefined) {
    hints = [node === undefined ? { engine } : { engine, node }];
    if (byNode.size >= ENGINE_HINTS_SIZE) byNode.clear();
    byNode.set(node, hints);
  }
  return hints;
}

const NOTHING: Classified = { observations: [], hints: [] };

/** Where a cached message's observations come from until classify gives them their line. */
const NO_REF: LineRef = { file: '', line: 0, text: '' };

/** Each signature's patterns as specs, made once. */
const SPECS: ReadonlyMap<Signature, readonly PatternSpec[]> = new Map(SIGNATURES.map((s) => [s, s.patterns.map(spec)]));

/**
 * One expression that matches where any of the patterns matches (their named groups made plain), so
 * that a message none of them matches costs one search instead of one per pattern. Undefined when
 * that cannot be said for sure: different flags, a reference back to a group, or a `(?<` that may not
 * be a named group.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp | undefined {
  const [first] = patterns;
  // A global or sticky expression keeps state between searches.
  if (first === undefined || patterns.length < 2 || /[gy]/.test(first.flags)) return undefined;
  const sources: string[] = [];
  for (const pattern of patterns) {
    const source = pattern.source;
    if (pattern.flags !== first.flags || /\\(?:[1-9]|k<)|\\\(\?<|\[[^\]]*\(\?</.test(source)) return undefined;
    sources.push(`(?:${source.replace(/\(\?<(?=[A-Za-z_$])[\w$]*>/g, '(?:')})`);
  }
  return new RegExp(sources.join('|'), first.flags);
}

const ANY_PATTERN: ReadonlyMap<Signature, RegExp | undefined> = new Map(
  SIGNATURES.map((s) => [s, anyOf((SPECS.get(s) as readonly PatternSpec[]).map((p) => p.re))]),
);

function hasKeyword(signature: Signature, text: string): boolean {
  for (const keyword of signature.keywords) if (text.includes(keyword)) return true;
  return false;
}

/**
 * What one message says, before the line's own origin (file, line, time, node) is added. One cause
 * per message: when several match, the most specific one (highest priority) stands for it.
 */
function classifyMessage(message: string): Classified {
  const text = normalizeText(message);
  const ref = NO_REF;
  const causes: Observation[] = [];
  const others: Observation[] = [];
  let eperm: Observation[] = [];
  let causePriority = -1;
  for (const signature of candidates(text)) {
    // Both are needed; the one search of all patterns first, as it rules out more for less.
    if (ANY_PATTERN.get(signature)?.test(text) === false || !hasKeyword(signature, text)) continue;
    for (const current of SPECS.get(signature) as readonly PatternSpec[]) {
      const match = current.re.exec(text);
      if (!match) continue;
      const observations = observe({ signature, pattern: current, groups: match.groups ?? {}, text, ref });
      for (const observation of observations) observation.focus = match[0];
      if (signature.kind === 'cause') {
        if (observations.length > 0 && signature.priority > causePriority) {
          causes.length = 0;
          causes.push(...observations);
          causePriority = signature.priority;
        }
      } else if (signature.id === 'generic-eperm') eperm = observations;
      else others.push(...observations);
      break;
    }
  }
  // A line that states a cause is evidence as that cause; it is not also counted as a symptom.
  const observations =
    causes.length > 0
      ? causes.concat(others.filter((o) => o.signature.kind !== 'symptom'))
      : eperm.length > 0
        ? others.concat(eperm)
        : others;
  // Most lines that pass the prefilter match nothing (`StartContainer for … returns successfully`).
  if (observations.length > 0) {
    const entities = entitiesFromText(text);
    for (const observation of observations) observation.entities = { ...entities, ...observation.entities };
  }
  const hints = hintsFrom(text);
  // Shared, so that the cache holds one object for all the messages that say nothing.
  return observations.length === 0 && hints.length === 0 ? NOTHING : { observations, hints };
}

/**
 * Recent messages and what they say. Nodes repeat the same error on every sync, with only the time
 * changing, so a message is classified once; the cache is small and starts over when full.
 */
const MESSAGE_CACHE = new Map<string, Classified>();
const MESSAGE_CACHE_SIZE = 1024;

/**
 * Classifies a line that passed the prefilter: the message (without journal and klog prefixes) is
 * classified, then the line's file, number, time, node and writing process are added. Returns
 * nothing when no signature matches.
 */
export function classify(raw: string, ref: LineRef): Classified {
  const meta = parseLineMeta(raw);
  let classified = MESSAGE_CACHE.get(meta.message);
  if (classified === undefined) {
    classified = classifyMessage(meta.message);
    if (MESSAGE_CACHE.size >= MESSAGE_CACHE_SIZE) MESSAGE_CACHE.clear();
    MESSAGE_CACHE.set(meta.message, classified);
  }
  // Own keys only: a process named `constructor` is not an engine.
  const engine =
    meta.process !== undefined && Object.hasOwn(ENGINE_OF_PROCESS, meta.process)
      ? ENGINE_OF_PROCESS[meta.process]
      : undefined;
  const node = meta.host;
  let hints: readonly RuntimeHint[] = classified.hints;
  if (hints.length === 0) {
    if (engine !== undefined) hints = engineHints(engine, node);
  } else {
    if (engine !== undefined) hints = [...hints, { engine }];
    if (node !== undefined) hints = hints.map((hint) => ({ ...hint, node }));
  }
  if (classified.observations.length === 0) return { observations: [], hints };
  const origin: Entities = {};
  if (node !== undefined) origin.node = node;
  if (meta.process !== undefined) origin.process = meta.process;
  const observations = classified.observations.map((template) => {
    const observation: Observation = { ...template, ref, entities: { ...origin, ...template.entities } };
    if (meta.time !== undefined) observation.time = meta.time;
    return observation;
  });
  return { observations, hints };
}

/** The signature ids, for checks in tests and docs. */
export const SIGNATURE_IDS: readonly string[] = SIGNATURES.map((s) => s.id);
