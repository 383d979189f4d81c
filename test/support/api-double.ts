// A test double of a Kubernetes API server (none can run on the test machines): HTTPS on loopback with
// its own CA (node-forge), bearer-token or client-certificate authentication, discovery, list calls that answer
// fewer items than `limit` asks with `continue` tokens, object and log reads, Status errors (401, 403,
// 404, 500) and slow answers. It serves the objects it is given, shaped as the API serves them (list
// items without kind and apiVersion); the real client is driven against it through a generated kubeconfig.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import type { K8sObject } from './cluster-fixture.js';

interface Pem {
  cert: string;
  key: string;
}

/** Keys from Node's own generator (fast); certificates written and signed by node-forge. */
function keyPair(): {
  key: string;
  forgeKeys: { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey };
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    key: privateKey,
    forgeKeys: {
      privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
      publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    },
  };
}

function certificate(
  subject: string,
  keys: ReturnType<typeof keyPair>,
  issuer: { name: string; keys: ReturnType<typeof keyPair> } | undefined,
  extensions: object[],
  serial: string,
): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgeKeys.publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer([{ name: 'commonName', value: issuer?.name ?? subject }]);
  cert.setExtensions(extensions);
  cert.sign((issuer?.keys ?? keys).forgeKeys.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate signed by it, and an unrelated CA. */
function makeCertificates(): { ca: Pem; server: Pem; client: Pem; otherCa: Pem } {
  const caExtensions = [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ];
  const caKeys = keyPair();
  const ca = { cert: certificate('capdoctor-test-ca', caKeys, undefined, caExtensions, '01'), key: caKeys.key };
  const otherKeys = keyPair();
  const otherCa = { cert: certificate('someone-else', otherKeys, undefined, caExtensions, '02'), key: otherKeys.key };
  const issuer = { name: 'capdoctor-test-ca', keys: caKeys };
  const serverKeys = keyPair();
  const server = {
    cert: certificate(
      'kube-apiserver',
      serverKeys,
      issuer,
      [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: 'localhost' },
          ],
        },
        { name: 'extKeyUsage', serverAuth: true },
      ],
      '03',
    ),
    key: serverKeys.key,
  };
  const clientKeys = keyPair();
  const client = {
    cert: certificate('jane', clientKeys, issuer, [{ name: 'extKeyUsage', clientAuth: true }], '04'),
    key: clientKeys.key,
  };
  return { ca, server, client, otherCa };
}

export interface Fault {
  status?: number;
  /** Milliseconds before answering. */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  user: string;
}

export interface ApiDoubleOptions {
  objects: K8sObject[];
  /** Events, served under /api/v1/namespaces/NS/events with `involvedObject.*` field selectors. */
  events?: Record<string, unknown>[];
  /** Logs by `NAMESPACE/POD/CONTAINER` and `…/previous`. */
  logs?: Record<string, string>;
  /** Items per page at most, whatever `limit` asks (a server may answer fewer). */
  pageSize?: number;
  gitVersion?: string;
  /** Serve CronJobs from batch/v1beta1 only, as clusters before Kubernetes 1.21 did. */
  cronJobsV1beta1?: boolean;
}

const PLURALS: Record<string, { kind: string; group: string }> = {
  nodes: { kind: 'Node', group: '' },
  namespaces: { kind: 'Namespace', group: '' },
  pods: { kind: 'Pod', group: '' },
  events: { kind: 'Event', group: '' },
  replicationcontrollers: { kind: 'ReplicationController', group: '' },
  deployments: { kind: 'Deployment', group: 'apps' },
  statefulsets: { kind: 'StatefulSet', group: 'apps' },
  daemonsets: { kind: 'DaemonSet', group: 'apps' },
  replicasets: { kind: 'ReplicaSet', group: 'apps' },
  jobs: { kind: 'Job', group: 'batch' },
  cronjobs: { kind: 'CronJob', group: 'batch' },
};

function status(code: number, reason: string, message: string, kind?: string): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(kind ? { details: { kind } } : {}),
    code,
  };
}

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  410: 'Expired',
  500: 'InternalError',
};

function matchesSelector(labels: Record<string, string>, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [key, value] = term.split(/!?=+/);
    if (value === undefined) return key !== undefined && key in labels;
    return term.includes('!=') ? labels[key ?? ''] !== value : labels[key ?? ''] === value;
  });
}

function fieldValue(object: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = object;
  for (const seg of path.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
  }
  return value === undefined ? undefined : String(value);
}

function matchesFields(object: Record<string, unknown>, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=');
    return fieldValue(object, key ?? '') === value;
  });
}

