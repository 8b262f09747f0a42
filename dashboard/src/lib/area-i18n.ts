// Dictionaries of a screen area (schedules, devices, alerts, reports, live status) that travel with that
// area's lazily loaded code instead of the initial bundle, and follow the shared UI language signal.
import { lang, type Lang } from './i18n';

type Params = Record<string, string | number>;

interface AreaDictionary<K extends string> {
  dictionaries: Record<Lang, Record<K, string>>;
  /** Translate in the current language. */
  t: (key: K) => string;
  /** Translate and fill {name} placeholders. */
  tf: (key: K, params: Params) => string;
  /** Translate in a given language (tests, exports). */
  tl: (language: Lang, key: K) => string;
}

/** Fills {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The English table is typed against the Vietnamese one: a missing key fails the type check. */
export function areaDictionary<K extends string>(vi: Record<K, string>, en: Record<K, string>): AreaDictionary<K> {
  const dictionaries = { vi, en };
  return {
    dictionaries,
    t: (key) => dictionaries[lang.value][key],
    tf: (key, params) => fillTemplate(dictionaries[lang.value][key], params),
    tl: (language, key) => dictionaries[language][key],
  };
}
