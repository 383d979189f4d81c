// The CI formats (github, junit, gitlab): golden files, and each output parsed back the way its
// consumer reads it.
import { spawnSync } from 'node:child_process';
import { DOMParser, type Element, onErrorStopParsing } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.js';
import type { RuleMeta } from '../../rules/types.js';
import { escapeData, escapeProperty, formatGithub, formatGithubFix, githubCommand } from './github.js';
import { formatGitlab, type GitlabIssue } from './gitlab.js';
import { FORMATTERS } from './index.js';
import { escapeAttribute, escapeText, formatJunit } from './junit.js';
import type { FormatOptions, LintReport } from './types.js';

const RULES: RuleMeta[] = [
  { id: 'cap-prefix', severity: 'error', description: 'd', docs: 'd', fixable: 'safe', citations: [] },
];
const OPTIONS: FormatOptions = { color: false, rules: RULES, version: '0.1.0' };

function prefixFinding(): Finding {
  return {
    rule: 'cap-prefix',
    severity: 'error',
    message:
      '"CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_RESOURCE',
    file: 'k8s/es.yaml',
    line: 51,
    column: 17,
    endLine: 51,
    endColumn: 33,
    path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]',
    object: { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'search', name: 'es' },
    container: 'es',
    targets: [
      { target: 'docker@18.06', outcome: 'rejected', detail: 'RunContainerError' },
      { target: 'containerd@1.7', outcome: 'ignored', detail: 'not granted' },
      { target: 'cri-o@1.30', outcome: 'applied', detail: 'works' },
    ],
    fix: { description: 'replace "CAP_SYS_RESOURCE" with SYS_RESOURCE', edits: [] },
  };
}

/** Every character the formats must escape, in the message, the file name and the object. */
function awkwardFinding(): Finding {
  return {
    rule: 'cap-all',
    severity: 'warning',
    message: '100% sure: a, b\r\nnext <line> & "quotes" \'x\' ]]> \u0001bell\ttab 😀',
    file: './odd dir\\a,b:c%.yaml',
    line: 3,
    column: 5,
    endLine: 4,
    endColumn: 2,
    path: 'spec.containers[0].securityContext.capabilities.drop[0]',
    object: { kind: 'Pod', name: 'a<b>&c' },
    suggestion: { description: 'write "ALL"', edits: [] },
  };
}

function infoFinding(): Finding {
  return {
    rule: 'cap-dangerous',
    severity: 'info',
    message: 'SYS_ADMIN is near-root',
    file: '-',
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    path: '',
  };
}

function report(): LintReport {
  return {
    files: [
      { file: 'k8s/es.yaml', findings: [prefixFinding()] },
      { file: './odd dir\\a,b:c%.yaml', findings: [awkwardFinding()] },
      { file: 'k8s/clean.yaml', findings: [] },
      { file: '-', findings: [infoFinding()] },
    ],
    targets: ['docker@18.06', 'containerd@1.7', 'cri-o@1.30'],
    summary: { files: 4, documents: 5, errors: 1, warnings: 1, infos: 1 },
  };
}

const empty: LintReport = {
  files: [],
  targets: [],
  summary: { files: 0, documents: 0, errors: 0, warnings: 0, infos: 0 },
};

describe('FORMATTERS', () => {
  it('offers the CI formats', () => {
    expect(Object.keys(FORMATTERS)).toEqual(['text', 'json', 'sarif', 'github', 'junit', 'gitlab']);
  });
});

