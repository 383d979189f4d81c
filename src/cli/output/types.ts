import type { Finding } from '../../core/types.js';
import type { RuleMeta } from '../../rules/types.js';

export interface FileReport {
  /** As given on the command line (relative paths stay relative); `-` for stdin. */
  file: string;
  /** The file's text, for code frames; absent when it could not be read. */
  text?: string;
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

export interface FormatOptions {
  color: boolean;
  rules: readonly RuleMeta[];
  version: string;
  /** Text output: each finding's explanation and every target's detail. */
  verbose?: boolean;
}

export type Formatter = (report: LintReport, options: FormatOptions) => string;
