// Context: node (developer command `npm start`, `npm start -- --firefox`). Builds the extension,
// starts the demo server, opens Chromium (or Firefox ESR) with PushLens loaded and DevTools open
// on the PushLens panel. Without a display it runs headless and writes a screenshot of DevTools
// (test-artifacts/start-devtools.png, or start-devtools-firefox.png) so you can still see the panel.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startDemoServer } from '../demo/server/index.mjs';
import { launch, EXTENSION_DIR } from '../tests/harness/chromium';
import { FIREFOX_EXTENSION_DIR, launchFirefox } from '../tests/harness/firefox';

const args = new Set(process.argv.slice(2));
const root = resolve(import.meta.dirname, '..');
const headless = args.has('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const port = Number(process.env.PORT ?? 5173);
const firefox = args.has('--firefox');
const browserLabel = firefox ? 'Firefox' : 'Chromium';
const extensionDir = firefox ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;

function step(msg: string): void {
  console.log(`[pushlens] ${msg}`);
}

async function main(): Promise<void> {
  if (!args.has('--no-build') || !existsSync(`${extensionDir}/manifest.json`)) {
    const cmd = firefox ? 'npx wxt build -b firefox --mv3' : 'npx wxt build';
    step(`building the extension (${cmd})…`);
    execSync(cmd, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const demo = await startDemoServer({ port, host: '127.0.0.1', flaky: args.has('--flaky') }).catch(() =>
    startDemoServer({ port: 0, host: '127.0.0.1', flaky: args.has('--flaky') }),
  );
  step(`demo running at ${demo.url}`);
  step(`opening ${browserLabel}${headless ? ' (headless: no display found)' : ''} with PushLens and DevTools…`);
  const ff = firefox ? await launchFirefox({ devtools: true, headless }) : undefined;
  const chromium = firefox ? undefined : await launch({ devtools: true, headless });
  const browser = (ff ?? chromium)!;
  const page = await browser.firstPage();
  await page.goto(demo.url);
  const panel = await browser.openPanel(demo.url);
  step('PushLens panel is open in DevTools.');
  if (headless) {
    await new Promise((r) => setTimeout(r, 5000));
    mkdirSync(resolve(root, 'test-artifacts'), { recursive: true });
    const file = resolve(root, firefox ? 'test-artifacts/start-devtools-firefox.png' : 'test-artifacts/start-devtools.png');
    writeFileSync(file, await panel.screenshot());
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
  // The user closing the browser ends the session.
  const closed = () => void demo.close().then(() => process.exit(0));
  ff?.puppeteer.on('disconnected', closed);
  chromium?.context.on('close', closed);
}

main().catch((err) => {
  console.error(`[pushlens] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
