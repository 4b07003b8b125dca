// Context: node (unit test). The bench's pure helpers: attributing a CPU profile to a script's
// top-level evaluation, the results history (including the old single-run file), row keys.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFloorExtension } from '../../bench/floor-extension';
import { agentStartupFromProfile, type CpuProfile } from '../../bench/cpu-profile';
import { readHistory, saveRun, lastFullRun, type StoredRun } from '../../bench/history';
import { rowKey } from '../../bench/report';
import { leadNumber, meetsTarget, fullRunsOnCommit, renderRunsSummary } from '../../bench/runs-summary';
import { pairedRatios, summarize, fmtSpread } from '../../bench/stats';

const AGENT = 'chrome-extension://abc/content-scripts/page-agent.js';
const frame = (functionName: string, url: string, lineNumber = 3, columnNumber = 10) => ({ functionName, url, lineNumber, columnNumber });

describe('agentStartupFromProfile', () => {
  // (root) → agent top-level (-1:-1) → install() → native; (root) → a page script; (root) → a later agent callback.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '', -1, -1), children: [2, 5, 6] },
      { id: 2, callFrame: frame('', AGENT, -1, -1), children: [3] },
      { id: 3, callFrame: frame('install', AGENT), children: [4] },
      { id: 4, callFrame: frame('defineProperty', '') },
      { id: 5, callFrame: frame('', 'http://127.0.0.1/page.html', -1, -1) },
      { id: 6, callFrame: frame('onTimer', AGENT) },
    ],
    startTime: 0,
    endTime: 1000,
    // Each sample's time is the delta to the next one.
    samples: [2, 3, 4, 5, 6, 1],
    timeDeltas: [0, 10, 20, 30, 40, 50],
  };

  it('sums self and children of the top-level evaluation only', () => {
    // node 2: 10, node 3: 20, node 4: 30 → 60; the page script and the later callback are not start-up.
    expect(agentStartupFromProfile(profile, '/content-scripts/page-agent.js')).toEqual({ totalUs: 60, nodes: 1 });
  });

  it('says when the script never ran', () => {
    expect(agentStartupFromProfile(profile, '/content-scripts/relay.js')).toEqual({ totalUs: 0, nodes: 0 });
  });
});

describe('bench history', () => {
  const run = (id: string, quick: boolean, value: string): StoredRun => ({
    id,
    when: id,
    quick,
    seconds: 1,
    machine: { cpu: 'x', cores: 2, memoryGiB: 1, loadAvg: [1, 1, 1], chromium: 'c', node: 'n' },
    rows: [{ key: 'k', what: 'k', target: '', value, compare: '', verdict: '' }],
    results: {},
  });

  it('keeps an old single-run file as the first run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-hist-')), 'results.json');
    writeFileSync(file, JSON.stringify({ when: '2026-11-26T17:00:09.702Z', quick: false, seconds: 491 }));
    const h = readHistory(file);
    expect(h.runs).toHaveLength(1);
    expect(h.runs[0].when).toBe('2026-11-26T17:00:09.702Z');
    expect(h.runs[0].quick).toBe(false);
  });

  it('appends runs, replaces a run saved again, and finds the previous full run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-hist-')), 'results.json');
    const h = readHistory(file);
    saveRun(file, h, run('a', false, '1'));
    saveRun(file, h, run('b', true, '2'));
    saveRun(file, h, run('c', false, '3'));
    saveRun(file, h, run('c', false, '4'));
    const again = readHistory(file);
    expect(again.runs.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(again.runs[2].rows[0].value).toBe('4');
    expect(lastFullRun(again, 'c')?.id).toBe('a');
  });
});

describe('report helpers', () => {
  it('matches rows across runs whatever their parenthesized numbers', () => {
    expect(rowKey('SSE flood 100k × 100 B, no panel (hooked/unhooked; unhooked median 792 ms)')).toBe(
      rowKey('SSE flood 50k × 100 B, no panel (hooked/unhooked; unhooked median 650 ms)'),
    );
    expect(rowKey('SSE flood 100k × 100 B, no panel')).not.toBe(rowKey('SSE flood 100k × 100 B, panel open, recording'));
  });

  it('shows the median with the rounds spread', () => {
    const s = summarize(pairedRatios([100, 100, 100], [110, 90, 130]));
    expect(s).toEqual({ median: 1.1, min: 0.9, max: 1.3, n: 3 });
    expect(fmtSpread(s)).toBe('1.1 (0.9–1.3)');
  });
});

