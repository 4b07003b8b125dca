// Context: node (developer command `npm start`). Builds the extension, starts the demo server,
// opens Chromium with PushLens loaded and DevTools open on the PushLens panel. Without a display
// it runs headless and writes a screenshot of DevTools so you can still see the panel.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startDemoServer } from '../demo/server/index.mjs';
import { launch, EXTENSION_DIR } from '../tests/harness/chromium';
import { openPushLensPanel, screenshotDevtools } from '../tests/harness/devtools-panel';

const args = new Set(process.argv.slice(2));
const root = resolve(import.meta.dirname, '..');
const headless = args.has('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const port = Number(process.env.PORT ?? 5173);

function step(msg: string): void {
  console.log(`[pushlens] ${msg}`);
}

async function main(): Promise<void> {
  if (!args.has('--no-build') || !existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    step('building the extension (npm run build)…');
    execSync('npx wxt build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const demo = await startDemoServer({ port, host: '127.0.0.1', flaky: args.has('--flaky') }).catch(() =>
    startDemoServer({ port: 0, host: '127.0.0.1', flaky: args.has('--flaky') }),
  );
  step(`demo running at ${demo.url}`);
  step(`opening Chromium${headless ? ' (headless: no display found)' : ''} with PushLens and DevTools…`);
  const browser = await launch({ devtools: true, headless });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(demo.url);
  const panel = await openPushLensPanel(browser.cdpPort, browser.extensionId!, demo.url);
  step('PushLens panel is open in DevTools.');
  if (headless) {
    await new Promise((r) => setTimeout(r, 5000));
    mkdirSync(resolve(root, 'test-artifacts'), { recursive: true });
    const file = resolve(root, 'test-artifacts/start-devtools.png');
    writeFileSync(file, await screenshotDevtools(panel.devtools));
    step(`headless: screenshot of DevTools written to ${file}`);
  }
  step('press Ctrl+C to stop.');
  const stop = async () => {
    panel.close();
    await browser.close();
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.context.on('close', () => void demo.close().then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(`[pushlens] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
