/**
 * The common case of CSV, read fast: fields separated by one character, quoted fields with
 * doubled quotes and line breaks inside, rows ended by the file's line ending. It reads the
 * same rows csv-parse reads with the importer's options (relaxed quotes and column counts,
 * empty lines skipped, the first line ending met outside quotes taken as the file's, or all
 * three for a file that mixes them), several times faster. Where a file leaves the common case
 * (text after a closing quote, which csv-parse reads its own relaxed way), this parser stops at
 * the start of that row and says so: readers.ts hands the rest of the file to csv-parse.
 */

/** How rows end: 0 not known yet, then "\n", "\r\n", "\r", or any of the three (a file that mixes them). */
const enum Ending {
  Unknown,
  Lf,
  CrLf,
  Cr,
  Any,
}

/** The row limit csv-parse enforces too: a longer row is a broken file (an unclosed quote). */
export class RecordTooLarge extends Error {}

/** A quote that opens and never closes: the line (from 1, counting "\n") where it opened. */
export class QuoteNotClosed extends Error {
  constructor(readonly line: number) {
    super(`quote not closed (line ${line})`);
  }
}

/** A row with more cells than the reader allows (a broken or hostile file): the line (from 1) where it starts. */
export class TooManyCells extends Error {
  constructor(readonly line: number) {
    super(`too many cells in one row (line ${line})`);
    this.name = 'TooManyCells';
  }
}

export class FastCsv {
  private buf = '';
  /** "\n" in the text already dropped from buf, to name a line */
  private newlines = 0;
  /** UTF-8 bytes of the text already dropped from buf */
  private consumedBytes = 0;
  private ending: Ending;
  private readonly d: number;

  constructor(
    delimiter: string,
    mixedLineEndings: boolean,
    private readonly onRecord: (cells: string[]) => void,
    private readonly maxChars: number,
    /** cells a row may have: checked as each is read, so a line of millions of cells stops at once */
    private readonly maxCells = Infinity,
  ) {
    this.d = delimiter.charCodeAt(0);
    this.ending = mixedLineEndings ? Ending.Any : Ending.Unknown;
  }

  /** The line ending csv-parse should use for the rest (null: let it find it). */
  get recordDelimiter(): string[] | null {
    switch (this.ending) {
      case Ending.Lf:
        return ['\n'];
      case Ending.CrLf:
        return ['\r\n'];
      case Ending.Cr:
        return ['\r'];
      case Ending.Any:
        return ['\r\n', '\n', '\r'];
      default:
        return null;
    }
  }

  /** The line (from 1) where the text not read yet starts. */
  get line(): number {
    return this.newlines + 1;
  }

  /** The text not read yet (from the start of a row), and where it starts in UTF-8 bytes of the text. */
  rest(): { text: string; byteOffset: number } {
    return { text: this.buf, byteOffset: this.consumedBytes };
  }

  /** Reads the complete rows of more text; false when a row leaves the common case (see rest()). */
  write(text: string): boolean {
    this.buf = this.buf ? this.buf + text : text;
    return this.run(false);
  }

  /** Reads the last row; false when it leaves the common case. */
  end(): boolean {
    return this.run(true);
  }

  private drop(to: number): void {
    if (to === 0) return;
    const gone = this.buf.slice(0, to);
    let n = 0;
    for (let i = gone.indexOf('\n'); i >= 0; i = gone.indexOf('\n', i + 1)) n++;
    this.newlines += n;
    this.consumedBytes += Buffer.byteLength(gone, 'utf8');
    this.buf = this.buf.slice(to);
  }

  private lineAt(pos: number): number {
    let n = this.newlines;
    for (let i = this.buf.indexOf('\n'); i >= 0 && i < pos; i = this.buf.indexOf('\n', i + 1)) n++;
    return n + 1;
  }

