// Context: panel. The Learn view: the four push techniques side by side, the WebSocket handshakes
// beside TCP's, the EventSource rules, and searchable references of HTTP status codes and
// WebSocket close codes, each linked to where it appears in this session.
import { useMemo, useState } from 'react';
import { useUi } from '../../../lib/store/ui-store';
import { useSession, useSessionVersion } from '../../hooks/use-session';
import { t } from '../../../lib/i18n/messages';
import { localize } from '../../../lib/i18n/locale';
import {
  TECHNIQUE_IDS,
  techniqueCard,
  techniqueComparison,
  handshakePairs,
  handshake,
  sseRules,
  httpStatusEntries,
  httpStatusClasses,
  closeCodeEntries,
  closeCodeRanges,
} from '../../../lib/knowledge';
import { codesSeen } from '../../../lib/store/codes-seen';
import { SeenIn } from './SeenIn';

export function LearnView() {
  const session = useSession();
  const version = useSessionVersion();
  const locale = useUi((s) => s.locale);
  const [query, setQuery] = useState('');
  // version: recount when traffic changed, not on every keystroke in the search box
  const seen = useMemo(() => codesSeen(session), [session, version]);
  const q = query.trim().toLowerCase();
  const match = (...texts: string[]) => !q || texts.some((x) => x.toLowerCase().includes(q));
  const L = (x: { en: string; 'zh-CN': string }) => localize(x, locale);
  return (
    <div className="learn" data-testid="learn-view">
      <section>
        <h2>{t('learn.techniques', locale)}</h2>
        <table className="compare" data-testid="technique-compare">
          <thead>
            <tr>
              <th />
              {TECHNIQUE_IDS.map((id) => (
                <th key={id}>
                  {L(techniqueCard(id).name)} <SeenIn channels={seen.techniques.get(id)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td />
              {TECHNIQUE_IDS.map((id) => (
                <td key={id} className="muted">
                  {L(techniqueCard(id).oneLine)}
                </td>
              ))}
            </tr>
            {techniqueComparison.map((axis) => (
              <tr key={axis.id}>
                <th>{L(axis.label)}</th>
                {TECHNIQUE_IDS.map((id) => (
                  <td key={id}>{L(axis.values[id])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t('learn.handshakes', locale)}</h2>
        {handshakePairs.map((pair) => (
          <div className="handshake-pair" key={pair.websocket}>
            {[pair.tcp, pair.websocket].map((id) => {
              const hs = handshake(id);
              return (
                <div className="handshake" key={id}>
                  <h4>{L(hs.title)}</h4>
                  <p className="muted">{L(hs.purpose)}</p>
                  <ol>
                    {hs.steps.map((st, i) => (
                      <li key={i}>
                        <span className={`party ${st.from}`}>{st.from === 'client' ? '→' : '←'}</span> <code>{st.wire}</code> — {L(st.detail)}
                      </li>
                    ))}
                  </ol>
                </div>
              );
            })}
          </div>
        ))}
      </section>

      <section>
        <h2>{t('learn.sseRules', locale)}</h2>
        <dl className="rules">
          {sseRules.map((r) => (
            <div key={r.id}>
              <dt>{L(r.title)}</dt>
              <dd>
                {L(r.body)}
                {r.example && <pre>{r.example}</pre>}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section>
        <h2>{t('learn.codes', locale)}</h2>
        <input
          data-testid="learn-search"
          type="search"
          placeholder={t('learn.searchCodes', locale)}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <h3>{t('learn.statusCodes', locale)}</h3>
        {(['1xx', '2xx', '3xx', '4xx', '5xx'] as const).map((cls) => {
          const entries = httpStatusEntries.filter(
            (e) => e.statusClass === cls && match(String(e.code), e.reason, L(e.summary), e.realtime ? L(e.realtime) : ''),
          );
          if (entries.length === 0) return null;
          return (
            <div key={cls}>
              <h4>
                {cls} · {L(httpStatusClasses[cls].label)}
              </h4>
              <p className="muted">{L(httpStatusClasses[cls].description)}</p>
              {entries.map((e) => (
                <div className="code-entry" key={e.code} data-testid="http-status-entry" data-code={e.code}>
                  <span className="code">{e.code}</span> <strong>{e.reason}</strong> <SeenIn channels={seen.http.get(e.code)} />
                  <div>{L(e.summary)}</div>
                  {e.realtime && <div className="realtime">{L(e.realtime)}</div>}
                </div>
              ))}
            </div>
          );
        })}
        <h3>{t('learn.closeCodes', locale)}</h3>
        {closeCodeEntries
          .filter((e) => match(String(e.code), e.name, L(e.summary), L(e.advice)))
          .map((e) => (
            <div className="code-entry" key={e.code} data-testid="close-code-entry" data-code={e.code}>
              <span className="code">{e.code}</span> <strong>{e.name}</strong> <SeenIn channels={seen.close.get(e.code)} />
              <div>{L(e.summary)}</div>
              <div className="realtime">{L(e.advice)}</div>
            </div>
          ))}
        {closeCodeRanges
          .filter((r) => match(`${r.from}-${r.to}`, r.name, t(`learn.range.${r.kind}`, locale), L(r.summary)))
          .map((r) => (
            <div className="code-entry" key={r.from}>
              <span className="code">
                {r.from}–{r.to}
              </span>{' '}
              <strong>{t(`learn.range.${r.kind}`, locale)}</strong>
              <div>{L(r.summary)}</div>
            </div>
          ))}
      </section>
    </div>
  );
}
