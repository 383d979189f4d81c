#!/usr/bin/env node
// The webhook table of `npm run bench` (also runnable alone: `node bench/webhook.mjs`): a Deployment
// review over loopback HTTPS with keep-alive, answered by `capdoctor webhook` (validate, and mutate with
// a patch) and by a bare Node HTTPS server that only parses the review and allows it, in the same run.
// Servers run as processes of their own; the clients run here. Figures are printed, nothing is asserted.
// Every review is of a different Deployment (uid, name, namespace, labels, image, settings): nothing the
// server could keep from one review serves the next, but what any Deployment with the same mistake shares.
//
//   BENCH_SIZE=small   2,000 reviews per server instead of 100,000
//   BENCH_WEBHOOK_REVIEWS=n   reviews per server in the throughput phase
//   BENCH_WEBHOOK_BASE=dir   also runs the webhook of another built checkout (before/after in one run)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, '.bench');
const bin = join(root, 'bin', 'capdoctor.cjs');
const node = process.execPath;
const small = process.env.BENCH_SIZE === 'small';
const total = Number(process.env.BENCH_WEBHOOK_REVIEWS ?? (small ? 2_000 : 100_000));
const mutateTotal = Math.max(1_000, Math.round(total / 4));
const base = process.env.BENCH_WEBHOOK_BASE;
const latencyReviews = small ? 500 : 5_000;
const warmup = small ? 300 : 3_000;
const CLIENTS = 8;
const SERVICE = 'capdoctor-webhook';
const NAMESPACE = 'capdoctor';
const servername = `${SERVICE}.${NAMESPACE}.svc`;

/**
 * A Deployment as the API server sends it: managed fields, labels, a probe, the incident's mistake. The
 * `@…@` fields differ from one review to the next (see `bodyOf`).
 */
function review(uid = '@uid@') {
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid,
      kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      resource: { group: 'apps', version: 'v1', resource: 'deployments' },
      requestKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      requestResource: { group: 'apps', version: 'v1', resource: 'deployments' },
      name: '@name@',
      namespace: '@namespace@',
      operation: 'CREATE',
      userInfo: { username: 'jane@example.com', groups: ['system:authenticated', 'search-team'] },
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: '@name@',
          namespace: '@namespace@',
          labels: { app: '@name@', 'app.kubernetes.io/part-of': 'logging', team: '@namespace@' },
          annotations: { 'deployment.kubernetes.io/revision': '@revision@' },
          managedFields: [
            {
              manager: 'kubectl-client-side-apply',
              operation: 'Update',
              apiVersion: 'apps/v1',
              fieldsType: 'FieldsV1',
              fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:replicas': {} } },
            },
          ],
        },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: '@name@' } },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
          template: {
            metadata: { labels: { app: '@name@' } },
            spec: {
              initContainers: [
                {
                  name: 'sysctl',
                  image: 'busybox:1.36',
                  command: ['sysctl', '-w', 'vm.max_map_count=262144'],
                  securityContext: { privileged: true },
                },
              ],
              containers: [
                {
                  name: 'es',
                  image: 'docker.elastic.co/elasticsearch/elasticsearch:@tag@',
                  ports: [
                    { name: 'http', containerPort: 9200, protocol: 'TCP' },
                    { name: 'transport', containerPort: 9300, protocol: 'TCP' },
                  ],
                  env: [
                    { name: 'ES_JAVA_OPTS', value: '@heap@' },
                    { name: 'discovery.type', value: 'single-node' },
                  ],
                  resources: { requests: { cpu: '@cpu@', memory: '@memory@' }, limits: { memory: '@memory@' } },
                  readinessProbe: { httpGet: { path: '/_cluster/health', port: 9200 }, periodSeconds: 10 },
                  volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
                  securityContext: { capabilities: { add: ['CAP_SYS_RESOURCE', 'IPC_LOCK'] } },
                },
              ],
              volumes: [{ name: 'data', emptyDir: {} }],
              terminationGracePeriodSeconds: 120,
            },
          },
        },
      },
      oldObject: null,
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    },
  };
}

function certificates() {
  const out = join(dir, 'webhook-tls');
  if (!existsSync(join(out, 'tls.key'))) {
    const made = spawnSync(
      node,
      [bin, 'webhook', 'certs', '--service', SERVICE, '--namespace', NAMESPACE, '--out', out],
      {
        encoding: 'utf8',
      },
    );
    if (made.status !== 0) throw new Error(`webhook certs failed: ${made.stderr}`);
  }
  return { ca: readFileSync(join(out, 'ca.crt')), cert: join(out, 'tls.crt'), key: join(out, 'tls.key') };
}

