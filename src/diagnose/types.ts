// Types of the diagnose core: signatures (what a log line means), observations (a line that
// matched one), and diagnoses (a root cause with its evidence, explanation and fix).

export type Confidence = 'high' | 'medium' | 'low';
export const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * - `cause`: the line states why something failed (a runtime refusing a name, an operation refused
 *   for want of a capability, an admission denial);
 * - `symptom`: the line shows that something failed, not why (RunContainerError, a missing log file);
 * - `context`: the line explains a cause found elsewhere (a limits.conf line that pam_limits applies).
 */
export type SignatureKind = 'cause' | 'symptom' | 'context';

/**
 * What a cause is about, which decides how causes chain:
 * - `name`: a runtime refused or ignored a capability name (a spelling in the manifest, or a name the runtime
 *   or kernel is too old for);
 * - `missing`: an operation inside the container was refused for want of a capability;
 * - `admission`: an admission controller refused the pod;
 * - `schema`: the API refused the manifest's shape;
 * - `engine`: the container engine itself lacks a privilege (nested or rootless engines);
 * - `not-capability`: it looks like a capability problem, and no capability fixes it.
 */
export type CauseClass = 'name' | 'missing' | 'admission' | 'schema' | 'engine' | 'not-capability';

/**
 * What a symptom shows: the container never started (`start-failure`), it keeps exiting (`crash-loop`),
 * or some operation got EPERM without saying which (`eperm`).
 */
export type SymptomClass = 'start-failure' | 'crash-loop' | 'eperm';

/** When a cause strikes; a symptom follows only from causes of the phases it lists. */
export type Phase = 'admission' | 'create' | 'start' | 'run';

/**
 * How to read a capability name that a runtime printed:
 * - `prefixed-by-engine`: the engine put `CAP_` in front of what the manifest said (Docker ≤18.09, containerd);
 * - `normalized`: the engine upper-cased it and added `CAP_` only when missing (Docker ≥19.03, CRI-O, Podman);
 * - `as-written`: the name is printed as the manifest wrote it.
 */
export type NameReading = 'prefixed-by-engine' | 'normalized' | 'as-written';

/** What is wrong with a capability name, as read from a runtime's message. */
export type NameProblem =
  /** It carries the CAP_ prefix, which the engine added again. */
  | 'prefix'
  /** It is not a Linux capability. */
  | 'unknown'
  /** It is a capability the runtime, or the node's kernel, does not know. */
  | 'not-known'
  /** It is not upper case and the runtime compares exactly. */
  | 'case'
  /** `CAP_ALL`, which no runtime matches. */
  | 'all'
  /** The runtime wanted the CAP_ prefix and did not get it. */
  | 'needs-prefix'
  /** Several names in one value (`NET_ADMIN,NET_RAW`), which the runtime reads as one name. */
  | 'list';

export type SettingKind = 'rlimit' | 'sysctl' | 'drop-all' | 'placement' | 'seccomp' | 'oom-score-adj';

export interface Setting {
  kind: SettingKind;
  /** `RLIMIT_MEMLOCK`, a sysctl key, …; absent when the message does not say. */
  name?: string;
}

/** A regular expression with an optional override of the signature's facts for lines it matches. */
export interface PatternSpec {
  re: RegExp;
  cause?: CauseClass;
  phase?: Phase;
  confidence?: Confidence;
  /** What the message says about who emitted it, when the pattern tells more than the signature. */
  runtime?: string;
  /** Summary template for lines this pattern matches (see Signature.summary). */
  summary?: string;
  /** Lint rule for lines this pattern matches; null when they show no manifest mistake. */
  rule?: string | null;
  /** The way of starting containers that lines of this pattern show. */
  via?: Interface;
}

