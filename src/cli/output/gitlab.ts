// `-o gitlab`: GitLab's Code Quality report (a JSON array of issues), shown in merge requests when a
// job publishes it as `artifacts: reports: codequality`. Fields as GitLab documents them: description,
// check_name, fingerprint, severity, location.path, location.lines.begin.
import type { Finding } from '../../core/types.js';
import { annotationPath } from './github.js';
import { escapeInner, quote } from './json.js';
import { rememberedEscape } from './repeating.js';
import { type Formatter, type StreamFormatter, toText } from './types.js';

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  type: 'issue';
  check_name: string;
  description: string;
  severity: GitlabSeverity;
  fingerprint: string;
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * An error is critical when the container does not start on one of the targets (an outcome
 * `rejected`), major otherwise; a warning is minor; info is info.
 */
export function gitlabSeverity(finding: Finding): GitlabSeverity {
  if (finding.severity === 'info') return 'info';
  if (finding.severity === 'warning') return 'minor';
  return finding.targets?.some((t) => t.outcome === 'rejected') ? 'critical' : 'major';
}

/**
 * What identifies a finding across runs: the rule, the file, the object and container, and the path of
 * the node. Not the line (an edit above it moves it) nor the message (its wording and the target
 * outcomes it names may change between versions and configurations).
 */
function identity(finding: Finding): string {
  const { apiVersion = '', kind = '', namespace = '', name = '' } = finding.object ?? {};
  const object = [apiVersion, kind, namespace, name].join('/');
  return [finding.rule, annotationPath(finding.file), object, finding.container ?? '', finding.path].join('\u0000');
}

function sha256(text: string): string {
  // node:crypto is fetched here, not imported: loading it would cost every lint start-up.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex');
}

const escapedMessage = rememberedEscape(escapeInner);

/** A JSON array written issue by issue, as `JSON.stringify(issues, null, 2)` writes it. */
export const writeGitlab: StreamFormatter = (report, _options, write) => {
  // Identical identities (two documents of one file with the same unnamed object) are told apart by
  // their order, which is stable for the same input.
  const seen = new Map<string, number>();
  let first = true;
  for (const file of report.files) {
    for (const finding of file.findings) {
      const key = identity(finding);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const begin = Math.max(1, finding.line);
      const path = finding.file === '-' ? 'stdin' : annotationPath(finding.file);
      // As JSON.stringify(issues, null, 2) writes a GitlabIssue (the test holds the two together).
      write(
        `${first ? '[\n' : ',\n'}  {\n    "type": "issue",\n    "check_name": ${quote(finding.rule)},\n    "description": "`,
      );
      write(escapedMessage(finding.message), true);
      write(
        `",\n    "severity": "${gitlabSeverity(finding)}",\n` +
          `    "fingerprint": "${sha256(`${key}\u0000${occurrence}`).slice(0, 32)}",\n` +
          `    "categories": [\n      "Security"\n    ],\n    "location": {\n      "path": ${quote(path)},\n` +
          `      "lines": {\n        "begin": ${begin},\n        "end": ${Math.max(begin, finding.endLine)}\n      }\n    }\n  }`,
      );
      first = false;
    }
  }
  write(first ? '[]\n' : '\n]\n');
};

export const formatGitlab: Formatter = toText(writeGitlab);
