// A fast reader for the YAML that manifests are made of (block mappings and sequences, plain and
// quoted one-line scalars, one-line flow collections, literal and folded block scalars). Anything
// else — anchors, tags, multi-line flow or quoted scalars, duplicate keys, tabs, odd characters —
// makes it give the document to the precise parser (`yaml.ts`), which also owns every position and
// every message. Plain scalars are resolved as the precise parser resolves YAML 1.1 (yaml11-scalar.ts),
// so values are those it returns, without loading the `yaml` package.
import { append } from '../util/append.js';
import { ownCopy } from '../util/own-copy.js';
import { MAX_DEPTH } from './depth.js';
import type { LocatedNode, ParsedSource, ParseProblem, Path, PathSegment, Range, SourceDocument } from './types.js';
import { locateYaml, parseYaml } from './yaml.js';
import { mayResolvePlain11, resolvePlain11 } from './yaml11-scalar.js';

/** One document of a stream, as the precise parser counts and delimits them. */
export interface Chunk {
  /** The document's position in the stream (what `yaml` calls its index). */
  index: number;
  /** Offset of the document's first line (its `---` line when it has one). */
  start: number;
  /** Offset where its content begins (after the `---` line). */
  contentStart: number;
  /** Offset of the line that ends it (the next marker line) or the end of the text. */
  end: number;
  /** End of the marker line that ends it, which the precise parser is shown too. */
  markerEnd: number;
  /** The `---` line carries content of its own: only the precise parser reads it. */
  precise: boolean;
}

const LF = 10;
const SPACE = 32;
const HASH = 35;

function isMarker(text: string, at: number, char: number): boolean {
  if (text.charCodeAt(at) !== char || text.charCodeAt(at + 1) !== char || text.charCodeAt(at + 2) !== char) {
    return false;
  }
  const next = text.charCodeAt(at + 3);
  return Number.isNaN(next) || next === LF || next === SPACE || next === 13 || next === 9;
}

/**
 * Finds document boundaries line by line, numbering documents as the `yaml` package does. Offsets are
 * those of the whole input; a stream can be fed in windows (`text` starts at offset `base`).
 */
export class DocumentSplitter {
  private index: number;
  private open: Omit<Chunk, 'end' | 'markerEnd'> | undefined;
  private pending: number;
  /** Lines scanned so far, and the line (counted from 0) of `open.start` and of `pending`. */
  private lines = 0;
  private openLine = 0;
  private pendingLine = 0;
  /** Directives or a byte-order mark: left to the precise parser. */
  unsupported = false;

  constructor(start = 0, firstIndex = 0) {
    this.pending = start;
    this.index = firstIndex;
  }

  /** Offset before which the text is no longer needed: the start of the open (or next) document. */
  get keepFrom(): number {
    return this.open ? this.open.start : this.pending;
  }

  /** The line of `keepFrom`, counted from 0 at the splitter's start (a streamed input's lines are counted once). */
  get keepFromLine(): number {
    return this.open ? this.openLine : this.pendingLine;
  }

  get openChunk(): Omit<Chunk, 'end' | 'markerEnd'> | undefined {
    return this.open;
  }

  /** Scans the lines in [from, to) (`to` at a line start or the end of input); returns the documents they close. */
  scan(text: string, base: number, from: number, to: number): Chunk[] {
    const chunks: Chunk[] = [];
    if (from === 0 && text.charCodeAt(0) === 0xfeff) this.unsupported = true;
    let line = from - base;
    const limit = to - base;
    while (line < limit) {
      let eol = text.indexOf('\n', line);
      if (eol < 0 || eol >= limit) eol = limit;
      const next = eol < limit ? eol + 1 : limit;
      const first = text.charCodeAt(line);
      if (first === 45 /* - */ && isMarker(text, line, 45)) {
        if (this.open) chunks.push({ ...this.open, end: line + base, markerEnd: next + base });
        const rest = restOfMarkerLine(text, line + 3, eol);
        this.open = { index: this.index++, start: line + base, contentStart: next + base, precise: !rest };
        this.openLine = this.lines;
      } else if (first === 46 /* . */ && isMarker(text, line, 46)) {
        if (this.open) chunks.push({ ...this.open, end: line + base, markerEnd: next + base });
        else this.index++; // A `...` with no open document ends an empty one.
        if (!restOfMarkerLine(text, line + 3, eol)) this.unsupported = true;
        this.open = undefined;
        this.pending = next + base;
        this.pendingLine = this.lines + 1;
      } else if (first === 37 /* % */ && !this.open) {
        this.unsupported = true;
      } else if (!this.open && !isBlankOrComment(text, line, eol)) {
        this.open = { index: this.index++, start: this.pending, contentStart: this.pending, precise: false };
        this.openLine = this.pendingLine;
      }
      this.lines++;
      line = next;
    }
    return chunks;
  }

  /** Closes the open document at the end of the input. */
  finish(end: number): Chunk[] {
    const open = this.open;
    this.open = undefined;
    return open ? [{ ...open, end, markerEnd: end }] : [];
  }
}

