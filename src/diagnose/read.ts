// Reading lines: what format a line is in (journal, klog, logrus, JSON), when and where it was
// written, which pod, container or container id it names, and the structure around it in kubectl
// output (`describe pod`, tables, `-o yaml|json`), which names the pod and container of lines
// that do not name them themselves.
import type { Entities } from './types.js';

export type LineFormat = 'journal' | 'journal-json' | 'klog' | 'logrus' | 'json-log' | 'text';

export interface LineMeta {
  format: LineFormat;
  host?: string;
  process?: string;
  /** Seconds since the start of the year (logs rarely carry the year; differences are what count). */
  time?: number;
  /** The message without journal and klog prefixes. */
  message: string;
}

function seconds(month: number, day: number, h: number, m: number, s: number): number {
  return ((month * 31 + (day - 1)) * 24 + h) * 3600 + m * 60 + s;
}

// Times are read from fixed places of the match (the patterns check that they are digits), which
// spares a capture and a number conversion for each field of every line that gets here.
const SYSLOG = /^[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? (\S+) ([^\s:[]+)(?:\[\d+\])?: ?(.*)$/;
const ISO_JOURNAL =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})? (\S+) ([^\s:[]+)(?:\[\d+\])?: ?(.*)$/;
const KLOG = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+ [^\]]+\] (.*)$/;
// The message is a run of plain characters and escapes (the unrolled form of `(?:[^"\\]|\\.)*`).
const LOGRUS = /time="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[^"]*" level=\w+ msg="([^"\\]*(?:\\.[^"\\]*)*)"/;
const MONTH_NAMES = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** The two digits of `text` at `at`. */
function two(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

/** `MMDD hh:mm:ss` (klog) or `MM-DD?hh:mm:ss` (ISO) at `at`, in seconds since the start of the year. */
function dateTime(text: string, at: number, separated: boolean): number {
  const step = separated ? 1 : 0;
  const day = at + 2 + step;
  const clock = day + 3;
  return seconds(two(text, at) - 1, two(text, day), two(text, clock), two(text, clock + 3), two(text, clock + 6));
}

/** A syslog time (`Sep 15 19:37:07`, `Sep  5 19:37:07`), or undefined for a month name that is not one. */
function syslogTime(line: string): number | undefined {
  const month = MONTH_NAMES.indexOf(line.slice(0, 3));
  if (month < 0) return undefined;
  const dayStart = line.charCodeAt(4) === 32 ? 5 : 4;
  const twoDigits = line.charCodeAt(dayStart + 1) !== 32;
  const day = twoDigits ? two(line, dayStart) : line.charCodeAt(dayStart) - 48;
  const clock = dayStart + (twoDigits ? 3 : 2);
  return seconds(month / 3, day, two(line, clock), two(line, clock + 3), two(line, clock + 6));
}

/** Splits a line into its format, origin, time and message. Only matched lines come here. */
export function parseLineMeta(line: string): LineMeta {
  let meta: LineMeta = { format: 'text', message: line };
  const syslog = SYSLOG.exec(line);
  const iso = syslog ? null : ISO_JOURNAL.exec(line);
  if (syslog) {
    meta = { format: 'journal', host: syslog[1] as string, process: syslog[2] as string, message: syslog[3] as string };
    const time = syslogTime(line);
    if (time !== undefined) meta.time = time;
  } else if (iso) {
    meta = {
      format: 'journal',
      host: iso[1] as string,
      process: iso[2] as string,
      message: iso[3] as string,
      time: dateTime(line, 5, true),
    };
  } else if (line.charCodeAt(0) === 123 /* { */) {
    const json = jsonLine(line);
    if (json) meta = json;
  }
  // The message of a journal line may itself be a klog or logrus line.
  const inner = KLOG.exec(meta.message);
  if (inner) {
    if (meta.format === 'text') meta.format = 'klog';
    meta.process ??= 'kubelet';
    meta.time ??= dateTime(meta.message, 1, false);
    meta.message = inner[1] as string;
  } else {
    const logrus = LOGRUS.exec(meta.message);
    if (logrus) {
      if (meta.format === 'text') meta.format = 'logrus';
      // time="YYYY-MM-DDThh:mm:ss: the month starts 11 characters after the match.
      meta.time ??= dateTime(meta.message, logrus.index + 11, true);
      meta.message = logrus[1] as string;
    }
  }
  return meta;
}

/** `journalctl -o json` lines and JSON-formatted logrus lines. */
function jsonLine(line: string): LineMeta | undefined {
  if (!line.includes('"MESSAGE"') && !line.includes('"msg"')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.MESSAGE === 'string') {
    const meta: LineMeta = { format: 'journal-json', message: record.MESSAGE };
    if (typeof record._HOSTNAME === 'string') meta.host = record._HOSTNAME;
    const process = record.SYSLOG_IDENTIFIER ?? record._COMM;
    if (typeof process === 'string') meta.process = process;
    const micros = Number(record.__REALTIME_TIMESTAMP);
    if (Number.isFinite(micros) && micros > 0) {
      const date = new Date(micros / 1000);
      meta.time = seconds(
        date.getUTCMonth(),
        date.getUTCDate(),
        date.getUTCHours(),
        date.getUTCMinutes(),
        date.getUTCSeconds(),
      );
    }
    return meta;
  }
  if (typeof record.msg === 'string') return { format: 'json-log', message: record.msg };
  return undefined;
}

/**
 * The text patterns run on: quotes escaped once or twice (`\"`, `\\\"`) made plain, escaped line
 * breaks made spaces, and typographic quotes (pasted from chat or word processors) made ASCII.
 */
export function normalizeText(line: string): string {
  let text = line;
  // One pass over the runs of backslashes: a run before a quote goes, a run before n or t is a space.
  let at = text.indexOf('\\');
  if (at >= 0) {
    let out = '';
    let from = 0;
    while (at >= 0) {
      let end = at + 1;
      while (text.charCodeAt(end) === 92 /* \ */) end++;
      const next = text.charCodeAt(end);
      if (next === 34 /* " */) {
        out += `${text.slice(from, at)}"`;
        from = end + 1;
      } else if (next === 110 /* n */ || next === 116 /* t */) {
        out += `${text.slice(from, at)} `;
        from = end + 1;
      }
      at = text.indexOf('\\', end);
    }
    if (from > 0) text = out + text.slice(from);
  }
  if (/[\u2018-\u201f]/.test(text)) text = text.replace(/[\u201c-\u201f]/g, '"').replace(/[\u2018-\u201b]/g, "'");
  return text;
}

const HEX64 = /^[0-9a-f]{64}$/;
const CONTAINER_ID = /\b(?:docker|containerd|cri-o):\/\/([0-9a-f]{12,64})\b|\b([0-9a-f]{64})\b/;
const POD_UID = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/;
/** `name_namespace(uid)`, found from its `_namespace(uid)` end (a leading class would be tried at every position). */
const NS_UID = /_([a-z0-9][-a-z0-9]*)\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/;
const POD_NAME_END = /[a-z0-9][-a-z0-9.]*$/;

function podNameNamespaceUid(text: string): [string, string, string] | undefined {
  const match = NS_UID.exec(text);
  if (!match) return undefined;
  const name = POD_NAME_END.exec(text.slice(Math.max(0, match.index - 253), match.index))?.[0];
  return name === undefined ? undefined : [name, match[1] as string, match[2] as string];
}
const POD_KEY = /\bpod="(?:([^"/]+)\/)?([^"]+)"/;
const POD_FORBIDDEN = /\bpods? "([a-z0-9][-a-z0-9.]*)" is forbidden/;
const LOG_PATH_NEW = /\/var\/log\/pods\/([a-z0-9][-a-z0-9]*)_([a-z0-9][-a-z0-9.]*)_([0-9a-f-]{36})\/([^/"\s]+)\//;
const LOG_PATH_OLD = /\/var\/log\/pods\/([0-9a-f-]{36})\/([^/"\s]+)\/\d+\.log/;
const CONTAINER_PATTERNS: readonly RegExp[] = [
  /failed to "StartContainer" for "([^"]+)"/,
  /\bfailed to (?:start|create) container "([^"]+)"/,
  /\bcontainer "([^"]+)"/,
  /\bcontainer=([a-z0-9][-a-z0-9]*)/,
  /\bcontainerName="([^"]+)"/,
  /\bfailed container ([a-z0-9][-a-z0-9]*) in pod\b/,
  /\bspec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}/,
];
/** A `kubectl get pods` row, with or without a header: NAME READY STATUS RESTARTS AGE [IP NODE …]. */
const POD_ROW =
  /^\s*(?:([a-z0-9][-a-z0-9]*)\s+)?([a-z0-9][-a-z0-9.]*)\s+\d+\/\d+\s+(\S+)\s+\d+(?: \([^)]*\))?\s+\S+(?:\s+(\S+)\s+([a-z0-9][-a-z0-9.]*))?/;

