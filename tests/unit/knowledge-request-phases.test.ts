// Context: node (test runner). Resource Timing → request phases.

import { describe, expect, it } from 'vitest';
import { isTimingRestricted, phasesFromResourceTiming, requestPhaseInfo, totalDurationMs, type ResourceTimingLike } from '../../lib/knowledge';

// Shape of a first HTTPS request to a new host, with one redirect (ms since navigation start).
const fresh: ResourceTimingLike = {
  startTime: 1000,
  redirectStart: 1000,
  redirectEnd: 1040,
  domainLookupStart: 1041,
  domainLookupEnd: 1061.5,
  connectStart: 1061.5,
  connectEnd: 1130,
  secureConnectionStart: 1090,
  requestStart: 1130.2,
  responseStart: 1330.2,
  responseEnd: 1380.2,
};

describe('phasesFromResourceTiming', () => {
  it('splits a fresh HTTPS request into every phase, with TLS carved out of connect', () => {
    const phases = phasesFromResourceTiming(fresh);
    expect(phases.map((p) => p.phase)).toEqual(['redirect', 'dns', 'tcp', 'tls', 'waiting', 'download']);
    const ms = Object.fromEntries(phases.map((p) => [p.phase, p.ms]));
    expect(ms.redirect).toBeCloseTo(40);
    expect(ms.dns).toBeCloseTo(20.5);
    expect(ms.tcp).toBeCloseTo(28.5);
    expect(ms.tls).toBeCloseTo(40);
    expect(ms.waiting).toBeCloseTo(200);
    expect(ms.download).toBeCloseTo(50);
    expect(phases.find((p) => p.phase === 'waiting')?.offsetMs).toBeCloseTo(130.2);
  });

  it('drops phases that took no time on a reused HTTP connection', () => {
    const reused: ResourceTimingLike = {
      startTime: 5000,
      redirectStart: 0,
      redirectEnd: 0,
      domainLookupStart: 5000.1,
      domainLookupEnd: 5000.1,
      connectStart: 5000.1,
      connectEnd: 5000.1,
      secureConnectionStart: 0,
      requestStart: 5000.3,
      responseStart: 35000.3, // a 30 s long-poll hold
      responseEnd: 35001,
    };
    const phases = phasesFromResourceTiming(reused);
    expect(phases.map((p) => p.phase)).toEqual(['waiting', 'download']);
    expect(phases[0]?.ms).toBeCloseTo(30000);
  });

  it('returns nothing for a cross-origin entry without Timing-Allow-Origin, but keeps the total', () => {
    const hidden: ResourceTimingLike = {
      startTime: 200,
      redirectStart: 0,
      redirectEnd: 0,
      domainLookupStart: 0,
      domainLookupEnd: 0,
      connectStart: 0,
      connectEnd: 0,
      secureConnectionStart: 0,
      requestStart: 0,
      responseStart: 0,
      responseEnd: 450,
    };
    expect(phasesFromResourceTiming(hidden)).toEqual([]);
    expect(isTimingRestricted(hidden)).toBe(true);
    expect(isTimingRestricted(fresh)).toBe(false);
    expect(totalDurationMs(hidden)).toBe(250);
  });

  it('ignores a secureConnectionStart outside the connect span', () => {
    const odd = { ...fresh, secureConnectionStart: 2000 };
    const phases = phasesFromResourceTiming(odd);
    expect(phases.some((p) => p.phase === 'tls')).toBe(false);
    expect(phases.find((p) => p.phase === 'tcp')?.ms).toBeCloseTo(68.5);
  });

  it('reports no total for a request still in flight', () => {
    expect(totalDurationMs({ startTime: 100, responseEnd: 0 })).toBeNull();
  });

  it('has bilingual labels for every phase', () => {
    for (const info of Object.values(requestPhaseInfo)) {
      expect(info.label.en.length).toBeGreaterThan(0);
      expect(info.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(info.hint['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('phasesFromHarTimings', () => {
  it('splits TLS out of connect and merges send and wait', async () => {
    const { phasesFromHarTimings } = await import('../../lib/knowledge/request-phases');
    expect(phasesFromHarTimings({ blocked: 2, dns: 10, connect: 30, ssl: 12, send: 1, wait: 40, receive: 5 })).toEqual([
      { phase: 'dns', ms: 10, offsetMs: 2 },
      { phase: 'tcp', ms: 18, offsetMs: 12 },
      { phase: 'tls', ms: 12, offsetMs: 30 },
      { phase: 'waiting', ms: 41, offsetMs: 42 },
      { phase: 'download', ms: 5, offsetMs: 83 },
    ]);
  });
  it('skips phases that did not happen (-1) on a reused connection', async () => {
    const { phasesFromHarTimings } = await import('../../lib/knowledge/request-phases');
    expect(phasesFromHarTimings({ blocked: 0.5, dns: -1, connect: -1, ssl: -1, send: 0.2, wait: 25000, receive: 1 }).map((p) => p.phase)).toEqual([
      'waiting',
      'download',
    ]);
  });
});