/** Splits a whole text into documents; undefined when it has directives or a byte-order mark. */
export function splitDocuments(text: string): Chunk[] | undefined {
  const splitter = new DocumentSplitter();
  const chunks = [...splitter.scan(text, 0, 0, text.length), ...splitter.finish(text.length)];
  return splitter.unsupported ? undefined : chunks;
}

/** True when a marker line holds nothing more than spaces and a comment. */
function restOfMarkerLine(text: string, from: number, eol: number): boolean {
  let i = from;
  while (i < eol && text.charCodeAt(i) === SPACE) i++;
  return i === eol || (text.charCodeAt(i) === HASH && i > from);
}

function isBlankOrComment(text: string, from: number, eol: number): boolean {
  let i = from;
  while (i < eol && text.charCodeAt(i) === SPACE) i++;
  return i === eol || text.charCodeAt(i) === HASH;
}

/**
 * Where a node of a document read by the fast reader is, as the precise parser gives it: `end` is
 * undefined where the fast reader does not know it (block collections, block scalars), and then the
 * precise parser is asked.
 */
interface RangeNode {
  start: number;
  end: number | undefined;
  pairs?: Map<string, { key: Range; value: RangeNode }>;
  items?: RangeNode[];
}

/** Thrown inside the reader: the document is not in the subset; the precise parser takes it. */
const BAIL = Symbol('bail');

// Characters that the precise parser treats specially (line breaks of YAML 1.1, controls, BOM),
// carriage returns and tabs: a document with any of them is read by the precise parser.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find.
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

const resolved = new Map<string, unknown>();

/**
 * The value of a plain scalar, as the precise parser resolves it. Those that start with a digit, a sign
 * or a dot are cached (manifests repeat their ports, sizes and versions), when short: a longer string
 * may be a slice that would keep the whole window of text alive. Words are cheap to resolve. This map
 * is the larger second level behind the value slots of block scalars (`shortPlain`), and the only one
 * for flow scalars and keys.
 */
function plainValue(source: string): unknown {
  const c = source.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) || source.length > 12) {
    return mayResolvePlain11(source) ? resolvePlain11(source) : source;
  }
  const cached = resolved.get(source);
  if (cached !== undefined || resolved.has(source)) return cached;
  const value = resolvePlain11(source);
  if (resolved.size > 10_000) resolved.clear();
  // Dates are objects: each scalar gets its own, as from the precise parser.
  if (!(value instanceof Date)) resolved.set(source, value);
  return value;
}

// Short plain values repeat too (`TCP`, `IfNotPresent`, `true`, ports): the same kind of slots keep
// their source and value. Only short ones: a longer string may be a slice that would keep the whole
// window of text alive.
const VALUE_SLOTS = 4096;
const valueSources: string[] = new Array<string>(VALUE_SLOTS).fill('');
const valueValues: unknown[] = new Array<unknown>(VALUE_SLOTS).fill(undefined);

/** The value of the plain scalar [from, to) of `text`; `hash` is any hash of its characters that the same text always gets. */
function shortPlain(text: string, from: number, to: number, hash: number): unknown {
  const length = to - from;
  if (length > 12) return plainValue(text.slice(from, to));
  const slot = hash & (VALUE_SLOTS - 1);
  const known = valueSources[slot] as string;
  if (known.length === length && text.startsWith(known, from)) return valueValues[slot];
  const source = text.slice(from, to);
  const value = plainValue(source);
  // Dates are objects: each scalar gets its own, as from the precise parser.
  if (!(value instanceof Date)) {
    valueSources[slot] = source;
    valueValues[slot] = value;
  }
  return value;
}

/** A plain key that would resolve to anything but itself (`yes`, `1`, `<<`, `~`) is left to the precise parser. */
function keyString(source: string): string {
  if (source === '<<' || plainValue(source) !== source) throw BAIL;
  return source;
}

// Keys repeat from document to document (`name`, `image`, `containers`): each hash slot keeps the last
// key string made and checked for it, so a key seen before costs neither a new string nor a check.
const KEY_SLOTS = 4096;
const keySlots: string[] = new Array<string>(KEY_SLOTS).fill('');

/** Duplicate keys when only validating: the precise parser words the warning. */
function addKey(keys: string[], key: string): void {
  if (keys.includes(key)) throw BAIL;
  keys.push(key);
}

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  // One lookup for the usual new key: no value read is undefined, so only a key already there, or
  // inherited, gets the slower checks.
  if (map[key] === undefined) {
    map[key] = value;
    return;
  }
  if (Object.hasOwn(map, key)) throw BAIL; // Duplicate keys: the precise parser words the warning.
  // As the precise parser does: an inherited name (`__proto__`, `toString`) becomes an own property.
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Reads one document's content, line by line; throws BAIL outside the subset. */
class Reader {
  /** Start, end (excluding the line break) and indentation of the current content line. */
  private ls = 0;
  private le = 0;
  private indent = 0;
  /** Offset of the current token on the current line. */
  private p = 0;
  /** Hash of the plain key that `keyEnd` found last. */
  private keyHash = 0;
  /** Start of the line after the current one. */
  private nextLine = 0;
  /** Collections open around the current token: deeper than MAX_DEPTH is the precise parser's to refuse. */
  private depth = 0;
  eof = false;

