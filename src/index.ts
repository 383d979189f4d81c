// Library entry: the pure core, for editors, webhooks and other tools.

export type { FileResult, LintOptions, RuleSetting } from './core/engine.js';
export { IGNORE_ANNOTATION, lintSource, PARSE_ERROR_RULE } from './core/engine.js';
export { extract } from './core/extract.js';
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
export type { Finding, Severity, TargetOutcome } from './core/types.js';
export { CAPABILITIES } from './knowledge/capabilities.js';
export { predict } from './knowledge/predict.js';
export { CONTAINERD_BUNDLED_RUNC, ENGINE_RANGES, OCI_RANGES } from './knowledge/runtimes.js';
export { DEFAULT_MATRIX, resolveTarget, resolveTargets, TargetError } from './knowledge/targets.js';
export { ALL_RULE_META, PARSE_ERROR_META, RULES } from './rules/index.js';
export type { Rule, RuleMeta } from './rules/types.js';
