// Context: panel. Drag handle between the channel list and the frames: vertical beside them,
// horizontal when the panes are stacked (narrow panel). Both sizes are remembered. Arrow keys move
// it too (10 px a press), so the layout can be changed without a pointer.
import { useUi } from '../../lib/store/ui-store';
import { MIN_LIST_HEIGHT, MIN_LIST_WIDTH, saveListHeight, saveListWidth } from '../../lib/panel/layout-prefs';

/** What the frames keep at least, beside or below the list. */
const MIN_REST = 200;
const MIN_REST_STACKED = 100;

export function Splitter({ stacked }: { stacked: boolean }) {
  const setPrefs = useUi((s) => s.setPrefs);
  const current = () => (stacked ? useUi.getState().listHeight : useUi.getState().listWidth);
  const resizeTo = (size: number) => {
    if (stacked) setPrefs({ listHeight: clamp(size, MIN_LIST_HEIGHT, window.innerHeight - MIN_REST_STACKED) });
    else setPrefs({ listWidth: clamp(size, MIN_LIST_WIDTH, window.innerWidth - MIN_REST) });
  };
  const save = () => (stacked ? saveListHeight(useUi.getState().listHeight) : saveListWidth(useUi.getState().listWidth));
  const onPointerDown = (e: React.PointerEvent) => {
    const start = stacked ? e.clientY : e.clientX;
    const startSize = current();
    const move = (ev: PointerEvent) => resizeTo(startSize + (stacked ? ev.clientY : ev.clientX) - start);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      save();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const size = useUi((s) => (stacked ? s.listHeight : s.listWidth));
  return (
    <div
      className={stacked ? 'splitter stacked' : 'splitter'}
      data-testid="splitter"
      role="separator"
      tabIndex={0}
      aria-label="Resize the channel list"
      aria-orientation={stacked ? 'horizontal' : 'vertical'}
      aria-valuenow={size}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        const back = stacked ? 'ArrowUp' : 'ArrowLeft';
        const forward = stacked ? 'ArrowDown' : 'ArrowRight';
        if (e.key !== back && e.key !== forward) return;
        e.preventDefault();
        resizeTo(current() + (e.key === back ? -10 : 10));
        save();
      }}
    />
  );
}

function clamp(v: number, min: number, max: number): number {
  return Math.max(min, Math.min(Math.max(min, max), v));
}
