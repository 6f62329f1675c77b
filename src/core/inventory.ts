/**
 * The inventory of covered equipment and software (workstations, servers, phones, printers,
 * network gear, business software), as a CSV: which columns it must have, and what it
 * holds, counted by type and by location. Pure: it is fed header and records by src/io/inventory.ts.
 */

/** The columns an inventory has when the plan names none. */
export const DEFAULT_INVENTORY_COLUMNS = ['type', 'name', 'location'] as const;

/** Other spellings of the default columns (French spreadsheets). */
const ALIASES: Record<string, string[]> = {
  type: ['type', 'categorie', 'catégorie'],
  name: ['name', 'nom', 'designation', 'désignation'],
  location: ['location', 'emplacement', 'site', 'lieu'],
};

/** A header cell compared loosely: trimmed, lowercase, accents kept (they are matched by alias). */
function normal(cell: string): string {
  return cell.trim().toLowerCase();
}

export interface ColumnMap {
  columns: string[];
  /** Index of each expected column in the header, or -1 when missing. */
  index: Record<string, number>;
  missing: string[];
  /** Where the type and location are (by any of their names), -1 when absent: what is counted. */
  typeAt: number;
  locationAt: number;
}

/** Finds the expected columns in a header (case-insensitive; the default ones also by their French names). */
export function mapColumns(header: readonly string[], expected: readonly string[]): ColumnMap {
  const cells = header.map(normal);
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const want of expected) {
    const names = ALIASES[normal(want)] ?? [normal(want)];
    const at = cells.findIndex((c) => names.includes(c));
    index[want] = at;
    if (at < 0) missing.push(want);
  }
  const find = (names: string[]) => cells.findIndex((c) => names.includes(c));
  return {
    columns: header.map((c) => c.trim()),
    index,
    missing,
    typeAt: find(ALIASES.type!),
    locationAt: find(ALIASES.location!),
  };
}

export interface InventoryCounts {
  rows: number;
  byType: Record<string, number>;
  byLocation: Record<string, number>;
}

export function emptyCounts(): InventoryCounts {
  return { rows: 0, byType: {}, byLocation: {} };
}

/** Label for a record whose type or location cell is blank. */
export const UNSPECIFIED = '(unspecified)';

/**
 * Counts one record. A blank record (an empty line, or a row of empty cells as Excel leaves at
 * the end) is not an item.
 */
export function countRecord(counts: InventoryCounts, map: ColumnMap, record: readonly string[]): void {
  if (record.every((c) => c.trim() === '')) return;
  counts.rows++;
  const cell = (i: number): string => {
    const v = (record[i] ?? '').trim();
    return v === '' ? UNSPECIFIED : v;
  };
  if (map.typeAt >= 0) {
    const t = cell(map.typeAt);
    counts.byType[t] = (counts.byType[t] ?? 0) + 1;
  }
  if (map.locationAt >= 0) {
    const l = cell(map.locationAt);
    counts.byLocation[l] = (counts.byLocation[l] ?? 0) + 1;
  }
}
