// Context: pure (panel + model), no browser APIs.
// The advisor: turns one channel's measured facts into findings that quote numbers, in English
// or Simplified Chinese. Each rule module writes both languages side by side so a translation
// cannot drift from the numbers it quotes.

import type { Locale } from '../i18n/locale';
import { detectHeartbeat } from '../model/heartbeat';
import { classifyOne, type PollingStats } from '../model/polling';
import { buildChain, type ReconnectChain } from '../model/reconnect-chain';
import { closeCodeFindings, reconnectFindings, sseIdFindings, sseStatusFindings } from './connection-rules';
import { makeFmt } from './format';
import { heartbeatFindings, idleFindings, oneWayFindings } from './frame-rules';
import { longPollFindings, shortPollFindings } from './polling-rules';
import { handlerFindings } from './handler-rules';
import type { AdvisorInput, Draft, Finding, Severity } from './types';

export type { AdvisorFrame, AdvisorInput, ChannelKind, Finding, Severity } from './types';
export { HEADER_BYTES_PER_POLL } from './polling-rules';
export { PROXY_TIMEOUTS } from './proxy-timeouts';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

function pollStats(input: AdvisorInput): PollingStats | null {
  if (input.poll) return input.poll;
  const series = input.exchanges && input.exchanges.length > 0 ? classifyOne(input.exchanges) : null;
  return series ? series.stats : null;
}

/** Findings before localisation; exported for tests and for a panel that switches language live. */
export function draftFindings(input: AdvisorInput): Draft[] {
  const drafts: Draft[] = [];
  switch (input.kind) {
    case 'short-poll': {
      const stats = pollStats(input);
      if (stats) drafts.push(...shortPollFindings(input, stats));
      break;
    }
    case 'long-poll': {
      const stats = pollStats(input);
      if (stats) drafts.push(...longPollFindings(input, stats));
      break;
    }
    case 'ws':
    case 'sse':
    case 'fetch-stream': {
      const attempts = input.attempts ?? [];
      const frames = input.frames ?? [];
      const chain: ReconnectChain | null = attempts.length > 0 ? buildChain(attempts) : null;
      const hb = frames.length > 0 ? detectHeartbeat(frames) : null;
      if (chain) {
        drafts.push(...reconnectFindings(input, chain));
        drafts.push(...closeCodeFindings(input, chain));
      }
      drafts.push(...sseStatusFindings(input, attempts));
      drafts.push(...sseIdFindings(input, chain, frames));
      drafts.push(...heartbeatFindings(hb));
      drafts.push(...idleFindings(input, chain, frames, hb));
      drafts.push(...oneWayFindings(input, frames, hb));
      drafts.push(...handlerFindings(input));
      break;
    }
    case 'http':
      // An ordinary request/response has nothing push-specific to say; the status explainer
      // in the knowledge base already covers its codes.
      break;
  }
  // Stable sort: most severe first, rule order within a severity.
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity] || a.i - b.i)
    .map((x) => x.d);
}

export function localizeDraft(d: Draft, locale: Locale): Finding {
  const f = makeFmt(locale);
  const finding: Finding = {
    id: d.id,
    severity: d.severity,
    title: d.title[locale](f),
    detail: d.detail[locale](f),
    numbers: { ...d.numbers },
  };
  if (d.technique !== undefined) finding.technique = d.technique;
  if (d.sseRule !== undefined) finding.sseRule = d.sseRule;
  if (d.statusCode !== undefined) finding.statusCode = d.statusCode;
  if (d.closeCode !== undefined) finding.closeCode = d.closeCode;
  return finding;
}

export function adviseChannel(input: AdvisorInput, locale: Locale): Finding[] {
  return draftFindings(input).map((d) => localizeDraft(d, locale));
}
