// Context: node (unit tests). Session.subscribe: whatever the ingest rate, subscribers hear one
// notification per frame (a manual frame clock here; requestAnimationFrame in the panel), the
// snapshot holds still between notifications, and nothing is scheduled while nobody listens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../lib/store/session';
import { wsCreate, wsFrame } from './store-fixtures';
import { setChannelDecoder } from '../../lib/store/channel-decoding';

/** A frame clock the test advances by hand. */
function manualFrames() {
  const queue: (() => void)[] = [];
  let scheduled = 0;
  return {
    schedule: (fn: () => void) => {
      scheduled++;
      queue.push(fn);
      return () => {
        const i = queue.indexOf(fn);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    tick() {
      for (const fn of queue.splice(0)) fn();
    },
    get pending() {
      return queue.length;
    },
    get scheduled() {
      return scheduled;
    },
  };
}

const ingest = (s: Session, records: Parameters<Session['ingest']>[3]) => s.ingest(0, 'doc', 'agent-1', records);

describe('Session.subscribe', () => {
  afterEach(() => vi.useRealTimers());

  it('notifies once per frame however many batches arrive in it', () => {
    const clock = manualFrames();
    const s = new Session(clock.schedule);
    let calls = 0;
    s.subscribe(() => calls++);
    ingest(s, [wsCreate(1)]);
    for (let seq = 2; seq < 2002; seq++) ingest(s, [wsFrame(seq)]);
    expect(calls).toBe(0);
    expect(clock.pending).toBe(1);
    clock.tick();
    expect(calls).toBe(1);
    expect(s.frames.count).toBe(2000);
    // A quiet frame notifies nobody.
    clock.tick();
    expect(calls).toBe(1);
    ingest(s, [wsFrame(2002)]);
    clock.tick();
    expect(calls).toBe(2);
    expect(s.notifications).toBe(2);
  });

  it('keeps the snapshot steady within a frame and publishes the new version at the notification', () => {
    const clock = manualFrames();
    const s = new Session(clock.schedule);
    s.subscribe(() => {});
    const before = s.getSnapshot();
    ingest(s, [wsCreate(1), wsFrame(2)]);
    expect(s.version).toBeGreaterThan(before);
    expect(s.getSnapshot()).toBe(before);
    clock.tick();
    expect(s.getSnapshot()).toBe(s.version);
  });

  it('hears changes made outside the Session class (helpers bump version directly)', () => {
    const clock = manualFrames();
    const s = new Session(clock.schedule);
    ingest(s, [wsCreate(1), wsFrame(2)]);
    let calls = 0;
    s.subscribe(() => calls++);
    clock.tick();
    calls = 0;
    setChannelDecoder(s, s.channels[0], null);
    clock.tick();
    expect(calls).toBe(1);
  });

  it('tells a late subscriber about changes made before it subscribed', () => {
    const clock = manualFrames();
    const s = new Session(clock.schedule);
    ingest(s, [wsCreate(1), wsFrame(2)]);
    expect(clock.scheduled).toBe(0);
    let calls = 0;
    s.subscribe(() => calls++);
    clock.tick();
    expect(calls).toBe(1);
  });

  it('schedules nothing without subscribers and cancels the pending frame on the last unsubscribe', () => {
    const clock = manualFrames();
    const s = new Session(clock.schedule);
    ingest(s, [wsCreate(1), wsFrame(2)]);
    s.clear();
    expect(clock.scheduled).toBe(0);
    let calls = 0;
    const off = s.subscribe(() => calls++);
    clock.tick();
    ingest(s, [wsFrame(3)]);
    expect(clock.pending).toBe(1);
    off();
    expect(clock.pending).toBe(0);
    clock.tick();
    expect(calls).toBe(1);
  });

  it('keeps notifying the others when one subscriber throws', () => {
    const clock = manualFrames();
    const s = new Session(clock.schedule);
    const errors: unknown[] = [];
    const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((fn) => {
      try {
        fn();
      } catch (e) {
        errors.push(e);
      }
    });
    let calls = 0;
    s.subscribe(() => {
      throw new Error('broken view');
    });
    s.subscribe(() => calls++);
    ingest(s, [wsCreate(1)]);
    clock.tick();
    spy.mockRestore();
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('falls back to a ~16 ms timer where there is no requestAnimationFrame (node)', () => {
    vi.useFakeTimers();
    const s = new Session();
    let calls = 0;
    s.subscribe(() => calls++);
    for (let k = 0; k < 100; k++) s.version++;
    vi.advanceTimersByTime(15);
    expect(calls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
