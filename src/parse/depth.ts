// How deep a document nests, found without recursion. Every reader and walker of a document is
// recursive (the `yaml` composer, jsonc-parser, extract, the rules), so a document nested deeper than
// MAX_DEPTH is refused with a parse problem before any of them sees it: a few kilobytes of `- - - …`
// or `[[[…` must not exhaust the stack.
import type { CST } from 'yaml';

type Token = CST.Token;

import type { ParseProblem } from './types.js';

/** Real manifests nest a few dozen levels (a CRD's schema perhaps 60); far below what the readers survive. */
export const MAX_DEPTH = 256;

const TOO_DEEP = `the document nests deeper than ${MAX_DEPTH} levels, so it is not read`;

export function isTooDeep(problem: ParseProblem): boolean {
  return problem.message === TOO_DEEP;
}

export function tooDeep(at: number): ParseProblem {
  return {
    message: TOO_DEEP,
    start: at,
    end: at + 1,
  };
}

/**
 * The offset where a JSON text first opens its MAX_DEPTH + 1st level, or -1. Strings are skipped,
 * so brackets inside them do not count; malformed text only makes the answer err on the safe side.
 */
export function jsonTooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/**
 * The offset of the first collection of a YAML document token (from the `yaml` package's CST, which
 * its parser builds without recursion) that is nested deeper than MAX_DEPTH, or -1.
 */
export function cstTooDeepAt(document: Token): number {
  const stack: { token: Token; depth: number }[] = [{ token: document, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { token, depth } = top;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_DEPTH) return token.offset;
        for (const item of token.items) {
          if (item.key) stack.push({ token: item.key, depth: depth + 1 });
          if (item.value) stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return -1;
}
