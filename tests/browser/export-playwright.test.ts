// Context: node (browser test: real Chromium, no extension). A conversation recorded on the demo
// (chat with client messages and a server close code, danmaku with a binary frame, SSE prices,
// long polls) is exported as a Playwright test through the panel's path (Session → redacted HAR →
// script); `npx playwright test` runs it against Chromium with no server running and it passes.
// A copy whose routes answer one character wrong must fail: the generated check can fail.
import { afterAll, beforeAll, describe, expect, it } from '../harness/test';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, CHROMIUM_BASE_ARGS } from '../harness/chromium';
import { harToScript } from '../../lib/export/script';
import { toPlaywrightTest } from '../../lib/export/playwright';
import { installBrowserGlobals, recordDemo, type Recording } from '../repro/record-demo';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(ROOT, 'test-artifacts/repro/playwright');

interface PwSpec {
  title: string;
  file: string;
  ok: boolean;
}
interface PwSuite {
  specs?: PwSpec[];
  suites?: PwSuite[];
}

const specsOf = (s: PwSuite): PwSpec[] => [...(s.specs ?? []), ...(s.suites ?? []).flatMap(specsOf)];

describe('export as a Playwright test', () => {
  let rec: Recording;
  let restore: () => void;
  beforeAll(async () => {
    restore = installBrowserGlobals();
    rec = await recordDemo();
  });
  afterAll(() => restore?.());

  it('passes against a page with no server running (and a tampered copy fails)', async () => {
    const { script } = harToScript(rec.har);
    const text = toPlaywrightTest(script, { speed: 2 });
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    writeFileSync(resolve(DIR, 'pushlens-replay.spec.ts'), text);
    const tampered = text.replace(': step.data);\n', ": step.data + '!');\n");
    expect(tampered).not.toBe(text);
    writeFileSync(resolve(DIR, 'tampered.spec.ts'), tampered);
    const report = resolve(DIR, 'report.json');
    const config = {
      testDir: DIR,
      outputDir: resolve(DIR, 'results'),
      workers: 1,
      timeout: 30_000,
      reporter: [['json', { outputFile: report }]],
      use: { browserName: 'chromium', headless: true, launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_BASE_ARGS] } },
    };
    writeFileSync(resolve(DIR, 'playwright.config.mjs'), `export default ${JSON.stringify(config, null, 1)};\n`);

    const code = await new Promise<number | null>((done) => {
      const child = spawn(
        process.execPath,
        [resolve(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--config', resolve(DIR, 'playwright.config.mjs')],
        {
          cwd: ROOT,
          stdio: 'ignore',
        },
      );
      child.on('close', done);
    });
    const specs = specsOf(JSON.parse(readFileSync(report, 'utf8')) as PwSuite);
    const byFile = Object.fromEntries(specs.map((s) => [s.file.replace(/^.*\//, ''), s.ok]));
    expect(byFile).toEqual({ 'pushlens-replay.spec.ts': true, 'tampered.spec.ts': false });
    expect(code).toBe(1); // because of the tampered copy
  });
});
