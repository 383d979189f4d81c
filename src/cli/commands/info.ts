// `capdoctor targets` and `capdoctor rules`: what capdoctor knows.
import { CAPABILITIES } from '../../knowledge/capabilities.js';
import {
  CONTAINERD_BUNDLED_RUNC,
  ENGINE_RANGES,
  type EngineRange,
  OCI_RANGES,
  type Releases,
  type UnknownHandling,
} from '../../knowledge/runtimes.js';
import { MATRIX, type MatrixProfile, resolveTarget, SUPPORT_AS_OF } from '../../knowledge/targets.js';
import { ALL_RULE_META } from '../../rules/index.js';

function range(since?: string, until?: string): string {
  if (since && until) return `${since} ≤ v < ${until}`;
  if (since) return `≥ ${since}`;
  return until ? `< ${until}` : 'all';
}

export function targetsText(json: boolean): string {
  if (json) {
    return `${JSON.stringify(
      {
        engines: ENGINE_RANGES.map((r) => ({
          engine: r.engine,
          id: r.id,
          label: r.label,
          since: r.since,
          until: r.until,
          naming: r.naming,
          unknownAdd: r.unknownAdd.action,
          ...(r.unknownAddIn
            ? { unknownAddIn: { releases: r.unknownAddIn.releases, unknownAdd: r.unknownAddIn.handling.action } }
            : {}),
          unknownDrop: r.unknownDrop.action,
          knownMax: r.knownMax,
          defaults: r.defaults,
          dropAllKeepsDefaults: r.dropAllKeepsDefaults ?? false,
          ambient: r.nonRoot?.ambient?.releases ?? [],
          nonRootBoundingOnly: r.nonRoot?.boundingOnly?.releases ?? [],
          citations: r.citations,
        })),
        ociRuntimes: OCI_RANGES.map((r) => ({
          runtime: r.runtime,
          id: r.id,
          label: r.label,
          since: r.since,
          until: r.until,
          unknown: r.unknown.action,
          knownMax: r.knownMax,
        })),
        containerdRunc: CONTAINERD_BUNDLED_RUNC.map((e) => ({ ...e })),
        supportAsOf: SUPPORT_AS_OF,
        defaultMatrix: MATRIX.map((p) => ({
          target: p.spec,
          label: resolveTarget(p.spec).label,
          support: p.support,
          lines: p.lines,
          sources: p.sources,
        })),
      },
      null,
      2,
    )}\n`;
  }
  const width = Math.max(...[...ENGINE_RANGES, ...OCI_RANGES].map((r) => range(r.since, r.until).length)) + 1;
  const indent = ' '.repeat(2 + 11 + 1 + width);
  const lines = ['Container engines (use as ENGINE@VERSION):'];
  for (const r of ENGINE_RANGES) {
    lines.push(
      `  ${r.engine.padEnd(11)} ${range(r.since, r.until).padEnd(width)}${r.label}: names ${namingText(r.naming)}`,
    );
    for (const detail of engineDetails(r)) lines.push(`${indent}${detail}`);
  }
  lines.push('', 'OCI runtimes behind containerd or CRI-O (add with +runc@VERSION or +crun@VERSION):');
  for (const r of OCI_RANGES) {
    const unknown = r.unknown.action === 'reject' ? 'fails on unknown names' : 'skips unknown names silently';
    lines.push(
      `  ${r.runtime.padEnd(11)} ${range(r.since, r.until).padEnd(width)}${r.label}: ${unknown}; knows names up to ${capabilityName(r.knownMax)}`,
    );
  }
  lines.push('', 'The runc each containerd release pins (assumed unless +runc@VERSION names the node’s):');
  for (const e of CONTAINERD_BUNDLED_RUNC) {
    lines.push(
      `  ${'containerd'.padEnd(11)} ${range(e.since, e.until).padEnd(width)}runc ${e.runc}${e.until ? '' : ' or later'}`,
    );
  }
  lines.push(
    '',
    'Other facts: k8s@VERSION (Kubernetes), kernel@VERSION (node kernel, e.g. kernel@5.4)',
    '',
    `Without --target, the runtimes supported today decide the severity (support checked on ${SUPPORT_AS_OF}):`,
    ...profiles('current'),
    '',
    'End-of-life runtimes, checked as context only ("also fails on …"); --target legacy or --target all',
    'counts them too, as do explicit targets and `targets` in .capdoctor.yaml:',
    ...profiles('legacy'),
    '',
    'Sources of the support dates:',
    ...[...new Set(MATRIX.flatMap((p) => p.sources))].map((s) => `  ${s}`),
    '',
    'Examples: --target docker@18.06  --target containerd@1.7+runc@1.1  --target k8s@1.13.2,docker@18.06,kernel@3.10  --target all',
  );
  return `${lines.join('\n')}\n`;
}

