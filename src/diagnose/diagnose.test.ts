import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextForCli } from '../cli/output/diagnose.js';
import { type DiagnoseResult, Diagnoser, diagnoseTexts, type NextStep } from './index.js';
import { attachManifests } from './manifest.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/diagnose/', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

function fixture(...names: string[]): { file: string; text: string }[] {
  return names.flatMap((name) => {
    const path = join(fixtures, name);
    if (statSync(path).isDirectory()) {
      return readdirSync(path)
        .sort()
        .map((file) => ({ file: `${name}/${file}`, text: readFileSync(join(path, file), 'utf8') }));
    }
    return [{ file: name, text: readFileSync(path, 'utf8') }];
  });
}

const top = (result: DiagnoseResult) => result.diagnoses[0];
const summary = (result: DiagnoseResult) =>
  result.diagnoses.map((d) => [d.rule, d.signature, d.capability, d.confidence] as const);
const roles = (result: DiagnoseResult, index = 0) =>
  result.diagnoses[index]?.evidence.map((e) => `${e.role}:${e.file}:${e.line}`) ?? [];

describe('diagnose: inputs of every kind', () => {
  it('kubectl describe pod on Docker 18.06: one story, symptoms tied to the container', () => {
    const result = diagnoseTexts(fixture('describe-docker18.txt'));
    expect(summary(result)).toEqual([['cap-prefix', 'docker-legacy-unknown-cap-add', 'NET_ADMIN', 'high']]);
    expect(roles(result)).toEqual([
      'cause:describe-docker18.txt:25',
      'cause:describe-docker18.txt:48',
      'symptom:describe-docker18.txt:22',
      'symptom:describe-docker18.txt:24',
      'symptom:describe-docker18.txt:49',
    ]);
    const d = top(result);
    expect(d?.evidence.filter((e) => e.role === 'symptom').map((e) => e.link)).toEqual([
      'container',
      'container',
      'pod',
    ]);
    expect([d?.pods, d?.containers, d?.nodes, d?.runtime]).toEqual([
      ['web-6d4c9b7f5-x2kqp'],
      ['app'],
      ['node-7'],
      'Docker 1.11–18.09',
    ]);
    expect(d?.fix).toContain(
      'Write NET_ADMIN instead of "CAP_NET_ADMIN" in securityContext.capabilities.add of container "app"',
    );
  });

  it('kubectl get events -o yaml on containerd with an old runc', () => {
    const result = diagnoseTexts(fixture('events-containerd.yaml'));
    expect(summary(result)).toEqual([['cap-prefix', 'runc-legacy-unknown-capability', 'NET_ADMIN', 'high']]);
    const d = top(result);
    expect([d?.pods, d?.containers, d?.nodes]).toEqual([['vpn-gateway-0'], ['vpn'], ['edge-node-2']]);
    expect(d?.summary).toBe(
      '"CAP_NET_ADMIN" carries the CAP_ prefix: containerd adds another, so runc ≤1.0.0-rc93 gets CAP_CAP_NET_ADMIN, which does not exist, and refuses to start the container. Write NET_ADMIN.',
    );
    expect(roles(result)).toEqual([
      'cause:events-containerd.yaml:16',
      'symptom:events-containerd.yaml:15',
      'symptom:events-containerd.yaml:33',
    ]);
  });

  it('kubectl get pod -o json on CRI-O: an unknown name with its likely meaning', () => {
    const result = diagnoseTexts(fixture('pod-crio.json'));
    expect(summary(result)).toEqual([['cap-unknown', 'crio-unknown-capability-to-add', 'NET_ADMIN', 'high']]);
    const d = top(result);
    expect([d?.pods, d?.containers, d?.nodes]).toEqual([['netpol-agent-7xk2d'], ['agent'], ['worker-3']]);
    expect(d?.summary).toBe(
      '"CAP_SYS_NET_ADMIN" is not a Linux capability (probably NET_ADMIN or SYS_ADMIN), and CRI-O 1.11.2 or later refuses to create the container.',
    );
  });

  it('journalctl -o json: the kubelet line and the pod it names, linked by time', () => {
    const result = diagnoseTexts(fixture('journal-containerd.json'));
    expect(summary(result)).toEqual([['cap-prefix', 'runc-legacy-unknown-capability', 'SYS_CHROOT', 'high']]);
    expect(top(result)?.evidence.map((e) => [e.role, e.line, e.link])).toEqual([
      ['cause', 2, undefined],
      ['symptom', 3, 'time'],
    ]);
    expect(result.inputs).toEqual([{ file: 'journal-containerd.json', lines: 4, formats: ['journal'], matched: 2 }]);
  });

  it('kubectl get events table: Pod Security compares names exactly', () => {
    const result = diagnoseTexts(fixture('events-table.txt'));
    expect(summary(result)).toEqual([['cap-prefix', 'psa-baseline-non-default-capabilities', 'CHOWN', 'high']]);
    expect(top(result)?.fix).toBe(
      'Write CHOWN instead of "CAP_CHOWN" in securityContext.capabilities.add of container "agent".',
    );
  });

  it('container logs after kubectl logs: the command names the pod', () => {
    const result = diagnoseTexts(fixture('nginx-nonroot.log'));
    // Medium: the line shows the operation (a low port), not the capability's name.
    expect(summary(result)).toEqual([
      ['cap-missing', 'net-bind-service-privileged-port', 'NET_BIND_SERVICE', 'medium'],
    ]);
    expect([top(result)?.pods, top(result)?.containers]).toEqual([['frontend-7c9d8f6b5-q4wzt'], ['nginx']]);
    expect(result.next[0]?.kind).toBe('check-capability');
    expect(result.next[0]?.text).toContain(
      'kubectl exec frontend-7c9d8f6b5-q4wzt -n web -c nginx -- grep Cap /proc/1/status',
    );
  });

  it('containerd silently leaving out a prefixed name: the runc warning, the manifest and Vault are one story', () => {
    const result = diagnoseTexts(fixture('silent-containerd'));
    expect(summary(result)).toEqual([['cap-prefix', 'runc-modern-ignored-capabilities-warning', 'IPC_LOCK', 'high']]);
    const d = top(result);
    expect(roles(result)).toEqual([
      'cause:silent-containerd/runc-log.json:1',
      'cause:silent-containerd/vault-pod.yaml:14',
      'need:silent-containerd/vault.log:2',
      'need:silent-containerd/vault.log:4',
      'symptom:silent-containerd/vault-pod.yaml:27',
      'symptom:silent-containerd/vault-pod.yaml:28',
    ]);
    expect(d?.explanation).toContain('IPC_LOCK is needed at all because Vault locks its memory with it');
    expect(d?.fix).toContain('That grants IPC_LOCK: Vault locks its memory with it.');
  });

  it('only symptoms: says so and names the pod, container, node and container id to look at', () => {
    const result = diagnoseTexts(fixture('symptoms-describe.txt'));
    expect(result.diagnoses).toEqual([]);
    expect(result.symptoms.map((s) => [s.signature, s.line])).toEqual([
      ['kubectl-describe-crashloopbackoff', 9],
      ['kubectl-describe-crashloopbackoff', 17],
    ]);
    expect(result.next).toEqual([
      {
        kind: 'only-symptoms',
        text: 'Only symptoms: the kubelet keeps restarting it (symptoms-describe.txt:9, symptoms-describe.txt:17). They show that the container failed, not why.',
      },
      {
        kind: 'previous-log',
        text: "`kubectl logs report-worker-0 -n batch -c worker --previous`: the last attempt's output usually names what was refused.",
      },
      {
        kind: 'status',
        text: "`kubectl get pod report-worker-0 -n batch -o yaml`: status.containerStatuses[].lastState.terminated holds the reason and message (ContainerCannotRun or StartError there quote the runtime's error).",
      },
      {
        kind: 'node-journal',
        text: 'On node node-12: `journalctl -u kubelet -u containerd --since "1 hour ago" --no-pager > node.log` (or copy /var/log/messages where there is no journald): a container that never started has no log, and the runtime\'s refusal is there.',
        file: 'node.log',
      },
      {
        kind: 'container-id',
        text: 'The container id 7e6d5c4b3a2f names the failed attempt: `grep 7e6d5c4b3a2f /var/log/messages` on that node.',
      },
    ]);
    // The library's steps name no capdoctor option; the CLI words them as commands of its own.
    expect(result.next.map((n) => n.text).join(' ')).not.toMatch(/capdoctor|--manifest/);
    expect(result.next.map(nextForCli)[3]).toBe(
      'On node node-12: `journalctl -u kubelet -u containerd --since "1 hour ago" --no-pager > node.log` (or copy /var/log/messages where there is no journald): a container that never started has no log, and the runtime\'s refusal is there. Then `capdoctor diagnose node.log` with the rest.',
    );
  });

  it('nothing recognised: says what to collect', () => {
    const result = diagnoseTexts([{ file: 'app.log', text: 'starting\nlistening on :8080\n' }]);
    expect(result.diagnoses).toEqual([]);
    expect(result.next).toEqual([
      {
        kind: 'collect',
        text: "Nothing capability-related was recognised in 2 lines. Collect the pod's events and status (`kubectl describe pod <pod>`), the previous container log (`kubectl logs <pod> --previous`) and the node's journal (`journalctl -u kubelet -u containerd -u docker -u crio`), and diagnose them together.",
      },
    ]);
    expect(nextForCli(result.next[0] as NextStep)).toMatch(/and run capdoctor diagnose on them together\.$/);
  });

  it('a mixed stream: every story ranked, each with its own evidence', () => {
    const inputs = fixture('describe-docker18.txt', 'nginx-nonroot.log', 'events-table.txt');
    const mixed = diagnoseTexts([{ file: '-', text: inputs.map((i) => i.text).join('\n') }]);
    expect(mixed.diagnoses.map((d) => [d.rule, d.capability])).toEqual([
      ['cap-prefix', 'NET_ADMIN'],
      ['cap-prefix', 'CHOWN'],
      ['cap-missing', 'NET_BIND_SERVICE'],
    ]);
  });
});

