// Context: panel (DevTools panel page). The panel's UI: React and every component, most of the
// panel's code. main.tsx loads it only after the link to the inspected tab has started.
import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { SessionProvider } from '../../components/hooks/use-session';
import { ErrorBoundary } from '../../components/widgets/ErrorBoundary';
import { exposeRenderCounts } from '../../components/hooks/use-render-count';
import type { PanelRuntime } from '../../lib/panel/panel-runtime';

export function renderPanel({ session, link }: PanelRuntime): void {
  exposeRenderCounts();
  createRoot(document.getElementById('root')!).render(
    <SessionProvider session={session} link={link}>
      <ErrorBoundary pane="panel">
        <App />
      </ErrorBoundary>
    </SessionProvider>,
  );
}
