// Context: panel. Top-level layout: toolbar, channel list, selected channel's frames and detail.
import { useUi } from '@/lib/store/ui-store';
import { Toolbar } from './Toolbar';
import { ChannelList } from './ChannelList';
import { ChannelView } from './ChannelView';
import { useSessionVersion } from './use-session';
import { Splitter } from './Splitter';
import { Timeline } from './timeline/Timeline';
import { LearnView } from './learn/LearnView';

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
