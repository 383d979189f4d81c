// Runtimes that refuse an unknown name in a drop list, and the CRI-O messages around the add check.
// Sources of the messages:
// - CRI-O: `failed to drop cap %s %v` (cri-o/cri-o@v1.0.0:server/container_create.go L729-736, the same
//   through v1.21, today internal/factory/container/container.go SpecSetupCapabilities), wrapping
//   runtime-tools' CapValid (`invalid capability: %s`, or `%s is not supported on the current host` with
//   the host-specific generator of CRI-O 1.0–1.9). Seen on OpenShift 4 with an SCC whose
//   requiredDropCapabilities held MCK: `Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK`.
//   opencontainers/runtime-tools#466 discusses the same refusal for a CRI-O drop of CAP_CAP_AUDIT_READ.
// - containerd 1.1–1.2: the CRI plugin's `failed to set capabilities %+v: %v` around the same CapValid,
//   which runtime-tools runs after removing a dropped name (containerd/cri@v1.0.0:pkg/server/
//   container_create.go; containerd/containerd@v1.2.0:vendor/.../runtime-tools/generate/generate.go
//   DropProcessCapabilityBounding). The capability lists are the CRI request printed with %+v.
// - CRI-O 1.11.0–1.11.1: `invalid capability %q, skipping...` (cri-o/cri-o@v1.11.0:server/container_create.go
//   L562-572); 1.11.2 returns `unknown capability %q to add` (cri-o/cri-o#1708).
import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import { type DiagnoseResult, diagnoseTexts } from './index.js';
import { attachManifests } from './manifest.js';

const run = (text: string) => diagnoseTexts([{ file: 'events.txt', text: `${text}\n` }]);
const summary = (result: DiagnoseResult) =>
  result.diagnoses.map((d) => [d.rule, d.signature, d.capability, d.confidence] as const);
const ids = (line: string) =>
  classify(line, { file: 't', line: 1, text: line }).observations.map((o) => o.signature.id);

describe('diagnose: CRI-O refusing a dropped name', () => {
  it('the OpenShift report: an unknown name in a drop list, told as the entry to correct or remove', () => {
    const result = run('Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK');
    expect(summary(result)).toEqual([['cap-unknown', 'crio-failed-to-drop-cap', null, 'high']]);
    const d = result.diagnoses[0];
    expect(d?.summary).toBe('"CAP_MCK" is not a Linux capability, and CRI-O refuses to create the container.');
    expect(d?.fix).toBe(
      'Correct "MCK" or "CAP_MCK" in securityContext.capabilities.drop, or remove the entry; if the manifest does not drop it, look at the requiredDropCapabilities of the SecurityContextConstraints or PodSecurityPolicy that admitted the pod.',
    );
  });

  it('is not read as containerd’s message, although it ends in runtime-tools’ words', () => {
    expect(ids('Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK')).toEqual(['crio-failed-to-drop-cap']);
  });

  it('a typo in drop: the capability meant, in the drop list', () => {
    const result = run(
      'Warning  Failed     3s (x2 over 4s)  kubelet  Error: failed to drop cap CAP_NET_RAWW invalid capability: CAP_NET_RAWW',
    );
    expect(summary(result)).toEqual([['cap-unknown', 'crio-failed-to-drop-cap', 'NET_RAW', 'high']]);
    expect(result.diagnoses[0]?.fix).toBe('Replace "CAP_NET_RAWW" with NET_RAW in securityContext.capabilities.drop.');
  });

  it('a prefix written twice: CRI-O adds one only when it is missing', () => {
    const result = run('Error: failed to drop cap CAP_CAP_KILL invalid capability: CAP_CAP_KILL');
    expect(summary(result)).toEqual([['cap-prefix', 'crio-failed-to-drop-cap', 'KILL', 'high']]);
    expect(result.diagnoses[0]?.summary).toBe(
      '"CAP_CAP_KILL" carries the CAP_ prefix twice: CRI-O takes one prefix but not two and refuses to create the container. Write KILL.',
    );
    expect(result.diagnoses[0]?.fix).toContain('instead of "CAP_CAP_KILL" in securityContext.capabilities.drop');
  });

  it('a name CRI-O’s capability library does not know (up to 1.20 it ends at AUDIT_READ)', () => {
    const result = run('Error: failed to drop cap CAP_BPF invalid capability: CAP_BPF');
    expect(summary(result)).toEqual([['cap-kernel', 'crio-failed-to-drop-cap', 'BPF', 'high']]);
    expect(result.diagnoses[0]?.summary).toBe(
      'CRI-O does not know BPF (CRI-O up to 1.20 uses a capability list that ends at AUDIT_READ; 1.21 knows it), and refuses to create the container.',
    );
    expect(result.diagnoses[0]?.fix).toMatch(/^Remove BPF from the list/);
  });

  it('CRI-O 1.0–1.9 also check a drop against the node’s kernel', () => {
    const result = run(
      'Failed to create container with error: rpc error: code = 2 desc = failed to drop cap CAP_AUDIT_READ CAP_AUDIT_READ is not supported on the current host',
    );
    expect(summary(result)).toEqual([['cap-kernel', 'crio-failed-to-drop-cap', 'AUDIT_READ', 'high']]);
    expect(result.diagnoses[0]?.summary).toMatch(/^CRI-O 1\.0–1\.9 does not know AUDIT_READ \(it needs Linux 3\.16/);
  });

  it('with --manifest: the drop entry and its replacement', () => {
    const result = run('Error: failed to drop cap CAP_NET_RAWW invalid capability: CAP_NET_RAWW');
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: agent}',
      'spec:',
      '  containers:',
      '  - name: agent',
      '    image: busybox',
      '    securityContext:',
      '      capabilities:',
      '        drop: [NET_RAWW]',
      '',
    ].join('\n');
    attachManifests(result, [{ file: 'pod.yaml', text: manifest }]);
    expect(result.diagnoses[0]?.manifest.map((m) => [m.line, m.current, m.replacement])).toEqual([
      [10, 'NET_RAWW', 'NET_RAW'],
    ]);
  });
});

