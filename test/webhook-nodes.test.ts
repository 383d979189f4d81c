// --discover-nodes against the Kubernetes API test double (recorded-shape Node objects over loopback
// HTTPS): the webhook checks for the runtimes of the cluster's Linux nodes, keeps its targets when the
// API cannot be reached, and the built binary does the same from a kubeconfig.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient } from '../src/cluster/client.js';
import { discoverNodes } from '../src/cluster/read.js';
import { lintObject } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';
import { startNodeDiscovery, targetsOfNodes } from '../src/webhook/nodes.js';
import { startWebhookServer } from '../src/webhook/server.js';
import { shortWarnings } from '../src/webhook/warnings.js';
import { ApiDouble } from './support/api-double.js';
import { node } from './support/cluster-fixture.js';
import { admissionReview, KINDS, send, tlsFiles, webhookArgs, workload } from './support/webhook.js';

const nodes = [
  node('ly-xjf-r021110-gyt', 'docker18'),
  node('ly-xjf-r020905-gyt', 'docker18'),
  node('worker-k3s', 'k3s'),
  node('worker-win', 'windows'),
];
let api: ApiDouble;
let kubeconfig: string;
// The test double makes a CA of its own, which takes a while on a loaded machine.
beforeAll(async () => {
  api = await new ApiDouble({ objects: nodes }).start();
  kubeconfig = api.kubeconfig();
}, 60_000);
afterAll(() => api.stop());

describe('targetsOfNodes', () => {
  it('keeps each Linux runtime once, leaves Windows out, and names nodes whose runtime is unknown', () => {
    const found = targetsOfNodes([
      {
        name: 'a',
        runtime: 'docker://18.6.1',
        kubelet: '',
        kernel: '',
        os: 'linux',
        labels: {},
        target: 'docker@18.6.1',
      },
      {
        name: 'b',
        runtime: 'docker://18.6.1',
        kubelet: '',
        kernel: '',
        os: 'linux',
        labels: {},
        target: 'docker@18.6.1',
      },
      {
        name: 'w',
        runtime: 'containerd://1.6.21',
        kubelet: '',
        kernel: '',
        os: 'windows',
        labels: {},
        target: 'windows',
      },
      { name: 'x', runtime: 'rkt://1.0', kubelet: '', kernel: '', os: 'linux', labels: {}, note: 'not known' },
    ]);
    expect(found).toEqual({ targets: ['docker@18.6.1'], skipped: [{ node: 'x', reason: 'not known' }] });
  });
});

describe('webhook with node discovery', () => {
  it('reviews for the runtimes its nodes run, and keeps them when the API cannot be reached', async () => {
    const tls = tlsFiles();
    const logs: string[] = [];
    const log = (line: string) => logs.push(line);
    const webhook = await startWebhookServer({
      certFile: tls.certFile,
      keyFile: tls.keyFile,
      port: 0,
      host: '127.0.0.1',
      mode: 'warn',
      mutate: false,
      lint: { rules: RULES, targets: resolveTargets([]) },
      drainDelayMs: 0,
      log,
    });
    const client = await KubeClient.connect({ kubeconfig, env: { HOME: '/nonexistent' } });
    let fail = false;
    const discovery = startNodeDiscovery({
      discover: () => (fail ? Promise.reject(new Error('connection refused')) : discoverNodes(client)),
      apply: webhook.setTargets,
      refreshMs: 60_000,
      log,
    });
    try {
      expect(await discovery.refresh()).toBe(true);
      const event = logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'node targets');
      expect(event.targets).toEqual(
        ['containerd@1.7.13,k8s@1.29.1,kernel@6.1.0', 'docker@18.6.1,k8s@1.13.2,kernel@3.10.0'].sort(),
      );
      const nodeTargets = resolveTargets(event.targets);

      const pod = KINDS[0] as (typeof KINDS)[number];
      const object = workload(pod);
      const expected = shortWarnings(
        lintObject('Pod.json', object, { rules: RULES, targets: nodeTargets }).findings.filter(
          (f) => f.severity !== 'info',
        ),
      );
      const reply = await send(
        webhook.port,
        '/validate',
        JSON.stringify(admissionReview('admission.k8s.io/v1', pod, object)),
        {
          ca: tls.ca,
        },
      );
      expect(reply.json.response.warnings).toEqual(expected);
      // The findings are judged for the nodes' runtimes, not for the matrix's.
      const judged = (targets: ReturnType<typeof resolveTargets>) =>
        new Set(
          lintObject('Pod.json', object, { rules: RULES, targets }).findings.flatMap((f) =>
            (f.targets ?? []).map((t) => t.target),
          ),
        );
      expect([...judged(nodeTargets)].some((t) => /docker/i.test(t))).toBe(true);
      expect(judged(nodeTargets)).not.toEqual(judged(resolveTargets([])));

      fail = true;
      expect(await discovery.refresh()).toBe(false);
      expect(logs.some((l) => l.includes('"msg":"nodes not listed"') && l.includes('connection refused'))).toBe(true);
      const again = await send(
        webhook.port,
        '/validate',
        JSON.stringify(admissionReview('admission.k8s.io/v1', pod, object)),
        {
          ca: tls.ca,
        },
      );
      expect(again.json.response.warnings).toEqual(expected);
    } finally {
      discovery.stop();
      await webhook.drain();
      rmSync(tls.dir, { recursive: true, force: true });
    }
  });

  it('the binary lists the nodes from a kubeconfig before it says it is listening', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const tls = tlsFiles();
    const child = spawn(
      process.execPath,
      [
        join(root, 'bin', 'capdoctor.cjs'),
        ...webhookArgs(tls, '--discover-nodes', '--kubeconfig', kubeconfig, '--drain-delay', '0'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: '/nonexistent' } },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (out.includes('"msg":"listening"')) {
            clearInterval(timer);
            resolve();
          }
        }, 20);
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const lines = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.msg)).toEqual(['node targets', 'listening']);
      expect(lines[0].nodes).toBe(4);
      expect(lines[1].targets).toBe('from the nodes');
      child.kill('SIGTERM');
      expect(await new Promise((r) => child.once('exit', r))).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(tls.dir, { recursive: true, force: true });
    }
  });
});
