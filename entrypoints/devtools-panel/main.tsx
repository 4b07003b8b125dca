// Context: panel (DevTools panel page). Thin shell: connects the session to the inspected tab and
// renders the React app.
import { createRoot } from 'react-dom/client';
import { App } from '../../components/App';
import { startPanel } from '../../lib/panel/panel-runtime';
import '../../components/panel.css';

startPanel();
createRoot(document.getElementById('root')!).render(<App />);
