/** Maps offsets to 1-based line and column numbers (columns count UTF-16 code units). */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }

  /** The text of a 1-based line, without its line ending. */
  line(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--; // CRLF
    return this.text.slice(start, end);
  }

  private searched: string | undefined;
  private found = false;

  /** Whether the text holds `word` anywhere (remembered for the last word asked: most texts never hold it). */
  includes(word: string): boolean {
    if (this.searched !== word) {
      this.found = this.source().includes(word);
      this.searched = word;
    }
    return this.found;
  }

  /** The text the offsets refer to (a subclass may hold it differently). */
  protected source(): string {
    return this.text;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}