/** Reads a workflow command back as the runner does: `::name k=v,k=v::data`, then unescapes. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const decode = (s: string) =>
    s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = decode(pair.slice(at + 1));
  }
  return { command: match[1] as string, properties, message: decode(match[3] as string) };
}

describe('-o github', () => {
  const output = formatGithub(report(), OPTIONS);
  const lines = output.trimEnd().split('\n');

  it('matches the golden file', async () => {
    await expect(output).toMatchFileSnapshot('./__golden__/report.github.txt');
  });

  it('writes the command in the documented shape', () => {
    expect(lines[0]).toBe(
      '::error file=k8s/es.yaml,line=51,col=17,endLine=51,endColumn=33,title=capdoctor cap-prefix::' +
        '"CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_RESOURCE',
    );
  });

  it('escapes data and properties as GitHub documents', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab%3A c%2C d');
    // Each finding is exactly one line, whatever its message holds.
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(0, 3)) expect(line.startsWith('::')).toBe(true);
  });

  it('round-trips every finding through the runner’s parsing', () => {
    const [first, second, third] = lines.slice(0, 3).map(parseCommand);
    expect(first).toEqual({
      command: 'error',
      properties: {
        file: 'k8s/es.yaml',
        line: '51',
        col: '17',
        endLine: '51',
        endColumn: '33',
        title: 'capdoctor cap-prefix',
      },
      message: prefixFinding().message,
    });
    // Multi-line range: no endColumn (GitHub takes a column range on one line only); the path normalised.
    expect(second).toEqual({
      command: 'warning',
      properties: { file: 'odd dir/a,b:c%.yaml', line: '3', col: '5', endLine: '4', title: 'capdoctor cap-all' },
      message: awkwardFinding().message,
    });
    // Standard input and no position: an annotation without a file; info is a notice.
    expect(third).toEqual({
      command: 'notice',
      properties: { title: 'capdoctor cap-dangerous' },
      message: 'SYS_ADMIN is near-root',
    });
  });

  it('ends with a plain summary line, which is no command', () => {
    expect(lines.at(-1)).toBe('capdoctor: 1 error, 1 warning, 1 info in 4 files');
    expect(formatGithub(empty, OPTIONS)).toBe('capdoctor: 0 errors, 0 warnings, 0 infos in 0 files\n');
  });

  it('gives a finding on line 0 of a real file the file only', () => {
    const command = parseCommand(githubCommand({ ...infoFinding(), file: 'a.yaml' }));
    expect(command.properties).toEqual({ file: 'a.yaml', title: 'capdoctor cap-dangerous' });
  });
});

/** A strict parse: any error of the parser fails (its one warning is for U+FFFD, which the output uses on purpose). */
function parseXml(xml: string) {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
}

function elements(parent: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string): Element[] {
  return Array.from(parent.getElementsByTagName(name));
}

