// Context: panel. Creates this DevTools panel's Session and PanelLink and wires them to the
// inspected tab, the DevTools theme and the browser language. The caller hands both to React
// through <SessionProvider>; nothing imports them from here.
import { Session } from '../store/session';
import { PanelLink, openRuntimeTransport } from './connection';
import { useUi } from '../store/ui-store';
import { pickLocale } from '../i18n/locale';
import { watchNetworkStatuses, type NetworkWatch } from './network-statuses';
import { restoreListHeight, restoreListWidth } from './layout-prefs';
import { restoreAgentSettings } from './settings-storage';

const POLLING_REFRESH_MS = 500;

export interface PanelRuntime {
  session: Session;
  link: PanelLink;
}

export function startPanel(): PanelRuntime {
  const session = new Session();
  // A handle for debugging the panel from DevTools-on-DevTools; the panel page is extension-only.
  const handle: { session: Session; network?: NetworkWatch } = { session };
  (globalThis as { __pushlens?: unknown }).__pushlens = handle;
  const ui = useUi.getState();
  const theme = themeOf(chrome.devtools?.panels?.themeName);
  const stored = localStorage.getItem('pushlens.locale');
  const uiLanguage = chrome.i18n?.getUILanguage?.() ?? navigator.language;
  const locale = pickLocale(stored ?? uiLanguage);
  // The browser's UI language decides; when it is English but the user's preferred content
  // language is Chinese (a common setup, and what headless Chromium reports), follow the latter.
  if (!stored && locale === 'en') {
    chrome.i18n?.getAcceptLanguages?.((langs) => {
      if (langs[0] && pickLocale(langs[0]) === 'zh-CN') useUi.getState().setPrefs({ locale: 'zh-CN' });
    });
  }
  ui.setPrefs({
    theme,
    locale,
    preserveLog: localStorage.getItem('pushlens.preserveLog') !== 'false',
    listWidth: restoreListWidth() ?? ui.listWidth,
    listHeight: restoreListHeight() ?? ui.listHeight,
  });
  document.documentElement.dataset.theme = theme;
  followThemeChanges();

  restoreAgentSettings((agentSettings) => useUi.getState().setPrefs({ agentSettings }));
  const tabId = chrome.devtools.inspectedWindow.tabId;
  const link = new PanelLink({
    tabId,
    session,
    settings: () => useUi.getState().agentSettings,
    recording: () => useUi.getState().recording,
    open: openRuntimeTransport,
  });
  link.start();
  chrome.devtools.network.onNavigated.addListener(() => {
    if (!useUi.getState().preserveLog) {
      session.clear();
      useUi.getState().captureCleared();
    }
  });
  // HTTP statuses and timings from DevTools' network log; not listened to while a big stream would hand over a huge entry.
  handle.network = watchNetworkStatuses(session, { network: chrome.devtools.network, recording: () => useUi.getState().recording });
  // Re-classifies polling channels; it changes the model only, and the Session notifies the views.
  setInterval(() => session.refreshPolling(), POLLING_REFRESH_MS);
  return { session, link };
}

function themeOf(name: string | undefined): 'light' | 'dark' {
  return name === 'dark' ? 'dark' : 'light';
}

/** The user can switch DevTools' theme while the panel is open: Chrome and Firefox each tell us their way. */
function followThemeChanges(): void {
  const apply = (name: string) => {
    const theme = themeOf(name);
    document.documentElement.dataset.theme = theme;
    useUi.getState().setPrefs({ theme });
  };
  const panels = chrome.devtools?.panels as
    (typeof chrome.devtools.panels & { onThemeChanged?: { addListener(cb: (name: string) => void): void } }) | undefined;
  if (panels?.onThemeChanged) panels.onThemeChanged.addListener(apply);
  else panels?.setThemeChangeHandler?.((name) => apply(name));
}
