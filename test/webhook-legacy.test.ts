// What deploy/webhook/legacy/ has an old API server send: without matchPolicy (Kubernetes ≤ 1.14) a
// request is not converted, so a Deployment applied as extensions/v1beta1 arrives as one, in an
// admission.k8s.io/v1beta1 review. Over real HTTPS on loopback, each such kind is warned about and
// patched as its apps/v1 or batch/v1 form is.
import { rmSync } from 'node:fs';
import jsonpatch from 'fast-json-patch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';
import { startWebhookServer, type WebhookServer } from '../src/webhook/server.js';
import { admissionReview, KINDS, POD_SPEC, send, type TlsFiles, tlsFiles, workload } from './support/webhook.js';

const byKind = (kind: string) => KINDS.find((k) => k.kind === kind) as (typeof KINDS)[number];

/** Group/version/kind as Kubernetes 1.9 to 1.15 serve them besides apps/v1 and batch/v1. */
const OLD_VERSIONS = [
  ['extensions', 'v1beta1', 'Deployment'],
  ['extensions', 'v1beta1', 'DaemonSet'],
  ['extensions', 'v1beta1', 'ReplicaSet'],
  ['apps', 'v1beta1', 'Deployment'],
  ['apps', 'v1beta1', 'StatefulSet'],
  ['apps', 'v1beta2', 'DaemonSet'],
  ['batch', 'v1beta1', 'CronJob'],
] as const;

let webhook: WebhookServer;
let tls: TlsFiles;
beforeAll(async () => {
  tls = tlsFiles();
  webhook = await startWebhookServer({
    certFile: tls.certFile,
    keyFile: tls.keyFile,
    port: 0,
    host: '127.0.0.1',
    mode: 'warn',
    mutate: true,
    lint: { rules: RULES, targets: resolveTargets(['docker@18.06']) },
    drainDelayMs: 0,
    log: () => undefined,
  });
});
afterAll(async () => {
  await webhook.drain();
  rmSync(tls.dir, { recursive: true, force: true });
});

async function review(path: string, group: string, version: string, kind: string) {
  const current = byKind(kind);
  const old = { ...current, group, version };
  const object = workload(old, POD_SPEC);
  const reply = await send(
    webhook.port,
    path,
    JSON.stringify(admissionReview('admission.k8s.io/v1beta1', old, object)),
    {
      ca: tls.ca,
    },
  );
  expect(reply.status).toBe(200);
  expect(reply.json.apiVersion).toBe('admission.k8s.io/v1beta1');
  // The same object as its current apiVersion, for comparison.
  const modern = await send(
    webhook.port,
    path,
    JSON.stringify(admissionReview('admission.k8s.io/v1beta1', current, workload(current, POD_SPEC))),
    { ca: tls.ca },
  );
  return { object, response: reply.json.response, modern: modern.json.response };
}

describe('webhook: the API versions a Kubernetes 1.9-1.15 cluster sends unconverted', () => {
  it.each(OLD_VERSIONS)('%s/%s %s: warned about as its current version is', async (group, version, kind) => {
    const { response, modern } = await review('/validate', group, version, kind);
    expect(response.allowed).toBe(true);
    expect(response.warnings.length).toBeGreaterThan(0);
    expect(response.warnings).toEqual(modern.warnings);
    expect(response.warnings.join('\n')).toContain('CAP_SYS_RESOURCE');
  });

  it.each(OLD_VERSIONS)('%s/%s %s: patched as its current version is', async (group, version, kind) => {
    const { object, response, modern } = await review('/mutate', group, version, kind);
    expect(response.patchType).toBe('JSONPatch');
    const patch = JSON.parse(Buffer.from(response.patch, 'base64').toString('utf8'));
    expect(patch).toEqual(JSON.parse(Buffer.from(modern.patch, 'base64').toString('utf8')));
    const fixed = jsonpatch.applyPatch(structuredClone(object), patch).newDocument as Record<string, unknown>;
    expect(JSON.stringify(fixed)).not.toContain('CAP_SYS_RESOURCE');
    expect(JSON.stringify(fixed)).toContain('"SYS_RESOURCE"');
    expect(fixed.apiVersion).toBe(`${group}/${version}`);
  });
});
