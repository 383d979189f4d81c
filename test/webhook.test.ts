// The admission webhook over real HTTPS on loopback, with a CA generated for the test: AdmissionReviews
// of both API versions for every kind with a pod template, warn, enforce and mutate, bad input, and a
// certificate rotated while requests are flowing.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { connect } from 'node:tls';
import jsonpatch from 'fast-json-patch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixSource } from '../src/core/fix.js';
import { fixPatch } from '../src/core/patch.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';
import { MAX_BODY_BYTES, startWebhookServer, type WebhookServer } from '../src/webhook/server.js';
import { admissionReview, KINDS, POD_SPEC, send, type TlsFiles, tlsFiles, workload } from './support/webhook.js';

const VERSIONS = ['admission.k8s.io/v1', 'admission.k8s.io/v1beta1'] as const;
const targets = resolveTargets(['containerd@2.2']);
const lint = { rules: RULES, targets };

interface Running {
  webhook: WebhookServer;
  tls: TlsFiles;
  logs: string[];
}

async function start(mode: 'warn' | 'enforce', extra: Partial<Parameters<typeof startWebhookServer>[0]> = {}) {
  const tls = tlsFiles();
  const logs: string[] = [];
  const webhook = await startWebhookServer({
    certFile: tls.certFile,
    keyFile: tls.keyFile,
    port: 0,
    host: '127.0.0.1',
    mode,
    mutate: true,
    lint,
    drainDelayMs: 0,
    log: (line) => logs.push(line),
    ...extra,
  });
  return { webhook, tls, logs } satisfies Running;
}

async function stop(running: Running): Promise<void> {
  await running.webhook.drain();
  rmSync(running.tls.dir, { recursive: true, force: true });
}

