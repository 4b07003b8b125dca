// Context: node (test). Every envelope guard against well-formed, malformed and hostile input:
// the page, iframes and other extensions can post anything, and each hop trusts a message only
// after its guard said yes. Prints the number of cases.
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_AGENT_SETTINGS,
  isBackgroundToPanelMessage,
  isEnvelope,
  isPageToPanelMessage,
  isPanelToBackgroundMessage,
  isPanelToPageMessage,
  makeEnvelope,
} from '../../lib/protocol/envelope';
import { isCommandResult } from '../../lib/protocol/commands';
import { sanitizeAgentSettings } from '../../lib/protocol/settings';

const env = makeEnvelope;
const settings = DEFAULT_AGENT_SETTINGS;
const hello = { ...env('hello'), agentId: 'a', url: 'https://x/', isTop: true, realm: 'document', firstSeq: 1, lastSeq: 3, startedAt: 1 };
const batch = { ...env('batch'), agentId: 'a', records: [] };
const result = { ...env('command-result'), agentId: 'a', result: { commandId: 'c1', ok: true } };
const attach = { ...env('attach'), settings };
const resync = { ...env('resync'), agentId: 'a', fromSeq: 4 };
const command = { ...env('command'), agentId: 'a', commandId: 'c1', command: { kind: 'ws-drop', conn: 1 } };

/** Hostile or broken values that no guard may accept. */
const JUNK: unknown[] = [
  null,
  undefined,
  0,
  'pushlens',
  [],
  [hello],
  {},
  { source: 'pushlens' },
  { ...hello, source: 'other' },
  { ...hello, v: 2 },
  { ...hello, v: '1' },
  { ...hello, type: 42 },
  { ...hello, type: 'unknown' },
  Object.create(null),
];

let cases = 0;
function check(guard: (x: unknown) => boolean, name: string, good: [string, unknown][], bad: [string, unknown][], junk = JUNK) {
  describe(name, () => {
    for (const [label, m] of good)
      it(`accepts ${label}`, () => {
        cases++;
        expect(guard(m)).toBe(true);
      });
    for (const [label, m] of bad)
      it(`rejects ${label}`, () => {
        cases++;
        expect(guard(m)).toBe(false);
      });
    it('rejects junk of every kind', () => {
      for (const j of junk) {
        cases++;
        expect(guard(j), JSON.stringify(j) ?? String(j)).toBe(false);
      }
    });
  });
}

check(
  isEnvelope,
  'isEnvelope',
  [['a minimal envelope', env('x')]],
  [['a string version', { source: 'pushlens', v: '1', type: 'x' }]],
  // An unknown type is still an envelope: the typed guards below reject it.
  JUNK.filter((j) => (j as { type?: unknown } | null)?.type !== 'unknown'),
);

check(
  isPageToPanelMessage,
  'isPageToPanelMessage (agent → panel, checked by the relay and again by the background)',
  [
    ['hello', hello],
    ['batch', batch],
    ['a packed batch', { ...batch, packed: '[]' }],
    ['a failed command-result', { ...result, result: { commandId: 'c1', ok: false, error: 'no' } }],
    ['command-result', result],
  ],
  [
    ['a panel message type', attach],
    ['hello without lastSeq', { ...hello, lastSeq: undefined }],
    ['hello with a string firstSeq', { ...hello, firstSeq: '1' }],
    ['a batch without agentId', { ...batch, agentId: undefined }],
    ['a batch whose agentId is a number', { ...batch, agentId: 7 }],
    ['a batch whose records is an object', { ...batch, records: { length: 1 } }],
    ['a command-result with no result', { ...result, result: undefined }],
    ['a command-result without commandId', { ...result, result: { ok: true } }],
    ['a command-result with a non-boolean ok', { ...result, result: { commandId: 'c1', ok: 'yes' } }],
    ['a failed command-result without error', { ...result, result: { commandId: 'c1', ok: false } }],
  ],
);

