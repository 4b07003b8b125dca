// Context: pure (panel + model), no browser APIs.
// The panel passes in chrome.i18n.getUILanguage() (or navigator.language); this module only
// decides, so it stays testable in node.

export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Every user-facing text exists in both languages; the type makes a missing one a compile error. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

// We ship Simplified Chinese only. Traditional variants (zh-TW, zh-HK, zh-Hant) get English
// rather than a script the reader did not ask for.
const SIMPLIFIED_CHINESE = new Set(['zh', 'zh-cn', 'zh-sg', 'zh-hans', 'zh-hans-cn', 'zh-hans-sg']);

export function pickLocale(uiLanguage: string | undefined): Locale {
  if (!uiLanguage) return 'en';
  // Chrome reports "zh-CN", some systems "zh_CN"; normalise both spellings before comparing.
  const tag = uiLanguage.trim().replace(/_/g, '-').toLowerCase();
  return SIMPLIFIED_CHINESE.has(tag) ? 'zh-CN' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN';
}

/** Falls back to English so a half-translated entry still shows something readable. */
export function localize(text: Localized, locale: Locale): string {
  const value = text[locale];
  return value.length > 0 ? value : text.en;
}
