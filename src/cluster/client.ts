// Read-only access to a Kubernetes API server. Credentials, contexts and TLS come from
// @kubernetes/client-node's KubeConfig; requests are plain GETs whose JSON is kept as the server sent it
// (the generated typed API would drop fields it does not model and turn times into Dates, and capdoctor
// must see the same objects that `kubectl get -o json` prints).
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { kubeLib } from './load.js';

type KubeConfig = InstanceType<Awaited<ReturnType<typeof kubeLib>>['KubeConfig']>;

/** A problem that ends the command with exit 2 and one line (an unknown context, no kubeconfig). */
export class ClusterError extends Error {}

/** An answer other than 2xx, or no answer at all. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, undefined when the server could not be reached or did not answer in time. */
    readonly status: number | undefined,
    /** `Unauthorized`, `Forbidden`, `connection refused (ECONNREFUSED)`, … */
    readonly reason: string,
    readonly url: string,
    /** The server's own message (a Status object's `message`), when it sent one. */
    readonly detail?: string,
  ) {
    super(`${reason}${status ? ` (${status})` : ''}${detail && detail !== reason ? `: ${detail}` : ''}`);
  }
}

export interface ConnectOptions {
  /** `--kubeconfig`: only this file, as kubectl does. */
  kubeconfig?: string;
  /** `--context`: a context of the kubeconfig instead of its current one. */
  context?: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Where the service-account files are looked for, before `/var/run/secrets/…` (tests). */
  serviceAccountRoot?: string;
}

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Network and TLS error codes, in words. */
const NETWORK_TEXT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate signed by an unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate signed by an unknown authority',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate signed by an unknown authority',
  CERT_HAS_EXPIRED: 'certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate is not valid for this host',
};

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** kubectl's order: --kubeconfig, then $KUBECONFIG (files that exist, merged), then ~/.kube/config, then in-cluster. */
async function loadConfig(options: ConnectOptions): Promise<{ kc: KubeConfig; source: string }> {
  const { KubeConfig } = await kubeLib();
  const env = options.env ?? process.env;
  const kc = new KubeConfig();
  const load = (file: string, into: KubeConfig) => {
    try {
      into.loadFromFile(file);
    } catch (error) {
      throw new ClusterError(`cannot read kubeconfig ${file}: ${firstLine((error as Error).message)}`);
    }
  };
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig)) throw new ClusterError(`kubeconfig ${options.kubeconfig} does not exist`);
    load(options.kubeconfig, kc);
    return { kc, source: options.kubeconfig };
  }
  const listed = (env.KUBECONFIG ?? '').split(delimiter).filter((f) => f !== '' && existsSync(f));
  if (listed.length > 0) {
    load(listed[0] as string, kc);
    for (const file of listed.slice(1)) {
      const other = new KubeConfig();
      load(file, other);
      // The first file to set the current context keeps it, as kubectl merges.
      kc.mergeConfig(other, true);
    }
    return { kc, source: listed.join(delimiter) };
  }
  const home = env.HOME ?? homedir();
  const fallback = join(home, '.kube', 'config');
  if (!env.KUBECONFIG && existsSync(fallback)) {
    load(fallback, kc);
    return { kc, source: fallback };
  }
  const root = options.serviceAccountRoot ?? '';
  if (env.KUBERNETES_SERVICE_HOST && existsSync(`${root}${SERVICE_ACCOUNT_TOKEN}`)) {
    // KubeConfig reads KUBERNETES_SERVICE_HOST/PORT from process.env.
    const saved = { host: process.env.KUBERNETES_SERVICE_HOST, port: process.env.KUBERNETES_SERVICE_PORT };
    process.env.KUBERNETES_SERVICE_HOST = env.KUBERNETES_SERVICE_HOST;
    if (env.KUBERNETES_SERVICE_PORT) process.env.KUBERNETES_SERVICE_PORT = env.KUBERNETES_SERVICE_PORT;
    try {
      kc.loadFromCluster(root);
    } finally {
      if (saved.host === undefined) delete process.env.KUBERNETES_SERVICE_HOST;
      else process.env.KUBERNETES_SERVICE_HOST = saved.host;
      if (saved.port === undefined) delete process.env.KUBERNETES_SERVICE_PORT;
      else process.env.KUBERNETES_SERVICE_PORT = saved.port;
    }
    return { kc, source: 'in-cluster service account' };
  }
  throw new ClusterError(
    env.KUBECONFIG
      ? `none of the files in KUBECONFIG exists (${env.KUBECONFIG})`
      : 'no kubeconfig: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run inside a pod',
  );
}

export class KubeClient {
  private agent: http.Agent | undefined;

  private constructor(
    private readonly kc: KubeConfig,
    /** Name of the context in use (`inClusterContext` inside a pod). */
    readonly context: string,
    readonly server: string,
    /** The context's namespace, or `default`. */
    readonly namespace: string,
    private readonly timeoutMs: number,
  ) {}

