// Context: extension page (standalone viewer). The panel's views on an imported HAR file, without
// DevTools and without a live page: open chrome-extension://<id>/viewer.html.
import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { SessionProvider } from '../../components/hooks/use-session';
import { ErrorBoundary } from '../../components/widgets/ErrorBoundary';
import { exposeRenderCounts } from '../../components/hooks/use-render-count';
import { startViewer } from '../../lib/panel/viewer-runtime';
import '../../components/panel.css';

const { session } = startViewer();
exposeRenderCounts();
createRoot(document.getElementById('root')!).render(
  <SessionProvider session={session}>
    <ErrorBoundary pane="viewer">
      <App />
    </ErrorBoundary>
  </SessionProvider>,
);
