// Context: panel. Top-level layout: toolbar, channel list, selected channel's frames and detail.
// App subscribes to no session data: each view subscribes to what it shows, so a change reaches
// only the views that read it.
import { useUi } from '../lib/store/ui-store';
import { Toolbar } from './views/Toolbar';
import { ChannelList } from './views/ChannelList';
import { ChannelView } from './views/ChannelView';
import { Splitter } from './widgets/Splitter';
import { Timeline } from './views/timeline/Timeline';
import { LearnView } from './views/learn/LearnView';

export function App() {
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
      <Timeline />
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