describe('webhook: warn mode', () => {
  let running: Running;
  const post = (path: string, body: unknown) =>
    send(running.webhook.port, path, JSON.stringify(body), { ca: running.tls.ca });
  beforeAll(async () => {
    running = await start('warn');
  });
  afterAll(() => stop(running));

  for (const version of VERSIONS) {
    for (const kind of KINDS) {
      it(`${version} ${kind.kind}: allowed, with one short warning per finding`, async () => {
        const review = admissionReview(version, kind, workload(kind));
        const reply = await post('/validate', review);
        expect(reply.status).toBe(200);
        expect(reply.json.apiVersion).toBe(version);
        expect(reply.json.kind).toBe('AdmissionReview');
        const response = reply.json.response;
        expect(response.uid).toBe((review.request as { uid: string }).uid);
        expect(response.allowed).toBe(true);
        expect(response.patch).toBeUndefined();
        expect(response.warnings).toEqual(
          expect.arrayContaining([expect.stringMatching(/^containers\[0\] \(es\): "CAP_SYS_RESOURCE"/)]),
        );
        // The repeated IPC_LOCK, in whatever words the rule uses.
        expect(response.warnings).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^containers\[0\] \(es\): .*IPC_LOCK.*(already listed|twice)/),
          ]),
        );
        for (const warning of response.warnings as string[]) {
          expect(warning.length).toBeLessThanOrEqual(256);
          expect(warning).not.toMatch(/[\n\r]/);
        }
      });
    }
  }

  it('says nothing about a workload without mistakes', async () => {
    const kind = KINDS[1] as (typeof KINDS)[number];
    const spec = {
      containers: [{ name: 'web', image: 'nginx', securityContext: { capabilities: { drop: ['ALL'] } } }],
    };
    const reply = await post('/validate', admissionReview('admission.k8s.io/v1', kind, workload(kind, spec)));
    expect(reply.json.response).toEqual({ uid: expect.any(String), allowed: true });
  });

  it('honours capdoctor.io/ignore on the object and on the pod template', async () => {
    const deployment = KINDS[1] as (typeof KINDS)[number];
    const onObject = workload(deployment, POD_SPEC, { 'capdoctor.io/ignore': 'cap-prefix, cap-duplicate' });
    const a = await post('/validate', admissionReview('admission.k8s.io/v1', deployment, onObject));
    const texts = (a.json.response.warnings ?? []) as string[];
    expect(texts.some((w) => /CAP_ prefix|is not granted/.test(w))).toBe(false);
    expect(texts.some((w) => /already listed|twice/.test(w))).toBe(false);
    // Without the annotation the same object is warned about (the per-kind tests above).

    const onTemplate = workload(deployment);
    (onTemplate.spec as { template: { metadata: Record<string, unknown> } }).template.metadata.annotations = {
      'capdoctor.io/ignore': 'all',
    };
    const b = await post('/validate', admissionReview('admission.k8s.io/v1', deployment, onTemplate));
    expect(b.json.response.warnings).toBeUndefined();
    const c = await post('/mutate', admissionReview('admission.k8s.io/v1', deployment, onTemplate));
    expect(c.json.response.patch).toBeUndefined();
  });

  it('allows other kinds, and requests without an object (DELETE), without looking', async () => {
    const configMap = { group: '', version: 'v1', kind: 'ConfigMap', wrap: (s: unknown) => s };
    const reply = await post(
      '/validate',
      admissionReview('admission.k8s.io/v1', configMap, { kind: 'ConfigMap', data: { a: 'CAP_X' } }),
    );
    expect(reply.json.response).toEqual({ uid: expect.any(String), allowed: true });
    const pod = KINDS[0] as (typeof KINDS)[number];
    const deletion = admissionReview('admission.k8s.io/v1', pod, null);
    (deletion.request as Record<string, unknown>).operation = 'DELETE';
    const gone = await post('/validate', deletion);
    expect(gone.json.response.allowed).toBe(true);
  });

  for (const version of VERSIONS) {
    for (const kind of KINDS) {
      it(`${version} ${kind.kind}: /mutate patches the safe fixes; applied, it gives the fixed object and nothing else`, async () => {
        const object = workload(kind);
        const reply = await post('/mutate', admissionReview(version, kind, object));
        expect(reply.json.apiVersion).toBe(version);
        const response = reply.json.response;
        expect(response.allowed).toBe(true);
        expect(response.patchType).toBe('JSONPatch');
        const patch = JSON.parse(Buffer.from(response.patch, 'base64').toString('utf8')) as jsonpatch.Operation[];
        const patched = jsonpatch.applyPatch(structuredClone(object), patch, true, false).newDocument;
        // What `capdoctor fix` writes for the same object.
        const fixed = JSON.parse(
          fixSource('o.json', JSON.stringify(object, null, 2), { ...lint, format: 'json' }).output,
        );
        expect(patched).toEqual(fixed);
        // The capability lists are the only change.
        const pointer = jsonpatch.compare(object, patched).map((op) => op.path);
        for (const path of pointer) expect(path).toMatch(/\/containers\/0\/securityContext\/capabilities\/add\//);
        const caps = JSON.stringify(patched).match(/"add":\[[^\]]*\]/)?.[0];
        expect(caps).toBe('"add":["SYS_RESOURCE","IPC_LOCK"]');
        expect(response.warnings).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^capdoctor containers\[0\]: replace "CAP_SYS_RESOURCE" with SYS_RESOURCE$/),
          ]),
        );
      });
    }
  }

  it('does not patch what only a suggestion would change, and gives no patch when nothing is to fix', async () => {
    const pod = KINDS[0] as (typeof KINDS)[number];
    const misspelt = {
      containers: [{ name: 'es', image: 'x', securityContext: { capabilities: { add: ['SYS_RESOUCE'] } } }],
    };
    const reply = await post('/mutate', admissionReview('admission.k8s.io/v1', pod, workload(pod, misspelt)));
    expect(reply.json.response).toEqual({ uid: expect.any(String), allowed: true });
    expect(fixPatch(workload(pod, misspelt), lint).patch).toEqual([]);
  });

  it('answers a bad request with a 4xx and a clear message, and keeps serving', async () => {
    const { port } = running.webhook;
    const ca = running.tls.ca;
    const pod = KINDS[0] as (typeof KINDS)[number];
    const cases: [string, string | undefined, Record<string, string>, number, RegExp][] = [
      ['/validate', '{"apiVersion": ', {}, 400, /not valid JSON/],
      ['/validate', '[1,2]', {}, 400, /not a JSON object/],
      [
        '/validate',
        JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }),
        {},
        400,
        /no request/,
      ],
      ['/validate', JSON.stringify({ apiVersion: 'v1', kind: 'Pod' }), {}, 400, /expected kind AdmissionReview/],
      [
        '/validate',
        JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { kind: {} } }),
        {},
        400,
        /uid/,
      ],
      ['/validate', JSON.stringify(admissionReview('admission.k8s.io/v1', pod, 'a string')), {}, 422, /not an object/],
      [
        '/validate',
        JSON.stringify(admissionReview('admission.k8s.io/v1', pod, { kind: 'Secret' })),
        {},
        422,
        /request.kind says Pod/,
      ],
      ['/validate', '{}', { 'content-type': 'text/plain' }, 415, /application\/json/],
      ['/other', '{}', {}, 404, /no such path/],
    ];
    for (const [path, body, headers, status, message] of cases) {
      const reply = await send(port, path, body, { ca, headers });
      expect(reply.status, body).toBe(status);
      expect(reply.json.error, body).toMatch(message);
    }
    const get = await send(port, '/validate', undefined, { ca });
    expect(get.status).toBe(405);
    const ok = await post('/validate', admissionReview('admission.k8s.io/v1', pod, workload(pod)));
    expect(ok.json.response.allowed).toBe(true);
  });

  it('survives a deeply nested object, and keeps serving', async () => {
    const pod = KINDS[0] as (typeof KINDS)[number];
    const depth = 200_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const object = JSON.stringify(workload(pod)).replace(
      '"image":"elasticsearch:8.15.0"',
      `"image":"x","args":${nested}`,
    );
    const body = `{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"deep","kind":{"group":"","version":"v1","kind":"Pod"},"object":${object}}}`;
    const reply = await send(running.webhook.port, '/validate', body, { ca: running.tls.ca });
    // Reviewed like any other: the nesting is data, not a reason to fail.
    expect(reply.status).toBe(200);
    expect(reply.json.response).toMatchObject({ uid: 'deep', allowed: true });
    const ok = await post('/validate', admissionReview('admission.k8s.io/v1', pod, workload(pod)));
    expect(ok.status).toBe(200);
  });

  it('refuses a body over 3 MiB with 413, announced or streamed, and keeps serving', async () => {
    const { port } = running.webhook;
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const announced = await send(port, '/validate', big, { ca: running.tls.ca });
    expect(announced.status).toBe(413);
    expect(announced.json.error).toMatch(/over 3145728 bytes/);
    // Without a Content-Length the limit is counted as the body arrives.
    const streamed = await send(port, '/validate', big, {
      ca: running.tls.ca,
      headers: { 'transfer-encoding': 'chunked' },
    });
    expect(streamed.status).toBe(413);
    const pod = KINDS[0] as (typeof KINDS)[number];
    const ok = await post('/validate', admissionReview('admission.k8s.io/v1', pod, workload(pod)));
    expect(ok.status).toBe(200);
  });

  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    const { port } = running.webhook;
    const ca = running.tls.ca;
    expect((await send(port, '/healthz', undefined, { ca })).status).toBe(200);
    expect((await send(port, '/readyz', undefined, { ca })).status).toBe(200);
    const metrics = await send(port, '/metrics', undefined, { ca });
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(
      /^capdoctor_webhook_reviews_total\{endpoint="validate",kind="Deployment",verdict="allowed",outcome="findings"\} \d+$/m,
    );
    expect(metrics.text).toMatch(/^capdoctor_webhook_review_duration_seconds_count\{endpoint="mutate"\} \d+$/m);
    expect(metrics.text).toMatch(/^capdoctor_webhook_bad_requests_total\{code="413"\} 2$/m);
    expect(metrics.text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('logs one JSON line per review, without the object', () => {
    const reviews = running.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'review');
    expect(reviews.length).toBeGreaterThan(30);
    for (const line of reviews) {
      expect(Object.keys(line).sort()).toEqual(
        expect.arrayContaining(['uid', 'kind', 'namespace', 'name', 'verdict', 'findings', 'ms']),
      );
    }
    const text = running.logs.join('\n');
    expect(text).not.toContain('elasticsearch:8.15.0');
    expect(text).not.toContain('CAP_SYS_RESOURCE');
  });

  it('drops a client that does not finish its headers in time, and keeps serving the others', async () => {
    const slow = await start('warn', { headersTimeoutMs: 300, requestTimeoutMs: 600 });
    try {
      const socket = connect({ host: '127.0.0.1', port: slow.webhook.port, ca: slow.tls.ca, servername: 'localhost' });
      await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
      socket.write('POST /validate HTTP/1.1\r\nHost: x\r\n');
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (d: Buffer) => {
          text += d.toString();
        });
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      const pod = KINDS[0] as (typeof KINDS)[number];
      const ok = await send(
        slow.webhook.port,
        '/validate',
        JSON.stringify(admissionReview('admission.k8s.io/v1', pod, workload(pod))),
        {
          ca: slow.tls.ca,
        },
      );
      expect(ok.status).toBe(200);
    } finally {
      await stop(slow);
    }
  });

  it('speaks TLS 1.2 or newer only', async () => {
    const attempt = (maxVersion: 'TLSv1.2' | 'TLSv1.1') =>
      new Promise<string>((resolve) => {
        const socket = connect({
          host: '127.0.0.1',
          port: running.webhook.port,
          ca: running.tls.ca,
          servername: 'localhost',
          minVersion: 'TLSv1',
          maxVersion,
          // OpenSSL's default level refuses TLS 1.1 on the client side too; level 0 lets it try.
          ciphers: 'DEFAULT:@SECLEVEL=0',
        });
        socket.once('secureConnect', () => {
          resolve(socket.getProtocol() ?? 'none');
          socket.end();
        });
        socket.once('error', (error) => resolve(`error: ${error.message}`));
      });
    expect(await attempt('TLSv1.2')).toBe('TLSv1.2');
    expect(await attempt('TLSv1.1')).toMatch(/^error: .*(protocol|version)/i);
  });
});

