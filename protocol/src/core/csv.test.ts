// CSV for spreadsheets: BOM, CRLF, quoting and formula neutralisation, and that it reads back unchanged;
// the same writer for a table (server reports) and for columns over rows (dashboard exports).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, buildCsv, csvCell, csvFileName, parseCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and quotes commas, quotes and line breaks', () => {
    const csv = toCsv({ headers: ['Tên', 'Số'], rows: [['a, "b"\nc', 1], [null, 2.5]] });
    expect(csv).toBe(`${BOM}Tên,Số\r\n"a, ""b""\nc",1\r\n,2.5\r\n`);
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    const csv = toCsv({ headers: ['x'], rows: [['=1+1'], ['+84 912'], ['-2'], ['@SUM(A1)'], [-2]] });
    expect(parseCsv(csv).map((r) => r[0])).toEqual(['x', "'=1+1", "'+84 912", "'-2", "'@SUM(A1)", '-2']);
  });

  it('reads back every table of text cells unchanged (NFC, no formula prefix)', () => {
    const safe = fc.string({ unit: fc.constantFrom('a', 'ă', 'ế', ',', '"', '\n', '\r', ' ', 'x', '1') }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safe, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const back = parseCsv(toCsv({ headers: ['a', 'b'], rows }));
        expect(back).toEqual([['a', 'b'], ...rows.map((r) => r.map((c) => c.normalize('NFC')))]);
      }),
    );
  });
});

describe('buildCsv', () => {
  it('starts with a BOM, uses CRLF and keeps Vietnamese text intact', () => {
    const csv = buildCsv([{ header: 'Tiêu đề', value: (r: { t: string }) => r.t }], [{ t: 'Giữ gìn vệ sinh' }]);
    expect(csv).toBe('\uFEFFTiêu đề\r\nGiữ gìn vệ sinh\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('nói "xin chào"')).toBe('"nói ""xin chào"""');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
  });

  it('writes empty cells for null and undefined, and numbers as they are', () => {
    const csv = buildCsv(
      [
        { header: 'a', value: (r: { a: number | null }) => r.a },
        { header: 'b', value: () => undefined },
      ],
      [{ a: -3 }, { a: null }],
    );
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['-3,', ',']);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@cmd')).toBe("'@cmd");
  });
});

describe('csvFileName', () => {
  it('stamps the date and replaces unsafe characters', () => {
    expect(csvFileName('nhat ky/audit', new Date('2025-03-01T10:00:00Z'))).toBe('nhat-ky-audit-2025-03-01.csv');
  });
});
