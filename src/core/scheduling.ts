// Which nodes a pod template may be scheduled on: its nodeSelector and its required node affinity, with
// the operators the scheduler uses (k8s.io/component-helpers/scheduling/corev1/nodeaffinity). Taints,
// resources and preferred affinity are left out: the question is which runtimes the pods can meet.
import { isMapping, type Mapping } from './extract.js';
import type { NodeTarget } from './nodes.js';

function requirementMatches(requirement: unknown, values: (key: string) => string | undefined): boolean {
  if (!isMapping(requirement)) return false;
  const key = typeof requirement.key === 'string' ? requirement.key : '';
  const operator = typeof requirement.operator === 'string' ? requirement.operator : '';
  const wanted = Array.isArray(requirement.values) ? requirement.values.map(String) : [];
  const value = values(key);
  switch (operator) {
    case 'In':
      return value !== undefined && wanted.includes(value);
    case 'NotIn':
      return value === undefined || !wanted.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const have = Number.parseInt(value ?? '', 10);
      const limit = Number.parseInt(wanted[0] ?? '', 10);
      if (Number.isNaN(have) || Number.isNaN(limit)) return false;
      return operator === 'Gt' ? have > limit : have < limit;
    }
    default:
      // An operator the API server would have refused: the term selects nothing.
      return false;
  }
}

function termMatches(term: unknown, node: NodeTarget): boolean {
  if (!isMapping(term)) return false;
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  // An empty term selects no node.
  if (expressions.length === 0 && fields.length === 0) return false;
  const byLabel = (key: string) => node.labels[key];
  const byField = (key: string) => (key === 'metadata.name' ? node.name : undefined);
  return (
    expressions.every((e) => requirementMatches(e, byLabel)) && fields.every((f) => requirementMatches(f, byField))
  );
}

/** True when a pod with this spec may run on the node by its nodeSelector and required node affinity. */
export function admits(podSpec: Mapping, node: NodeTarget): boolean {
  if (isMapping(podSpec.nodeSelector)) {
    for (const [key, value] of Object.entries(podSpec.nodeSelector)) {
      if (node.labels[key] !== String(value)) return false;
    }
  }
  if (typeof podSpec.nodeName === 'string' && podSpec.nodeName !== '' && podSpec.nodeName !== node.name) return false;
  const affinity = isMapping(podSpec.affinity) ? podSpec.affinity : undefined;
  const nodeAffinity = affinity && isMapping(affinity.nodeAffinity) ? affinity.nodeAffinity : undefined;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (isMapping(required) && Array.isArray(required.nodeSelectorTerms)) {
    // Terms are ORed.
    if (!required.nodeSelectorTerms.some((term) => termMatches(term, node))) return false;
  }
  return true;
}
