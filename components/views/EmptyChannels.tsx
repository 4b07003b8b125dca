// Context: panel. The channel list before any traffic: why there is nothing yet (traffic starts
// when the page opens a connection; connections opened before PushLens was installed need a
// reload), a button that reloads the inspected page and a way into the Learn view.
import { useUi } from '../../lib/store/ui-store';
import { useShallow } from 'zustand/shallow';
import { t } from '../../lib/i18n/messages';
import { canReloadInspectedPage, reloadInspectedPage } from '../../lib/panel/inspected-page';
import { Icon } from '../widgets/Icon';

export function EmptyChannels() {
  const { locale, setTab } = useUi(useShallow((s) => ({ locale: s.locale, setTab: s.setTab })));
  return (
    <div className="empty empty-channels" data-testid="empty-channels">
      <p>{t('empty.noChannels', locale)}</p>
      <p className="muted">{t('empty.why', locale)}</p>
      <p className="empty-actions">
        {canReloadInspectedPage() && (
          <button data-testid="empty-reload" onClick={reloadInspectedPage}>
            <Icon name="reload" /> {t('empty.reload', locale)}
          </button>
        )}
        <button data-testid="empty-learn" onClick={() => setTab('learn')}>
          {t('empty.learn', locale)}
        </button>
      </p>
    </div>
  );
}
