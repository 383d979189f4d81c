// The library: `import { lint, fix, explain, diagnose } from 'capdoctor'`. Pure (texts in, results
// out; no file system) and usable in a browser bundle. See docs/api.md.

export type {
  DiagnoseApiOptions,
  DiagnoseApiResult,
  DiagnoseInput,
  DiagnosisWithMessage,
  ExplainResult,
  FixOptions,
  FixResult,
  LintOptions,
  LintResult,
  TextOptions,
} from './api.js';
export { diagnose, explain, fix, lint } from './api.js';

// What adapters (the webhook, the web page, editors) build on.
export type { FileResult, PssLevel, RuleSetting } from './core/engine.js';
export { IGNORE_ANNOTATION, lintSource, PARSE_ERROR_RULE } from './core/engine.js';
export { extract } from './core/extract.js';
export type { AppliedChange, SkippedFix } from './core/fix.js';
export { applyEdits } from './core/fix.js';
export {
  compactTargets,
  MESSAGE_MAX,
  oneLineSummary,
  outcomeLine,
  outcomeWords,
  worstConsequence,
} from './core/message.js';
export type { NodeGroup, NodeInfo, NodeTarget } from './core/nodes.js';
export { groupNodes, nodeTarget, targetOfNodeInfo } from './core/nodes.js';
export type { ObjectKey, OwnerChain, OwnerLink } from './core/owners.js';
export { controllerOf, keyOf, OwnerIndex, ownerChain } from './core/owners.js';
export type {
  ClusterObject,
  ClusterSnapshot,
  NodeBasis,
  NodeOutcome,
  ObjectSource,
  ScanFinding,
  ScanOptions,
  ScanResult,
  ScanWorkload,
} from './core/scan.js';
export { scanCluster } from './core/scan.js';
export { admits } from './core/scheduling.js';
export type {
  Evidence,
  Finding,
  Fix,
  ObjectRef,
  Outcome,
  PathEdit,
  PlainValue,
  Range,
  Severity,
  TargetOutcome,
  TextEdit,
} from './core/types.js';
export type { Confidence, DiagnoseResult, Diagnosis, Evidence as LogEvidence } from './diagnose/types.js';
export { CAPABILITIES } from './knowledge/capabilities.js';
export type { Direction, Prediction } from './knowledge/predict.js';
export { predict } from './knowledge/predict.js';
export { CONTAINERD_BUNDLED_RUNC, ENGINE_RANGES, OCI_RANGES } from './knowledge/runtimes.js';
export type { MatrixProfile, ResolvedTarget, Support } from './knowledge/targets.js';
export {
  CURRENT_MATRIX,
  DEFAULT_MATRIX,
  knownTargetsHelp,
  LEGACY_MATRIX,
  MATRIX,
  resolveTarget,
  resolveTargets,
  SUPPORT_AS_OF,
  TargetError,
} from './knowledge/targets.js';
export type { ExplainedContainer, ExplainedTarget, Verdict } from './model/explain.js';
export { ALL_RULE_META, PARSE_ERROR_META, RULES } from './rules/index.js';
export type { Rule, RuleMeta } from './rules/types.js';
