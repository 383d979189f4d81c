// `capdoctor diagnose pod/NAME | deploy/NAME | --failing` as a user runs it: the built binary against the
// API test double (a loopback HTTPS server with its own CA; no Kubernetes API server runs here).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonpatch from 'fast-json-patch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintSource } from '../src/core/engine.js';
import { managedBy } from '../src/diagnose/live.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';
import { ApiDouble } from './support/api-double.js';
import { deployment, incident, type K8sObject, node, pod, podSpec } from './support/cluster-fixture.js';
import { reportValidator, schemaErrors } from './support/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-live-'));
const corpus = join(root, '..', 'shared', 'corpus', 'logs');

function run(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', HOME: scratch, KUBECONFIG: '' },
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
    child.stdin.end();
  });
}

const DOCKER_MESSAGE =
  'failed to start container "21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21": Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_SYS_RESOURCE"';

// The incident: the StatefulSet's pods on the Docker 18.06 nodes, in RunContainerError.
const stsObjects = incident(['ly-xjf-r021110-gyt', 'ly-xjf-r020905-gyt']);
const sts = stsObjects[0] as K8sObject;

// A Deployment crash-looping on containerd: runuser's PAM session fails for want of SYS_RESOURCE, which
// the manifest asks for as CAP_SYS_RESOURCE (silently not granted on containerd). Helm manages it.
const esSpec = podSpec({
  container: 'es',
  image: 'elasticsearch:7.5.1',
  command: ['/bin/sh', '-c'],
  args: ['exec runuser -u elasticsearch -- /usr/share/elasticsearch/bin/elasticsearch'],
  add: ['CAP_SYS_RESOURCE'],
  env: [{ name: 'ELASTIC_PASSWORD', value: 's3cr3t-value' }],
});
const es = deployment('es-master', 'search', esSpec, {
  labels: { 'app.kubernetes.io/managed-by': 'Helm' },
  annotations: { 'meta.helm.sh/release-name': 'search', 'meta.helm.sh/release-namespace': 'search' },
});
const crashLoop = {
  waiting: {
    reason: 'CrashLoopBackOff',
    message: 'back-off 5m0s restarting failed container=es pod=es-master-7d4b9c8f6d-x2x7q',
  },
  lastTerminated: { reason: 'Error', exitCode: 1 },
  restartCount: 7,
};
const esPods = [
  pod('es-master-7d4b9c8f6d-x2x7q', es.replicaSet, 'worker-c16', esSpec, crashLoop),
  pod('es-master-7d4b9c8f6d-p9q2w', es.replicaSet, 'worker-c16', esSpec, crashLoop),
];

// Corpus cases: a pod whose previous log is a real report's output.
const pingSpec = podSpec({ container: 'net', image: 'fedora:39', drop: ['ALL'], command: ['ping', 'www.google.com'] });
const ping = deployment('pinger', 'ops', pingSpec);
const pingPod = pod('pinger-7d4b9c8f6d-aaaaa', ping.replicaSet, 'worker-c16', pingSpec, crashLoop);

const calm = deployment('calm', 'ops', podSpec());

const objects: K8sObject[] = [
  node('ly-xjf-r021110-gyt', 'docker18'),
  node('ly-xjf-r020905-gyt', 'docker18'),
  node('worker-c16', 'containerd16'),
  ...stsObjects,
  es.deployment,
  es.replicaSet,
  ...esPods,
  ping.deployment,
  ping.replicaSet,
  pingPod,
  pod('healthy', undefined, 'worker-c16', podSpec()),
  calm.deployment,
  calm.replicaSet,
  pod('calm-7d4b9c8f6d-zzzzz', calm.replicaSet, 'worker-c16', podSpec()),
];
const events = [
  {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { name: 'esc-data-0.17f4', namespace: 'zjjpt-es' },
    involvedObject: {
      kind: 'Pod',
      namespace: 'zjjpt-es',
      name: 'esc-data-0',
      fieldPath: 'spec.containers{es-cluster}',
    },
    reason: 'Failed',
    message: `Error: ${DOCKER_MESSAGE}`,
    type: 'Warning',
    count: 15,
    source: { component: 'kubelet', host: 'ly-xjf-r021110-gyt' },
  },
  {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { name: 'es-master.17f5', namespace: 'search' },
    involvedObject: { kind: 'Pod', namespace: 'search', name: 'es-master-7d4b9c8f6d-x2x7q' },
    reason: 'BackOff',
    message: 'Back-off restarting failed container es in pod es-master-7d4b9c8f6d-x2x7q_search',
    type: 'Warning',
    count: 30,
    source: { component: 'kubelet', host: 'worker-c16' },
  },
];
const corpusLog = (name: string) =>
  existsSync(join(corpus, name)) ? readFileSync(join(corpus, name), 'utf8') : undefined;
