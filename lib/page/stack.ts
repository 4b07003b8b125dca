// Context: page (MAIN world). The page's call stack at the moment a connection was created, so
// the panel can show who opened it. Our own frames (inside the proxy traps) are cut off.
import { natives } from './natives';

const MAX_STACK_CHARS = 2000;

export function captureStack(): string | undefined {
  try {
    const stack = new natives.ErrorCtor().stack;
    if (typeof stack !== 'string') return undefined;
    const lines = stack.split('\n');
    // Line 0 is "Error"; our own frames all come from the extension's script URL.
    const pageLines = lines.filter((l, i) => i > 0 && !l.includes('chrome-extension://'));
    return pageLines.join('\n').slice(0, MAX_STACK_CHARS);
  } catch {
    return undefined;
  }
}
