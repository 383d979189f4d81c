// Reading a capability string the way a person meant it, and guessing what a typo meant.
import { ownCopy } from '../util/own-copy.js';
import { CAPABILITIES, CAPABILITY_BY_NAME, type CapabilityInfo } from './capabilities.js';

export interface NameAnalysis {
  /** The string as written (undefined when the entry is not a string). */
  text?: string;
  /** How many leading `CAP_` prefixes (any case) it carries. */
  prefixes: number;
  /** Upper case, trimmed, prefixes removed: what the writer most likely meant. */
  bare: string;
  /** The capability it names once normalised, if any. */
  capability?: CapabilityInfo;
  /** `ALL` in any case (with or without prefix). */
  isAll: boolean;
  /** Written exactly as Kubernetes expects: upper case, no prefix, no spaces. */
  canonical: boolean;
  /** It has leading or trailing white space, which no runtime trims. */
  padded: boolean;
}

const PREFIX = /^cap_/i;

// Every capability rule reads the same few names: each string is analysed once. Bounded, as the
// strings of a large input are not.
const analysed = new Map<string, Readonly<NameAnalysis>>();

export function analyzeName(value: unknown): Readonly<NameAnalysis> {
  if (typeof value !== 'string') {
    return { prefixes: 0, bare: String(value), isAll: false, canonical: false, padded: false };
  }
  const known = analysed.get(value);
  if (known) return known;
  let rest = value.trim();
  let prefixes = 0;
  while (PREFIX.test(rest)) {
    rest = rest.slice(4);
    prefixes++;
  }
  const bare = rest.toUpperCase();
  const capability = CAPABILITY_BY_NAME.get(bare);
  const isAll = bare === 'ALL';
  const analysis: NameAnalysis = {
    text: value,
    prefixes,
    bare,
    isAll,
    canonical: (capability !== undefined || isAll) && value === bare,
    padded: value !== value.trim(),
  };
  if (capability) analysis.capability = capability;
  if (analysed.size >= 1000) analysed.clear();
  // The key is copied: the string may be a slice that keeps its whole document alive.
  analysed.set(ownCopy(value), Object.freeze(analysis));
  return analysis;
}

function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

const suggested = new Map<string, readonly string[]>();
/** Distinct misspellings remembered before the memo starts again. */
const SUGGESTED_LIMIT = 4096;

/**
 * Known names close to `bare` (already upper-cased, without prefix), best first: small edit
 * distances (`SYS_RESOURCES`, `NET_ADMN`) and one extra or missing word (`SYS_NET_ADMIN`).
 */
export function suggestNames(bare: string): string[] {
  // The same misspelling in every document of a stream is scored once.
  let known = suggested.get(bare);
  if (!known) {
    if (suggested.size >= SUGGESTED_LIMIT) suggested.clear();
    known = scoreNames(bare);
    suggested.set(bare, known);
  }
  return [...known];
}

function scoreNames(bare: string): string[] {
  if (bare === '') return [];
  const scored = new Map<string, number>();
  const limit = bare.length <= 5 ? 1 : 2;
  for (const cap of CAPABILITIES) {
    // The distance is at least the difference in length: most names need no computing.
    if (Math.abs(cap.name.length - bare.length) > limit) continue;
    const d = distance(bare, cap.name);
    if (d <= limit) scored.set(cap.name, d);
  }
  const words = bare.split(/[_\s-]+/).filter(Boolean);
  if (words.length > 1) {
    for (let i = 0; i < words.length; i++) {
      const candidate = [...words.slice(0, i), ...words.slice(i + 1)].join('_');
      if (CAPABILITY_BY_NAME.has(candidate) && !scored.has(candidate)) scored.set(candidate, 1.5);
    }
  }
  const joined = words.join('_');
  if (joined !== bare && CAPABILITY_BY_NAME.has(joined)) scored.set(joined, 0.5);
  return [...scored.entries()].sort((a, b) => a[1] - b[1] || compareNames(a[0], b[0])).map(([name]) => name);
}

/**
 * Orders capability names (upper-case letters and `_`) as the root collation does, `_` before any
 * letter, without `localeCompare`: its collator costs milliseconds to load, and its order follows the
 * user's locale.
 */
export function compareNames(a: string, b: string): number {
  const x = a.replaceAll('_', ' ');
  const y = b.replaceAll('_', ' ');
  return x < y ? -1 : x > y ? 1 : 0;
}
