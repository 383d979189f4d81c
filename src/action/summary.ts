// The job summary: a count, then a table of findings per file, in GitHub-flavoured Markdown.

import type { LintReport } from '../cli/output/types.js';
import type { Finding } from '../core/types.js';

const DOCS = 'https://github.com/capdoctor/capdoctor/blob/main/docs/rules';
/** GitHub refuses a step summary over 1 MiB; the table stops well before. */
const MAX_BYTES = 900 * 1024;
const MARK: Record<Finding['severity'], string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/** A table cell: one line, no HTML, no column breaks. */
export function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryMarkdown(report: LintReport, sarifFile: string): string {
  const { files, documents, errors, warnings, infos } = report.summary;
  const head =
    errors + warnings + infos === 0
      ? '✅ No problems'
      : `${errors > 0 ? '❌' : '⚠️'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
  const out: string[] = [
    '## capdoctor',
    '',
    `${head} in ${plural(files, 'file')} (${plural(documents, 'document')}).`,
    '',
  ];
  let size = Buffer.byteLength(out.join('\n'));
  let omitted = 0;
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = [
      `### ${cell(file.file)}`,
      '',
      '| Line | Severity | Rule | Finding |',
      '| ---: | --- | --- | --- |',
      ...file.findings.map(
        (f) =>
          `| ${f.line}:${f.column} | ${MARK[f.severity]} | [${f.rule}](${DOCS}/${f.rule}.md) | ${cell(f.message)} |`,
      ),
      '',
    ];
    const text = rows.join('\n');
    const bytes = Buffer.byteLength(text);
    if (size + bytes > MAX_BYTES) {
      omitted += file.findings.length;
      continue;
    }
    size += bytes;
    out.push(text);
  }
  if (omitted > 0)
    out.push(`… and ${plural(omitted, 'more finding')}: every finding is in \`${cell(sarifFile)}\`.`, '');
  const clean = report.files.filter((f) => f.findings.length === 0).length;
  if (clean > 0 && errors + warnings + infos > 0) out.push(`${plural(clean, 'other file')} without findings.`, '');
  return `${out.join('\n')}\n`;
}
