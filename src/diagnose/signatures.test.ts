import { describe, expect, it } from 'vitest';
import { CAPABILITY_BY_NAME } from '../knowledge/capabilities.js';
import { DOCKER_API_VERSIONS, dockerReleaseForApi } from '../knowledge/docker-api.js';
import { ALL_RULE_META } from '../rules/index.js';
import { classify, PREFILTER_ANCHORS, prefilter, rlimitName } from './classify.js';
import { readPrintedName } from './names.js';
import { normalizeText } from './read.js';
import { SIGNATURES } from './signatures.js';
import type { PatternSpec } from './types.js';

const ref = (text: string) => ({ file: 't', line: 1, text });
const patterns = (p: RegExp | PatternSpec) => (p instanceof RegExp ? p : p.re);

describe('signature knowledge base', () => {
  it('has unique ids and the fields every kind needs', () => {
    const ids = SIGNATURES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SIGNATURES) {
      expect(s.citations.length, s.id).toBeGreaterThan(0);
      expect(s.meaning.length, s.id).toBeGreaterThan(20);
      expect(s.fix.length, s.id).toBeGreaterThan(10);
      expect(s.keywords.length, s.id).toBeGreaterThan(0);
      expect(s.examples.length, s.id).toBeGreaterThan(0);
      if (s.kind === 'cause') expect([s.id, s.cause, s.phase !== undefined]).toEqual([s.id, expect.any(String), true]);
      if (s.kind === 'symptom') expect(s.symptom, s.id).toBeDefined();
    }
  });

  it('keeps the ids of the research data (shared with the log corpus)', () => {
    const ids = new Set(SIGNATURES.map((s) => s.id));
    for (const id of [
      'docker-legacy-unknown-cap-add',
      'docker-modern-invalid-capadd',
      'runc-legacy-unknown-capability',
      'runc-modern-ignored-capabilities-warning',
      'crun-unknown-capability',
      'pam-limits-cannot-open-session',
      'setrlimit-eperm',
      'elasticsearch-memory-lock',
      'kubectl-describe-runcontainererror',
      'kubectl-logs-failed-to-open-log-file',
      'red-herring-seccomp-time64',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('names only rules that exist, and only canonical capabilities', () => {
    const rules = new Set(ALL_RULE_META.map((m) => m.id));
    for (const s of SIGNATURES) {
      if (s.rule) expect(rules.has(s.rule), `${s.id} → ${s.rule}`).toBe(true);
      for (const name of [s.capability, ...(s.also ?? [])]) {
        if (name !== undefined) expect(CAPABILITY_BY_NAME.has(name), `${s.id}: ${name}`).toBe(true);
      }
    }
  });

  it.each(SIGNATURES.flatMap((s) => s.examples.map((example) => [s.id, example] as const)))(
    '%s recognises its example: %s',
    (id, example) => {
      const signature = SIGNATURES.find((s) => s.id === id);
      expect(prefilter(example)).toBe(true);
      const text = normalizeText(example);
      expect(signature?.keywords.some((k) => text.includes(k))).toBe(true);
      expect(signature?.patterns.some((p) => patterns(p).test(text))).toBe(true);
      const found = classify(example, ref(example)).observations.map((o) => o.signature.id);
      expect(found).toContain(id);
    },
  );

  it('lets every line a signature can match through the prefilter', () => {
    // Stage two only runs signatures whose keyword occurs, so an anchor in every keyword is enough;
    // otherwise every pattern must carry an anchor literally (EPERM texts carry "ermi").
    for (const s of SIGNATURES) {
      const keywords = s.keywords.every((k) => PREFILTER_ANCHORS.some((a) => k.includes(a)));
      const literal = s.patterns.every((p) =>
        PREFILTER_ANCHORS.some((a) => patterns(p).source.replace(/\\(.)/g, '$1').includes(a)),
      );
      expect(keywords || literal, s.id).toBe(true);
    }
  });

  it('has no anchor that starts another, so a scan that steps one character finds them all', () => {
    for (const a of PREFILTER_ANCHORS) {
      expect(
        PREFILTER_ANCHORS.filter((b) => b !== a && b.startsWith(a)),
        a,
      ).toEqual([]);
    }
  });

  it('drops ordinary journal lines at the prefilter', () => {
    for (const line of [
      'Sep 15 19:37:07 node-a systemd[1]: Started Session 41 of user core.',
      'Sep 15 19:37:07 node-a kubelet[1423]: I0915 19:37:07.050323 1423 kubelet.go:1930] SyncLoop (PLEG): "web-1_default(6f1c2d6a)"',
      'Sep 15 19:37:07 node-a containerd[812]: time="2021-09-15T19:37:07+08:00" level=info msg="shim disconnected" id=abc',
    ]) {
      expect(prefilter(line), line).toBe(false);
    }
  });
});

describe('reading printed names', () => {
  it('reads an engine-added prefix back to what the manifest said', () => {
    expect(readPrintedName('CAP_CAP_SYS_RESOURCE', 'prefixed-by-engine')).toEqual({
      written: 'CAP_SYS_RESOURCE',
      capability: 'SYS_RESOURCE',
      problem: 'prefix',
      rule: 'cap-prefix',
    });
    expect(readPrintedName('CAP_PERFMON', 'prefixed-by-engine')).toMatchObject({
      written: 'PERFMON',
      capability: 'PERFMON',
      problem: 'not-known',
      rule: 'cap-kernel',
    });
  });

  it('knows that a normalising engine adds one prefix only when it is missing', () => {
    expect(readPrintedName('CAP_SYS_NET_ADMIN', 'normalized')).toEqual({
      capability: 'NET_ADMIN',
      guesses: ['NET_ADMIN', 'SYS_ADMIN'],
      problem: 'unknown',
      rule: 'cap-unknown',
    });
    expect(readPrintedName('CAP_CAP_KILL', 'normalized')).toMatchObject({ problem: 'prefix', capability: 'KILL' });
    expect(readPrintedName('CAP_AUDIT_READ', 'normalized')).toMatchObject({ problem: 'not-known', rule: 'cap-kernel' });
  });

  it('tells a runtime that wanted the prefix from a wrong name', () => {
    expect(readPrintedName('NET_ADMIN', 'as-written', true)).toEqual({
      written: 'NET_ADMIN',
      capability: 'NET_ADMIN',
      problem: 'needs-prefix',
    });
    expect(readPrintedName('sys_admin', 'as-written')).toMatchObject({ problem: 'case', rule: 'cap-case' });
    expect(readPrintedName('CAP_ALL', 'as-written')).toMatchObject({ problem: 'all', rule: 'cap-all' });
  });

  it('names rlimits from numbers, crun names, shell words and pam items', () => {
    expect(rlimitName('8')).toBe('RLIMIT_MEMLOCK');
    expect(rlimitName('6')).toBe('RLIMIT_NPROC');
    expect(rlimitName('RLIM_MEMLOCK')).toBe('RLIMIT_MEMLOCK');
    expect(rlimitName('max locked memory')).toBe('RLIMIT_MEMLOCK');
    expect(rlimitName('memlock')).toBe('RLIMIT_MEMLOCK');
    expect(rlimitName('MEMLOCK')).toBe('RLIMIT_MEMLOCK');
    expect(rlimitName('99')).toBeUndefined();
  });

  it('maps a Docker API version to the release that serves it', () => {
    expect(dockerReleaseForApi('1.38')).toBe('18.06');
    expect(dockerReleaseForApi('1.40')).toBe('19.03');
    expect(dockerReleaseForApi('0.1')).toBeUndefined();
    expect(new Set(DOCKER_API_VERSIONS.map((v) => v.api)).size).toBe(DOCKER_API_VERSIONS.length);
  });
});

describe('classifying one line', () => {
  const one = (line: string) => classify(line, ref(line)).observations;

  it('reads the incident’s dockerd line: cause, capability, API version, container id, node', () => {
    const line =
      'Sep 15 19:37:07 ly-node dockerd: time="2021-09-15T19:37:07.025+08:00" level=error msg="Handler for POST /v1.38/containers/21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21/start returned error: linux spec capabilities: Unknown capability to add: \\"CAP_CAP_SYS_RESOURCE\\""';
    const [o] = one(line);
    expect(o).toMatchObject({
      printed: 'CAP_CAP_SYS_RESOURCE',
      written: 'CAP_SYS_RESOURCE',
      capability: 'SYS_RESOURCE',
      problem: 'prefix',
      rule: 'cap-prefix',
      dockerApi: '1.38',
      runtime: 'Docker 1.11–18.09',
      entities: {
        node: 'ly-node',
        process: 'dockerd',
        containerId: '21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21',
      },
    });
    expect(o?.signature.id).toBe('docker-legacy-unknown-cap-add');
  });

  it('counts a line that states a cause as that cause only, not also as a symptom', () => {
    const line =
      '  Warning  Failed  9m (x5 over 10m)  kubelet  Error: failed to start container "app": Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_NET_ADMIN"';
    expect(one(line).map((o) => o.signature.id)).toEqual(['docker-legacy-unknown-cap-add']);
    expect(
      one('  Warning  Failed  9m  kubelet  Error: failed to start container "app": boom').map((o) => o.signature.id),
    ).toEqual(['kubectl-describe-runcontainererror']);
  });

  it('recognises the lab’s runtime messages', () => {
    const cases: [string, string, string | undefined, string | undefined][] = [
      [
        'time="2026-11-26T14:35:14Z" level=warning msg="ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE]"',
        'runc-modern-ignored-capabilities-warning',
        'cap-prefix',
        'SYS_RESOURCE',
      ],
      ['stderr: unknown cap: `CAP_FOO`', 'crun-unknown-capability', 'cap-unknown', undefined],
      [
        'docker: Error response from daemon: invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE".',
        'docker-modern-invalid-capadd',
        'cap-prefix',
        'SYS_RESOURCE',
      ],
      [
        'docker: Error response from daemon: invalid CapAdd: unknown capability: "CAP_SYS_RESOURCES".',
        'docker-modern-invalid-capadd',
        'cap-unknown',
        'SYS_RESOURCE',
      ],
      [
        'docker: Error response from daemon: invalid CapDrop: unknown capability: "CAP_KILLS".',
        'docker-modern-invalid-capadd',
        'cap-unknown',
        'KILL',
      ],
      ['Error: "CAP_CAP_IPC_LOCK": unknown capability', 'podman-unknown-capability', 'cap-prefix', 'IPC_LOCK'],
      ["ctr: capabilities must be specified with 'CAP_' prefix", 'ctr-cap-prefix-required', undefined, undefined],
      [
        'StartContainer error: code=2 details=failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply caps: operation not permitted: unknown',
        'runc-apply-caps-eperm',
        undefined,
        undefined,
      ],
      [
        'Error: runc: runc create failed: unable to start container process: error during container init: error setting rlimits for ready process: error setting rlimit type 7: operation not permitted: OCI permission denied',
        'setrlimit-eperm',
        undefined,
        'SYS_RESOURCE',
      ],
      [
        'Error: crun: setrlimit `RLIMIT_MEMLOCK`: Operation not permitted: OCI permission denied',
        'setrlimit-eperm',
        undefined,
        'SYS_RESOURCE',
      ],
      [
        'time="2026-11-26T14:35:20Z" level=fatal msg="nsexec[31667]: failed to update /proc/self/oom_score_adj: Permission denied"',
        'oom-score-adj-eperm',
        undefined,
        'SYS_RESOURCE',
      ],
      [
        "<83>Nov 26 14:36:12 runuser: pam_limits(runuser:session): Could not set limit for 'memlock': Operation not permitted",
        'pam-limits-could-not-set-limit',
        'pam-limits-needs-sys-resource',
        'SYS_RESOURCE',
      ],
    ];
    for (const [line, id, rule, capability] of cases) {
      const [o] = one(line);
      expect([o?.signature.id, o?.rule, o?.capability], line).toEqual([id, rule, capability]);
    }
  });

  it('reads the rlimit an OCI runtime could not set', () => {
    const [o] = one('error setting rlimits for ready process: error setting rlimit type 8: operation not permitted');
    expect(o).toMatchObject({ cause: 'engine', setting: { kind: 'rlimit', name: 'RLIMIT_MEMLOCK' } });
    expect(o?.rule).toBeUndefined();
  });

  it('reads Pod Security messages as exact strings', () => {
    const [prefixed] = one(
      'Error creating: pods "x-" is forbidden: violates PodSecurity "baseline:latest": non-default capabilities (container "agent" must not include "CAP_CHOWN" in securityContext.capabilities.add)',
    );
    expect(prefixed).toMatchObject({ capability: 'CHOWN', rule: 'cap-prefix', entities: { container: 'agent' } });
    const [two] = one(
      'violates PodSecurity "baseline:v1.29": non-default capabilities (container "dbg" must not include "NET_ADMIN", "SYS_PTRACE" in securityContext.capabilities.add)',
    );
    expect(two).toMatchObject({ capability: 'NET_ADMIN', guesses: ['SYS_PTRACE'], rule: 'pss-baseline' });
  });

  it('ignores ports of 1024 and above and correct names in pasted manifests', () => {
    expect(one('listen tcp :8080: bind: permission denied')).toEqual([]);
    expect(one('listen tcp :80: bind: permission denied').map((o) => o.capability)).toEqual(['NET_BIND_SERVICE']);
    // A correct list is no cause; it is evidence of what the container was given.
    expect(one('  add: ["NET_ADMIN", "NET_RAW"]').map((o) => [o.signature.id, o.granted])).toEqual([
      ['capabilities-granted', ['NET_ADMIN', 'NET_RAW']],
    ]);
    expect(
      one('  add: ["CAP_NET_ADMIN", "NET_RAW"]')
        .filter((o) => o.signature.kind === 'cause')
        .map((o) => o.capability),
    ).toEqual(['NET_ADMIN']);
  });
});
