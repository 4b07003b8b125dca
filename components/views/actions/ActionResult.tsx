// Context: panel. The outcome of the last action, in words: what was done or why not.
import { useUi } from '../../../lib/store/ui-store';

export function ActionResult() {
  const result = useUi((s) => s.actionResult);
  if (!result) return null;
  return (
    <span className={`action-result ${result.ok ? 'ok' : 'bad'}`} data-testid="action-result" data-ok={result.ok} role="status">
      {result.text}
    </span>
  );
}

export function report(ok: boolean, text: string): void {
  useUi.getState().report(ok, text);
}
