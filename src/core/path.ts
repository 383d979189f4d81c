import type { Path, PathSegment } from './types.js';

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/** Formats a path the way Kubernetes field paths read: `spec.containers[0].name`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function isPrefix(prefix: Path, path: Path): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((seg, i) => seg === path[i]);
}

/** Up to this many items, PrefixIndex scans them instead of building its tree. */
const SCAN_LIMIT = 8;

interface TrieNode<T> {
  items: { item: T; order: number }[];
  children: Map<PathSegment, TrieNode<T>>;
}

/**
 * Items by path, to find those whose path is a prefix of a given one in time proportional to that
 * path's length rather than to the number of items (a `kind: List` of thousands of objects). A few items
 * (one object, one pod spec: an admission review) are simply scanned: a tree of maps would cost more to
 * build than all the scans it saves.
 */
export class PrefixIndex<T extends { path: Path }> {
  private readonly root: TrieNode<T> | undefined;

  constructor(private readonly items: readonly T[]) {
    if (items.length <= SCAN_LIMIT) return;
    const root: TrieNode<T> = { items: [], children: new Map() };
    items.forEach((item, order) => {
      let node = root;
      for (const seg of item.path) {
        let next = node.children.get(seg);
        if (!next) {
          next = { items: [], children: new Map() };
          node.children.set(seg, next);
        }
        node = next;
      }
      node.items.push({ item, order });
    });
    this.root = root;
  }

  /** Every item whose path is a prefix of `path` (or equal to it), in the order they were given. */
  prefixesOf(path: Path): T[] {
    if (!this.root) return this.items.filter((item) => isPrefix(item.path, path));
    const found: { item: T; order: number }[] = [];
    let node: TrieNode<T> | undefined = this.root;
    for (let i = 0; node; i++) {
      for (const entry of node.items) found.push(entry);
      if (i >= path.length) break;
      node = node.children.get(path[i] as PathSegment);
    }
    if (found.length < 2) return found.map((entry) => entry.item);
    return found.sort((a, b) => a.order - b.order).map((entry) => entry.item);
  }

  /** The first item (in the order given) whose path is a prefix of `path`. */
  first(path: Path): T | undefined {
    return this.prefixesOf(path)[0];
  }

  /** The item with the longest path that is a prefix of `path` (the first given of those). */
  deepest(path: Path): T | undefined {
    let best: T | undefined;
    for (const item of this.prefixesOf(path)) if (!best || item.path.length > best.path.length) best = item;
    return best;
  }
}
