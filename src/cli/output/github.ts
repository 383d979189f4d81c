// `-o github`: GitHub Actions workflow commands, one per finding, which the runner turns into
// annotations on the pull request's diff. The syntax and its escaping are GitHub's "Workflow commands
// for GitHub Actions" (docs.github.com/en/actions/reference/workflow-commands-for-github-actions).
import type { Finding, Severity } from '../../core/types.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** The message of a command: %, CR and LF would end or break the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and `:` and `,` too, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A file path as GitHub matches it against the checkout: forward slashes, no leading `./`. */
export function annotationPath(file: string): string {
  let path = file.replace(/\\/g, '/');
  while (path.startsWith('./')) path = path.slice(2);
  return path;
}

/** One workflow command for one finding; findings of standard input (`-`) carry no file. */
export function githubCommand(finding: Finding): string {
  const properties: [string, string | number][] = [];
  if (finding.file !== '-') properties.push(['file', annotationPath(finding.file)]);
  // Line 0 means the finding has no position (an unreadable file): the annotation then sits on the file.
  if (finding.file !== '-' && finding.line > 0) {
    const endLine = Math.max(finding.line, finding.endLine);
    properties.push(['line', finding.line], ['col', Math.max(1, finding.column)], ['endLine', endLine]);
    // GitHub takes a column range on one line only; the numbers are those of JSON and SARIF.
    if (endLine === finding.line && finding.endColumn > finding.column)
      properties.push(['endColumn', finding.endColumn]);
  }
  properties.push(['title', `capdoctor ${finding.rule}`]);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[finding.severity]} ${props}::${escapeData(finding.message)}`;
}

export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const file of report.files) for (const finding of file.findings) lines.push(githubCommand(finding));
  const { errors, warnings, infos, files } = report.summary;
  // A plain line (not a command) that the log shows under the annotations.
  lines.push(
    `capdoctor: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ` +
      `${infos} info${infos === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
};
