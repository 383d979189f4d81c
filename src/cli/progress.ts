// A progress line on standard error for inputs that take a while: files and documents done, and the
// read speed. Only on a terminal (it redraws one line with a carriage return), only after the first
// second (short runs stay silent), and never with --quiet.

/** Where the line goes: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Nothing is drawn before this many milliseconds have passed (default 1000). */
  delayMs?: number;
  /** The line is redrawn at most this often (default 100 ms). */
  intervalMs?: number;
  /** Milliseconds, monotonic. */
  now?: () => number;
}

/** Whether a progress line may be drawn on `stream`: a terminal that is not `dumb`, and not --quiet. */
export function progressWanted(
  stream: ProgressStream | undefined,
  quiet: boolean,
  env: Readonly<Record<string, string | undefined>>,
): stream is ProgressStream {
  return Boolean(stream?.isTTY) && !quiet && env.TERM !== 'dumb';
}

const CLEAR_LINE = '\r\u001b[K';

function number(n: number): string {
  return n.toLocaleString('en-US');
}

export class Progress {
  private files = 0;
  private documents = 0;
  private bytes = 0;
  /** Bytes read of the file in progress (streamed large files report as they go). */
  private partial = 0;
  private readonly started: number;
  /** When the counts started: the start, or when the report started again. */
  private since: number;
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly intervalMs: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly totalFiles: number,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
    this.since = this.started;
  }

  /**
   * The inputs are read again from the first (a report that starts again, see the lint command): the
   * counts, and the speed, start again too.
   */
  again(): void {
    this.files = 0;
    this.documents = 0;
    this.bytes = 0;
    this.partial = 0;
    this.since = this.now();
    this.tick();
  }

  /** Part of the current file was read. */
  read(bytes: number): void {
    this.partial += bytes;
    this.tick();
  }

  /** A file is done: its size in bytes and its number of documents. */
  fileDone(bytes: number, documents: number): void {
    this.files++;
    this.documents += documents;
    this.bytes += bytes;
    this.partial = 0;
    this.tick();
  }

  /** The line as it would be drawn now. */
  line(): string {
    const seconds = Math.max((this.now() - this.since) / 1000, 0.001);
    const megabytes = (this.bytes + this.partial) / 1e6;
    const text =
      `capdoctor: ${number(this.files)}/${number(this.totalFiles)} files · ${number(this.documents)} documents · ` +
      `${megabytes.toFixed(1)} MB · ${(megabytes / seconds).toFixed(1)} MB/s`;
    const width = this.stream.columns;
    // One character short of the width: a full line would wrap on some terminals.
    return width && width > 1 && text.length >= width ? text.slice(0, width - 1) : text;
  }

  /** Removes the line, if one was drawn, before the report is printed. */
  end(): void {
    if (this.drawn) this.stream.write(CLEAR_LINE);
    this.drawn = false;
  }

  private tick(): void {
    const now = this.now();
    if (now - this.started < this.delayMs || now - this.lastDrawn < this.intervalMs) return;
    this.lastDrawn = now;
    this.drawn = true;
    this.stream.write(`${CLEAR_LINE}${this.line()}`);
  }
}
