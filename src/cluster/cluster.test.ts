// The real client (@kubernetes/client-node's KubeConfig and our requests) against the API test double.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiDouble } from '../../test/support/api-double.js';
import { deployment, incident, node, pod, podSpec } from '../../test/support/cluster-fixture.js';
import { ApiError, ClusterError, describeFailure, KubeClient } from './client.js';
import { listAll } from './list.js';
import { discoverNodes, PODS, readCluster } from './read.js';

const nodes = [
  node('ly-xjf-r021110-gyt', 'docker18'),
  node('ly-xjf-r020905-gyt', 'docker18'),
  node('worker-crio', 'crio'),
  node('worker-k3s', 'k3s'),
  node('worker-win', 'windows'),
];
const { deployment: web, replicaSet } = deployment('web', 'shop', podSpec({ add: ['NET_BIND_SERVICE'] }));
const objects = [
  ...nodes,
  ...incident(['ly-xjf-r021110-gyt', 'ly-xjf-r020905-gyt', 'ly-xjf-r021110-gyt']),
  web,
  replicaSet,
  pod('web-7d4b9c8f6d-abcde', replicaSet, 'worker-k3s', podSpec({ add: ['NET_BIND_SERVICE'] })),
];

let api: ApiDouble;
let kubeconfig: string;
const env = (extra: Record<string, string> = {}) => ({ HOME: '/nonexistent', ...extra });

// Making the test CA (four RSA keys) is slow on a loaded machine.
beforeAll(async () => {
  api = await new ApiDouble({ objects, pageSize: 2 }).start();
  kubeconfig = api.kubeconfig();
}, 60_000);
afterAll(() => api.stop());

