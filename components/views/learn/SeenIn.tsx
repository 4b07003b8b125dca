// Context: panel. "Seen on N channels" with a jump to the first one: ties a reference entry to
// the user's own traffic.
import { useUi } from '../../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { t } from '../../../lib/i18n/messages';

export function SeenIn({ channels }: { channels: Set<number> | undefined }) {
  const { locale, set } = useUi(useShallow((s) => ({ locale: s.locale, set: s.set })));
  if (!channels || channels.size === 0) return null;
  const first = Math.min(...channels);
  return (
    <button className="seen-in" data-testid="seen-in" onClick={() => set({ tab: 'traffic', selectedChannel: first, selectedFrame: null })}>
      {t('learn.seenIn', locale, { count: channels.size })}
    </button>
  );
}
