// Context: extension page (standalone HAR viewer). Same UI state as the panel, no page link:
// theme and language come from the browser, recording is off (nothing live to record).
import { useUi } from '../store/ui-store';
import { pickLocale } from '../i18n/locale';
import { session } from './panel-runtime';

export function startViewer(): void {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.theme = theme;
  useUi
    .getState()
    .setPrefs({ theme, locale: pickLocale(localStorage.getItem('pushlens.locale') ?? navigator.language), recording: false, viewer: true });
  (globalThis as { __pushlens?: unknown }).__pushlens = { session };
  setInterval(() => session.refreshPolling(), 500);
}
