// Automatic pre-checks shown to reviewers (kiểm tra sơ bộ): each rule is one module; runPrechecks runs
// those that apply to the content kind. Findings inform the reviewer; they decide nothing. Pure.
import { allCapsRule } from './rules/all-caps';
import { bannedCategoryRule } from './rules/banned-category';
import { missingDiacriticsRule } from './rules/missing-diacritics';
import { outdoorAudioRule } from './rules/outdoor-audio';
import { readingTimeRule } from './rules/reading-time';
import { superlativeRule } from './rules/superlative';
import { unbalancedPairsRule } from './rules/unbalanced-pairs';
import { vietnameseLanguageRule } from './rules/vietnamese-language';
import {
  DEFAULT_PRECHECK_SETTINGS,
  type Finding,
  type PrecheckContext,
  type PrecheckInput,
  type PrecheckRule,
  type PrecheckSettings,
  type Severity,
} from './types';

export * from './types';
export { findPhrases, type PhraseMatch, type PhrasePattern } from './phrase-match';
export { looksVietnamese } from './vietnamese-words';

export const PRECHECK_RULES: readonly PrecheckRule[] = [
  bannedCategoryRule,
  superlativeRule,
  vietnameseLanguageRule,
  outdoorAudioRule,
  readingTimeRule,
  missingDiacriticsRule,
  allCapsRule,
  unbalancedPairsRule,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A context with default settings overridden by the given ones. */
export function precheckContext(now: number, settings: Partial<PrecheckSettings> = {}): PrecheckContext {
  return { now, settings: { ...DEFAULT_PRECHECK_SETTINGS, ...settings } };
}

/** Runs every rule that applies to the input's kind; errors first, then warnings, then info. */
export function runPrechecks(input: PrecheckInput, ctx: PrecheckContext, rules: readonly PrecheckRule[] = PRECHECK_RULES): Finding[] {
  const findings = rules.filter((r) => r.appliesTo.includes(input.kind)).flatMap((r) => r.check(input, ctx));
  // Array.prototype.sort is stable, so within a severity the rule order and text order stay.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