  static async connect(options: ConnectOptions = {}): Promise<KubeClient> {
    const { kc, source } = await loadConfig(options);
    if (options.context) {
      if (!kc.getContextObject(options.context)) {
        const known = kc.getContexts().map((c) => c.name);
        throw new ClusterError(
          `context "${options.context}" is not in ${source}${known.length > 0 ? ` (contexts: ${known.join(', ')})` : ''}`,
        );
      }
      kc.setCurrentContext(options.context);
    }
    const context = kc.getCurrentContext();
    const contextObject = context ? kc.getContextObject(context) : null;
    if (!contextObject) {
      throw new ClusterError(`${source} has no current context; pass --context NAME`);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster?.server) {
      throw new ClusterError(
        `context "${context}" names cluster "${contextObject.cluster}", which ${source} does not define`,
      );
    }
    if (!kc.getCurrentUser()) {
      throw new ClusterError(
        `context "${context}" names user "${contextObject.user}", which ${source} does not define`,
      );
    }
    return new KubeClient(
      kc,
      context,
      cluster.server.replace(/\/+$/, ''),
      contextObject.namespace || 'default',
      options.timeoutMs ?? 30_000,
    );
  }

  /** GET a JSON document (a list, an object, discovery). */
  async getJson(path: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<unknown> {
    const { body, url } = await this.request(path, query, 'application/json');
    try {
      return JSON.parse(body);
    } catch {
      throw new ApiError(200, 'answer is not JSON', url);
    }
  }

  /** GET a text (a container log). */
  async getText(path: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<string> {
    return (await this.request(path, query, 'text/plain, */*')).body;
  }

  urlOf(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.toString();
    return `${this.server}${path}${search ? `?${search}` : ''}`;
  }

  private async credentials(): Promise<https.RequestOptions> {
    const options: https.RequestOptions = {};
    try {
      // Runs exec plugins and reads token files as needed (the library caches what it may).
      await this.kc.applyToHTTPSOptions(options);
    } catch (error) {
      throw new ClusterError(
        `cannot get credentials for context "${this.context}": ${firstLine((error as Error).message)}`,
      );
    }
    this.agent ??= options.agent as http.Agent;
    return options;
  }

  private async request(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    accept: string,
  ): Promise<{ body: string; url: string }> {
    const url = this.urlOf(path, query);
    const credentials = await this.credentials();
    const headers: http.OutgoingHttpHeaders = { Accept: accept, 'User-Agent': 'capdoctor' };
    // The credentials' headers (Authorization) are a plain record here.
    const given = credentials.headers;
    if (given && !Array.isArray(given)) Object.assign(headers, given);
    const transport = url.startsWith('http:') ? http : https;
    return new Promise((resolve, reject) => {
      const request = transport.get(url, { agent: this.agent, headers, auth: credentials.auth }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => reject(networkError(error, url)));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            resolve({ body, url });
            return;
          }
          reject(statusError(status, body, url));
        });
      });
      request.setTimeout(this.timeoutMs, () => {
        request.destroy(new ApiError(undefined, `no answer within ${this.timeoutMs / 1000} s`, url));
      });
      request.on('error', (error) => reject(error instanceof ApiError ? error : networkError(error, url)));
    });
  }
}

function statusError(status: number, body: string, url: string): ApiError {
  let detail: string | undefined;
  let reason = STATUS_TEXT[status] ?? `HTTP ${status}`;
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string; reason?: string };
    if (parsed.kind === 'Status') {
      if (typeof parsed.message === 'string' && parsed.message !== '') detail = firstLine(parsed.message);
      if (typeof parsed.reason === 'string' && parsed.reason !== '' && !STATUS_TEXT[status]) reason = parsed.reason;
    }
  } catch {
    // Not a Status object (a proxy's HTML page): the status line says enough.
  }
  return new ApiError(status, reason, url, detail);
}

function networkError(error: Error & { code?: string }, url: string): ApiError {
  const code = error.code ?? '';
  const words = NETWORK_TEXT[code];
  return new ApiError(undefined, words ? `${words} (${code})` : firstLine(error.message), url);
}

/** One line for an error that ends the command: what failed, where, why, and what to check. */
export function describeFailure(error: ApiError, what: string, context: string): string {
  const base = `cannot ${what} at ${error.url.replace(/\?.*$/, '')}: ${error.message}`;
  if (error.status === 401) return `${base}; check the credentials of context "${context}"`;
  if (error.status === 403) return `${base}; the credentials of context "${context}" may not do this`;
  if (error.status === undefined && /certificate|self-signed/.test(error.reason)) {
    return `${base}; check the certificate authority of the cluster of context "${context}"`;
  }
  if (error.status === undefined) return `${base}; is the server of context "${context}" reachable?`;
  return base;
}
