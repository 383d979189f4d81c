// The four questions capdoctor answers, on texts: lint, fix, explain, diagnose. Pure (no file system,
// network or process state): texts in, results out, every option with a default. The CLI, the
// webhook and the web page are adapters on top of these.
import { lintSource, type PssLevel, type RuleSetting } from './core/engine.js';
import { type AppliedChange, fixSource, type SkippedFix } from './core/fix.js';
import type { Finding } from './core/types.js';
import { diagnoseTexts } from './diagnose/index.js';
import { attachManifests } from './diagnose/manifest.js';
import type { DiagnoseResult, Diagnosis } from './diagnose/types.js';
import { type ResolvedTarget, resolveTargets } from './knowledge/targets.js';
import { type ExplainedContainer, explainSource } from './model/explain.js';
import type { SourceFormat } from './parse/index.js';
import { RULES } from './rules/index.js';

/** Options shared by lint, fix and explain. */
export interface TextOptions {
  /** Name the findings carry (default `input.yaml`); only a label, nothing is read. */
  file?: string;
  /** `auto` (default) reads JSON when the text is JSON, YAML otherwise. */
  format?: SourceFormat;
  /**
   * Runtimes to predict for, as the CLI's `--target` takes them: `docker@18.06`,
   * `containerd@1.7+runc@1.1`, `k8s@1.30`. Default: the built-in matrix. Throws `TargetError` on an
   * unknown target.
   */
  targets?: readonly string[];
}

export interface LintOptions extends TextOptions {
  /** Rule id → `off`, `info`, `warning` or `error` (opt-in rules are off unless set here). */
  rules?: Readonly<Record<string, RuleSetting>>;
  /**
   * Pod Security level to hold added capabilities to (`baseline` or `restricted`; `restricted` also
   * turns the pss-restricted rule on). Default: only entries whose spelling alone fails a policy.
   */
  pss?: PssLevel;
}

export interface LintResult {
  file: string;
  /** In file order. Each has a one-line `message` and, for rule findings, the long `explanation`. */
  findings: Finding[];
  /** Documents read (empty ones are not counted). */
  documents: number;
  /** Parse errors among the findings (rule `parse-error`); the documents that parsed are still linted. */
  parseErrors: number;
}

export interface FixOptions extends LintOptions {
  /** Also apply suggestions, which change what a container is granted (default false). */
  unsafe?: boolean;
  /** Apply only these rules' fixes (default: every rule's). */
  only?: readonly string[];
}

export interface FixResult {
  file: string;
  /** The fixed text (the input unchanged when nothing applied). Comments and layout are kept. */
  output: string;
  changed: boolean;
  changes: AppliedChange[];
  /** Fixes not applied, with why (they overlapped, or would make a target worse). */
  skipped: SkippedFix[];
  /** The findings that remain in `output`. */
  findings: Finding[];
  /** Set when the text does not parse: nothing is changed. */
  error?: string;
}

export interface ExplainResult {
  /** The targets explained, as the findings name them. */
  targets: string[];
  /** Every container of the text, with its one-line `message` and what it becomes on each target. */
  containers: ExplainedContainer[];
}

export interface DiagnoseInput {
  /** Label for evidence lines (`kubectl-describe.txt`, `node-7 journal`). */
  file: string;
  text: string;
}

export interface DiagnoseApiOptions {
  /** Manifests to point the fix at: the line to change and the corrected text. */
  manifests?: readonly DiagnoseInput[];
}

/** A diagnosis with its one-line message (≤ 160 characters) beside the full summary and explanation. */
export type DiagnosisWithMessage = Diagnosis & { message: string };

export interface DiagnoseApiResult extends Omit<DiagnoseResult, 'diagnoses'> {
  diagnoses: DiagnosisWithMessage[];
  /** Why a manifest was not checked (it does not parse, say). */
  manifestProblems: string[];
}

const DEFAULT_FILE = 'input.yaml';

// Resolving targets is cheap, but the engine caches per resolved list: reuse the default one.
let defaultTargets: readonly ResolvedTarget[] | undefined;

function targetsOf(options: TextOptions): readonly ResolvedTarget[] {
  if (options.targets && options.targets.length > 0) return resolveTargets(options.targets);
  defaultTargets ??= resolveTargets([]);
  return defaultTargets;
}

/**
 * Finds capability mistakes in a manifest, Helm values or compose text.
 *
 * @example
 * const { findings } = lint('…', { targets: ['docker@18.06'] });
 * findings[0].message; // '"CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_RESOURCE'
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const result = lintSource(options.file ?? DEFAULT_FILE, text, {
    rules: RULES,
    targets: targetsOf(options),
    ...(options.rules ? { settings: options.rules } : {}),
    ...(options.pss ? { pss: options.pss } : {}),
    ...(options.format ? { format: options.format } : {}),
  });
  return { file: result.file, findings: result.findings, documents: result.documents, parseErrors: result.parseErrors };
}

/** Rewrites what the safe fixes change (with `unsafe`, the suggestions too), keeping comments and layout. */
export function fix(text: string, options: FixOptions = {}): FixResult {
  const result = fixSource(options.file ?? DEFAULT_FILE, text, {
    rules: RULES,
    targets: targetsOf(options),
    ...(options.rules ? { settings: options.rules } : {}),
    ...(options.pss ? { pss: options.pss } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(options.unsafe ? { unsafe: true } : {}),
    ...(options.only && options.only.length > 0 ? { only: new Set(options.only) } : {}),
  });
  const out: FixResult = {
    file: result.file,
    output: result.output,
    changed: result.changed,
    changes: result.changes,
    skipped: result.skipped,
    findings: result.result.findings,
  };
  if (result.error !== undefined) out.error = result.error;
  return out;
}

/** What each container becomes on each target: user, programs, add/drop entries, sets, needs, verdict. */
export function explain(text: string, options: TextOptions = {}): ExplainResult {
  const targets = targetsOf(options);
  return {
    targets: targets.map((t) => (t.matrix ? t.label : t.id)),
    containers: explainSource(options.file ?? DEFAULT_FILE, text, targets, options.format ?? 'auto'),
  };
}

/**
 * Finds the root cause of a capability failure in logs, events and kubectl output. A string is read
 * as one input named `input.log`.
 */
export function diagnose(logs: string | readonly DiagnoseInput[], options: DiagnoseApiOptions = {}): DiagnoseApiResult {
  const inputs = typeof logs === 'string' ? [{ file: 'input.log', text: logs }] : logs;
  const manifests = options.manifests ?? [];
  const result = diagnoseTexts(inputs, { manifests: manifests.length > 0 });
  const manifestProblems = manifests.length > 0 ? attachManifests(result, manifests).problems : [];
  return {
    ...result,
    manifestProblems,
  };
}
