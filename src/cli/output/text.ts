import pc from 'picocolors';
import { outcomeLine } from '../../core/message.js';
import type { Finding, Severity, TargetOutcome } from '../../core/types.js';
import { terminalSafe } from './escape.js';
import {
  type FileStream,
  type FormatOptions,
  type Formatter,
  type OnePassFormatter,
  type ReportStream,
  toText,
  type Write,
} from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Lines of source shown above the offending line in a code frame. */
const CONTEXT_BEFORE = 1;
/** Non-applied target outcomes listed per finding (with --verbose) before the rest are summarised. */
const MAX_TARGET_LINES = 12;
/** The explanation is wrapped to this width (with --verbose). */
const WRAP = 100;
/** Up to this many targets are named in the header line; more are only counted. */
const MAX_LISTED_TARGETS = 4;

const FINDING_INDENT = '  ';
const DETAIL_INDENT = '    ';

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function severityColor(c: Colors, severity: Severity): (text: string) => string {
  switch (severity) {
    case 'error':
      return c.red;
    case 'warning':
      return c.yellow;
    case 'info':
      return c.cyan;
  }
}

function contextLine(finding: Finding, verbose: boolean): string | undefined {
  const parts: string[] = [];
  const kind = finding.object?.kind;
  const name = finding.object?.name;
  if (kind && name) parts.push(`${kind}/${name}`);
  else if (kind) parts.push(kind);
  else if (name) parts.push(name);
  if (finding.container) parts.push(`container "${finding.container}"`);
  if (finding.path && verbose) parts.push(finding.path);
  return parts.length > 0 ? terminalSafe(parts.join(' · ')) : undefined;
}

/**
 * Lines of a text, by index: each without its line ending (LF or CRLF). Either the whole text, or (a
 * streamed input) only the lines its code frames show, by number: the others then read as empty, as in
 * the text they came from, without a text of that many lines being made and cut up again.
 */
class Lines {
  private readonly raw: string[] | undefined;
  private readonly kept: ReadonlyMap<number, string> | undefined;
  private readonly count: number;

