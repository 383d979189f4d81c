import type { Finding } from '../../core/types.js';
import { annotationPath } from './github.js';
import type { FileStream, ReportStream } from './types.js';

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
 * unnamed object, or one file named twice) by their order, which is stable for the same input: the first
 * is 0. An identity names its file, so the counts are kept per file name; told the report's file names
 * before their findings, it lets a name's counts go after the last file of that name, where they would
 * otherwise hold every finding's identity until the report ends (90 MiB of 200 for GitLab's report of
 * 180,000 findings).
 */
export class Occurrences {
  private readonly byFile = new Map<string, Map<number, number>>();
  /** Per file name (as annotationPath writes it), the files of that name not yet done. */
  private readonly filesLeft: Map<string, number> | undefined;

  constructor(fileNames?: Iterable<string>) {
    if (fileNames === undefined) return;
    this.filesLeft = new Map();
    for (const name of fileNames) {
      const path = annotationPath(name);
      this.filesLeft.set(path, (this.filesLeft.get(path) ?? 0) + 1);
    }
  }

  /**
   * How many findings of a file of this name had `key` (a 52-bit hash of what identifies the finding)
   * before this one. A number rather than the identity itself: a stream of 180,000 findings held 90 MiB
   * of identities to its end. Two identities whose hashes collide (about one report in a million of that
   * size) share one count: the second's fingerprint then hashes a number too, still unique.
   */
  next(file: string, key: number): number {
    const path = annotationPath(file);
    let seen = this.byFile.get(path);
    if (seen === undefined) {
      seen = new Map();
      this.byFile.set(path, seen);
    }
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return occurrence;
  }

  /** A file's findings are all read. A name the constructor was not told of is kept to the end. */
  fileDone(file: string): void {
    const path = annotationPath(file);
    const left = this.filesLeft?.get(path);
    if (this.filesLeft === undefined || left === undefined) return;
    if (left > 1) this.filesLeft.set(path, left - 1);
    else {
      this.filesLeft.delete(path);
      this.byFile.delete(path);
    }
  }

  /** File names whose counts are held (for tests). */
  get held(): number {
    return this.byFile.size;
  }
}

/** A 52-bit hash of a text, for counting alike findings: two 32-bit multiplicative lanes, one finished. */
export function hash52(text: string): number {
  let low = 0x811c9dc5;
  let high = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
  }
  high = Math.imul(high ^ (high >>> 15), 0x2c1b3c6d);
  high ^= high >>> 13;
  return (high >>> 0) * 0x100000 + ((low >>> 0) & 0xfffff);
}

/** The report's file names before their findings: those of its files, or those it was given. */
export function fileNames(report: ReportStream): readonly string[] | undefined {
  return report.names ?? (Array.isArray(report.files) ? (report.files as FileStream[]).map((f) => f.file) : undefined);
}

/** The first 32 hexadecimal digits of the text's SHA-256. */
export function sha256(text: string): string {
  // node:crypto is fetched here, not imported: loading it costs every lint start-up a dozen internal modules.
  // Its one-shot `hash` (Node 20.12) costs half of a Hash object per text.
  const crypto = process.getBuiltinModule('node:crypto');
  const digest = typeof crypto.hash === 'function' ? crypto.hash('sha256', text) : undefined;
  return (digest ?? crypto.createHash('sha256').update(text).digest('hex')).slice(0, 32);
}
