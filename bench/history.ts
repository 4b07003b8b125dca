// Context: node (bench). bench/results.json as a history: every run is appended with its machine,
// load average, commit and rows, so a number can always be compared with the run before it and
// with the code it was measured on. Older files held one run as an object: it becomes the first.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { renderRows, type StoredRow } from './report';
import type { BenchResults } from './run';
import type { MachineInfo } from './machine';

export interface StoredRun {
  id: string;
  when: string;
  quick: boolean;
  commit?: string;
  seconds: number;
  machine: MachineInfo;
  rows: StoredRow[];
  /** The raw measurements, for re-rendering or a closer look. */
  results: unknown;
}

export interface History {
  runs: StoredRun[];
}

/** Keeps the file reviewable in a diff: the oldest runs go first. */
const MAX_RUNS = 40;

export function readHistory(file: string): History {
  if (!existsSync(file)) return { runs: [] };
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (raw && typeof raw === 'object' && Array.isArray((raw as History).runs)) return raw as History;
    // The single-run format before the history: keep it as the first run, its rows rendered anew
    // so the next full run has a previous one to stand beside.
    const old = raw as { when?: string; quick?: boolean; seconds?: number; machine?: MachineInfo };
    if (old?.when)
      return {
        runs: [
          {
            id: old.when,
            when: old.when,
            quick: !!old.quick,
            seconds: old.seconds ?? 0,
            machine: old.machine ?? ({ loadAvg: [] } as unknown as MachineInfo),
            rows: safeRows(raw as BenchResults),
            results: raw,
          },
        ],
      };
  } catch {
    /* unreadable: start over rather than fail the bench */
  }
  return { runs: [] };
}

function safeRows(results: BenchResults): StoredRow[] {
  try {
    return renderRows(results);
  } catch {
    return [];
  }
}

/** Adds or replaces (same id: a run saves after each part) `run` and writes the file. */
export function saveRun(file: string, history: History, run: StoredRun): void {
  const i = history.runs.findIndex((r) => r.id === run.id);
  if (i >= 0) history.runs[i] = run;
  else history.runs.push(run);
  history.runs = history.runs.slice(-MAX_RUNS);
  writeFileSync(file, JSON.stringify(history, null, 2) + '\n');
}

/** The latest full (not --quick) run other than `exceptId`. */
export function lastFullRun(history: History, exceptId?: string): StoredRun | undefined {
  for (let i = history.runs.length - 1; i >= 0; i--) {
    const r = history.runs[i];
    if (!r.quick && r.id !== exceptId && r.rows.length) return r;
  }
  return undefined;
}

export function gitCommit(cwd: string): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results.json', ':!bench/results.md'], {
      cwd,
      encoding: 'utf8',
    }).trim();
    // Uncommitted changes mean the numbers are not of that commit: say so.
    return dirty ? `${head}+dirty` : head;
  } catch {
    return undefined;
  }
}