  /**
   * Reads rows from the start of buf while they are complete. Returns false at a row that
   * leaves the common case (buf then starts with it).
   */
  private run(final: boolean): boolean {
    const buf = this.buf;
    const len = buf.length;
    const d = this.d;
    let start = 0;
    let fields: string[] = [];
    let i = 0;
    rows: while (start < len) {
      fields = [];
      i = start;
      // an empty line is no row
      const first = buf.charCodeAt(i);
      if (first === 10 || first === 13) {
        const end = this.lineEnd(buf, i, final);
        if (end === -2) break; // "\r" at the end: is it "\r\n"?
        if (end >= 0) {
          start = end;
          continue;
        }
      }
      for (;;) {
        if (i - start > this.maxChars) throw new RecordTooLarge();
        if (buf.charCodeAt(i) === 34) {
          // a quoted field
          let value = '';
          let j = i + 1;
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q < 0) {
              if (len - start > this.maxChars) throw new RecordTooLarge();
              if (final) throw new QuoteNotClosed(this.lineAt(i));
              break rows;
            }
            if (q + 1 === len && !final) break rows; // a doubled quote may be split across chunks
            if (buf.charCodeAt(q + 1) === 34) {
              value += buf.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            value += buf.slice(j, q);
            i = q + 1;
            break;
          }
          fields.push(value);
          if (i === len) {
            if (!final) break rows;
            this.onRecord(fields);
            start = i;
            continue rows;
          }
          const c = buf.charCodeAt(i);
          if (c === d) {
            if (fields.length >= this.maxCells) throw new TooManyCells(this.lineAt(start));
            i++;
            if (i === len && final) {
              fields.push('');
              this.onRecord(fields);
              start = i;
              continue rows;
            }
            continue;
          }
          const end = c === 10 || c === 13 ? this.lineEnd(buf, i, final) : -1;
          if (end === -2) break rows;
          if (end >= 0) {
            this.onRecord(fields);
            start = end;
            continue rows;
          }
          // text after the closing quote: csv-parse reads that its own relaxed way
          this.drop(start);
          return false;
        }
        // an unquoted field: up to the delimiter or the line ending (a quote inside is kept)
        let j = i;
        for (; j < len; j++) {
          const c = buf.charCodeAt(j);
          if (c === d) break;
          if (c === 10 || c === 13) {
            const end = this.lineEnd(buf, j, final);
            if (end === -2) break rows;
            if (end >= 0) break;
          }
        }
        if (j === len) {
          if (len - start > this.maxChars) throw new RecordTooLarge();
          if (!final) break rows;
          fields.push(buf.slice(i, j));
          this.onRecord(fields);
          start = j;
          continue rows;
        }
        fields.push(buf.slice(i, j));
        if (buf.charCodeAt(j) === d) {
          if (fields.length >= this.maxCells) throw new TooManyCells(this.lineAt(start));
          i = j + 1;
          if (i === len && final) {
            fields.push('');
            this.onRecord(fields);
            start = i;
            continue rows;
          }
          continue;
        }
        this.onRecord(fields);
        start = this.lineEnd(buf, j, final);
        continue rows;
      }
    }
    this.drop(start);
    return true;
  }

  /**
   * At a "\r" or "\n": the position after the line ending when it ends the row, -1 when it is
   * a character of the field (another line ending than the file's), -2 when a "\r" is the last
   * character read so far (the next chunk says whether "\r\n" follows).
   */
  private lineEnd(buf: string, i: number, final: boolean): number {
    const c = buf.charCodeAt(i);
    const next = i + 1 < buf.length ? buf.charCodeAt(i + 1) : -1;
    if (c === 13 && next === -1 && !final && this.ending !== Ending.Cr) return -2;
    switch (this.ending) {
      case Ending.Unknown:
        if (c === 10) this.ending = Ending.Lf;
        else this.ending = next === 10 ? Ending.CrLf : Ending.Cr;
        return this.ending === Ending.CrLf ? i + 2 : i + 1;
      case Ending.Lf:
        return c === 10 ? i + 1 : -1;
      case Ending.CrLf:
        return c === 13 && next === 10 ? i + 2 : -1;
      case Ending.Cr:
        return c === 13 ? i + 1 : -1;
      default:
        return c === 13 && next === 10 ? i + 2 : i + 1;
    }
  }
}
