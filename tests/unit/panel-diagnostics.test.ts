// Context: node (unit tests). An error boundary's "Copy diagnostics" text names the pane, the
// component, the error and its stack, and the versions, and carries no captured data even when
// the error message quotes the payload that broke the view.
import { describe, expect, it } from 'vitest';
import { buildDiagnostics, failedComponent, scrubMessage, stackFrames } from '../../components/widgets/diagnostics';

const SECRET = 'tok_live_9f8e7d6c5b4a';
const COMPONENT_STACK = `
    at Insights (chrome-extension://abc/chunks/panel-1.js:1:200)
    at ErrorBoundary (chrome-extension://abc/chunks/panel-1.js:1:900)
    at ChannelView (chrome-extension://abc/chunks/panel-1.js:1:1200)`;

function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('error boundary diagnostics', () => {
  it('names the pane, the component, the error, the stack and the versions', () => {
    const error = new TypeError('Cannot read properties of undefined');
    const text = buildDiagnostics({
      pane: 'insights',
      error,
      componentStack: COMPONENT_STACK,
      versions: { pushlens: '0.1.0', react: '19.2.0' },
      context: { view: 'panel', locale: 'en' },
      now: new Date('2026-01-02T03:04:05Z'),
    });
    expect(text).toContain('pane: insights');
    expect(text).toContain('component: Insights');
    expect(text).toContain('error: TypeError: Cannot read properties of undefined');
    expect(text).toContain('pushlens: 0.1.0');
    expect(text).toContain('react: 19.2.0');
    expect(text).toContain('view: panel');
    expect(text).toContain('time: 2026-01-02T03:04:05.000Z');
    expect(text).toMatch(/stack:\n {2}at /);
    expect(text).toContain('component stack:\n  at Insights (chrome-extension://abc/chunks/panel-1.js:1:200)');
  });

  it('leaves out payload text that the engine quoted into the message (JSON.parse)', () => {
    const error = thrownBy(() => JSON.parse(`${SECRET} and more`));
    const quoted = SECRET.slice(0, 11); // V8 quotes the input's first characters
    expect(String((error as Error).message)).toContain(quoted);
    const text = buildDiagnostics({ pane: 'detail', error, componentStack: COMPONENT_STACK, versions: {} });
    expect(text).not.toContain(quoted);
    expect(text).toContain('error: SyntaxError:');
  });

  it('keeps only stack frames: the first line of a V8 stack repeats the message', () => {
    const error = new Error(`bad frame ${SECRET}`);
    const frames = stackFrames(error.stack);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((l) => l.startsWith('at '))).toBe(true);
    expect(frames.join('\n')).not.toContain(SECRET);
    // Firefox's format too.
    expect(stackFrames('Error: x\nrender@moz-extension://id/chunks/a.js:1:5\n@moz-extension://id/chunks/a.js:2:1')).toEqual([
      'render@moz-extension://id/chunks/a.js:1:5',
      '@moz-extension://id/chunks/a.js:2:1',
    ]);
  });

  it('replaces quoted parts of any message by their length and cuts long messages', () => {
    expect(scrubMessage(`Unexpected token 'x', "${SECRET}" is not valid`)).toBe('Unexpected token ‹1 chars›, ‹21 chars› is not valid');
    const long = scrubMessage('a'.repeat(1000));
    expect(long.length).toBeLessThan(260);
    expect(long).toContain('(1000 chars)');
  });

  it('describes a thrown non-Error without its value', () => {
    const text = buildDiagnostics({ pane: 'timeline', error: { secret: SECRET }, componentStack: '', versions: {} });
    expect(text).toContain('error: object: non-Error value thrown');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('component: unknown');
  });

  it('finds the innermost component of a component stack', () => {
    expect(failedComponent(COMPONENT_STACK)).toBe('Insights');
    expect(failedComponent('')).toBeUndefined();
  });
});
