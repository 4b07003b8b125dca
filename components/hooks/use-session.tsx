// Context: panel and standalone viewer. The Session and the link to the page reach components
// through context, never through a module-level import: the panel and the viewer each provide
// their own (the viewer has no link). Views that read session data while rendering subscribe with
// useSyncExternalStore; the Session notifies at most once per animation frame, so React follows
// the ingest rate at the display's pace, not record by record.
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Session } from '../../lib/store/session';
import type { PanelLink } from '../../lib/panel/connection';

interface SessionContextValue {
  session: Session;
  link?: PanelLink;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ session, link, children }: { session: Session; link?: PanelLink; children: ReactNode }) {
  const value = useMemo(() => ({ session, link }), [session, link]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('PushLens component rendered outside <SessionProvider>');
  return value;
}

/** The Session, without subscribing: for event handlers and for children of a subscribed view. */
export function useSession(): Session {
  return useSessionContext().session;
}

/** The link to the page's agents; undefined in the standalone viewer. */
export function usePanelLink(): PanelLink | undefined {
  return useSessionContext().link;
}

/** Subscribes the calling view to the Session; returns the version it renders. */
export function useSessionVersion(): number {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
