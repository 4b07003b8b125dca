// Context: panel. Collapsible JSON tree. Children render only when a node is opened, so a 5 MB
// document costs one level at a time. Values are rendered as text.
import { useState } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { t } from '../../lib/i18n/messages';
import { VisibleText } from './VisibleText';

const MAX_CHILDREN = 500;

export function JsonTree({ value, name, depth = 0 }: { value: unknown; name?: string; depth?: number }) {
  const [open, setOpen] = useState(depth < 1);
  const locale = useUi((s) => s.locale);
  const label =
    name !== undefined ? (
      <span className="json-key">
        <VisibleText text={name} />:{' '}
      </span>
    ) : null;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-leaf">
        {label}
        <span className={`json-${value === null ? 'null' : typeof value}`}>
          <VisibleText text={JSON.stringify(value)} />
        </span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  const summary = Array.isArray(value) ? `Array(${entries.length})` : `{${entries.length}}`;
  return (
    <div className="json-node">
      <span className="json-toggle" onClick={() => setOpen(!open)} role="button" tabIndex={0}>
        {open ? '▾' : '▸'} {label}
        <span className="json-summary">{summary}</span>
      </span>
      {open && (
        <div className="json-children">
          {entries.slice(0, MAX_CHILDREN).map(([k, v]) => (
            <JsonTree key={k} name={k} value={v} depth={depth + 1} />
          ))}
          {entries.length > MAX_CHILDREN && <div className="json-more">{t('json.more', locale, { count: entries.length - MAX_CHILDREN })}</div>}
        </div>
      )}
    </div>
  );
}

/** Parses text as JSON when it looks like an object or array; undefined otherwise. */
export function tryJson(text: string): unknown {
  const s = text.trimStart();
  if (!s.startsWith('{') && !s.startsWith('[')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
