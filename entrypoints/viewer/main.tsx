// Context: extension page (standalone viewer). The panel's views on an imported HAR file, without
// DevTools and without a live page: open chrome-extension://<id>/viewer.html.
import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { startViewer } from '../../lib/panel/viewer-runtime';
import '../../components/panel.css';

startViewer();
createRoot(document.getElementById('root')!).render(<App />);
