// `capdoctor targets` and `capdoctor rules`: what capdoctor knows.
import { ENGINE_RANGES, OCI_RANGES } from '../../knowledge/runtimes.js';
import { DEFAULT_MATRIX, resolveTarget } from '../../knowledge/targets.js';
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
          defaults: r.defaults,
          citations: r.citations,
        })),
        ociRuntimes: OCI_RANGES.map((r) => ({
          runtime: r.runtime,
          id: r.id,
          label: r.label,
          since: r.since,
          until: r.until,
        })),
        defaultMatrix: DEFAULT_MATRIX.map((t) => ({ target: t, label: resolveTarget(t).label })),
      },
      null,
      2,
    )}\n`;
  }
  const lines = ['Container engines (use as ENGINE@VERSION):'];
  for (const r of ENGINE_RANGES) {
    lines.push(
      `  ${r.engine.padEnd(11)} ${range(r.since, r.until).padEnd(20)} ${r.label}: names ${namingText(r.naming)}`,
    );
  }
  lines.push('', 'OCI runtimes behind containerd or CRI-O (add with +runc@VERSION or +crun@VERSION):');
  for (const r of OCI_RANGES) {
    const unknown = r.unknown.action === 'reject' ? 'fails on unknown names' : 'skips unknown names silently';
    lines.push(`  ${r.runtime.padEnd(11)} ${range(r.since, r.until).padEnd(20)} ${r.label}: ${unknown}`);
  }
  lines.push(
    '',
    'Other facts: k8s@VERSION (Kubernetes), kernel@VERSION (node kernel, e.g. kernel@5.4)',
    '',
    'Without --target, capdoctor checks this matrix:',
    ...DEFAULT_MATRIX.map((t) => `  ${t.padEnd(18)} ${resolveTarget(t).label}`),
    '',
    'Examples: --target docker@18.06  --target containerd@1.7+runc@1.1  --target k8s@1.13.2,docker@18.06,kernel@3.10',
  );
  return `${lines.join('\n')}\n`;
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
