// Context: node (bench). The panel with a channel of 1M frames: the longest panel main-thread task
// while a user switches to that channel, and while they type a filter into it key by key. Every
// panel task must stay ≤ 50 ms (issue 15: "switching to a channel with 1M frames and typing a
// filter keep every panel task ≤ 50 ms").
import { clearPanel, settlePanel, type BenchBrowser } from './browsers';
import { OBSERVE, STOP, clickChannelRow, readStream, type ProbeReading } from './panel-bench';

export interface BigChannelResult {
  frames: number;
  /** Frames the Session held when measuring (the page's count must all be there). */
  held: number;
  /** Fed how fast (page → Session), for context. */
  feedMs: number;
  /** From the click on the channel row until 2 s after. */
  switchTo: ProbeReading;
  /** From the first key until 2 s after the last. */
  typing: ProbeReading;
  /** What was typed, and how many rows the last filter left. */
  typed: string;
  filteredRows: number;
}

/** A query the 1M frames partly match: the payloads carry their index, so "7" narrows to ~half, "77" to ~a fifth... */
const TYPED = '"i":77';

/** Called around each measured phase (bench/profile-big-channel.ts profiles them). */
export type PhaseHook = (phase: 'switch' | 'type', edge: 'start' | 'stop') => Promise<void>;

export async function measureBigChannel(
  b: BenchBrowser,
  frames: number,
  size: number,
  log: (s: string) => void,
  around: PhaseHook = async () => {},
): Promise<BigChannelResult> {
  await clearPanel(b);
  const small = `big-other-${Date.now()}`;
  const big = `big-${Date.now()}`;
  // A small channel to switch from, then the big one, both fed through the real pipeline.
  await readStream(b, 100, size, small, 0);
  await settlePanel(b, small, 100, 10_000);
  const t0 = Date.now();
  const page = await readStream(b, frames, size, big, 0);
  const got = await settlePanel(b, big, page.count, 30_000);
  const feedMs = Date.now() - t0;
  log(`  ${got.frames} frames in the big channel after ${feedMs} ms`);
  await selectChannel(b, small);
  await new Promise((r) => setTimeout(r, 1000));

  await around('switch', 'start');
  await b.panel!.evaluate(`void (globalThis.__benchSwitch = ${OBSERVE})`);
  await selectChannel(b, big);
  await new Promise((r) => setTimeout(r, 2000));
  const switchTo = await b.panel!.evaluate<ProbeReading>(STOP('__benchSwitch'));
  await around('switch', 'stop');

  await around('type', 'start');
  await b.panel!.evaluate(`void (globalThis.__benchType = ${OBSERVE})`);
  // Key by key at a brisk typist's pace; each key is a React onChange as a real keystroke gives.
  const filteredRows = await b.panel!.evaluate<number>(`(async () => {
    const input = document.querySelector('[data-testid="filter-input"]');
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    input.focus();
    const text = ${JSON.stringify(TYPED)};
    for (let k = 1; k <= text.length; k++) {
      set.call(input, text.slice(0, k));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 120));
    }
    await new Promise((r) => setTimeout(r, 2000));
    return Number(document.querySelector('[data-testid="filtered-count"]')?.dataset.count ?? -1);
  })()`);
  const typing = await b.panel!.evaluate<ProbeReading>(STOP('__benchType'));
  await around('type', 'stop');
  await clearPanel(b);
  return { frames: page.count, held: got.frames, feedMs, switchTo, typing, typed: TYPED, filteredRows };
}

async function selectChannel(b: BenchBrowser, tag: string): Promise<void> {
  if (!(await clickChannelRow(b, tag))) throw new Error(`big channel bench: no channel row for ${tag}`);
}