async function connect(context?: string, timeoutMs?: number) {
  return KubeClient.connect({
    kubeconfig,
    env: env(),
    ...(context ? { context } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

describe('connecting', () => {
  it('uses the current context, its namespace and server', async () => {
    const client = await connect();
    expect(client.context).toBe('test');
    expect(client.namespace).toBe('zjjpt-es');
    expect(client.server).toBe(api.url);
  });

  it.each(['test', 'cert', 'exec'])('authenticates with the credentials of context %s', async (context) => {
    const client = await connect(context);
    const found = await discoverNodes(client);
    expect(found.map((n) => n.name)).toHaveLength(nodes.length);
    const last = api.requests.at(-1);
    expect(last?.user).toBe(context === 'cert' ? 'cert:jane' : 'token');
  });

  it('resolves KUBECONFIG lists, skipping files that do not exist, as kubectl does', async () => {
    const client = await KubeClient.connect({ env: env({ KUBECONFIG: `/nonexistent/a:${kubeconfig}` }) });
    expect(client.context).toBe('test');
  });

  it('reads ~/.kube/config when nothing else is given', async () => {
    const home = join(api.dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(join(home, '.kube', 'config'), api.kubeconfig('home-config'));
    const { readFileSync } = await import('node:fs');
    writeFileSync(join(home, '.kube', 'config'), readFileSync(join(api.dir, 'home-config')));
    const client = await KubeClient.connect({ env: { HOME: home } });
    expect(client.server).toBe(api.url);
  });

  it('uses the service account inside a pod', async () => {
    const root = join(api.dir, 'pod');
    const dir = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'token'), api.token);
    writeFileSync(join(dir, 'ca.crt'), api.caPem);
    writeFileSync(join(dir, 'namespace'), 'monitoring');
    const port = new URL(api.url).port;
    const client = await KubeClient.connect({
      env: { HOME: '/nonexistent', KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port },
      serviceAccountRoot: root,
    });
    expect(client.namespace).toBe('monitoring');
    expect((await discoverNodes(client)).length).toBe(nodes.length);
  });

  it('names an unknown context and the known ones', async () => {
    await expect(connect('prod')).rejects.toThrow(ClusterError);
    await expect(connect('prod')).rejects.toThrow(/context "prod" is not in .*\(contexts: test, cert, exec/);
  });

  it('says when there is no kubeconfig at all', async () => {
    await expect(KubeClient.connect({ env: env() })).rejects.toThrow(/no kubeconfig/);
  });
});

describe('listing', () => {
  it('follows continue tokens when the server answers fewer items than limit', async () => {
    const client = await connect();
    const before = api.requests.length;
    const pods = await listAll(client, PODS, {});
    expect(pods.map((p) => (p.metadata as { name: string }).name)).toEqual([
      'esc-data-0',
      'esc-data-1',
      'esc-data-2',
      'web-7d4b9c8f6d-abcde',
    ]);
    const calls = api.requests.slice(before);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.query.limit === '500' && c.method === 'GET')).toBe(true);
    expect(calls[1]?.query.continue).toBeTruthy();
    // Items get the kind and apiVersion that list answers leave out.
    expect(pods[0]).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
  });

  it('reads nodes, pods and controllers of one namespace, only with GET', async () => {
    const client = await connect();
    const read = await readCluster(client, { namespace: 'zjjpt-es' });
    expect(read.version).toBe('v1.29.1+k3s2');
    expect(read.nodes).toHaveLength(nodes.length);
    expect(read.pods).toHaveLength(3);
    expect(read.controllers.map((c) => c.kind)).toEqual(['StatefulSet']);
    expect(read.problems).toEqual([]);
    expect(api.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('finds CronJobs in batch/v1beta1 on clusters before 1.21', async () => {
    const old = await new ApiDouble({ objects, cronJobsV1beta1: true, gitVersion: 'v1.13.2' }).start();
    try {
      const client = await KubeClient.connect({ kubeconfig: old.kubeconfig(), env: env() });
      await readCluster(client, {});
      expect(old.requests.some((r) => r.path === '/apis/batch/v1beta1/cronjobs')).toBe(true);
    } finally {
      await old.stop();
    }
  });
});

describe('failures', () => {
  it('a forbidden list is reported with what it means, and the read goes on', async () => {
    api.faults.set('/api/v1/nodes', { status: 403 });
    api.faults.set('/apis/apps/v1/replicasets', { status: 403 });
    try {
      const read = await readCluster(await connect(), {});
      expect(read.nodes).toBeUndefined();
      expect(read.problems.map((p) => [p.resource, p.status])).toEqual([
        ['nodes', 403],
        ['replicasets', 403],
      ]);
      expect(read.problems[0]?.consequence).toContain('built-in matrix');
      expect(read.problems[0]?.message).toContain('cannot list resource "nodes"');
      expect(read.pods).toHaveLength(4);
    } finally {
      api.faults.clear();
    }
  });

  it('bad credentials: 401 with a line that names the context', async () => {
    const client = await connect('bad-token');
    const error = await discoverNodes(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(describeFailure(error as ApiError, 'list nodes', client.context)).toBe(
      `cannot list nodes at ${api.url}/api/v1/nodes: Unauthorized (401); check the credentials of context "bad-token"`,
    );
  });

  it.each([
    [404, 'Not Found (404)'],
    [500, 'Internal Server Error (500): Internal error occurred: etcdserver: request timed out'],
  ])('%i ends the read with the server’s message', async (code, text) => {
    api.faults.set('/api/v1/pods', { status: code });
    try {
      const error = await listAll(await connect(), PODS, {}).catch((e: unknown) => e);
      expect((error as ApiError).status).toBe(code);
      expect((error as ApiError).message).toContain(text);
    } finally {
      api.faults.clear();
    }
  });

  it('a slow answer ends with a timeout, not a hang', async () => {
    api.faults.set('/api/v1/nodes', { delayMs: 500 });
    try {
      const client = await connect(undefined, 200);
      const error = await discoverNodes(client).catch((e: unknown) => e);
      expect((error as ApiError).message).toBe('no answer within 0.2 s');
      // A slow answer within the limit is waited for.
      const patient = await connect(undefined, 5000);
      expect(await discoverNodes(patient)).toHaveLength(nodes.length);
    } finally {
      api.faults.clear();
    }
  });

  it('a certificate from another CA and a server that is down fail with one clear line', async () => {
    const wrong = await connect('wrong-ca');
    const tls = (await discoverNodes(wrong).catch((e: unknown) => e)) as ApiError;
    expect(describeFailure(tls, 'list nodes', 'wrong-ca')).toMatch(
      /certificate signed by an unknown authority \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)\); check the certificate authority/,
    );
    const down = await connect('down');
    const refused = (await discoverNodes(down).catch((e: unknown) => e)) as ApiError;
    expect(describeFailure(refused, 'list nodes', 'down')).toBe(
      'cannot list nodes at https://127.0.0.1:1/api/v1/nodes: connection refused (ECONNREFUSED); is the server of context "down" reachable?',
    );
  });
});
