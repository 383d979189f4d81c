/** A version such as `18.06.1-ce`, `1.0.0-rc93` or `5.15.0-1051-azure`, compared numerically. */
export interface Version {
  readonly text: string;
  readonly parts: readonly number[];
  /**
   * Pre-release rank: alpha N → N, beta N → 1000 + N, rc N → 2000 + N (`-rc93` → 2093); a
   * pre-release sorts before its release.
   */
  readonly pre?: number;
}

const VERSION = /^v?(\d+(?:\.\d+){0,3})(?:[-.]?(alpha|beta|rc)\.?(\d+)?)?/i;
const PRE_RANK: Record<string, number> = { alpha: 0, beta: 1000, rc: 2000 };

export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match?.[1]) return undefined;
  const parts = match[1].split('.').map((p) => Number.parseInt(p, 10));
  if (!match[2]) return { text, parts };
  const rank = (PRE_RANK[match[2].toLowerCase()] ?? 0) + Number.parseInt(match[3] ?? '0', 10);
  return { text, parts, pre: rank };
}

export function compareVersions(a: Version, b: Version): number {
  const length = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (a.pre === undefined && b.pre === undefined) return 0;
  if (a.pre === undefined) return 1;
  if (b.pre === undefined) return -1;
  return a.pre - b.pre;
}

/** `since` inclusive, `until` exclusive; either may be absent. */
export function inRange(version: Version, since?: string, until?: string): boolean {
  if (since !== undefined && compareVersions(version, must(since)) < 0) return false;
  if (until !== undefined && compareVersions(version, must(until)) >= 0) return false;
  return true;
}

export function must(text: string): Version {
  const version = parseVersion(text);
  if (!version) throw new Error(`not a version: ${text}`);
  return version;
}

/** Releases as half-open intervals, e.g. `[{ since: '1.19.5', until: '1.20' }]`. */
export type Releases = readonly { since?: string; until?: string }[];

/**
 * How much of what a version stands for falls in the releases: a full version (`1.4.8`) is one
 * release; `1.4` stands for every 1.4.x, so it may be only partly covered (`some`).
 */
export function releaseCoverage(version: Version, releases: Releases | boolean | undefined): 'all' | 'some' | 'none' {
  if (releases === undefined || releases === false) return 'none';
  if (releases === true) return 'all';
  if (version.parts.length >= 3 || version.pre !== undefined) {
    return releases.some((r) => inRange(version, r.since, r.until)) ? 'all' : 'none';
  }
  const low: Version = { text: version.text, parts: [...version.parts] };
  const next = [...version.parts];
  while (next.length < 2) next.push(0);
  next[next.length - 1] = (next[next.length - 1] ?? 0) + 1;
  const high: Version = { text: '', parts: next };
  let some = false;
  for (const r of releases) {
    const startsBefore = r.since === undefined || compareVersions(low, must(r.since)) >= 0;
    const endsAfter = r.until === undefined || compareVersions(high, must(r.until)) <= 0;
    if (startsBefore && endsAfter) return 'all';
    const overlaps =
      (r.until === undefined || compareVersions(low, must(r.until)) < 0) &&
      (r.since === undefined || compareVersions(high, must(r.since)) > 0);
    if (overlaps) some = true;
  }
  return some ? 'some' : 'none';
}
