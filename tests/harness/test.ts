// Context: node (Playwright test runner). The browser and e2e suites' test API: Vitest's names
// (describe, it, expect, beforeAll, afterAll, beforeEach, afterEach) on @playwright/test, so a
// browser test written against 'vitest' moves here by changing its import line only:
//
//   import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
//
// Semantics kept from the Vitest suite: a file's tests share state (variables set in beforeAll)
// and run one after another, in file order, in one worker (`workers: 1`, not fullyParallel).
// As in Vitest, a failure does not skip the tests after it: Playwright replaces the worker, runs
// the file's afterAll, then beforeAll again for the remaining tests (so one failing probe group
// still lets the others report). Playwright's `expect` takes the same matchers we use,
// including a custom message as second argument.
// Also: harness calls without a `browser` option (startDemoSession, launchBrowser) launch the
// running project's browser, Chromium or Firefox; and when a test fails, screenshots of every
// open page and of DevTools are attached to the report (test-artifacts/).
// `it` and the hooks are Playwright's own (not wrappers), so reports point at the test file's lines.
import { test, expect as playwrightExpect, type TestInfo } from '@playwright/test';
import { failureScreenshots } from './artifacts';
import { setProjectLookup } from './target';

setProjectLookup(() => test.info().project.name);

export const expect = playwrightExpect;
export const it = test;
export const beforeAll = test.beforeAll;
export const afterAll = test.afterAll;
export const beforeEach = test.beforeEach;
export const afterEach = test.afterEach;

async function attachFailureScreenshots(info: TestInfo): Promise<void> {
  if (info.status === info.expectedStatus) return;
  for (const shot of await failureScreenshots()) await info.attach(shot.name, { body: shot.png, contentType: 'image/png' });
}

/** Playwright's describe, plus failure screenshots of every browser the harness has open. */
export function describe(name: string, fn: () => void): void {
  test.describe(name, () => {
    // Registered before the file's own hooks: runs before an afterEach that closes the browser.
    test.afterEach(async ({}, info) => attachFailureScreenshots(info));
    fn();
  });
}
