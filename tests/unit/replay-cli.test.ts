// Context: node (unit test). pushlens-replay as a user runs it (node bin/pushlens-replay.mjs, a
// child process): the demo conversation exported as HAR and served by the CLI looks the same to
// the same client code; bad input (malformed JSON, not a HAR, no realtime entries, a port in use,
// bad flags) gets one line on stderr and a non-zero exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { observed, runConversation } from '../repro/demo-client';
import { installBrowserGlobals, recordDemo, type Recording } from '../repro/record-demo';
import { CliError, runReplayCli } from '../../lib/replay/cli';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'bin/pushlens-replay.mjs');
const OUT = resolve(ROOT, 'test-artifacts/repro');

function run(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  firstLine: Promise<string>;
} {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let gotLine: (l: string) => void = () => {};
  const firstLine = new Promise<string>((r) => (gotLine = r));
  child.stdout!.on('data', (d) => {
    stdout += String(d);
    if (stdout.includes('\n')) gotLine(stdout.split('\n')[0]);
  });
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((r) =>
    child.on('close', (code) => {
      gotLine(stdout.split('\n')[0]);
      r({ code, stdout, stderr });
    }),
  );
  return { child, done, firstLine };
}

function write(name: string, text: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, name);
  writeFileSync(file, text);
  return file;
}

// A run of the bin starts node + jiti (~1 s on this machine): these tests get more than 5 s.
describe('pushlens-replay CLI', { timeout: 30_000 }, () => {
  let rec: Recording;
  let restore: () => void;
  let harFile = '';
  beforeAll(async () => {
    restore = installBrowserGlobals();
    rec = await recordDemo();
    harFile = write('demo.har', JSON.stringify(rec.har, null, 1));
  });
  afterAll(() => restore?.());

  it('serves a HAR so the same client sees the same conversation', async () => {
    const p = run([harFile, '--port', '0']);
    try {
      const line = await p.firstLine;
      const url = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(line)?.[1];
      expect(url, `stdout: ${line}`).toBeDefined();
      const replayed = await runConversation(url!);
      expect(observed(replayed)).toEqual(observed(rec.connections));
    } finally {
      p.child.kill('SIGTERM');
      await p.done;
    }
  });

  it('plays faster with --speed', async () => {
    const server = await runReplayCli([harFile, '--speed', '4'], { out: () => {}, err: () => {} });
    try {
      const replayed = await runConversation(server.url);
      expect(observed(replayed)).toEqual(observed(rec.connections));
      const life = (cs: typeof replayed) => {
        const c = cs.find((x) => x.url.includes('/ws/chat'))!;
        return c.closedAt! - c.createdAt;
      };
      expect(life(replayed)).toBeLessThan(life(rec.connections) * 0.7);
    } finally {
      await server.close();
    }
  });

  it('the bin reports bad input in one line on stderr with a non-zero exit', async () => {
    const r = await run([write('bad.har', '{"log": {"entries": [')]).done;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/^pushlens-replay: .*bad\.har: The file ends too early/);
  });

  /** The CLI logic in-process (the bin only prints the message and exits with the code). */
  const rejects = async (args: string[], pattern: RegExp, exit = 1) => {
    const out: string[] = [];
    const err = await runReplayCli(args, { out: (l) => out.push(l), err: (l) => out.push(l) }).then(
      async (s) => {
        await s.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    const e = err as CliError;
    expect(e.exitCode).toBe(exit);
    expect(e.message).not.toContain('\n');
    expect(e.message).toMatch(pattern);
    expect(out).toEqual([]);
  };

  it('rejects malformed JSON, a non-HAR and a HAR with no realtime entries', async () => {
    await rejects([write('bad2.har', '{"log": nope}')], /bad2\.har: This is not valid JSON/);
    await rejects([write('not-har.json', '[1,2]')], /not a HAR file/);
    const plain = {
      log: {
        version: '1.2',
        creator: { name: 'x', version: '1' },
        entries: [rec.har.log.entries.find((e) => !e._webSocketMessages && !e._eventSourceMessages)],
      },
    };
    await rejects([write('plain.har', JSON.stringify(plain))], /has no realtime entries to replay/);
  });

  it('rejects a port in use, bad flags and a missing file', async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as { port: number }).port;
    try {
      await rejects([harFile, '--port', String(port)], new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
    } finally {
      busy.close();
    }
    await rejects([harFile, '--speed', '0'], /--speed must be a number above 0/, 2);
    await rejects([harFile, '--port', 'x'], /--port must be an integer/, 2);
    await rejects([harFile, '--bogus'], /Unknown option '--bogus'/, 2);
    await rejects([resolve(OUT, 'missing.har')], /cannot read .*missing\.har: ENOENT/);
    await rejects([], /usage: pushlens-replay/, 2);
  });
});
