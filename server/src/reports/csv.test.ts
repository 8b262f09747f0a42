// CSV for spreadsheets: BOM, CRLF, quoting and formula neutralisation, and that it reads back unchanged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, parseCsv, toCsv } from './csv';
import { maskPhones } from './text';

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

describe('maskPhones', () => {
  it('masks mobile numbers written with or without spaces, and leaves other numbers', () => {
    expect(maskPhones('Gọi 0912 345 678 hoặc +84912345678 giúp tôi, phòng 12, 2026')).toBe(
      'Gọi [số điện thoại] hoặc [số điện thoại] giúp tôi, phòng 12, 2026',
    );
  });
});
