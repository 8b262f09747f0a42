import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS } from '../types';
import { allCapsRule, caseCounts } from './all-caps';

const ctx = { now: 0, settings: DEFAULT_PRECHECK_SETTINGS };
const check = (body: string) => allCapsRule.check({ kind: 'message', fields: { body } }, ctx);

describe('text.all_caps', () => {
  it('flags a Vietnamese text in capitals over the whole field', () => {
    const body = 'THÔNG BÁO LỊCH CẮT ĐIỆN TOÀN PHƯỜNG';
    expect(check(body)).toEqual([expect.objectContaining({ severity: 'warning', span: { start: 0, end: body.length } })]);
  });

  it('counts capitals with combining marks (NFD) like precomposed ones', () => {
    expect(check('THÔNG BÁO LỊCH CẮT ĐIỆN'.normalize('NFD'))).toHaveLength(1);
    expect(caseCounts('Ắ'.normalize('NFD'))).toEqual({ cased: 1, upper: 1 });
  });

  it('lets a short heading pass', () => {
    expect(check('THÔNG BÁO')).toEqual([]);
  });

  it('lets abbreviations in a normal sentence pass', () => {
    expect(check('UBND phường và HĐND, MTTQ thông báo lịch họp TDP')).toEqual([]);
  });

  it('ignores digits and punctuation when counting', () => {
    expect(check('06:30 - 17:00, 20/10/2026!!!')).toEqual([]);
  });
});
