// Context: node (tests). Which browser the running test targets: the Playwright project's name
// (looked up through the test shim, test.ts, while a test or hook runs), else PUSHLENS_BROWSER
// (scripts, bench), else Chromium. Kept apart so harness files need not import @playwright/test.
import type { BrowserName } from './types';

let projectLookup: (() => string) | undefined;

export function setProjectLookup(lookup: () => string): void {
  projectLookup = lookup;
}

export function currentBrowser(): BrowserName {
  let project: string | undefined;
  try {
    project = projectLookup?.();
  } catch {
    // Outside a running test or hook (e.g. at file load): no project.
  }
  if (project !== undefined) {
    // `firefox-equivalence` (opt-in project) runs in Firefox too.
    if (project === 'chromium') return 'chromium';
    if (project.startsWith('firefox')) return 'firefox';
    throw new Error(`Unknown Playwright project "${project}": name projects chromium or firefox….`);
  }
  return process.env.PUSHLENS_BROWSER === 'firefox' ? 'firefox' : 'chromium';
}
