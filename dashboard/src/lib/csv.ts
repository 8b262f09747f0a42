// CSV export of whatever table a screen shows (RFC 4180 quoting). The file starts with a UTF-8 BOM so
// that Excel on an office PC reads Vietnamese diacritics correctly instead of guessing a code page.

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

const BOM = '\uFEFF';

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A leading = + - @ makes a spreadsheet run the cell as a formula (CSV injection); quote it as text.
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text (with BOM, CRLF line ends) for rows under the given columns. */
export function buildCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A file name safe on every OS: the base plus a date stamp, e.g. "noi-dung-2025-03-01.csv". */
export function csvFileName(base: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 10);
  return `${base.replace(/[^\w.-]+/g, '-')}-${stamp}.csv`;
}

/** Offers the CSV as a download. Browser-only; returns false where the browser refuses (locked-down). */
export function downloadCsv(fileName: string, csv: string): boolean {
  try {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}