export class ApiDouble {
  readonly token = `test-token-${Math.random().toString(36).slice(2)}`;
  readonly requests: RecordedRequest[] = [];
  /** By path prefix (`/apis/apps/v1/replicasets`), or one exact path with a `$` at the end: an error status or a delay. */
  readonly faults = new Map<string, Fault>();
  private server: https.Server | undefined;
  private certs: ReturnType<typeof makeCertificates> | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'capdoctor-api-'));
  url = '';

  constructor(private readonly options: ApiDoubleOptions) {}

  async start(): Promise<this> {
    this.certs = makeCertificates();
    const { server, ca } = this.certs;
    this.server = https.createServer(
      { cert: server.cert, key: server.key, ca: ca.cert, requestCert: true, rejectUnauthorized: false },
      (req, res) => {
        this.handle(req, res).catch((error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify(status(500, 'InternalError', String(error))));
        });
      },
    );
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  get caPem(): string {
    return this.certs?.ca.cert ?? '';
  }

  /**
   * A kubeconfig with contexts: `test` (token, namespace `zjjpt-es`), `cert` (client certificate),
   * `exec` (an exec plugin printing an ExecCredential), `bad-token`, `wrong-ca` and `down` (nothing listens).
   */
  kubeconfig(name = 'kubeconfig'): string {
    const certs = this.certs;
    if (!certs) throw new Error('start() first');
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const plugin = join(this.dir, 'credential-plugin.mjs');
    writeFileSync(
      plugin,
      `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(this.token)} } }));\n`,
    );
    const config = {
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'test',
      clusters: [
        { name: 'double', cluster: { server: this.url, 'certificate-authority-data': b64(certs.ca.cert) } },
        { name: 'wrong-ca', cluster: { server: this.url, 'certificate-authority-data': b64(certs.otherCa.cert) } },
        { name: 'down', cluster: { server: 'https://127.0.0.1:1', 'certificate-authority-data': b64(certs.ca.cert) } },
      ],
      users: [
        { name: 'token', user: { token: this.token } },
        { name: 'bad-token', user: { token: 'expired-token' } },
        {
          name: 'cert',
          user: { 'client-certificate-data': b64(certs.client.cert), 'client-key-data': b64(certs.client.key) },
        },
        {
          name: 'exec',
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1',
              command: process.execPath,
              args: [plugin],
              interactiveMode: 'Never',
            },
          },
        },
      ],
      contexts: [
        { name: 'test', context: { cluster: 'double', user: 'token', namespace: 'zjjpt-es' } },
        { name: 'cert', context: { cluster: 'double', user: 'cert' } },
        { name: 'exec', context: { cluster: 'double', user: 'exec' } },
        { name: 'bad-token', context: { cluster: 'double', user: 'bad-token' } },
        { name: 'wrong-ca', context: { cluster: 'wrong-ca', user: 'token' } },
        { name: 'down', context: { cluster: 'down', user: 'token' } },
      ],
    };
    const file = join(this.dir, name);
    // JSON is YAML: kubeconfig loaders read it as such.
    writeFileSync(file, JSON.stringify(config, null, 2));
    return file;
  }

  private user(req: import('node:http').IncomingMessage): string | undefined {
    const auth = req.headers.authorization;
    if (auth === `Bearer ${this.token}`) return 'token';
    const socket = req.socket as import('node:tls').TLSSocket;
    if (socket.authorized) {
      const subject = socket.getPeerCertificate()?.subject;
      return subject?.CN ? `cert:${subject.CN}` : undefined;
    }
    return undefined;
  }

  private async handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const query = Object.fromEntries(url.searchParams);
    const user = this.user(req);
    this.requests.push({ method: req.method ?? '', path: url.pathname, query, user: user ?? '' });
    const send = (code: number, body: unknown, type = 'application/json') => {
      res.writeHead(code, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, status(405, 'MethodNotAllowed', 'the test double only reads'));
    if (!user) return send(401, status(401, 'Unauthorized', 'Unauthorized'));
    for (const [prefix, fault] of this.faults) {
      // A key ending in `$` is one exact path (a collection, not the objects under it).
      const exact = prefix.endsWith('$');
      if (exact ? url.pathname !== prefix.slice(0, -1) : !url.pathname.startsWith(prefix)) continue;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status) {
        const code = fault.status;
        const plural = url.pathname.split('/').pop() ?? '';
        const message =
          code === 403
            ? `${plural} is forbidden: User "system:serviceaccount:capdoctor:capdoctor" cannot list resource "${plural}" in API group "" at the cluster scope`
            : code === 404
              ? 'the server could not find the requested resource'
              : 'Internal error occurred: etcdserver: request timed out';
        return send(code, status(code, REASONS[code] ?? 'Unknown', message, plural));
      }
    }
    if (url.pathname === '/version') {
      const gitVersion = this.options.gitVersion ?? 'v1.29.1+k3s2';
      const [major, minor] = gitVersion.replace(/^v/, '').split('.');
      return send(200, { major, minor, gitVersion, platform: 'linux/amd64' });
    }
    if (url.pathname === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'] });
    if (url.pathname === '/apis') {
      const groups = ['apps', 'batch'].map((name) => ({
        name,
        versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
        preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
      }));
      return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
    }
    const discovery = /^\/apis\/([a-z.]+)\/(v[0-9a-z]+)$/.exec(url.pathname);
    if (discovery) {
      const [, group, version] = discovery;
      const served = Object.entries(PLURALS)
        .filter(([plural, r]) => {
          if (r.group !== group) return false;
          if (plural === 'cronjobs') return (version === 'v1beta1') === Boolean(this.options.cronJobsV1beta1);
          return version === 'v1';
        })
        .map(([name, r]) => ({
          name,
          namespaced: name !== 'nodes' && name !== 'namespaces',
          kind: r.kind,
          verbs: ['get', 'list', 'watch'],
        }));
      if (served.length === 0)
        return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
      return send(200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: `${group}/${version}`,
        resources: served,
      });
    }
    const match =
      /^\/(?:api\/v1|apis\/([a-z.]+)\/(v[0-9a-z]+))(?:\/namespaces\/([^/]+))?\/([a-z]+)(?:\/([^/]+))?(?:\/(log))?$/.exec(
        url.pathname,
      );
    if (!match) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const [, group = '', version = 'v1', namespace, plural = '', name, log] = match;
    const resource = PLURALS[plural];
    const batchVersion = this.options.cronJobsV1beta1 && plural === 'cronjobs' ? 'v1beta1' : 'v1';
    if (!resource || resource.group !== group || version !== batchVersion) {
      return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    }
    const pool = (plural === 'events' ? (this.options.events ?? []) : this.options.objects).filter(
      (o) =>
        (o as K8sObject).kind === resource.kind &&
        (namespace === undefined || (o as K8sObject).metadata.namespace === namespace),
    ) as K8sObject[];
    if (name !== undefined) {
      const found = pool.find((o) => o.metadata.name === decodeURIComponent(name));
      const what = plural.replace(/s$/, '');
      if (!found)
        return send(404, status(404, 'NotFound', `${plural} "${decodeURIComponent(name)}" not found`, plural));
      if (log) {
        const key = `${namespace}/${name}/${query.container ?? ''}${query.previous === 'true' ? '/previous' : ''}`;
        const text = this.options.logs?.[key];
        if (text === undefined) {
          return send(
            400,
            status(400, 'BadRequest', `previous terminated container "${query.container}" in pod "${name}" not found`),
          );
        }
        const tail = Number(query.tailLines ?? 0);
        const lines = text.split('\n');
        return send(200, tail > 0 ? lines.slice(-tail - 1).join('\n') : text, 'text/plain');
      }
      void what;
      return send(200, found);
    }
    const selected = pool.filter(
      (o) =>
        matchesSelector((o.metadata.labels ?? {}) as Record<string, string>, query.labelSelector) &&
        matchesFields(o, query.fieldSelector),
    );
    // Fewer than `limit`, whatever it asks: clients must follow `continue`.
    const limit = Number(query.limit ?? 0);
    const size = Math.min(limit > 0 ? limit : Number.POSITIVE_INFINITY, this.options.pageSize ?? 2);
    let offset = 0;
    if (query.continue) {
      const decoded = /^page:(\d+):([a-z]+)$/.exec(Buffer.from(query.continue, 'base64').toString());
      if (!decoded || decoded[2] !== plural) {
        return send(
          400,
          status(400, 'BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion'),
        );
      }
      offset = Number(decoded[1]);
    }
    const page = selected.slice(offset, offset + size).map((o) => {
      const { kind: _kind, apiVersion: _apiVersion, ...rest } = o;
      return rest;
    });
    const next =
      offset + size < selected.length ? Buffer.from(`page:${offset + size}:${plural}`).toString('base64') : undefined;
    const metadata: Record<string, unknown> = { resourceVersion: '123456' };
    if (next) {
      metadata.continue = next;
      metadata.remainingItemCount = selected.length - offset - size;
    }
    return send(200, {
      kind: `${resource.kind}List`,
      apiVersion: group ? `${group}/${version}` : 'v1',
      metadata,
      items: page,
    });
  }
}
