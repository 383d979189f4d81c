// One short line per finding for kubectl, which prints an admission warning per line. Kubernetes asks for
// at most 120 characters where possible and may truncate warnings over 256 characters, and long lists of
// them (k8s.io/api admission/v1 AdmissionResponse.Warnings).
import type { Finding } from '../core/types.js';

export const WARNING_SOFT_LIMIT = 120;
export const WARNING_HARD_LIMIT = 256;
/** More warnings than this are summed up in one last line. */
export const MAX_WARNINGS = 12;

const CONTAINER_STEP = /(?:^|\.)((?:initContainers|containers|ephemeralContainers)\[\d+\])/;

/** Where a finding is, in the words of a pod spec: `containers[0] (es)`, or the object's kind. */
export function findingLocation(finding: Finding): string {
  const step = CONTAINER_STEP.exec(finding.path)?.[1];
  if (step) return finding.container !== undefined ? `${step} (${oneLine(finding.container, 40)})` : step;
  return finding.object?.kind ? oneLine(finding.object.kind, 40) : 'object';
}

/** `where: what`, on one line, within the limits; shortened at a word, never mid-character. */
export function shortWarning(finding: Finding): string {
  const where = findingLocation(finding);
  const message = oneLine(finding.message, 4 * WARNING_HARD_LIMIT);
  const full = `${where}: ${message}`;
  if (full.length <= WARNING_SOFT_LIMIT) return full;
  // Today's long texts say what first, in one sentence; the fix says what to write.
  const first = /^(.+?[.!?])(?:\s|$)/.exec(message)?.[1];
  if (first !== undefined && first.length < message.length) {
    const short = finding.fix
      ? `${where}: ${first.slice(0, -1)} — ${oneLine(finding.fix.description, WARNING_HARD_LIMIT)}`
      : `${where}: ${first}`;
    if (short.length <= WARNING_SOFT_LIMIT) return short;
  }
  if (full.length <= WARNING_HARD_LIMIT) return full;
  return truncate(full, WARNING_SOFT_LIMIT);
}

/** Warnings for findings, at most MAX_WARNINGS lines (the last says how many more there are). */
export function shortWarnings(findings: readonly Finding[]): string[] {
  const lines = findings.map(shortWarning);
  if (lines.length <= MAX_WARNINGS) return lines;
  const more = lines.length - (MAX_WARNINGS - 1);
  return [...lines.slice(0, MAX_WARNINGS - 1), `and ${more} more findings: run capdoctor lint on this object`];
}

/** Collapses white space and drops control characters (a warning is one HTTP header line). */
export function oneLine(text: string, max: number): string {
  const flat = text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length <= max ? flat : truncate(flat, max);
}

/** Cuts to at most `max` characters, at a space when one is near, ending with an ellipsis. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:\u2014-]+$/, '')}…`;
}
