// Context: panel. "Seen on N channels" with a jump to the first one: ties a reference entry to
// the user's own traffic.
import { useUi } from '../../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { t } from '../../../lib/i18n/messages';

export function SeenIn({ channels }: { channels: Set<number> | undefined }) {
  const { locale, showChannel } = useUi(useShallow((s) => ({ locale: s.locale, showChannel: s.showChannel })));
  if (!channels || channels.size === 0) return null;
  const first = Math.min(...channels);
  return (
    <button className="seen-in" data-testid="seen-in" onClick={() => showChannel(first)}>
      {t('learn.seenIn', locale, { count: channels.size })}
    </button>
  );
}
