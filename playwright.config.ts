// Context: node (Playwright test runner). The browser and end-to-end suites, in two projects:
// `chromium` (Debian's /usr/bin/chromium over CDP) and `firefox` (Debian's firefox-esr over
// WebDriver BiDi). The tests launch their own browsers with the built extension through
// tests/harness (Playwright cannot download browsers here), so no `use.browserName` is set: the
// project's name tells the harness which browser to launch. Unit tests stay on Vitest.
import { defineConfig } from '@playwright/test';

/**
 * What runs in Firefox: everything a user does in the panel (capture, history, reconnects and
 * codes, handshake statuses, actions, HAR export), the equivalence probes and the real client
 * libraries. The rest is Chrome-only (service-worker restarts, Chrome's own HAR, CDP-only checks,
 * Playwright-only page APIs) or not yet ported; it runs in the chromium project.
 * The equivalence probes run in both: the differences Firefox still shows are listed, with why,
 * in tests/browser/equivalence.test.ts (KNOWN); any other fails. The blank-frame test asserts
 * each browser's documented behaviour for a socket of an initial about:blank iframe.
 */
export const FIREFOX_TESTS = [
  'e2e/demo-capture.test.ts',
  'e2e/demo-history.test.ts',
  'e2e/demo-flaky.test.ts',
  'e2e/actions.test.ts',
  'e2e/har-export.test.ts',
  'e2e/screenshots.test.ts',
  'browser/libraries-*.test.ts',
  'browser/handler-cost.test.ts',
  'browser/equivalence.test.ts',
  'browser/blank-frame.test.ts',
];

export default defineConfig({
  testDir: 'tests',
  testMatch: ['browser/**/*.test.ts', 'e2e/**/*.test.ts'],
  // 2 cores: one test file, one browser (or two) at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: 'test-artifacts/playwright-results',
  reporter: [['list'], ['html', { outputFolder: 'test-artifacts/playwright-report', open: 'never' }]],
  projects: [{ name: 'chromium' }, { name: 'firefox', testMatch: FIREFOX_TESTS }],
});