export interface Signature {
  /** Stable id; ids shared with the research data keep their names. */
  id: string;
  kind: SignatureKind;
  cause?: CauseClass;
  symptom?: SymptomClass;
  phase?: Phase;
  /** A short noun phrase: what the line reports. */
  title: string;
  /** Who writes the line. */
  component: string;
  /** Which versions of it do. */
  versions: string;
  /** The runtime the line proves, in words (`Docker 1.11–18.09`), when it proves one. */
  runtime?: string;
  /**
   * Literal substrings; a line must contain at least one before any pattern runs (the prefilter).
   * Every line a pattern matches contains one of them; the tests hold every example to that.
   */
  keywords: readonly string[];
  patterns: readonly (RegExp | PatternSpec)[];
  /** What the runtime does with the container, when its phase alone does not say (it differs by version). */
  outcome?: string;
  /** Who put `CAP_` in front of the manifest's name, when that is not the runtime that complains. */
  prefixedBy?: string;
  /** How to read the `name` (or `names`) capture, for signatures that quote capability names. */
  reading?: NameReading;
  /** The list the name was in, when the message says (`add` unless it says drop). */
  direction?: 'add' | 'drop';
  /** The capability the failure needs, for signatures that do not quote one. */
  capability?: string;
  /** Other capabilities that the same failure may need. */
  also?: readonly string[];
  setting?: Setting;
  /** Lint rule id of the manifest mistake, when the signature proves one. Name signatures derive it. */
  rule?: string;
  confidence: Confidence;
  /** Among causes of equal confidence, the higher one is the more specific explanation. */
  priority: number;
  /**
   * One-line summary of a diagnosis this signature stands for, with `{capability}`, `{setting}`,
   * `{written}` and named groups of the pattern as placeholders. Name signatures compose theirs.
   */
  summary?: string;
  /**
   * One-line message template (same placeholders as `summary`, at most 160 characters once filled)
   * for signatures whose summary is longer; otherwise the summary is the message.
   */
  message?: string;
  /** What it means, in one or two sentences. */
  meaning: string;
  /** What to change. */
  fix: string;
  /** For symptoms: why the symptom follows from a cause, when that is not obvious. */
  follows?: string;
  /** For failures that need a capability: what needs it, as a clause (`su and runuser need it to …`). */
  need?: string;
  citations: readonly string[];
  /** What is not verified about it. */
  uncertain?: string;
  /** Real or source-derived lines the patterns must match (tested). */
  examples: readonly string[];
}

/** How the workload was started, as far as the input shows: the fix is written for that interface. */
export type Interface = 'docker-run' | 'compose' | 'podman' | 'kubernetes';

/** A line of input: where it is and what it says. */
export interface LineRef {
  file: string;
  line: number;
  text: string;
}

/** What a line (or the structure around it) says about where it comes from. */
export interface Entities {
  pod?: string;
  namespace?: string;
  podUid?: string;
  container?: string;
  /** Full or abbreviated (12+ hex digits) container id, without the `docker://` scheme. */
  containerId?: string;
  node?: string;
  /** The process that wrote a journal line (dockerd, kubelet, containerd, crio, …). */
  process?: string;
}

/** A line that matched a signature, with what it says. */
export interface Observation {
  signature: Signature;
  ref: LineRef;
  cause?: CauseClass;
  phase?: Phase;
  confidence: Confidence;
  runtime?: string;
  /** Canonical capability name (no prefix, upper case), when known or guessed. */
  capability?: string;
  /** Other known names the same message could mean (guesses for a typo). */
  guesses?: readonly string[];
  /** The name as the runtime printed it. */
  printed?: string;
  /** The name as the manifest most likely wrote it. */
  written?: string;
  problem?: NameProblem;
  direction?: 'add' | 'drop';
  rule?: string;
  setting?: Setting;
  entities: Entities;
  /** Seconds since the start of the year (years are rarely logged), when the line has a time. */
  time?: number;
  /** Docker Engine API version of a dockerd request path (`/v1.38/`). */
  dockerApi?: string;
  /** Summary template chosen by the pattern, when it differs from the signature's. */
  summary?: string;
  /** The text the pattern matched (after unescaping), to show the relevant part of a long line. */
  focus?: string;
  /** Named groups of the match, for summary templates. */
  vars?: Record<string, string>;
  /**
   * Capabilities the line shows the container has (`capsh --print`, CapEff) or was given (`--cap-add`,
   * `cap_add:`, an `add:` list): evidence against a missing-capability reading of the same input.
   */
  granted?: readonly string[];
  /** `effective`: seen in the process's own sets; `request`: asked for in a command or a spec; `privileged`: all. */
  grantSource?: 'effective' | 'request' | 'privileged';
  /** Capabilities a program carries as file capabilities (setcap, getcap). */
  fileCapabilities?: readonly string[];
  /** The way of starting containers the line shows. */
  via?: Interface;
}

