// Context: node (tests). Browsers the harness has open, so the test shim can take screenshots of
// their pages and of DevTools when a test fails (written to test-artifacts/ via the report).
import type { TestBrowser } from './types';

const open = new Set<TestBrowser>();

export function trackBrowser(b: TestBrowser): void {
  open.add(b);
}

export function untrackBrowser(b: TestBrowser): void {
  open.delete(b);
}

export async function failureScreenshots(): Promise<{ name: string; png: Buffer }[]> {
  const out: { name: string; png: Buffer }[] = [];
  let i = 0;
  for (const b of open) {
    i++;
    const shots = await b.screenshots().catch(() => []);
    for (const s of shots) out.push({ name: `${b.name}-${i}-${s.name}`, png: s.png });
  }
  return out;
}
