import { describe, expect, it } from 'vitest';
import { resolveTargets } from '../knowledge/targets.js';
import capPrefix from '../rules/cap-prefix/index.js';
import { defineRule, type Report, type Rule, type RuleContext } from '../rules/types.js';
import { IGNORE_ANNOTATION, type LintOptions, lintSource, PARSE_ERROR_RULE } from './engine.js';
import type { Finding, Path, Severity } from './types.js';

const targets = resolveTargets(['docker@18.06']);

/** A rule that reports the given paths (or whatever `check` says) in every document. */
function fakeRule(
  id: string,
  reports: readonly (Path | Report)[] | ((context: RuleContext) => void),
  severity: Severity = 'warning',
): Rule {
  return defineRule({
    meta: { id, severity, description: `${id} rule`, docs: '', fixable: false, citations: [] },
    check(context) {
      if (typeof reports === 'function') return reports(context);
      for (const r of reports) {
        context.report(
          Array.isArray(r)
            ? { path: r as Path, problem: `${id} at ${JSON.stringify(r)}`, explanation: '' }
            : (r as Report),
        );
      }
    },
  });
}

function lint(text: string, options: Partial<LintOptions> = {}) {
  return lintSource('test.yaml', text, { rules: [capPrefix], targets, ...options });
}

/** 1-based line and column of the first occurrence of `needle` (after `from`). */
function pos(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

function where(findings: readonly Finding[]): [string, number, number][] {
  return findings.map((f) => [f.rule, f.line, f.column]);
}

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  namespace: prod',
  'spec:',
  '  containers:',
  '    - name: app',
  '      securityContext:',
  '        capabilities:',
  '          add: [CAP_SYS_ADMIN, "CAP_NET_ADMIN"]',
  '          drop:',
  '            - CAP_NET_RAW',
  '',
].join('\n');

describe('lintSource: parse problems', () => {
  it('turns a YAML problem into a parse-error finding with 1-based positions, and lints the other documents', () => {
    const text = `a: [\n---\n${POD}`;
    const result = lint(text);
    expect(result.parseErrors).toBe(1);
    expect(result.documents).toBe(1);
    const parseError = result.findings.find((f) => f.rule === PARSE_ERROR_RULE);
    expect(parseError).toMatchObject({
      rule: 'parse-error',
      severity: 'error',
      file: 'test.yaml',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 2,
      path: '',
      range: { start: 5, end: 6 },
    });
    expect(parseError?.message).toMatch(/flow sequence/i);
    const prefix = result.findings.filter((f) => f.rule === 'cap-prefix');
    expect(prefix).toHaveLength(3);
    expect(prefix[0]).toMatchObject(pos(text, 'CAP_SYS_ADMIN'));
  });

  it('warns of a duplicate key, lints that document and the next, and counts no parse error', () => {
    const text = 'a: 1\na: 2\n---\nkind: X\n';
    const result = lintSource('f.yaml', text, { rules: [fakeRule('fake', [['kind']])], targets });
    expect(result.parseErrors).toBe(0);
    expect(result.documents).toBe(2);
    expect(where(result.findings)).toEqual([
      // The fake rule reports a missing `kind` at the first document's start.
      ['fake', 1, 1],
      ['parse-error', 2, 1],
      ['fake', 4, 7],
    ]);
    expect(result.findings[1]?.severity).toBe('warning');
    expect(result.findings[1]?.message).toMatch(/^duplicate key "a"/);
  });

  it('reports JSON syntax errors with 1-based positions', () => {
    const result = lint('{\n  "a": 1,\n}\n', { format: 'json' });
    expect(result.documents).toBe(0);
    expect(result.parseErrors).toBeGreaterThan(0);
    expect(result.findings.length).toBe(result.parseErrors);
    expect(result.findings[0]).toMatchObject({
      rule: 'parse-error',
      severity: 'error',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 2,
    });
    expect(result.findings[0]?.message).toMatch(/^JSON: /);
  });

  it('gives a zero-width problem a one-column underline', () => {
    const result = lint('{"a": 1', { format: 'json' });
    expect(result.findings).toEqual([
      {
        rule: 'parse-error',
        severity: 'error',
        message: 'JSON: close brace expected',
        file: 'test.yaml',
        line: 1,
        column: 8,
        endLine: 1,
        endColumn: 9,
        path: '',
        range: { start: 7, end: 7 },
      },
    ]);
  });

  it('reports an alias bomb as a parse error, without hanging', () => {
    const refs = (name: string) => Array.from({ length: 50 }, () => `*${name}`).join(', ');
    const text = `a: &a [x]\nb: &b [${refs('a')}]\nc: &c [${refs('b')}]\nd: [${refs('c')}]\n`;
    const result = lint(text);
    expect(result.parseErrors).toBe(1);
    expect(result.findings.map((f) => f.rule)).toEqual(['parse-error']);
  });
});

