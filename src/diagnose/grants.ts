// Capabilities given to a container in a block of several lines: a describe-style block
// (`Capabilities:` then `Add:` with the names inline or below), a compose `cap_add:` list, or a pod
// spec's `add:` list. A single line cannot show them, so the lines are followed here; each block
// becomes one observation of the `capabilities-granted` signature.
import { analyzeName } from '../knowledge/names.js';
import { SIGNATURE_BY_ID } from './signatures.js';
import type { LineRef, Observation } from './types.js';

const GRANTED = SIGNATURE_BY_ID.get('capabilities-granted');

const DESCRIBE_HEAD = /^(\s*)Capabilities:\s*$/;
const LIST_HEAD = /^(\s*)(?:-\s+)?["']?(?:cap_add|add)["']?:\s*$/;
const ADD = /^\s*Add:\s*(.*)$/;
const DROP = /^\s*Drop:\s*(.*)$/;
const ITEM = /^(\s*)-\s+["']?([A-Za-z0-9_]+)["']?\s*(?:#.*)?$/;

/** Canonical names in the text; a misspelled one is a cause of its own, not something given. */
function names(text: string): string[] {
  return text
    .split(/[\s,[\]"']+/)
    .filter((word) => word !== '' && word !== '<none>' && analyzeName(word).canonical)
    .map((word) => analyzeName(word).capability?.name as string);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export class GrantBlocks {
  private mode: 'idle' | 'describe' | 'list' = 'idle';
  private indent = 0;
  private adding = false;
  private found: string[] = [];
  private start: LineRef | undefined;

  /** Follows one line (`number` in `file`); returns the observation of a block that this line ends. */
  line(text: string, file: string, number: number): Observation | undefined {
    if (this.mode === 'idle') {
      // Most lines: one character test.
      if (text.charCodeAt(text.trimEnd().length - 1) !== 58 /* : */) return undefined;
      this.open(text, { file, line: number, text: text.trimEnd() });
      return undefined;
    }
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    if (this.mode === 'describe') {
      const add = ADD.exec(text);
      if (add) {
        this.adding = true;
        this.found.push(...names(add[1] ?? ''));
        return undefined;
      }
      if (DROP.test(text)) {
        this.adding = false;
        return undefined;
      }
      if (indentOf(text) > this.indent) {
        if (this.adding) this.found.push(...names(trimmed));
        return undefined;
      }
    } else {
      const item = ITEM.exec(text);
      if (item && (item[1] ?? '').length >= this.indent) {
        this.found.push(...names(item[2] ?? ''));
        return undefined;
      }
    }
    const done = this.close();
    this.open(text, { file, line: number, text: text.trimEnd() });
    return done;
  }

  /** The block still open at the end of the input. */
  end(): Observation | undefined {
    return this.close();
  }

  private open(text: string, ref: LineRef): void {
    const describe = DESCRIBE_HEAD.exec(text);
    const list = describe ? null : LIST_HEAD.exec(text);
    if (!describe && !list) return;
    this.mode = describe ? 'describe' : 'list';
    this.indent = ((describe ?? list)?.[1] ?? '').length;
    this.adding = false;
    this.found = [];
    this.start = ref;
  }

  private close(): Observation | undefined {
    const start = this.start;
    const found = [...new Set(this.found)];
    this.mode = 'idle';
    this.found = [];
    this.start = undefined;
    if (GRANTED === undefined || start === undefined || found.length === 0) return undefined;
    return {
      signature: GRANTED,
      ref: start,
      confidence: 'medium',
      entities: {},
      granted: found,
      grantSource: 'request',
    };
  }
}
