// `-o gitlab`: GitLab's Code Quality report (a JSON array of issues), shown in merge requests when a
// job publishes it as `artifacts: reports: codequality`. Fields as GitLab documents them: description,
// check_name, fingerprint, severity, location.path, location.lines.begin.
import type { Finding } from '../../core/types.js';
import { annotationPath } from './github.js';
import { fileNames, findingIdentity, hash52, Occurrences, sha256 } from './identity.js';
import { escapeInner, quote } from './json.js';
import { rememberedEscape } from './repeating.js';
import { type Formatter, type OnePassFormatter, toText } from './types.js';

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

const escapedMessage = rememberedEscape(escapeInner);

/** A JSON array written issue by issue, as `JSON.stringify(issues, null, 2)` writes it. */
export const writeGitlab: OnePassFormatter = (report, _options, write) => {
  const occurrences = new Occurrences(fileNames(report));
  let first = true;
  for (const file of report.files) {
    for (const finding of file.findings) {
      const key = findingIdentity(finding);
      const occurrence = occurrences.next(file.file, hash52(key));
      const begin = Math.max(1, finding.line);
      const path = finding.file === '-' ? 'stdin' : annotationPath(finding.file);
      // As JSON.stringify(issues, null, 2) writes a GitlabIssue (the test holds the two together).
      write(
        `${first ? '[\n' : ',\n'}  {\n    "type": "issue",\n    "check_name": ${quote(finding.rule)},\n    "description": "`,
      );
      write(escapedMessage(finding.message), true);
      write(
        `",\n    "severity": "${gitlabSeverity(finding)}",\n` +
          `    "fingerprint": "${sha256(`${key}\u0000${occurrence}`)}",\n` +
          `    "categories": [\n      "Security"\n    ],\n    "location": {\n      "path": ${quote(path)},\n` +
          `      "lines": {\n        "begin": ${begin},\n        "end": ${Math.max(begin, finding.endLine)}\n      }\n    }\n  }`,
      );
      first = false;
    }
    occurrences.fileDone(file.file);
  }
  write(first ? '[]\n' : '\n]\n');
};

export const formatGitlab: Formatter = toText(writeGitlab);
