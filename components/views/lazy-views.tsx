// Context: panel. Views that are not on screen when the panel opens (the Learn tab, a channel's
// Insights tab) and carry most of the teaching text and the advisor. They are kept out of the
// panel's first chunk and fetched right after the first render, so opening the panel parses less
// and the tabs are ready by the time anyone clicks them; clicked earlier, they show a placeholder
// and render as soon as their chunk arrives. Same props as the real views.
import { useEffect, useState, type ComponentType } from 'react';
import type { Channel } from '../../lib/store/session-types';

function deferredView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let Loaded: ComponentType<P> | undefined;
  let failed = false;
  // After the first render's task: the first chunk's work comes first.
  const ready = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(load).then(
    (c) => void (Loaded = c),
    () => void (failed = true),
  );
  return function DeferredView(props: P) {
    const [, setArrived] = useState(false);
    useEffect(() => {
      let live = true;
      if (!Loaded) void ready.then(() => live && setArrived(true));
      return () => {
        live = false;
      };
    }, []);
    if (Loaded) return <Loaded {...props} />;
    return (
      <div className="empty" data-testid="view-loading">
        {failed ? 'This view could not be loaded (was the extension updated? reopen DevTools).' : '…'}
      </div>
    );
  };
}

export const LearnView = deferredView(() => import('./learn/LearnView').then((m) => m.LearnView));
export const Insights = deferredView<{ channel: Channel }>(() => import('./Insights').then((m) => m.Insights));
