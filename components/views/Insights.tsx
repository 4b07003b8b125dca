// Context: panel. What this channel teaches: the push technique it uses (the card from the
// knowledge base), the channel's own numbers, and the advisor's findings with those numbers.
import { useUi } from '../../lib/store/ui-store';
import { useSession } from '../hooks/use-session';
import { adviseChannel } from '../../lib/advisor';
import { advisorInput } from '../../lib/store/advisor-input';
import { techniqueCard, type TechniqueId } from '../../lib/knowledge';
import { localize, type Locale } from '../../lib/i18n/locale';
import { t } from '../../lib/i18n/messages';
import type { Channel } from '../../lib/store/session-types';
import { HandlerHistogram } from './HandlerHistogram';

function techniqueOf(kind: Channel['kind']): TechniqueId | undefined {
  if (kind === 'fetch-stream') return 'sse';
  if (kind === 'http') return undefined;
  return kind;
}

function secs(ms: number, locale: Locale): string {
  return ms >= 1000 ? t('chain.seconds', locale, { value: (ms / 1000).toFixed(1) }) : t('chain.ms', locale, { value: Math.round(ms) });
}

/** The polling verdict's reason in the panel's language, rebuilt from the same numbers. */
function pollReason(poll: NonNullable<Channel['poll']>, locale: Locale): string {
  const s = poll.stats;
  if (poll.kind === 'long-poll')
    return t('learn.pollReasonLong', locale, { hold: secs(s.holdMedianMs, locale), gap: secs(Math.max(0, s.gapMedianMs), locale) });
  if (poll.kind === 'short-poll') {
    const hold = Number.isFinite(s.holdMedianMs) ? secs(s.holdMedianMs, locale) : t('learn.unknownTime', locale);
    return t('learn.pollReasonShort', locale, { cadence: secs(s.cadenceMs, locale), pct: Math.round(s.jitterRatio * 100), hold });
  }
  return poll.reason;
}

export function Insights({ channel }: { channel: Channel }) {
  const session = useSession();
  const locale = useUi((s) => s.locale);
  const input = advisorInput(session, channel);
  const findings = adviseChannel(input, locale);
  const handlerTimes = input.handlerTimes ?? [];
  const tech = techniqueOf(channel.kind);
  const card = tech ? techniqueCard(tech) : undefined;
  const stats = channel.poll?.stats;
  return (
    // Focusable: the view scrolls (findings, histogram, technique card) and keyboard users must reach all of it.
    <div className="insights" data-testid="insights" tabIndex={0}>
      {findings.length > 0 && (
        <section>
          <h3>{t('insights.findings', locale)}</h3>
          {findings.map((f) => (
            <div key={f.id} className={`finding ${f.severity}`} data-testid="finding" data-finding={f.id} data-numbers={JSON.stringify(f.numbers)}>
              <strong>{f.title}</strong>
              <div>{f.detail}</div>
            </div>
          ))}
        </section>
      )}
      {handlerTimes.length > 0 && (
        <section>
          <h3>{t('insights.handlerTime', locale)}</h3>
          <HandlerHistogram values={handlerTimes.map((h) => h.ms)} locale={locale} />
        </section>
      )}
      {stats && channel.kind !== 'http' && (
        <section>
          <h3>{t('insights.numbers', locale)}</h3>
          <table className="kv">
            <tbody>
              <tr>
                <td>{t('insights.cadence', locale)}</td>
                <td>
                  {t('chain.seconds', locale, { value: (stats.cadenceMs / 1000).toFixed(1) })} ±{' '}
                  {t('chain.seconds', locale, { value: (stats.jitterMs / 1000).toFixed(1) })}
                </td>
              </tr>
              <tr>
                <td>{t('insights.hold', locale)}</td>
                <td>{t('chain.seconds', locale, { value: (stats.holdMedianMs / 1000).toFixed(2) })}</td>
              </tr>
              <tr>
                <td>{t('insights.rpm', locale)}</td>
                <td>{stats.requestsPerMinute.toFixed(1)}</td>
              </tr>
              <tr>
                <td>{t('insights.unchanged', locale)}</td>
                <td data-testid="unchanged-share">{Math.round(stats.unchangedShare * 100)}%</td>
              </tr>
              <tr>
                <td>{t('insights.errors', locale)}</td>
                <td>{Math.round(stats.errorShare * 100)}%</td>
              </tr>
            </tbody>
          </table>
          {channel.poll && <p className="muted">{pollReason(channel.poll, locale)}</p>}
        </section>
      )}
      {card && (
        <section className="technique-card" data-testid="technique-card" data-technique={card.id}>
          <h3>{localize(card.name, locale)}</h3>
          <p>{localize(card.oneLine, locale)}</p>
          <p>{localize(card.howItWorks, locale)}</p>
          <div className="pros-cons">
            <ul className="pros">
              {card.strengths.map((s, i) => (
                <li key={i}>{localize(s, locale)}</li>
              ))}
            </ul>
            <ul className="cons">
              {card.costs.map((s, i) => (
                <li key={i}>{localize(s, locale)}</li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </div>
  );
}
