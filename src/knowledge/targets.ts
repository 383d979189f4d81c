// Turns `--target` strings such as `docker@18.06`, `containerd@1.7+runc@1.1` or
// `k8s@1.13.2,docker@18.06,kernel@3.10` into the facts the predictions need.
import { parseKernelVersion } from './capabilities.js';
import {
  CONTAINERD_BUNDLED_RUNC,
  ENGINE_NAMES,
  ENGINE_RANGES,
  type EngineName,
  type EngineRange,
  OCI_RANGES,
  type OciRange,
  type OciRuntimeName,
} from './runtimes.js';
import { inRange, parseVersion, releaseCoverage, type Version } from './versions.js';

export interface ResolvedTarget {
  /** The target as the user wrote it, or the matrix entry's spec. */
  id: string;
  /** Human description of what the predictions are for, e.g. `Docker 1.11–18.09`. */
  label: string;
  engine?: EngineRange;
  engineVersion?: Version;
  oci?: OciRange;
  /** When containerd's OCI runtime is inferred or unknown, why. */
  ociNote?: string;
  kubernetes?: Version;
  kernel?: [number, number, number];
  /** True for entries of the built-in matrix (no `--target` given, or a set such as `legacy`). */
  matrix?: boolean;
  /** For matrix entries: whether the profile's release lines are supported today. */
  support?: Support;
  /**
   * Checked as context only: an end-of-life profile of the default matrix. Its outcomes are shown
   * ("also fails on … (end of life)") but do not decide the severity.
   */
  context?: boolean;
}

export class TargetError extends Error {}

const ALIASES: Record<string, string> = {
  docker: 'docker',
  moby: 'docker',
  dockershim: 'dockershim',
  'cri-dockerd': 'dockershim',
  containerd: 'containerd',
  crio: 'crio',
  'cri-o': 'crio',
  podman: 'podman',
  rkt: 'rkt',
  runc: 'runc',
  crun: 'crun',
  k8s: 'k8s',
  kubernetes: 'k8s',
  kubelet: 'k8s',
  kernel: 'kernel',
  linux: 'kernel',
};

/** Newest release assumed when a runtime is named without a version. */
const LATEST: Record<string, string> = {
  docker: '29.0',
  containerd: '2.2',
  crio: '1.36',
  podman: '5.6',
  rkt: '1.30',
  runc: '1.3',
  crun: '1.29',
};

/** Whether the release lines a matrix profile stands for are supported upstream today. */
export type Support = 'current' | 'legacy';

/** One profile of the built-in matrix: a distinct behaviour, and the release lines behind it. */
export interface MatrixProfile {
  /** The target that represents the profile. */
  spec: string;
  support: Support;
  /** The release lines the profile stands for and their support state on SUPPORT_AS_OF. */
  lines: string;
  /** Where the support dates come from. */
  sources: readonly string[];
  /** For legacy profiles: a short name for "also fails on …" notes, e.g. `Docker ≤18.09`. */
  short?: string;
}

/** The day the support states below were last checked against their sources. */
export const SUPPORT_AS_OF = '2026-12-07';

const DOCKER_SUPPORT = [
  'moby/moby tags (docker-v29.7.2 of 2026-08-05 is the newest; no docker-v30 yet)',
  'https://endoflife.date/docker-engine',
];
const CONTAINERD_SUPPORT = [
  'containerd/containerd@301026e58c619e63d09c0ec411012e54c0124b03:RELEASES.md "Support horizon" (2.3 LTS until 2028-04-30; 2.0 extended until March 2027; 2.2 until 2026-11-06; 1.7 extended until September 2026; 1.5 ended 2023-02-28; 1.2 ended 2020-10-15)',
  'https://endoflife.date/containerd',
];
const CRIO_SUPPORT = [
  'cri-o/cri-o:README.md "Compatibility matrix" (a CRI-O minor is supported while the Kubernetes minor of the same number is)',
  'https://kubernetes.io/releases/ (the three newest Kubernetes minors are supported, about 14 months each)',
];
const PODMAN_SUPPORT = [
  'podman-container-tools/podman discussion #23352 (upstream fixes only the newest release)',
  'https://endoflife.date/podman',
];