const logs: Record<string, string> = {
  'search/es-master-7d4b9c8f6d-x2x7q/es/previous': 'runuser: cannot open session: Permission denied\n',
  'search/es-master-7d4b9c8f6d-x2x7q/es': '',
  'search/es-master-7d4b9c8f6d-p9q2w/es/previous': 'runuser: cannot open session: Permission denied\n',
};
const pingLog = corpusLog('011.txt');
if (pingLog) logs['ops/pinger-7d4b9c8f6d-aaaaa/net/previous'] = pingLog;

let api: ApiDouble;
let kubeconfig: string;

// Making the test CA (four RSA keys) is slow on a loaded machine.
beforeAll(async () => {
  api = await new ApiDouble({ objects, events, logs, gitVersion: 'v1.27.3' }).start();
  kubeconfig = api.kubeconfig();
}, 60_000);
afterAll(async () => {
  await api.stop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Report {
  diagnoses: {
    rule: string | null;
    capability: string | null;
    signature: string;
    message: string;
    summary: string;
    fix: string;
    explanation: string;
    evidence: { file: string; line: number; text: string }[];
    patch?: { kind: string; name: string; namespace: string; type: string; operations: jsonpatch.Operation[] };
  }[];
  workload: { kind: string; name: string };
  chain: string[];
  pods: { name: string; node?: string; target?: string }[];
  managedBy?: { tool: string; name?: string };
  missing: string[];
}

describe('capdoctor diagnose pod/NAME', () => {
  it('the incident: cap-prefix, SYS_RESOURCE, a test-guarded patch for the StatefulSet', async () => {
    const { code, stdout, stderr } = await run([
      'diagnose',
      'pod/esc-data-0',
      '--kubeconfig',
      kubeconfig,
      '-o',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(schemaErrors(reportValidator('diagnose'), report)).toEqual([]);
    expect(report.workload).toMatchObject({ kind: 'StatefulSet', name: 'esc-data' });
    expect(report.chain).toEqual(['Pod/esc-data-0', 'StatefulSet/esc-data']);
    expect(report.pods).toEqual([
      { name: 'esc-data-0', node: 'ly-xjf-r021110-gyt', target: 'docker@18.6.1,k8s@1.13.2,kernel@3.10.0' },
    ]);
    const top = report.diagnoses[0];
    expect(top).toMatchObject({ rule: 'cap-prefix', capability: 'SYS_RESOURCE' });
    const path = '/spec/template/spec/containers/0/securityContext/capabilities/add/0';
    expect(top?.patch).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      namespace: 'zjjpt-es',
      name: 'esc-data',
      type: 'json',
      operations: [
        { op: 'test', path, value: 'CAP_SYS_RESOURCE' },
        { op: 'replace', path, value: 'SYS_RESOURCE' },
      ],
    });
    // Applied to the StatefulSet, the patch leaves nothing for cap-prefix to find.
    const patched = jsonpatch.applyPatch(structuredClone(sts), top?.patch?.operations ?? [], true).newDocument;
    const lint = lintSource('sts.json', JSON.stringify(patched), {
      rules: RULES,
      targets: resolveTargets(['docker@18.6.1']),
    });
    expect(lint.findings.filter((f) => f.rule === 'cap-prefix')).toEqual([]);
  });

  it('text: the story, the ready kubectl patch command, no Helm note for an unmanaged owner', async () => {
    const { code, stdout } = await run(['diagnose', 'pod/esc-data-0', '-n', 'zjjpt-es', '--kubeconfig', kubeconfig]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'StatefulSet zjjpt-es/esc-data — pod esc-data-0 on ly-xjf-r021110-gyt (docker@18.6.1,k8s@1.13.2,kernel@3.10.0)',
    );
    expect(stdout).toContain(
      `kubectl patch statefulset esc-data -n zjjpt-es --type=json -p '[{"op":"test","path":"/spec/template/spec/containers/0/securityContext/capabilities/add/0","value":"CAP_SYS_RESOURCE"},{"op":"replace","path":"/spec/template/spec/containers/0/securityContext/capabilities/add/0","value":"SYS_RESOURCE"}]'`,
    );
    expect(stdout).not.toContain('managed by');
    expect(stdout).toContain('✔ Root cause found: cap-prefix, SYS_RESOURCE');
  });

  it('an unknown pod is exit 2 with one line', async () => {
    const { code, stdout, stderr } = await run(['diagnose', 'pod/nope', '-n', 'zjjpt-es', '--kubeconfig', kubeconfig]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('capdoctor: pod "nope" not found in namespace "zjjpt-es"\n');
  });

  it('forbidden events and logs are missing evidence; the diagnosis goes on', async () => {
    api.faults.set('/api/v1/namespaces/zjjpt-es/events', { status: 403 });
    try {
      const { code, stdout } = await run(['diagnose', 'pod/esc-data-0', '--kubeconfig', kubeconfig, '-o', 'json']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as Report;
      expect(report.missing).toEqual([expect.stringMatching(/^events of pod esc-data-0: Forbidden \(403\)/)]);
      expect(report.diagnoses[0]?.rule).toBe('cap-prefix');
      api.faults.set('/api/v1/namespaces/search/pods/es-master-7d4b9c8f6d-x2x7q/log', { status: 403 });
      const logs = await run([
        'diagnose',
        'pod/es-master-7d4b9c8f6d-x2x7q',
        '-n',
        'search',
        '--kubeconfig',
        kubeconfig,
        '-o',
        'json',
      ]);
      const withoutLogs = JSON.parse(logs.stdout) as Report;
      expect(withoutLogs.missing).toEqual([
        expect.stringMatching(/^logs of container es in pod es-master-7d4b9c8f6d-x2x7q: Forbidden \(403\)/),
      ]);
      expect(withoutLogs.diagnoses[0]?.rule).toBe('cap-prefix');
    } finally {
      api.faults.clear();
    }
  });
});

describe('capdoctor diagnose deploy/NAME', () => {
  it('a crash loop on containerd: the pam_limits cause, cap-prefix, a patch for the Deployment, and the Helm note', async () => {
    const { code, stdout } = await run([
      'diagnose',
      'deploy/es-master',
      '-n',
      'search',
      '--kubeconfig',
      kubeconfig,
      '-o',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.workload).toMatchObject({ kind: 'Deployment', name: 'es-master' });
    expect(report.pods.map((p) => p.name)).toEqual(['es-master-7d4b9c8f6d-x2x7q', 'es-master-7d4b9c8f6d-p9q2w']);
    const top = report.diagnoses[0];
    // One story: the manifest's spelling is the cause, the runuser line is why the capability is needed.
    expect(report.diagnoses).toHaveLength(1);
    expect(top).toMatchObject({ rule: 'cap-prefix', capability: 'SYS_RESOURCE' });
    expect(top?.explanation).toContain('pam_limits needs it to raise the limits in limits.conf');
    // Only containerd is in the evidence (the node's containerRuntimeVersion): worded for it, from the knowledge data.
    expect(top?.summary).toBe(
      '"CAP_SYS_RESOURCE" carries the CAP_ prefix: containerd 1.6.20 looks for CAP_CAP_SYS_RESOURCE, which does not exist; the container starts, but SYS_RESOURCE is silently not granted. Write SYS_RESOURCE.',
    );
    expect(top?.message).toBe(
      '"CAP_SYS_RESOURCE": CAP_ prefix — silently not granted on containerd 1.6.20; write SYS_RESOURCE',
    );
    expect(top?.fix).toContain('Then containerd 1.6.20 grants SYS_RESOURCE, which it now leaves out without an error.');
    expect(`${top?.summary} ${top?.message} ${top?.fix}`).not.toContain('Docker');
    expect(top?.evidence.map((e) => e.text)).toContain('runuser: cannot open session: Permission denied');
    expect(top?.patch).toMatchObject({ kind: 'Deployment', name: 'es-master', namespace: 'search' });
    expect(top?.patch?.operations.at(-1)).toEqual({
      op: 'replace',
      path: '/spec/template/spec/containers/0/securityContext/capabilities/add/0',
      value: 'SYS_RESOURCE',
    });
    expect(report.managedBy).toMatchObject({ tool: 'Helm', name: 'search' });
    const text = await run(['diagnose', 'deploy/es-master', '-n', 'search', '--kubeconfig', kubeconfig]);
    expect(text.stdout).toContain('kubectl patch deployment es-master -n search --type=json');
    expect(text.stdout).toContain(
      'Deployment es-master is managed by Helm ("search"): a patch will be undone at its next sync; change the chart\'s values of release "search", then `helm upgrade` instead.',
    );
  });

  it('--save, then diagnose DIR offline, gives the same answer; no secret is written', async () => {
    const dir = join(scratch, 'saved');
    const live = await run([
      'diagnose',
      'deploy/es-master',
      '-n',
      'search',
      '--kubeconfig',
      kubeconfig,
      '--save',
      dir,
      '-o',
      'json',
    ]);
    const offline = await run(['diagnose', dir, '-o', 'json']);
    expect(offline.code).toBe(live.code);
    expect(JSON.parse(offline.stdout)).toEqual(JSON.parse(live.stdout));
    const files = readdirSync(dir, { recursive: true }).map(String).sort();
    expect(files).toContain('capdoctor-collected.json');
    expect(files).toContain('owner.json');
    expect(files).toContain(join('pods', 'es-master-7d4b9c8f6d-x2x7q.es.previous.log'));
    const all = files
      .filter((f) => !['pods', 'nodes'].includes(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    expect(all).not.toContain('s3cr3t-value');
    expect(all).not.toContain(api.token);
    const text = await run(['diagnose', dir]);
    expect(text.stdout).toContain('kubectl patch deployment es-master -n search');
    // A second save to the same folder is refused rather than mixed.
    const again = await run([
      'diagnose',
      'deploy/es-master',
      '-n',
      'search',
      '--kubeconfig',
      kubeconfig,
      '--save',
      dir,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists and is not an empty folder');
  });

  it('an unknown Deployment is exit 2; a healthy pod has nothing to diagnose (exit 1)', async () => {
    const { code, stdout } = await run(['diagnose', 'deploy/nothing', '-n', 'search', '--kubeconfig', kubeconfig]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const healthy = await run(['diagnose', 'pod/healthy', '-n', 'default', '--kubeconfig', kubeconfig, '-o', 'json']);
    expect(healthy.code).toBe(1);
    const calmRun = await run(['diagnose', 'deploy/calm', '-n', 'ops', '--kubeconfig', kubeconfig]);
    expect(calmRun.code).toBe(1);
    expect(calmRun.stdout).toBe('no pod of Deployment "calm" in namespace "ops" is failing (1 pod found)\n');
  });
});

describe('capdoctor diagnose --failing', () => {
  it('one story per workload across namespaces', async () => {
    const { code, stdout } = await run(['diagnose', '--failing', '-A', '--kubeconfig', kubeconfig, '-o', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { stories: Report[] };
    expect(schemaErrors(reportValidator('diagnose'), report)).toEqual([]);
    const names = report.stories.map((s) => `${s.workload.kind}/${s.workload.name}`).sort();
    expect(names).toEqual(['Deployment/es-master', 'Deployment/pinger', 'StatefulSet/esc-data']);
    const esc = report.stories.find((s) => s.workload.name === 'esc-data');
    expect(esc?.pods.map((p) => p.name)).toEqual(['esc-data-0', 'esc-data-1']);
  });

  it.skipIf(!pingLog)('a corpus log (ping refused a raw socket) as the previous log: NET_RAW', async () => {
    const { stdout } = await run(['diagnose', 'deploy/pinger', '-n', 'ops', '--kubeconfig', kubeconfig, '-o', 'json']);
    const report = JSON.parse(stdout) as Report;
    expect(report.diagnoses[0]?.capability).toBe('NET_RAW');
  });
});

describe('managed owners', () => {
  const meta = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({
    metadata: { labels, annotations },
  });
  it.each([
    [meta({ 'app.kubernetes.io/managed-by': 'Helm' }, { 'meta.helm.sh/release-name': 'es' }), 'Helm', 'es'],
    [meta({ 'argocd.argoproj.io/instance': 'search-prod' }), 'Argo CD', 'search-prod'],
    [meta({}, { 'argocd.argoproj.io/tracking-id': 'search-prod:apps/Deployment:search/es' }), 'Argo CD', 'search-prod'],
    [
      meta({ 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' }),
      'Flux',
      'apps',
    ],
    [meta({ 'helm.toolkit.fluxcd.io/name': 'es' }), 'Flux', 'es'],
  ])('%j → %s', (object, tool, name) => {
    expect(managedBy(object)).toMatchObject({ tool, name });
  });
  it('an object nobody manages', () => {
    expect(managedBy(meta({ app: 'web' }))).toBeUndefined();
  });
});
