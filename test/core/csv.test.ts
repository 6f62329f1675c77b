import { describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter, stripBom } from '../../src/core/csv.js';
import { countRecord, emptyCounts, mapColumns, UNSPECIFIED } from '../../src/core/inventory.js';

function parseAll(lines: string[], delimiter: ',' | ';' = ','): string[][] {
  const p = new CsvParser(delimiter);
  return [...lines.flatMap((l) => p.feed(l)), ...p.end()];
}

describe('CSV lines', () => {
  it('detects the delimiter French Excel writes (;) and the default one (,)', () => {
    expect(detectDelimiter('Type;Nom;Emplacement')).toBe(';');
    expect(detectDelimiter('type,name,location')).toBe(',');
    // A ';' inside quotes does not count.
    expect(detectDelimiter('"a;b;c",name,location')).toBe(',');
    expect(detectDelimiter('type\tname\tlocation')).toBe('\t');
  });

  it('reads quoted fields with delimiters, doubled quotes and CR line ends', () => {
    expect(parseAll(['a,"b, c","say ""hi""",d\r'])).toEqual([['a', 'b, c', 'say "hi"', 'd']]);
    expect(parseAll(['x;"1;2";'], ';')).toEqual([['x', '1;2', '']]);
  });

  it('joins a quoted field that spans lines into one record', () => {
    expect(parseAll(['server,"line one', 'line two",Bulle', 'laptop,x,Fribourg'])).toEqual([
      ['server', 'line one\nline two', 'Bulle'],
      ['laptop', 'x', 'Fribourg'],
    ]);
  });

  it('keeps an unterminated quote as the last record instead of losing it', () => {
    expect(parseAll(['a,"open'])).toEqual([['a', 'open']]);
  });

  it('strips a byte-order mark', () => {
    expect(stripBom('\ufefftype,name')).toBe('type,name');
    expect(stripBom('type,name')).toBe('type,name');
  });
});

describe('inventory columns and counts', () => {
  it('finds the default columns case-insensitively, also by their French names', () => {
    expect(mapColumns(['Type', 'Nom', 'Emplacement', 'Série'], ['type', 'name', 'location']).missing).toEqual(
      [],
    );
    expect(mapColumns(['TYPE', 'name', 'Site'], ['type', 'name', 'location']).missing).toEqual([]);
    expect(mapColumns(['asset', 'type', 'serial'], ['type', 'name', 'location']).missing).toEqual([
      'name',
      'location',
    ]);
  });

  it('checks the columns a plan asks for', () => {
    expect(mapColumns(['Hostname', 'Type'], ['hostname', 'owner']).missing).toEqual(['owner']);
  });

  it('counts items by type and location, skipping blank rows', () => {
    const map = mapColumns(['type', 'name', 'location'], ['type', 'name', 'location']);
    const counts = emptyCounts();
    for (const r of [
      ['server', 'FS01', 'Fribourg'],
      ['laptop', 'PC01', 'Bulle'],
      ['laptop', 'PC02', ''],
      ['', '', ''],
      [''],
    ])
      countRecord(counts, map, r);
    expect(counts.rows).toBe(3);
    expect(counts.byType).toEqual({ server: 1, laptop: 2 });
    expect(counts.byLocation).toEqual({ Fribourg: 1, Bulle: 1, [UNSPECIFIED]: 1 });
  });
});
