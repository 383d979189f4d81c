import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';

describe('cap-kernel', () => {
  it('reports PERFMON on Docker 20.10 with the CreateContainerError text', () => {
    const [finding, ...rest] = runRule('cap-kernel', pod('          add: [PERFMON]'), ['docker@20.10']);
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'error', line: 11, column: 17, endColumn: 24, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.explanation).toBe(
      'PERFMON (added in Linux 5.8) in the add list of container "app" is newer than the target can handle. ' +
        'On docker@20.10 (Docker 19.03–20.10): Docker 19.03–20.10 does not know PERFMON (added in Linux 5.8): the ' +
        'container fails at create with CreateContainerError: invalid CapAdd: unknown capability: "CAP_PERFMON". ' +
        'Upgrade the runtime or kernel of those nodes, or keep the entry off them.',
    );
    expect(finding?.targets).toEqual([expect.objectContaining({ target: 'docker@20.10', outcome: 'rejected' })]);
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion).toBeUndefined();
  });

  it('reports a drop of an unknown capability on Docker 20.10 as invalid CapDrop', () => {
    const [finding] = runRule('cap-kernel', pod('          drop: [BPF]'), ['docker@20.10']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('invalid CapDrop: unknown capability: "CAP_BPF"');
    expect(finding?.explanation).toContain('in the drop list of container "app"');
  });

  it('judges the canonical name whatever the spelling', () => {
    for (const spelling of ['cap_perfmon', 'Cap_Perfmon', 'CAP_PERFMON', 'perfmon']) {
      const [finding] = runRule('cap-kernel', pod(`          add: [${spelling}]`), ['docker@18.09']);
      expect(finding?.explanation).toContain(`PERFMON (written "${spelling}", added in Linux 5.8)`);
      // Not CAP_CAP_PERFMON: the prefix is cap-prefix's business.
      expect(finding?.explanation).toContain('Unknown capability to add: "CAP_PERFMON"');
      expect(finding?.explanation).not.toContain('CAP_CAP_');
    }
  });

  it('without targets, is a note: every current runtime knows PERFMON, only end-of-life ones do not', () => {
    // A 2025 eBPF DaemonSet: BPF and PERFMON are no error on the runtimes supported today.
    const [finding] = runRule('cap-kernel', pod('          add: [PERFMON]'));
    expect(finding?.severity).toBe('info');
    expect(finding?.explanation).toBe(
      'PERFMON (added in Linux 5.8) in the add list of container "app" is known to every current runtime. Also ' +
        'fails on Docker ≤18.09, Docker 19.03–20.10, containerd ≤1.2 and CRI-O 1.12–1.17 (end of life). Where ' +
        'it is accepted, the node still needs Linux 5.8 or later.',
    );
    expect(finding?.targets?.filter((t) => !t.legacy).every((t) => t.outcome === 'applied')).toBe(true);
  });

  it('with --target all, says where PERFMON breaks and where it works', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [PERFMON]'), ['all']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('newer than some targets can handle');
    expect(finding?.explanation).toContain(
      'The container fails with RunContainerError on Docker 1.2–1.10 and Docker 1.11–18.09 (Docker 1.2–1.10: ' +
        'Unknown capability to add: "PERFMON"); with CreateContainerError on Docker 19.03–20.10, containerd 1.1–1.2 ' +
        'and CRI-O 1.12–1.17 (Docker 19.03–20.10: invalid CapAdd: unknown capability: "CAP_PERFMON"); it works on ' +
        'Docker 23+, containerd 1.3+ with runc 1.0.0-rc93, containerd 1.3+ with runc ≥1.0.0-rc94, CRI-O 1.22+,',
    );
    expect(finding?.explanation).toContain('Where it is accepted, the node still needs Linux 5.8 or later.');
    expect(finding?.explanation).not.toContain('heuristic');
    expect(finding?.targets).toHaveLength(11);
    expect(finding?.targets?.find((t) => t.target === 'Docker 23+')?.outcome).toBe('applied');
  });

  it('does not judge kernel age without a kernel target', () => {
    for (const target of ['docker@24', 'crio@1.25', 'containerd@1.7', 'podman@5.6']) {
      expect(
        runRule('cap-kernel', pod('          add: [PERFMON, BPF, CHECKPOINT_RESTORE, AUDIT_READ]'), [target]),
      ).toEqual([]);
    }
  });

  it('reports a kernel that is too old, with the Docker 23+ message and the backport caveat', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [BPF]'), ['docker@24,kernel@5.4']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('BPF needs Linux 5.8; the target kernel is 5.4.0');
    expect(finding?.explanation).toContain(
      'invalid CapAdd: capability not supported by your kernel or not available in the current environment: "CAP_BPF"',
    );
    expect(finding?.explanation).toContain('enterprise kernels (RHEL 8’s 4.18, for example) may backport');
    expect(runRule('cap-kernel', pod('          add: [BPF]'), ['docker@24,kernel@5.8'])).toEqual([]);
  });

  it('words a kernel-refused drop on Docker 23+ as CapDrop', () => {
    const [finding] = runRule('cap-kernel', pod('          drop: [CHECKPOINT_RESTORE]'), ['docker@24,kernel@5.8']);
    expect(finding?.explanation).toContain('invalid CapDrop: capability not supported by your kernel');
    expect(finding?.explanation).not.toContain('invalid CapAdd');
  });

  it('reports AUDIT_READ on a 3.10 kernel (CentOS 7)', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [AUDIT_READ]'), ['crio@1.25,kernel@3.10']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('unknown capability "CAP_AUDIT_READ" to add');
    expect(runRule('cap-kernel', pod('          add: [AUDIT_READ]'), ['crio@1.25,kernel@3.16'])).toEqual([]);
  });

  it('says containerd with a current runc silently leaves the capability out on an old kernel', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [PERFMON]'), ['containerd@1.7,kernel@5.4']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('PERFMON is silently not granted');
    expect(finding?.targets?.[0]?.outcome).toBe('ignored');
  });

  it('leaves alone a drop that is skipped because the capability does not exist there', () => {
    expect(runRule('cap-kernel', pod('          drop: [PERFMON]'), ['containerd@1.7,kernel@5.4'])).toEqual([]);
    expect(runRule('cap-kernel', pod('          drop: [PERFMON]'), ['crio@1.25,kernel@5.4'])).toEqual([]);
  });

  it('fails with runc rc92 behind containerd; rc93 already knows BPF', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [BPF]'), ['containerd@1.5+runc@1.0.0-rc92']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'RunContainerError: OCI runtime create failed: … unknown capability "CAP_BPF"',
    );
    expect(runRule('cap-kernel', pod('          add: [BPF]'), ['containerd@1.5+runc@1.0.0-rc93'])).toEqual([]);
  });

  it('fails on CRI-O up to 1.20, whose capability list ends at AUDIT_READ', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [BPF]'), ['crio@1.20']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('unknown capability "CAP_BPF" to add');
    expect(finding?.targets?.[0]?.outcome).toBe('rejected');
    expect(runRule('cap-kernel', pod('          add: [BPF]'), ['crio@1.21'])).toEqual([]);
  });

  it('is only a warning when the OCI runtime behind containerd is not known', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [PERFMON]'), ['containerd@1.4']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('newer than the target may know');
    expect(finding?.targets?.[0]?.outcome).toBe('unknown');
  });

  it('asks prefix-only runtimes with the prefix, so only the age decides (rkt)', () => {
    const [finding] = runRule('cap-kernel', pod('          add: [PERFMON]'), ['rkt@1.30']);
    expect(finding?.explanation).toContain('rkt (rktnetes) does not know PERFMON');
    expect(finding?.explanation).toContain('Failed to parse capability CAP_PERFMON.');
    expect(finding?.explanation).not.toContain('needs the CAP_ prefix');
    expect(finding?.explanation).not.toContain('..');
    expect(runRule('cap-kernel', pod('          add: [SYS_ADMIN]'), ['rkt@1.30'])).toEqual([]);
  });

  it('ignores names that are not capabilities and old capabilities', () => {
    expect(runRule('cap-kernel', pod('          add: [CHOWN, ALL, CAP_ALL, NOPE, SYS_CONTROL]'))).toEqual([]);
  });

  it('checks compose services against Docker and Podman only', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    cap_add: [BPF]\n';
    const [finding] = runRule('cap-kernel', compose, ['all']);
    expect(finding).toMatchObject({ severity: 'error', line: 4, column: 15 });
    expect(finding?.explanation).toContain('compose service "web"');
    expect(finding?.targets?.map((t) => t.target)).toEqual([
      'Docker 1.2–1.10',
      'Docker 1.11–18.09',
      'Docker 19.03–20.10',
      'Docker 23+',
      'Podman before 4.4',
      'Podman 4.4.3+',
    ]);
    const [current] = runRule('cap-kernel', compose);
    expect(current?.severity).toBe('info');
  });

  it('names the PodSecurityPolicy field', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: bpf
spec:
  allowedCapabilities: [BPF]
`;
    const [finding] = runRule('cap-kernel', psp, ['docker@20.10']);
    expect(finding?.explanation).toContain('in the allowedCapabilities list of PodSecurityPolicy "bpf"');
    expect(finding?.object).toMatchObject({ kind: 'PodSecurityPolicy', name: 'bpf' });
  });
});
