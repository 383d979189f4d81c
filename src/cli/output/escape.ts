// Text from manifests and logs reaches the terminal only through these: a name such as "c\e[2J" would
// otherwise clear the reader's screen or rewrite what it shows, colours or not.

// C0 controls but tab, DEL, C1 controls, and the bidirectional overrides and isolates that reorder
// what a line shows.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find.
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every character that could steer a terminal written as a visible escape (`\x1b`). */
export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}

/**
 * A copy of `value` with every string in it made terminal-safe (for text output of whole results).
 * `copies` remembers the copy of each object met, for callers that pass many values sharing parts
 * (findings share their per-target lists and fixes): each is then copied once.
 */
export function terminalSafeDeep<T>(value: T, copies?: WeakMap<object, unknown>): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const known = copies?.get(value);
  if (known !== undefined) return known as T;
  let out: unknown;
  if (Array.isArray(value)) out = value.map((item) => terminalSafeDeep(item, copies));
  else {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = terminalSafeDeep(item, copies);
    out = copy;
  }
  copies?.set(value, out);
  return out as T;
}
