import { describe, expect, it } from 'vitest';
import { setExplanationParts } from '../../core/explanation.js';
import type { Finding } from '../../core/types.js';
import type { RuleMeta } from '../../rules/types.js';
import { FORMATTERS } from './index.js';
import { formatJson, toJsonFinding } from './json.js';
import { artifactUri, formatSarif, sarifResult } from './sarif.js';
import { formatText } from './text.js';
import type { FileReport, FormatOptions, LintReport } from './types.js';

const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[`);
const ANSI_CODES = new RegExp(`${ESC}\\[\\d+m`, 'g');

const A_TEXT = ['capabilities:', '  add:', '      - CAP_NET_ADMIN', '      - sys_time', ''].join('\n');

const RULES: RuleMeta[] = [
  {
    id: 'cap-prefix',
    severity: 'error',
    description: 'Capability names must not carry the CAP_ prefix.',
    docs: 'Write `NET_ADMIN`, not `CAP_NET_ADMIN`.',
    fixable: 'safe',
    citations: [],
    tags: ['capabilities', 'security'],
  },
  {
    id: 'cap-case',
    severity: 'warning',
    description: 'Capability names are upper case.',
    docs: 'Write `SYS_TIME`.',
    fixable: 'safe',
    citations: [],
  },
  {
    id: 'cap-note',
    severity: 'info',
    description: 'A note.',
    docs: 'Just a note.',
    fixable: false,
    citations: [],
  },
];

const OPTIONS: FormatOptions = { color: false, rules: RULES, version: '0.1.0' };
const VERBOSE: FormatOptions = { ...OPTIONS, verbose: true };

function errorFinding(): Finding {
  return {
    rule: 'cap-prefix',
    severity: 'error',
    message: '"CAP_NET_ADMIN": CAP_ prefix — container fails on docker@18.06; write NET_ADMIN',
    explanation: '"CAP_NET_ADMIN" carries the CAP_ prefix. On docker@18.06 it is rejected. Write NET_ADMIN.',
    file: 'examples/a.yaml',
    line: 3,
    column: 9,
    endLine: 3,
    endColumn: 22,
    path: 'spec.containers[0].securityContext.capabilities.add[0]',
    object: { apiVersion: 'v1', kind: 'Pod', name: 'web' },
    container: 'app',
    targets: [
      { target: 'containerd@1.7', outcome: 'applied', detail: 'prefix stripped' },
      { target: 'docker@18.06', outcome: 'rejected', detail: 'unknown capability' },
      { target: 'cri-o@1.20', outcome: 'unknown', detail: 'not documented' },
    ],
    fix: {
      description: 'replace "CAP_NET_ADMIN" with NET_ADMIN',
      edits: [{ kind: 'replace-scalar', path: ['spec', 'containers', 0], value: 'NET_ADMIN' }],
    },
    range: { start: 29, end: 42 },
  };
}

function warningFinding(): Finding {
  return {
    rule: 'cap-case',
    severity: 'warning',
    message: '"sys_time" is lower case.',
    file: 'examples/a.yaml',
    line: 4,
    column: 9,
    endLine: 4,
    endColumn: 17,
    path: 'spec.containers[0].securityContext.capabilities.add[1]',
    suggestion: { description: 'drop "sys_time"', edits: [{ kind: 'remove-item', path: ['spec', 1] }] },
  };
}

function infoFinding(): Finding {
  return {
    rule: 'cap-note',
    severity: 'info',
    message: 'Just so you know.',
    file: './b\\c.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    path: '',
  };
}

function makeReport(): LintReport {
  return {
    files: [
      { file: 'examples/a.yaml', text: A_TEXT, findings: [errorFinding(), warningFinding()] },
      { file: './b\\c.yaml', findings: [infoFinding()] },
      { file: 'examples/clean.yaml', text: 'kind: Pod\n', findings: [] },
    ],
    targets: ['containerd@1.7', 'docker@18.06', 'cri-o@1.20'],
    summary: { files: 3, documents: 4, errors: 1, warnings: 1, infos: 1 },
  };
}

function emptyReport(files: FileReport[] = [], documents = 2): LintReport {
  return { files, targets: [], summary: { files: files.length, documents, errors: 0, warnings: 0, infos: 0 } };
}

describe('formatText', () => {
  const output = formatText(makeReport(), OPTIONS);
  const lines = output.split('\n');

  it('prints the targets line first, then the file header and the finding line', () => {
    expect(lines[0]).toBe('Targets: containerd@1.7, docker@18.06, cri-o@1.20');
    expect(lines).toContain('examples/a.yaml');
    expect(lines).toContain(
      '  3:9  error  "CAP_NET_ADMIN": CAP_ prefix — container fails on docker@18.06; write NET_ADMIN  cap-prefix',
    );
    expect(lines).toContain('  4:9  warning  "sys_time" is lower case.  cap-case');
    expect(lines).toContain('  1:1  info  Just so you know.  cap-note');
    expect(output.endsWith('\n')).toBe(true);
  });

  it('skips files without findings', () => {
    expect(output).not.toContain('clean.yaml');
  });

  it('prints the context line, omitting missing parts (the path only with --verbose)', () => {
    expect(lines).toContain('    Pod/web · container "app"');
    expect(lines.some((l) => l.includes('spec.containers[0]'))).toBe(false);
    const verbose = formatText(makeReport(), VERBOSE).split('\n');
    expect(verbose).toContain('    Pod/web · container "app" · spec.containers[0].securityContext.capabilities.add[0]');
    expect(verbose).toContain('    spec.containers[0].securityContext.capabilities.add[1]');
    // The info finding has no object, container or path: no context line at all.
    const info = lines.indexOf('  1:1  info  Just so you know.  cap-note');
    expect(lines[info + 1]).toBe('');
  });

  it('prints a code frame with one line of context and carets under [column, endColumn)', () => {
    const marked = lines.indexOf('  > 3 |       - CAP_NET_ADMIN');
    expect(marked).toBeGreaterThan(0);
    expect(lines[marked - 1]).toBe('    2 |   add:');
    expect(lines[marked - 2]).not.toContain(' | ');
    const caret = lines[marked + 1] ?? '';
    expect(caret).toBe(`      | ${' '.repeat(8)}${'^'.repeat(13)}`);
    // The carets sit exactly under "CAP_NET_ADMIN".
    const source = lines[marked] ?? '';
    expect(source.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe('CAP_NET_ADMIN');
  });

  it('prints no code frame without text', () => {
    const info = lines.indexOf('  1:1  info  Just so you know.  cap-note');
    expect(lines.slice(info).some((l) => l.includes(' | '))).toBe(false);
  });

  it('prints fix, suggestion and one compact line for the targets', () => {
    expect(lines).toContain('    fix: replace "CAP_NET_ADMIN" with NET_ADMIN');
    expect(lines).toContain('    suggested fix: drop "sys_time" (applied only by `capdoctor fix --unsafe`)');
    expect(lines).toContain('    ✗ fails: docker@18.06 · ? unknown: cri-o@1.20 · ✓ works: containerd@1.7');
    expect(output).not.toContain('unknown capability');
    expect(output).not.toContain('On docker@18.06 it is rejected');
  });

  it('with --verbose, adds the explanation and the non-applied targets one by one', () => {
    const verbose = formatText(makeReport(), VERBOSE).split('\n');
    expect(verbose).toContain(
      '    "CAP_NET_ADMIN" carries the CAP_ prefix. On docker@18.06 it is rejected. Write NET_ADMIN.',
    );
    expect(verbose).toContain('    ✗ docker@18.06: rejected — unknown capability');
    expect(verbose).toContain('    ? cri-o@1.20: unknown — not documented');
    expect(verbose.join('\n')).not.toContain('containerd@1.7: applied');
  });

  it('prints the summary with correct pluralisation', () => {
    expect(lines.at(-2)).toBe('✖ 3 problems (1 error, 1 warning, 1 info) in 2 files');
    expect(lines.at(-1)).toBe('');

    const single = makeReport();
    single.files = [{ file: 'x.yaml', findings: [errorFinding()] }];
    single.summary = { files: 1, documents: 1, errors: 1, warnings: 0, infos: 0 };
    expect(formatText(single, OPTIONS)).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos) in 1 file\n');

    const many = makeReport();
    many.files = [{ file: 'x.yaml', findings: [infoFinding(), infoFinding()] }];
    expect(formatText(many, OPTIONS)).toContain('✖ 2 problems (0 errors, 0 warnings, 2 infos) in 1 file\n');
  });

  it('prints the ✔ line for an empty report', () => {
    expect(formatText(emptyReport(), OPTIONS)).toBe('✔ No problems in 0 files (2 documents)\n');
    const one = emptyReport([{ file: 'a.yaml', findings: [] }], 1);
    expect(formatText(one, OPTIONS)).toBe('✔ No problems in 1 file (1 document)\n');
  });

  it('summarises many targets and many target outcomes', () => {
    const report = makeReport();
    report.targets = ['a', 'b', 'c', 'd', 'e'];
    const finding = errorFinding();
    finding.targets = Array.from({ length: 15 }, (_, i) => ({
      target: `t${i}`,
      outcome: 'rejected' as const,
      detail: 'no',
    }));
    report.files = [{ file: 'x.yaml', findings: [finding] }];
    const out = formatText(report, VERBOSE).split('\n');
    expect(out[0]).toBe('Targets: 5 runtime profiles (run `capdoctor targets` to list them)');
    expect(out.filter((l) => l.startsWith('    ✗ t')).length).toBe(12);
    expect(out).toContain('    ✗ t11: rejected — no');
    expect(out).not.toContain('    ✗ t12: rejected — no');
    expect(out).toContain('    … 3 more');
  });

  it('handles CRLF text, multi-line ranges and a frame at line 1', () => {
    const finding: Finding = { ...errorFinding(), line: 1, column: 3, endLine: 2, endColumn: 2 };
    const report = makeReport();
    report.files = [{ file: 'x.yaml', text: 'a: bcd\r\ne: f\r\n', findings: [finding] }];
    const out = formatText(report, OPTIONS);
    expect(out).not.toContain('\r');
    const lines = out.split('\n');
    const marked = lines.indexOf('  > 1 | a: bcd');
    expect(marked).toBeGreaterThan(0);
    // Runs to the end of the line when the range spans lines.
    expect(lines[marked + 1]).toBe('      |   ^^^^');
  });

  it('frames a streamed input from its kept lines as from its whole text', () => {
    const text = 'a: 1\r\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n';
    const findings: Finding[] = [
      { ...errorFinding(), line: 2, column: 1, endLine: 2, endColumn: 2 },
      { ...errorFinding(), line: 5, column: 4, endLine: 5, endColumn: 5 },
    ];
    const whole = makeReport();
    whole.files = [{ file: 'x.yaml', text, findings }];
    const kept = makeReport();
    // The lines the frames show, as a stream keeps them (with a CR of their own).
    const frameLines = new Map([
      [1, 'a: 1\r'],
      [2, 'b: 2'],
      [4, 'd: 4'],
      [5, 'e: 5'],
    ]);
    kept.files = [{ file: 'x.yaml', frameLines, findings }];
    const out = formatText(kept, OPTIONS);
    expect(out).toContain('  > 5 | e: 5');
    expect(out).toContain('    1 | a: 1\n');
    expect(out).toBe(formatText(whole, OPTIONS));
  });

  it('keeps tabs in the caret padding and shows at least one caret', () => {
    const finding: Finding = { ...errorFinding(), line: 1, column: 3, endLine: 1, endColumn: 3 };
    const report = makeReport();
    report.files = [{ file: 'x.yaml', text: '\tx y\n', findings: [finding] }];
    const lines = formatText(report, OPTIONS).split('\n');
    expect(lines).toContain('  > 1 | \tx y');
    expect(lines).toContain('      | \t ^');
  });

  it('colours only when asked', () => {
    expect(output).not.toMatch(ANSI);
    expect(formatText(emptyReport(), OPTIONS)).not.toMatch(ANSI);
    const coloured = formatText(makeReport(), { ...OPTIONS, color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(formatText(emptyReport(), { ...OPTIONS, color: true })).toMatch(ANSI);
    // Stripping the escapes gives the plain output back.
    expect(coloured.replace(ANSI_CODES, '')).toBe(output);
  });
});

describe('formatJson', () => {
  const output = formatJson(makeReport(), OPTIONS);
  const parsed = JSON.parse(output) as Record<string, unknown>;

  it('is 2-space indented with a trailing newline', () => {
    expect(output.startsWith('{\n  "version": 2,\n')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
  });

  it('matches the stable shape exactly', () => {
    expect(parsed).toStrictEqual({
      version: 2,
      findings: [
        {
          rule: 'cap-prefix',
          severity: 'error',
          message: '"CAP_NET_ADMIN": CAP_ prefix — container fails on docker@18.06; write NET_ADMIN',
          explanation: '"CAP_NET_ADMIN" carries the CAP_ prefix. On docker@18.06 it is rejected. Write NET_ADMIN.',
          file: 'examples/a.yaml',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 22,
          path: 'spec.containers[0].securityContext.capabilities.add[0]',
          object: { apiVersion: 'v1', kind: 'Pod', name: 'web' },
          container: 'app',
          targets: [
            { target: 'containerd@1.7', outcome: 'applied', detail: 'prefix stripped' },
            { target: 'docker@18.06', outcome: 'rejected', detail: 'unknown capability' },
            { target: 'cri-o@1.20', outcome: 'unknown', detail: 'not documented' },
          ],
          fix: {
            description: 'replace "CAP_NET_ADMIN" with NET_ADMIN',
            edits: [{ kind: 'replace-scalar', path: ['spec', 'containers', 0], value: 'NET_ADMIN' }],
          },
        },
        {
          rule: 'cap-case',
          severity: 'warning',
          message: '"sys_time" is lower case.',
          file: 'examples/a.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 17,
          path: 'spec.containers[0].securityContext.capabilities.add[1]',
          suggestion: { description: 'drop "sys_time"', edits: [{ kind: 'remove-item', path: ['spec', 1] }] },
        },
        {
          rule: 'cap-note',
          severity: 'info',
          message: 'Just so you know.',
          file: './b\\c.yaml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          path: '',
        },
      ],
      summary: { files: 3, documents: 4, errors: 1, warnings: 1, infos: 1 },
    });
  });

  it('omits absent optional keys and never emits range', () => {
    const findings = parsed.findings as Record<string, unknown>[];
    expect(output).not.toContain('"range"');
    expect(Object.keys(findings[0] ?? {})).toEqual([
      'rule',
      'severity',
      'message',
      'explanation',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'path',
      'object',
      'container',
      'targets',
      'fix',
    ]);
    expect(Object.keys(findings[1] ?? {})).not.toContain('object');
    expect(Object.keys(findings[2] ?? {})).toEqual([
      'rule',
      'severity',
      'message',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'path',
    ]);
    expect(Object.keys(findings[0]?.object ?? {})).not.toContain('namespace');
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'summary']);
  });

  it('is the text JSON.stringify gives for the whole report, built finding by finding', () => {
    const report = makeReport();
    const whole = {
      version: 2,
      findings: report.files.flatMap((f) => f.findings.map(toJsonFinding)),
      summary: report.summary,
    };
    expect(output).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    expect(formatJson(emptyReport(), OPTIONS)).toBe(
      `${JSON.stringify({ version: 2, findings: [], summary: emptyReport().summary }, null, 2)}\n`,
    );
  });

  it('is the text of JSON.stringify for every kind of field: evidence, empty lists and objects, legacy targets', () => {
    const odd: Finding = {
      ...infoFinding(),
      rule: 'needs-cap',
      message: 'quotes " and \\ and \u2028, a dash —, a bell \u0007, a lone \ud800 and a pair 😀',
      object: {},
      targets: [],
      evidence: [
        { text: 'ulimit -l unlimited', label: 'args[0]', path: 'spec.containers[0].args[0]', line: 7, column: 11 },
      ],
    };
    const legacy: Finding = {
      ...warningFinding(),
      object: { kind: 'Pod', namespace: 'ns' },
      targets: [{ target: 'docker@1.9', outcome: 'rejected', detail: 'old', legacy: true }],
      fix: { description: 'nothing', edits: [] },
    };
    const report = emptyReport([{ file: 'c.yaml', findings: [odd, legacy] }], 1);
    const whole = { version: 2, findings: [odd, legacy].map(toJsonFinding), summary: report.summary };
    expect(formatJson(report, OPTIONS)).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });

  it('writes an explanation given in parts as the text they make, each shared part escaped once', () => {
    const shared = ` is added: “the rest” is the same for every finding, with "quotes", a \\ and a line\nbreak ${'—'.repeat(80)}`;
    const findings = [1000, 1001, 1000].map((uid) => {
      const finding = infoFinding();
      setExplanationParts(finding, ['"NET_BIND_SERVICE"', ` runs as uid ${uid} \u0007`, shared]);
      return finding;
    });
    // A surrogate pair split between parts, and a finding whose explanation changed after its parts were set.
    const split = infoFinding();
    setExplanationParts(split, ['a smile \ud83d', '\ude00 and a lone \ud800']);
    const changed = infoFinding();
    setExplanationParts(changed, ['old ', shared]);
    changed.explanation = 'new';
    const all = [...findings, split, changed];
    const report = emptyReport([{ file: 'c.yaml', findings: all }], 1);
    const text = formatJson(report, OPTIONS);
    expect(text).toBe(
      `${JSON.stringify({ version: 2, findings: all.map(toJsonFinding), summary: report.summary }, null, 2)}\n`,
    );
    const parsed = JSON.parse(text) as { findings: { explanation: string }[] };
    expect(parsed.findings[1]?.explanation).toBe(`"NET_BIND_SERVICE" runs as uid 1001 \u0007${shared}`);
    expect(parsed.findings[4]?.explanation).toBe('new');
  });

  it('prints an empty report', () => {
    expect(JSON.parse(formatJson(emptyReport(), OPTIONS))).toStrictEqual({
      version: 2,
      findings: [],
      summary: { files: 0, documents: 2, errors: 0, warnings: 0, infos: 0 },
    });
  });
});

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON is checked structurally below.
type Json = any;

function validateSarif(log: Json): void {
  expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  expect(log.version).toBe('2.1.0');
  expect(Array.isArray(log.runs)).toBe(true);
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  expect(run.columnKind).toBe('utf16CodeUnits');
  const driver = run.tool.driver;
  expect(driver.name).toBe('capdoctor');
  expect(typeof driver.semanticVersion).toBe('string');
  expect(driver.informationUri).toBe('https://github.com/capdoctor/capdoctor');
  expect(Array.isArray(driver.rules)).toBe(true);
  for (const rule of driver.rules) {
    expect(typeof rule.id).toBe('string');
    expect(rule.name).toBe(rule.id);
    expect(typeof rule.shortDescription.text).toBe('string');
    expect(typeof rule.fullDescription.text).toBe('string');
    expect(typeof rule.help.text).toBe('string');
    expect(typeof rule.help.markdown).toBe('string');
    expect(rule.helpUri).toBe(`https://github.com/capdoctor/capdoctor/blob/main/docs/rules/${rule.id}.md`);
    expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    expect(rule.properties.tags[0]).toBe('security');
    expect(new Set(rule.properties.tags).size).toBe(rule.properties.tags.length);
    expect(rule.properties.precision).toBe('very-high');
    expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
  }
  expect(Array.isArray(run.results)).toBe(true);
  for (const result of run.results) {
    expect(typeof result.ruleId).toBe('string');
    if (result.ruleIndex !== undefined) expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(['error', 'warning', 'note']).toContain(result.level);
    expect(typeof result.message.text).toBe('string');
    expect(result.locations).toHaveLength(1);
    const location = result.locations[0].physicalLocation;
    expect(typeof location.artifactLocation.uri).toBe('string');
    expect(location.artifactLocation.uri).not.toMatch(/\\|^\.\//);
    const { startLine, startColumn, endLine, endColumn } = location.region;
    expect(startLine).toBeGreaterThanOrEqual(1);
    expect(startColumn).toBeGreaterThanOrEqual(1);
    expect(endLine).toBeGreaterThanOrEqual(startLine);
    if (endLine === startLine) expect(endColumn).toBeGreaterThan(startColumn);
    expect(result.partialFingerprints['capdoctor/v2']).toMatch(/^[0-9a-f]{32}$/);
    expect(result.fixes).toBeUndefined();
  }
}

describe('formatSarif', () => {
  const output = formatSarif(makeReport(), OPTIONS);

  it('writes each result as JSON.stringify writes the result object, for every kind of finding', () => {
    const odd: Finding = {
      ...infoFinding(),
      rule: 'not-a-known-rule',
      message: 'quotes " and \\ and \u2028 — a bell \u0007, a lone \ud800 and a pair 😀 [link](x) <b>',
      explanation: 'with *stars* and `code`',
      targets: [{ target: 'docker@1.9', outcome: 'rejected', detail: 'old <one>', legacy: true }],
      line: 0,
      endLine: 0,
    };
    // Explanations given in parts: shared parts with markdown to escape, a surrogate pair split between
    // parts, and parts no longer the finding's explanation.
    const shared = ` holds *stars*, [links](x), <tags> and "quotes" ${'’'.repeat(70)}`;
    const inParts = [1, 2, 3].map((n) => {
      const finding: Finding = {
        ...warningFinding(),
        // Each its own path: findings alike but for their order get fingerprints by that order.
        path: `spec.containers[${n}].securityContext.capabilities.add[0]`,
        targets: [{ target: 'crio@1.9', outcome: 'unknown', detail: 'no <patch>' }],
      };
      setExplanationParts(finding, [`user ${n}`, shared, n === 2 ? ' \ud83d' : '', n === 2 ? '\ude00' : '']);
      if (n === 3) finding.explanation = 'replaced';
      return finding;
    });
    const report = makeReport();
    report.files.push({ file: 'C:\\odd dir\\x.yaml', findings: [odd, ...inParts] });
    const ruleIndex = new Map(RULES.map((meta, i) => [meta.id, i]));
    const text = formatSarif(report, OPTIONS);
    const findings = report.files.flatMap((f) => f.findings);
    const results = findings.map((finding) => sarifResult(finding, ruleIndex));
    expect(JSON.parse(text).runs[0].results).toStrictEqual(results);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
  const log: Json = JSON.parse(output);
  const run = log.runs[0];

  it('is a structurally valid SARIF 2.1.0 log', () => {
    validateSarif(log);
    expect(output.startsWith('{\n  "$schema"')).toBe(true);
    expect(output.endsWith('}\n')).toBe(true);
    validateSarif(JSON.parse(formatSarif(emptyReport(), OPTIONS)));
  });

  it('describes every rule in order', () => {
    expect(run.tool.driver.semanticVersion).toBe('0.1.0');
    expect(run.tool.driver.rules).toHaveLength(3);
    expect(run.tool.driver.rules.map((r: Json) => r.id)).toEqual(['cap-prefix', 'cap-case', 'cap-note']);
    const [prefix, , note] = run.tool.driver.rules;
    expect(prefix.help).toEqual({
      text: 'Write NET_ADMIN, not CAP_NET_ADMIN.',
      markdown: 'Write `NET_ADMIN`, not `CAP_NET_ADMIN`.',
    });
    expect(prefix.properties).toEqual({
      tags: ['security', 'capabilities'],
      precision: 'very-high',
      'security-severity': '7.5',
    });
    expect(note.defaultConfiguration.level).toBe('note');
    expect(note.properties['security-severity']).toBe('2.0');
  });

  it('maps findings to results', () => {
    expect(run.results).toHaveLength(3);
    const [error, warning, info] = run.results;
    expect(error.ruleId).toBe('cap-prefix');
    expect(error.ruleIndex).toBe(0);
    expect(warning.ruleIndex).toBe(1);
    expect(info.ruleIndex).toBe(2);
    expect([error.level, warning.level, info.level]).toEqual(['error', 'warning', 'note']);
    // The one-line message as text; the explanation and each target's outcome as markdown.
    expect(error.message.text).toBe('"CAP_NET_ADMIN": CAP_ prefix — container fails on docker@18.06; write NET_ADMIN');
    expect(error.message.markdown).toBe(
      '**"CAP_NET_ADMIN": CAP_ prefix — container fails on docker@18.06; write NET_ADMIN**\n\n' +
        '"CAP_NET_ADMIN" carries the CAP_ prefix. On docker@18.06 it is rejected. Write NET_ADMIN.\n\n' +
        '- docker@18.06: rejected — unknown capability\n' +
        '- cri-o@1.20: unknown — not documented',
    );
    expect(warning.message.text).toBe('"sys_time" is lower case.');
    expect(warning.message.markdown).toBe('**"sys_time" is lower case.**');
    expect(error.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/a.yaml' },
      region: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 22 },
    });
    expect(info.locations[0].physicalLocation.artifactLocation.uri).toBe('b/c.yaml');
  });

  it('omits ruleIndex for unknown rules', () => {
    const report = makeReport();
    report.files = [{ file: 'x.yaml', findings: [{ ...infoFinding(), rule: 'parse-error', severity: 'error' }] }];
    const result = JSON.parse(formatSarif(report, OPTIONS)).runs[0].results[0];
    expect(result.ruleId).toBe('parse-error');
    expect('ruleIndex' in result).toBe(false);
  });

  it('normalises artifact URIs', () => {
    expect(artifactUri('./a\\b.yaml')).toBe('a/b.yaml');
    expect(artifactUri('-')).toBe('stdin');
    expect(artifactUri('a/b c.yaml')).toBe('a/b%20c.yaml');
    expect(artifactUri('/srv/k8s/pod.yaml')).toBe('file:///srv/k8s/pod.yaml');
    expect(artifactUri('C:\\k8s\\pod.yaml')).toBe('file:///C:/k8s/pod.yaml');
    const report = makeReport();
    report.files = [{ file: '-', findings: [{ ...infoFinding(), file: '-' }] }];
    const result = JSON.parse(formatSarif(report, OPTIONS)).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('stdin');
  });

  it('has stable fingerprints that depend on the path', () => {
    const again: Json = JSON.parse(formatSarif(makeReport(), OPTIONS));
    const fingerprints = (l: Json) => l.runs[0].results.map((r: Json) => r.partialFingerprints['capdoctor/v2']);
    expect(fingerprints(again)).toEqual(fingerprints(log));
    expect(new Set(fingerprints(log)).size).toBe(3);

    const moved = makeReport();
    const finding = errorFinding();
    finding.path = 'spec.containers[1].securityContext.capabilities.add[0]';
    moved.files = [{ file: 'examples/a.yaml', findings: [finding] }];
    const other = JSON.parse(formatSarif(moved, OPTIONS)).runs[0].results[0].partialFingerprints['capdoctor/v2'];
    expect(other).not.toBe(fingerprints(log)[0]);

    // Only what is wrong counts (the message up to its dash): consequences per target may change without
    // breaking the fingerprint.
    const reworded = makeReport();
    const changed = errorFinding();
    changed.message = '"CAP_NET_ADMIN": CAP_ prefix — not granted on containerd@1.7; write NET_ADMIN';
    changed.line = 7;
    reworded.files = [{ file: 'examples/a.yaml', findings: [changed] }];
    const same = JSON.parse(formatSarif(reworded, OPTIONS)).runs[0].results[0].partialFingerprints['capdoctor/v2'];
    expect(same).toBe(fingerprints(log)[0]);
  });

  it('gives the same mistake in two documents of a file two fingerprints', () => {
    // Two Deployments with the same mistake at the same path: other objects, or the same unnamed one twice.
    const inDocument = (index: number, name?: string): Finding => ({
      ...errorFinding(),
      document: index,
      line: 3 + 40 * index,
      endLine: 3 + 40 * index,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', ...(name ? { name } : {}) },
    });
    const printed = (findings: Finding[]) => {
      const report = emptyReport([{ file: 'k8s/all.yaml', findings }], findings.length);
      return JSON.parse(formatSarif(report, OPTIONS)).runs[0].results.map(
        (r: Json) => r.partialFingerprints['capdoctor/v2'],
      );
    };
    const named = printed([inDocument(0, 'web'), inDocument(1, 'api')]);
    const unnamed = printed([inDocument(0), inDocument(1)]);
    expect(new Set(named).size).toBe(2);
    expect(new Set(unnamed).size).toBe(2);
    // Stable: a line moved above them changes neither; the results carry what sarifResult makes.
    expect(printed([{ ...inDocument(0, 'web'), line: 9, endLine: 9 }, inDocument(1, 'api')])).toEqual(named);
    const ruleIndex = new Map(RULES.map((meta, i) => [meta.id, i]));
    expect(unnamed[1]).toBe(sarifResult(inDocument(1), ruleIndex, 1).partialFingerprints?.['capdoctor/v2']);
  });
});

describe('FORMATTERS', () => {
  it('maps each format name to its formatter', () => {
    expect(FORMATTERS.text).toBe(formatText);
    expect(FORMATTERS.json).toBe(formatJson);
    expect(FORMATTERS.sarif).toBe(formatSarif);
  });

  it.each(Object.keys(FORMATTERS) as (keyof typeof FORMATTERS)[])(
    '-o %s: an explanation given in parts reads as the same text given whole',
    (format) => {
      const shared = ` & <b>*bold*</b> [x](y) "q" \\ \u2028 ${'’'.repeat(70)}`;
      const texts = [
        ['uid 1', shared],
        ['uid 2', shared, ' tail'],
        ['pair \ud83d', '\ude00 split', shared],
        ['lone \ud800', shared],
      ];
      const whole = texts.map((parts) => ({ ...infoFinding(), explanation: parts.join('') }));
      const inParts = texts.map((parts) => {
        const finding = infoFinding();
        setExplanationParts(finding, parts);
        return finding;
      });
      const report = (findings: Finding[]) => emptyReport([{ file: 'p.yaml', findings }], 1);
      for (const options of [OPTIONS, VERBOSE]) {
        expect(FORMATTERS[format](report(inParts), options)).toBe(FORMATTERS[format](report(whole), options));
      }
    },
  );
});

describe('formatText: target lines', () => {
  it('does not repeat a target detail that the explanation already quotes (--verbose)', () => {
    const finding: Finding = {
      ...errorFinding(),
      explanation: '"CAP_X" carries the CAP_ prefix. On docker@18.06 (Docker 1.11–18.09): it fails. Write X.',
      targets: [
        { target: 'docker@18.06', outcome: 'rejected', detail: 'it fails' },
        { target: 'containerd@1.7', outcome: 'ignored', detail: 'it is silently not granted' },
      ],
    };
    const report: LintReport = {
      files: [{ file: 'a.yaml', findings: [finding] }],
      targets: ['docker@18.06', 'containerd@1.7'],
      summary: { files: 1, documents: 1, errors: 1, warnings: 0, infos: 0 },
    };
    const text = formatText(report, VERBOSE);
    expect(text).not.toContain('docker@18.06: rejected');
    expect(text).toContain('containerd@1.7: ignored — it is silently not granted');
  });
});
