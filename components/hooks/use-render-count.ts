// Context: panel and standalone viewer. Counts each view's committed renders, readable as
// globalThis.__pushlens.renders from DevTools-on-DevTools or a test: the tests prove with it that
// typing in the filter leaves the timeline alone and that ingest renders once per frame. A few
// integers, no behaviour.
import { useEffect } from 'react';

export const renderCounts: Record<string, number> = {};

/** Counts a commit of the calling component under `name` (an effect, so render stays pure). */
export function useRenderCount(name: string): void {
  useEffect(() => countRender(name));
}

/** Counts one occurrence of something that is not a render (the timeline's canvas redraws). */
export function countRender(name: string): void {
  renderCounts[name] = (renderCounts[name] ?? 0) + 1;
}

/** Adds the counters to the page's debugging handle (set up by the panel or viewer runtime). */
export function exposeRenderCounts(): void {
  const g = globalThis as { __pushlens?: Record<string, unknown> };
  g.__pushlens ??= {};
  g.__pushlens.renders = renderCounts;
}
