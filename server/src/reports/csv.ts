// CSV for spreadsheet users (RFC 4180): UTF-8 with a BOM so Excel shows Vietnamese, CRLF line ends, quoting
// of commas, quotes and line breaks, and neutralised formulas (kiosk comments are written by the public).
export type Cell = string | number | null;
export type Table = { headers: readonly string[]; rows: readonly (readonly Cell[])[] };

export const BOM = '\uFEFF';

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function field(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : neutralise(v.normalize('NFC'));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: Table): string {
  const lines = [t.headers, ...t.rows].map((r) => r.map(field).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
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
