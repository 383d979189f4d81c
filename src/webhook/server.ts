// The HTTPS server around `review`: TLS 1.2+, the certificate re-read when its files change, a body
// limit and timeouts against slow or large requests, health and metrics endpoints, one JSON log line per
// review, and a drain on SIGTERM. A bad request gets a 4xx answer; the server keeps serving.
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { LintOptions } from '../core/engine.js';
import type { ResolvedTarget } from '../knowledge/targets.js';
import { type Endpoint, type ReviewOptions, type ReviewRecord, review } from './review.js';

/** The API server sends at most 3 MiB of object; a review is a little more than its object. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface WebhookServerOptions extends ReviewOptions {
  certFile: string;
  keyFile: string;
  port: number;
  host?: string;
  /** Only /mutate patches when set; otherwise it allows without a patch. */
  mutate: boolean;
  /** How often the certificate files are checked for a change. */
  certCheckMs?: number;
  /** A request's headers must arrive within this time, the whole request within requestTimeoutMs. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** After SIGTERM, how long to keep serving (not ready) before closing, so that endpoints catch up. */
  drainDelayMs?: number;
  /** One line per event (JSON). */
  log: (line: string) => void;
}

export interface WebhookServer {
  server: Server;
  port: number;
  registry: Registry;
  /** Readiness off, wait drainDelayMs, stop accepting, let in-flight requests finish. */
  drain(): Promise<void>;
  /** Checks the certificate files now (the timer does it every certCheckMs). */
  reloadCertificate(): boolean;
  /** The runtimes reviews are checked for from now on (node discovery). */
  setTargets(targets: readonly ResolvedTarget[]): void;
  /** Everything reviews are checked with from now on (a reloaded configuration). */
  setLint(lint: LintOptions): void;
}

interface Loaded {
  stamp: string;
  cert: Buffer;
  key: Buffer;
}

