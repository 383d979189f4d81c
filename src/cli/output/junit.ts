// `-o junit`: JUnit XML as CI systems import it (GitLab, Jenkins, Azure Pipelines, CircleCI): one
// <testsuite> per file, one <testcase> per finding, and one passing <testcase> for a file without any.
// Errors and warnings are failures; info findings pass and carry their message in <system-out>.
import { explanationParts } from '../../core/explanation.js';
import type { Finding } from '../../core/types.js';
import { outcomeLister } from './outcomes.js';
import { rememberedEscape, splitsPair } from './repeating.js';
import { type FileReport, type Formatter, type StreamFormatter, toText, type Write } from './types.js';

// Characters XML 1.0 does not allow at all (C0 controls other than tab, LF and CR; lone surrogates;
// U+FFFE and U+FFFF): they are replaced, since no escape can carry them. A literal would hold the
// control characters themselves.
// biome-ignore lint/complexity/useRegexLiterals: see above.
const NOT_XML = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

/** Whether a text holds anything `escapeAttribute` (and so `escapeText`) would change: most hold nothing. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find.
const TO_ESCAPE = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/**
 * Whether a text holds anything `escapeText` would change. Line breaks and tabs stay as they are in text
 * content, and every failure's body has them: testing for them sent each body through all the replacing.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find.
const TEXT_TO_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text content: `&` and `<` always, `>` so that `]]>` never appears. */
export function escapeText(text: string): string {
  if (!TEXT_TO_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references, which attribute normalisation keeps. */
export function escapeAttribute(text: string): string {
  if (!TO_ESCAPE.test(text)) return text;
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

/** What the body of a failure holds after the message, the explanation and the place: path, targets, fixes, rule. */
function afterPlace(finding: Finding): string {
  const lines: string[] = [];
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

const escapedRepeating = rememberedEscape(escapeText);

/**
 * The body of a failure, escaped: the message and everything that places and explains it. Written piece
 * by piece: the message and an explanation's shared parts as escaped for the findings before.
 */
function writeDetails(finding: Finding, write: Write): void {
  write(escapedRepeating(finding.message), true);
  const explanation = finding.explanation;
  if (explanation) {
    write('\n\n');
    const parts = explanationParts(finding);
    if (parts && !splitsPair(parts)) for (const part of parts) write(escapedRepeating(part), true);
    else write(escapeText(explanation));
  }
  const where = finding.line > 0 ? `${finding.file}:${finding.line}:${finding.column}` : finding.file;
  write(escapeText(`\n\nat ${where}\n${afterPlace(finding)}`));
}

/** One line per target whose outcome is not `applied` (empty when there is none). */
const outcomeLines = outcomeLister((t) => `${t.target}: ${t.outcome}${t.detail ? ` — ${t.detail}` : ''}`);

function writeCase(file: string, finding: Finding, write: Write): void {
  const place: Record<string, string | number> = finding.line > 0 ? { file, line: finding.line } : { file };
  const head = `    <testcase${attributes({ classname: file, name: caseName(finding), ...place })}>`;
  if (finding.severity === 'info') {
    write(`${head}\n      <system-out>`);
    writeDetails(finding, write);
    write('</system-out>\n    </testcase>\n');
    return;
  }
  write(`${head}\n      <failure${attributes({ message: finding.message, type: finding.severity })}>`);
  writeDetails(finding, write);
  write('</failure>\n    </testcase>\n');
}

function writeSuite(file: FileReport, write: Write): void {
  const failures = file.findings.filter((f) => f.severity !== 'info').length;
  const tests = Math.max(1, file.findings.length);
  write(`  <testsuite${attributes({ name: file.file, tests, failures, errors: 0, skipped: 0 })}>\n`);
  if (file.findings.length === 0) {
    write(`    <testcase${attributes({ classname: file.file, name: 'capdoctor', file: file.file })}/>\n`);
  }
  for (const finding of file.findings) writeCase(file.file, finding, write);
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