  constructor(
    private readonly text: string,
    from: number,
    private readonly end: number,
    /** False: only check that the document is in the subset (no values are built). */
    private readonly build: boolean,
  ) {
    this.nextLine = from;
    this.advance();
  }

  /** Moves to the next line with content, skipping blank and comment lines. */
  private advance(): void {
    const { text, end } = this;
    let line = this.nextLine;
    while (line < end) {
      let eol = text.indexOf('\n', line);
      if (eol < 0 || eol > end) eol = end;
      let i = line;
      while (i < eol && text.charCodeAt(i) === SPACE) i++;
      if (i < eol && text.charCodeAt(i) !== HASH) {
        this.ls = line;
        this.le = eol;
        this.indent = i - line;
        this.p = i;
        this.nextLine = eol < end ? eol + 1 : end;
        return;
      }
      line = eol + 1;
    }
    this.eof = true;
    this.nextLine = end;
    this.ls = this.le = this.p = end;
    this.indent = -1;
  }

  document(): unknown {
    if (this.eof) return null;
    const value = this.isSeqEntry() ? this.seq(this.indent, false) : this.map(this.indent);
    if (!this.eof) throw BAIL;
    return value;
  }

  private isSeqEntry(): boolean {
    const { text, p } = this;
    if (text.charCodeAt(p) !== 45) return false;
    const next = p + 1 < this.le ? text.charCodeAt(p + 1) : LF;
    return next === SPACE || next === LF;
  }

  /** A block mapping whose keys sit at column `col`; the first key is at the current token. */
  private map(col: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const out: Record<string, unknown> = {};
    const keys: string[] | undefined = this.build ? undefined : [];
    for (;;) {
      const colon = this.keyEnd();
      if (colon < 0) throw BAIL;
      const key = this.key(colon);
      this.p = colon + 1;
      const value = this.value(col, true);
      if (keys) addKey(keys, key);
      else setKey(out, key, value);
      if (this.eof || this.indent < col) {
        this.depth--;
        return out;
      }
      if (this.indent > col || this.isSeqEntry()) throw BAIL;
    }
  }

  /** A block sequence whose dashes sit at column `col`. */
  private seq(col: number, zeroIndented: boolean): unknown[] {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const out: unknown[] = [];
    for (;;) {
      this.p += 1;
      this.skipSpaces();
      if (this.p < this.le && this.isSeqEntry()) throw BAIL; // `- - a`
      const item = this.compactKey() ? this.map(this.p - this.ls) : this.value(col, false);
      if (this.build) out.push(item);
      if (this.eof || this.indent < col) {
        this.depth--;
        return out;
      }
      if (this.indent > col) throw BAIL;
      if (!this.isSeqEntry()) {
        if (!zeroIndented) throw BAIL;
        this.depth--;
        return out;
      }
    }
  }