describe('diagnose: correlation', () => {
  const journal = (lines: string[]) => diagnoseTexts([{ file: 'j', text: lines.join('\n') }]);

  it('does not tie a stray EPERM to an unrelated cause', () => {
    const result = journal([
      'Sep 15 10:00:00 n1 dockerd: level=error msg="linux spec capabilities: Unknown capability to add: \\"CAP_CAP_NET_RAW\\""',
      'Sep 15 12:00:00 n1 app: rm: cannot remove x: Operation not permitted',
    ]);
    expect(result.diagnoses.map((d) => d.evidence.length)).toEqual([1]);
    expect(result.symptoms.map((s) => s.line)).toEqual([2]);
  });

  it('keeps a few lines of a flood and counts the rest', () => {
    const line =
      'Sep 15 10:00:00 n1 kubelet: E0915 10:00:00.1 1 kuberuntime_manager.go:749] container start failed: RunContainerError: Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_NET_RAW"';
    const result = journal(Array.from({ length: 500 }, () => line));
    expect(result.diagnoses).toHaveLength(1);
    expect(top(result)?.evidence.length).toBe(6);
    expect(top(result)?.omitted).toBe(494);
  });

  it('adds the runtime version the nodes report', () => {
    const result = journal([
      'NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE   KERNEL-VERSION   CONTAINER-RUNTIME',
      'node-7   Ready    <none>   9d    v1.13.2   10.0.0.7      <none>        CentOS 7   3.10.0           docker://18.6.3',
      'Error: failed to start container "x": Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_NET_RAW"',
    ]);
    expect(top(result)?.runtime).toBe('Docker 1.11–18.09; the input reports Docker 18.6.3');
    expect(result.runtimes).toEqual(['Docker 18.6.3']);
  });

  it('keeps memory flat for a dump of many pods: a sample of their symptoms, the rest counted', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `web-${i}   0/1   CrashLoopBackOff   7   20m`);
    const result = journal(['NAME   READY   STATUS   RESTARTS   AGE', ...rows]);
    expect(result.diagnoses).toEqual([]);
    expect(result.symptoms).toHaveLength(48);
    expect(result.symptomsOmitted).toBe(252);
    expect(result.symptoms[47]?.line).toBe(49);
  });

  it('ranks a name the runtime refused above a failure that needed another capability', () => {
    const result = journal([
      'chown: /data: Operation not permitted',
      'Error: failed to start container "x": Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_NET_RAW"',
    ]);
    expect(result.diagnoses.map((d) => d.signature)).toEqual(['docker-legacy-unknown-cap-add', 'chown-eperm']);
  });

  it('streams: an input pushed line by line gives the same result as the whole text', () => {
    const [input] = fixture('describe-docker18.txt');
    const diagnoser = new Diagnoser();
    const reader = diagnoser.input(input?.file ?? '');
    for (const line of (input?.text ?? '').split('\n').slice(0, -1)) reader.push(line);
    reader.end();
    expect(diagnoser.finish()).toEqual(diagnoseTexts(fixture('describe-docker18.txt')));
  });
});

