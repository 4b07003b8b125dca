// Context: panel. Drag handle between the channel list and the frames; the width is remembered.
import { useUi } from '../../lib/store/ui-store';
import { MIN_LIST_WIDTH as MIN_WIDTH, saveListWidth } from '../../lib/panel/layout-prefs';

export function Splitter() {
  const setPrefs = useUi((s) => s.setPrefs);
  const onPointerDown = (e: React.PointerEvent) => {
    const startX = e.clientX;
    const startWidth = useUi.getState().listWidth;
    const move = (ev: PointerEvent) =>
      setPrefs({ listWidth: Math.max(MIN_WIDTH, Math.min(window.innerWidth - 200, startWidth + ev.clientX - startX)) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      saveListWidth(useUi.getState().listWidth);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return <div className="splitter" role="separator" aria-orientation="vertical" onPointerDown={onPointerDown} />;
}
