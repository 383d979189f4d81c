// A small reader for the POSIX shell scripts that manifests carry (`sh -c "…"`): it splits a script
// into simple commands with their words (quotes removed), redirections and here-documents, and keeps
// each command's source text and line so that findings can quote it. It does not expand anything:
// `$VAR` and `$(…)` stay as written. It never throws; odd input gives its best reading.

export interface Redirect {
  /** `>`, `>>`, `<`, `<<`, `2>`, `&>`, … */
  op: string;
  target: string;
}

export interface SimpleCommand {
  /** Words with quotes removed; leading `VAR=value` assignments are in `assignments`. */
  words: string[];
  assignments: string[];
  redirects: Redirect[];
  /** The body of a here-document fed to the command, if any. */
  heredoc?: string;
  /** The command's source text, trimmed to one line when it spans several. */
  text: string;
  /** 0-based line of the script where the command starts. */
  line: number;
  start: number;
  end: number;
}

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  'esac',
  '!',
  '{',
  '}',
  'function',
]);
/** Compound commands whose first line holds no command to run. */
const HEADERS = new Set(['for', 'case', 'select']);

interface Token {
  kind: 'word' | 'op';
  value: string;
  start: number;
  end: number;
  /** The word contained an unquoted character (so `EOF` vs `'EOF'` for here-documents). */
  quoted?: boolean;
}

const OPERATORS = [
  '&&',
  '||',
  ';;',
  '|&',
  '>>',
  '<<-',
  '<<',
  '&>>',
  '&>',
  '>&',
  '<&',
  '>|',
  '<>',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
];

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}

/** Skips a `$(…)`, `${…}` or backquote body starting at `i` (on the opening character); returns the index after it. */
function skipNested(text: string, i: number): number {
  const open = text[i];
  if (open === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, text.length);
  }
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", j + 1);
      j = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return text.length;
}

function tokenize(text: string): { tokens: Token[]; heredocs: Map<number, string> } {
  const tokens: Token[] = [];
  const heredocs = new Map<number, string>();
  const pending: { token: number; delimiter: string; strip: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'op', value: '\n', start: i, end: i + 1 });
      i++;
      // Here-document bodies start on the line after their operator.
      while (pending.length > 0) {
        const doc = pending.shift() as (typeof pending)[number];
        const lines: string[] = [];
        while (i < text.length) {
          const next = text.indexOf('\n', i);
          const lineEnd = next < 0 ? text.length : next;
          const line = text.slice(i, lineEnd);
          i = next < 0 ? text.length : next + 1;
          const candidate = doc.strip ? line.replace(/^\t+/, '') : line;
          if (candidate.trimEnd() === doc.delimiter) break;
          lines.push(candidate);
        }
        heredocs.set(doc.token, lines.join('\n'));
      }
      continue;
    }
    if (c === '#') {
      const next = text.indexOf('\n', i);
      i = next < 0 ? text.length : next;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', value: op, start: i, end: i + op.length });
      i += op.length;
      if (op === '<<' || op === '<<-') {
        // The delimiter word follows; record it to read the body at the end of the line.
        let j = i;
        while (j < text.length && isSpace(text[j] as string)) j++;
        const word = readWord(text, j);
        tokens.push({ kind: 'word', value: word.value, start: j, end: word.end, quoted: word.quoted });
        pending.push({ token: tokens.length - 1, delimiter: word.value, strip: op === '<<-' });
        i = word.end;
      }
      continue;
    }
    const word = readWord(text, i);
    if (word.end === i) {
      i++;
      continue;
    }
    tokens.push({ kind: 'word', value: word.value, start: i, end: word.end, quoted: word.quoted });
    i = word.end;
  }
  return { tokens, heredocs };
}

