import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<'text' | 'json' | 'sarif' | 'github' | 'junit' | 'gitlab', Formatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
};

export type OutputFormat = keyof typeof FORMATTERS;

export type { FileReport, FormatOptions, Formatter, LintReport, Summary } from './types.js';