describe('summary of several full runs on one commit', () => {
  const run = (id: string, commit: string, quick: boolean, value: string, verdict: string): StoredRun => ({
    id,
    when: id,
    quick,
    commit,
    seconds: 500,
    machine: { cpu: 'x', cores: 2, memoryGiB: 1, loadAvg: [1, 1, 1], chromium: 'c', node: 'n' },
    rows: [{ key: 'sse', what: 'SSE flood', target: '≤ 1.05', value, compare: '', verdict }],
    results: {},
  });

  it('reads a row headline number, thousands separators and signs included', () => {
    expect(leadNumber('1.16 (0.84–1.63), cpu 1.12')).toBe(1.16);
    expect(leadNumber('26,175 /s (page alone 28,344 /s)')).toBe(26175);
    expect(leadNumber('+3.7 MB (4.5 MB)')).toBe(3.7);
    expect(leadNumber('–')).toBeNaN();
  });

  it('judges a number against each way a target is written', () => {
    expect(meetsTarget('≤ 1.05', 1.05)).toBe(true);
    expect(meetsTarget('≤ 1.05', 1.06)).toBe(false);
    expect(meetsTarget('≥ 50,000 /s', 26175)).toBe(false);
    expect(meetsTarget('≥ 50,000 /s', 50000)).toBe(true);
    expect(meetsTarget('< 2', 2)).toBe(false);
    expect(meetsTarget('0', 0)).toBe(true);
    expect(meetsTarget('0', 1)).toBe(false);
    expect(meetsTarget('(none)', 3)).toBeUndefined();
  });

  it('takes only full runs of the same clean commit and judges their median', () => {
    const h = {
      runs: [
        run('a', 'abc', false, '1.50 (1.4–1.6)', 'MISSED'),
        run('b', 'abc', true, '0.50', 'met'),
        run('c', 'old', false, '0.90', 'met'),
        run('d', 'abc', false, '1.00 (0.9–1.1)', 'met'),
        run('e', 'abc', false, '1.04 (1.0–1.2)', 'met'),
      ],
    };
    const runs = fullRunsOnCommit(h, 'abc');
    expect(runs.map((r) => r.id)).toEqual(['a', 'd', 'e']);
    expect(fullRunsOnCommit(h, 'abc+dirty')).toEqual([]);
    const md = renderRunsSummary(runs);
    expect(md).toContain('## 3 full runs on commit abc');
    expect(md).toContain('| SSE flood | ≤ 1.05 | 1.50 (1.4–1.6) | 1.00 (0.9–1.1) | 1.04 (1.0–1.2) | 1.04 (1–1.5) | met (MISSED, met, met) |');
    expect(renderRunsSummary(runs.slice(0, 1))).toBe('');
    // A headline inside the target does not outvote rows that most runs judged MISSED.
    const cpuMissed = [run('f', 'x', false, '1.00', 'MISSED'), run('g', 'x', false, '1.01', 'MISSED'), run('h', 'x', false, '1.02', 'met')];
    expect(renderRunsSummary(cpuMissed)).toContain('| 1.01 (1–1.02) | MISSED (MISSED, MISSED, met) |');
  });
});

describe('page-load floor extension', () => {
  it("mirrors the build's content-script declarations with empty scripts and a service worker", () => {
    const built = mkdtempSync(join(tmpdir(), 'pushlens-built-'));
    const scripts = [
      { matches: ['<all_urls>'], js: ['relay.js'], run_at: 'document_start', all_frames: true, match_about_blank: true },
      { matches: ['<all_urls>'], js: ['content-scripts/page-agent.js'], world: 'MAIN', run_at: 'document_start', all_frames: true },
    ];
    writeFileSync(join(built, 'manifest.json'), JSON.stringify({ manifest_version: 3, content_scripts: scripts }));
    const floor = writeFloorExtension(built, join(built, 'floor'));
    const manifest = JSON.parse(readFileSync(join(floor, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts).toEqual(scripts);
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    for (const file of ['relay.js', 'content-scripts/page-agent.js', 'background.js'])
      expect(readFileSync(join(floor, file), 'utf8')).toMatch(/^\/\/[^\n]*\n$/);
  });

  it('refuses a build with no content script to mirror', () => {
    const built = mkdtempSync(join(tmpdir(), 'pushlens-built-'));
    writeFileSync(join(built, 'manifest.json'), JSON.stringify({ manifest_version: 3 }));
    expect(() => writeFloorExtension(built, join(built, 'floor'))).toThrow(/no content script/);
  });
});