/** Reads one word starting at `i`: quotes are removed, `$(…)` and `${…}` are kept as written. */
function readWord(text: string, i: number): { value: string; end: number; quoted: boolean } {
  let value = '';
  let quoted = false;
  let j = i;
  while (j < text.length) {
    const c = text[j] as string;
    if (isSpace(c) || c === '\n') break;
    // An operator ends the word; a digit word right before `>` is picked up as its descriptor later.
    if (OPERATORS.some((o) => text.startsWith(o, j))) break;
    if (c === '\\') {
      value += text[j + 1] ?? '';
      j += 2;
      continue;
    }
    if (c === "'") {
      quoted = true;
      const end = text.indexOf("'", j + 1);
      const stop = end < 0 ? text.length : end;
      value += text.slice(j + 1, stop);
      j = stop + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      j++;
      while (j < text.length && text[j] !== '"') {
        const d = text[j] as string;
        if (d === '\\' && '"\\$`\n'.includes(text[j + 1] ?? '')) {
          if (text[j + 1] !== '\n') value += text[j + 1];
          j += 2;
          continue;
        }
        if (d === '$' && (text[j + 1] === '(' || text[j + 1] === '{')) {
          const end = skipNested(text, j + 1);
          value += text.slice(j, end);
          j = end;
          continue;
        }
        if (d === '`') {
          const end = skipNested(text, j);
          value += text.slice(j, end);
          j = end;
          continue;
        }
        value += d;
        j++;
      }
      j++;
      continue;
    }
    if (c === '$' && (text[j + 1] === '(' || text[j + 1] === '{')) {
      const end = skipNested(text, j + 1);
      value += text.slice(j, end);
      j = end;
      continue;
    }
    if (c === '`') {
      const end = skipNested(text, j);
      value += text.slice(j, end);
      j = end;
      continue;
    }
    value += c;
    j++;
  }
  return { value, end: Math.min(j, text.length), quoted };
}

const SEPARATORS = new Set(['\n', ';', '&', '&&', '||', '|', '|&', ';;', '(', ')']);
const REDIRECTS = new Set(['>', '>>', '<', '<<', '<<-', '&>', '&>>', '>&', '<&', '>|', '<>']);

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/** Splits a script into its simple commands, in source order. */
export function parseScript(script: string): SimpleCommand[] {
  const { tokens, heredocs } = tokenize(script);
  const out: SimpleCommand[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) {
      const command = build(script, current, tokens, heredocs);
      if (command) out.push(command);
    }
    current = [];
  };
  tokens.forEach((token, i) => {
    // `name() {`: a function definition, not a command.
    if (token.value === '(' && tokens[i + 1]?.value === ')' && current.length === 1 && current[0]?.kind === 'word') {
      current = [];
      return;
    }
    if (token.kind === 'op' && SEPARATORS.has(token.value)) flush();
    else current.push(token);
  });
  flush();
  return out;
}

function build(
  script: string,
  tokens: Token[],
  all: Token[],
  heredocs: Map<number, string>,
): SimpleCommand | undefined {
  const words: string[] = [];
  const assignments: string[] = [];
  const redirects: Redirect[] = [];
  let heredoc: string | undefined;
  // Leading keywords (`then`, `do`, `!`) are not part of the command's text.
  let from = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.kind === 'op' && REDIRECTS.has(token.value)) {
      const target = tokens[k + 1];
      // A digit word right before the operator is its file descriptor.
      const last = words[words.length - 1];
      const prev = tokens[k - 1];
      let op = token.value;
      if (last !== undefined && /^\d+$/.test(last) && prev && prev.end === token.start) {
        words.pop();
        op = `${last}${op}`;
      }
      if (target && target.kind === 'word') {
        redirects.push({ op, target: target.value });
        if (token.value === '<<' || token.value === '<<-') heredoc = heredocs.get(all.indexOf(target));
        k++;
      }
      continue;
    }
    if (token.kind !== 'word') continue;
    if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(token.value) && !token.quoted) {
      assignments.push(token.value);
      continue;
    }
    if (words.length === 0 && assignments.length === 0 && KEYWORDS.has(token.value)) {
      from = k + 1;
      continue;
    }
    words.push(token.value);
  }
  const first = words[0];
  if (first !== undefined && HEADERS.has(first)) return undefined;
  if (first !== undefined && /^[A-Za-z_][\w-]*\(\)$/.test(first)) return undefined;
  if (words.length === 0 && assignments.length === 0 && redirects.length === 0) return undefined;
  const start = (tokens[from] ?? (tokens[0] as Token)).start;
  const end = (tokens[tokens.length - 1] as Token).end;
  const raw = script.slice(start, end);
  const text = raw.split('\n')[0]?.trim() ?? raw.trim();
  const command: SimpleCommand = { words, assignments, redirects, text, line: lineOf(script, start), start, end };
  if (heredoc !== undefined) command.heredoc = heredoc;
  return command;
}

/** Joins words back into a readable command line (quoting words with spaces). */
export function joinWords(words: readonly string[]): string {
  return words.map((w) => (w === '' || /[\s'"\\$`|&;<>()]/.test(w) ? JSON.stringify(w) : w)).join(' ');
}

/** The program's name without its folder: `/usr/sbin/runuser` → `runuser`. */
export function programName(word: string | undefined): string {
  if (word === undefined) return '';
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}