describe('lintSource: documents', () => {
  it('counts only documents with content', () => {
    const result = lint('---\n# comment only\n---\nkind: ConfigMap\n---\n---\n');
    expect(result).toMatchObject({ file: 'test.yaml', documents: 1, parseErrors: 0, findings: [] });
  });

  it('lints nothing in an empty file', () => {
    expect(lint('')).toEqual({ file: 'test.yaml', findings: [], documents: 0, parseErrors: 0 });
  });

  it('runs each rule once per document, with that document’s subjects and the targets', () => {
    const seen: [string | undefined, number][] = [];
    const rule = fakeRule('fake', (context) => {
      seen.push([context.extracted.objects[0]?.ref.name, context.targets.length]);
      expect(context.targets).toBe(targets);
    });
    const text = 'kind: Pod\nmetadata: {name: one}\n---\nkind: Pod\nmetadata: {name: two}\n';
    const result = lintSource('f.yaml', text, { rules: [rule], targets });
    expect(result.documents).toBe(2);
    expect(seen).toEqual([
      ['one', 1],
      ['two', 1],
    ]);
  });

  it('places findings of later documents on their own lines', () => {
    const doc = (name: string) =>
      `kind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{securityContext: {capabilities: {add: [CAP_CHOWN]}}}]}\n`;
    const text = `${doc('one')}---\n# between\n---\n${doc('two')}`;
    const result = lint(text);
    expect(result.documents).toBe(2);
    expect(result.findings.map((f) => [f.line, f.column, f.object?.name])).toEqual([
      [pos(text, 'CAP_CHOWN').line, pos(text, 'CAP_CHOWN').column, 'one'],
      [pos(text, 'CAP_CHOWN', text.indexOf('two')).line, pos(text, 'CAP_CHOWN').column, 'two'],
    ]);
  });

  it('uses the file label it is given', () => {
    const result = lintSource('dir/x.yaml', POD, { rules: [capPrefix], targets });
    expect(result.file).toBe('dir/x.yaml');
    expect(result.findings.every((f) => f.file === 'dir/x.yaml')).toBe(true);
  });
});