/** What a matched line says about its origin by itself. */
export function entitiesFromText(text: string, meta?: LineMeta): Entities {
  const found: Entities = {};
  if (meta?.process) found.process = meta.process;
  if (meta?.host) found.node = meta.host;
  const newPath = LOG_PATH_NEW.exec(text);
  const oldPath = newPath ? null : LOG_PATH_OLD.exec(text);
  if (newPath) {
    found.namespace = newPath[1] as string;
    found.pod = newPath[2] as string;
    found.podUid = newPath[3] as string;
    found.container = newPath[4] as string;
  } else if (oldPath) {
    found.podUid = oldPath[1] as string;
    found.container = oldPath[2] as string;
  }
  const worker = podNameNamespaceUid(text);
  const keyed = worker ? null : POD_KEY.exec(text);
  const forbidden = worker || keyed ? null : POD_FORBIDDEN.exec(text);
  if (worker) {
    found.pod ??= worker[0];
    found.namespace ??= worker[1];
    found.podUid ??= worker[2];
  } else if (keyed) {
    if (keyed[1]) found.namespace ??= keyed[1];
    found.pod ??= keyed[2] as string;
  } else if (forbidden) {
    found.pod ??= forbidden[1] as string;
  }
  found.podUid ??= POD_UID.exec(text)?.[1];
  const id = CONTAINER_ID.exec(text);
  if (id) found.containerId = (id[1] ?? id[2]) as string;
  if (found.container === undefined) {
    for (const pattern of CONTAINER_PATTERNS) {
      const name = pattern.exec(text)?.[1];
      if (name === undefined) continue;
      if (HEX64.test(name)) {
        found.containerId ??= name;
        continue;
      }
      found.container = name;
      break;
    }
  }
  const row = POD_ROW.exec(text);
  if (row && !found.pod) {
    if (row[1]) found.namespace ??= row[1];
    found.pod = row[2] as string;
    if (row[5] && row[5] !== '<none>') found.node = row[5];
  }
  for (const key of Object.keys(found) as (keyof Entities)[]) if (found[key] === undefined) delete found[key];
  return found;
}

