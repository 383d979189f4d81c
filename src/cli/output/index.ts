import { formatGithub, writeGithub } from './github.js';
import { formatGitlab, writeGitlab } from './gitlab.js';
import { formatJson, writeJson } from './json.js';
import { formatJunit, writeJunit } from './junit.js';
import { formatSarif, writeSarif } from './sarif.js';
import { formatText, writeText } from './text.js';
import type { Formatter, OnePassFormatter, StreamFormatter } from './types.js';

export const FORMATTERS: Record<'text' | 'json' | 'sarif' | 'github' | 'junit' | 'gitlab', Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
};

export type OutputFormat = keyof typeof FORMATTERS;

/** The same formats, written piece by piece to a destination (what the CLI uses). */
export const STREAM_FORMATTERS: Record<OutputFormat, StreamFormatter> = {
  text: writeText,
  json: writeJson,
  sarif: writeSarif,
  github: writeGithub,
  junit: writeJunit,
  gitlab: writeGitlab,
};

/** The formats that read a report in one pass, so that a large input's findings go out as they are found. */
export const ONE_PASS_FORMATTERS: Partial<Record<OutputFormat, OnePassFormatter>> = {
  text: writeText,
  json: writeJson,
  sarif: writeSarif,
  github: writeGithub,
  gitlab: writeGitlab,
};

export type { FileReport, FormatOptions, Formatter, LintReport, StreamFormatter, Summary, Write } from './types.js';
