import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell, csvFileName } from './csv';

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
