import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
    capabilities:
      add: [NET_ADMIN]
      drop: [ALL]
  containers:
    - name: app
      image: app
    - name: sidecar
      image: sidecar
  initContainers:
    - name: init
      image: init
`;

describe('cap-pod-level', () => {
  it('reports the pod-level block at the capabilities node, with every fate and the containers', () => {
    const [finding, ...rest] = runRule('cap-pod-level', pod);
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'error', line: 9, column: 7, endColumn: 23 });
    expect(finding?.path).toBe('spec.securityContext.capabilities');
    expect(finding?.container).toBeUndefined();
    expect(finding?.object).toMatchObject({ kind: 'Pod', name: 'p' });
    expect(finding?.explanation).toBe(
      'The pod-level securityContext (PodSecurityContext) has no capabilities field. Depending on client and server ' +
        'it is dropped silently (API servers before 1.25, fieldValidation=Ignore, clients that do not validate), ' +
        'dropped with the warning `unknown field "spec.securityContext.capabilities"` (1.25+ servers, the default ' +
        'for plain API clients), or refused (kubectl 1.24+ with its default --validate=strict against a 1.25+ ' +
        'server: `strict decoding error: unknown field "spec.securityContext.capabilities"`). Either way the lists ' +
        'never reach a container: add: [NET_ADMIN] grants nothing; drop: [ALL] removes nothing from any container. ' +
        'Set them in the securityContext of each container that needs them: "app", "sidecar", init container "init".',
    );
    // The fix removes the pod-level field and merges the lists into every container.
    expect(finding?.fix?.edits[0]).toEqual({ kind: 'remove-key', path: ['spec', 'securityContext', 'capabilities'] });
    expect(finding?.fix?.edits.slice(1).map((e) => e.kind)).toEqual(expect.arrayContaining(['add-key']));
    expect(finding?.suggestion).toBeUndefined();
  });

  it('says the field is dropped silently on an API server before 1.25', () => {
    const [finding] = runRule('cap-pod-level', pod, ['k8s@1.22']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('On Kubernetes 1.22 the API server drops it without a word');
    expect(finding?.explanation).not.toContain('strict decoding error');
  });

  it('says kubectl refuses it from 1.25', () => {
    const [finding] = runRule('cap-pod-level', pod, ['k8s@1.25']);
    expect(finding?.explanation).toContain(
      'On Kubernetes 1.25 kubectl 1.24+ refuses it with its default --validate=strict (`strict decoding error: ' +
        'unknown field "spec.securityContext.capabilities"`); other API clients get the warning',
    );
    expect(finding?.explanation).not.toContain('without a word');
  });

  it('covers both cases when old and new clusters are targeted', () => {
    const [finding] = runRule('cap-pod-level', pod, ['k8s@1.30', 'k8s@1.24']);
    const message = finding?.explanation ?? '';
    expect(message.indexOf('On Kubernetes 1.24 the API server')).toBeGreaterThan(0);
    expect(message.indexOf('On Kubernetes 1.30 kubectl')).toBeGreaterThan(message.indexOf('On Kubernetes 1.24'));
  });

  it('names the template field path in controllers', () => {
    const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {capabilities: {drop: [NET_RAW]}}
          containers:
            - name: job
              image: job
`;
    const [finding] = runRule('cap-pod-level', cronJob, ['k8s@1.29']);
    expect(finding).toMatchObject({ line: 11, column: 43 });
    expect(finding?.path).toBe('spec.jobTemplate.spec.template.spec.securityContext.capabilities');
    expect(finding?.explanation).toContain(
      'unknown field "spec.jobTemplate.spec.template.spec.securityContext.capabilities"',
    );
    expect(finding?.explanation).toContain('drop: [NET_RAW] removes nothing');
    expect(finding?.explanation).toContain('container that needs them: "job".');
  });

  it('ignores container-level capabilities and other pod-level fields', () => {
    const ok = pod
      .replace('    capabilities:\n      add: [NET_ADMIN]\n      drop: [ALL]\n', '    fsGroup: 2000\n')
      .replace('      image: app\n', '      image: app\n      securityContext: {capabilities: {drop: [ALL]}}\n');
    expect(runRule('cap-pod-level', ok)).toEqual([]);
  });
});
