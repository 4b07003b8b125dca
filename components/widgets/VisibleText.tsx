// Context: panel. Captured text with its hidden characters shown, as Chrome DevTools does: each
// control, bidi or zero-width character becomes a marked escape (`\u202E`) with its code point
// on hover, so `price\u202Egnp.exe` can never pass for `priceexe.png`. Text nodes only.
import { visibleParts, type VisibleOptions } from '../../lib/util/visible-text';

export function VisibleText({ text, multiline }: { text: string } & VisibleOptions) {
  const parts = visibleParts(text, { multiline });
  if (parts.length === 1 && !parts[0].hidden) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        p.hidden ? (
          <span key={i} className="ctl" data-testid="hidden-char" data-code-point={p.codePoint} title={p.codePoint}>
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
