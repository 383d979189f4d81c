// `-o junit`: JUnit XML as CI systems import it (GitLab, Jenkins, Azure Pipelines, CircleCI): one
// <testsuite> per file, one <testcase> per finding, and one passing <testcase> for a file without any.
// Errors and warnings are failures; info findings pass and carry their message in <system-out>.
import type { Finding } from '../../core/types.js';
import { outcomeLister } from './outcomes.js';
import { type FileReport, type Formatter, type StreamFormatter, toText, type Write } from './types.js';

// Characters XML 1.0 does not allow at all (C0 controls other than tab, LF and CR; lone surrogates;
// U+FFFE and U+FFFF): they are replaced, since no escape can carry them. A literal would hold the
// control characters themselves.
// biome-ignore lint/complexity/useRegexLiterals: see above.
const NOT_XML = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

/** Text content: `&` and `<` always, `>` so that `]]>` never appears. */
export function escapeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references, which attribute normalisation keeps. */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}

function objectLabel(finding: Finding): string {
  const { kind, namespace, name } = finding.object ?? {};
  const parts = [kind, namespace, name].filter((part): part is string => Boolean(part));
  const object = parts.join('/');
  const container = finding.container === undefined ? '' : ` container ${finding.container}`;
  return `${object}${container}`.trim();
}

/** Name of a finding's test case: the rule, what it is about and where (findings of one rule stay apart). */
function caseName(finding: Finding): string {
  const about = objectLabel(finding);
  const where = finding.line > 0 ? ` (${finding.line}:${finding.column})` : '';
  return `${finding.rule}${about ? ` ${about}` : ''}${where}`;
}

/** The body of a failure: the message and everything that places and explains it. */
function details(finding: Finding & { explanation?: string }): string {
  const where = finding.line > 0 ? `${finding.file}:${finding.line}:${finding.column}` : finding.file;
  const lines = [finding.message, ...(finding.explanation ? ['', finding.explanation] : []), '', `at ${where}`];
  if (finding.path) lines.push(`path: ${finding.path}`);
  if (finding.targets) {
    const outcomes = outcomeLines(finding.targets);
    if (outcomes) lines.push(outcomes);
  }
  if (finding.fix) lines.push(`fix: ${finding.fix.description}`);
  if (finding.suggestion) lines.push(`suggested fix: ${finding.suggestion.description}`);
  lines.push(`rule: ${finding.rule}`);
  return lines.join('\n');
}

/** One line per target whose outcome is not `applied` (empty when there is none). */
const outcomeLines = outcomeLister((t) => `${t.target}: ${t.outcome}${t.detail ? ` — ${t.detail}` : ''}`);

function testCase(file: string, finding: Finding): string {
  const place: Record<string, string | number> = finding.line > 0 ? { file, line: finding.line } : { file };
  const head = `    <testcase${attributes({ classname: file, name: caseName(finding), ...place })}>`;
  if (finding.severity === 'info') {
    return `${head}\n      <system-out>${escapeText(details(finding))}</system-out>\n    </testcase>`;
  }
  const failure = attributes({ message: finding.message, type: finding.severity });
  return `${head}\n      <failure${failure}>${escapeText(details(finding))}</failure>\n    </testcase>`;
}

function writeSuite(file: FileReport, write: Write): void {
  const failures = file.findings.filter((f) => f.severity !== 'info').length;
  const tests = Math.max(1, file.findings.length);
  write(`  <testsuite${attributes({ name: file.file, tests, failures, errors: 0, skipped: 0 })}>\n`);
  if (file.findings.length === 0) {
    write(`    <testcase${attributes({ classname: file.file, name: 'capdoctor', file: file.file })}/>\n`);
  }
  for (const finding of file.findings) write(`${testCase(file.file, finding)}\n`);
  write('  </testsuite>\n');
}

/** The counts in the head come first; then each suite, case by case. */
export const writeJunit: StreamFormatter = (report, _options, write) => {
  const tests = report.files.reduce((n, file) => n + Math.max(1, file.findings.length), 0);
  const failures = report.files.reduce((n, file) => n + file.findings.filter((f) => f.severity !== 'info').length, 0);
  const head = attributes({ name: 'capdoctor', tests, failures, errors: 0 });
  write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${head}>\n`);
  for (const file of report.files) writeSuite(file, write);
  write('</testsuites>\n');
};

export const formatJunit: Formatter = toText(writeJunit);
