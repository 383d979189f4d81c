import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';

const CAPS = ['spec', 'containers', 0, 'securityContext', 'capabilities'];

describe('cap-duplicate', () => {
  it('reports the second occurrence and removes it', () => {
    const [finding, ...rest] = runRule('cap-duplicate', pod('          add: [NET_RAW, SYS_TIME, NET_RAW]'));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'warning', line: 11, column: 36, endColumn: 43, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[2]');
    expect(finding?.explanation).toBe(
      'NET_RAW is already listed at add[0]. Repeating a capability grants or drops nothing more (the kernel keeps ' +
        'capabilities as a set of bits), but it is noise in reviews and diffs. Remove this entry.',
    );
    expect(finding?.fix?.edits).toEqual([{ kind: 'remove-item', path: [...CAPS, 'add', 2] }]);
    expect(finding?.targets).toBeUndefined();
  });

  it('compares normalised names and keeps the best spelling', () => {
    const findings = runRule(
      'cap-duplicate',
      pod('          drop:\n            - CAP_NET_RAW\n            - net_raw\n            - NET_RAW'),
    );
    expect(findings.map((f) => [f.line, f.path])).toEqual([
      [12, 'spec.containers[0].securityContext.capabilities.drop[0]'],
      [13, 'spec.containers[0].securityContext.capabilities.drop[1]'],
    ]);
    expect(findings[0]?.explanation).toContain(
      '"CAP_NET_RAW" names NET_RAW, which is also listed as "NET_RAW" at drop[2].',
    );
    expect(findings[1]?.explanation).toContain(
      '"net_raw" names NET_RAW, which is also listed as "NET_RAW" at drop[2].',
    );
    expect(findings.map((f) => f.fix?.edits[0])).toEqual([
      { kind: 'remove-item', path: [...CAPS, 'drop', 0] },
      { kind: 'remove-item', path: [...CAPS, 'drop', 1] },
    ]);
  });

  it('keeps a working lower-case name over a prefixed one, so removing never loses a drop on containerd', () => {
    const [finding] = runRule('cap-duplicate', pod('          drop: [CAP_NET_RAW, net_raw]'));
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.drop[0]');
    expect(finding?.explanation).toContain('which is also listed as "net_raw" at drop[1]');
  });

  it('treats ALL in any spelling as one entry', () => {
    const [finding] = runRule('cap-duplicate', pod('          drop: [ALL, All]'));
    expect(finding?.explanation).toContain('"All" names ALL again, already listed as "ALL" at drop[0].');
  });

  it('does not compare across lists, owners or unknown names', () => {
    const caps = '          add: [NET_ADMIN, FOO, FOO]\n          drop: [NET_ADMIN]';
    expect(runRule('cap-duplicate', pod(caps))).toEqual([]);
  });

  it('explains PodSecurityPolicy sets and hedges for SCC', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: p
spec:
  allowedCapabilities: [AUDIT_WRITE, KILL, AUDIT_WRITE]
`;
    const [finding] = runRule('cap-duplicate', psp);
    expect(finding).toMatchObject({ line: 6, column: 44, path: 'spec.allowedCapabilities[2]' });
    expect(finding?.object).toMatchObject({ kind: 'PodSecurityPolicy', name: 'p' });
    expect(finding?.explanation).toContain(
      'PodSecurityPolicy turns the list into a set, so the repeat changes nothing',
    );
    const scc =
      'apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata: {name: s}\nallowedCapabilities: [KILL, KILL]\n';
    expect(runRule('cap-duplicate', scc)[0]?.explanation).toContain('not verified for SCC');
  });

  it('checks compose services', () => {
    const [finding] = runRule('cap-duplicate', 'services:\n  ping:\n    image: x\n    cap_add: [NET_RAW, NET_RAW]\n');
    expect(finding).toMatchObject({ line: 4, column: 24, path: 'services.ping.cap_add[1]' });
    expect(finding?.explanation).toMatch(/^NET_RAW is already listed at cap_add\[0\]\./);
  });
});
