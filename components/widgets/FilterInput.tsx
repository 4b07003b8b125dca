// Context: panel. The filter box: free text, /regex/ and fields (dir:, kind:, event:, status:,
// size:). A parse error is shown next to the box; the last valid filter stays applied.
import { useEffect, useRef } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { t } from '../../lib/i18n/messages';
import { parseFilter } from '../../lib/model/filter-query';
import { useRenderCount } from '../hooks/use-render-count';

export function FilterInput() {
  useRenderCount('filter');
  const { filter, locale, setFilter } = useUi(useShallow((s) => ({ filter: s.filter, locale: s.locale, setFilter: s.setFilter })));
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "/" focuses the filter from anywhere in the panel, Esc clears it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement?.tagName !== 'INPUT' && document.activeElement?.tagName !== 'TEXTAREA') {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const parsed = filter.trim() ? parseFilter(filter) : undefined;
  return (
    <span className="filter">
      <input
        ref={ref}
        data-testid="filter-input"
        type="search"
        placeholder={t('toolbar.filterPlaceholder', locale)}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !filter) return;
          // Clearing is what Escape did here: DevTools must not also open its console drawer.
          e.stopPropagation();
          setFilter('');
        }}
        aria-invalid={parsed !== undefined && !parsed.ok}
      />
      {parsed && !parsed.ok && (
        <span className="filter-error" data-testid="filter-error" role="alert">
          {parsed.error}
        </span>
      )}
    </span>
  );
}
