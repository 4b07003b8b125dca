// Context: panel. How many records were lost: what the pages' buffers lost before the panel read
// them, plus what the panel's own memory budget evicted (previews or whole frames). Every loss is
// counted where people look. Subscribes to the Session on its own so the toolbar around it does
// not re-render with every ingest.
import { useUi } from '../../lib/store/ui-store';
import { useSession, useSessionVersion } from '../hooks/use-session';
import { t } from '../../lib/i18n/messages';

export function DroppedCount() {
  const session = useSession();
  useSessionVersion();
  const locale = useUi((s) => s.locale);
  let dropped = 0;
  for (const a of session.agents.values()) dropped += a.dropped;
  for (const d of session.drops) if (d.kind === 'panel-frames' || d.kind === 'panel-previews') dropped += d.count ?? 0;
  if (dropped === 0) return null;
  return (
    <span className="dropped" data-testid="dropped-count" title={t('records.droppedHint', locale)}>
      {t('records.dropped', locale, { count: dropped })}
    </span>
  );
}