describe('lintSource: finding positions', () => {
  it('reports plain, quoted and block-sequence scalars with exclusive end columns', () => {
    const result = lint(POD);
    expect(result.findings.map((f) => [f.line, f.column, f.endLine, f.endColumn])).toEqual([
      [11, 17, 11, 30],
      [11, 32, 11, 47],
      [13, 15, 13, 26],
    ]);
    const [first, second, third] = result.findings;
    expect(first?.range).toEqual({ start: POD.indexOf('CAP_SYS_ADMIN'), end: POD.indexOf('CAP_SYS_ADMIN') + 13 });
    expect(POD.slice(second?.range?.start, second?.range?.end)).toBe('"CAP_NET_ADMIN"');
    expect(POD.slice(third?.range?.start, third?.range?.end)).toBe('CAP_NET_RAW');
  });

  it('formats paths', () => {
    expect(lint(POD).findings.map((f) => f.path)).toEqual([
      'spec.containers[0].securityContext.capabilities.add[0]',
      'spec.containers[0].securityContext.capabilities.add[1]',
      'spec.containers[0].securityContext.capabilities.drop[0]',
    ]);
  });

  it('quotes keys with dots and slashes in paths', () => {
    const text = 'kind: X\nmetadata:\n  annotations:\n    example.com/key: v\n';
    const rule = fakeRule('fake', [['metadata', 'annotations', 'example.com/key']]);
    const [finding] = lintSource('f.yaml', text, { rules: [rule], targets }).findings;
    expect(finding).toMatchObject({ path: 'metadata.annotations["example.com/key"]', line: 4, column: 22 });
  });

  it('underlines a multi-line node on its first line only', () => {
    const text = 'kind: X\nspec:\n  a: 1\n  bb: 22\n';
    const [finding] = lintSource('f.yaml', text, { rules: [fakeRule('fake', [['spec']])], targets }).findings;
    expect(finding).toMatchObject({ line: 3, column: 3, endLine: 3, endColumn: 7, path: 'spec' });
    expect(finding?.range).toEqual({ start: text.indexOf('a: 1'), end: text.length });
  });

  it('does not count \\r when clamping a multi-line node in CRLF text', () => {
    const text = 'kind: X\r\nspec:\r\n  a: 1\r\n  bb: 22\r\n';
    const rule = fakeRule('fake', [['spec'], ['spec', 'bb']]);
    const findings = lintSource('f.yaml', text, { rules: [rule], targets }).findings;
    expect(findings.map((f) => [f.path, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ['spec', 3, 3, 3, 7],
      ['spec.bb', 4, 7, 4, 9],
    ]);
  });

  it('keeps positions right with a BOM and CRLF', () => {
    const text = POD.replace(/\n/g, '\r\n');
    const bom = `\uFEFF${text}`;
    expect(where(lint(bom).findings)).toEqual([
      ['cap-prefix', 11, 17],
      ['cap-prefix', 11, 32],
      ['cap-prefix', 13, 15],
    ]);
    expect(where(lint(text).findings)).toEqual(where(lint(POD).findings));
  });

  it('reports a missing path at the key of its deepest existing ancestor', () => {
    const text = 'kind: X\nspec:\n  a: 1\n';
    const rule = fakeRule('fake', [['spec', 'missing', 0]]);
    const [finding] = lintSource('f.yaml', text, { rules: [rule], targets }).findings;
    expect(finding).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 5, path: 'spec.missing[0]' });
  });

  it('reports a path missing from the top at the document, clamped to its first line', () => {
    const text = '---\nkind: X\nspec: {}\n';
    const [finding] = lintSource('f.yaml', text, { rules: [fakeRule('fake', [['nope']])], targets }).findings;
    expect(finding).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 8, path: 'nope' });
  });

  it('underlines the quotes of an empty string', () => {
    const text = 'kind: X\nempty: ""\n';
    const [finding] = lintSource('f.yaml', text, { rules: [fakeRule('fake', [['empty']])], targets }).findings;
    expect(finding).toMatchObject({ line: 2, column: 8, endLine: 2, endColumn: 10 });
  });

  it('underlines at least one column for an empty node', () => {
    const text = 'kind: X\nempty:\n';
    const [finding] = lintSource('f.yaml', text, { rules: [fakeRule('fake', [['empty']])], targets }).findings;
    expect(finding?.line).toBe(2);
    expect(finding?.endLine).toBe(2);
    expect(finding?.endColumn).toBe((finding?.column ?? 0) + 1);
  });

  it('reports positions in JSON', () => {
    const text =
      '{\n  "kind": "Pod",\n  "spec": {\n    "containers": [\n      {"securityContext": {"capabilities": {"add": ["CAP_CHOWN"]}}}\n    ]\n  }\n}\n';
    const result = lintSource('f.json', text, { rules: [capPrefix], targets, format: 'json' });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ...pos(text, '"CAP_CHOWN"'),
      endLine: 5,
      endColumn: pos(text, '"CAP_CHOWN"').column + 11,
      path: 'spec.containers[0].securityContext.capabilities.add[0]',
      object: { kind: 'Pod' },
    });
  });

  it('reports positions in a List, with items[i] paths', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata: {name: a, namespace: ns}',
      '    spec: {containers: [{name: c, securityContext: {capabilities: {add: [CAP_CHOWN]}}}]}',
    ].join('\n');
    const [finding] = lint(text).findings;
    expect(finding).toMatchObject({
      ...pos(text, 'CAP_CHOWN'),
      path: 'items[0].spec.containers[0].securityContext.capabilities.add[0]',
      object: { apiVersion: 'v1', kind: 'Pod', namespace: 'ns', name: 'a' },
      container: 'c',
    });
  });
});

