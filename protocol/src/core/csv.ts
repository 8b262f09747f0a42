// CSV for spreadsheet users (RFC 4180): UTF-8 with a BOM so that Excel on an office PC shows Vietnamese
// diacritics instead of guessing a code page, CRLF line ends, quoting of commas, quotes and line breaks, and
// neutralised formulas (kiosk comments are written by the public). The server's report exports and the
// dashboard's table exports both write through here.
/** A cell of a report table. */
export type Cell = string | number | null;
/** Anything a column may hold: a cell, or a flag, or nothing. */
export type CsvValue = Cell | boolean | undefined;
export type Table = { headers: readonly string[]; rows: readonly (readonly Cell[])[] };

export const BOM = '\uFEFF';

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One field: empty for null, undefined and non-finite numbers; text NFC-normalised, defused and quoted. */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = String(v);
  else s = neutralise(v.normalize('NFC'));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function lines(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The CSV text (with BOM, CRLF line ends) of a table. */
export function toCsv(t: Table): string {
  return lines([t.headers, ...t.rows]);
}

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

/** The CSV text (with BOM, CRLF line ends) for rows under the given columns. */
export function buildCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return lines([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))]);
}

/** A file name safe on every OS: the base plus a date stamp, e.g. "noi-dung-2025-03-01.csv". */
export function csvFileName(base: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 10);
  return `${base.replace(/[^\w.-]+/g, '-')}-${stamp}.csv`;
}

/** Reads CSV back (tests and tools): handles the BOM, quotes, doubled quotes and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
      i++;
    } else cur += ch;
  }
  if (cur !== '' || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}