function stampOf(files: readonly string[]): string {
  return files
    .map((f) => {
      const s = statSync(f);
      return `${s.ino}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
}

function loadCertificate(certFile: string, keyFile: string): Loaded {
  const stamp = stampOf([certFile, keyFile]);
  const cert = readFileSync(certFile);
  const key = readFileSync(keyFile);
  // Throws when the key does not match the certificate (a rotation caught half-way).
  createSecureContext({ cert, key, minVersion: 'TLSv1.2' });
  return { stamp, cert, key };
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { log } = options;
  // Fails at start-up with the reason when the files are missing or do not match.
  let loaded = loadCertificate(options.certFile, options.keyFile);

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const reviews = new Counter({
    name: 'capdoctor_webhook_reviews_total',
    help: 'Admission reviews answered, by endpoint, kind, verdict and outcome (findings or none).',
    labelNames: ['endpoint', 'kind', 'verdict', 'outcome'] as const,
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'capdoctor_webhook_bad_requests_total',
    help: 'Requests answered with a 4xx status, by status code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'capdoctor_webhook_review_duration_seconds',
    help: 'Time to answer an admission review, from the first byte of the body to the answer.',
    labelNames: ['endpoint'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });

  let ready = true;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer(
    {
      cert: loaded.cert,
      key: loaded.key,
      minVersion: 'TLSv1.2',
      // A connection that never completes its TLS handshake is dropped.
      handshakeTimeout: Math.min(headersTimeout, 10_000),
      // How often Node looks for requests over their time (its default, 30 s, would let them linger).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, headersTimeout / 4)),
    },
    (request, response) => {
      inFlight++;
      response.on('close', () => {
        inFlight--;
        if (inFlight === 0 && idle) idle();
      });
      handle(request, response);
    },
  );
  server.headersTimeout = headersTimeout;
  server.requestTimeout = options.requestTimeoutMs ?? 15_000;
  server.keepAliveTimeout = 30_000;
  server.maxHeadersCount = 100;
  // A failed handshake concerns that client only.
  server.on('tlsClientError', () => undefined);

  function reloadCertificate(): boolean {
    try {
      const stamp = stampOf([options.certFile, options.keyFile]);
      if (stamp === loaded.stamp) return false;
      loaded = loadCertificate(options.certFile, options.keyFile);
      // New connections get the new pair; those already open finish with the old one.
      server.setSecureContext({ cert: loaded.cert, key: loaded.key, minVersion: 'TLSv1.2' });
      log(JSON.stringify({ level: 'info', msg: 'certificate reloaded', certFile: options.certFile }));
      return true;
    } catch (error) {
      // Half-written files (the cert is new, the key not yet): keep the old pair and look again later.
      log(JSON.stringify({ level: 'warn', msg: 'certificate not reloaded', error: (error as Error).message }));
      return false;
    }
  }
  const timer = setInterval(reloadCertificate, options.certCheckMs ?? 10_000);
  timer.unref();

  function send(response: ServerResponse, status: number, body: string, type = 'application/json'): void {
    if (response.headersSent) return;
    response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  }

  function fail(response: ServerResponse, status: number, message: string, close = false): void {
    rejected.inc({ code: String(status) });
    log(JSON.stringify({ level: 'warn', msg: 'bad request', status, error: message }));
    if (close) response.setHeader('connection', 'close');
    send(response, status, `${JSON.stringify({ error: message })}\n`);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method === 'GET' || request.method === 'HEAD') {
      get(url, response);
      return;
    }
    if (url !== '/validate' && url !== '/mutate') {
      fail(response, 404, `no such path: ${request.method} ${url}`);
      return;
    }
    if (request.method !== 'POST') {
      fail(response, 405, `${url} takes POST`);
      return;
    }
    post(url === '/validate' ? 'validate' : 'mutate', request, response);
  }

  function get(url: string, response: ServerResponse): void {
    if (url === '/healthz') send(response, 200, 'ok\n', 'text/plain');
    else if (url === '/readyz') send(response, ready ? 200 : 503, ready ? 'ok\n' : 'draining\n', 'text/plain');
    else if (url === '/metrics') {
      registry.metrics().then(
        (text) => send(response, 200, text, registry.contentType),
        (error: Error) => send(response, 500, `${JSON.stringify({ error: error.message })}\n`),
      );
    } else if (url === '/validate' || url === '/mutate') fail(response, 405, `${url} takes POST`);
    else fail(response, 404, `no such path: GET ${url}`);
  }

  function post(endpoint: Endpoint, request: IncomingMessage, response: ServerResponse): void {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      request.resume();
      fail(response, 413, `the body is over ${MAX_BODY_BYTES} bytes`, true);
      return;
    }
    const type = String(request.headers['content-type'] ?? 'application/json');
    if (!/^application\/json\b/i.test(type)) {
      request.resume();
      fail(response, 415, `expected application/json, got ${type}`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const started = process.hrtime.bigint();
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        fail(response, 413, `the body is over ${MAX_BODY_BYTES} bytes`, true);
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', () => undefined);
    request.on('end', () => {
      if (tooLarge) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks, size).toString('utf8'));
      } catch (error) {
        fail(response, 400, `the body is not valid JSON: ${(error as Error).message}`);
        return;
      }
      let outcome: ReturnType<typeof review>;
      try {
        outcome =
          endpoint === 'mutate' && !options.mutate
            ? review(body, 'validate', { ...options, mode: 'warn' })
            : review(body, endpoint, options);
        if (endpoint === 'mutate' && !options.mutate && outcome.status === 200) {
          // Mutation is off: allow, say nothing (the validating webhook warns).
          const reply = outcome.body.response as Record<string, unknown>;
          outcome.body.response = { uid: reply.uid, allowed: true };
          outcome.record.verdict = 'allowed';
        }
      } catch (error) {
        // A defect of ours must not refuse workloads: answer 500, failurePolicy decides (Ignore).
        log(JSON.stringify({ level: 'error', msg: 'review failed', error: (error as Error).stack }));
        send(response, 500, `${JSON.stringify({ error: 'internal error' })}\n`);
        return;
      }
      if (outcome.status !== 200) {
        fail(response, outcome.status, outcome.error);
        return;
      }
      send(response, 200, JSON.stringify(outcome.body));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latency.observe({ endpoint }, seconds);
      record(endpoint, outcome.record, seconds);
    });
  }

  function record(endpoint: Endpoint, entry: ReviewRecord, seconds: number): void {
    reviews.inc({
      endpoint,
      kind: entry.kind,
      verdict: entry.verdict,
      outcome: entry.findings > 0 ? 'findings' : 'none',
    });
    log(
      JSON.stringify({
        level: 'info',
        msg: 'review',
        endpoint,
        // Always present, null when the request names none (a Pod created with generateName).
        namespace: null,
        name: null,
        ...entry,
        ms: Math.round(seconds * 1e6) / 1e3,
      }),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Without a host Node listens on every address, IPv6 included where the kernel has it.
    const listening = () => {
      server.off('error', reject);
      resolve();
    };
    if (options.host === undefined) server.listen(options.port, listening);
    else server.listen(options.port, options.host, listening);
  });
  const port = (server.address() as AddressInfo).port;

  let draining: Promise<void> | undefined;
  function drain(): Promise<void> {
    draining ??= (async () => {
      ready = false;
      log(JSON.stringify({ level: 'info', msg: 'draining', inFlight }));
      await new Promise((r) => setTimeout(r, options.drainDelayMs ?? 5_000));
      clearInterval(timer);
      const closed = new Promise<void>((r) => server.close(() => r()));
      // Idle keep-alive connections would hold close() open; busy ones close after their answer.
      server.closeIdleConnections();
      server.on('request', (_req, res) => res.setHeader('connection', 'close'));
      if (inFlight > 0) await new Promise<void>((r) => (idle = r));
      server.closeIdleConnections();
      await closed;
      log(JSON.stringify({ level: 'info', msg: 'stopped' }));
    })();
    return draining;
  }

  function setTargets(targets: readonly ResolvedTarget[]): void {
    // Reviews read options.lint when they start: one in progress finishes with the targets it began with.
    options.lint = { ...options.lint, targets };
  }

  function setLint(lint: LintOptions): void {
    options.lint = lint;
  }

  return { server, port, registry, drain, reloadCertificate, setTargets, setLint };
}
