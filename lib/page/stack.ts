// Context: page (MAIN world). The page's call stack at the moment a connection was created, so
// the panel can show who opened it. Our own frames (inside the proxy traps) are cut off.
//
// Capturing is cheap; formatting the text (source positions of every frame) is what costs
// (~0.6 ms a socket, profiled). So the stack is captured now, into a holder object, and formatted
// only when a panel reads the record (record-ring.ts resolves it). A page that installed its own
// Error.prepareStackTrace by then would be handed our holder: the stack is given up instead.
import { natives, pageFormatsStacks, str, arr } from './natives';
import { splitLines } from './proxy-utils';

const MAX_STACK_CHARS = 2000;

/** A captured, not yet formatted stack. */
export interface StackHolder {
  readonly stack?: unknown;
}

const holders = new natives.WeakSetCtor<object>();

export function captureStack(): StackHolder | undefined {
  try {
    if (!natives.captureStackTrace) return undefined;
    const holder = {};
    natives.captureStackTrace(holder);
    holders.add(holder);
    return holder;
  } catch {
    return undefined;
  }
}

/** The holder's stack as text without our frames; strings pass through. */
export function formatStack(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || !holders.has(value)) return undefined;
  try {
    if (pageFormatsStacks()) return undefined;
    const stack = (value as StackHolder).stack;
    if (typeof stack !== 'string') return undefined;
    // Line 0 is V8's header (in Firefox, our own captureStack frame); our own frames all come
    // from the extension's script: a chrome-extension:// URL in Chromium, "<anonymous code>" in
    // Firefox (natives.agentScriptUrl).
    const lines = splitLines(stack);
    const pageLines: string[] = [];
    const ours = natives.agentScriptUrl;
    for (let i = 1; i < lines.length; i++)
      if (lines[i] !== '' && !str.includes(lines[i], 'chrome-extension://') && !(ours && str.includes(lines[i], ours))) arr.push(pageLines, lines[i]);
    return str.slice(arr.join(pageLines, '\n'), 0, MAX_STACK_CHARS);
  } catch {
    return undefined;
  }
}
