// Context: panel. Top-level layout: toolbar, channel list, selected channel's frames and detail.
import { useUi } from '../lib/store/ui-store';
import { Toolbar } from './views/Toolbar';
import { ChannelList } from './views/ChannelList';
import { ChannelView } from './views/ChannelView';
import { useSessionVersion } from './hooks/use-session';
import { Splitter } from './widgets/Splitter';
import { Timeline } from './views/timeline/Timeline';
import { LearnView } from './views/lazy-views';

export function App() {
  const version = useSessionVersion();
  const listWidth = useUi((s) => s.listWidth);
  const theme = useUi((s) => s.theme);
  const tab = useUi((s) => s.tab);
  if (tab === 'learn') {
    return (
      <div className="app" data-theme={theme}>
        <Toolbar />
        <LearnView />
      </div>
    );
  }
  return (
    <div className="app" data-theme={theme}>
      <Toolbar />
      <Timeline version={version} />
      <div className="main">
        <div className="channel-pane" style={{ width: listWidth }}>
          <ChannelList />
        </div>
        <Splitter />
        <div className="frame-pane">
          <ChannelView />
        </div>
      </div>
    </div>
  );
}
