// `-o github`: GitHub Actions workflow commands, one per finding, which the runner turns into
// annotations on the pull request's diff. The syntax and its escaping are GitHub's "Workflow commands
// for GitHub Actions" (docs.github.com/en/actions/reference/workflow-commands-for-github-actions).
import type { AppliedChange, SkippedFix } from '../../core/fix.js';
import type { Finding, Severity } from '../../core/types.js';
import { rememberedEscape } from './repeating.js';
import { type Formatter, type OnePassFormatter, toText } from './types.js';

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
  // Numbers need no escaping; the file, the title and the message do.
  let props = '';
  if (finding.file !== '-') {
    props = `file=${escapedPath(finding.file)}`;
    // Line 0 means the finding has no position (an unreadable file): the annotation then sits on the file.
    if (finding.line > 0) {
      const endLine = Math.max(finding.line, finding.endLine);
      props += `,line=${finding.line},col=${Math.max(1, finding.column)},endLine=${endLine}`;
      // GitHub takes a column range on one line only; the numbers are those of JSON and SARIF.
      if (endLine === finding.line && finding.endColumn > finding.column) props += `,endColumn=${finding.endColumn}`;
    }
    props += ',';
  }
  return `::${COMMAND[finding.severity]} ${props}title=${escapeProperty(`capdoctor ${finding.rule}`)}::${escapedMessage(finding.message)}`;
}

// Every finding of a file names the same file, and many share their message: each is escaped once.
let lastFile: string | undefined;
let lastPath = '';

function escapedPath(file: string): string {
  if (file !== lastFile) {
    lastPath = escapeProperty(annotationPath(file));
    lastFile = file;
  }
  return lastPath;
}

const escapedMessage = rememberedEscape(escapeData);

export const writeGithub: OnePassFormatter = (report, _options, write) => {
  for (const file of report.files) for (const finding of file.findings) write(`${githubCommand(finding)}\n`);
  const { errors, warnings, infos, files } = report.summary;
  // A plain line (not a command) that the log shows under the annotations.
  write(
    `capdoctor: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ` +
      `${infos} info${infos === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`,
  );
};

export const formatGithub: Formatter = toText(writeGithub);

export interface FixedFile {
  file: string;
  changes: readonly AppliedChange[];
  skipped: readonly SkippedFix[];
  error?: string;
}

function place(file: string, at: { line: number; column: number; endLine?: number; endColumn?: number }): string {
  const props: [string, string | number][] = [
    ['file', annotationPath(file)],
    ['line', at.line],
    ['col', at.column],
  ];
  if (at.endLine !== undefined) props.push(['endLine', at.endLine]);
  if (at.endLine === at.line && at.endColumn !== undefined && at.endColumn > at.column) {
    props.push(['endColumn', at.endColumn]);
  }
  return props.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
}

/**
 * `capdoctor fix -o github`: a notice for each fix (at its new place; at the old one with --dry-run,
 * where the file is unchanged), a warning for each fix that could not be applied, an error for a file
 * left untouched, and a plain line with what remains.
 */
export function formatGithubFix(
  files: readonly FixedFile[],
  dryRun: boolean,
  remaining: { errors: number; warnings: number },
): string {
  const lines: string[] = [];
  for (const file of files) {
    if (file.error !== undefined) {
      lines.push(
        `::error file=${escapeProperty(annotationPath(file.file))},title=capdoctor fix::${escapeData(file.error)}`,
      );
    }
    for (const change of file.changes) {
      const at = dryRun ? change.before : change.after;
      const verb = dryRun ? 'can be fixed' : 'fixed';
      const title = escapeProperty(`capdoctor fix ${change.rule}`);
      lines.push(`::notice ${place(file.file, at)},title=${title}::${escapeData(`${verb}: ${change.description}`)}`);
    }
    for (const skipped of file.skipped) {
      const title = escapeProperty(`capdoctor fix ${skipped.rule}`);
      lines.push(
        `::warning ${place(file.file, skipped)},title=${title}::${escapeData(`not fixed: ${skipped.reason}`)}`,
      );
    }
  }
  const changes = files.reduce((n, f) => n + f.changes.length, 0);
  lines.push(
    `capdoctor fix: ${changes} fix${changes === 1 ? '' : 'es'} ${dryRun ? 'possible' : 'applied'}; ` +
      `${remaining.errors} error(s) and ${remaining.warnings} warning(s) remain (capdoctor lint -o github shows them)`,
  );
  return `${lines.join('\n')}\n`;
}