/**
 * The built-in matrix: one entry per distinct behaviour of the runtimes Kubernetes nodes and compose
 * hosts run. Without `--target`, the `current` profiles decide the severity and the `legacy` ones are
 * checked as context only. rkt and pre-1.0 CRI-O required the `CAP_` prefix, the opposite of every
 * other runtime, so they are checked only when named.
 */
export const MATRIX: readonly MatrixProfile[] = [
  {
    spec: 'docker@29',
    support: 'current',
    lines:
      'Docker Engine 29, the newest major (docker-v29.7.2 tagged 2026-08-05); Kubernetes reaches it through cri-dockerd',
    sources: DOCKER_SUPPORT,
  },
  {
    spec: 'containerd@2.3',
    support: 'current',
    lines:
      'containerd 2.0 (extended support until March 2027), 2.3 (LTS until 2028-04-30) and newer, with the runc they ship (≥1.1); 2.2 ended 2026-11-06, 1.7 in September 2026',
    sources: CONTAINERD_SUPPORT,
  },
  {
    spec: 'crio@1.36',
    support: 'current',
    lines: 'CRI-O 1.35–1.37, the lines of the supported Kubernetes minors',
    sources: CRIO_SUPPORT,
  },
  {
    spec: 'podman@5.6',
    support: 'current',
    lines: 'Podman 5.x (upstream fixes only the newest release)',
    sources: PODMAN_SUPPORT,
  },
  {
    spec: 'docker@1.10',
    support: 'legacy',
    short: 'Docker ≤1.10',
    lines: 'Docker 1.2–1.10 (replaced by 1.11 in April 2016), end of life',
    sources: DOCKER_SUPPORT,
  },
  {
    spec: 'docker@18.09',
    support: 'legacy',
    short: 'Docker ≤18.09',
    lines: 'Docker 1.11–18.09 (replaced by 19.03 in July 2019), end of life',
    sources: DOCKER_SUPPORT,
  },
  {
    spec: 'docker@20.10',
    support: 'legacy',
    short: 'Docker 19.03–20.10',
    lines: 'Docker 19.03–20.10, end of life since 2023-12-10 (20.10 was the last)',
    sources: DOCKER_SUPPORT,
  },
  {
    spec: 'containerd@1.2',
    support: 'legacy',
    short: 'containerd ≤1.2',
    lines: 'containerd 1.1–1.2, end of life since 2020-10-15',
    sources: CONTAINERD_SUPPORT,
  },
  {
    spec: 'containerd@1.5.0',
    support: 'legacy',
    short: 'containerd ≤1.5 with runc ≤1.0.0-rc93',
    lines: 'containerd 1.3–1.5 with runc ≤1.0.0-rc93; containerd 1.5 ended 2023-02-28',
    sources: CONTAINERD_SUPPORT,
  },
  {
    spec: 'crio@1.17',
    support: 'legacy',
    short: 'CRI-O 1.12–1.17',
    lines: 'CRI-O 1.12–1.17, end of life with Kubernetes 1.17 (2021-01-13)',
    sources: CRIO_SUPPORT,
  },
  {
    spec: 'podman@4.3',
    support: 'legacy',
    short: 'Podman <4.4',
    lines:
      'Podman before 4.4, ended upstream in 2023 (Debian 12 still ships 4.3.1 under LTS: name it with --target podman@4.3)',
    sources: PODMAN_SUPPORT,
  },
];

/** Every profile of the built-in matrix, current first. */
export const DEFAULT_MATRIX: readonly string[] = MATRIX.map((p) => p.spec);
export const CURRENT_MATRIX: readonly string[] = MATRIX.filter((p) => p.support === 'current').map((p) => p.spec);
export const LEGACY_MATRIX: readonly string[] = MATRIX.filter((p) => p.support === 'legacy').map((p) => p.spec);

const ENGINE_ORDER = ['docker', 'containerd', 'crio', 'podman'];
const engineOf = (spec: string) => ENGINE_ORDER.indexOf(spec.split('@')[0] ?? '');
/** Every profile, engine by engine and oldest first (the order `--target all` reports in). */
export const ALL_MATRIX: readonly string[] = [...LEGACY_MATRIX, ...CURRENT_MATRIX].sort(
  (a, b) => engineOf(a) - engineOf(b),
);

