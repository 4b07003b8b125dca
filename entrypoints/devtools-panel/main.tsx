// Context: panel (DevTools panel page). Thin shell: connects a session to the inspected tab and
// renders the React app with it.
import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { SessionProvider } from '../../components/hooks/use-session';
import { ErrorBoundary } from '../../components/widgets/ErrorBoundary';
import { exposeRenderCounts } from '../../components/hooks/use-render-count';
import { startPanel } from '../../lib/panel/panel-runtime';
import { plantPanel } from '../../lib/panel/self-check-plant';
import '../../components/panel.css';

const { session, link } = startPanel();
// Bench self-check builds only (__PUSHLENS_PLANT__ from WXT_PUSHLENS_PLANT); '' in normal builds, so this is folded away.
if (__PUSHLENS_PLANT__) plantPanel(session);
exposeRenderCounts();
createRoot(document.getElementById('root')!).render(
  <SessionProvider session={session} link={link}>
    <ErrorBoundary pane="panel">
      <App />
    </ErrorBoundary>
  </SessionProvider>,
);
