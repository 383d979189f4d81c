// One AdmissionReview in, one out: lint the object (a Pod or anything with a pod template) for the
// cluster's targets, warn, refuse in enforce mode, or patch the safe fixes. No I/O: the server around
// it reads, writes, logs and counts.
import type { LintOptions } from '../core/engine.js';
import { lintObject } from '../core/engine.js';
import { fixPatch } from '../core/patch.js';
import type { Finding } from '../core/types.js';
import { oneLine, shortWarnings, WARNING_SOFT_LIMIT } from './warnings.js';

export type Mode = 'warn' | 'enforce';
export type Endpoint = 'validate' | 'mutate';
export const API_VERSIONS = ['admission.k8s.io/v1', 'admission.k8s.io/v1beta1'] as const;

/** The kinds whose objects hold a pod spec, by API group ('' is the core group). */
const POD_KINDS: Readonly<Record<string, readonly string[]>> = {
  Pod: [''],
  ReplicationController: [''],
  Deployment: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  DaemonSet: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  Job: ['batch'],
  CronJob: ['batch'],
};

export interface ReviewOptions {
  lint: LintOptions;
  mode: Mode;
}

/** What the log line and the metrics say about one review; never the object's content. */
export interface ReviewRecord {
  uid: string;
  kind: string;
  namespace?: string;
  name?: string;
  operation?: string;
  /** allowed, denied, patched, or skipped (a kind or operation that is not checked). */
  verdict: 'allowed' | 'denied' | 'patched' | 'skipped';
  findings: number;
  errors: number;
}

export type ReviewOutcome =
  | { status: 200; body: Record<string, unknown>; record: ReviewRecord }
  | { status: 400 | 422; error: string };

/** Answers one parsed AdmissionReview (the HTTP body as JSON). */
export function review(input: unknown, endpoint: Endpoint, options: ReviewOptions): ReviewOutcome {
  if (!isObject(input)) return { status: 400, error: 'the body is not a JSON object (expected an AdmissionReview)' };
  const apiVersion = input.apiVersion;
  if (input.kind !== 'AdmissionReview' || !API_VERSIONS.includes(apiVersion as (typeof API_VERSIONS)[number])) {
    return {
      status: 400,
      error: `expected kind AdmissionReview of ${API_VERSIONS.join(' or ')}, got ${describe(input.kind)} ${describe(apiVersion)}`,
    };
  }
  const request = input.request;
  if (!isObject(request)) return { status: 400, error: 'the AdmissionReview has no request' };
  const uid = request.uid;
  if (typeof uid !== 'string' || uid === '') return { status: 400, error: 'request.uid is missing or not a string' };
  const kindRef = isObject(request.kind) ? request.kind : {};
  const kind = typeof kindRef.kind === 'string' ? kindRef.kind : '';
  const group = typeof kindRef.group === 'string' ? kindRef.group : '';
  const record: ReviewRecord = {
    uid,
    kind: kind || 'unknown',
    verdict: 'skipped',
    findings: 0,
    errors: 0,
  };
  if (typeof request.namespace === 'string') record.namespace = request.namespace;
  if (typeof request.name === 'string') record.name = request.name;
  if (typeof request.operation === 'string') record.operation = request.operation;
  const answer = (response: Record<string, unknown>) => ({
    status: 200 as const,
    body: { apiVersion, kind: 'AdmissionReview', response: { uid, allowed: true, ...response } },
    record,
  });

  const checked = POD_KINDS[kind]?.includes(group) ?? false;
  const object = request.object;
  // DELETE and CONNECT carry no object to check; other kinds are none of this webhook's business.
  if (!checked || object === null || object === undefined) return answer({});
  if (!isObject(object)) return { status: 422, error: `request.object of ${kind} is not an object` };
  if (object.kind !== undefined && object.kind !== kind) {
    return { status: 422, error: `request.object is a ${describe(object.kind)}, but request.kind says ${kind}` };
  }
  if (record.name === undefined && isObject(object.metadata) && typeof object.metadata.name === 'string') {
    record.name = object.metadata.name;
  }

  const result = lintObject(`${kind}.json`, object, options.lint);
  if (endpoint === 'mutate') {
    if (!result.findings.some((f) => f.fix !== undefined)) {
      record.findings = result.findings.length;
      record.errors = result.findings.filter((f) => f.severity === 'error').length;
      record.verdict = 'allowed';
      return answer({});
    }
    // The findings just made are the fix's first pass: it lints again only after changing something.
    const { patch, fix } = fixPatch(object, options.lint, `${kind}.json`, result);
    const remaining = fix.result.findings;
    record.findings = remaining.length;
    record.errors = remaining.filter((f) => f.severity === 'error').length;
    if (patch.length === 0) {
      record.verdict = 'allowed';
      return answer({});
    }
    record.verdict = 'patched';
    const warnings = fix.changes.map((change) =>
      oneLine(`capdoctor ${locate(change.path)}: ${change.description}`, WARNING_SOFT_LIMIT),
    );
    return answer({
      patchType: 'JSONPatch',
      patch: Buffer.from(JSON.stringify(patch)).toString('base64'),
      warnings: [...new Set(warnings)],
    });
  }

  const shown = result.findings.filter((f) => f.severity !== 'info');
  const errors = result.findings.filter((f) => f.severity === 'error');
  record.findings = result.findings.length;
  record.errors = errors.length;
  const warnings = shortWarnings(shown);
  if (options.mode === 'enforce' && errors.length > 0) {
    record.verdict = 'denied';
    return answer({
      allowed: false,
      status: { code: 403, reason: 'Forbidden', message: denial(kind, record.name, errors) },
      ...(warnings.length > 0 ? { warnings } : {}),
    });
  }
  record.verdict = 'allowed';
  return answer(warnings.length > 0 ? { warnings } : {});
}

function denial(kind: string, name: string | undefined, errors: readonly Finding[]): string {
  const what = `${kind}${name ? ` ${name}` : ''}`;
  const first = shortWarnings(errors.slice(0, 3)).join('; ');
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
  return `capdoctor: ${what} has ${errors.length} capability error${errors.length === 1 ? '' : 's'} that would break or weaken it on this cluster's runtimes: ${first}${more}`;
}

/** `containers[0]` from a dotted finding path, or the path itself. */
function locate(path: string): string {
  return /(?:initContainers|containers|ephemeralContainers)\[\d+\]/.exec(path)?.[0] ?? (path || 'object');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return '(none)';
  return JSON.stringify(value)?.slice(0, 60) ?? String(value);
}
