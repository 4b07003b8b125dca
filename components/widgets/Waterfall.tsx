// Context: panel. The phases of one request (DNS, TCP, TLS, waiting, download) as a small
// waterfall, from the timings DevTools recorded; each phase explained on hover.
import { useUi } from '../../lib/store/ui-store';
import { phasesFromHarTimings, requestPhaseInfo, type HarTimingsLike } from '../../lib/knowledge';
import { localize } from '../../lib/i18n/locale';

export function Waterfall({ timings }: { timings: HarTimingsLike }) {
  const locale = useUi((s) => s.locale);
  const phases = phasesFromHarTimings(timings);
  const total = phases.reduce((m, p) => Math.max(m, p.offsetMs + p.ms), 0) || 1;
  return (
    <div className="waterfall" data-testid="request-phases">
      {phases.map((p) => (
        <div key={p.phase} className="phase" title={localize(requestPhaseInfo[p.phase].hint, locale)} data-phase={p.phase}>
          <span className="phase-label">{localize(requestPhaseInfo[p.phase].label, locale)}</span>
          <span className="phase-track">
            <span
              className={`phase-bar ${p.phase}`}
              style={{ left: `${(p.offsetMs / total) * 100}%`, width: `${Math.max(0.5, (p.ms / total) * 100)}%` }}
            />
          </span>
          <span className="phase-ms">{p.ms < 10 ? p.ms.toFixed(1) : Math.round(p.ms)} ms</span>
        </div>
      ))}
    </div>
  );
}
