// Runs one rule over YAML text, and checks `# expect:` annotations in rule fixtures.
import { type LintOptions, lintSource } from '../../src/core/engine.js';
import type { Finding } from '../../src/core/types.js';
import { resolveTargets } from '../../src/knowledge/targets.js';
import { findRule } from '../../src/rules/index.js';

export function runRule(
  id: string,
  text: string,
  targets: string[] = [],
  extra: Pick<LintOptions, 'pss'> = {},
): Finding[] {
  const rule = findRule(id);
  if (!rule) throw new Error(`no rule ${id}`);
  // Opt-in rules are enabled here at their own severity.
  const settings = { [id]: rule.meta.severity };
  return lintSource('test.yaml', text, {
    rules: [rule],
    targets: resolveTargets(targets),
    settings,
    ...extra,
  }).findings.filter((f) => f.rule === id);
}

export interface Expectation {
  line: number;
  column: number;
  severity: string;
  message: string;
}

/**
 * Fixture conventions: a first-line comment `# targets: docker@18.06, containerd@1.6` (optional; no
 * targets means the default targets), `# pss: baseline` (optional, a Pod Security level) and, on each line that must be reported, a trailing comment
 * `# expect: COLUMN SEVERITY MESSAGE-FRAGMENT`. Several findings on one line: `# expect: … ## …`.
 */
export function readFixture(text: string): {
  targets: string[];
  expectations: Expectation[];
  pss?: 'baseline' | 'restricted';
} {
  const lines = text.split(/\r?\n/);
  const header = /^#\s*targets:\s*(.+)$/.exec(lines[0] ?? '');
  // `# pss: baseline` among the first lines selects a Pod Security level.
  const level = lines
    .slice(0, 3)
    .map((line) => /^#\s*pss:\s*(baseline|restricted)\s*$/.exec(line)?.[1])
    .find((l) => l !== undefined) as 'baseline' | 'restricted' | undefined;
  const targets = header?.[1] ? header[1].split(/\s*;\s*|\s+/).filter(Boolean) : [];
  const expectations: Expectation[] = [];
  lines.forEach((line, index) => {
    const at = line.indexOf('# expect:');
    if (at < 0) return;
    for (const part of line.slice(at + '# expect:'.length).split('##')) {
      const match = /^\s*(\d+)\s+(error|warning|info)\s+(.+?)\s*$/.exec(part);
      if (!match?.[1] || !match[2] || !match[3]) throw new Error(`bad expectation on line ${index + 1}: ${part}`);
      expectations.push({ line: index + 1, column: Number(match[1]), severity: match[2], message: match[3] });
    }
  });
  return { targets, expectations, ...(level ? { pss: level } : {}) };
}

/**
 * A Pod (or another `kind` with the same shape) named p with one container "app" whose securityContext
 * holds `context` (lines indented by 8 spaces). The first context line is line 10.
 */
export const podWith = (context: string, kind = 'Pod') => `apiVersion: v1
kind: ${kind}
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app
      securityContext:
${context}
`;

/**
 * The same with securityContext.capabilities holding `caps` (lines indented by 10 spaces). The first
 * capability line is line 11.
 */
export const pod = (caps: string, kind = 'Pod') => podWith(`        capabilities:\n${caps}`, kind);