describe('diagnose: containerd 1.1–1.2 refusing a dropped name', () => {
  it('drop: [CAP_KILL] becomes CAP_CAP_KILL: the request’s lists say it was a drop', () => {
    const result = run(
      'Error: failed to generate container "4f2a9c" spec: failed to set capabilities &Capability{AddCapabilities:[],DropCapabilities:[CAP_KILL],}: invalid capability: CAP_CAP_KILL',
    );
    expect(summary(result)).toEqual([['cap-prefix', 'containerd-cri-invalid-capability', 'KILL', 'high']]);
    const d = result.diagnoses[0];
    expect(d?.summary).toBe(
      '"CAP_KILL" carries the CAP_ prefix: containerd 1.1–1.2 adds another and looks for CAP_CAP_KILL, which does not exist, and refuses to create the container. Write KILL.',
    );
    expect(d?.fix).toBe(
      'Write KILL instead of "CAP_KILL" in securityContext.capabilities.drop of container "4f2a9c"; Kubernetes names have no CAP_ prefix and are upper case.',
    );
  });

  it('a typo in drop next to a valid add: the list that holds it', () => {
    const result = run(
      'failed to generate container "4f2a9c" spec: failed to set capabilities &Capability{AddCapabilities:[NET_ADMIN],DropCapabilities:[KILLL],}: invalid capability: CAP_KILLL',
    );
    expect(summary(result)).toEqual([['cap-unknown', 'containerd-cri-invalid-capability', 'KILL', 'high']]);
    expect(result.diagnoses[0]?.fix).toBe(
      'Replace "KILLL" with KILL in securityContext.capabilities.drop of container "4f2a9c".',
    );
  });

  it('an add stays an add', () => {
    const result = run(
      'failed to generate container "4f2a9c" spec: failed to set capabilities &Capability{AddCapabilities:[CAP_SYS_RESOURCE],DropCapabilities:[],}: invalid capability: CAP_CAP_SYS_RESOURCE',
    );
    expect(summary(result)).toEqual([['cap-prefix', 'containerd-cri-invalid-capability', 'SYS_RESOURCE', 'high']]);
    expect(result.diagnoses[0]?.fix).toContain('in securityContext.capabilities.add of container "4f2a9c"');
  });

  it('the same name in both lists does not decide the list', () => {
    const result = run(
      'failed to set capabilities &Capability{AddCapabilities:[CAP_KILL],DropCapabilities:[CAP_KILL],}: invalid capability: CAP_CAP_KILL',
    );
    expect(result.diagnoses[0]?.fix).toContain('securityContext.capabilities.add');
  });
});

describe('diagnose: CRI-O’s add check by release', () => {
  it('1.11.0–1.11.1 skip an unknown added name with a warning: the container runs without it', () => {
    const result = run(
      'time="2018-07-20 10:11:12Z" level=warning msg="invalid capability \\"NET_ADMINN\\", skipping..."',
    );
    expect(summary(result)).toEqual([['cap-unknown', 'crio-invalid-capability-skipped', 'NET_ADMIN', 'high']]);
    expect(result.diagnoses[0]?.summary).toBe(
      '"NET_ADMINN" is not a Linux capability (NET_ADMIN was probably meant), and CRI-O 1.11.0–1.11.1 leaves it out: the container runs without the capability.',
    );
    expect(ids('invalid capability "NET_ADMINN", skipping...')).toEqual(['crio-invalid-capability-skipped']);
  });

  it('1.0–1.10 return runtime-tools’ refusal of an added name, labelled with both runtimes', () => {
    const result = run('Error: invalid capability: CAP_NET_ADMINN');
    expect(summary(result)).toEqual([['cap-unknown', 'containerd-cri-invalid-capability', 'NET_ADMIN', 'high']]);
    expect(result.diagnoses[0]?.summary).toContain('containerd 1.1–1.2 (or CRI-O 1.0–1.10)');
  });

  it('1.11.2 and later say "unknown capability … to add"', () => {
    const result = run('Error: unknown capability "CAP_NET_ADMINN" to add');
    expect(result.diagnoses[0]?.summary).toContain('CRI-O 1.11.2 or later refuses to create the container');
  });
});