function capabilityName(number: number): string {
  return CAPABILITIES.find((c) => c.number === number)?.name ?? String(number);
}

function handlingText(handling: UnknownHandling): string {
  if (handling.action === 'reject') return `refused (${handling.status})`;
  return handling.action === 'ignore' ? 'has no effect' : 'left to the OCI runtime';
}

function releasesText(releases: Releases | boolean): string {
  if (
    releases === true ||
    (releases !== false && releases.length === 1 && !releases[0]?.since && !releases[0]?.until)
  ) {
    return 'every release of the range';
  }
  if (releases === false) return 'no release';
  return releases.map((r) => range(r.since, r.until)).join(', ');
}

/** The facts that tell the ranges apart, one short line each. */
function engineDetails(r: EngineRange): string[] {
  const known = r.knownMax === undefined ? '' : `; knows names up to ${capabilityName(r.knownMax)}`;
  const out = [`unknown name in add ${handlingText(r.unknownAdd)}, in drop ${handlingText(r.unknownDrop)}${known}`];
  if (r.unknownAddIn)
    out.push(
      `instead, in ${releasesText(r.unknownAddIn.releases)}: unknown name in add ${handlingText(r.unknownAddIn.handling)}`,
    );
  if (r.dropAllKeepsDefaults) out.push(`drop ALL keeps the defaults: ${releasesText(r.dropAllKeepsDefaults)}`);
  const nonRoot = r.nonRoot;
  if (nonRoot?.ambient)
    out.push(`non-root processes hold the added capabilities (ambient set): ${releasesText(nonRoot.ambient.releases)}`);
  if (nonRoot?.boundingOnly)
    out.push(`non-root processes get only the bounding set: ${releasesText(nonRoot.boundingOnly.releases)}`);
  return out;
}

function profiles(support: MatrixProfile['support']): string[] {
  return MATRIX.filter((p) => p.support === support).flatMap((p) => [
    `  ${p.spec.padEnd(18)} ${resolveTarget(p.spec).label}`,
    `  ${''.padEnd(18)} ${p.lines}`,
  ]);
}

function namingText(naming: string): string {
  switch (naming) {
    case 'bare':
      return 'without prefix only';
    case 'prefix-always':
      return 'get CAP_ prepended (CAP_X becomes CAP_CAP_X)';
    case 'normalize':
      return 'with or without CAP_, any case';
    default:
      return 'must carry CAP_';
  }
}

export function rulesText(json: boolean): string {
  if (json) {
    return `${JSON.stringify(
      ALL_RULE_META.map((m) => ({
        id: m.id,
        severity: m.severity,
        enabled: !m.optIn,
        fixable: m.fixable,
        description: m.description,
      })),
      null,
      2,
    )}\n`;
  }
  const width = Math.max(...ALL_RULE_META.map((m) => m.id.length));
  const lines = ALL_RULE_META.map(
    (m) =>
      `  ${m.id.padEnd(width)}  ${(m.optIn ? 'off' : m.severity).padEnd(7)}  ${m.fixable ? (m.fixable === 'safe' ? 'fix' : 'sug') : '   '}  ${m.description}`,
  );
  return `Rules (id, default severity, fix/suggestion, description):\n${lines.join('\n')}\n`;
}