describe('webhook: enforce mode', () => {
  let running: Running;
  beforeAll(async () => {
    running = await start('enforce');
  });
  afterAll(() => stop(running));

  for (const version of VERSIONS) {
    it(`${version}: refuses a workload with an error on the cluster's targets, with a status message`, async () => {
      const kind = KINDS[1] as (typeof KINDS)[number];
      const reply = await send(
        running.webhook.port,
        '/validate',
        JSON.stringify(admissionReview(version, kind, workload(kind))),
        {
          ca: running.tls.ca,
        },
      );
      const response = reply.json.response;
      expect(reply.json.apiVersion).toBe(version);
      expect(response.allowed).toBe(false);
      expect(response.status.code).toBe(403);
      expect(response.status.message).toMatch(/^capdoctor: Deployment es has 1 capability error .*"CAP_SYS_RESOURCE"/);
      expect(response.warnings.length).toBeGreaterThan(0);
    });
  }

  it('allows a workload whose findings are only warnings', async () => {
    const pod = KINDS[0] as (typeof KINDS)[number];
    const spec = {
      containers: [{ name: 'a', image: 'x', securityContext: { capabilities: { add: ['CHOWN', 'CHOWN'] } } }],
    };
    const reply = await send(
      running.webhook.port,
      '/validate',
      JSON.stringify(admissionReview('admission.k8s.io/v1', pod, workload(pod, spec))),
      {
        ca: running.tls.ca,
      },
    );
    expect(reply.json.response.allowed).toBe(true);
    expect(reply.json.response.warnings).toEqual([
      expect.stringMatching(/^containers\[0\] \(a\): .*CHOWN.*(already listed|twice)/),
    ]);
  });
});

