// Library entry: the pure core, for editors, webhooks and other tools.

export type { FileResult, LintOptions, PssLevel, RuleSetting } from './core/engine.js';
export { IGNORE_ANNOTATION, lintSource, PARSE_ERROR_RULE } from './core/engine.js';
export { extract } from './core/extract.js';
export type { Finding, Severity, TargetOutcome } from './core/types.js';
export { CAPABILITIES } from './knowledge/capabilities.js';
export { predict } from './knowledge/predict.js';
export { CONTAINERD_BUNDLED_RUNC, ENGINE_RANGES, OCI_RANGES } from './knowledge/runtimes.js';
export type { MatrixProfile, Support } from './knowledge/targets.js';
export {
  CURRENT_MATRIX,
  DEFAULT_MATRIX,
  LEGACY_MATRIX,
  MATRIX,
  resolveTarget,
  resolveTargets,
  SUPPORT_AS_OF,
  TargetError,
} from './knowledge/targets.js';
export { ALL_RULE_META, PARSE_ERROR_META, RULES } from './rules/index.js';
export type { Rule, RuleMeta } from './rules/types.js';
