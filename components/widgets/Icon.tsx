// Context: panel. Inline SVG icons for buttons. DevTools' fonts on Linux, macOS and Windows do not
// all carry symbols such as ⏸ or ⚙ (a missing-glyph box on Linux), so buttons draw their icons
// instead of typing them. Drawn in currentColor so they follow the theme; decorative only: the
// button's text or aria-label names the action.
export type IconName = 'record' | 'stop' | 'clear' | 'gear' | 'more' | 'pause' | 'play' | 'bolt' | 'pencil' | 'resend' | 'inject' | 'reload';

const PATHS: Record<IconName, React.ReactNode> = {
  record: <circle cx="8" cy="8" r="5" fill="currentColor" />,
  stop: <circle cx="8" cy="8" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />,
  clear: (
    <>
      <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M4.2 11.8 11.8 4.2" stroke="currentColor" strokeWidth="1.5" />
    </>
  ),
  gear: (
    <>
      <circle cx="8" cy="8" r="2.2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </>
  ),
  more: (
    <>
      <circle cx="3.5" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="12.5" cy="8" r="1.4" fill="currentColor" />
    </>
  ),
  pause: <path d="M4.5 3h2.5v10H4.5zM9 3h2.5v10H9z" fill="currentColor" />,
  play: <path d="M5 3v10l8-5z" fill="currentColor" />,
  bolt: <path d="M9.5 1 3.5 9h4l-1 6 6-8h-4z" fill="currentColor" />,
  pencil: <path d="M2.5 13.5l.8-3.2 7.6-7.6 2.4 2.4-7.6 7.6zM10 3.6l2.4 2.4" fill="none" stroke="currentColor" strokeWidth="1.4" />,
  resend: <path d="M12.5 8a4.5 4.5 0 1 1-1.3-3.2M12.5 2.5v3h-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />,
  inject: <path d="M8 2v9M4.5 7.5 8 11l3.5-3.5M3 14h10" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />,
  reload: <path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5V5h-2.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />,
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" data-icon={name} width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
