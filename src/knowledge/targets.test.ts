import { describe, expect, it } from 'vitest';
import { ENGINE_NAMES, ENGINE_RANGES, OCI_RANGES } from './runtimes.js';
import type { ResolvedTarget } from './targets.js';
import {
  CURRENT_MATRIX,
  DEFAULT_MATRIX,
  findEngineRange,
  knownTargetsHelp,
  LEGACY_MATRIX,
  resolveTarget,
  resolveTargets,
  TargetError,
} from './targets.js';
import { must } from './versions.js';

function resolveError(text: string): TargetError {
  try {
    resolveTarget(text);
  } catch (error) {
    if (error instanceof TargetError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

const HELP_HEADING = 'Known runtimes and version ranges:';

describe('resolveTarget: engines and version ranges', () => {
  it.each([
    ['docker@1.2', 'docker-1.2', 'Docker 1.2–1.10'],
    ['docker@1.10', 'docker-1.2', 'Docker 1.2–1.10'],
    ['docker@1.11', 'docker-1.11', 'Docker 1.11–18.09'],
    ['docker@18.06', 'docker-1.11', 'Docker 1.11–18.09'],
    ['docker@18.06.1-ce', 'docker-1.11', 'Docker 1.11–18.09'],
    ['docker@18.09.9', 'docker-1.11', 'Docker 1.11–18.09'],
    ['docker@19.03', 'docker-19.03', 'Docker 19.03–20.10'],
    ['docker@19.03.0', 'docker-19.03', 'Docker 19.03–20.10'],
    ['docker@20.10.24', 'docker-19.03', 'Docker 19.03–20.10'],
    ['docker@23.0', 'docker-23', 'Docker 23+'],
    ['docker@24', 'docker-23', 'Docker 23+'],
    ['docker@29', 'docker-23', 'Docker 23+'],
    ['moby@20.10', 'docker-19.03', 'Docker 19.03–20.10'],
    ['Docker@20.10', 'docker-19.03', 'Docker 19.03–20.10'],
    ['crio@0.3', 'crio-0', 'CRI-O before 1.0'],
    ['crio@1.0', 'crio-1.0', 'CRI-O 1.0–1.9'],
    ['crio@1.0.0-rc1', 'crio-1.0', 'CRI-O 1.0–1.9'],
    ['crio@1.9.11', 'crio-1.0', 'CRI-O 1.0–1.9'],
    ['crio@1.10.2', 'crio-1.10', 'CRI-O 1.10'],
    ['crio@0.3', 'crio-0', 'CRI-O before 1.0'],
    ['cri-o@1.11', 'crio-1.11', 'CRI-O 1.11'],
    ['crio@1.12', 'crio-1.12', 'CRI-O 1.12–1.17'],
    ['crio@1.17', 'crio-1.12', 'CRI-O 1.12–1.17'],
    ['crio@1.18', 'crio-1.18', 'CRI-O 1.18–1.20'],
    ['crio@1.20.9', 'crio-1.18', 'CRI-O 1.18–1.20'],
    ['crio@1.21.3', 'crio-1.21', 'CRI-O 1.21'],
    ['crio@1.22', 'crio-1.22', 'CRI-O 1.22+'],
    ['crio@1.25', 'crio-1.22', 'CRI-O 1.22+'],
    ['podman@4.3', 'podman-1', 'Podman before 4.4'],
    ['podman@4.3.1', 'podman-1', 'Podman before 4.4'],
    ['podman@4.4', 'podman-4.4.0', 'Podman 4.4.0–4.4.2'],
    ['podman@4.4.3', 'podman-4.4', 'Podman 4.4.3+'],
    ['podman@5.6', 'podman-4.4', 'Podman 4.4.3+'],
    ['rkt@1.30', 'rkt-1', 'rkt (rktnetes)'],
  ])('%s → %s', (text, id, label) => {
    const target = resolveTarget(text);
    expect(target.engine?.id).toBe(id);
    expect(target.label).toBe(label);
    expect(target.id).toBe(text);
    expect(target.oci).toBeUndefined();
    expect(target.ociNote).toBeUndefined();
    expect(target.kubernetes).toBeUndefined();
    expect(target.kernel).toBeUndefined();
    expect(target.matrix).toBeUndefined();
  });

  it('keeps the engine version as written', () => {
    const target = resolveTarget('docker@18.06');
    expect(target.engine?.id).toBe('docker-1.11');
    expect(target.label).toBe('Docker 1.11–18.09');
    expect(target.engineVersion?.text).toBe('18.06');
    expect(target.engineVersion?.parts).toEqual([18, 6]);
  });

  it('trims the id', () => {
    expect(resolveTarget('  docker@20.10  ').id).toBe('docker@20.10');
  });

  it('resolves containerd 1.2 without an OCI runtime: it checks names itself', () => {
    const target = resolveTarget('containerd@1.2');
    expect(target.engine?.id).toBe('containerd-1.1');
    expect(target.label).toBe('containerd 1.1–1.2');
    expect(target.oci).toBeUndefined();
    expect(target.ociNote).toBeUndefined();
  });
});

describe('resolveTarget: the runc that containerd pins', () => {
  it('assumes runc 1.1.0 for containerd 1.6 and says so', () => {
    const target = resolveTarget('containerd@1.6');
    expect(target.engine?.id).toBe('containerd-1.3');
    expect(target.oci?.id).toBe('runc-new');
    expect(target.ociNote).toContain('1.1.0');
    expect(target.ociNote).toContain('assumed');
    expect(target.ociNote).toContain('+runc@VERSION');
    expect(target.label).toBe('containerd 1.3+ with runc ≥1.0.0-rc94');
  });

  it('assumes runc 1.0.0-rc93 (the old, failing behaviour) for containerd 1.5.0', () => {
    const target = resolveTarget('containerd@1.5.0');
    expect(target.oci?.id).toBe('runc-rc93');
    expect(target.ociNote).toContain('1.0.0-rc93');
    expect(target.ociNote).toContain('containerd/containerd@v1.5.0:script/setup/runc-version');
    expect(target.label).toBe('containerd 1.3+ with runc 1.0.0-rc93');
  });

  it('assumes runc 1.0.0-rc94 for containerd 1.5.1, which only warns about unknown names', () => {
    const target = resolveTarget('containerd@1.5.1');
    expect(target.oci?.id).toBe('runc-new');
    expect(target.ociNote).toContain('runc 1.0.0-rc94 assumed');
  });

  // Before 1.4.5 the pin is the runc line of vendor.conf, which script/setup/install-runc builds.
  it.each([
    ['containerd@1.3.0', 'runc-old', '1.0.0-rc8', 'v1.3.0:vendor.conf'],
    ['containerd@1.3.2', 'runc-old', '1.0.0-rc9', 'v1.3.1:vendor.conf'],
    ['containerd@1.3.10', 'runc-old', '1.0.0-rc10', 'v1.3.3:vendor.conf'],
    ['containerd@1.4.2', 'runc-old', '1.0.0-rc92', 'v1.4.0:vendor.conf'],
    ['containerd@1.4.5', 'runc-new', '1.0.0-rc94', 'v1.4.5:script/setup/runc-version'],
    ['containerd@1.4.6', 'runc-new', '1.0.0-rc95', 'v1.4.6:script/setup/runc-version'],
    ['containerd@1.4.8', 'runc-new', 'runc 1.0.0 assumed', 'v1.4.7:script/setup/runc-version'],
    ['containerd@1.4.9', 'runc-new', 'runc 1.0.1 assumed', 'v1.4.9:script/setup/runc-version'],
    ['containerd@1.4.12', 'runc-new', 'runc 1.0.2 assumed', 'v1.4.10:script/setup/runc-version'],
    ['containerd@1.5.4', 'runc-new', 'runc 1.0.0 assumed', 'v1.5.3:script/setup/runc-version'],
  ])('pins %s to %s (%s, %s)', (spec, id, runc, source) => {
    const target = resolveTarget(spec);
    expect(target.oci?.id).toBe(id);
    expect(target.ociNote).toContain(runc);
    expect(target.ociNote).toContain(source);
  });

  it('assumes runc 1.0.0-rc95 for containerd 1.5.2', () => {
    const target = resolveTarget('containerd@1.5.2');
    expect(target.oci?.id).toBe('runc-new');
    expect(target.ociNote).toContain('1.0.0-rc95');
  });

  it('does not guess for containerd 1.5, whose patch releases pin different runc versions', () => {
    const target = resolveTarget('containerd@1.5');
    expect(target.engine?.id).toBe('containerd-1.3');
    expect(target.oci).toBeUndefined();
    expect(target.ociNote).toContain('not pinned');
    expect(target.ociNote).toContain('+runc@');
    expect(target.label).toBe('containerd 1.3+');
  });

  it('does not guess for containerd 1.4, whose patch releases pin old and new runc', () => {
    expect(resolveTarget('containerd@1.4').oci).toBeUndefined();
    expect(resolveTarget('containerd@1.4').ociNote).toContain('not pinned');
  });

  it('assumes the old runc for containerd 1.3, whose patch releases all pin one before rc93', () => {
    const target = resolveTarget('containerd@1.3');
    expect(target.oci?.id).toBe('runc-old');
    expect(target.ociNote).toContain('runc 1.0.0-rc8 to 1.0.0-rc10 assumed');
  });

  it('assumes runc 1.0.3 for containerd 1.4.13', () => {
    const target = resolveTarget('containerd@1.4.13');
    expect(target.oci?.id).toBe('runc-new');
    expect(target.ociNote).toContain('1.0.3');
  });

  it('assumes runc 1.0.0-rc92 for containerd 1.4.0 and rc10 for containerd 1.3', () => {
    expect(resolveTarget('containerd@1.4.0').oci?.id).toBe('runc-old');
    expect(resolveTarget('containerd@1.4.0').ociNote).toContain('1.0.0-rc92');
    expect(resolveTarget('containerd@1.3').oci?.id).toBe('runc-old');
    expect(resolveTarget('containerd@1.3').ociNote).toContain('1.0.0-rc10');
  });

  it('reads the node status form containerd://1.6.8', () => {
    const target = resolveTarget('containerd://1.6.8');
    expect(target.engine?.id).toBe('containerd-1.3');
    expect(target.engineVersion?.text).toBe('1.6.8');
    expect(target.oci?.id).toBe('runc-new');
    expect(target.id).toBe('containerd://1.6.8');
  });

  it('uses the OCI runtime named in the target instead of the pinned one', () => {
    const target = resolveTarget('containerd@1.7+runc@1.0.0-rc93');
    expect(target.engine?.id).toBe('containerd-1.3');
    expect(target.oci?.id).toBe('runc-rc93');
    expect(target.ociNote).toBeUndefined();
    expect(target.label).toBe('containerd 1.3+ with runc 1.0.0-rc93');
  });

  it.each([
    ['containerd@1.7+runc@1.0.0-rc94', 'runc-new'],
    ['containerd@1.6.20+runc@1.1.5', 'runc-new'],
    ['containerd@1.6+runc@0.1.1', 'runc-old'],
    ['containerd@2.0+crun@0.18', 'crun-old'],
    ['containerd@2.0+crun@0.19', 'crun-mid'],
    ['containerd@2.0+crun@1.8.1', 'crun-mid'],
    ['containerd@2.0+crun@1.20', 'crun-mid'],
    ['containerd@2.0+crun@1.28', 'crun-mid'],
    ['containerd@2.0+crun@1.29', 'crun-new'],
    ['containerd@1.5+runc@1.1', 'runc-new'],
    ['crio@1.25+crun@1.8', 'crun-mid'],
  ])('%s → %s', (text, oci) => {
    const target = resolveTarget(text);
    expect(target.oci?.id).toBe(oci);
    expect(target.ociNote).toBeUndefined();
  });

  it('labels containerd with crun', () => {
    expect(resolveTarget('containerd@2.0+crun@1.29').label).toBe('containerd 1.3+ with crun ≥1.29');
  });

  it('takes the newest release when no version is given', () => {
    const target = resolveTarget('containerd');
    expect(target.engine?.id).toBe('containerd-1.3');
    expect(target.oci?.id).toBe('runc-new');
    expect(resolveTarget('docker').engine?.id).toBe('docker-23');
    expect(resolveTarget('crio').engine?.id).toBe('crio-1.22');
    expect(resolveTarget('podman').engine?.id).toBe('podman-4.4');
    expect(resolveTarget('rkt').engine?.id).toBe('rkt-1');
    expect(resolveTarget('containerd@1.6+runc').oci?.id).toBe('runc-new');
    expect(resolveTarget('containerd@1.6+crun').oci?.id).toBe('crun-new');
  });
});

describe('resolveTarget: other facts and combinations', () => {
  it('sets Kubernetes and kernel versions next to the engine', () => {
    const target = resolveTarget('k8s@1.13.2,docker@18.06,kernel@3.10');
    expect(target.engine?.id).toBe('docker-1.11');
    expect(target.kubernetes?.parts).toEqual([1, 13, 2]);
    expect(target.kubernetes?.text).toBe('1.13.2');
    expect(target.kernel).toEqual([3, 10, 0]);
    expect(target.label).toBe('Docker 1.11–18.09, Kubernetes 1.13.2, kernel 3.10.0');
  });

  it('accepts the aliases kubernetes, kubelet and linux', () => {
    const target = resolveTarget('kubernetes@1.27,linux@5.15.0-1051-azure,crio@1.27');
    expect(target.kubernetes?.parts).toEqual([1, 27]);
    expect(target.kernel).toEqual([5, 15, 0]);
    expect(resolveTarget('kubelet@1.20').kubernetes?.parts).toEqual([1, 20]);
  });

  it('accepts a target without an engine (facts for the matrix)', () => {
    const target = resolveTarget('k8s@1.20');
    expect(target.engine).toBeUndefined();
    expect(target.kubernetes?.parts).toEqual([1, 20]);
    expect(target.label).toBe('Kubernetes 1.20');
  });

  it('resolves cri-dockerd with Docker to the Docker facts', () => {
    const target = resolveTarget('cri-dockerd@0.3+docker@24');
    expect(target.engine?.id).toBe('docker-23');
    expect(target.label).toBe('Docker 23+');
    expect(resolveTarget('dockershim@1.23+docker@18.09').engine?.id).toBe('docker-1.11');
  });

  it('allows an OCI runtime behind CRI-O', () => {
    const target = resolveTarget('crio@1.25+runc@1.0.0-rc93');
    expect(target.engine?.id).toBe('crio-1.22');
    expect(target.oci?.id).toBe('runc-rc93');
  });
});

describe('resolveTarget: errors', () => {
  it.each([
    ['dockr@1', 'unknown target "dockr@1"'],
    ['docker@1.1', 'docker@1.1: no facts for this docker version'],
    ['', 'empty target'],
    [' , + ', 'empty target'],
  ])('rejects %j and lists the known runtimes', (text, message) => {
    const error = resolveError(text);
    expect(error).toBeInstanceOf(TargetError);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(message);
    expect(error.message).toContain(HELP_HEADING);
    for (const engine of ENGINE_NAMES) expect(error.message).toContain(`  ${engine}: `);
  });

  it.each([
    ['runc@1.1', 'an OCI runtime matters only behind containerd or CRI-O'],
    ['crun@1.8', 'an OCI runtime matters only behind containerd or CRI-O'],
    ['docker@20+runc@1.1', 'an OCI runtime matters only behind containerd or CRI-O'],
    ['podman@4.3+crun@1.8', 'an OCI runtime matters only behind containerd or CRI-O'],
    ['docker@20+containerd@1.6', 'names two container engines'],
    ['containerd@1.7+runc@1.1+crun@1.8', 'names two OCI runtimes'],
    ['dockershim@1', 'dockershim and cri-dockerd pass names to Docker; add docker@VERSION'],
    ['cri-dockerd@0.3', 'dockershim and cri-dockerd pass names to Docker; add docker@VERSION'],
    ['dockershim@1+containerd@1.6', 'dockershim and cri-dockerd run only with Docker'],
    ['docker@abc', '"abc" is not a version in target "docker@abc"'],
    ['kernel@abc', '"abc" is not a version'],
    ['kernel', 'needs a version'],
    ['k8s', 'needs a version'],
    ['containerd@1.0', 'no facts for this containerd version'],
    ['containerd@1.7+runc@abc', '"abc" is not a version'],
    ['docker@', 'unknown target'],
    ['@1.2', 'unknown target'],
  ])('rejects %j', (text, message) => {
    const error = resolveError(text);
    expect(error).toBeInstanceOf(TargetError);
    expect(error.message).toContain(message);
  });
});

describe('knownTargetsHelp', () => {
  it('lists every engine range and OCI range by label', () => {
    const help = knownTargetsHelp();
    expect(help.startsWith(HELP_HEADING)).toBe(true);
    for (const range of ENGINE_RANGES) expect(help).toContain(range.label);
    for (const range of OCI_RANGES) expect(help).toContain(range.label);
    expect(help).toContain('dockershim, cri-dockerd');
    expect(help).toContain('k8s@VERSION, kernel@VERSION');
  });

  it('shows only syntax examples that resolve', () => {
    for (const example of [
      'docker@18.06',
      'containerd@1.7+runc@1.1',
      'crio@1.25',
      'k8s@1.13.2,docker@18.06,kernel@3.10',
    ]) {
      expect(knownTargetsHelp()).toContain(example);
      expect(() => resolveTarget(example)).not.toThrow();
    }
  });
});

describe('findEngineRange', () => {
  it('finds the range a version falls in, or nothing', () => {
    expect(findEngineRange('docker', must('18.06'))?.id).toBe('docker-1.11');
    expect(findEngineRange('containerd', must('1.6.20'))?.id).toBe('containerd-1.3');
    expect(findEngineRange('docker', must('1.1'))).toBeUndefined();
    expect(findEngineRange('podman', must('0.9'))).toBeUndefined();
  });
});

describe('resolveTargets', () => {
  it('returns the built-in matrix when no target is given', () => {
    const targets = resolveTargets([]);
    expect(targets).toHaveLength(11);
    expect(targets.map((t) => t.id)).toEqual([...DEFAULT_MATRIX]);
    for (const target of targets) {
      expect(target.matrix, target.id).toBe(true);
      expect(target.engine, target.id).toBeDefined();
      expect(target.label, target.id).not.toBe('');
    }
  });

  it('covers each distinct behaviour once in the matrix', () => {
    const targets = resolveTargets([]);
    const behaviour = (t: ResolvedTarget) => `${t.engine?.id}/${t.oci?.id ?? '-'}`;
    expect(targets.map(behaviour)).toEqual([
      'docker-23/-',
      'containerd-1.3/runc-new',
      'crio-1.22/-',
      'podman-4.4/-',
      'docker-1.2/-',
      'docker-1.11/-',
      'docker-19.03/-',
      'containerd-1.1/-',
      'containerd-1.3/runc-rc93',
      'crio-1.12/-',
      'podman-1/-',
    ]);
    // The current profiles decide; the legacy ones are context.
    expect(targets.filter((t) => !t.context).map((t) => t.id)).toEqual([...CURRENT_MATRIX]);
    expect(targets.filter((t) => t.context).map((t) => t.id)).toEqual([...LEGACY_MATRIX]);
    expect(targets.every((t) => t.support === (t.context ? 'legacy' : 'current'))).toBe(true);
    // rkt and pre-1.0 CRI-O want the prefix, the opposite of all others: only checked when named.
    expect(targets.some((t) => t.engine?.engine === 'rkt')).toBe(false);
    expect(targets.some((t) => t.engine?.id === 'crio-0')).toBe(false);
  });

  it('adds a kernel-only target to every matrix entry', () => {
    const targets = resolveTargets(['kernel@5.4']);
    expect(targets).toHaveLength(11);
    targets.forEach((target, index) => {
      expect(target.kernel, target.id).toEqual([5, 4, 0]);
      expect(target.matrix, target.id).toBe(true);
      expect(target.id).toBe(`${DEFAULT_MATRIX[index]},kernel@5.4`);
      expect(target.label).toMatch(/, kernel 5\.4\.0$/);
    });
  });

  it('adds a Kubernetes-only target to every matrix entry', () => {
    const targets = resolveTargets(['k8s@1.13.2']);
    expect(targets).toHaveLength(11);
    for (const target of targets) {
      expect(target.kubernetes?.parts).toEqual([1, 13, 2]);
      expect(target.kernel).toBeUndefined();
      expect(target.label).toContain('Kubernetes 1.13.2');
    }
  });

  it('keeps named targets as they are, in order', () => {
    const targets = resolveTargets(['docker@18.06', 'containerd@1.6']);
    expect(targets.map((t) => t.engine?.id)).toEqual(['docker-1.11', 'containerd-1.3']);
    for (const target of targets) expect(target.matrix).toBeUndefined();
  });

  it('mixes named targets and matrix facts', () => {
    const targets = resolveTargets(['docker@20.10', 'kernel@3.10']);
    expect(targets).toHaveLength(12);
    expect(targets[0]?.kernel).toBeUndefined();
    expect(targets.slice(1).every((t) => t.kernel?.[1] === 10)).toBe(true);
  });

  it('throws TargetError for a bad target', () => {
    expect(() => resolveTargets(['docker@20.10', 'dockr@1'])).toThrow(TargetError);
  });
});

describe('the runc assumption reaches the prediction', () => {
  it('is stated where the outcome depends on it', async () => {
    const { predict } = await import('./predict.js');
    const detail = predict(resolveTarget('containerd@1.6'), 'add', 'CAP_SYS_RESOURCE').detail;
    expect(detail).toContain('runc 1.1.0 or later assumed');
    expect(predict(resolveTarget('containerd@1.6+runc@1.1'), 'add', 'CAP_SYS_RESOURCE').detail).not.toContain(
      'assumed',
    );
  });
});
