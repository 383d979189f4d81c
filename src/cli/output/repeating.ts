// Report writers escape the texts of each finding: many of those texts are the same string from finding
// to finding (a message, a path, an explanation's shared parts), and are escaped once each.

/** Shorter texts are escaped each time: finding one costs about what escaping it does. */
const REMEMBER_FROM = 64;
/** Distinct texts kept at once (bounded, for reports where they differ). */
const REMEMBER_LIMIT = 4096;

/** `escapeText`, remembered by the text for texts long enough to be worth it. */
export function rememberedEscape(escapeText: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    if (text.length < REMEMBER_FROM) return escapeText(text);
    let escaped = known.get(text);
    if (escaped === undefined) {
      if (known.size >= REMEMBER_LIMIT) known.clear();
      escaped = escapeText(text);
      known.set(text, escaped);
    }
    return escaped;
  };
}

/**
 * Whether a surrogate pair is split between two of the parts: escapes that treat a lone surrogate
 * apart (JSON, XML) would then see two halves, so such parts are escaped as one text.
 */
export function splitsPair(parts: readonly string[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1] as string;
    const high = before.charCodeAt(before.length - 1);
    const low = (parts[i] as string).charCodeAt(0);
    if ((high >= 0xd800 && high <= 0xdbff) || (low >= 0xdc00 && low <= 0xdfff)) return true;
  }
  return false;
}
