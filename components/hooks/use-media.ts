// Context: panel. Layout switches that follow the panel's size (DevTools docked right, docked at
// the bottom, undocked): a media query over the panel page's own viewport, re-read on resize.
import { useSyncExternalStore } from 'react';

/** The panel is narrow enough that the channel list goes above the frames (Chrome's Network panel does the same). */
export const STACKED_QUERY = '(max-width: 699px)';

export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = matchMedia(query);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    () => matchMedia(query).matches,
  );
}

/** The width of an element, live (ResizeObserver); 0 until it is laid out. */
export function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  return useSyncExternalStore(
    (notify) => {
      const el = ref.current;
      if (!el) return () => {};
      const ro = new ResizeObserver(notify);
      ro.observe(el);
      return () => ro.disconnect();
    },
    () => Math.round(ref.current?.clientWidth ?? 0),
  );
}
