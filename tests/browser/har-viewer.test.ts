// Context: node (test). The standalone HAR viewer page of the extension opens a HAR saved by
// Chrome (with WebSocket messages) and shows its channels without DevTools; bad files get a
// clear message and the page stays usable.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Launched } from '../harness/chromium';

const FIXTURE = resolve(import.meta.dirname, '../unit/fixtures/har/chrome-websocket.har');

describe('standalone HAR viewer', () => {
  let b: Launched;
  let page: Page;
  beforeAll(async () => {
    b = await launch({ extension: true });
    page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/viewer.html`);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('opens a Chrome HAR and shows its WebSocket channel with every message', async () => {
    const har = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      log: { entries: { _resourceType?: string; request: { url: string }; _webSocketMessages?: { type: string }[] }[] };
    };
    const ws = har.log.entries.find((e) => e._resourceType === 'websocket')!;
    const messages = (ws._webSocketMessages ?? []).filter((m) => m.type !== 'error').length;
    await page.setInputFiles('[data-testid="import-har-file"]', FIXTURE);
    await page.waitForSelector('[data-testid="har-message"]');
    expect(await page.getAttribute('[data-testid="har-message"]', 'class')).toBe('ok');
    const row = page.locator(`[data-testid="channel-row"][data-kind="ws"][data-url="${ws.request.url}"]`);
    await row.click();
    expect(Number(await page.textContent('[data-testid="frame-count"]'))).toBe(messages);
  });

  it('explains a file that is not JSON and one that is cut short', async () => {
    await page.setInputFiles('[data-testid="import-har-file"]', {
      name: 'notes.har',
      mimeType: 'application/json',
      buffer: Buffer.from('hello, not json'),
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="har-message"]')?.className === 'bad');
    expect(await page.textContent('[data-testid="har-message"]')).toMatch(/JSON/);
    const cut = readFileSync(FIXTURE, 'utf8').slice(0, 300);
    await page.setInputFiles('[data-testid="import-har-file"]', { name: 'cut.har', mimeType: 'application/json', buffer: Buffer.from(cut) });
    await page.waitForFunction(() => /truncat|cut|end/i.test(document.querySelector('[data-testid="har-message"]')?.textContent ?? ''));
    expect(await page.textContent('[data-testid="har-message"]')).toMatch(/byte/i);
    // The previous import is still there: a bad file loses nothing.
    expect(await page.locator('[data-testid="channel-row"][data-kind="ws"]').count()).toBeGreaterThan(0);
  });
});
