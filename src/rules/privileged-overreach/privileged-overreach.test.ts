import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const ID = 'privileged-overreach';
const incident = readFileSync(
  new URL('../../../test/fixtures/needs/incident-d-privileged.yaml', import.meta.url),
  'utf8',
);

const pod = (command: string, context: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      command: ${command}
      securityContext:
${context}`;

describe('privileged-overreach', () => {
  it('the incident with privileged: true: SYS_RESOURCE is all it needs', () => {
    const [finding, ...rest] = runRule(ID, incident, ['containerd@1.6']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      path: 'spec.template.spec.containers[0].securityContext.privileged',
      container: 'es-cluster',
    });
    expect(finding?.explanation).toContain(
      'but the evidence needs only SYS_RESOURCE, plus SETGID and SETUID, which the runtime grants by default on every selected target',
    );
    expect(finding?.explanation).toContain('Remove privileged and add SYS_RESOURCE to capabilities.add.');
    expect(finding?.suggestion).toEqual({
      description: 'remove privileged and add SYS_RESOURCE to capabilities.add',
      edits: [
        { kind: 'remove-key', path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'] },
        {
          kind: 'add-key',
          path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities'],
          value: { add: ['SYS_RESOURCE'] },
        },
      ],
    });
  });

  it('with drop ALL, the defaults are gone once privileged is: they are suggested too', () => {
    const [finding] = runRule(
      ID,
      pod(
        '["sh", "-c", "chown 1000 /data && exec gosu 1000 /app"]',
        '        privileged: true\n        capabilities:\n          drop: [ALL]\n',
      ),
      ['docker@24'],
    );
    expect(finding?.explanation).toContain('the evidence needs only CHOWN, SETGID and SETUID:');
    expect(finding?.suggestion?.description).toBe(
      'remove privileged and add CHOWN, SETGID and SETUID to capabilities.add',
    );
  });

  it('a capability CRI-O lacks by default is suggested when CRI-O is a target', () => {
    const text = pod('["chroot", "/srv", "/app"]', '        privileged: true\n');
    expect(runRule(ID, text, ['docker@24'])[0]?.explanation).toContain(
      'Remove privileged: the runtime’s defaults cover it.',
    );
    expect(runRule(ID, text, ['docker@24', 'crio@1.25'])[0]?.explanation).toContain(
      'add SYS_CHROOT to capabilities.add',
    );
  });

  it('stays silent without evidence, and when the evidence needs privileged', () => {
    expect(runRule(ID, pod('["/csi-driver"]', '        privileged: true\n'))).toEqual([]);
    expect(runRule(ID, pod('["sysctl", "-w", "vm.max_map_count=262144"]', '        privileged: true\n'))).toEqual([]);
    expect(runRule(ID, pod('["mount", "-t", "tmpfs", "x", "/mnt"]', '        privileged: true\n'))).toEqual([]);
  });
});
