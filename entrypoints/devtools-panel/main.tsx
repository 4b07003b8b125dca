// Context: panel (DevTools panel page). Thin shell: connects a session to the inspected tab, then
// loads the UI and renders it with that session. The UI comes second, by a dynamic import: the
// page starts sending its buffered history while the browser is still compiling the UI's code
// (measured: the Session existed about 130 ms after the panel page started when it waited for it).
import { startPanel } from '../../lib/panel/panel-runtime';
import { plantPanel } from '../../lib/panel/self-check-plant';
import '../../components/panel.css';

const runtime = startPanel();
// Bench self-check builds only (__PUSHLENS_PLANT__ from WXT_PUSHLENS_PLANT); '' in normal builds, so this is folded away.
if (__PUSHLENS_PLANT__) plantPanel(runtime.session);
void import('./ui').then(({ renderPanel }) => renderPanel(runtime));
