// Context: node (browser test). Issue #13 item 9: a HAR of 100k entries once gave one 62 s task
// and 100k channel rows in the DOM. Imported here in the real DevTools panel: the import runs in
// slices (the page's timers keep getting turns while it runs, and the progress bar moves), and
// the channel list keeps a bounded number of rows in the DOM. In the standalone viewer (same
// HarControls), Cancel stops an import leaving nothing half loaded. The longest task is printed,
// not asserted (timings belong to the bench).
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../harness/chromium';
import { waitFor } from '../harness/cdp';
import { startFixtureSession, type FixtureSession } from './fixtures-frames/session';
import { installImportProbe, prepareGeneratedHar, pickPreparedHar, readImportProbe, cancelImport, callSource } from './har-import-page';

const ENTRIES = 100_000;
/** Cancelling needs no 100k (the panel test has them): a file that takes a few slices to load. */
const CANCEL_ENTRIES = 20_000;
type Evaluate = <T>(source: string) => Promise<T>;
type ImportResult = ReturnType<typeof readImportProbe>;

async function importAndWait(evaluate: Evaluate, name: string, entries = ENTRIES): Promise<ImportResult> {
  await evaluate(callSource(prepareGeneratedHar, { entries, name }));
  await evaluate(callSource(installImportProbe));
  await evaluate(callSource(pickPreparedHar));
  return waitFor(
    async () => {
      const r = await evaluate<ImportResult>(callSource(readImportProbe));
      return r.done ? r : undefined;
    },
    `the import of ${name}`,
    150_000,
    500,
  );
}

function expectSlicedAndBounded(r: ImportResult, name: string, where: string): void {
  console.log(
    `${where}, ${ENTRIES} entries: ${r.turns} timer turns during the import, ${r.progressValues.length} progress values, longest task ${Math.round(r.longest)} ms (${r.longTasks} long tasks), ${r.rows} of ${r.total} channel rows in the DOM`,
  );
  expect(r.message, r.message).toContain(name);
  expect(r.ok).toBe(true);
  // Sliced: the page got turns between slices and the bar showed the import moving.
  expect(r.sawProgress).toBe(true);
  expect(r.progressValues.length).toBeGreaterThanOrEqual(3);
  expect(r.turns).toBeGreaterThanOrEqual(10);
  // Every entry is a channel of its own (distinct URLs); only a screenful is in the DOM.
  expect(r.total).toBeGreaterThanOrEqual(ENTRIES / 2);
  expect(r.rows).toBeGreaterThan(0);
  expect(r.rows).toBeLessThanOrEqual(80);
  expect(r.progressGone).toBe(true);
}

describe('importing a 100k-entry HAR in the real DevTools panel', () => {
  let s: FixtureSession;
  beforeAll(async () => {
    s = await startFixtureSession('/uploads.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loads in slices, shows progress, keeps the channel list DOM bounded', async () => {
    const r = await importAndWait((src) => s.panel.panel.evaluate(src), 'big.har');
    expectSlicedAndBounded(r, 'big.har', 'panel');
  });
});

describe('cancelling a HAR import in the standalone viewer', () => {
  let b: Launched;
  let page: Page;
  const evaluate: Evaluate = (src) => page.evaluate(src);
  beforeAll(async () => {
    b = await launch({ extension: true });
    page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/viewer.html`);
    await page.waitForFunction(() => !!document.querySelector('[data-testid="import-har-file"]'));
  });
  afterAll(async () => {
    await b?.close();
  });

  it('Cancel stops an import and leaves nothing half loaded', async () => {
    const first = await importAndWait(evaluate, 'first.har', CANCEL_ENTRIES);
    expect(first.ok, first.message).toBe(true);
    await evaluate(callSource(prepareGeneratedHar, { entries: CANCEL_ENTRIES, name: 'cancel-me.har' }));
    await evaluate(callSource(installImportProbe));
    await evaluate(callSource(pickPreparedHar));
    await waitFor(() => evaluate<boolean>(callSource(cancelImport)), 'the Cancel button', 30_000, 50);
    const r = await waitFor(
      async () => {
        const x = await evaluate<ImportResult>(callSource(readImportProbe));
        return x.done ? x : undefined;
      },
      'the cancelled message',
      30_000,
    );
    expect(r.message).toMatch(/cancel/i);
    expect(r.ok).toBe(false);
    expect(r.progressGone).toBe(true);
    // The session holds either the previous file (cancelled while parsing) or nothing (while loading), never part of this one.
    expect(r.total === 0 || r.total === first.total, `${r.total} channels after the cancel, ${first.total} before`).toBe(true);
  });
});
