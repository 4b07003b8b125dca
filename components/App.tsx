// Context: panel. Top-level layout: toolbar, channel list, selected channel's frames and detail.
// App subscribes to no session data: each view subscribes to what it shows, so a change reaches
// only the views that read it. Each pane sits behind its own error boundary. In a narrow panel
// (DevTools docked on the right) the channel list goes above the frames, as in Chrome's Network panel.
import { useEffect } from 'react';
import { useUi } from '../lib/store/ui-store';
import { Toolbar } from './views/Toolbar';
import { ChannelList } from './views/ChannelList';
import { ChannelView } from './views/ChannelView';
import { Splitter } from './widgets/Splitter';
import { Timeline } from './views/timeline/Timeline';
import { LearnView } from './views/lazy-views';
import { ErrorBoundary } from './widgets/ErrorBoundary';
import { STACKED_QUERY, useMedia } from './hooks/use-media';

export function App() {
  const listWidth = useUi((s) => s.listWidth);
  const listHeight = useUi((s) => s.listHeight);
  const theme = useUi((s) => s.theme);
  const tab = useUi((s) => s.tab);
  const selectedChannel = useUi((s) => s.selectedChannel);
  const stacked = useMedia(STACKED_QUERY);
  const locale = useUi((s) => s.locale);
  // Screen readers pick their voice from the document's language: it follows the panel's.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  if (tab === 'learn') {
    return (
      <main className="app" data-theme={theme}>
        <ErrorBoundary pane="toolbar">
          <Toolbar />
        </ErrorBoundary>
        <ErrorBoundary pane="learn">
          <LearnView />
        </ErrorBoundary>
      </main>
    );
  }
  return (
    <main className="app" data-theme={theme}>
      <ErrorBoundary pane="toolbar">
        <Toolbar />
      </ErrorBoundary>
      <ErrorBoundary pane="timeline">
        <Timeline />
      </ErrorBoundary>
      <div className={stacked ? 'main stacked' : 'main'} data-testid="main" data-layout={stacked ? 'stacked' : 'side'}>
        <div className="channel-pane" style={stacked ? { height: listHeight } : { width: listWidth }}>
          <ErrorBoundary pane="channels">
            <ChannelList />
          </ErrorBoundary>
        </div>
        <Splitter stacked={stacked} />
        <div className="frame-pane">
          <ErrorBoundary pane="channel" resetKey={selectedChannel}>
            <ChannelView />
          </ErrorBoundary>
        </div>
      </div>
    </main>
  );
}
