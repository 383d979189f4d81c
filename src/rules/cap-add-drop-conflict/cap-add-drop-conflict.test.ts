import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';
import { resolveTarget } from '../../knowledge/targets.js';

/** Engine labels come from the knowledge data, which names version ranges. */
const engine = (target: string) => resolveTarget(target).engine?.label;

const CONFLICT = '          add: [NET_ADMIN]\n          drop: [NET_ADMIN]';

describe('cap-add-drop-conflict', () => {
  it('says Docker keeps it: a warning where no target refuses', () => {
    const [finding, ...rest] = runRule('cap-add-drop-conflict', pod(CONFLICT), ['docker@24']);
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'warning', line: 11, column: 17, endColumn: 26, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.explanation).toBe(
      'NET_ADMIN is both added (add[0]) and dropped (drop[0]). On docker@24 (Docker 23+): Docker removes the dropped ' +
        'names from its defaults first and then appends the added ones, so the container keeps it (add wins). Keep it ' +
        'in one list: add if the container needs it, drop if it must not have it.',
    );
    expect(finding?.targets).toEqual([
      {
        target: 'docker@24',
        outcome: 'applied',
        list: 'add',
        detail: 'Docker removes the dropped names from its defaults first and then appends the added ones',
      },
    ]);
    expect(finding?.fix).toBeUndefined();
  });

  it('says containerd drops it', () => {
    const [finding] = runRule('cap-add-drop-conflict', pod(CONFLICT), ['containerd@1.7']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain(
      'containerd applies the drop list after the add list, so the container loses it',
    );
    expect(finding?.targets?.[0]).toMatchObject({ outcome: 'ignored' });
  });

  it('is an error when Podman is a target, with its own message', () => {
    const [finding] = runRule('cap-add-drop-conflict', pod(CONFLICT), ['docker@24', 'podman@5']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'On docker@24 (Docker 23+) the container keeps it (add wins); on podman@5 (Podman 4.4.3+) the container is refused ' +
        '(capability "CAP_NET_ADMIN" cannot be dropped and added).',
    );
    expect(finding?.targets?.map((t) => t.outcome)).toEqual(['applied', 'rejected']);
  });

  it('knows the CRI-O order from 1.0 on, read in each release’s own source', () => {
    for (const spec of ['crio@1.0', 'crio@1.10', 'crio@1.11', 'crio@1.14']) {
      const [finding] = runRule('cap-add-drop-conflict', pod(CONFLICT), [spec]);
      expect(finding?.targets?.[0]?.outcome, spec).toBe('ignored');
      expect(finding?.explanation, spec).toContain('CRI-O applies the drop list after the add list');
      expect(finding?.explanation, spec).not.toContain('assumed');
    }
  });

  it('summarises the built-in matrix by engine', () => {
    const [finding] = runRule('cap-add-drop-conflict', pod(CONFLICT));
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      `on ${engine('containerd@2.2')} and ${engine('crio@1.36')} the container loses it (drop wins)`,
    );
    expect(finding?.explanation).toContain(
      `on ${engine('podman@5.6')} the container is refused (capability "CAP_NET_ADMIN" cannot be dropped and added)`,
    );
    // End-of-life runtimes are only context: in the targets, not in the sentence.
    expect(finding?.explanation).not.toContain('Docker 1.2–1.10');
    expect(finding?.targets).toHaveLength(11);
    expect(finding?.targets?.filter((t) => t.legacy)).toHaveLength(7);
  });

  it('compares normalised names and names both spellings', () => {
    const [finding] = runRule(
      'cap-add-drop-conflict',
      pod('          add: [sys_admin]\n          drop: [CAP_SYS_ADMIN]'),
      ['docker@24'],
    );
    expect(finding?.explanation).toMatch(
      /^"sys_admin" \(add\[0\]\) and "CAP_SYS_ADMIN" \(drop\[0\]\) add and drop the same capability, SYS_ADMIN\./,
    );
  });

  it('does not treat drop ALL + add or add ALL + drop as conflicts', () => {
    expect(runRule('cap-add-drop-conflict', pod('          add: [NET_ADMIN]\n          drop: [ALL]'))).toEqual([]);
    expect(runRule('cap-add-drop-conflict', pod('          add: [ALL]\n          drop: [NET_ADMIN]'))).toEqual([]);
    expect(runRule('cap-add-drop-conflict', pod('          add: [all]\n          drop: [ALL]'))).toEqual([]);
  });

  it('reports a repeated add only once', () => {
    const findings = runRule('cap-add-drop-conflict', pod('          add: [KILL, KILL]\n          drop: [KILL]'), [
      'docker@24',
    ]);
    expect(findings).toHaveLength(1);
  });

  it('quotes the API server’s refusal of a PodSecurityPolicy, and the exact-match gap', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: heartbeat
spec:
  allowedCapabilities: [NET_RAW, sys_time]
  requiredDropCapabilities: [NET_RAW, SYS_TIME]
`;
    const [exact, spelled] = runRule('cap-add-drop-conflict', psp);
    expect(exact).toMatchObject({ severity: 'error', line: 6, column: 25, path: 'spec.allowedCapabilities[0]' });
    expect(exact?.explanation).toBe(
      'NET_RAW is in both allowedCapabilities and requiredDropCapabilities. The API server refuses this ' +
        'PodSecurityPolicy: spec.allowedCapabilities: Invalid value: "NET_RAW": capability is listed in ' +
        'spec.allowedCapabilities and requiredDropCapabilities. Remove it from one of the lists.',
    );
    expect(exact?.targets).toBeUndefined();
    expect(exact?.object).toMatchObject({ kind: 'PodSecurityPolicy', name: 'heartbeat' });
    expect(spelled?.severity).toBe('warning');
    expect(spelled?.explanation).toContain('accepts this PodSecurityPolicy only because the spellings differ');
  });

  it('says OpenShift refuses such an SCC', () => {
    const scc = `apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata: {name: s}
allowedCapabilities: [BLOCK_SUSPEND]
requiredDropCapabilities: [BLOCK_SUSPEND]
`;
    const [finding] = runRule('cap-add-drop-conflict', scc);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('OpenShift refuses this SecurityContextConstraints');
    expect(finding?.explanation).toContain('capability is listed in allowedCapabilities and requiredDropCapabilities');
  });

  it('checks compose services against Docker and Podman', () => {
    const compose = 'services:\n  vpn:\n    image: x\n    cap_add: [NET_ADMIN]\n    cap_drop: [NET_ADMIN]\n';
    const [finding] = runRule('cap-add-drop-conflict', compose, ['docker@24']);
    expect(finding).toMatchObject({ severity: 'warning', line: 4, column: 15, path: 'services.vpn.cap_add[0]' });
    expect(finding?.explanation).toContain('NET_ADMIN is both added (cap_add[0]) and dropped (cap_drop[0]).');
    expect(finding?.explanation).toContain('add if the service needs it');
  });

  it('sees privileged first: a privileged container holds everything, whichever list would win', () => {
    const text = pod(CONFLICT).replace('securityContext:', 'securityContext:\n        privileged: true');
    expect(text).toContain('privileged: true');
    expect(runRule('cap-add-drop-conflict', text)).toEqual([]);
  });
});
