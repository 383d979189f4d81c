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
  /** True for entries of the built-in matrix (no `--target` given). */
  matrix?: boolean;
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

/**
 * The built-in matrix used when no target is given: one entry per distinct behaviour of the
 * current and legacy runtimes that Kubernetes nodes run. rkt and pre-1.0 CRI-O required the
 * `CAP_` prefix, the opposite of every other runtime, so they are checked only when named.
 */
export const DEFAULT_MATRIX: readonly string[] = [
  'docker@1.10',
  'docker@18.09',
  'docker@20.10',
  'docker@29',
  'containerd@1.2',
  'containerd@1.5.0',
  'containerd@2.2',
  'crio@1.17',
  'crio@1.36',
  'podman@4.3',
  'podman@5.6',
];

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

/**
 * Resolves the targets to check: the given ones, or the built-in matrix. A target that names no
 * engine (only `k8s@` or `kernel@`) adds its facts to every matrix entry.
 */
export function resolveTargets(texts: readonly string[]): ResolvedTarget[] {
  if (texts.length === 0) return DEFAULT_MATRIX.map((t) => ({ ...resolveTarget(t), matrix: true }));
  const out: ResolvedTarget[] = [];
  for (const text of texts) {
    const target = resolveTarget(text);
    if (target.engine) {
      out.push(target);
      continue;
    }
    for (const entry of DEFAULT_MATRIX) {
      const merged: ResolvedTarget = { ...resolveTarget(entry), matrix: true };
      if (target.kubernetes) merged.kubernetes = target.kubernetes;
      if (target.kernel) merged.kernel = target.kernel;
      merged.label = describeTarget(merged);
      merged.id = `${entry},${text}`;
      out.push(merged);
    }
  }
  return out;
}