check(
  isPanelToPageMessage,
  'isPanelToPageMessage (panel → agent, checked by the relay)',
  [
    ['attach', attach],
    ['detach', env('detach')],
    ['resync', resync],
    ['command', command],
    ['settings', { ...env('settings'), settings }],
  ],
  [
    ['a page message type', hello],
    ['attach without settings', env('attach')],
    ['settings whose settings is a string', { ...env('settings'), settings: 'big' }],
    ['resync without fromSeq', { ...resync, fromSeq: undefined }],
    ['resync with a string fromSeq', { ...resync, fromSeq: '4' }],
    ['resync without agentId', { ...resync, agentId: undefined }],
    ['command without commandId', { ...command, commandId: undefined }],
    ['command without a command object', { ...command, command: 'ws-drop' }],
    ['command without agentId', { ...command, agentId: undefined }],
  ],
);

check(
  isPanelToBackgroundMessage,
  'isPanelToBackgroundMessage (panel → background)',
  [
    ['panel-init', { ...env('panel-init'), tabId: 3, settings }],
    ['to-frame', { ...env('to-frame'), frameId: 0, documentId: 'd', message: resync }],
    ['to-frame without documentId', { ...env('to-frame'), frameId: 0, message: resync }],
    ['to-tab', { ...env('to-tab'), message: { ...env('settings'), settings } }],
  ],
  [
    ['panel-init without tabId', { ...env('panel-init'), settings }],
    ['panel-init with a string tabId', { ...env('panel-init'), tabId: '3', settings }],
    ['panel-init without settings', { ...env('panel-init'), tabId: 3 }],
    ['to-frame without frameId', { ...env('to-frame'), message: resync }],
    ['to-frame with a numeric documentId', { ...env('to-frame'), frameId: 0, documentId: 5, message: resync }],
    ['to-frame carrying a malformed message', { ...env('to-frame'), frameId: 0, message: { ...resync, fromSeq: 'x' } }],
    ['to-frame carrying a page message', { ...env('to-frame'), frameId: 0, message: hello }],
    ['to-tab carrying nothing', env('to-tab')],
    ['a background message type', { ...env('frame-gone'), tabId: 1, frameId: 0, documentId: 'd' }],
  ],
);

check(
  isBackgroundToPanelMessage,
  'isBackgroundToPanelMessage (background → panel)',
  [
    ['from-frame', { ...env('from-frame'), tabId: 1, frameId: 0, documentId: 'd', message: hello }],
    ['frame-gone', { ...env('frame-gone'), tabId: 1, frameId: 2, documentId: 'd' }],
  ],
  [
    ['from-frame without frameId', { ...env('from-frame'), tabId: 1, documentId: 'd', message: hello }],
    ['from-frame without documentId', { ...env('from-frame'), tabId: 1, frameId: 0, message: hello }],
    ['from-frame carrying a malformed batch', { ...env('from-frame'), tabId: 1, frameId: 0, documentId: 'd', message: { ...batch, records: 'x' } }],
    ['from-frame carrying a panel message', { ...env('from-frame'), tabId: 1, frameId: 0, documentId: 'd', message: attach }],
    ['frame-gone without documentId', { ...env('frame-gone'), tabId: 1, frameId: 2 }],
    ['the removed navigated message', { ...env('navigated'), tabId: 1, url: 'https://x/' }],
  ],
);

check(
  isCommandResult,
  'isCommandResult',
  [
    ['success', { commandId: 'c', ok: true }],
    ['failure', { commandId: 'c', ok: false, error: 'why' }],
  ],
  [
    ['failure without a reason', { commandId: 'c', ok: false }],
    ['ok as 1', { commandId: 'c', ok: 1 }],
    ['numeric commandId', { commandId: 1, ok: true }],
  ],
);

describe('sanitizeAgentSettings (stored settings are read back from storage the page cannot write, but may be old)', () => {
  it('clamps, floors and ignores what is not a finite number', () => {
    cases++;
    const s = sanitizeAgentSettings({ bufferRecords: 1e12, bufferBytes: -5, previewBytes: 100.7, recording: 'no' });
    expect(s).toEqual({ bufferRecords: 10_000_000, bufferBytes: 1024, previewBytes: 100, recording: true });
  });
  it('falls back to the defaults for anything but an object', () => {
    for (const raw of [null, 'x', 3, undefined]) {
      cases++;
      expect(sanitizeAgentSettings(raw)).toEqual(DEFAULT_AGENT_SETTINGS);
    }
    cases++;
    expect(sanitizeAgentSettings({ bufferRecords: NaN, previewBytes: Infinity })).toEqual(DEFAULT_AGENT_SETTINGS);
  });
});

afterAll(() => {
  console.log(`protocol guards: ${cases} cases`);
});