/**
 * Where a line sits in kubectl output: an object (pod, event, node) and, inside it, possibly a
 * container. Fields fill in as lines arrive (kubectl prints a container status's name after its
 * state), so observations keep the scope and resolve it when the input ends.
 */
export class Scope {
  private static next = 1;
  readonly id = Scope.next++;
  kind?: string;
  name?: string;
  namespace?: string;
  uid?: string;
  node?: string;
  container?: string;
  containerId?: string;
  involved?: { kind?: string; name?: string; namespace?: string; uid?: string; container?: string };

  constructor(readonly parent?: Scope) {}

  resolve(): Entities {
    const out: Entities = {};
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      out.container ??= scope.container ?? scope.involved?.container;
      out.containerId ??= scope.containerId;
      out.node ??= scope.node;
      if (out.pod === undefined) {
        if (scope.kind === 'Pod' && scope.name) {
          out.pod = scope.name;
          out.namespace ??= scope.namespace;
          out.podUid ??= scope.uid;
        } else if (scope.involved?.kind === 'Pod' && scope.involved.name) {
          out.pod = scope.involved.name;
          out.namespace ??= scope.involved.namespace;
          out.podUid ??= scope.involved.uid;
        }
      }
    }
    for (const key of Object.keys(out) as (keyof Entities)[]) if (out[key] === undefined) delete out[key];
    return out;
  }
}

