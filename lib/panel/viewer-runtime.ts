// Context: extension page (standalone HAR viewer). Same UI state as the panel, no page link:
// theme and language come from the browser, recording is off (nothing live to record). The viewer
// has its own Session, handed to React through <SessionProvider>.
import { useUi } from '../store/ui-store';
import { pickLocale } from '../i18n/locale';
import { Session } from '../store/session';
import { restoreListHeight, restoreListWidth } from './layout-prefs';

const POLLING_REFRESH_MS = 500;

export function startViewer(): { session: Session } {
  const session = new Session();
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.theme = theme;
  const ui = useUi.getState();
  ui.setPrefs({
    theme,
    locale: pickLocale(localStorage.getItem('pushlens.locale') ?? navigator.language),
    recording: false,
    viewer: true,
    // Pane sizes are remembered for the viewer as for the panel (same extension storage).
    listWidth: restoreListWidth() ?? ui.listWidth,
    listHeight: restoreListHeight() ?? ui.listHeight,
  });
  (globalThis as { __pushlens?: unknown }).__pushlens = { session };
  // Re-classifies polling channels of an imported HAR; the Session notifies the views.
  setInterval(() => session.refreshPolling(), POLLING_REFRESH_MS);
  return { session };
}