describe('diagnose: --manifest', () => {
  const incident = readFileSync(join(examples, 'elasticsearch-incident.yaml'), 'utf8');

  it('points the incident at line 51 of the manifest and gives the replacement', () => {
    const result = diagnoseTexts(fixture('docker18-messages.log'), { manifests: true });
    attachManifests(result, [{ file: 'examples/elasticsearch-incident.yaml', text: incident }]);
    expect(top(result)?.manifest).toEqual([
      {
        file: 'examples/elasticsearch-incident.yaml',
        line: 51,
        column: 17,
        replacement: 'SYS_RESOURCE',
        rule: 'cap-prefix',
        current: 'CAP_SYS_RESOURCE',
        container: 'es-cluster',
      },
    ]);
    expect(result.next).toEqual([]);
  });

  it('turns a failure that needed a capability into the manifest’s misspelling of it', () => {
    const result = diagnoseTexts([{ file: 'logs', text: 'runuser: cannot open session: Permission denied\n' }]);
    expect(top(result)?.rule).toBe('pam-limits-needs-sys-resource');
    attachManifests(result, [{ file: 'es.yaml', text: incident }]);
    const d = top(result);
    expect(d?.manifest.map((m) => [m.line, m.replacement])).toEqual([[51, 'SYS_RESOURCE']]);
    expect(d?.manifest[0]?.rule).toMatch(/^(?:cap-prefix|pam-limits-needs-sys-resource)$/);
    expect(d?.fix).toContain('SYS_RESOURCE');
  });

  it('leaves diagnoses without a matching finding alone', () => {
    const result = diagnoseTexts(fixture('nginx-nonroot.log'));
    const report = attachManifests(result, [{ file: 'es.yaml', text: incident }]);
    expect(top(result)?.manifest).toEqual([]);
    expect(report.problems).toEqual([]);
  });
});
