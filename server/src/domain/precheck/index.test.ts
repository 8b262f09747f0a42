import { describe, expect, it } from 'vitest';
import { precheckContext, PRECHECK_RULES, runPrechecks } from './index';

const ctx = precheckContext(Date.UTC(2026, 5, 1));

describe('runPrechecks', () => {
  it('runs only the rules for the content kind', () => {
    // A message may say "tốt nhất": superlatives are an advertising rule.
    expect(runPrechecks({ kind: 'message', fields: { body: 'Sức khỏe là tốt nhất' } }, ctx)).toEqual([]);
    expect(runPrechecks({ kind: 'ad', fields: { body: 'Sức khỏe là tốt nhất' } }, ctx).map((f) => f.ruleId)).toEqual(['ad.superlative']);
  });

  it('lists errors first, then warnings, then info', () => {
    const findings = runPrechecks({ kind: 'ad', fields: { body: 'Thuốc lá (ngon nhất' }, productCategory: 'tobacco', hasAudio: true }, ctx);
    const severities = findings.map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    );
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(
      new Set(['ad.banned_category', 'ad.superlative', 'text.unbalanced_pairs', 'ad.outdoor_audio']),
    );
  });

  it('checks a message against every text rule', () => {
    const findings = runPrechecks(
      { kind: 'message', fields: { body: 'THONG BAO CAT DIEN TAI KHU PHO (TU 7 GIO DEN 17 GIO NGAY MAI' }, displaySeconds: 2 },
      ctx,
    );
    expect(findings.map((f) => f.ruleId).sort()).toEqual([
      'message.reading_time',
      'text.all_caps',
      'text.missing_diacritics',
      'text.unbalanced_pairs',
    ]);
  });

  it('applies settings overrides', () => {
    const strict = precheckContext(0, { readingWordsPerMinute: 30 });
    expect(strict.settings.proofValidityMonths).toBe(12);
    expect(runPrechecks({ kind: 'message', fields: { body: 'Bà con chú ý giữ gìn vệ sinh' }, displaySeconds: 5 }, strict)).toHaveLength(1);
  });

  it('has one rule per id, each with a kind it applies to', () => {
    const ids = PRECHECK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of PRECHECK_RULES) expect(rule.appliesTo.length).toBeGreaterThan(0);
  });
});