/** Words `--target` accepts for a whole part of the matrix. */
export const TARGET_SETS: Readonly<Record<string, readonly string[]>> = {
  current: CURRENT_MATRIX,
  legacy: LEGACY_MATRIX,
  all: ALL_MATRIX,
};

export function knownTargetsHelp(): string {
  const engines = ENGINE_NAMES.map((name) => {
    const ranges = ENGINE_RANGES.filter((r) => r.engine === name).map((r) => r.label);
    return `  ${name}: ${ranges.join('; ')}`;
  });
  const oci = ['runc', 'crun'].map(
    (name) =>
      `  ${name}: ${OCI_RANGES.filter((r) => r.runtime === name)
        .map((r) => r.label)
        .join('; ')}`,
  );
  return [
    'Known runtimes and version ranges:',
    ...engines,
    ...oci,
    '  dockershim, cri-dockerd: pass names to Docker unchanged (combine with docker@VERSION)',
    'Other facts: k8s@VERSION, kernel@VERSION',
    'Syntax: runtime@version joined by + for a runtime stack and , for other facts,',
    '  e.g. docker@18.06, containerd@1.7+runc@1.1, crio@1.25, k8s@1.13.2,docker@18.06,kernel@3.10',
  ].join('\n');
}

interface Part {
  name: string;
  version: Version;
  text: string;
}

function parsePart(raw: string, whole: string): Part {
  const text = raw.trim();
  const match = /^([a-z][a-z0-9-]*)(?:(?:@|:\/\/)(.+))?$/i.exec(text);
  const name = match?.[1] ? ALIASES[match[1].toLowerCase()] : undefined;
  if (!match || !name) {
    throw new TargetError(`unknown target "${text}" in "${whole}".\n${knownTargetsHelp()}`);
  }
  const versionText = match[2] ?? LATEST[name];
  if (versionText === undefined) {
    throw new TargetError(`target "${text}" needs a version, e.g. ${name}@1.25.\n${knownTargetsHelp()}`);
  }
  const version = parseVersion(versionText);
  if (!version) throw new TargetError(`"${versionText}" is not a version in target "${whole}".`);
  return { name, version, text };
}

export function findEngineRange(engine: EngineName, version: Version): EngineRange | undefined {
  return ENGINE_RANGES.find((r) => r.engine === engine && inRange(version, r.since, r.until));
}

function findOciRange(runtime: OciRuntimeName, version: Version): OciRange | undefined {
  return OCI_RANGES.find((r) => r.runtime === runtime && inRange(version, r.since, r.until));
}

/**
 * Which runc a containerd release pins, when the version says so unambiguously: a `major.minor`
 * whose patch releases pin different runc versions counts only if they all behave alike.
 */
function bundledRunc(version: Version): { range?: OciRange; note: string } {
  const entries = CONTAINERD_BUNDLED_RUNC.filter((e) => releaseCoverage(version, [e]) !== 'none');
  const ranges = new Set(entries.map((e) => findOciRange('runc', parseVersion(e.runc) as Version)));
  const range = ranges.size === 1 ? [...ranges][0] : undefined;
  if (!range) {
    return {
      note: `the runc that containerd ${version.text} ships with is not pinned down here; name it, e.g. +runc@1.1`,
    };
  }
  const first = entries[0] as (typeof entries)[number];
  const last = entries.at(-1) as (typeof entries)[number];
  const runc = first === last ? first.runc : `${first.runc} to ${last.runc}`;
  const pinned = last.until ? `runc ${runc}` : `runc ${runc} or later`;
  const sources = entries.map((e) => e.source).join(', ');
  return {
    range,
    note: `${pinned} assumed, as containerd ${version.text} ships it (${sources}); name the node's runc with +runc@VERSION if it differs`,
  };
}

