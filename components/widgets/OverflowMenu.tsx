// Context: panel. The toolbar's "more" button: what does not fit in the toolbar at the panel's
// width lives in its pop-up (mounted even while closed). Escape or a click outside closes it; focus goes back to the button.
import { useEffect, useRef, useState } from 'react';
import { Icon } from './Icon';

export function OverflowMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', outside);
    return () => window.removeEventListener('pointerdown', outside);
  }, [open]);
  return (
    <span
      className="settings overflow-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        className="icon-button"
        data-testid="toolbar-more"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen(!open)}
      >
        <Icon name="more" />
      </button>
      {/* Always mounted, hidden when closed: a control keeps its state (an import in progress)
          while the menu is shut, and scripts that drive the panel find it at every width. */}
      <div className="settings-pop overflow-pop" data-testid="toolbar-more-pop" role="group" aria-label={label} hidden={!open}>
        {children}
      </div>
    </span>
  );
}
