import type { Finding } from '../../core/types.js';
import { annotationPath } from './github.js';

/**
 * What identifies a finding across runs, for the fingerprints of SARIF and GitLab: the rule, the file,
 * the object and container, and the path of the node. Not the line (an edit above it moves it).
 */
export function findingIdentity(finding: Finding): string {
  const { apiVersion = '', kind = '', namespace = '', name = '' } = finding.object ?? {};
  const object = `${apiVersion}/${kind}/${namespace}/${name}`;
  return `${finding.rule}\u0000${annotationPath(finding.file)}\u0000${object}\u0000${finding.container ?? ''}\u0000${finding.path}`;
}

/**
 * Tells apart findings with the same identity within one report (two documents of a file with the same
 * unnamed object) by their order, which is stable for the same input: the first is 0.
 */
export class Occurrences {
  private readonly seen = new Map<string, number>();

  next(identity: string): number {
    const occurrence = this.seen.get(identity) ?? 0;
    this.seen.set(identity, occurrence + 1);
    return occurrence;
  }
}

/** The first 32 hexadecimal digits of the text's SHA-256. */
export function sha256(text: string): string {
  // node:crypto is fetched here, not imported: loading it costs every lint start-up a dozen internal modules.
  // Its one-shot `hash` (Node 20.12) costs half of a Hash object per text.
  const crypto = process.getBuiltinModule('node:crypto');
  const digest = typeof crypto.hash === 'function' ? crypto.hash('sha256', text) : undefined;
  return (digest ?? crypto.createHash('sha256').update(text).digest('hex')).slice(0, 32);
}