export function resolveTarget(text: string): ResolvedTarget {
  const parts = text
    .split(/[,+]/)
    .filter((p) => p.trim() !== '')
    .map((p) => parsePart(p, text));
  if (parts.length === 0) throw new TargetError(`empty target.\n${knownTargetsHelp()}`);
  const target: ResolvedTarget = { id: text.trim(), label: '' };
  let engineName: EngineName | undefined;
  let shim = false;
  let oci: Part | undefined;
  for (const part of parts) {
    switch (part.name) {
      case 'k8s':
        target.kubernetes = part.version;
        break;
      case 'kernel': {
        const kernel = parseKernelVersion(part.version.text);
        if (!kernel) throw new TargetError(`"${part.version.text}" is not a kernel version in "${text}".`);
        target.kernel = kernel;
        break;
      }
      case 'dockershim':
        shim = true;
        break;
      case 'runc':
      case 'crun':
        if (oci) throw new TargetError(`target "${text}" names two OCI runtimes.`);
        oci = part;
        break;
      default: {
        if (engineName) throw new TargetError(`target "${text}" names two container engines; use one per target.`);
        engineName = part.name as EngineName;
        const range = findEngineRange(engineName, part.version);
        if (!range) {
          throw new TargetError(`${part.text}: no facts for this ${engineName} version.\n${knownTargetsHelp()}`);
        }
        target.engine = range;
        target.engineVersion = part.version;
      }
    }
  }
  if (shim && !target.engine) {
    throw new TargetError(`"${text}": dockershim and cri-dockerd pass names to Docker; add docker@VERSION.`);
  }
  if (shim && target.engine?.engine !== 'docker') {
    throw new TargetError(`"${text}": dockershim and cri-dockerd run only with Docker.`);
  }
  if (oci) {
    if (!target.engine || (target.engine.engine !== 'containerd' && target.engine.engine !== 'crio')) {
      throw new TargetError(
        `"${text}": an OCI runtime matters only behind containerd or CRI-O (e.g. containerd@1.7+runc@1.1).`,
      );
    }
    const range = findOciRange(oci.name as OciRuntimeName, oci.version);
    if (!range) throw new TargetError(`${oci.text}: no facts for this version.\n${knownTargetsHelp()}`);
    target.oci = range;
  } else if (target.engine?.engine === 'containerd' && target.engine.id !== 'containerd-1.1' && target.engineVersion) {
    const bundled = bundledRunc(target.engineVersion);
    if (bundled.range) target.oci = bundled.range;
    target.ociNote = bundled.note;
  }
  target.label = describeTarget(target);
  return target;
}

function describeTarget(target: ResolvedTarget): string {
  const parts: string[] = [];
  if (target.engine) {
    parts.push(target.oci ? `${target.engine.label} with ${target.oci.label}` : target.engine.label);
  }
  if (target.kubernetes) parts.push(`Kubernetes ${target.kubernetes.text}`);
  if (target.kernel) parts.push(`kernel ${target.kernel.join('.')}`);
  return parts.join(', ');
}

function matrixEntry(spec: string, context: boolean): ResolvedTarget {
  const profile = MATRIX.find((p) => p.spec === spec);
  const target: ResolvedTarget = { ...resolveTarget(spec), matrix: true };
  if (profile) target.support = profile.support;
  if (context) target.context = true;
  return target;
}

/** The default targets: the current profiles, with the legacy ones as context. */
function defaultTargets(): ResolvedTarget[] {
  return [...CURRENT_MATRIX.map((t) => matrixEntry(t, false)), ...LEGACY_MATRIX.map((t) => matrixEntry(t, true))];
}

/**
 * Resolves the targets to check: the given ones, or the default targets (the current profiles of
 * the matrix, the legacy ones as context). `current`, `legacy` and `all` name parts of the matrix,
 * which then all count in the severity. A target that names no engine (only `k8s@` or `kernel@`)
 * adds its facts to every entry of the default targets.
 */
export function resolveTargets(texts: readonly string[]): ResolvedTarget[] {
  if (texts.length === 0) return defaultTargets();
  const out: ResolvedTarget[] = [];
  const seen = new Set<string>();
  const push = (target: ResolvedTarget) => {
    if (seen.has(target.id)) return;
    seen.add(target.id);
    out.push(target);
  };
  for (const text of texts) {
    const set = TARGET_SETS[text.trim().toLowerCase()];
    if (set) {
      for (const spec of set) push(matrixEntry(spec, false));
      continue;
    }
    const target = resolveTarget(text);
    if (target.engine) {
      push(target);
      continue;
    }
    for (const entry of defaultTargets()) {
      const merged: ResolvedTarget = { ...entry };
      if (target.kubernetes) merged.kubernetes = target.kubernetes;
      if (target.kernel) merged.kernel = target.kernel;
      merged.label = describeTarget(merged);
      merged.id = `${entry.id},${text}`;
      push(merged);
    }
  }
  return out;
}