/** Starts a server process and resolves with it and its port (from its first JSON log line). */
function start(argv) {
  const child = spawn(node, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (data) => {
      text += data.toString();
      const match = /"msg":"listening","port":(\d+)/.exec(text);
      if (match) {
        // Review log lines are read and dropped, as a log collector would.
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}: ${text}`)));
  });
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

function post(port, path, agent, ca, body) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        servername,
        ca,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          let ok = res.statusCode === 200;
          try {
            ok &&= JSON.parse(Buffer.concat(chunks).toString('utf8')).response.allowed === true;
          } catch {
            ok = false;
          }
          resolve({ ms, ok });
        });
      },
    );
    req.on('error', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, ok: false }));
    req.end(body);
  });
}

// The review as text cut at its `@…@` fields, so that each request's body is a cheap join.
const template = JSON.stringify(review()).split(/@(\w+)@/);

/** The body of review number i: a Deployment of its own. */
function bodyOf(i, server) {
  const values = {
    uid: `bench-${server}-${i}`,
    name: `es-${i}`,
    namespace: `search-${i % 997}`,
    revision: String(1 + (i % 13)),
    tag: `8.${i % 17}.${i % 101}`,
    heap: `-Xms${1 + (i % 8)}g -Xmx${1 + (i % 8)}g`,
    cpu: `${100 + (i % 1900)}m`,
    memory: `${1 + (i % 16)}Gi`,
  };
  let text = '';
  for (let k = 0; k < template.length; k++) text += k % 2 === 0 ? template[k] : values[template[k]];
  return Buffer.from(text);
}

/** CPU time (user and system) a process has used so far, in milliseconds. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the file, in clock ticks (100 a second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * `count` reviews from `clients` keep-alive clients, each with one connection; latencies in ms. Each
 * review is a Deployment the server has not seen before (numbered on from the server's last one).
 */
async function load(server, count, clients) {
  const agents = Array.from({ length: clients }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const latencies = [];
  let errors = 0;
  let next = 0;
  const first = server.sent;
  server.sent += count;
  const started = process.hrtime.bigint();
  const cpuBefore = cpuMs(server.child.pid);
  await Promise.all(
    agents.map(async (agent) => {
      while (next < count) {
        const i = next++;
        const body = bodyOf(first + i, server.id);
        const { ms, ok } = await post(server.port, server.path, agent, server.ca, body);
        latencies.push(ms);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuMs(server.child.pid) - cpuBefore;
  for (const agent of agents) agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { median: at(0.5), p99: at(0.99), perSecond: count / seconds, errors, cpu, count };
}

export async function webhookBench(out = (text) => process.stdout.write(text)) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(root, 'dist', 'webhook.cjs'))) throw new Error('build first: npm run build');
  const tls = certificates();
  const common = ['--tls-cert-file', tls.cert, '--tls-private-key-file', tls.key, '--port', '0', '--host', '127.0.0.1'];
  const webhook = (label, program, args, path, reviews) => ({
    label,
    argv: [program, 'webhook', ...common, ...args, '--drain-delay', '0'],
    path,
    reviews,
  });
  const servers = [
    webhook('capdoctor webhook /validate', bin, [], '/validate', total),
    // What a cluster with one runtime (found by --discover-nodes, or named) checks for.
    webhook(
      'capdoctor webhook --target containerd@2.2 /validate',
      bin,
      ['--target', 'containerd@2.2'],
      '/validate',
      Math.round(total / 4),
    ),
    webhook('capdoctor webhook --mutate /mutate', bin, ['--mutate'], '/mutate', mutateTotal),
  ];
  if (base) {
    // Another build (an earlier commit, say), measured in the same run for a before/after.
    const other = join(base, 'bin', 'capdoctor.cjs');
    servers.push(webhook('base: capdoctor webhook /validate', other, [], '/validate', total));
    servers.push(webhook('base: capdoctor webhook --mutate /mutate', other, ['--mutate'], '/mutate', mutateTotal));
  }
  const BARE = 'bare Node HTTPS (parse, allow)';
  servers.push({
    label: BARE,
    argv: [join(root, 'bench', 'baselines', 'webhook-bare.mjs'), tls.cert, tls.key],
    path: '/validate',
    reviews: total,
  });
  out(
    `\n## webhook: a Deployment review over loopback HTTPS, keep-alive (${total.toLocaleString('en')} reviews per server, ${mutateTotal.toLocaleString('en')} for /mutate; every review a different Deployment)\n`,
  );
  const started = [];
  try {
    for (const [id, server] of servers.entries()) {
      const { child, port } = await start(server.argv);
      started.push({ ...server, id, child, port, ca: tls.ca, sent: 0 });
    }
  } catch (error) {
    for (const server of started) server.child.kill('SIGTERM');
    throw error;
  }
  const rows = [];
  try {
    for (const server of started) await load(server, warmup, CLIENTS);
    // Latency with one client, alternating servers in slices so that load changes hit all alike.
    const slices = 5;
    const single = new Map(started.map((s) => [s.label, []]));
    for (let slice = 0; slice < slices; slice++) {
      for (const server of started) single.get(server.label).push(await load(server, latencyReviews / slices, 1));
    }
    // Throughput with 8 clients, in slices alternating between servers (the machine is shared: load
    // changes then hit every server alike); resident memory after each slice.
    const slicesOf = 4;
    const heavy = new Map(started.map((s) => [s.label, { parts: [], rss: [rssMiB(s.child.pid)] }]));
    for (let slice = 0; slice < slicesOf; slice++) {
      for (const server of started) {
        const entry = heavy.get(server.label);
        entry.parts.push(await load(server, Math.round(server.reviews / slicesOf), CLIENTS));
        entry.rss.push(rssMiB(server.child.pid));
      }
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    for (const server of started) {
      const parts = single.get(server.label);
      const { parts: loaded, rss } = heavy.get(server.label);
      rows.push({
        label: server.label,
        reviews: server.reviews,
        median: med(parts.map((p) => p.median)),
        p99: med(parts.map((p) => p.p99)),
        perSecond: med(loaded.map((p) => p.perSecond)),
        clientP99: med(loaded.map((p) => p.p99)),
        // The server's own CPU time per review under load: what the machine's other work does not change much.
        cpuPerReview: loaded.reduce((n, p) => n + p.cpu, 0) / loaded.reduce((n, p) => n + p.count, 0),
        errors: [...loaded, ...parts].reduce((n, p) => n + p.errors, 0),
        rss,
      });
    }
  } finally {
    for (const server of started) server.child.kill('SIGTERM');
  }
  out(
    '| server | median (1 client) | p99 (1 client) | reviews/s (8 clients) | p99 (8 clients) | server CPU per review | errors | RSS after warm-up, then after each quarter |\n|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    out(
      `| ${r.label} | ${r.median.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.perSecond.toFixed(0)} | ${r.clientP99.toFixed(2)} ms | ${r.cpuPerReview.toFixed(3)} ms | ${r.errors} | ${r.rss.map((x) => x.toFixed(0)).join(' → ')} MiB |\n`,
    );
  }
  const bare = rows.find((r) => r.label === BARE);
  out(`\n## webhook targets (informative: nothing fails on them; load average ${loadAverage()})\n`);
  for (const r of rows.filter((row) => row !== bare)) {
    const check = (what, ok) => out(`- ${ok ? 'met' : 'NOT met'}: ${r.label}: ${what}\n`);
    check(`median +${(r.median - bare.median).toFixed(2)} ms over bare ≤ 1 ms`, r.median - bare.median <= 1);
    check(`p99 +${(r.p99 - bare.p99).toFixed(2)} ms over bare ≤ 3 ms`, r.p99 - bare.p99 <= 3);
    check(
      `${r.perSecond.toFixed(0)} reviews/s ≥ 2,000 with 8 clients (bare: ${bare.perSecond.toFixed(0)} on the same cores)`,
      r.perSecond >= 2000,
    );
    check(`${r.errors} errors`, r.errors === 0);
    // Flat: the second half adds no more than a few MiB (the first quarter is the heap settling).
    const [, quarter, , , last] = r.rss;
    check(
      `resident memory ${r.rss.map((x) => x.toFixed(0)).join(' → ')} MiB over ${r.reviews.toLocaleString('en')} reviews (flat after the first quarter: ≤ +10 MiB)`,
      last - quarter <= 10,
    );
  }
  return Object.fromEntries(rows.map((r) => [r.label, r]));
}

function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await webhookBench();
}
