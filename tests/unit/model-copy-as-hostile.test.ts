// Context: node (test). Copy-as commands built from hostile captured data are pasted into a real
// interactive bash (a pty via script(1), bracketed paste on, as a terminal would deliver them),
// where curl and websocat are functions that only record their argv. The pasted command must run
// nothing but itself, with exactly the captured values as arguments.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CopyRefused, toCurl, toFetch, toWebsocat, type RequestLike } from '../../lib/model/copy-as';

const dir = mkdtempSync(join(tmpdir(), 'pushlens-paste-'));
const pwned = (n: number) => `${dir}/pwned-${n}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Hostile strings: each tries to leave its quotes and create pwned-N when pasted. */
function hostile(n: number): string[] {
  // A redirection needs no program: it works with PATH emptied, as in the sandboxed shell.
  const touch = `echo x > ${pwned(n)}`;
  return [
    `a\x1b[201~\x15${touch}\n`, // end bracketed paste, kill the line, run a command
    `a\x1b[201~'; ${touch}; echo '`,
    `x'\n${touch}\n'`,
    `\x15${touch}\r`,
    `q\x03\x04${touch}\n`,
    `tab\tcompletion\t\t`,
    `bell\x07del\x7fbs\x08c1\x9b31mcsi`,
    `price\u202Egnp.exe \u2066iso\u2069 \u200Bzw\uFEFF \u2028ls\u2029`,
    `$(${touch}) \`${touch}\` \${HOME} !! !-1 \\x41 \\`,
    `emoji 😀 中文 tag\u{E0041}`,
  ];
}

const PROMPT = '<PL1>';
const PROMPT2 = '<PL2>';
const RC = `PS1='${PROMPT}'
PS2='${PROMPT2}'
bind 'set enable-bracketed-paste on' 2>/dev/null
rec() { printf '%s\\0' "$#" "$@" >> ${dir}/argv; }
curl() { rec curl "$@"; }
websocat() { rec websocat "$@"; }
PATH=/nonexistent
`;

/**
 * Pastes each command into one interactive bash, each after bash has shown its prompt (readline
 * in raw mode, as when a person pastes), and returns every recorded argv.
 */
async function pasteIntoBash(commands: string[]): Promise<string[][]> {
  writeFileSync(`${dir}/rc`, RC);
  writeFileSync(`${dir}/argv`, '');
  const child = spawn('script', ['-qfc', `bash --noprofile --rcfile ${dir}/rc -i`, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'] });
  // Each paste, then Ctrl-C (abandons whatever a broken paste left open) and exit.
  const inputs = [...commands.map((c) => `\x1b[200~${c}\x1b[201~\r`), 'exit\r'];
  let out = '';
  let sent = 0;
  const prompts = () => out.split(PROMPT).length - 1 + out.split(PROMPT2).length - 1;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString('latin1');
    // Past the list, further prompts get Ctrl-C and exit in turn (a broken paste may leave a quote open).
    for (; prompts() > sent; sent++) child.stdin.write(sent < inputs.length ? inputs[sent] : (sent - inputs.length) % 2 ? 'exit\r' : '\x03');
  });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 15_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const fields = readFileSync(`${dir}/argv`, 'utf8').split('\0');
  const calls: string[][] = [];
  for (let i = 0; i < fields.length - 1;) {
    const n = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + n));
    i += n + 1;
  }
  return calls;
}

const HIDDEN = /[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|\udb40[\udc00-\udcff]/u;

describe('copy as cURL / websocat / fetch() with hostile captured data', () => {
  it('pasted into an interactive bash, each command runs only itself with the exact captured argv', async () => {
    const cases: { cmd: string; argv: string[] }[] = [];
    hostile(0).forEach((s, i) => {
      const n = i + 1;
      const [body, url, header, proto] = [hostile(n)[i], `http://127.0.0.1/p?q=${hostile(n + 100)[i]}`, hostile(n + 200)[i], hostile(n + 300)[i]];
      const headerValue = header.replace(/[\r\n]/g, ' ');
      const req: RequestLike = { method: 'POST', url, headers: [['x-note', headerValue]], body };
      cases.push({ cmd: toCurl(req), argv: ['curl', url, '-X', 'POST', '-H', `x-note: ${headerValue}`, '--data-raw', body] });
      cases.push({ cmd: toWebsocat(`ws://127.0.0.1/${proto}`, [proto]), argv: ['websocat', '--protocol', proto, `ws://127.0.0.1/${proto}`] });
    });
    const calls = await pasteIntoBash(cases.map((c) => c.cmd));
    const touched = readdirSync(dir).filter((f) => f.startsWith('pwned'));
    expect(touched, 'a pasted command ran something else').toEqual([]);
    for (const c of cases) {
      expect(HIDDEN.test(c.cmd), `hidden or control character left in ${JSON.stringify(c.cmd)}`).toBe(false);
      expect(c.cmd.includes('\n')).toBe(false);
    }
    expect(calls).toEqual(cases.map((c) => c.argv));
  }, 30_000);

  it('a positive control: the same bash does run a command smuggled in raw', async () => {
    const calls = await pasteIntoBash([`curl 'http://x/' --data-raw 'a\x1b[201~\x15echo x > ${pwned(999)}\n'`]);
    expect(existsSync(pwned(999))).toBe(true);
    expect(calls).toEqual([]);
    rmSync(pwned(999));
  }, 30_000);

  it('refuses what no command can carry exactly: NUL anywhere, CR/LF in a header', () => {
    expect(() => toCurl({ method: 'POST', url: 'http://h/', headers: [], body: 'a\0b' })).toThrow(CopyRefused);
    expect(() => toWebsocat('ws://h/\0')).toThrow(CopyRefused);
    expect(() => toCurl({ method: 'GET', url: 'http://h/', headers: [['x', 'a\r\nInjected: 1']] })).toThrow(CopyRefused);
    expect(() => toFetch({ method: 'GET', url: 'http://h/', headers: [['x\n', 'a']] })).toThrow(CopyRefused);
  });

  it('fetch(): the text has no hidden characters and evaluates to the exact request', () => {
    for (const [i, s] of hostile(0).entries()) {
      const req: RequestLike = {
        method: 'PUT',
        url: `http://h/${s}`,
        headers: [
          ['x-v', s.replace(/[\r\n]/g, ' ')],
          ['__proto__', 'p'],
        ],
        body: s,
      };
      const code = toFetch(req);
      expect(HIDDEN.test(code.replace(/\n/g, ' ')), `case ${i}: ${JSON.stringify(code)}`).toBe(false);
      const seen: unknown[][] = [];
      new Function('fetch', code)((...args: unknown[]) => seen.push(args));
      expect(seen).toHaveLength(1);
      const [url, init] = seen[0] as [string, { headers: [string, string][]; body: string; method: string }];
      expect(url).toBe(req.url);
      expect(init.body).toBe(s);
      expect(init.method).toBe('PUT');
      expect(init.headers).toEqual([
        ['x-v', s.replace(/[\r\n]/g, ' ')],
        ['__proto__', 'p'],
      ]);
    }
  });
});