  constructor(source: string | ReadonlyMap<number, string>) {
    if (typeof source === 'string') {
      this.raw = source.split('\n');
      this.count = this.raw.length;
    } else {
      // Only the lines around findings, which a streamed input adds to as its findings come: a line
      // not kept is not shown.
      this.kept = source;
      this.count = Number.POSITIVE_INFINITY;
    }
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const line = this.raw ? this.raw[index] : this.kept?.get(index + 1);
    return line?.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

/** Columns of a long line shown around a finding; the rest is elided (a minified file is one line). */
const FRAME_WIDTH = 160;
const FRAME_BEFORE = 60;

/** The part of a line a frame shows: [from, to) and whether text was cut on either side. */
function frameWindow(length: number, start: number): { from: number; to: number } {
  if (length <= FRAME_WIDTH) return { from: 0, to: length };
  const from = Math.max(0, Math.min(start - FRAME_BEFORE, length - FRAME_WIDTH));
  return { from, to: Math.min(length, from + FRAME_WIDTH) };
}

function shownSlice(source: string, from: number, to: number): string {
  return `${from > 0 ? '…' : ''}${terminalSafe(source.slice(from, to))}${to < source.length ? '…' : ''}`;
}

function codeFrame(c: Colors, lines: Lines, finding: Finding): string[] {
  const source = lines.at(finding.line - 1);
  if (source === undefined) return [];
  const first = Math.max(1, finding.line - CONTEXT_BEFORE);
  const width = String(finding.line).length;
  const gutter = (n: number | undefined) => (n === undefined ? ' '.repeat(width) : String(n).padStart(width));
  const out: string[] = [];
  for (let n = first; n < finding.line; n++) {
    const text = lines.at(n - 1) ?? '';
    const shown = shownSlice(text, 0, Math.min(text.length, FRAME_WIDTH));
    out.push(`${DETAIL_INDENT}${c.dim(`${gutter(n)} |`)}${shown ? ` ${shown}` : ''}`);
  }
  const color = severityColor(c, finding.severity);
  const start = Math.max(1, finding.column) - 1;
  const end = finding.endLine === finding.line ? finding.endColumn - 1 : source.length;
  const { from, to } = frameWindow(source.length, start);
  out.push(
    `${FINDING_INDENT}${color('>')} ${c.bold(gutter(finding.line))} ${c.dim('|')} ${shownSlice(source, from, to)}`,
  );

  // The carets are measured on the text as shown (escapes are wider than what they stand for).
  const before = `${from > 0 ? '…' : ''}${terminalSafe(source.slice(from, Math.min(start, to)))}`;
  const marked = terminalSafe(source.slice(Math.min(start, to), Math.max(start, Math.min(end, to))));
  // Keep tabs in the padding so the carets line up with tab-indented source.
  const padding = before.replace(/[^\t]/g, ' ');
  out.push(
    `${DETAIL_INDENT}${c.dim(`${gutter(undefined)} |`)} ${padding}${color('^'.repeat(Math.max(1, marked.length)))}`,
  );
  return out;
}

function targetLine(target: TargetOutcome): string {
  const marker = target.outcome === 'unknown' ? '?' : '✗';
  const detail = target.detail ? ` — ${target.detail}` : '';
  const legacy = target.legacy ? ' (end of life, context only)' : '';
  return terminalSafe(`${marker} ${target.target}${legacy}: ${target.outcome}${detail}`);
}

const PLAIN = pc.createColors(false);

/** A finding's first line: position, severity, message, rule (without colours it fits 200 characters). */
export function findingLine(finding: Finding, c: Colors = PLAIN): string {
  const color = severityColor(c, finding.severity);
  return `${FINDING_INDENT}${c.dim(`${finding.line}:${finding.column}`)}  ${color(finding.severity)}  ${terminalSafe(finding.message)}  ${c.dim(terminalSafe(finding.rule))}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (current !== '' && current.length + 1 + word.length > width) {
        lines.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    lines.push(current);
  }
  return lines;
}

// Findings share their per-target lists: the line that sums one up is made (and made safe) once.
const outcomeLines = new WeakMap<readonly TargetOutcome[], string>();

function safeOutcomeLine(targets: readonly TargetOutcome[]): string {
  let line = outcomeLines.get(targets);
  if (line === undefined) {
    line = terminalSafe(outcomeLine(targets));
    outcomeLines.set(targets, line);
  }
  return line;
}

/**
 * A finding's lines. Names, messages and targets quote the input: every text of the finding goes
 * through terminalSafe on its way out, so that nothing in it may steer the terminal.
 */
function formatFinding(c: Colors, finding: Finding, lines: Lines | undefined, verbose: boolean): string[] {
  const out = [findingLine(finding, c)];
  const context = contextLine(finding, verbose);
  if (context) out.push(`${DETAIL_INDENT}${c.dim(context)}`);
  if (lines && finding.line > 0) out.push(...codeFrame(c, lines, finding));
  if (finding.fix) out.push(`${DETAIL_INDENT}${c.green('fix:')} ${terminalSafe(finding.fix.description)}`);
  if (finding.suggestion) {
    out.push(
      `${DETAIL_INDENT}${c.cyan('suggested fix:')} ${terminalSafe(finding.suggestion.description)} (applied only by \`capdoctor fix --unsafe\`)`,
    );
  }
  // Where the evidence behind a needs finding is (the message quotes it).
  for (const e of finding.evidence ?? []) {
    if (e.line > 0) out.push(`${DETAIL_INDENT}${c.dim(`evidence ${e.line}:${e.column}`)} ${terminalSafe(e.text)}`);
  }
  const targets = finding.targets ?? [];
  // One compact line for every target; the detail per target is for --verbose (and in JSON).
  if (targets.some((t) => t.outcome !== 'applied')) {
    out.push(`${DETAIL_INDENT}${c.dim(safeOutcomeLine(targets))}`);
  }
  if (!verbose) return out;
  if (finding.explanation) {
    out.push(...wrap(terminalSafe(finding.explanation), WRAP).map((line) => `${DETAIL_INDENT}${line}`));
  }
  // A detail the explanation already quotes in full (a single target) is not repeated.
  const notApplied = targets.filter(
    (t) => t.outcome !== 'applied' && !(finding.explanation ?? finding.message).includes(t.detail),
  );
  for (const target of notApplied.slice(0, MAX_TARGET_LINES)) {
    const line = targetLine(target);
    out.push(`${DETAIL_INDENT}${target.outcome === 'unknown' ? c.yellow(line) : c.red(line)}`);
  }
  if (notApplied.length > MAX_TARGET_LINES) {
    out.push(`${DETAIL_INDENT}${c.dim(`… ${notApplied.length - MAX_TARGET_LINES} more`)}`);
  }
  return out;
}

/** How many findings of each severity were written, and in how many files. */
interface Written {
  error: number;
  warning: number;
  info: number;
  files: number;
}

/** A file's findings under its name; nothing for a file without findings. */
function writeFile(c: Colors, file: FileStream, verbose: boolean, written: Written, write: Write): void {
  let lines: Lines | undefined;
  let first = true;
  for (const finding of file.findings) {
    if (first) {
      const source = file.text ?? file.frameLines;
      lines = source === undefined ? undefined : new Lines(source);
      write(`${c.underline(c.bold(terminalSafe(file.file)))}\n`);
      written.files++;
      first = false;
    }
    written[finding.severity]++;
    write(`${formatFinding(c, finding, lines, verbose).join('\n')}\n\n`);
  }
}

function targetsLine(targets: readonly string[]): string {
  if (targets.length <= MAX_LISTED_TARGETS) return `Targets: ${targets.join(', ')}`;
  return `Targets: ${targets.length} runtime profiles (run \`capdoctor targets\` to list them)`;
}

function summaryLine(c: Colors, report: ReportStream, written: Written): string {
  const { files, documents } = report.summary;
  // What was printed is counted, so the summary always agrees with the listing above it.
  const { error: errors, warning: warnings, info: infos } = written;
  const problems = errors + warnings + infos;
  const hidden = report.hidden ? `; ${report.hidden} warnings and infos hidden by --quiet` : '';
  if (problems === 0) {
    const none = hidden ? 'No errors' : 'No problems';
    return c.green(`✔ ${none} in ${plural(files, 'file')} (${plural(documents, 'document')})${hidden}`);
  }
  const text =
    `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ` +
    `${plural(infos, 'info')}) in ${plural(written.files, 'file')}${hidden}`;
  const color = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.cyan;
  return c.bold(color(text));
}

export const writeText: OnePassFormatter = (report, options: FormatOptions, write) => {
  const c = pc.createColors(options.color);
  if (report.targets.length > 0) write(`${c.dim(targetsLine(report.targets))}\n\n`);
  const written: Written = { error: 0, warning: 0, info: 0, files: 0 };
  for (const file of report.files) writeFile(c, file, options.verbose === true, written, write);
  write(`${summaryLine(c, report, written)}\n`);
};

export const formatText: Formatter = toText(writeText);
