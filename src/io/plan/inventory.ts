import { createReadStream } from 'node:fs';
import { ExitkitError } from '../../core/errors.js';
import { CsvParser, detectDelimiter, stripBom, type Delimiter } from '../../core/csv.js';
import {
  DEFAULT_INVENTORY_COLUMNS,
  countRecord,
  emptyCounts,
  mapColumns,
  type ColumnMap,
} from '../../core/inventory.js';

export interface InventorySummary {
  file: string;
  columns: string[];
  /** Items (data records, blank ones not counted). */
  rows: number;
  byType: Record<string, number>;
  byLocation: Record<string, number>;
  /** Expected columns the header lacks. */
  missingColumns: string[];
  delimiter: Delimiter;
  /** 'utf-8', or 'windows-1252' for a file that is not valid UTF-8 (older Excel on Windows). */
  encoding: 'utf-8' | 'windows-1252';
}

/** A line longer than this is not an inventory row: the file is not a CSV. */
export const MAX_LINE_CHARS = 1024 * 1024;

/**
 * Reads an inventory CSV line by line (never whole) and says what it holds. Expected columns
 * default to type, name and location (French headers nom, emplacement or site also count).
 */
export async function summarizeInventory(
  file: string,
  expected: readonly string[] = DEFAULT_INVENTORY_COLUMNS,
): Promise<InventorySummary> {
  try {
    return await summarize(file, expected, 'utf-8');
  } catch (e) {
    if (e instanceof TypeError && (e as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      return summarize(file, expected, 'windows-1252');
    }
    throw e;
  }
}

async function summarize(
  file: string,
  expected: readonly string[],
  encoding: InventorySummary['encoding'],
): Promise<InventorySummary> {
  const counts = emptyCounts();
  let parser: CsvParser | undefined;
  let map: ColumnMap | undefined;
  const take = (records: string[][]) => {
    for (const r of records) {
      if (!map) {
        if (r.every((c) => c.trim() === '')) continue; // blank lines before the header
        map = mapColumns(r, expected);
      } else countRecord(counts, map, r);
    }
  };
  for await (const line of lines(file, encoding)) {
    if (!parser) {
      const first = stripBom(line);
      if (first.trim() === '') continue;
      parser = new CsvParser(detectDelimiter(first));
      take(parser.feed(first));
      continue;
    }
    take(parser.feed(line));
  }
  if (parser) take(parser.end());
  const found = map as ColumnMap | undefined;
  return {
    file,
    columns: found?.columns ?? [],
    rows: counts.rows,
    byType: counts.byType,
    byLocation: counts.byLocation,
    missingColumns: found?.missing ?? [...expected],
    delimiter: parser?.delimiter ?? ',',
    encoding,
  };
}

/** The file's lines, decoded as they stream in; CR is left for the parser (CRLF). */
async function* lines(file: string, encoding: InventorySummary['encoding']): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let rest = '';
  for await (const chunk of createReadStream(file)) {
    rest += decoder.decode(chunk as Buffer, { stream: true });
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
    if (rest.length > MAX_LINE_CHARS) {
      throw new ExitkitError((m) => m.inventory.lineTooLong(file, MAX_LINE_CHARS), {
        hints: [(m) => m.inventory.lineTooLongHint],
      });
    }
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}
