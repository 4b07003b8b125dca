// Context: panel. Drag handle between the channel list and the frames; the width is remembered.
import { useUi } from '@/lib/store/ui-store';

const MIN_WIDTH = 200;
const STORAGE_KEY = 'pushlens.listWidth';

export function Splitter() {
  const set = useUi((s) => s.set);
  const onPointerDown = (e: React.PointerEvent) => {
    const startX = e.clientX;
    const startWidth = useUi.getState().listWidth;
    const move = (ev: PointerEvent) => set({ listWidth: Math.max(MIN_WIDTH, Math.min(window.innerWidth - 200, startWidth + ev.clientX - startX)) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      localStorage.setItem(STORAGE_KEY, String(useUi.getState().listWidth));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return <div className="splitter" role="separator" aria-orientation="vertical" onPointerDown={onPointerDown} />;
}

export function restoreListWidth(): number | undefined {
  const v = Number(localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(v) && v >= MIN_WIDTH ? v : undefined;
}
