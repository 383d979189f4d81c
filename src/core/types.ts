import type { Path, PlainValue, Range } from '../parse/types.js';

// The parser's own vocabulary (paths, offsets, edits), kept here too so that the rest of the code
// and the public types name them as before.
export type { Path, PathSegment, PlainValue, Range, TextEdit } from '../parse/types.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
}

/** What a prediction says happens to one capability entry on one target. */
export type Outcome = 'applied' | 'rejected' | 'ignored' | 'unknown';

export interface TargetOutcome {
  /** Target label, e.g. `docker@18.06` or `containerd 1.3+ with runc ≥1.0.0-rc94`. */
  target: string;
  outcome: Outcome;
  detail: string;
  /** An end-of-life runtime checked as context only (default targets): it does not decide the severity. */
  legacy?: true;
  /** Pod status the kubelet shows when the entry is refused. */
  status?: 'CreateContainerError' | 'RunContainerError';
  /**
   * What the outcome is about, to word it: an entry of the add or drop list (not granted, not dropped),
   * or a need of the workload (not met).
   */
  list?: 'add' | 'drop' | 'need';
}

export interface Fix {
  description: string;
  /** Edits expressed as paths and new scalar values; the engine turns them into text edits. */
  edits: readonly PathEdit[];
}

export type PathEdit =
  | { kind: 'replace-scalar'; path: Path; value: string }
  | { kind: 'remove-item'; path: Path }
  /** Removes a key and its value from a mapping. */
  | { kind: 'remove-key'; path: Path }
  /** Adds a key the mapping does not have yet (the last path segment), with a plain value. */
  | { kind: 'add-key'; path: Path; value: PlainValue }
  /** Appends items to an existing list. */
  | { kind: 'append-items'; path: Path; values: string[] };

export interface Finding {
  rule: string;
  severity: Severity;
  /** One line a person reads at a glance: what is wrong, the worst consequence, what to write (≤ 160 characters). */
  message: string;
  /** The long story behind `message`: why, per target, with sources. Shown on demand (`--verbose`, SARIF markdown). */
  explanation?: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Dotted path to the offending node, e.g. `spec.containers[0].securityContext.capabilities.add[0]`. */
  path: string;
  object?: ObjectRef;
  container?: string;
  targets?: TargetOutcome[];
  /** A fix that restores the evident intent (applied by `capdoctor fix`). */
  fix?: Fix;
  /** A change that alters what the container is granted: only a suggestion. */
  suggestion?: Fix;
  /** Offsets of the reported node in the file's text (for fixes and code frames). */
  range?: Range;
  /** 0-based index of the document in its file (internal: fixes re-find the node by it). */
  document?: number;
  /** What the finding is based on, when that is elsewhere in the input (a mounted ConfigMap line, a command). */
  evidence?: Evidence[];
}

/** A rule's pointer to its evidence: a node of one of the input's documents (`RuleContext.documents`). */
export interface EvidenceRef {
  /** Index into `RuleContext.documents`; -1 for the finding's own document. */
  document: number;
  path: Path;
  /** 0-based line inside a multi-line string value, when the evidence is one line of it. */
  line?: number;
  /** The evidence as written, quoted in the message. */
  text: string;
  /** Where it is, in words: `args[0]`, `ConfigMap/esc-config "limits.conf"`. */
  label: string;
}

/** Evidence located in the file: `line` and `column` are 1-based, like a finding's. */
export interface Evidence {
  text: string;
  label: string;
  /** Dotted path of the node in its document. */
  path: string;
  line: number;
  column: number;
}