describe('webhook: certificate rotation', () => {
  it('serves the new certificate to new connections while requests keep flowing, without an error', async () => {
    const running = await start('warn', { certCheckMs: 50 });
    try {
      const first = running.tls;
      const pod = KINDS[0] as (typeof KINDS)[number];
      const body = JSON.stringify(admissionReview('admission.k8s.io/v1', pod, workload(pod)));
      // The client trusts both CAs, as the API server does while the caBundle is being rotated.
      const next = tlsFiles();
      const ca = [first.ca, next.ca];
      const agent = new Agent({ keepAlive: true, maxSockets: 4 });
      const serials = new Set<string>();
      let failures = 0;
      let done = false;
      const traffic = (async () => {
        let n = 0;
        while (!done) {
          // Every few requests a fresh connection, which gets whatever certificate is current.
          const reply = await send(running.webhook.port, '/validate', body, {
            ca,
            agent: n++ % 5 === 0 ? undefined : agent,
          }).catch(() => undefined);
          if (reply?.status !== 200) failures++;
          else if (reply.serial) serials.add(reply.serial);
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      // As the kubelet updates a Secret volume: the new files replace the old ones in one rename each.
      renameSync(next.keyFile, first.keyFile);
      renameSync(next.certFile, first.certFile);
      const deadline = Date.now() + 10_000;
      while (!running.logs.some((l) => l.includes('certificate reloaded')) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300));
      done = true;
      await traffic;
      agent.destroy();
      expect(running.logs.some((l) => l.includes('certificate reloaded'))).toBe(true);
      expect(failures).toBe(0);
      expect(serials.size).toBe(2);
      // A new connection that trusts only the new CA succeeds.
      const fresh = await send(running.webhook.port, '/healthz', undefined, { ca: next.ca });
      expect(fresh.status).toBe(200);
      rmSync(next.dir, { recursive: true, force: true });
    } finally {
      await stop(running);
    }
  });

  it('keeps the old certificate when the new files do not match, and says so', async () => {
    const running = await start('warn', { certCheckMs: 60_000 });
    try {
      const other = tlsFiles();
      // A certificate whose key has not arrived yet.
      writeFileSync(running.tls.certFile, other.cert);
      expect(running.webhook.reloadCertificate()).toBe(false);
      expect(running.logs.some((l) => l.includes('certificate not reloaded'))).toBe(true);
      const still = await send(running.webhook.port, '/healthz', undefined, { ca: running.tls.ca });
      expect(still.status).toBe(200);
      rmSync(other.dir, { recursive: true, force: true });
    } finally {
      await stop(running);
    }
  });
});
