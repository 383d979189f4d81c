import type { Finding } from '../../core/types.js';
import type { RuleMeta } from '../../rules/types.js';

export interface FileReport {
  /** As given on the command line (relative paths stay relative); `-` for stdin. */
  file: string;
  /** The file's text, for code frames; absent when it could not be read. */
  text?: string;
  /** Or, for a streamed input, only the lines the code frames show, by 1-based number. */
  frameLines?: ReadonlyMap<number, string>;
  findings: Finding[];
}

export interface Summary {
  files: number;
  documents: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintReport {
  files: FileReport[];
  /** Labels of the targets the predictions were made for. */
  targets: string[];
  summary: Summary;
  /** Findings left out by `--quiet` (the summary says so rather than claim there are none). */
  hidden?: number;
}

/**
 * A report as a one-pass formatter reads it: each file once, each file's findings once, in order; the
 * summary only after the last finding. The findings of a large input then go out as they are found
 * and are never all held (`LintReport`, which holds them, is one too).
 */
export interface ReportStream {
  files: Iterable<FileStream>;
  /**
   * The files' names, in order, when known before their findings are (a report of files still to be
   * linted): what a writer keeps per file can then go after the last file of its name.
   */
  names?: readonly string[];
  targets: readonly string[];
  /** Complete only once every file's findings have been read. */
  readonly summary: Summary;
  /** Complete only once every file's findings have been read. */
  readonly hidden?: number;
}

export interface FileStream {
  file: string;
  text?: string;
  /** The lines around the findings read so far (a streamed input keeps those of each as it comes). */
  frameLines?: ReadonlyMap<number, string>;
  findings: Iterable<Finding>;
}

export interface FormatOptions {
  color: boolean;
  rules: readonly RuleMeta[];
  version: string;
  /** Text output: each finding's explanation and every target's detail. */
  verbose?: boolean;
}

export type Formatter = (report: LintReport, options: FormatOptions) => string;

/**
 * Receives a report piece by piece, in order (a large report is never one string). `repeats`: the same
 * string will come again (a text many findings share), so the writer may keep it as it wrote it.
 */
export type Write = (text: string, repeats?: boolean) => void;

/** Writes the report as it goes, finding by finding; the pieces joined are what the `Formatter` returns. */
export type StreamFormatter = (report: LintReport, options: FormatOptions, write: Write) => void;

/** A `StreamFormatter` that reads the report in one pass (see `ReportStream`). */
export type OnePassFormatter = (report: ReportStream, options: FormatOptions, write: Write) => void;

/** The whole report as one string (for small reports, tests and the library). */
export function toText(stream: StreamFormatter): Formatter {
  return (report, options) => {
    const parts: string[] = [];
    stream(report, options, (text) => parts.push(text));
    return parts.join('');
  };
}
