// Context: panel. A status or close code with its plain-language explanation on hover or click.
// Text only: explanations come from our knowledge base, codes and reasons from the page.
import { useState } from 'react';
import { useUi } from '../../lib/store/ui-store';
import { explainHttpStatus, explainCloseCode, type Explanation } from '../../lib/knowledge';
import type { HttpStatusContext } from '../../lib/knowledge';
import { visibleText } from '../../lib/util/visible-text';
import { VisibleText } from './VisibleText';

type Props =
  | { status: number; context?: HttpStatusContext; close?: undefined }
  | { close: { code: number; reason: string; wasClean: boolean }; status?: undefined; context?: undefined };

export function Explain(props: Props) {
  const locale = useUi((s) => s.locale);
  const [open, setOpen] = useState(false);
  const exp: Explanation = props.close
    ? explainCloseCode(props.close.code, props.close.reason, props.close.wasClean, locale)
    : explainHttpStatus(props.status!, props.context, locale);
  const label = props.close ? String(props.close.code) : String(props.status);
  const cls = props.close
    ? props.close.code === 1000
      ? 'ok'
      : 'bad'
    : props.status! >= 400 || props.status === 0
      ? 'bad'
      : props.status! >= 300
        ? 'warn'
        : 'ok';
  return (
    <span
      className={`code-chip ${cls}`}
      data-testid="status-explain"
      data-code={label}
      tabIndex={0}
      title={visibleText(`${exp.title}\n\n${exp.body}`, { multiline: true })}
      onClick={(e) => {
        e.stopPropagation();
        setOpen(!open);
      }}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
    >
      {label}
      {open && (
        <span className="explain-pop" role="tooltip" data-testid="status-explain-text">
          <strong>
            <VisibleText text={exp.title} />
          </strong>
          {exp.body.split(/\n\n+/).map((p, i) => (
            <span key={i} className="para">
              <VisibleText text={p} multiline />
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
