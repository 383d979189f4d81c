import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';

describe('cap-case', () => {
  it('names Pod Security baseline for a lower-case name it allows in upper case', () => {
    const [finding, ...rest] = runRule('cap-case', pod('          add: [chown]'));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'warning', line: 11, column: 17, endColumn: 22, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.explanation).toBe(
      '"chown" is not upper case. Runtimes upper-case it or ignore case, so the container gets CHOWN. Pod Security ' +
        'admission compares names exactly: the baseline level refuses "chown" even though CHOWN is allowed. Write CHOWN.',
    );
    expect(finding?.fix?.edits).toEqual([
      {
        kind: 'replace-scalar',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 0],
        value: 'CHOWN',
      },
    ]);
    expect(finding?.suggestion).toBeUndefined();
    expect(finding?.targets).toHaveLength(11);
    expect(finding?.targets?.every((t) => t.outcome === 'applied')).toBe(true);
  });

  it('names both levels for NET_BIND_SERVICE, and exact-match policies for a name PSS never allows', () => {
    const [bind, time] = runRule('cap-case', pod('          add: [Net_Bind_Service, sys_time]'), ['docker@24']);
    expect(bind?.explanation).toContain('the baseline and restricted levels refuse "Net_Bind_Service"');
    expect(time?.explanation).toContain('Policies that allow SYS_TIME by name and compare exactly');
    expect(time?.fix?.edits[0]).toMatchObject({ value: 'SYS_TIME' });
  });

  it('explains drop lists through policies that require the drop', () => {
    const [finding] = runRule('cap-case', pod('          drop:\n            - net_raw'), ['containerd@1.7']);
    expect(finding).toMatchObject({ severity: 'warning', line: 12, column: 15 });
    expect(finding?.explanation).toContain('so the container loses NET_RAW');
    expect(finding?.explanation).toContain('A policy that requires NET_RAW to be dropped and compares names exactly');
  });

  it('is an error where a target refuses it, and says upper case does not help on rkt', () => {
    const [finding] = runRule('cap-case', pod('          add: [sys_time]'), ['rkt@1.30']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('rkt (rktnetes) needs the CAP_ prefix');
    expect(finding?.explanation).toContain(
      'Upper case does not help on rkt@1.30 (rkt (rktnetes)): SYS_TIME fails there too; it needs CAP_SYS_TIME.',
    );
    expect(finding?.targets?.[0]).toMatchObject({ target: 'rkt@1.30', outcome: 'rejected' });
  });

  it('stays a note when no spelling works, e.g. BPF on an old kernel', () => {
    const [finding] = runRule('cap-case', pod('          add: [bpf]'), ['docker@24,kernel@4.19']);
    // Nothing that exists compares BPF exactly in an add list (baseline refuses it in any spelling).
    expect(finding?.severity).toBe('info');
    expect(finding?.explanation).toContain(
      'Runtimes upper-case it or ignore case: wherever BPF works, "bpf" works too.',
    );
    expect(finding?.explanation).not.toContain('kernel');
  });

  it('explains PodSecurityPolicy exact matching per field', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: ptrace
spec:
  allowedCapabilities: [sys_ptrace]
  requiredDropCapabilities: [net_raw]
`;
    const [allowed, required] = runRule('cap-case', psp, ['docker@24']);
    expect(allowed?.explanation).toBe(
      '"sys_ptrace" is not upper case. PodSecurityPolicy compares names exactly: this entry admits pods that write ' +
        '"sys_ptrace" and refuses pods that write SYS_PTRACE. Write SYS_PTRACE.',
    );
    expect(allowed?.targets).toBeUndefined();
    expect(allowed?.object).toMatchObject({ kind: 'PodSecurityPolicy', name: 'ptrace' });
    expect(required?.explanation).toContain(
      'a pod that drops NET_RAW does not satisfy this entry, so the policy adds "net_raw" to the pod\'s drop list as written.',
    );
  });

  it('leaves compose files alone unless a runtime breaks', () => {
    expect(runRule('cap-case', 'services:\n  web:\n    image: nginx\n    cap_add: [net_admin]\n')).toEqual([]);
  });

  it('checks Helm values and every container group', () => {
    const values = 'agent:\n  containerSecurityContext:\n    capabilities:\n      drop: [kill]\n';
    const [finding] = runRule('cap-case', values, ['docker@24']);
    expect(finding).toMatchObject({ line: 4, column: 14, path: 'agent.containerSecurityContext.capabilities.drop[0]' });
    const ephemeral = pod('          add: [CHOWN]').replace(
      'spec:\n  containers:',
      'spec:\n  ephemeralContainers:\n    - name: dbg\n      securityContext: {capabilities: {add: [sys_ptrace]}}\n  containers:',
    );
    const [debug] = runRule('cap-case', ephemeral, ['docker@24']);
    expect(debug).toMatchObject({ line: 8, container: 'dbg' });
  });

  it('leaves upper-case, prefixed, padded, unknown names and ALL to other rules', () => {
    const caps = '          add: [CHOWN, cap_chown, CAP_CHOWN, " chown", chowns]\n          drop: [all, All, cap_all]';
    expect(runRule('cap-case', pod(caps))).toEqual([]);
  });

  it('is a warning only where something real compares the name exactly', () => {
    const severity = (caps: string) => runRule('cap-case', pod(caps), ['docker@29'])[0]?.severity;
    expect(severity('          add: [chown]')).toBe('warning'); // baseline allows CHOWN, refuses "chown"
    expect(severity('          drop: [net_raw]')).toBe('warning'); // drop-NET_RAW policies
    expect(severity('          drop: [net_admin]')).toBe('info'); // no policy known to require it
    expect(severity('          add: [sys_time]')).toBe('info'); // above baseline in any spelling
  });
});