  /** Whether a sequence entry's content is a mapping (`- key: value`). */
  private compactKey(): boolean {
    const { text, p } = this;
    if (p >= this.le) return false;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) return this.keyEnd() >= 0;
    return plainStart(c, text.charCodeAt(p + 1), p + 1 < this.le) && this.keyEnd() >= 0;
  }

  private skipSpaces(): void {
    const { text } = this;
    while (this.p < this.le && text.charCodeAt(this.p) === SPACE) this.p++;
  }

  /**
   * The offset of the `:` that ends an implicit key starting at the current token, or -1 when the
   * rest of the line is not a key.
   */
  private keyEnd(): number {
    const { text, p, le } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p);
      if (close < 0) throw BAIL;
      if (text.charCodeAt(close) !== 58) {
        if (close < le && text.charCodeAt(close) !== SPACE) throw BAIL;
        return -1;
      }
      const after = close + 1 < le ? text.charCodeAt(close + 1) : LF;
      if (after !== SPACE && after !== LF) throw BAIL;
      return close;
    }
    if (!plainStart(c, text.charCodeAt(p + 1), p + 1 < le)) throw BAIL;
    let hash = 0;
    for (let i = p; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58) {
        const after = i + 1 < le ? text.charCodeAt(i + 1) : LF;
        if (after === SPACE || after === LF) {
          if (text.charCodeAt(i - 1) === SPACE || i - p > 1000) throw BAIL;
          this.keyHash = hash;
          return i;
        }
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        return -1;
      }
      hash = (Math.imul(hash, 31) + ch) | 0;
    }
    return -1;
  }

  private key(colon: number): string {
    const { text, p } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) return this.quoted(p, colon);
    const slot = this.keyHash & (KEY_SLOTS - 1);
    const known = keySlots[slot] as string;
    if (known.length === colon - p && text.startsWith(known, p)) return known;
    const key = keyString(text.slice(p, colon));
    // A key of 13 characters or more is a slice of the document's text: the slot keeps a copy instead.
    keySlots[slot] = key.length > 12 ? ownCopy(key) : key;
    return key;
  }

  /** Offset just after the closing quote of a one-line quoted scalar at `at`, or -1. */
  private quoteEnd(at: number): number {
    const { text, le } = this;
    const quote = text.charCodeAt(at);
    for (let i = at + 1; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39 && i + 1 < le) {
          i++;
          continue;
        }
        return i + 1;
      }
      if (ch === 92 && quote === 34) i++;
    }
    return -1;
  }

  /** The value of a one-line quoted scalar spanning [from, to). */
  private quoted(from: number, to: number): string {
    const body = this.text.slice(from + 1, to - 1);
    if (this.text.charCodeAt(from) === 39) return body.includes("''") ? body.replaceAll("''", "'") : body;
    return body.includes('\\') ? unescapeDouble(body) : body;
  }

  /**
   * The value after a `:` or `-` indicator at column `col` (the key's or the dash's). Leaves the
   * reader on the next content line.
   */
  private value(col: number, inMap: boolean): unknown {
    this.skipSpaces();
    const { text, p, le } = this;
    if (p >= le || text.charCodeAt(p) === HASH) {
      if (p < le && text.charCodeAt(p - 1) !== SPACE) throw BAIL;
      this.advance();
      if (this.eof) return null;
      if (this.indent > col) {
        if (this.isSeqEntry()) return this.seq(this.indent, false);
        if (this.keyEnd() < 0) throw BAIL;
        return this.map(this.indent);
      }
      if (this.indent === col && inMap && this.isSeqEntry()) return this.seq(col, true);
      return null;
    }
    const c = text.charCodeAt(p);
    let value: unknown;
    if (c === 124 || c === 62) return this.blockScalar(col);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p);
      if (close < 0) throw BAIL;
      value = this.quoted(p, close);
      this.p = close;
    } else if (c === 91 || c === 123) {
      const flow = new FlowReader(text, p, le, this.build, false, this.depth);
      value = flow.read();
      this.p = flow.p;
    } else {
      if (!plainStart(c, text.charCodeAt(p + 1), p + 1 < le)) throw BAIL;
      let stop = le;
      let hash = 0;
      for (let i = p; i < le; i++) {
        const ch = text.charCodeAt(i);
        if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
          stop = i;
          break;
        }
        if (ch === 58) {
          const after = i + 1 < le ? text.charCodeAt(i + 1) : LF;
          if (after === SPACE || after === LF) throw BAIL;
        }
        hash = (Math.imul(hash, 31) + ch) | 0;
      }
      let last = stop;
      while (text.charCodeAt(last - 1) === SPACE) last--;
      value = this.build ? shortPlain(text, p, last, hash) : true;
      this.p = last;
    }
    this.lineEndsHere();
    this.advance();
    // A more indented line would continue the scalar (or be an error): the precise parser decides.
    if (!this.eof && this.indent > col) throw BAIL;
    return value;
  }

  /**
   * Where the node at `path` is, as the positional parser places it, reading only the lines on the way:
   * keys before the one on the path and items before the one on it are stepped over by their
   * indentation (the document was read before, so it is in the subset). UNKNOWN where the answer is a
   * range the fast reader does not know (a block collection's or block scalar's end).
   */
  seek(path: Path, memo?: SeekMemo): LocatedNode | typeof UNKNOWN {
    if (this.eof) return UNKNOWN;
    // The node reached so far: a block collection (its column) or a node whose range is known.
    let block: Block | undefined = this.isSeqEntry()
      ? { seq: true, col: this.indent, zeroIndented: false }
      : { seq: false, col: this.indent, zeroIndented: false };
    let node: RangeNode | undefined;
    let best: Range | undefined;
    let from = 0;
    if (memo !== undefined) {
      // The deepest node on the way that the seek before reached too (not the node itself: a seek
      // starts at the parent of its last segment at the deepest).
      const marks = memo.marks;
      const shared = Math.min(commonPrefix(memo.path, path), path.length - 1, marks.length - 1);
      for (let i = shared; i >= 1; i--) {
        const mark = marks[i];
        if (mark === undefined) continue;
        this.ls = mark.ls;
        this.le = mark.le;
        this.indent = mark.indent;
        this.p = mark.p;
        this.nextLine = mark.nextLine;
        this.depth = mark.depth;
        this.eof = mark.eof;
        block = mark.block;
        best = mark.best;
        from = i;
        break;
      }
      memo.path = path.slice();
      marks.length = from + 1;
    }
    for (let i = from; i < path.length; i++) {
      const seg = path[i] as PathSegment;
      if (!block) return locateFrom(node as RangeNode, path, i, best);
      if (memo !== undefined && i > from) {
        memo.marks[i] = {
          ls: this.ls,
          le: this.le,
          indent: this.indent,
          p: this.p,
          nextLine: this.nextLine,
          depth: this.depth,
          eof: this.eof,
          block,
          best,
        };
      }
      if (typeof seg === 'string' && !block.seq) {
        const key = this.seekKey(block.col, seg);
        if (!key) return best ? { range: best, exact: false } : UNKNOWN;
        best = key;
        const value = this.seekValue(block.col, true);
        block = value.block;
        node = value.node;
      } else if (typeof seg === 'number' && block.seq) {
        if (!this.seekItem(block.col, seg)) return best ? { range: best, exact: false } : UNKNOWN;
        const { col } = block;
        this.p += 1;
        this.skipSpaces();
        if (this.compactKey()) {
          block = { seq: false, col: this.p - this.ls, zeroIndented: false };
          node = undefined;
        } else {
          const value = this.seekValue(col, false);
          block = value.block;
          node = value.node;
        }
        best = node?.end === undefined ? undefined : { start: node.start, end: node.end };
      } else {
        return best ? { range: best, exact: false } : UNKNOWN;
      }
    }
    return !node || node.end === undefined ? UNKNOWN : { range: { start: node.start, end: node.end }, exact: true };
  }

  /** Offset of the first node of the document (undefined when it is empty). */
  rootStart(): number | undefined {
    return this.eof ? undefined : this.p;
  }

  /** The range of key `seg` of the block mapping at `col` whose first key is the current token (the reader then stands after its colon). */
  private seekKey(col: number, seg: string): Range | undefined {
    for (;;) {
      const colon = this.keyEnd();
      if (colon < 0) return undefined;
      const start = this.p;
      // A plain key is compared in place: the keys stepped over need no string of their own.
      const c = this.text.charCodeAt(start);
      const plain = c !== 34 && c !== 39;
      if (plain ? colon - start === seg.length && this.text.startsWith(seg, start) : this.key(colon) === seg) {
        this.p = colon + 1;
        return { start, end: colon };
      }
      // The value's lines are indented more, or are the entries of a sequence at the key's column.
      do this.advance();
      while (!this.eof && (this.indent > col || (this.indent === col && this.isSeqEntry())));
      if (this.eof || this.indent < col) return undefined;
    }
  }

  /** Moves to the dash of item `item` of the block sequence at `col` whose first dash is the current token. */
  private seekItem(col: number, item: number): boolean {
    for (let n = 0; n < item; n++) {
      do this.advance();
      while (!this.eof && this.indent > col);
      if (this.eof || this.indent < col || !this.isSeqEntry()) return false;
    }
    return true;
  }

  /** What `value(col, inMap)` would read, without reading nested collections: where it starts, or its range. */
  private seekValue(col: number, inMap: boolean): { block?: Block; node?: RangeNode } {
    this.skipSpaces();
    const { text, p, le } = this;
    if (p >= le || text.charCodeAt(p) === HASH) {
      // An empty value sits where the line's content would start (the precise parser's empty scalar).
      const empty: RangeNode = { start: p, end: inMap ? p : undefined };
      this.advance();
      if (this.eof) return { node: empty };
      if (this.indent > col) return { block: { seq: this.isSeqEntry(), col: this.indent, zeroIndented: false } };
      if (this.indent === col && inMap && this.isSeqEntry()) return { block: { seq: true, col, zeroIndented: true } };
      return { node: empty };
    }
    const c = text.charCodeAt(p);
    if (c === 124 || c === 62) return { node: { start: p, end: undefined } };
    if (c === 34 || c === 39) return { node: { start: p, end: this.quoteEnd(p) } };
    if (c === 91 || c === 123) {
      const flow = new FlowReader(text, p, le, false, true);
      flow.read();
      return { node: flow.node };
    }
    let stop = le;
    for (let i = p; i < le; i++) {
      if (text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
    }
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    return { node: { start: p, end: stop } };
  }

  /** After a scalar: only spaces and a comment may follow on its line. */
  private lineEndsHere(): void {
    const { text } = this;
    const start = this.p;
    this.skipSpaces();
    if (this.p < this.le && (text.charCodeAt(this.p) !== HASH || this.p === start)) throw BAIL;
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at the current token. */
  private blockScalar(col: number): string {
    const { text, end } = this;
    const folded = text.charCodeAt(this.p) === 62;
    let chomp = 0; // -1 strip, 0 clip, 1 keep
    this.p++;
    const indicator = text.charCodeAt(this.p);
    if (indicator === 45) chomp = -1;
    else if (indicator === 43) chomp = 1;
    if (chomp !== 0) this.p++;
    if (this.p < this.le && text.charCodeAt(this.p) !== SPACE) throw BAIL; // Indentation indicators, `|-2`.
    this.lineEndsHere();
    // Content lines: blank ones, and those indented more than the parent (the first fixes the indentation).
    const lines: string[] = [];
    let contentIndent = -1;
    let maxLeadingBlank = 0;
    let line = this.le < end ? this.le + 1 : end;
    let trailingBlank = 0;
    while (line < end) {
      let eol = text.indexOf('\n', line);
      if (eol < 0 || eol > end) eol = end;
      let i = line;
      while (i < eol && text.charCodeAt(i) === SPACE) i++;
      const spaces = i - line;
      if (i === eol) {
        if (contentIndent < 0) maxLeadingBlank = Math.max(maxLeadingBlank, spaces);
        else if (spaces > contentIndent) throw BAIL; // Spaces that would be content.
        trailingBlank++;
        lines.push('');
        line = eol + 1;
        continue;
      }
      if (contentIndent < 0) {
        if (spaces <= col) break;
        contentIndent = spaces;
        if (maxLeadingBlank > contentIndent) throw BAIL;
      } else if (spaces < contentIndent) {
        if (spaces > col && text.charCodeAt(i) !== HASH) throw BAIL;
        break;
      }
      if (folded && spaces > contentIndent) throw BAIL; // More-indented lines fold differently.
      lines.push(this.build ? text.slice(line + contentIndent, eol) : '.');
      trailingBlank = 0;
      line = eol + 1;
    }
    // Leave the reader on the line that ended the scalar.
    const contentLines = lines.length - trailingBlank;
    this.nextLine = Math.min(line, end);
    this.advance();
    if (!this.eof && this.indent > col) throw BAIL;
    if (contentLines === 0) {
      if (chomp === 1) throw BAIL;
      return '';
    }
    if (chomp === 1 && (line > end || text.charCodeAt(end - 1) !== LF)) throw BAIL;
    if (!this.build) return '';
    let body: string;
    if (folded) {
      let first = 0;
      while (lines[first] === '') first++;
      body = '\n'.repeat(first) + (lines[first] as string);
      let blanks = 0;
      for (let n = first + 1; n < contentLines; n++) {
        const current = lines[n] as string;
        if (current === '') {
          blanks++;
          continue;
        }
        body += blanks === 0 ? ` ${current}` : '\n'.repeat(blanks) + current;
        blanks = 0;
      }
    } else {
      body = lines.slice(0, contentLines).join('\n');
    }
    if (chomp === -1) return body;
    if (chomp === 0) return `${body}\n`;
    // Keep: the final line break and the blank lines after it.
    return `${body}\n${'\n'.repeat(trailingBlank)}`;
  }
}

/** A plain scalar may not start with an indicator (`-`, `?`, `:` only when followed by a space). */
function plainStart(c: number, next: number, hasNext: boolean): boolean {
  switch (c) {
    case 45: // -
    case 63: // ?
    case 58: // :
      return hasNext && next !== SPACE && next !== 9;
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case SPACE:
    case 9:
      return false;
    default:
      return true;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** Double-quoted escapes; anything unusual goes to the precise parser. */
function unescapeDouble(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw BAIL;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = body.slice(i + 1, i + 1 + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw BAIL;
    const code = Number.parseInt(hex, 16);
    // Surrogates and values past Unicode: leave them to the precise parser.
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw BAIL;
    out += String.fromCodePoint(code);
    i += digits;
  }
  return out;
}

/** A flow collection that opens and closes on one line. */
class FlowReader {
  /** Where the last node read is (when tracking). */
  node: RangeNode | undefined;

  constructor(
    private readonly text: string,
    public p: number,
    private readonly le: number,
    private readonly build: boolean,
    private readonly track = false,
    /** Collections open around this one. */
    private depth = 0,
  ) {}

  /** Reads one node; with tracking, `node` then says where it is. */
  read(): unknown {
    const start = this.p;
    const c = this.text.charCodeAt(start);
    const value = this.readNode();
    if (this.track && (c === 34 || c === 39 || c === 91 || c === 123)) {
      const node = this.node;
      this.node = { start, end: this.p };
      if (node?.pairs) this.node.pairs = node.pairs;
      if (node?.items) this.node.items = node.items;
    }
    return value;
  }

  private spaces(): void {
    while (this.p < this.le && this.text.charCodeAt(this.p) === SPACE) this.p++;
    if (this.p >= this.le) throw BAIL; // The collection goes on to another line.
  }

  private readNode(): unknown {
    const c = this.text.charCodeAt(this.p);
    if (c === 91 || c === 123) {
      if (++this.depth > MAX_DEPTH) throw BAIL;
      const value = c === 91 ? this.seq() : this.map();
      this.depth--;
      return value;
    }
    if (c === 34 || c === 39) return this.quoted();
    const start = this.p;
    const plain = this.plain();
    if (this.track) this.node = { start, end: start + plain.length };
    return this.build ? plainValue(plain) : true;
  }

  private seq(): unknown[] {
    const out: unknown[] = [];
    // Positions only where they are asked for (a seek): a flow sequence in most manifests is read once.
    const items: RangeNode[] | undefined = this.track ? [] : undefined;
    this.p++;
    this.spaces();
    if (this.text.charCodeAt(this.p) === 93) {
      this.p++;
      return this.ended(out, items, undefined);
    }
    for (;;) {
      const c = this.text.charCodeAt(this.p);
      if (c === 44 || c === 93 || c === 123 || c === 63) throw BAIL; // Empty entries, pairs in sequences.
      const item = this.read();
      if (this.build) out.push(item);
      if (items && this.node) items.push(this.node);
      this.spaces();
      const next = this.text.charCodeAt(this.p);
      if (next === 58) throw BAIL; // A single-pair mapping inside the sequence.
      this.p++;
      if (next === 93) return this.ended(out, items, undefined);
      if (next !== 44) throw BAIL;
      this.spaces();
      if (this.text.charCodeAt(this.p) === 93) {
        this.p++;
        return this.ended(out, items, undefined);
      }
    }
  }

  /** A flow collection read to its end: with tracking, `node` then holds its items or pairs (`read` places it). */
  private ended<T>(
    out: T,
    items: RangeNode[] | undefined,
    pairs: Map<string, { key: Range; value: RangeNode }> | undefined,
  ): T {
    if (items) this.node = { start: 0, end: undefined, items };
    else if (pairs) this.node = { start: 0, end: undefined, pairs };
    return out;
  }

  private map(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // Keys are collected to find duplicates only where no value is built (setKey finds them otherwise).
    const keys: string[] | undefined = this.build ? undefined : [];
    const pairs = this.track ? new Map<string, { key: Range; value: RangeNode }>() : undefined;
    this.p++;
    this.spaces();
    if (this.text.charCodeAt(this.p) === 125) {
      this.p++;
      return this.ended(out, undefined, pairs);
    }
    for (;;) {
      const c = this.text.charCodeAt(this.p);
      if (c === 44 || c === 125 || c === 91 || c === 123 || c === 63) throw BAIL;
      const keyStart = this.p;
      const key = c === 34 || c === 39 ? this.quoted() : keyString(this.plain());
      const keyEnd = c === 34 || c === 39 ? this.p : keyStart + key.length;
      if (this.text.charCodeAt(this.p) !== 58 || this.text.charCodeAt(this.p + 1) !== SPACE) throw BAIL;
      this.p += 2;
      this.spaces();
      const v = this.text.charCodeAt(this.p);
      if (v === 44 || v === 125) throw BAIL; // An empty value.
      const value = this.read();
      if (keys) addKey(keys, key);
      else setKey(out, key, value);
      if (pairs && this.node) pairs.set(key, { key: { start: keyStart, end: keyEnd }, value: this.node });
      this.spaces();
      const next = this.text.charCodeAt(this.p);
      this.p++;
      if (next === 125) return this.ended(out, undefined, pairs);
      if (next !== 44) throw BAIL;
      this.spaces();
      if (this.text.charCodeAt(this.p) === 125) {
        this.p++;
        return this.ended(out, undefined, pairs);
      }
    }
  }

  private quoted(): string {
    const { text, le } = this;
    const from = this.p;
    this.node = undefined;
    const quote = text.charCodeAt(from);
    for (let i = from + 1; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === quote) {
        if (quote === 39 && i + 1 < le && text.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        this.p = i + 1;
        const body = text.slice(from + 1, i);
        if (quote === 39) return body.includes("''") ? body.replaceAll("''", "'") : body;
        return body.includes('\\') ? unescapeDouble(body) : body;
      }
      if (ch === 92 && quote === 34) i++;
    }
    throw BAIL;
  }

  /** A plain scalar in flow context: it ends at `,`, `]`, `}`, `: ` or ` #`. */
  private plain(): string {
    const { text, le } = this;
    const from = this.p;
    const c = text.charCodeAt(from);
    if (!plainStart(c, text.charCodeAt(from + 1), from + 1 < le)) throw BAIL;
    let i = from;
    for (; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break;
      if (ch === 58) {
        const after = text.charCodeAt(i + 1);
        if (after === SPACE || after === 44 || after === 93 || after === 125 || i + 1 >= le) break;
      }
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) throw BAIL;
    }
    if (i >= le) throw BAIL;
    const ch = text.charCodeAt(i);
    if (ch === 91 || ch === 123) throw BAIL;
    this.p = i;
    let last = i;
    while (text.charCodeAt(last - 1) === SPACE) last--;
    if (last === from) throw BAIL;
    return text.slice(from, last);
  }
}

/** A block collection the path goes through: a sequence or a mapping, and its column. */
interface Block {
  seq: boolean;
  col: number;
  zeroIndented: boolean;
}

/**
 * Where a seek stood on reaching a block collection on its way (not at the end of the text): the
 * findings of a document often sit in one container, one list (add[0], add[1], drop[0]), and the seek
 * for the next one starts at the deepest node the two paths share instead of at the top of the document.
 */
interface SeekMark {
  ls: number;
  le: number;
  indent: number;
  p: number;
  nextLine: number;
  depth: number;
  eof: boolean;
  block: Block;
  best: Range | undefined;
}

/** What seeks in one document leave for the next: the path before, and a mark for each node on it (by depth). */
interface SeekMemo {
  path: Path;
  marks: (SeekMark | undefined)[];
}

function commonPrefix(a: Path, b: Path): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

const UNKNOWN = Symbol('ask the precise parser');

/** `locate` along `path` from one of its nodes (a flow collection's), `best` the range found on the way. */
function locateFrom(root: RangeNode, path: Path, from: number, best: Range | undefined): LocatedNode | typeof UNKNOWN {
  let node = root;
  const inexact = () => (best ? { range: best, exact: false } : UNKNOWN);
  for (let i = from; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'string' && node.pairs) {
      const pair = node.pairs.get(seg);
      if (!pair) return inexact();
      node = pair.value;
      best = pair.key;
    } else if (typeof seg === 'number' && node.items) {
      const item = node.items[seg];
      if (!item) return inexact();
      node = item;
      best = item.end === undefined ? undefined : { start: item.start, end: item.end };
    } else {
      return inexact();
    }
  }
  return node.end === undefined ? UNKNOWN : { range: { start: node.start, end: node.end }, exact: true };
}

/**
 * `locate` as the precise parser answers it (src/parse/yaml.ts), for a document the fast reader has
 * read: UNKNOWN when the answer is a range the fast reader does not know (a block collection's or
 * block scalar's) or the document is outside its subset after all.
 */
function seekPath(text: string, from: number, to: number, path: Path, memo?: SeekMemo): LocatedNode | typeof UNKNOWN {
  try {
    return new Reader(text, from, to, false).seek(path, memo);
  } catch (error) {
    if (error === BAIL) return UNKNOWN;
    throw error;
  }
}

/**
 * The value of one document's content, or BAIL_OUT when the document is outside the subset the
 * fast reader handles.
 */
export function readChunk(text: string, from: number, to: number, build = true): unknown {
  if (UNUSUAL.test(text.slice(from, to))) return BAIL_OUT;
  try {
    return new Reader(text, from, to, build).document();
  } catch (error) {
    if (error === BAIL) return BAIL_OUT;
    throw error;
  }
}

export const BAIL_OUT: unique symbol = Symbol('outside the fast subset');

/** What the precise parser makes of one chunk, with offsets into the whole text. */
export interface PreciseChunk {
  document?: SourceDocument;
  problems: ParseProblem[];
}

/**
 * Parses one chunk with the precise parser. `base` is the offset of `text` in the whole input (when
 * it is a window of a stream). Undefined when the two readers disagree on the document's bounds.
 */
export function preciseChunk(text: string, chunk: Chunk, base = 0): PreciseChunk | undefined {
  const offset = chunk.start + base;
  // The marker line that ends the chunk is shown too, so that errors at its edge read as in the stream.
  const parsed = parseYaml(text.slice(chunk.start, chunk.markerEnd));
  const length = chunk.end - chunk.start;
  // Anything past the chunk means the two readers disagree on where documents end.
  if (parsed.documents.some((d) => d.index > 0 && d.value !== null)) return undefined;
  if (parsed.problems.some((p) => p.start > length)) return undefined;
  const problems = parsed.problems.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }));
  const found = parsed.documents.find((d) => d.index === 0);
  if (!found) return { problems };
  const document: SourceDocument = {
    index: chunk.index,
    value: found.value,
    start: found.start + offset,
    locate(path: Path): LocatedNode | undefined {
      const located = found.locate(path);
      return (
        located && {
          range: { start: located.range.start + offset, end: located.range.end + offset },
          exact: located.exact,
        }
      );
    },
  };
  return { document, problems };
}

