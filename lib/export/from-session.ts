// Context: panel (pure over the Session, no browser APIs). The panel's export path for mocks:
// the chosen part of the session (everything, one channel, or the time range brushed on the
// timeline) → the same HAR the HAR export writes (so redaction is HAR export's own) → a replay
// script → the file text. One path for every format keeps them in agreement with the HAR.
import { exportHar, type HarConnection, type HarExportInput } from '../har';
import { sessionToHarInput } from '../store/session-har';
import type { Session } from '../store/session';
import { harToScript, type ReplayScript } from './script';
import { toMswHandlers, type MockExportOptions } from './msw';
import { toPlaywrightTest } from './playwright';

export type MockFormat = 'msw' | 'playwright';

export interface MockScope {
  /** Only these channels (the selected one); all when unset. */
  channels?: Set<number>;
  /** Only what happened inside this time range (epoch ms, the timeline brush). */
  range?: { start: number; end: number };
}

const inRange = (t: number, r: { start: number; end: number }) => t >= r.start && t <= r.end;

/** Keeps what happened inside the range: frames, events and exchanges; a close only if it fell inside. */
export function clipToRange(input: HarExportInput, range: { start: number; end: number }): HarExportInput {
  const connections: HarConnection[] = [];
  for (const c of input.connections) {
    const end = c.closedAt ?? c.http?.end ?? Number.POSITIVE_INFINITY;
    if (end < range.start || c.createdAt > range.end) continue;
    const out: HarConnection = { ...c };
    if (c.frames) out.frames = c.frames.filter((f) => inRange(f.time, range));
    if (c.events) out.events = c.events.filter((e) => inRange(e.time, range));
    if (c.http && !c.events && !inRange(c.http.start, range)) continue;
    if (c.closedAt !== undefined && !inRange(c.closedAt, range)) {
      delete out.close;
      delete out.closedAt;
      out.errored = false;
    }
    // Delays of the first messages count from the range start, not from an open long before it.
    if (c.openedAt !== undefined && c.openedAt < range.start) out.openedAt = range.start;
    connections.push(out);
  }
  return { ...input, connections };
}

export function sessionScript(session: Session, scope: MockScope, redact: boolean, pageUrl?: string): ReplayScript {
  let input = sessionToHarInput(session, scope.channels, pageUrl);
  if (scope.range) input = clipToRange(input, scope.range);
  // Through JSON, as a file would be: the script reads exactly what a HAR export would contain.
  return harToScript(JSON.parse(JSON.stringify(exportHar(input, { redact })))).script;
}

export function mockFileText(script: ReplayScript, format: MockFormat, options: MockExportOptions = {}): string {
  return format === 'msw' ? toMswHandlers(script, options) : toPlaywrightTest(script, options);
}

export const MOCK_FILE_NAMES: Record<MockFormat, string> = {
  msw: 'pushlens-handlers.mjs',
  playwright: 'pushlens-replay.spec.ts',
};