type Mode = 'none' | 'describe' | 'table' | 'tree';

interface TableColumn {
  name: string;
  start: number;
}

interface TreeEntry {
  indent: number;
  key: string;
  scope?: Scope;
}

const LOG_START = /^(?:[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:|[IWEF]\d{4} \d{2}:|time=")/;
/** LOG_START at a given place of a larger text (none of its characters is a line break). */
const LOG_START_AT = new RegExp(LOG_START.source.slice(1), 'y');
const DESCRIBE_FIELD = /^([A-Z][A-Za-z -]*):(?:\s+(.*))?$/;
const DESCRIBE_CONTAINER = /^ {2}([a-z0-9][-a-z0-9.]*):\s*$/;
const TREE_START =
  /^\s*(?:- )?"?(?:apiVersion|kind|metadata|status|spec|items|containerStatuses|initContainerStatuses|ephemeralContainerStatuses|involvedObject)"?\s*:/;
const TREE_KEY = /^(\s*)(- +)?"?([A-Za-z_$][\w.$/-]*)"?\s*:(?:\s+(.*?))?,?\s*$/;
const TABLE_HEADERS: readonly RegExp[] = [
  /^(?:NAMESPACE\s+)?NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\b/,
  /^(?:NAMESPACE\s+)?LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+/,
  /^LASTSEEN\s+FIRSTSEEN\s+COUNT\s+NAME\s+KIND\s+SUBOBJECT\s+/,
  /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\b/,
];
const CONTAINER_LISTS = new Set([
  'containers',
  'initContainers',
  'ephemeralContainers',
  'containerStatuses',
  'initContainerStatuses',
  'ephemeralContainerStatuses',
]);

function unquote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().replace(/,$/, '');
  if (trimmed === '' || trimmed === '{' || trimmed === '[' || trimmed === 'null') return undefined;
  const match = /^(["'])(.*)\1$/.exec(trimmed);
  return match ? match[2] : trimmed;
}

/** Follows the structure of kubectl output line by line; cheap for lines that are plain logs. */
export class StructureTracker {
  private mode: Mode = 'none';
  private scope: Scope | undefined;
  /** The pod of the last `kubectl logs` or `kubectl exec` line, for the output that follows it. */
  private command: Scope | undefined;
  /** What this input was recognised as. */
  readonly formats = new Set<string>();
  // describe
  private pod: Scope | undefined;
  private section = '';
  // tables
  private columns: TableColumn[] = [];
  private tableKind = '';
  // trees
  private stack: TreeEntry[] = [];
  private document: Scope | undefined;
  private blockIndent = -1;

  /**
   * Whether the tracker is outside any structure. Then a log line (`looksLikeLog`) changes nothing but
   * `passLogLine` does, and belongs to no scope: a reader may pass such lines without handing them over.
   */
  get idle(): boolean {
    return this.mode === 'none';
  }

  /** What `line` does with a log line while idle: a log line ends the output of a kubectl command. */
  passLogLine(): void {
    this.command = undefined;
  }

  /** Feeds one line; returns the scope that the line's observations belong to. */
  line(text: string): Scope | undefined {
    if (text.length === 0) {
      if (this.mode === 'table') this.reset();
      return this.scope ?? this.command;
    }
    const first = text.charCodeAt(0);
    switch (this.mode) {
      case 'describe':
        if (this.describe(text, first)) return this.scope;
        break;
      case 'table':
        if (first !== 32 && !LOG_START.test(text)) return this.tableRow(text);
        break;
      case 'tree':
        if (this.tree(text)) return this.scope;
        break;
      default:
        break;
    }
    this.reset();
    if (this.start(text, first)) {
      this.command = undefined;
      return this.scope;
    }
    if (LOG_START.test(text)) {
      this.command = undefined;
      return undefined;
    }
    // A `kubectl logs POD` or `kubectl exec POD` line names the pod of the output below it.
    if (text.includes('logs') || text.includes('exec')) {
      const command = commandScope(text);
      if (command) {
        this.command = command;
        return command;
      }
    }
    return this.command;
  }

  private reset(): void {
    this.mode = 'none';
    this.scope = undefined;
    this.pod = undefined;
    this.stack = [];
    this.document = undefined;
    this.blockIndent = -1;
  }

  /** Recognises the first line of a structure. */
  private start(text: string, first: number): boolean {
    // Log lines start with a month, a year, a klog level or time=: never a structure.
    if (first === 78 /* N */ && text.startsWith('Name:')) {
      this.mode = 'describe';
      this.formats.add('kubectl-describe');
      return this.describe(text, first);
    }
    // Journal lines from November start with N too: a header has A or a as its second letter.
    const second = text.charCodeAt(1);
    if ((first === 78 /* N */ || first === 76) /* L */ && (second === 65 /* A */ || second === 97) /* a */) {
      for (const header of TABLE_HEADERS) {
        if (header.test(text)) {
          this.mode = 'table';
          this.columns = [...text.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], start: m.index ?? 0 }));
          const names = this.columns.map((c) => c.name);
          this.tableKind = names.includes('READY') ? 'pods' : names.includes('ROLES') ? 'nodes' : 'events';
          this.formats.add(`kubectl-get-${this.tableKind}`);
          this.scope = undefined;
          return true;
        }
      }
      return false;
    }
    if (first === 123 /* { */ || first === 45 /* - */ || first === 32 || first === 97 /* a */ || first === 107) {
      if (text === '{' || TREE_START.test(text)) {
        this.mode = 'tree';
        this.formats.add(text.trimStart().startsWith('"') || text === '{' ? 'kubectl-json' : 'kubectl-yaml');
        this.document = new Scope();
        this.scope = this.document;
        this.stack = [];
        return this.tree(text);
      }
    }
    return false;
  }

  private describe(text: string, first: number): boolean {
    if (first !== 32 && first !== 9) {
      const field = DESCRIBE_FIELD.exec(text);
      if (!field) return false;
      const name = field[1] as string;
      const value = field[2]?.trim();
      switch (name) {
        case 'Name':
          this.pod = new Scope();
          this.pod.kind = 'Pod';
          if (value) this.pod.name = value;
          this.section = '';
          break;
        case 'Namespace':
          if (this.pod && value) this.pod.namespace = value;
          break;
        case 'Node':
          if (this.pod && value && value !== '<none>') this.pod.node = value.split('/')[0];
          break;
        case 'Roles':
          // `kubectl describe node` starts like a pod; its name is the node.
          if (this.pod) {
            this.pod.kind = 'Node';
            if (this.pod.name) this.pod.node = this.pod.name;
          }
          break;
        case 'Containers':
        case 'Init Containers':
        case 'Ephemeral Containers':
          this.section = 'containers';
          break;
        default:
          this.section = name === 'Events' ? 'events' : 'other';
      }
      this.scope = this.pod;
      return true;
    }
    if (this.section === 'containers') {
      const container = DESCRIBE_CONTAINER.exec(text);
      if (container && this.pod) {
        this.scope = new Scope(this.pod);
        this.scope.container = container[1] as string;
      } else if (this.scope && this.scope !== this.pod) {
        const id = /^ {4}Container ID:\s+\S+:\/\/([0-9a-f]+)/.exec(text);
        if (id) this.scope.containerId = id[1] as string;
      }
    } else {
      this.scope = this.pod;
    }
    return true;
  }

  private tableRow(text: string): Scope {
    const cell = (name: string): string | undefined => {
      const index = this.columns.findIndex((c) => c.name === name);
      const column = this.columns[index];
      if (!column) return undefined;
      const end = this.columns[index + 1]?.start ?? text.length;
      const value = text.slice(column.start, name === 'MESSAGE' ? text.length : end).trim();
      return value === '' || value === '<none>' ? undefined : value.split(/\s+/)[0];
    };
    const scope = new Scope();
    const namespace = cell('NAMESPACE');
    if (namespace) scope.namespace = namespace;
    if (this.tableKind === 'pods') {
      scope.kind = 'Pod';
      const name = cell('NAME');
      if (name) scope.name = name;
      const node = cell('NODE');
      if (node) scope.node = node;
    } else if (this.tableKind === 'nodes') {
      scope.kind = 'Node';
      const name = cell('NAME');
      if (name) {
        scope.name = name;
        scope.node = name;
      }
    } else {
      const object = cell('OBJECT');
      const kind = cell('KIND');
      const name = cell('NAME');
      if (object?.startsWith('pod/')) scope.involved = { kind: 'Pod', name: object.slice(4) };
      else if (kind === 'Pod' && name) scope.involved = { kind: 'Pod', name };
      const sub = /\{([^}]+)\}/.exec(cell('SUBOBJECT') ?? '');
      if (sub && scope.involved) scope.involved.container = sub[1] as string;
      if (namespace && scope.involved) scope.involved.namespace = namespace;
    }
    this.scope = scope;
    return scope;
  }

  /** YAML or pretty-printed JSON, followed by indentation. Returns false when the line leaves it. */
  private tree(text: string): boolean {
    let indent = 0;
    while (text.charCodeAt(indent) === 32) indent++;
    if (indent === text.length) return true;
    if (this.blockIndent >= 0) {
      if (indent > this.blockIndent) return true;
      this.blockIndent = -1;
    }
    const rest = text.slice(indent);
    if (indent === 0 && (rest === '---' || rest === '{')) {
      this.document = new Scope();
      this.scope = this.document;
      this.stack = [];
      return true;
    }
    const firstChar = rest.charCodeAt(0);
    if (firstChar === 125 /* } */ || firstChar === 93 /* ] */) return true;
    if (rest === '{' || rest === '{,') {
      // A JSON list item: its keys are deeper than the brace.
      this.pop(indent + 1, true);
      this.push({ indent: indent + 1, key: '-', scope: new Scope(this.currentScope()) });
      return true;
    }
    const key = TREE_KEY.exec(text);
    if (!key) {
      // A scalar list item (`- CAP_X`, `"CAP_X",`) or a continuation of a plain scalar.
      if (firstChar === 45 /* - */ || firstChar === 34 /* " */ || indent > 0) return true;
      return false;
    }
    const dash = key[2];
    let keyIndent = indent;
    if (dash !== undefined) {
      this.pop(indent + 1, true);
      this.push({ indent: indent + 1, key: '-', scope: new Scope(this.currentScope()) });
      keyIndent = indent + dash.length;
    }
    this.pop(keyIndent, false);
    const name = key[3] as string;
    const raw = key[4];
    const value = unquote(raw);
    if (raw !== undefined && /^[|>][-+0-9]*$/.test(raw.trim())) this.blockIndent = keyIndent;
    this.assign(name, value);
    if (value === undefined) this.push({ indent: keyIndent, key: name });
    this.scope = this.currentScope();
    return true;
  }

  private push(entry: TreeEntry): void {
    this.stack.push(entry);
  }

  /** Leaves every entry at `indent` or deeper (`items` also leaves an item that starts at `indent`). */
  private pop(indent: number, item: boolean): void {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1] as TreeEntry;
      if (top.indent > indent || (top.indent === indent && (item || top.key !== '-'))) this.stack.pop();
      else break;
    }
  }

  private currentScope(): Scope | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const scope = this.stack[i]?.scope;
      if (scope) return scope;
    }
    return this.document;
  }

  /**
   * The key of the mapping the current line sits in (`-` for a list item), the list that holds the
   * nearest item, and whether that mapping belongs to an object (the document or an item of `items`).
   */
  private parents(): { parent?: string; list?: string; objectLevel: boolean } {
    const top = this.stack[this.stack.length - 1];
    const out: { parent?: string; list?: string; objectLevel: boolean } = { objectLevel: false };
    if (top) out.parent = top.key;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]?.key === '-') {
        const list = this.stack[i - 1]?.key;
        if (list !== undefined) out.list = list;
        break;
      }
    }
    const below = this.stack[this.stack.length - 2];
    out.objectLevel =
      top === undefined ||
      (top.key === '-' && this.stack[this.stack.length - 2]?.key === 'items') ||
      (top.key !== '-' &&
        (below === undefined || (below.key === '-' && this.stack[this.stack.length - 3]?.key === 'items')));
    return out;
  }

  private assign(key: string, value: string | undefined): void {
    if (value === undefined) return;
    const scope = this.currentScope();
    if (!scope) return;
    const { parent, list, objectLevel } = this.parents();
    if (parent === 'involvedObject') {
      scope.involved ??= {};
      if (key === 'kind') scope.involved.kind = value;
      else if (key === 'name') scope.involved.name = value;
      else if (key === 'namespace') scope.involved.namespace = value;
      else if (key === 'uid') scope.involved.uid = value;
      else if (key === 'fieldPath') {
        const container = /\{([^}]+)\}/.exec(value);
        if (container) scope.involved.container = container[1] as string;
      }
      return;
    }
    if (parent === 'metadata') {
      // Only an object's own metadata names it (not a pod template's).
      if (!objectLevel) return;
      if (key === 'name') scope.name = value;
      else if (key === 'namespace') scope.namespace = value;
      else if (key === 'uid') scope.uid = value;
      return;
    }
    if (parent === '-' && list !== undefined && CONTAINER_LISTS.has(list)) {
      if (key === 'name') scope.container = value;
      else if (key === 'containerID') scope.containerId = value.replace(/^\w[\w-]*:\/\//, '');
      return;
    }
    if (parent === 'source' && key === 'host') {
      // An event's source host is the node whose kubelet saw it.
      scope.node = value;
      return;
    }
    if (key === 'kind' && objectLevel) scope.kind = value;
    else if (key === 'nodeName' && parent === 'spec') scope.node = value;
  }
}

