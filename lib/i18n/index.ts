// Context: pure (panel + model), no browser APIs.
export { LOCALES, isLocale, localize, pickLocale, type Locale, type Localized } from './locale';
export { isMessageKey, messages, t, type MessageKey, type MessageParams } from './messages';
