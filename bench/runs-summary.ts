// Context: node (bench). The "several full runs on one commit" table of bench/results.md: each
// row's value in every full run measured on the same code, the median of those runs with their
// min–max, and a verdict on that median. One run on a shared 2-core machine can be lucky or
// unlucky; the median of three or more is what the README reports.
import type { History, StoredRun } from './history';
import type { StoredRow } from './report';
import { median } from './stats';

/** The row's headline number: the first one in its value ("1.16 (0.84–1.63), cpu …" → 1.16; "26,175 /s" → 26175). */
export function leadNumber(value: string | undefined): number {
  const m = /[-+]?\d[\d,]*(\.\d+)?/.exec(value ?? '');
  return m ? Number(m[0].replace(/,/g, '')) : NaN;
}

/** Whether `x` meets a target written as "≤ 1.05", "≥ 50,000 /s", "< 2" or "0"; undefined when the row has none. */
export function meetsTarget(target: string, x: number): boolean | undefined {
  if (Number.isNaN(x)) return undefined;
  const m = /^\s*(≤|≥|<|>)?\s*([\d,]+(\.\d+)?)/.exec(target);
  if (!m) return undefined;
  const limit = Number(m[2].replace(/,/g, ''));
  switch (m[1]) {
    case '≥':
      return x >= limit;
    case '<':
      return x < limit;
    case '>':
      return x > limit;
    default:
      // "≤ n", or a bare number meaning "at most n" ("0" lost frames).
      return x <= limit;
  }
}

/** The latest full runs (up to `max`) measured on `commit`, oldest first. Dirty trees never count. */
export function fullRunsOnCommit(history: History, commit: string | undefined, max = 5): StoredRun[] {
  if (!commit || commit.endsWith('+dirty')) return [];
  return history.runs.filter((r) => !r.quick && r.commit === commit && r.rows.length).slice(-max);
}

function fmt(x: number): string {
  if (Number.isNaN(x)) return '–';
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : String(Math.round(x * 100) / 100);
}

/** Markdown for `runs` (two or more); an empty string otherwise. */
export function renderRunsSummary(runs: StoredRun[]): string {
  if (runs.length < 2) return '';
  // Each row as it first appears, in the order rows first appear (Map keeps insertion order).
  const first = new Map<string, StoredRow>();
  for (const r of runs) for (const row of r.rows) if (!first.has(row.key)) first.set(row.key, row);
  const lines = [
    `## ${runs.length} full runs on commit ${runs[0].commit}`,
    '',
    runs.map((r, i) => `Run ${i + 1}: ${r.when}, ${r.seconds} s, load average at start ${r.machine.loadAvg?.join(' / ') ?? '?'}.`).join(' '),
    `"median of runs" is the median of each run's headline number (the first number in its cell) with the runs' min–max; the verdict is on that median (and met only if most runs met the row), each run's own verdict beside it. The sizes in "what" are run 1's.`,
    '',
    `| what | target | ${runs.map((_, i) => `run ${i + 1}`).join(' | ')} | median of runs (min–max) | verdict |`,
    `|---|---|${runs.map(() => '---|').join('')}---|---|`,
  ];
  for (const [key, head] of first) {
    const cells = runs.map((r) => r.rows.find((x) => x.key === key));
    const nums = cells.map((c) => leadNumber(c?.value)).filter((x) => !Number.isNaN(x));
    const mid = median(nums);
    const spread = nums.length ? `${fmt(mid)} (${fmt(Math.min(...nums))}–${fmt(Math.max(...nums))})` : '–';
    const ok = meetsTarget(head.target, mid);
    const each = cells.map((c) => c?.verdict ?? '–');
    // A row's own verdict can weigh more than its headline (the long-line row needs wall and
    // CPU under 2): the median is met only if most runs met the row too.
    const judged = each.filter((v) => v === 'met' || v === 'MISSED');
    const mostMet = judged.length === 0 || judged.filter((v) => v === 'met').length * 2 > judged.length;
    const verdict = `${ok === undefined ? '–' : ok && mostMet ? 'met' : 'MISSED'}${each.some((v) => v !== '–') ? ` (${each.join(', ')})` : ''}`;
    lines.push(
      `| ${[head.what, head.target, ...cells.map((c) => c?.value ?? '–'), spread, verdict].map((s) => s.replace(/\|/g, '/')).join(' | ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}
