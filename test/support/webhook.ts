// Shared by the webhook tests: a generated CA and serving certificate in a temporary folder, an HTTPS
// client that trusts it, and AdmissionReviews of every kind with a pod template.
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { type Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { makeCertificates } from '../../src/webhook/certs.js';

export interface TlsFiles {
  dir: string;
  certFile: string;
  keyFile: string;
  ca: string;
  cert: string;
}

/** A CA and a certificate for the Service and for 127.0.0.1, written as the kubelet would mount them. */
export function tlsFiles(dir = mkdtempSync(join(tmpdir(), 'capdoctor-webhook-'))): TlsFiles {
  const set = makeCertificates({
    service: 'capdoctor-webhook',
    namespace: 'capdoctor',
    extraNames: ['localhost', '127.0.0.1'],
  });
  const certFile = join(dir, 'tls.crt');
  const keyFile = join(dir, 'tls.key');
  // Key first, then the certificate, each replaced in one rename.
  writeFileSync(`${keyFile}.new`, set.key, { mode: 0o600 });
  renameSync(`${keyFile}.new`, keyFile);
  writeFileSync(`${certFile}.new`, set.cert);
  renameSync(`${certFile}.new`, certFile);
  return { dir, certFile, keyFile, ca: set.caCert, cert: set.cert };
}

/** The arguments that start `capdoctor webhook` on a free loopback port with these certificates. */
export function webhookArgs(tls: TlsFiles, ...more: string[]): string[] {
  return [
    'webhook',
    '--tls-cert-file',
    tls.certFile,
    '--tls-private-key-file',
    tls.keyFile,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    ...more,
  ];
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read AdmissionReviews as plain JSON
  json: any;
  /** The serving certificate's serial number as the client saw it. */
  serial?: string;
}

export interface PostOptions {
  ca: string | string[];
  agent?: Agent;
  method?: string;
  headers?: Record<string, string | number>;
}

export function send(
  port: number,
  path: string,
  body: string | Buffer | undefined,
  options: PostOptions,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        ca: options.ca,
        agent: options.agent ?? false,
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        const serial = (res.socket as TLSSocket).getPeerCertificate?.()?.serialNumber;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, serial });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const POD_SPEC = {
  containers: [
    {
      name: 'es',
      image: 'elasticsearch:8.15.0',
      securityContext: { capabilities: { add: ['CAP_SYS_RESOURCE', 'IPC_LOCK', 'IPC_LOCK'], drop: ['ALL'] } },
    },
  ],
};

/** group, version, kind, and the object holding `spec` as its pod spec. */
export const KINDS: readonly { group: string; version: string; kind: string; wrap: (spec: unknown) => unknown }[] = [
  { group: '', version: 'v1', kind: 'Pod', wrap: (spec) => spec },
  { group: 'apps', version: 'v1', kind: 'Deployment', wrap: template },
  {
    group: 'apps',
    version: 'v1',
    kind: 'StatefulSet',
    wrap: (spec) => ({ ...(template(spec) as object), serviceName: 'es' }),
  },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', wrap: template },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', wrap: template },
  {
    group: 'batch',
    version: 'v1',
    kind: 'Job',
    wrap: (spec) => ({ template: { spec: { ...(spec as object), restartPolicy: 'Never' } } }),
  },
  {
    group: 'batch',
    version: 'v1',
    kind: 'CronJob',
    wrap: (spec) => ({
      schedule: '0 * * * *',
      jobTemplate: { spec: { template: { spec: { ...(spec as object), restartPolicy: 'Never' } } } },
    }),
  },
  {
    group: '',
    version: 'v1',
    kind: 'ReplicationController',
    wrap: (spec) => ({ replicas: 1, template: { metadata: { labels: { app: 'es' } }, spec } }),
  },
];

function template(spec: unknown): unknown {
  return {
    replicas: 1,
    selector: { matchLabels: { app: 'es' } },
    template: { metadata: { labels: { app: 'es' } }, spec },
  };
}

export function workload(
  kind: (typeof KINDS)[number],
  spec: unknown = POD_SPEC,
  annotations?: Record<string, string>,
): Record<string, unknown> {
  return {
    apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
    kind: kind.kind,
    metadata: { name: 'es', namespace: 'search', ...(annotations ? { annotations } : {}) },
    spec: kind.wrap(spec),
  };
}

export function admissionReview(
  apiVersion: 'admission.k8s.io/v1' | 'admission.k8s.io/v1beta1',
  kind: (typeof KINDS)[number],
  object: unknown,
  uid = `uid-${Math.random().toString(16).slice(2)}`,
): Record<string, unknown> {
  return {
    apiVersion,
    kind: 'AdmissionReview',
    request: {
      uid,
      kind: { group: kind.group, version: kind.version, kind: kind.kind },
      resource: { group: kind.group, version: kind.version, resource: `${kind.kind.toLowerCase()}s` },
      namespace: 'search',
      name: 'es',
      operation: 'CREATE',
      userInfo: { username: 'jane' },
      object,
      dryRun: false,
    },
  };
}
