// `capdoctor scan` (and `kubectl capdoctor scan`) as a user runs it: the built binary against the API
// test double (a loopback HTTPS server with its own CA; no Kubernetes API server runs here), and on dumps.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ApiDouble } from './support/api-double.js';
import {
  cronJob,
  deployment,
  dump,
  incident,
  type K8sObject,
  namespace,
  node,
  pod,
  podSpec,
} from './support/cluster-fixture.js';
import { reportValidator, schemaErrors } from './support/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-scan-'));

/** Async: the test double answers in this same process. */
function run(args: string[], options: { input?: string; command?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [options.command ?? bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', HOME: scratch, KUBECONFIG: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

// Two clusters: the incident's (Kubernetes 1.13.2, Docker 18.06) and an OpenShift one (CRI-O).
const dockerNodes = [
  node('ly-xjf-r021110-gyt', 'docker18'),
  node('ly-xjf-r020905-gyt', 'docker18'),
  node('ly-xjf-r020803-gyt', 'docker18'),
];
const webSpec = podSpec({ drop: ['CAP_NET_RAW'], add: ['NET_BIND_SERVICE'] });
const web = deployment('web', 'shop', webSpec);
const backup = cronJob('backup', 'shop', podSpec({ add: ['DAC_READ_SEARCH'] }));
const mixedNodes = [
  node('worker-k3s', 'k3s'),
  node('worker-d20', 'docker20'),
  node('worker-c20', 'containerd20'),
  node('worker-c16', 'containerd16'),
  node('worker-win', 'windows'),
];
const incidentCluster: K8sObject[] = [
  ...dockerNodes,
  ...mixedNodes,
  ...incident(['ly-xjf-r021110-gyt', 'ly-xjf-r020905-gyt', 'ly-xjf-r020803-gyt']),
  web.deployment,
  web.replicaSet,
  pod('web-7d4b9c8f6d-abcde', web.replicaSet, 'worker-k3s', webSpec),
  pod('web-7d4b9c8f6d-fghij', web.replicaSet, 'worker-c20', webSpec),
  backup.cronJob,
  backup.job,
  pod('backup-28290000-xk2lp', backup.job, 'worker-d20', podSpec({ add: ['DAC_READ_SEARCH'] }), { phase: 'Succeeded' }),
];
const crioCluster: K8sObject[] = [
  node('worker-0', 'crio'),
  node('worker-1', 'crio'),
  ...incident(['worker-0', 'worker-1']),
];

let api: ApiDouble;
let crio: ApiDouble;
let kubeconfig: string;

// Making the test CA (four RSA keys) is slow on a loaded machine.
beforeAll(async () => {
  api = await new ApiDouble({ objects: incidentCluster, pageSize: 3, gitVersion: 'v1.13.2' }).start();
  crio = await new ApiDouble({ objects: crioCluster, gitVersion: 'v1.25.16+6df2177' }).start();
  kubeconfig = api.kubeconfig();
}, 60_000);
afterAll(async () => {
  await api.stop();
  await crio.stop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Finding {
  rule: string;
  severity: string;
  message: string;
  file: string;
  line?: number;
  nodes: string[];
  object: { kind: string; name: string; namespace: string };
  targets?: { target: string; outcome: string; nodes: string[] }[];
}

describe('capdoctor scan against an API server', () => {
  // Node 22 and later warn of deprecated core modules by default (the Kubernetes client's node-fetch
  // reached Node's punycode through tr46); Node 20 says the same when pending deprecations are on.
  it('prints no deprecation warning, pending ones included', async () => {
    const { code, stderr } = await run(['scan', '--kubeconfig', kubeconfig, '-o', 'json'], {
      env: { NODE_OPTIONS: '--pending-deprecation' },
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('the incident: the StatefulSet is an error naming the Docker 18.06 nodes', async () => {
    const { code, stdout, stderr } = await run(['scan', '--kubeconfig', kubeconfig, '-o', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.cluster).toMatchObject({ context: 'test', server: api.url, version: 'v1.13.2' });
    expect(report.cluster.nodes).toContainEqual({
      name: 'ly-xjf-r021110-gyt',
      runtime: 'docker://18.6.1',
      kubelet: 'v1.13.2',
      kernel: '3.10.0-957.el7.x86_64',
      os: 'linux',
      target: 'docker@18.6.1,k8s@1.13.2,kernel@3.10.0',
    });
    // The context's namespace (zjjpt-es) only.
    expect(report.workloads.map((w: { object: { kind: string } }) => w.object.kind)).toEqual(['StatefulSet']);
    const prefix = report.findings.find((f: Finding) => f.rule === 'cap-prefix') as Finding;
    expect(prefix).toMatchObject({
      severity: 'error',
      file: 'k8s://test/zjjpt-es/StatefulSet/esc-data',
      object: { kind: 'StatefulSet', name: 'esc-data', namespace: 'zjjpt-es' },
      nodes: ['ly-xjf-r020803-gyt', 'ly-xjf-r020905-gyt', 'ly-xjf-r021110-gyt'],
    });
    expect(prefix.line).toBeUndefined();
    expect(prefix.message).toContain('RunContainerError');
    expect(prefix.targets).toEqual([
      expect.objectContaining({ target: 'docker@18.6.1,k8s@1.13.2,kernel@3.10.0', outcome: 'rejected' }),
    ]);
  });

  it('the same StatefulSet on CRI-O nodes is not an error', async () => {
    const { code, stdout } = await run(['scan', '--kubeconfig', crio.kubeconfig(), '-o', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const prefix = report.findings.find((f: Finding) => f.rule === 'cap-prefix') as Finding;
    expect(prefix.severity).toBe('warning');
    expect(prefix.targets?.map((t) => [t.outcome, t.nodes])).toEqual([['applied', ['worker-0', 'worker-1']]]);
  });

  it('text: nodes grouped by runtime, then each workload with where it fails, is not granted, or works', async () => {
    const { code, stdout } = await run(['scan', '-A', '--kubeconfig', kubeconfig]);
    expect(code).toBe(1);
    expect(stdout).toContain(`Cluster context "test" at ${api.url} (Kubernetes v1.13.2): 8 nodes`);
    expect(stdout).toContain(
      '  docker@18.6.1,k8s@1.13.2,kernel@3.10.0 — Docker 1.11–18.09, Kubernetes 1.13.2, kernel 3.10.0: ly-xjf-r020803-gyt, ly-xjf-r020905-gyt, ly-xjf-r021110-gyt',
    );
    expect(stdout).toContain('  windows — Windows: worker-win');
    expect(stdout).toContain(
      'StatefulSet zjjpt-es/esc-data (pods on ly-xjf-r020803-gyt, ly-xjf-r020905-gyt, ly-xjf-r021110-gyt)',
    );
    expect(stdout).toMatch(
      /✗ fails on ly-xjf-r020803-gyt, ly-xjf-r020905-gyt, ly-xjf-r021110-gyt \(Docker 1\.11–18\.09/,
    );
    expect(stdout).toContain('Deployment shop/web (pods on worker-c20, worker-k3s)');
    expect(stdout).toMatch(/✗ starts, and nothing is dropped, on worker-c20 \(containerd/);
    // Reported on the Deployment and the CronJob, never on their ReplicaSets, Jobs or pods.
    expect(stdout).not.toMatch(/^(ReplicaSet|Pod|Job) /m);
  });

  it('-l selects workloads by label; -q keeps errors only; sarif names the k8s:// object', async () => {
    const selected = JSON.parse(
      (await run(['scan', '-A', '-l', 'app=web', '--kubeconfig', kubeconfig, '-o', 'json'])).stdout,
    );
    expect(selected.workloads.map((w: { object: { name: string } }) => w.object.name)).toEqual(['web-7d4b9c8f6d']);
    const quiet = JSON.parse((await run(['scan', '-A', '-q', '--kubeconfig', kubeconfig, '-o', 'json'])).stdout);
    expect(quiet.findings.every((f: Finding) => f.severity === 'error')).toBe(true);
    const sarif = JSON.parse((await run(['scan', '--kubeconfig', kubeconfig, '-o', 'sarif'])).stdout);
    const uris = sarif.runs[0].results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris[0]).toMatch(/^k8s.*\/zjjpt-es\/StatefulSet\/esc-data$/);
  });

  it('works as a kubectl plugin (kubectl-capdoctor on the PATH)', async () => {
    const plugin = join(scratch, 'kubectl-capdoctor');
    symlinkSync(bin, plugin);
    const { code, stdout } = await run(['scan', '--kubeconfig', kubeconfig, '-o', 'json'], { command: plugin });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.length).toBeGreaterThan(0);
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as {
      bin: Record<string, string>;
    };
    expect(pkg.bin['kubectl-capdoctor']).toBe(pkg.bin.capdoctor);
  });

  it('a forbidden node list is not fatal: the output says the built-in matrix was used', async () => {
    api.faults.set('/api/v1/nodes', { status: 403 });
    try {
      const { code, stdout } = await run(['scan', '--kubeconfig', kubeconfig]);
      expect(code).toBe(1);
      expect(stdout).toContain('Could not read nodes: Forbidden (403): nodes is forbidden');
      expect(stdout).toContain('every workload is checked against the built-in matrix');
    } finally {
      api.faults.clear();
    }
  });

  it.each([
    [
      ['--context', 'bad-token'],
      `capdoctor: cannot list nodes at ${'URL'}/api/v1/nodes: Unauthorized (401); check the credentials of context "bad-token"\n`,
    ],
    [
      ['--context', 'prod'],
      'capdoctor: context "prod" is not in KUBECONFIG (contexts: test, cert, exec, bad-token, wrong-ca, down)\n',
    ],
    [
      ['--context', 'down'],
      'capdoctor: cannot list nodes at https://127.0.0.1:1/api/v1/nodes: connection refused (ECONNREFUSED); is the server of context "down" reachable?\n',
    ],
  ])('%j: exit 2 with one line, no stack trace', async (args, expected) => {
    const { code, stdout, stderr } = await run(['scan', '--kubeconfig', kubeconfig, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(expected.replace('URL', api.url).replace('KUBECONFIG', kubeconfig));
  });

  it('a server error ends the scan with exit 2 and the server’s message', async () => {
    api.faults.set('/api/v1/namespaces/zjjpt-es/pods', { status: 500 });
    try {
      const { code, stderr } = await run(['scan', '--kubeconfig', kubeconfig]);
      expect(code).toBe(2);
      expect(stderr).toBe(
        `capdoctor: cannot list pods at ${api.url}/api/v1/namespaces/zjjpt-es/pods: Internal Server Error (500): Internal error occurred: etcdserver: request timed out\n`,
      );
    } finally {
      api.faults.clear();
    }
  });
});

describe('capdoctor scan --from', () => {
  const comparable = (f: Finding) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    object: f.object,
    nodes: f.nodes,
    targets: f.targets,
  });

  it('a dump gives the same findings as the API, with the dump’s positions', async () => {
    const live = JSON.parse((await run(['scan', '-A', '--kubeconfig', kubeconfig, '-o', 'json'])).stdout);
    const file = join(scratch, 'cluster.json');
    writeFileSync(file, dump(incidentCluster));
    const offline = await run(['scan', '--from', file, '-o', 'json']);
    expect(offline.code).toBe(1);
    const report = JSON.parse(offline.stdout);
    expect(report.findings.map(comparable)).toEqual(live.findings.map(comparable));
    expect(report.cluster.nodes).toEqual(live.cluster.nodes);
    expect(report.findings.every((f: Finding) => f.file === file && (f.line ?? 0) > 1)).toBe(true);
  });

  it('reads -o yaml dumps and standard input too', async () => {
    const yaml = stringify(JSON.parse(dump(incidentCluster)));
    const fromYaml = JSON.parse((await run(['scan', '--from', '-', '-o', 'json'], { input: yaml })).stdout);
    const fromJson = JSON.parse(
      (await run(['scan', '--from', '-', '-o', 'json'], { input: dump(incidentCluster) })).stdout,
    );
    expect(fromYaml.findings.map(comparable)).toEqual(fromJson.findings.map(comparable));
    const first = fromYaml.findings[0] as Finding;
    expect(yaml.split('\n')[(first.line ?? 0) - 1]).toContain('CAP_');
  });

  it('-n keeps one namespace of the dump', async () => {
    const file = join(scratch, 'ns.json');
    writeFileSync(file, dump(incidentCluster));
    const report = JSON.parse((await run(['scan', '--from', file, '-n', 'shop', '-o', 'json'])).stdout);
    expect(report.workloads.map((w: { object: { kind: string } }) => w.object.kind).sort()).toEqual([
      'CronJob',
      'Deployment',
    ]);
  });

  it('bad input is exit 2 with the file, line and problem', async () => {
    const file = join(scratch, 'broken.json');
    writeFileSync(file, '{"kind": "List", "items": [\n  {"kind": "Pod",}\n]}\n');
    const { code, stderr } = await run(['scan', '--from', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^capdoctor: ${file}:2:\\d+: JSON: `));
    const empty = await run(['scan', '--from', '-'], { input: 'just: text\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no Kubernetes objects');
  });
});

// Pod Security levels from the namespaces' own labels: the same node agent (adds SYS_ADMIN, drops
// nothing) in a namespace that enforces restricted, one that only warns at baseline, and one unlabelled.
const agentSpec = podSpec({ add: ['SYS_ADMIN'] });
const agentIn = (ns: string) => deployment('agent', ns, agentSpec);
const pssObjects: K8sObject[] = [
  node('worker-c20', 'containerd20'),
  namespace('locked', {
    'pod-security.kubernetes.io/enforce': 'restricted',
    'pod-security.kubernetes.io/enforce-version': 'v1.29',
    'pod-security.kubernetes.io/warn': 'baseline',
  }),
  namespace('warned', {
    'pod-security.kubernetes.io/enforce': 'privileged',
    'pod-security.kubernetes.io/warn': 'baseline',
  }),
  namespace('plain'),
  namespace('nodes-ns', { 'pod-security.kubernetes.io/enforce': 'privileged' }),
  ...['locked', 'warned', 'plain'].map((ns) => agentIn(ns).deployment),
  deployment('spelled', 'nodes-ns', podSpec({ add: ['CAP_CHOWN'] })).deployment,
  deployment('spelled', 'plain', podSpec({ add: ['CAP_CHOWN'] })).deployment,
];

describe('Pod Security levels from namespace labels', () => {
  let pssApi: ApiDouble;
  beforeAll(async () => {
    pssApi = await new ApiDouble({ objects: pssObjects, pageSize: 2, gitVersion: 'v1.29.1' }).start();
  }, 60_000);
  afterAll(async () => {
    await pssApi.stop();
  });
  const pssRules = (report: { findings: (Finding & { pss?: { label: string } })[] }, ns: string, name = 'agent') =>
    report.findings
      .filter((f) => f.object.namespace === ns && f.object.name === name && f.rule.startsWith('pss-'))
      .map((f) => `${f.rule} ${f.pss?.label ?? '-'}`)
      .sort();

  it('the strictest of enforce, warn and audit decides, and the finding names the label', async () => {
    const { stdout } = await run(['scan', '-A', '--kubeconfig', pssApi.kubeconfig(), '-o', 'json']);
    const report = JSON.parse(stdout);
    expect(report.unreadable).toEqual([]);
    // Restricted: SYS_ADMIN is above baseline, and restricted also refuses it and the missing drop: [ALL].
    expect(pssRules(report, 'locked')).toEqual([
      'pss-baseline pod-security.kubernetes.io/enforce',
      'pss-restricted pod-security.kubernetes.io/enforce',
      'pss-restricted pod-security.kubernetes.io/enforce',
    ]);
    const locked = report.findings.find(
      (f: Finding & { explanation: string }) => f.object.namespace === 'locked' && f.rule === 'pss-baseline',
    );
    expect(locked.explanation).toContain(
      'namespace "locked" is labelled pod-security.kubernetes.io/enforce=restricted, version v1.29',
    );
    expect(pssRules(report, 'warned')).toEqual(['pss-baseline pod-security.kubernetes.io/warn']);
    // Unlabelled: the default (spelling only), so SYS_ADMIN is no Pod Security finding.
    expect(pssRules(report, 'plain')).toEqual([]);
    expect(pssRules(report, 'plain', 'spelled')).toEqual(['pss-baseline -']);
    // Privileged at every mode: admission refuses no spelling there.
    expect(pssRules(report, 'nodes-ns', 'spelled')).toEqual([]);
    expect(schemaErrors(reportValidator('scan'), report)).toEqual([]);

    const text = await run(['scan', '-A', '--kubeconfig', pssApi.kubeconfig()]);
    expect(text.stdout).toContain(
      'Pod Security restricted: namespace labelled pod-security.kubernetes.io/enforce=restricted, version v1.29',
    );
  });

  it('--pss on the command line overrides the labels, and namespaces are not read', async () => {
    const before = pssApi.requests.length;
    const { stdout } = await run([
      'scan',
      '-A',
      '--kubeconfig',
      pssApi.kubeconfig(),
      '-o',
      'json',
      '--pss',
      'baseline',
    ]);
    const report = JSON.parse(stdout);
    for (const ns of ['locked', 'warned', 'plain']) expect(pssRules(report, ns)).toEqual(['pss-baseline -']);
    expect(pssRules(report, 'nodes-ns', 'spelled')).toEqual(['pss-baseline -']);
    expect(pssApi.requests.slice(before).some((r) => r.path === '/api/v1/namespaces')).toBe(false);
  });

  it('a forbidden namespace list is reported and the scan goes on with the default', async () => {
    pssApi.faults.set('/api/v1/namespaces', { status: 403 });
    try {
      const { code, stdout } = await run(['scan', '-A', '--kubeconfig', pssApi.kubeconfig(), '-o', 'json']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.unreadable).toEqual([
        expect.objectContaining({ resource: 'namespaces', status: 403, consequence: expect.stringContaining('--pss') }),
      ]);
      expect(pssRules(report, 'locked')).toEqual([]);
      expect(pssRules(report, 'plain', 'spelled')).toEqual(['pss-baseline -']);
      const text = await run(['scan', '-A', '--kubeconfig', pssApi.kubeconfig()]);
      expect(text.stdout).toContain('Could not read namespaces: Forbidden (403)');
    } finally {
      pssApi.faults.clear();
    }
  });

  it('-n reads its one namespace with a GET, which a namespace-scoped user may do, not a cluster-wide list', async () => {
    // A user bound to roles in "locked" only: listing namespaces is forbidden, reading "locked" is not.
    pssApi.faults.set('/api/v1/namespaces$', { status: 403 });
    const before = pssApi.requests.length;
    try {
      const { stdout } = await run(['scan', '-n', 'locked', '--kubeconfig', pssApi.kubeconfig(), '-o', 'json']);
      const report = JSON.parse(stdout);
      expect(report.unreadable).toEqual([]);
      expect(pssRules(report, 'locked')).toEqual([
        'pss-baseline pod-security.kubernetes.io/enforce',
        'pss-restricted pod-security.kubernetes.io/enforce',
        'pss-restricted pod-security.kubernetes.io/enforce',
      ]);
      const paths = pssApi.requests.slice(before).map((r) => r.path);
      expect(paths).toContain('/api/v1/namespaces/locked');
      expect(paths).not.toContain('/api/v1/namespaces');
    } finally {
      pssApi.faults.clear();
    }
  });

  it('--from reads the Namespace objects of the dump: same findings as the API', async () => {
    const live = JSON.parse((await run(['scan', '-A', '--kubeconfig', pssApi.kubeconfig(), '-o', 'json'])).stdout);
    const file = join(scratch, 'pss.json');
    writeFileSync(file, dump(pssObjects));
    const offline = JSON.parse((await run(['scan', '--from', file, '-o', 'json'])).stdout);
    const comparable = (f: Finding & { pss?: unknown }) => ({
      rule: f.rule,
      message: f.message,
      object: f.object,
      pss: f.pss,
    });
    // Objects read from the API have no positions, so findings of one workload may come in another order.
    const key = (f: unknown) => JSON.stringify(f);
    expect(offline.findings.map(comparable).map(key).sort()).toEqual(live.findings.map(comparable).map(key).sort());
    expect(offline.unreadable).toEqual([]);
    // A dump without namespaces: said once, and the default applies.
    writeFileSync(file, dump(pssObjects.filter((o) => o.kind !== 'Namespace')));
    const bare = JSON.parse((await run(['scan', '--from', file, '-o', 'json'])).stdout);
    expect(bare.unreadable.map((u: { resource: string }) => u.resource)).toEqual(['namespaces']);
    expect(pssRules(bare, 'locked')).toEqual([]);
  });
});

describe('the JSON report', () => {
  it('matches docs/schema/scan.schema.json, from the API and from a dump', async () => {
    const live = JSON.parse((await run(['scan', '-A', '--kubeconfig', kubeconfig, '-o', 'json'])).stdout);
    const file = join(scratch, 'schema.json');
    writeFileSync(file, dump(incidentCluster));
    const offline = JSON.parse((await run(['scan', '--from', file, '-o', 'json'])).stdout);
    api.faults.set('/api/v1/nodes', { status: 403 });
    const blind = JSON.parse((await run(['scan', '--kubeconfig', kubeconfig, '-o', 'json'])).stdout);
    api.faults.clear();
    for (const report of [live, offline, blind]) {
      expect(report.findings.length).toBeGreaterThan(0);
      expect(schemaErrors(reportValidator('scan'), report)).toEqual([]);
    }
    expect(blind.unreadable).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('lint never loads the Kubernetes client', () => {
    const result = spawnSync(process.execPath, [bin, 'lint', 'examples/typo.yaml'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_DEBUG: 'module', CAPDOCTOR_COMPILE_CACHE: 'off' },
    });
    expect(result.stderr).toContain('MODULE');
    expect(result.stderr).not.toContain('kube.cjs');
  });
});