const COMMAND = /(?:^|[\s$#>\u25b6])(?:kubectl|k|oc)\s+(logs|exec)\s+(.*)$/;

/** The pod (and container, namespace) a `kubectl logs` or `kubectl exec` command line names. */
export function commandScope(text: string): Scope | undefined {
  const match = COMMAND.exec(text);
  if (!match) return undefined;
  const words = (match[2] as string).split(/\s+/).filter(Boolean);
  const scope = new Scope();
  scope.kind = 'Pod';
  const withValue = new Set(['-n', '--namespace', '-c', '--container', '--since', '--tail', '--context', '-l']);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') break;
    const [flag, inline] = word.split('=', 2) as [string, string | undefined];
    if (flag.startsWith('-')) {
      const value = inline ?? (withValue.has(flag) ? words[++i] : undefined);
      if (value === undefined) continue;
      if (flag === '-n' || flag === '--namespace') scope.namespace = value;
      else if (flag === '-c' || flag === '--container') scope.container = value;
      continue;
    }
    if (scope.name === undefined && /^(?:pods?\/)?[a-z0-9][-a-z0-9.]*$/.test(word))
      scope.name = word.replace(/^pods?\//, '');
  }
  return scope.name === undefined ? undefined : scope;
}

/** Cheap test: does this line look like a journal, klog or logrus line? */
export function looksLikeLog(text: string): boolean {
  return LOG_START.test(text);
}

/** `looksLikeLog` for the line that starts at `at` in a larger text. */
export function looksLikeLogAt(text: string, at: number): boolean {
  LOG_START_AT.lastIndex = at;
  return LOG_START_AT.test(text);
}
