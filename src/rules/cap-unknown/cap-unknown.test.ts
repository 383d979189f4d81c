import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';
import { lintSource } from '../../core/engine.js';
import { resolveTarget, resolveTargets } from '../../knowledge/targets.js';
import rule from './index.js';

const ADD_PATH = ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'];
/** Engine labels come from the knowledge data, which names version ranges. */
const label = (target: string) => resolveTarget(target).label;

describe('cap-unknown', () => {
  it('quotes Docker 19.03’s refusal and suggests the one close name', () => {
    const [finding, ...rest] = runRule('cap-unknown', pod('          add: [SYS_RESOURCES]'), ['docker@19.03']);
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'error', line: 11, column: 17, endColumn: 30, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.explanation).toBe(
      '"SYS_RESOURCES" is not a Linux capability. On docker@19.03 (Docker 19.03–20.10): Docker 19.03–20.10 does not ' +
        'know "SYS_RESOURCES" (looked up as CAP_SYS_RESOURCES): the container fails at create with CreateContainerError: ' +
        'invalid CapAdd: unknown capability: "CAP_SYS_RESOURCES". Did you mean SYS_RESOURCE?',
    );
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion?.edits).toEqual([
      { kind: 'replace-scalar', path: [...ADD_PATH, 0], value: 'SYS_RESOURCE' },
    ]);
    expect(finding?.targets).toEqual([
      {
        target: 'docker@19.03',
        outcome: 'rejected',
        detail: expect.stringContaining('CreateContainerError'),
        status: 'CreateContainerError',
        list: 'add',
      },
    ]);
  });

  it('says the container starts without it on containerd with a current runc', () => {
    const [finding] = runRule('cap-unknown', pod('          add: [NET_ADMN]'), ['containerd@1.7']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('the container starts, but the capability is silently not granted');
    expect(finding?.targets?.[0]).toMatchObject({ target: 'containerd@1.7', outcome: 'ignored' });
    expect(finding?.suggestion?.edits[0]).toMatchObject({ value: 'NET_ADMIN' });
  });

  it('says nothing is dropped on containerd 1.3+, and CRI-O refuses the container', () => {
    const [finding] = runRule('cap-unknown', pod('          drop: [NET_RAWW]'), ['containerd@2.2', 'crio@1.30']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      `The container fails with CreateContainerError on crio@1.30 (${label('crio@1.30')}) ` +
        '(failed to drop cap CAP_NET_RAWW invalid capability: CAP_NET_RAWW); ' +
        `nothing is dropped on containerd@2.2 (${label('containerd@2.2')}).`,
    );
    expect(label('crio@1.30')).toMatch(/^CRI-O 1\.\d+/);
    expect(finding?.explanation).toMatch(/Did you mean NET_RAW\?$/);
  });

  it('is an error even where the runc version is not known: every runc refuses or skips an unknown name', () => {
    // The patch releases of containerd 1.4 pin runc before and after rc94, so the outcome itself is unknown.
    const [finding] = runRule('cap-unknown', pod('          add: [NET_ADMN]'), ['containerd@1.4']);
    expect(finding?.severity).toBe('error');
    expect(finding?.targets?.[0]?.outcome).toBe('unknown');
  });

  it('groups the built-in matrix by pod status and quotes one message per group', () => {
    const [finding] = runRule('cap-unknown', pod('          add: [SYS_RESOURCES]'));
    expect(finding?.severity).toBe('error');
    expect(finding?.targets).toHaveLength(11);
    const names = ['docker@29', 'crio@1.36', 'podman@5.6'].map(label);
    expect(finding?.explanation).toContain(
      `with CreateContainerError on ${names.slice(0, -1).join(', ')} and ${names.at(-1)} ` +
        `(${label('docker@29')}: invalid CapAdd: unknown capability: "CAP_SYS_RESOURCES")`,
    );
    expect(finding?.explanation).toContain(
      'the container starts without it on containerd 1.3+ with runc ≥1.0.0-rc94. Also fails on Docker ≤18.09, ' +
        'Docker 19.03–20.10, containerd ≤1.5 with runc ≤1.0.0-rc93, CRI-O 1.12–1.17 and Podman <4.4 (end of life). ' +
        'Did you mean SYS_RESOURCE?',
    );
  });

  it('lists several candidates without a suggestion, unless the list already has one of them', () => {
    const [alone] = runRule('cap-unknown', pod('          add: [SYS_NET_ADMIN]'), ['docker@24']);
    expect(alone?.explanation).toMatch(/Did you mean NET_ADMIN or SYS_ADMIN\?$/);
    expect(alone?.suggestion).toBeUndefined();
    const [withAdmin] = runRule('cap-unknown', pod('          add: ["SYS_ADMIN", "SYS_NET_ADMIN"]'), ['docker@24']);
    expect(withAdmin).toMatchObject({ line: 11, column: 30 });
    expect(withAdmin?.explanation).toMatch(/Did you mean NET_ADMIN\?$/);
    expect(withAdmin?.suggestion?.edits).toEqual([
      { kind: 'replace-scalar', path: [...ADD_PATH, 1], value: 'NET_ADMIN' },
    ]);
  });

  it('has no guess for a name far from every capability', () => {
    const [finding] = runRule('cap-unknown', pod('          add: [CAPTAIN_HOOK]'), ['docker@24']);
    expect(finding?.explanation).not.toContain('Did you mean');
    expect(finding?.suggestion).toBeUndefined();
  });

  it('reports padded names and suggests the trimmed one', () => {
    const [finding] = runRule('cap-unknown', pod('          add: [" NET_ADMIN"]'), ['docker@24']);
    expect(finding).toMatchObject({ severity: 'error', column: 17, endColumn: 29 });
    expect(finding?.explanation).toContain('" NET_ADMIN" has white space around the name, which no runtime trims');
    expect(finding?.explanation).toContain('invalid CapAdd: unknown capability: "CAP_ NET_ADMIN"');
    expect(finding?.suggestion?.edits[0]).toMatchObject({ value: 'NET_ADMIN' });
    const [all] = runRule('cap-unknown', pod('          drop: ["ALL "]'), ['docker@24']);
    expect(all?.suggestion?.edits[0]).toMatchObject({ value: 'ALL' });
  });

  it('explains a number: the API refuses it, and quoting it does not help', () => {
    const [number, quoted] = runRule('cap-unknown', pod('          add: [14, "14"]'), ['docker@24']);
    expect(number).toMatchObject({ severity: 'error', line: 11, column: 17, endColumn: 19 });
    expect(number?.explanation).toBe(
      '14 is a number, not a capability name. Capability number 14 is IPC_LOCK, but runtimes behind Kubernetes look ' +
        'names up and do not parse numbers (only crun, run directly, does). Quoting it ("14") would not help: it is ' +
        'still not a name. A capability is a string in the Kubernetes API, so the API server refuses the whole Pod ' +
        'while decoding it ("Pod in version … cannot be handled as a Pod"). Write IPC_LOCK.',
    );
    expect(number?.targets).toBeUndefined();
    expect(number?.suggestion?.edits).toEqual([{ kind: 'replace-scalar', path: [...ADD_PATH, 0], value: 'IPC_LOCK' }]);
    expect(quoted?.explanation).toContain('"14" is a capability number, not a name.');
    expect(quoted?.explanation).toContain('invalid CapAdd: unknown capability: "CAP_14"');
  });

  it('explains YAML 1.1 booleans and names the kind the API server refuses', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: app
          image: app
          securityContext:
            capabilities:
              add:
                - on
`;
    const [finding] = runRule('cap-unknown', deployment);
    expect(finding).toMatchObject({ severity: 'error', line: 13, column: 19 });
    expect(finding?.explanation).toContain('true is a boolean, not a capability name: YAML 1.1');
    expect(finding?.explanation).toContain('refuses the whole Deployment');
    expect(finding?.suggestion).toBeUndefined();
  });

  it('accepts * only in PodSecurityPolicy and SCC allowedCapabilities', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: open
spec:
  allowedCapabilities: ["*"]
  defaultAddCapabilities: ["*"]
`;
    const findings = runRule('cap-unknown', psp, ['docker@18.09']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 7, path: 'spec.defaultAddCapabilities[0]' });
    expect(findings[0]?.object).toMatchObject({ kind: 'PodSecurityPolicy', name: 'open' });
    expect(findings[0]?.explanation).toContain(
      'PodSecurityPolicy adds it to the add list of every container it admits',
    );
    expect(findings[0]?.explanation).toContain('Unknown capability to add: "CAP_*"');
    expect(runRule('cap-unknown', pod('          drop: ["*"]'), ['docker@24'])[0]?.explanation).toContain(
      'their word for every capability is ALL',
    );
  });

  it('judges an unknown allowed name by exact comparison, without runtime outcomes', () => {
    const scc = `apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: s
allowedCapabilities: [KILLtest]
`;
    const [finding] = runRule('cap-unknown', scc);
    expect(finding?.severity).toBe('error');
    expect(finding?.targets).toBeUndefined();
    expect(finding?.explanation).toBe(
      '"KILLtest" (read as KILLTEST) is not a Linux capability. SecurityContextConstraints checks the names pods write ' +
        'against this list, so this entry only admits pods that write the same string, which runtimes refuse or ignore.',
    );
  });

  it('checks compose files with Docker and Podman only', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    cap_add: [NET_ADMN]\n';
    const [finding] = runRule('cap-unknown', compose);
    expect(finding).toMatchObject({ line: 4, column: 15, path: 'services.web.cap_add[0]' });
    expect(finding?.targets?.map((t) => t.target)).toEqual([
      'Docker 23+',
      'Podman 4.4.3+',
      'Docker 1.2–1.10',
      'Docker 1.11–18.09',
      'Docker 19.03–20.10',
      'Podman before 4.4',
    ]);
  });

  it('sees privileged first: only Docker ≥19.03 still checks the names of a privileged container', () => {
    const text = pod('          add: [SYS_ADMIN, SYS_NET_ADMIN]').replace(
      '        capabilities:',
      '        privileged: true\n        capabilities:',
    );
    const [finding] = runRule('cap-unknown', text);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'The container fails with CreateContainerError on Docker 23+ and Podman 4.4.3+',
    );
    expect(finding?.explanation).toContain(
      'containerd 1.3+ with runc ≥1.0.0-rc94 and CRI-O 1.22+ skip the lists of a privileged container',
    );
    expect(finding?.message).not.toContain('silently');
    // containerd and CRI-O alone: nothing breaks, so no error.
    const [quiet] = runRule('cap-unknown', text, ['containerd@2.1', 'crio@1.35']);
    expect(quiet?.severity).toBe('warning');
    const [old] = runRule('cap-unknown', text, ['docker@18.09']);
    expect(old?.targets?.[0]?.outcome).toBe('applied');
  });

  it('respects a configured severity', () => {
    const result = lintSource('x.yaml', pod('          add: [SYS_RESOURCES]'), {
      rules: [rule],
      targets: resolveTargets(['docker@24']),
      settings: { 'cap-unknown': 'warning' },
    });
    expect(result.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('leaves known names, prefixes, case and ALL to the other rules', () => {
    const caps = '          add: [SYS_ADMIN, CAP_SYS_ADMIN, sys_admin, ALL]\n          drop: [all, CAP_ALL, NET_RAW]';
    expect(runRule('cap-unknown', pod(caps))).toEqual([]);
  });
});
