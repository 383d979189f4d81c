import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const ID = 'pam-limits-needs-sys-resource';

const incident = (securityContext: string, limits = '* hard memlock unlimited') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: esc-config
data:
  limits.conf: |
    * soft memlock unlimited
    ${limits}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: esc-data
spec:
  template:
    spec:
      containers:
        - name: es-cluster
          image: elasticsearch:7.5.1
          command: ["/bin/sh", "-c"]
          args:
            - exec runuser -u elasticsearch -- /usr/share/elasticsearch/bin/elasticsearch
${securityContext}
          volumeMounts:
            - name: config
              mountPath: /etc/security/limits.conf
              subPath: limits.conf
      volumes:
        - name: config
          configMap:
            name: esc-config
`;

const prefixed = '          securityContext:\n            capabilities:\n              add: [CAP_SYS_RESOURCE]';
const granted = '          securityContext:\n            capabilities:\n              add: [SYS_RESOURCE]';

describe('pam-limits-needs-sys-resource', () => {
  it('reports the runuser line with the limits.conf evidence when no capability is added', () => {
    const [finding, ...rest] = runRule(ID, incident(''), ['containerd@1.6']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      line: 22,
      column: 15,
      path: 'spec.template.spec.containers[0].args[0]',
      container: 'es-cluster',
      object: { kind: 'StatefulSet', name: 'esc-data' },
    });
    expect(finding?.explanation).toBe(
      'When `exec runuser -u elasticsearch -- /usr/share/elasticsearch/bin/elasticsearch` opens its PAM session, ' +
        'pam_limits raises the hard RLIMIT_MEMLOCK to unlimited: `* hard memlock unlimited` in ConfigMap/esc-config ' +
        '"limits.conf", mounted at /etc/security/limits.conf. Raising a hard limit needs SYS_RESOURCE in the process ' +
        'that runs runuser: it does not hold SYS_RESOURCE on containerd@1.6 (containerd 1.3+ with runc ≥1.0.0-rc94): ' +
        'it is not in containerd 1.3+’s default set and nothing adds it. Expect `runuser: cannot open session: ' +
        'Permission denied` where the image’s pam_limits is upstream Linux-PAM; Debian and Ubuntu patch it to only ' +
        'log, so the session opens and the limit silently stays at the runtime’s value. Add SYS_RESOURCE to ' +
        'capabilities.add, or remove or lower the line in limits.conf.',
    );
  });

  it('locates the evidence: the limits.conf line in the ConfigMap and the command', () => {
    const [finding] = runRule(ID, incident(''), ['containerd@1.6']);
    expect(finding?.evidence).toEqual([
      {
        text: '* hard memlock unlimited',
        label: 'ConfigMap/esc-config "limits.conf", mounted at /etc/security/limits.conf',
        path: 'data["limits.conf"]',
        line: 8,
        column: 5,
      },
      {
        text: 'exec runuser -u elasticsearch -- /usr/share/elasticsearch/bin/elasticsearch',
        label: 'args[0]',
        path: 'spec.template.spec.containers[0].args[0]',
        line: 22,
        column: 15,
      },
    ]);
  });

  it('suggests adding SYS_RESOURCE, creating securityContext when there is none', () => {
    const [finding] = runRule(ID, incident(''), ['containerd@1.6']);
    expect(finding?.suggestion).toEqual({
      description: 'add SYS_RESOURCE to capabilities.add',
      edits: [
        {
          kind: 'add-key',
          path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext'],
          value: { capabilities: { add: ['SYS_RESOURCE'] } },
        },
      ],
    });
  });

  it('on containerd@1.6 with CAP_SYS_RESOURCE: the capability is silently not granted', () => {
    const [finding] = runRule(ID, incident(prefixed), ['containerd@1.6']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'the add entry "CAP_SYS_RESOURCE" is silently not granted (looked up as CAP_CAP_SYS_RESOURCE)',
    );
    expect(finding?.explanation).toContain('Write the entry as SYS_RESOURCE (see cap-prefix)');
    expect(finding?.suggestion).toBeUndefined();
    expect(finding?.targets).toEqual([
      {
        target: 'containerd@1.6',
        outcome: 'ignored',
        detail: 'the add entry "CAP_SYS_RESOURCE" is silently not granted (looked up as CAP_CAP_SYS_RESOURCE)',
        list: 'need',
      },
    ]);
  });

  it('on docker@18.06 with CAP_SYS_RESOURCE the container does not start: nothing to say', () => {
    expect(runRule(ID, incident(prefixed), ['docker@18.06'])).toEqual([]);
  });

  it('with SYS_RESOURCE: nothing, on every target of the matrix', () => {
    expect(runRule(ID, incident(granted))).toEqual([]);
    expect(runRule(ID, incident(granted), ['docker@19.03', 'containerd@1.6'])).toEqual([]);
  });

  it('without a target, groups the current runtimes: where it fails and where it works', () => {
    const [finding] = runRule(ID, incident(prefixed));
    // The incident stays an error: containerd, the default runtime today, does not grant CAP_SYS_RESOURCE.
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'it does not hold SYS_RESOURCE on containerd 1.3+ with runc ≥1.0.0-rc94: the add entry "CAP_SYS_RESOURCE" is silently not granted',
    );
    expect(finding?.explanation).toContain('it does on Docker 23+, CRI-O 1.22+ and Podman 4.4.3+');
    expect(finding?.targets?.map((t) => `${t.target} ${t.outcome}`)).toEqual([
      'Docker 23+ applied',
      'containerd 1.3+ with runc ≥1.0.0-rc94 ignored',
      'CRI-O 1.22+ applied',
      'Podman 4.4.3+ applied',
    ]);
    // With the end-of-life runtimes brought back, Docker ≤18.09 does not even start the container.
    const [all] = runRule(ID, incident(prefixed), ['all']);
    expect(all?.explanation).toContain('the container does not start on Docker 1.2–1.10, Docker 1.11–18.09');
  });

  it('is a warning when the value may be within the container’s limit (nofile)', () => {
    const [finding] = runRule(ID, incident('', '* hard nofile 1048576'), ['containerd@1.6']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('raises the hard RLIMIT_NOFILE to 1048576');
    expect(finding?.explanation).toContain('That may be above the limit the container starts with');
  });

  it('ignores soft-only raises, values within the limit and gosu (no PAM)', () => {
    expect(runRule(ID, incident('', '* hard memlock 64'), ['containerd@1.6'])).toEqual([]);
    expect(runRule(ID, incident('', '* soft nofile 1048576'), ['containerd@1.6'])).toEqual([]);
    const gosu = incident('').replace('runuser -u elasticsearch --', 'gosu elasticsearch');
    expect(runRule(ID, gosu, ['containerd@1.6'])).toEqual([]);
  });

  it('says a non-root opener cannot open the session', () => {
    const text = incident('          securityContext:\n            runAsUser: 1000');
    const [finding] = runRule(ID, text, ['containerd@1.6']);
    expect(finding?.explanation).toContain('runuser runs as uid 1000 (runAsUser: 1000 (container)) here');
  });
});