/** A document read by the fast reader; the precise parser reads it again only when a position is asked for. */
export class FastDocument implements SourceDocument {
  private precise: Pick<SourceDocument, 'start' | 'locate'> | undefined | null = null;
  private readonly seeks: SeekMemo = { path: [], marks: [] };

  constructor(
    private readonly text: string,
    readonly chunk: Chunk,
    readonly value: unknown,
    private readonly base = 0,
  ) {}

  get index(): number {
    return this.chunk.index;
  }

  private resolve(): Pick<SourceDocument, 'start' | 'locate'> | undefined {
    if (this.precise === null) {
      // The fast reader has checked the document: only positions are needed from the precise parser.
      const { chunk, base } = this;
      const offset = chunk.start + base;
      const found = locateYaml(this.text.slice(chunk.start, chunk.markerEnd));
      this.precise = found && {
        start: found.start + offset,
        locate(path: Path): LocatedNode | undefined {
          const located = found.locate(path);
          return (
            located && {
              range: { start: located.range.start + offset, end: located.range.end + offset },
              exact: located.exact,
            }
          );
        },
      };
    }
    return this.precise;
  }

  get start(): number {
    const { chunk } = this;
    const own = new Reader(this.text, chunk.contentStart, chunk.end, false).rootStart();
    if (own !== undefined) return own + this.base;
    return this.resolve()?.start ?? chunk.contentStart + this.base;
  }