describe('lintSource: what a finding carries', () => {
  it('attaches the object ref, the container, the targets and the fix (cap-prefix)', () => {
    const [finding] = lint(POD).findings;
    expect(finding).toMatchObject({
      rule: 'cap-prefix',
      severity: 'error',
      object: { apiVersion: 'v1', kind: 'Pod', namespace: 'prod', name: 'web' },
      container: 'app',
    });
    expect(finding?.message).toBe(
      '"CAP_SYS_ADMIN": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_ADMIN',
    );
    expect(finding?.explanation).toContain('"CAP_SYS_ADMIN" carries the CAP_ prefix');
    expect(finding?.explanation).toContain('Write SYS_ADMIN');
    expect(finding?.targets?.map((t) => t.target)).toEqual(['docker@18.06']);
    expect(finding?.targets?.[0]?.outcome).toBe('rejected');
    expect(finding?.fix?.edits).toEqual([
      {
        kind: 'replace-scalar',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 0],
        value: 'SYS_ADMIN',
      },
    ]);
  });

  it('attaches the object of the owner when the rule names none', () => {
    const text =
      'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: psp}\nspec:\n  allowedCapabilities: [X]\n';
    const rule = fakeRule('fake', [['spec', 'allowedCapabilities', 0]]);
    const [finding] = lintSource('f.yaml', text, { rules: [rule], targets }).findings;
    expect(finding?.object).toEqual({ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', name: 'psp' });
  });

  it('prefers the object the rule names', () => {
    const rule = fakeRule('fake', [
      { path: ['spec'], problem: 'm', explanation: '', object: { kind: 'Other', name: 'o' } },
    ]);
    const [finding] = lintSource('f.yaml', POD, { rules: [rule], targets }).findings;
    expect(finding?.object).toEqual({ kind: 'Other', name: 'o' });
  });

  it('attaches no object outside any owner or object', () => {
    const text = 'securityContext:\n  capabilities:\n    add: [CAP_CHOWN]\n';
    const [finding] = lint(text).findings;
    expect(finding).toMatchObject({
      rule: 'cap-prefix',
      line: 3,
      column: 11,
      path: 'securityContext.capabilities.add[0]',
    });
    expect(finding && 'object' in finding).toBe(false);
    expect(finding && 'container' in finding).toBe(false);
  });

  it('passes container, targets, fix and suggestion through, and leaves out what is absent', () => {
    const fix = { description: 'd', edits: [{ kind: 'remove-item' as const, path: ['spec'] }] };
    const report: Report = {
      path: ['kind'],
      problem: 'full',
      explanation: 'the whole story',
      container: 'c',
      targets: [{ target: 't', outcome: 'applied', detail: 'ok' }],
      fix,
      suggestion: fix,
    };
    const rule = fakeRule('fake', [report, { path: ['kind'], problem: 'bare', explanation: '' }]);
    const findings = lintSource('f.yaml', 'kind: X\n', { rules: [rule], targets }).findings;
    expect(findings[0]).toMatchObject({
      message: 'full; remove this entry',
      explanation: 'the whole story',
      container: 'c',
      fix,
      suggestion: fix,
    });
    expect(findings[0]?.targets).toEqual(report.targets);
    expect(Object.keys(findings[1] ?? {}).sort()).toEqual(
      [
        'column',
        'endColumn',
        'endLine',
        'file',
        'line',
        'message',
        'explanation',
        'path',
        'range',
        'document',
        'rule',
        'severity',
      ].sort(),
    );
  });

  it('keeps an empty container name', () => {
    const rule = fakeRule('fake', [{ path: ['kind'], problem: 'm', explanation: '', container: '' }]);
    expect(lintSource('f.yaml', 'kind: X\n', { rules: [rule], targets }).findings[0]?.container).toBe('');
  });
});

describe('lintSource: settings', () => {
  it('turns a rule off (it is not even run)', () => {
    let runs = 0;
    const rule = fakeRule('fake', (context) => {
      runs++;
      context.report({ path: ['kind'], problem: 'm', explanation: '' });
    });
    const result = lintSource('f.yaml', 'kind: X\n', { rules: [rule], targets, settings: { fake: 'off' } });
    expect(result.findings).toEqual([]);
    expect(runs).toBe(0);
  });

  it('changes a rule’s severity, and tells the rule', () => {
    let seen: Severity | undefined;
    const rule = fakeRule('fake', (context) => {
      seen = context.severity;
      context.report({ path: ['kind'], problem: 'm', explanation: '' });
    });
    const result = lintSource('f.yaml', 'kind: X\n', { rules: [rule], targets, settings: { fake: 'error' } });
    expect(seen).toBe('error');
    expect(result.findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('uses the rule’s own severity without a setting, or with settings for other rules', () => {
    const rule = fakeRule('fake', [['kind']], 'info');
    expect(lintSource('f.yaml', 'kind: X\n', { rules: [rule], targets }).findings[0]?.severity).toBe('info');
    const other = lintSource('f.yaml', 'kind: X\n', { rules: [rule], targets, settings: { 'cap-prefix': 'off' } });
    expect(other.findings[0]?.severity).toBe('info');
  });

  it('lets a report’s own severity win over the setting', () => {
    const rule = fakeRule('fake', [{ path: ['kind'], problem: 'm', explanation: '', severity: 'info' }]);
    const result = lintSource('f.yaml', 'kind: X\n', { rules: [rule], targets, settings: { fake: 'error' } });
    expect(result.findings[0]?.severity).toBe('info');
  });

  it('applies to the real cap-prefix rule', () => {
    expect(lint(POD, { settings: { 'cap-prefix': 'warning' } }).findings.map((f) => f.severity)).toEqual([
      'warning',
      'warning',
      'warning',
    ]);
    expect(lint(POD, { settings: { 'cap-prefix': 'off' } }).findings).toEqual([]);
  });

  it('never turns parse errors off', () => {
    const result = lint('a: 1\na: 2\n', { settings: { 'cap-prefix': 'off', 'parse-error': 'off' } });
    expect(result.findings.map((f) => f.rule)).toEqual(['parse-error']);
  });
});

describe('lintSource: suppression by comment', () => {
  const pod = (line: string, comment = '') =>
    [
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      securityContext:',
      '        capabilities:',
      ...(comment ? [comment] : []),
      line,
      '          drop: [CAP_NET_RAW]',
      '',
    ].join('\n');
  const add = '          add: [CAP_CHOWN]';
  const rules = (text: string) => lint(text).findings.map((f) => f.path.split('.').pop());

  it('reports both lines without a comment', () => {
    expect(rules(pod(add))).toEqual(['add[0]', 'drop[0]']);
  });

  it('suppresses with a comment naming the rule on the line above', () => {
    expect(rules(pod(add, '          # capdoctor-ignore cap-prefix'))).toEqual(['drop[0]']);
  });

  it('suppresses with a comment naming several rules, by commas or spaces', () => {
    expect(rules(pod(add, '          # capdoctor-ignore cap-case, cap-prefix'))).toEqual(['drop[0]']);
    expect(rules(pod(add, '          # capdoctor-ignore cap-case cap-prefix'))).toEqual(['drop[0]']);
    expect(rules(pod(add, '          #capdoctor-ignore cap-case,cap-prefix'))).toEqual(['drop[0]']);
  });

  it('suppresses every rule with a comment naming none', () => {
    const text = pod(add, '          # capdoctor-ignore');
    const rule = fakeRule('fake', [['spec', 'containers', 0, 'securityContext', 'capabilities', 'add']]);
    const result = lintSource('f.yaml', text, { rules: [capPrefix, rule], targets });
    expect(result.findings.map((f) => [f.rule, f.path.split('.').pop()])).toEqual([['cap-prefix', 'drop[0]']]);
  });

  it('suppresses with all or * in a comment', () => {
    expect(rules(pod(add, '          # capdoctor-ignore all'))).toEqual(['drop[0]']);
    expect(rules(pod(add, '          # capdoctor-ignore *'))).toEqual(['drop[0]']);
  });

  it('suppresses with a trailing comment on the same line', () => {
    expect(rules(pod(`${add} # capdoctor-ignore cap-prefix`))).toEqual(['drop[0]']);
    expect(rules(pod(`${add} # capdoctor-ignore`))).toEqual(['drop[0]']);
  });

  it('does not suppress with a comment for a different rule', () => {
    expect(rules(pod(add, '          # capdoctor-ignore cap-case'))).toEqual(['add[0]', 'drop[0]']);
    expect(rules(pod(`${add} # capdoctor-ignore cap-case`))).toEqual(['add[0]', 'drop[0]']);
  });

  it('does not suppress with an ordinary comment', () => {
    expect(rules(pod(add, '          # this is fine'))).toEqual(['add[0]', 'drop[0]']);
  });

  it('does not reach past the line above', () => {
    const text = pod(add, '          # capdoctor-ignore cap-prefix\n');
    expect(rules(text)).toEqual(['add[0]', 'drop[0]']);
  });

  it('does not take a trailing comment on the line above for a comment line', () => {
    const text = [
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - securityContext:',
      '        capabilities:',
      '          drop: [CAP_NET_RAW] # capdoctor-ignore cap-prefix',
      '          add: [CAP_CHOWN]',
    ].join('\n');
    expect(rules(text)).toEqual(['add[0]']);
  });

  it('suppresses a block-sequence item with the comment above it', () => {
    const text = [
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - securityContext:',
      '        capabilities:',
      '          add:',
      '            # capdoctor-ignore cap-prefix',
      '            - CAP_CHOWN',
      '            - CAP_KILL',
    ].join('\n');
    expect(lint(text).findings.map((f) => f.path)).toEqual(['spec.containers[0].securityContext.capabilities.add[1]']);
  });

  it('suppresses only the rule named, when two rules report on the line', () => {
    const text = pod(add, '          # capdoctor-ignore fake');
    const rule = fakeRule('fake', [['spec', 'containers', 0, 'securityContext', 'capabilities', 'add']]);
    const result = lintSource('f.yaml', text, { rules: [capPrefix, rule], targets });
    expect(result.findings.map((f) => [f.rule, f.path.split('.').pop()])).toEqual([
      ['cap-prefix', 'add[0]'],
      ['cap-prefix', 'drop[0]'],
    ]);
  });

  it('works in CRLF text', () => {
    const text = pod(add, '          # capdoctor-ignore cap-prefix').replace(/\n/g, '\r\n');
    expect(rules(text)).toEqual(['drop[0]']);
    expect(rules(pod(`${add} # capdoctor-ignore cap-prefix`).replace(/\n/g, '\r\n'))).toEqual(['drop[0]']);
  });
});

describe('lintSource: suppression by annotation', () => {
  const deployment = (objectAnnotations: string[], templateAnnotations: string[]) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: d',
      ...(objectAnnotations.length ? ['  annotations:', ...objectAnnotations.map((a) => `    ${a}`)] : []),
      'spec:',
      '  template:',
      '    metadata:',
      ...(templateAnnotations.length ? ['      annotations:', ...templateAnnotations.map((a) => `        ${a}`)] : []),
      '      labels: {app: d}',
      '    spec:',
      '      containers:',
      '        - name: a',
      '          securityContext:',
      '            capabilities:',
      '              add: [CAP_CHOWN]',
      '',
    ].join('\n');
  const count = (text: string, options: Partial<LintOptions> = {}) => lint(text, options).findings.length;

  it('does not treat an empty annotation as "every rule"', () => {
    expect(count(deployment(['capdoctor.io/ignore: ""'], []))).toBe(1);
  });

  it('reports without an annotation', () => {
    expect(count(deployment([], []))).toBe(1);
  });

  it('uses the annotation name capdoctor.io/ignore', () => {
    expect(IGNORE_ANNOTATION).toBe('capdoctor.io/ignore');
  });

  it('suppresses with the annotation on the object’s metadata', () => {
    expect(count(deployment(['capdoctor.io/ignore: "cap-prefix"'], []))).toBe(0);
  });

  it('suppresses with the annotation on the pod template’s metadata', () => {
    expect(count(deployment([], ['capdoctor.io/ignore: cap-prefix']))).toBe(0);
  });

  it('suppresses with several ids, all, or *', () => {
    expect(count(deployment(['capdoctor.io/ignore: "cap-case,cap-prefix"'], []))).toBe(0);
    expect(count(deployment(['capdoctor.io/ignore: cap-case cap-prefix'], []))).toBe(0);
    expect(count(deployment(['capdoctor.io/ignore: all'], []))).toBe(0);
    expect(count(deployment([], ['capdoctor.io/ignore: "*"']))).toBe(0);
  });

  it('does not suppress with an annotation for a different rule, or another annotation', () => {
    expect(count(deployment(['capdoctor.io/ignore: cap-case'], []))).toBe(1);
    expect(count(deployment([], ['capdoctor.io/ignore: cap-case']))).toBe(1);
    expect(count(deployment(['example.com/ignore: cap-prefix'], []))).toBe(1);
  });

  it('suppresses with the annotation on a deep custom resource’s pod template', () => {
    const text = [
      'kind: Beat',
      'spec:',
      '  daemonSet:',
      '    podTemplate:',
      '      metadata: {annotations: {capdoctor.io/ignore: cap-prefix}}',
      '      spec: {containers: [{name: beat, securityContext: {capabilities: {add: [CAP_CHOWN]}}}]}',
    ].join('\n');
    expect(count(text)).toBe(0);
    expect(count(text.replace('cap-prefix}', 'cap-case}'))).toBe(1);
  });

  it('limits a pod template annotation to the pod spec', () => {
    const text = deployment([], ['capdoctor.io/ignore: fake']);
    const rule = fakeRule('fake', [
      ['metadata', 'name'],
      ['spec', 'template', 'spec', 'containers', 0, 'name'],
    ]);
    const result = lintSource('f.yaml', text, { rules: [rule], targets });
    expect(result.findings.map((f) => f.path)).toEqual(['metadata.name']);
  });

  it('applies an object annotation to all of the object', () => {
    const text = deployment(['capdoctor.io/ignore: fake'], []);
    const rule = fakeRule('fake', [['metadata', 'name'], ['spec', 'template', 'metadata', 'labels'], ['kind']]);
    expect(lintSource('f.yaml', text, { rules: [rule], targets }).findings).toEqual([]);
  });

  it('limits an annotation to its own item in a List', () => {
    const text = [
      'kind: List',
      'items:',
      '  - kind: Pod',
      '    metadata: {name: quiet, annotations: {capdoctor.io/ignore: cap-prefix}}',
      '    spec: {containers: [{securityContext: {capabilities: {add: [CAP_CHOWN]}}}]}',
      '  - kind: Pod',
      '    metadata: {name: loud}',
      '    spec: {containers: [{securityContext: {capabilities: {add: [CAP_CHOWN]}}}]}',
    ].join('\n');
    expect(lint(text).findings.map((f) => [f.object?.name, f.line])).toEqual([['loud', 8]]);
  });

  it('suppresses PodSecurityPolicy findings by annotation', () => {
    const text = [
      'kind: PodSecurityPolicy',
      'metadata:',
      '  name: psp',
      '  annotations: {capdoctor.io/ignore: cap-prefix}',
      'spec:',
      '  allowedCapabilities: [CAP_CHOWN]',
    ].join('\n');
    expect(count(text)).toBe(0);
    expect(count(text.replace('capdoctor.io/ignore', 'other'))).toBe(1);
  });
});

describe('lintSource: order', () => {
  it('sorts findings by line and column, whatever order the rules report in', () => {
    const text = 'kind: X\na: 1\nb:\n  c: 2\n  d: 3\n';
    const rule = fakeRule('fake', [['b', 'd'], ['b', 'c'], ['a'], ['kind']]);
    const result = lintSource('f.yaml', text, { rules: [rule], targets });
    expect(result.findings.map((f) => [f.path, f.line, f.column])).toEqual([
      ['kind', 1, 7],
      ['a', 2, 4],
      ['b.c', 4, 6],
      ['b.d', 5, 6],
    ]);
  });

  it('sorts by column within a line', () => {
    const text = 'kind: X\nlist: [one, two, three]\n';
    const rule = fakeRule('fake', [
      ['list', 2],
      ['list', 0],
      ['list', 1],
    ]);
    const result = lintSource('f.yaml', text, { rules: [rule], targets });
    expect(result.findings.map((f) => f.column)).toEqual([8, 13, 18]);
  });

  it('sorts by rule id at the same position', () => {
    const text = 'kind: X\n';
    const result = lintSource('f.yaml', text, {
      rules: [fakeRule('zeta', [['kind']]), fakeRule('alpha', [['kind']]), fakeRule('mid', [['kind']])],
      targets,
    });
    expect(result.findings.map((f) => f.rule)).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('sorts parse errors among the other findings', () => {
    const text = 'kind: X\n---\na: [1\nb: 2\n';
    const result = lintSource('f.yaml', text, { rules: [fakeRule('fake', [['kind']])], targets });
    expect(where(result.findings)).toEqual([
      ['fake', 1, 7],
      ['parse-error', 4, 1],
    ]);
  });
});
