// Context: panel and standalone viewer (pure: no browser API, unit-tested in node). The text of
// an error boundary's "Copy diagnostics": what failed, where, and which versions, without any
// captured data. Error messages can quote the data that broke them (V8's JSON.parse quotes the
// input, decoders name the bytes they choked on), so quoted parts are replaced by their length
// and the message is cut short; a stack's first line repeats the message, so only frames are kept.

export interface DiagnosticsInput {
  /** Which pane failed (a stable id, not a translated label). */
  pane: string;
  error: unknown;
  /** React's component stack from componentDidCatch. */
  componentStack: string;
  versions: Record<string, string | undefined>;
  /** Extra context (view, locale), never captured data. */
  context?: Record<string, string | number | boolean | undefined>;
  now?: Date;
}

const MAX_MESSAGE = 200;
const MAX_FRAMES = 30;
// "…", '…', `…`, “…” and «…» quoted runs; the longest quoted pieces are the payload snippets.
const QUOTED = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`|“[^”]*”|«[^»]*»/g;

export function scrubMessage(message: string): string {
  const scrubbed = message.replace(QUOTED, (q) => `‹${q.length - 2} chars›`);
  return scrubbed.length > MAX_MESSAGE ? `${scrubbed.slice(0, MAX_MESSAGE)}… (${scrubbed.length} chars)` : scrubbed;
}

/** The frames of a stack ("at …" / "fn@url" lines), without the message line(s) before them. */
export function stackFrames(stack: string | undefined): string[] {
  if (!stack) return [];
  return stack
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^at\s/.test(l) || /^[\w$.<>]*@\S+:\d+(:\d+)?$/.test(l))
    .slice(0, MAX_FRAMES);
}

/** Component names and locations from React's component stack; nothing else is in it. */
function componentFrames(componentStack: string): string[] {
  return componentStack
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, MAX_FRAMES);
}

/** The innermost component of React's component stack: the one that threw. */
export function failedComponent(componentStack: string): string | undefined {
  const first = componentFrames(componentStack)[0];
  return first?.match(/^(?:at\s+)?([\w$.]+)/)?.[1];
}

export function errorSummary(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message, stack: error.stack };
  return { name: typeof error, message: typeof error === 'string' ? error : 'non-Error value thrown' };
}

export function buildDiagnostics(input: DiagnosticsInput): string {
  const { name, message, stack } = errorSummary(input.error);
  const lines = [
    'PushLens diagnostics (no captured data: quoted parts of the message are replaced by their length)',
    `pane: ${input.pane}`,
    `component: ${failedComponent(input.componentStack) ?? 'unknown'}`,
    `error: ${name}: ${scrubMessage(message)}`,
    `time: ${(input.now ?? new Date()).toISOString()}`,
  ];
  for (const [k, v] of Object.entries(input.versions)) lines.push(`${k}: ${v ?? 'unknown'}`);
  for (const [k, v] of Object.entries(input.context ?? {})) if (v !== undefined) lines.push(`${k}: ${v}`);
  lines.push('stack:', ...stackFrames(stack).map((l) => `  ${l}`));
  lines.push('component stack:', ...componentFrames(input.componentStack).map((l) => `  ${l}`));
  return lines.join('\n');
}
