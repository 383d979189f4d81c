import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';
import { resolveTarget } from '../../knowledge/targets.js';

const CAPS = ['spec', 'containers', 0, 'securityContext', 'capabilities'];

describe('cap-all', () => {
  it('explains lower-case all in drop through Pod Security restricted, with a safe fix', () => {
    const [finding, ...rest] = runRule('cap-all', pod('          drop: [all]'));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'warning', line: 11, column: 18, endColumn: 21, container: 'app' });
    expect(finding?.explanation).toBe(
      '"all" is ALL written in lower case. Runtimes accept ALL in any case. Pod Security admission’s restricted level ' +
        'requires exactly "ALL" in drop, so the pod fails it (must set securityContext.capabilities.drop=["ALL"]). Write ALL.',
    );
    expect(finding?.fix?.edits).toEqual([{ kind: 'replace-scalar', path: [...CAPS, 'drop', 0], value: 'ALL' }]);
    // Only CRI-O 1.11 up to its fix fails, and for ALL in any spelling (its defaults come back).
    const failing = finding?.targets?.filter((t) => t.outcome !== 'applied').map((t) => t.target);
    expect(failing).toEqual([resolveTarget('crio@1.17').label]);
  });

  it('says CAP_ALL in drop drops nothing on containerd and fails on Docker 19.03', () => {
    const [containerd] = runRule('cap-all', pod('          drop: [CAP_ALL]'), ['containerd@1.7']);
    expect(containerd?.severity).toBe('error');
    expect(containerd?.explanation).toContain('"CAP_ALL" is not ALL to runtimes');
    expect(containerd?.explanation).toContain('(looked up as CAP_CAP_ALL)');
    expect(containerd?.explanation).toContain('the capability is not dropped and stays in the container');
    expect(containerd?.explanation).toMatch(/Write ALL\.$/);
    expect(containerd?.targets?.[0]).toMatchObject({ target: 'containerd@1.7', outcome: 'ignored' });
    expect(containerd?.fix?.edits[0]).toMatchObject({ value: 'ALL' });
    const [docker] = runRule('cap-all', pod('          drop: [cap_all]'), ['docker@19.03']);
    expect(docker?.explanation).toContain('invalid CapDrop: unknown capability: "CAP_ALL"');
  });

  it('does not claim a restricted failure when the exact ALL is also listed', () => {
    const [finding] = runRule('cap-all', pod('          drop: [ALL, all]'), ['docker@24']);
    expect(finding?.explanation).toBe(
      '"all" is ALL written in lower case. Runtimes accept ALL in any case. Write ALL.',
    );
  });

  it('warns about ALL in add without a fix', () => {
    const [finding] = runRule('cap-all', pod('          add: [ALL]'), ['docker@24']);
    expect(finding).toMatchObject({ severity: 'warning', column: 17 });
    expect(finding?.explanation).toBe(
      'ALL in an add list grants every capability, close to running privileged: list the capabilities the container ' +
        'actually needs.',
    );
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion).toBeUndefined();
    expect(finding?.targets).toBeUndefined();
  });

  it('combines the spelling and the grant for all in add, still with a safe fix', () => {
    const [finding] = runRule('cap-all', pod('          add: [All]'), ['docker@24']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('"All" is ALL written in mixed case.');
    expect(finding?.explanation).toContain('ALL in an add list grants every capability');
    expect(finding?.explanation).toMatch(/If you keep it, write ALL\.$/);
    expect(finding?.fix?.edits[0]).toMatchObject({ value: 'ALL' });
  });

  it('offers CAP_ALL in add only as a suggestion, since ALL would grant everything', () => {
    const [finding] = runRule('cap-all', pod('          add: [CAP_ALL]'), ['containerd@1.7']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('the container starts, but the capability is silently not granted');
    expect(finding?.explanation).toContain('Written as ALL, it would grant every capability');
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion?.edits).toEqual([{ kind: 'replace-scalar', path: [...CAPS, 'add', 0], value: 'ALL' }]);
  });

  it('leaves ALL in drop, unknown and padded spellings alone', () => {
    expect(runRule('cap-all', pod('          drop: [ALL, " ALL", ALLL]\n          add: [NET_BIND_SERVICE]'))).toEqual(
      [],
    );
  });

  it('leaves runtime outcomes that do not depend on the spelling to other rules', () => {
    // CRI-O 1.11 up to its fix keeps its defaults after drop ALL in any spelling; rkt's handling of ALL is unknown.
    const [crio] = runRule('cap-all', pod('          drop: [all]'), ['crio@1.17']);
    expect(crio?.severity).toBe('warning');
    expect(crio?.explanation).not.toContain('CRI-O');
    expect(crio?.explanation).toContain('requires exactly "ALL" in drop');
    const [rkt] = runRule('cap-all', pod('          drop: [all]'), ['rkt@1.30']);
    expect(rkt?.explanation).not.toContain('rkt');
    expect(rkt?.targets?.[0]?.outcome).toBe('unknown');
  });

  it('explains PodSecurityPolicy lists', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: loose
spec:
  allowedCapabilities: [ALL]
  defaultAddCapabilities: [all]
  requiredDropCapabilities: [all]
`;
    const [allowed, defaults, required] = runRule('cap-all', psp, ['docker@24']);
    expect(allowed?.explanation).toBe(
      'Allowing ALL lets pods take every capability, close to running privileged: allow only the capabilities pods need.',
    );
    expect(defaults?.explanation).toContain('PodSecurityPolicy copies "all" as written into every container');
    expect(defaults?.explanation).toContain('to every container the policy admits');
    expect(required?.explanation).toContain(
      'a pod that drops ALL does not satisfy this entry, so the policy adds "all" to the pod\'s drop list as written.',
    );
    expect(required?.path).toBe('spec.requiredDropCapabilities[0]');
  });

  it('checks compose files with Docker and Podman, ignoring lower-case all in cap_drop', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    cap_drop: [all, CAP_ALL]\n';
    const findings = runRule('cap-all', compose, ['docker@18.09']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', line: 4, column: 21, path: 'services.web.cap_drop[1]' });
    expect(findings[0]?.explanation).toContain('linux spec capabilities: Unknown capability drop: "CAP_ALL"');
  });
});
