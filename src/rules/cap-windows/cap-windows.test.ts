import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const pod = (os: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: w
spec:
  os: {name: ${os}}
  containers:
    - name: iis
      image: iis
      securityContext:
        capabilities:
          drop: [ALL]
${extra}`;

describe('cap-windows', () => {
  it('reports a container capability block on a Windows pod with the API error', () => {
    const [finding, ...rest] = runRule('cap-windows', pod('windows'));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'error', line: 12, column: 11, endColumn: 22, container: 'iis' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities');
    expect(finding?.explanation).toBe(
      'spec.os.name is windows: the API server rejects the pod with ' +
        '`spec.containers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod` (from ' +
        'Kubernetes 1.24; IdentifyPodOS: alpha and off by default in 1.23, beta and on by default in 1.24, GA in ' +
        '1.25). Remove the capabilities block of container "iis".',
    );
    expect(finding?.fix).toBeUndefined();
  });

  it('ignores Linux pods, pods without spec.os and other spellings', () => {
    expect(runRule('cap-windows', pod('linux'))).toEqual([]);
    expect(runRule('cap-windows', pod('Windows'))).toEqual([]);
    expect(runRule('cap-windows', pod('windows').replace('  os: {name: windows}\n', ''))).toEqual([]);
  });

  it('is a warning on Kubernetes before 1.24, where nothing checks it', () => {
    for (const version of ['1.22', '1.23']) {
      const [finding] = runRule('cap-windows', pod('windows'), [`k8s@${version}`]);
      expect(finding?.severity).toBe('warning');
      expect(finding?.explanation).toContain(
        'container "iis" cannot use Linux capabilities: Windows containers have none.',
      );
      expect(finding?.explanation).toContain(`Kubernetes ${version} does not check this by default (IdentifyPodOS`);
      expect(finding?.explanation).not.toContain('Forbidden');
    }
  });

  it('is an error as soon as one targeted version enforces it, and says where it does not', () => {
    const [finding] = runRule('cap-windows', pod('windows'), ['k8s@1.22', 'k8s@1.24']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toMatch(
      /^spec\.os\.name is windows: on Kubernetes 1\.24, the API server rejects the pod/,
    );
    expect(finding?.explanation).toContain(
      'Kubernetes 1.22 does not check this by default; the lists are simply ignored',
    );
  });

  it('reports the pod-level block of a Windows pod too', () => {
    const text = pod('windows').replace(
      '  containers:\n',
      '  securityContext: {capabilities: {add: [NET_ADMIN]}}\n  containers:\n',
    );
    const findings = runRule('cap-windows', text);
    expect(findings.map((f) => [f.line, f.column, f.severity, f.path])).toEqual([
      [7, 35, 'error', 'spec.securityContext.capabilities'],
      [13, 11, 'error', 'spec.containers[0].securityContext.capabilities'],
    ]);
    expect(findings[0]?.explanation).toContain('pod-level securityContext, which has no capabilities field at all');
    expect(findings[0]?.container).toBeUndefined();
  });

  it('covers init and ephemeral containers and names template paths in controllers', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      os: {name: windows}
      containers:
        - name: web
          image: web
      initContainers:
        - name: init
          image: init
          securityContext: {capabilities: {drop: [ALL]}}
      ephemeralContainers:
        - name: debug
          image: debug
          securityContext: {capabilities: {add: [SYS_PTRACE]}}
`;
    const findings = runRule('cap-windows', deployment);
    expect(findings.map((f) => [f.line, f.column, f.container])).toEqual([
      [15, 43, 'init'],
      [19, 43, 'debug'],
    ]);
    expect(findings[0]?.explanation).toContain(
      'the API server rejects the Deployment (its pod template fails validation) with ' +
        '`spec.template.spec.initContainers[0].securityContext.capabilities: Forbidden',
    );
    expect(findings[1]?.explanation).toContain(
      'spec.template.spec.ephemeralContainers[0].securityContext.capabilities',
    );
  });
});