describe('-o junit', () => {
  const output = formatJunit(report(), OPTIONS);

  it('matches the golden file', async () => {
    await expect(output).toMatchFileSnapshot('./__golden__/report.junit.xml');
  });

  it('is well-formed XML for a strict parser (expat), where one is installed', () => {
    const python = spawnSync(
      'python3',
      ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read()); print("ok")'],
      { input: output, encoding: 'utf8' },
    );
    if (python.error) {
      console.warn('skipped the expat check: python3 is not installed');
      return;
    }
    expect(python.stderr).toBe('');
    expect(python.stdout.trim()).toBe('ok');
    // The check can fail: text that is not well-formed is refused.
    const bad = spawnSync(
      'python3',
      ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.read())'],
      {
        input: '<a>&</a>',
        encoding: 'utf8',
      },
    );
    expect(bad.status).not.toBe(0);
  });

  it('parses back to one suite per file and one case per finding, with the texts intact', () => {
    const doc = parseXml(output);
    const root = doc.documentElement as unknown as Element;
    expect(root.tagName).toBe('testsuites');
    expect(root.getAttribute('tests')).toBe('4');
    expect(root.getAttribute('failures')).toBe('2');
    const suites = elements(doc, 'testsuite');
    expect(suites.map((s) => s.getAttribute('name'))).toEqual([
      'k8s/es.yaml',
      './odd dir\\a,b:c%.yaml',
      'k8s/clean.yaml',
      '-',
    ]);
    expect(suites.map((s) => [s.getAttribute('tests'), s.getAttribute('failures')])).toEqual([
      ['1', '1'],
      ['1', '1'],
      ['1', '0'],
      ['1', '0'],
    ]);
    const [es, odd, clean, stdin] = suites.map((s) => elements(s, 'testcase'));
    expect(es?.[0]?.getAttribute('name')).toBe('cap-prefix StatefulSet/search/es container es (51:17)');
    const failure = elements(es?.[0] as Element, 'failure')[0] as Element;
    expect(failure.getAttribute('type')).toBe('error');
    expect(failure.getAttribute('message')).toBe(prefixFinding().message);
    expect(failure.textContent).toContain('docker@18.06: rejected — RunContainerError');
    expect(failure.textContent).not.toContain('cri-o@1.30');
    expect(failure.textContent).toContain('fix: replace "CAP_SYS_RESOURCE" with SYS_RESOURCE');

    // The awkward message survives: line breaks and tabs in the attribute, everything in the text,
    // with only the characters XML cannot carry replaced.
    const awkward = awkwardFinding().message.replace('\u0001', '\uFFFD');
    const oddFailure = elements(odd?.[0] as Element, 'failure')[0] as Element;
    expect(oddFailure.getAttribute('type')).toBe('warning');
    expect(oddFailure.getAttribute('message')).toBe(awkward);
    expect(odd?.[0]?.getAttribute('name')).toBe('cap-all Pod/a<b>&c (3:5)');
    expect(oddFailure.textContent?.replace(/\r\n/g, '\n')).toContain(awkward.replace(/\r\n/g, '\n'));

    // A clean file passes once; an info finding passes with its message in system-out.
    expect(clean).toHaveLength(1);
    expect(elements(clean?.[0] as Element, 'failure')).toHaveLength(0);
    expect(elements(stdin?.[0] as Element, 'failure')).toHaveLength(0);
    expect(elements(stdin?.[0] as Element, 'system-out')[0]?.textContent).toContain('SYS_ADMIN is near-root');
  });

  it('escapes what XML needs and leaves no ]]>', () => {
    expect(escapeText('a < b & c > d ]]>')).toBe('a &lt; b &amp; c &gt; d ]]&gt;');
    expect(escapeAttribute('"x"\n\ty\r')).toBe('&quot;x&quot;&#10;&#9;y&#13;');
    expect(escapeText('\u0000\u0008\u000B\uFFFE\uDC00 ok 😀')).toBe('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD ok 😀');
    // Text content keeps line breaks, tabs and quotes; an attribute cannot.
    expect(escapeText('a\n\tb "c"\r\n')).toBe('a\n\tb "c"\r\n');
    expect(escapeText('a\n< b\t\u0001')).toBe('a\n&lt; b\t\uFFFD');
    expect(escapeAttribute('a\n< b')).toBe('a&#10;&lt; b');
    expect(output).not.toContain(']]>');
    expect(output).not.toMatch(/&(?!(amp|lt|gt|quot|#\d+);)/);
  });

  it('puts the explanation, when a finding has one, under the message', () => {
    const finding = { ...prefixFinding(), explanation: 'Docker up to 18.09 writes CAP_ in front of every name.' };
    const xml = formatJunit({ ...empty, files: [{ file: finding.file, findings: [finding] }] }, OPTIONS);
    const failure = elements(parseXml(xml), 'failure')[0] as Element;
    expect(failure.getAttribute('message')).toBe(finding.message);
    expect(failure.textContent).toContain(`${finding.message}\n\n${finding.explanation}\n\nat k8s/es.yaml:51:17`);
  });

  it('writes an empty report as an empty testsuites element', () => {
    const doc = parseXml(formatJunit(empty, OPTIONS));
    expect((doc.documentElement as unknown as Element).getAttribute('tests')).toBe('0');
    expect(elements(doc, 'testsuite')).toHaveLength(0);
  });
});

describe('-o gitlab', () => {
  const output = formatGitlab(report(), OPTIONS);
  const issues = JSON.parse(output) as GitlabIssue[];

  it('matches the golden file', async () => {
    await expect(output).toMatchFileSnapshot('./__golden__/report.gitlab.json');
  });

  it('parses back to one issue per finding with the fields GitLab reads', () => {
    expect(issues).toHaveLength(3);
    // Written issue by issue, as JSON.stringify writes the whole array.
    expect(output).toBe(`${JSON.stringify(issues, null, 2)}\n`);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(
        ['categories', 'check_name', 'description', 'fingerprint', 'location', 'severity', 'type'].sort(),
      );
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
    const [es, odd, stdin] = issues;
    expect(es).toMatchObject({
      check_name: 'cap-prefix',
      description: prefixFinding().message,
      severity: 'critical',
      location: { path: 'k8s/es.yaml', lines: { begin: 51, end: 51 } },
    });
    expect(odd).toMatchObject({
      severity: 'minor',
      location: { path: 'odd dir/a,b:c%.yaml', lines: { begin: 3, end: 4 } },
    });
    expect(stdin).toMatchObject({ severity: 'info', location: { path: 'stdin', lines: { begin: 1, end: 1 } } });
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
  });

  it('maps severities: critical when the container does not start, major for other errors', () => {
    const notStarting = prefixFinding();
    const silent: Finding = {
      ...prefixFinding(),
      targets: [{ target: 'containerd@1.7', outcome: 'ignored', detail: '' }],
    };
    const one = (finding: Finding) =>
      (
        JSON.parse(
          formatGitlab({ ...empty, files: [{ file: finding.file, findings: [finding] }] }, OPTIONS),
        ) as GitlabIssue[]
      )[0];
    expect(one(notStarting)?.severity).toBe('critical');
    expect(one(silent)?.severity).toBe('major');
  });

  it('keeps fingerprints across runs, line moves and rewordings, and tells findings apart', () => {
    const fingerprint = (finding: Finding, more: Finding[] = []) =>
      (
        JSON.parse(
          formatGitlab({ ...empty, files: [{ file: finding.file, findings: [...more, finding] }] }, OPTIONS),
        ) as GitlabIssue[]
      ).at(-1)?.fingerprint;
    const base = fingerprint(prefixFinding());
    expect(fingerprint(prefixFinding())).toBe(base);
    expect(fingerprint({ ...prefixFinding(), line: 80, endLine: 80, message: 'reworded' })).toBe(base);
    expect(fingerprint({ ...prefixFinding(), path: 'spec.template.spec.containers[1].securityContext' })).not.toBe(
      base,
    );
    expect(fingerprint({ ...prefixFinding(), object: { kind: 'StatefulSet', name: 'other' } })).not.toBe(base);
    expect(fingerprint({ ...prefixFinding(), rule: 'pss-baseline' })).not.toBe(base);
    // The same finding twice in one file (two unnamed documents alike): two fingerprints.
    expect(fingerprint(prefixFinding(), [prefixFinding()])).not.toBe(base);
  });

  it('writes an empty report as an empty array', () => {
    expect(formatGitlab(empty, OPTIONS)).toBe('[]\n');
  });
});

describe('fix -o github', () => {
  const change = {
    rule: 'cap-prefix',
    description: 'replace "CAP_X" with X',
    path: 'spec.containers[0].securityContext.capabilities.add[0]',
    before: { line: 5, column: 9, endLine: 5, endColumn: 14, text: 'CAP_X' },
    after: { line: 5, column: 9, endLine: 5, endColumn: 10, text: 'X' },
  };
  const skipped = { rule: 'cap-case', path: 'a', line: 7, column: 3, reason: 'the value is a template, 50%: kept' };

  it('writes a notice per fix, a warning per fix not applied, an error per file left alone', () => {
    const files = [
      { file: './k8s/a.yaml', changes: [change], skipped: [skipped] },
      { file: 'b,c.yaml', changes: [], skipped: [], error: 'does not parse:\nline 3' },
    ];
    expect(formatGithubFix(files, false, { errors: 1, warnings: 2 }).split('\n')).toEqual([
      '::notice file=k8s/a.yaml,line=5,col=9,endLine=5,endColumn=10,title=capdoctor fix cap-prefix::fixed: replace "CAP_X" with X',
      '::warning file=k8s/a.yaml,line=7,col=3,title=capdoctor fix cap-case::not fixed: the value is a template, 50%25: kept',
      '::error file=b%2Cc.yaml,title=capdoctor fix::does not parse:%0Aline 3',
      'capdoctor fix: 1 fix applied; 1 error(s) and 2 warning(s) remain (capdoctor lint -o github shows them)',
      '',
    ]);
    // A dry run points at the text as it is.
    expect(
      formatGithubFix([{ file: 'a.yaml', changes: [change], skipped: [] }], true, { errors: 0, warnings: 0 }),
    ).toContain(
      '::notice file=a.yaml,line=5,col=9,endLine=5,endColumn=14,title=capdoctor fix cap-prefix::can be fixed: ',
    );
  });
});