  /**
   * Positions are found along the path asked for, in the text (most documents are never asked, and a
   * finding's path passes through a few of a document's lines); the precise parser is asked for what
   * the fast reader does not know.
   */
  locate(path: Path): LocatedNode | undefined {
    const found = seekPath(this.text, this.chunk.contentStart, this.chunk.end, path, this.seeks);
    if (found === UNKNOWN) return this.resolve()?.locate(path);
    const { base } = this;
    return { range: { start: found.range.start + base, end: found.range.end + base }, exact: found.exact };
  }

  /** What the precise parser answers (for tests: the fast reader's positions must agree with it). */
  preciseLocate(path: Path): LocatedNode | undefined {
    return this.resolve()?.locate(path);
  }

  get preciseStart(): number | undefined {
    return this.resolve()?.start;
  }
}

/**
 * Parses a YAML stream like `parseYaml` — same documents, values, problems and positions — reading
 * the documents it can with the fast reader.
 */
export function parseYamlFast(text: string): ParsedSource {
  const chunks = splitDocuments(text);
  if (!chunks) return parseYaml(text);
  const documents: SourceDocument[] = [];
  const problems: ParseProblem[] = [];
  for (const chunk of chunks) {
    const value = chunk.precise ? BAIL_OUT : readChunk(text, chunk.contentStart, chunk.end);
    if (value !== BAIL_OUT) {
      documents.push(new FastDocument(text, chunk, value));
      continue;
    }
    const precise = preciseChunk(text, chunk);
    // After a syntax error the precise parser's recovery may run past the next `---` (an unclosed
    // quote): only a parse of the whole text says where the following documents begin.
    if (!precise || precise.problems.some((p) => !p.warning)) return parseYaml(text);
    if (precise.document) documents.push(precise.document);
    append(problems, precise.problems);
  }
  return { documents, problems };
}
