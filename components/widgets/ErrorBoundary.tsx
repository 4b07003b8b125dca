// Context: panel and standalone viewer. Keeps one pane's failure from blanking the panel: the
// pane is replaced by what failed (the error message and the component, as text) with "Retry"
// and "Copy diagnostics", and every other pane keeps working. A boundary also resets by itself
// when its resetKey changes (another channel or frame selected).
import { Component, useState, version as reactVersion, type ErrorInfo, type ReactNode } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { t, type MessageKey } from '../../lib/i18n/messages';
import { buildDiagnostics, errorSummary, failedComponent } from './diagnostics';

export type PaneId =
  | 'panel'
  | 'viewer'
  | 'toolbar'
  | 'settings'
  | 'har'
  | 'export'
  | 'timeline'
  | 'channels'
  | 'channel'
  | 'actions'
  | 'composer'
  | 'frames'
  | 'detail'
  | 'connections'
  | 'insights'
  | 'learn';

interface Props {
  pane: PaneId;
  /** When it changes, a failed pane tries again. */
  resetKey?: unknown;
  /** Inline (a toolbar menu) instead of a block. */
  inline?: boolean;
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
  componentStack: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failed: false, componentStack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' });
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.failed && !Object.is(prev.resetKey, this.props.resetKey)) this.reset();
  }

  reset = (): void => this.setState({ error: null, failed: false, componentStack: '' });

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <PaneError
        pane={this.props.pane}
        inline={this.props.inline}
        error={this.state.error}
        componentStack={this.state.componentStack}
        onRetry={this.reset}
      />
    );
  }
}

function versions(): Record<string, string | undefined> {
  const manifest = typeof chrome !== 'undefined' ? chrome.runtime?.getManifest?.() : undefined;
  return { pushlens: manifest?.version, react: reactVersion, browser: typeof navigator !== 'undefined' ? navigator.userAgent : undefined };
}

function PaneError({
  pane,
  inline,
  error,
  componentStack,
  onRetry,
}: {
  pane: PaneId;
  inline?: boolean;
  error: unknown;
  componentStack: string;
  onRetry: () => void;
}) {
  const locale = useUi((s) => s.locale);
  const viewer = useUi((s) => s.viewer);
  const [copy, setCopy] = useState<{ ok: boolean; text: string } | null>(null);
  const { name, message } = errorSummary(error);
  const component = failedComponent(componentStack);
  const label = t(`pane.${pane}` as MessageKey, locale);
  const onCopy = () => {
    const text = buildDiagnostics({ pane, error, componentStack, versions: versions(), context: { view: viewer ? 'viewer' : 'panel', locale } });
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) return setCopy({ ok: false, text });
    clipboard.writeText(text).then(
      () => setCopy({ ok: true, text }),
      () => setCopy({ ok: false, text }),
    );
  };
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className={`error-boundary${inline ? ' inline' : ''}`} data-testid="error-boundary" data-pane={pane} role="alert">
      <strong>{t('error.failed', locale, { pane: label })}</strong>{' '}
      <span className="error-message" data-testid="error-message">
        {name}: {message}
      </span>
      {component && (
        <span className="muted" data-testid="error-component">
          {' '}
          ({component})
        </span>
      )}
      {!inline && <span className="muted error-rest">{t('error.rest', locale)}</span>}
      <span className="error-buttons">
        <button data-testid="error-retry" onClick={onRetry}>
          {t('error.retry', locale)}
        </button>
        <button data-testid="error-copy" onClick={onCopy}>
          {t('error.copy', locale)}
        </button>
      </span>
      {copy?.ok && (
        <span className="ok" role="status">
          {t('error.copied', locale)}
        </span>
      )}
      {copy && !copy.ok && (
        <>
          <span className="warn">{t('error.copyManually', locale)}</span>
          <textarea className="error-diagnostics" data-testid="error-diagnostics" readOnly value={copy.text} onFocus={(e) => e.target.select()} />
        </>
      )}
    </Tag>
  );
}
