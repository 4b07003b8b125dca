// Context: panel (DevTools panel page), plant builds only. The panel's regressions for
// `npm run bench -- --self-check` (see lib/page/self-check-plant.ts): 'longtask' blocks the main
// thread 200 ms every second, 'drop' silently loses one received frame after its sequence number
// was accepted (so no resync refills it), as a bug in the store would. Normal builds fold the
// guarded call in entrypoints/devtools-panel/main.tsx away and never include this file.
import type { Session } from '../store/session';

const PLANT: string = __PUSHLENS_PLANT__;

export const PANEL_PLANT_MARKER = 'PUSHLENS_SELF_CHECK_PLANT_PANEL';

export function plantPanel(session: Session): void {
  (globalThis as Record<string, unknown>)[PANEL_PLANT_MARKER] = PLANT;
  if (PLANT === 'longtask') {
    setInterval(() => {
      const end = Date.now() + 200;
      while (Date.now() < end) {
        /* the planted 200 ms task */
      }
    }, 1000);
  }
  if (PLANT === 'drop') {
    // Session.apply is private in TypeScript only; the plant swaps it at run time.
    const s = session as unknown as { apply: (agent: unknown, r: { type: string }) => void };
    const apply = s.apply.bind(session);
    let frames = 0;
    s.apply = (agent, r) => {
      // The 1000th received frame: far enough in that the channel exists and the flood is steady.
      if ((r.type === 'sse-event' || r.type === 'ws-frame') && ++frames === 1000) return;
      apply(agent, r);
    };
  }
}