/** The role a line plays in a diagnosis. */
export type EvidenceRole = 'cause' | 'need' | 'symptom' | 'context';

export interface Evidence extends LineRef {
  role: EvidenceRole;
  signature: string;
  /** The part of the line that matched (see Observation.focus). */
  focus?: string;
  /** How a symptom was linked to the cause: same container, pod, time, or only by what kind of failure it is. */
  link?: 'container' | 'pod' | 'time' | 'kind';
}

export interface ManifestLocation {
  file: string;
  line: number;
  column: number;
  /** The corrected text for the node at line:column. */
  replacement: string;
  /** The lint rule that reported it. */
  rule: string;
  /** The text that is there now. */
  current?: string;
  container?: string;
}

export interface Diagnosis {
  /** Lint rule id of the manifest mistake, or null when the cause is not a manifest mistake. */
  rule: string | null;
  signature: string;
  capability: string | null;
  confidence: Confidence;
  /** One line of at most 160 characters: what, the worst consequence, what to write. */
  message: string;
  /** The cause in a sentence or two; `explanation` holds the whole story. */
  summary: string;
  explanation: string;
  fix: string;
  evidence: Evidence[];
  manifest: ManifestLocation[];
  /** Lines of the same kind beyond the ones kept as evidence. */
  omitted: number;
  setting?: Setting;
  /** The runtime the evidence points at, in words. */
  runtime?: string;
  pods: string[];
  containers: string[];
  nodes: string[];
  citations: readonly string[];
  /** Signature ids of every cause that was folded into this one. */
  signatures: string[];
}

export interface InputSummary {
  file: string;
  lines: number;
  /** Formats recognised in it (journal, kubectl-describe, …). */
  formats: string[];
  matched: number;
}

/**
 * What a next step is about, so that a front end can word it its own way:
 * - `only-symptoms`: what was seen shows that something failed, not why;
 * - `describe`, `previous-log`, `status`, `node-journal`, `container-id`: where the missing cause is written;
 * - `find-call`: an EPERM without its call, and how to find it;
 * - `check-capability`: whether the container really holds the capability;
 * - `manifests`: the manifests would point the fix at the line to change;
 * - `collect`: nothing was recognised; what to gather.
 */
export type NextKind =
  | 'only-symptoms'
  | 'describe'
  | 'previous-log'
  | 'status'
  | 'node-journal'
  | 'container-id'
  | 'find-call'
  | 'check-capability'
  | 'manifests'
  | 'collect';

/** A step to take next, in words for any front end (commands for the cluster or node, none of capdoctor's). */
export interface NextStep {
  kind: NextKind;
  text: string;
  /** A file the step's command writes, to diagnose together with the rest. */
  file?: string;
}

export interface DiagnoseResult {
  diagnoses: Diagnosis[];
  /** What to collect or check next (always given when only symptoms were found). */
  next: NextStep[];
  /** Symptoms that no cause explains (a sample: see `symptomsOmitted`). */
  symptoms: Evidence[];
  /** Lines of unexplained symptoms beyond the ones listed. */
  symptomsOmitted: number;
  inputs: InputSummary[];
  /** Runtimes the input names (node info, API versions, container id schemes). */
  runtimes: string[];
}

// The correlator's stories, here rather than in correlate.ts so that explain.ts (which words them) and
// correlate.ts (which calls explain.ts) do not import each other.
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
  /** What the rest of the input says about this cause (a capability shown granted, a security module), as sentences. */
  notes: string[];
  /** How the container was started, when the input shows it: the fix is written for that. */
  via?: Interface;
  /** Why the input speaks against the capability being missing, when it does. */
  vetoed?: string;
}
