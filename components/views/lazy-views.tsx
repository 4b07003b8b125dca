// Context: panel. Views that are not on screen when the panel opens (the Learn tab, a channel's
// Insights tab) and carry most of the teaching text and the advisor: loaded on first display, so
// the panel's first chunk stays small. Same props as the real views.
import { lazy, Suspense, type ComponentProps } from 'react';

const Learn = lazy(() => import('./learn/LearnView').then((m) => ({ default: m.LearnView })));
const InsightsView = lazy(() => import('./Insights').then((m) => ({ default: m.Insights })));

function Loading() {
  return (
    <div className="empty" data-testid="view-loading">
      …
    </div>
  );
}

export function LearnView() {
  return (
    <Suspense fallback={<Loading />}>
      <Learn />
    </Suspense>
  );
}

export function Insights(props: ComponentProps<typeof InsightsView>) {
  return (
    <Suspense fallback={<Loading />}>
      <InsightsView {...props} />
    </Suspense>
  );
}
