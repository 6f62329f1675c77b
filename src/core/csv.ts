/**
 * CSV as spreadsheets write it (RFC 4180 and its Excel dialects), fed line by line so that a file
 * is never held whole: ',' or ';' (French Excel) delimiters, quoted fields with doubled quotes and
 * line breaks inside, a byte-order mark, CRLF line ends.
 */

export type Delimiter = ',' | ';' | '\t';

/** The delimiter of a header line: the most frequent of ',', ';' and tab outside quotes (',' on a tie). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * An incremental record parser: feed it lines (without their line end); it returns the records
 * each line completes (none while a quoted field spans lines).
 */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private pending = false;

  constructor(readonly delimiter: Delimiter) {}

  /** Whether a quoted field is still open (the record continues on the next line). */
  get open(): boolean {
    return this.pending;
  }

  feed(rawLine: string): string[][] {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (this.pending) this.field += '\n';
    this.pending = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (this.quoted) {
        if (ch === '"') {
          if (line[i + 1] === '"') {
            this.field += '"';
            i++;
          } else this.quoted = false;
        } else this.field += ch;
      } else if (ch === '"' && this.field.trim() === '') {
        this.field = '';
        this.quoted = true;
      } else if (ch === this.delimiter) {
        this.fields.push(this.field);
        this.field = '';
      } else this.field += ch;
    }
    if (this.quoted) {
      this.pending = true;
      return [];
    }
    this.fields.push(this.field);
    const record = this.fields;
    this.fields = [];
    this.field = '';
    return [record];
  }

  /** The record left open at the end of the input (an unterminated quote), if any. */
  end(): string[][] {
    if (!this.pending) return [];
    this.pending = false;
    this.quoted = false;
    this.fields.push(this.field);
    const record = this.fields;
    this.fields = [];
    this.field = '';
    return [record];
  }
}

/** Strips a UTF-8 byte-order mark (Excel writes one) from the first line. */
export function stripBom(line: string): string {
  return line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}
