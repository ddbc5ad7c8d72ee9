import { createPacer, type Pacer } from './pacer.js';

/** One render of one thing people see (a task's message, someone's App Home). */
export interface Flush {
  /** What is rendered: at most one entry waits per key, whatever the number of changes. */
  key: string;
  /** Calls sharing a lane (one workspace's Slack method) go one at a time, in order, and pause together. */
  lane: string;
  /** Goes ahead of the lane's calls with a lower one (default 0). */
  priority?: number;
  /** For the metrics: what kind of thing is rendered. */
  kind: string;
  /** Reads the current state and sends it; runs only when it is this key's turn. */
  run: () => Promise<void>;
  /** The run threw; `retrying` when Slack rate-limited its lane meanwhile and it will go again. */
  failed: (error: unknown, retrying: boolean) => void;
}

export interface CoalescerOptions {
  /** Least time between the starts of two calls for one key; 0 waits only for the call in flight. */
  windowMs: number;
  /** Counts outstanding work, due or not, so that a graceful shutdown and the tests wait for it. */
  track: (work: () => Promise<void>) => Promise<unknown>;
  /** Goes again after a rate limit this many times before a failure is only reported. */
  maxRetries?: number;
  /** Hears every render waiting (+1, -1) and every one made needless by a later change. */
  observe?: { pending(kind: string, delta: number): void; coalesced(kind: string): void };
  now?: () => number;
  /** Orders, pauses and paces each lane's calls; one of its own unless given. */
  pacer?: Pacer;
}

type State = 'waiting' | 'queued' | 'running' | 'cooling';

interface Entry {
  flush: Flush;
  state: State;
  /** Another render is owed once the running one ends. */
  again: boolean;
  lastStart: number;
  retries: number;
  timer?: NodeJS.Timeout | undefined;
}

export interface Coalescer {
  /** Asks for a render of `flush.key`; the latest request for a key replaces any that waits. */
  schedule(flush: Flush): void;
  /**
   * Stops starting calls in `lane` for `ms` (Slack's Retry-After); calls already waiting keep
   * their order. Then they start at least `gapMs` apart (the tier's own pace) while the lane
   * stays busy, and for a minute after.
   */
  pause(lane: string, ms: number, gapMs?: number): void;
  /** Renders waiting or running, and keys still inside their window. */
  readonly size: number;
}

/**
 * Coalesces renders per key: the first change to a key goes out at once; changes arriving while
 * its call is in flight, or within `windowMs` of that call's start, become one more render at
 * the window's end. Each render reads the state when it runs, so the last one always shows the
 * truth, and a key never holds more than one entry however many changes arrive.
 */
export function createCoalescer(options: CoalescerOptions): Coalescer {
  const { windowMs, track, observe } = options;
  const maxRetries = options.maxRetries ?? 3;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const pacer = options.pacer ?? createPacer({ now });
  let outstanding = 0;
  let release: (() => void) | undefined;

  // The whole backlog counts as one piece of work in flight, from its first entry to its last.
  const busy = (delta: number) => {
    outstanding += delta;
    if (delta > 0 && outstanding === delta)
      void track(() => new Promise<void>((resolve) => (release = resolve)));
    if (outstanding === 0) {
      const done = release;
      release = undefined;
      done?.();
    }
  };

  const enqueue = (entry: Entry) => {
    entry.state = 'queued';
    entry.timer = undefined;
    const { lane, priority } = entry.flush;
    void pacer.run(lane, () => runEntry(entry), priority);
  };

  /** Queues the entry when its window allows, or sets a timer for when it will. */
  const owe = (entry: Entry) => {
    const due = entry.lastStart + windowMs;
    const wait = due - now();
    if (wait <= 0) return enqueue(entry);
    entry.state = 'waiting';
    entry.timer = setTimeout(() => enqueue(entry), wait);
  };

  const finish = (entry: Entry) => {
    if (entry.again) {
      entry.again = false;
      return owe(entry);
    }
    busy(-1);
    const { key } = entry.flush;
    const left = entry.lastStart + windowMs - now();
    if (left <= 0) {
      entries.delete(key);
    } else {
      // Remembered only to hold the window: a change inside it waits for the window's end.
      entry.state = 'cooling';
      entry.timer = setTimeout(() => {
        if (entries.get(key) === entry && entry.state === 'cooling') entries.delete(key);
      }, left);
    }
  };

  const runEntry = async (entry: Entry) => {
    entry.state = 'running';
    const started = now();
    entry.lastStart = started;
    const { flush } = entry;
    observe?.pending(flush.kind, -1);
    try {
      await flush.run();
      entry.retries = 0;
    } catch (error) {
      const limited = pacer.limitedAt(flush.lane) >= started;
      const retrying = limited && entry.retries < maxRetries;
      if (retrying && !entry.again) {
        entry.again = true;
        observe?.pending(flush.kind, 1);
      }
      entry.retries = retrying ? entry.retries + 1 : 0;
      try {
        flush.failed(error, retrying);
      } catch {
        // Reporting must not strand the entry: the lifecycle would wait for it for ever.
      }
    }
    finish(entry);
  };

  return {
    schedule(flush) {
      const entry = entries.get(flush.key);
      if (!entry) {
        entries.set(flush.key, {
          flush,
          state: 'queued',
          again: false,
          lastStart: Number.NEGATIVE_INFINITY,
          retries: 0,
        });
        busy(1);
        observe?.pending(flush.kind, 1);
        const created = entries.get(flush.key) as Entry;
        return owe(created);
      }
      entry.flush = flush;
      switch (entry.state) {
        case 'waiting':
        case 'queued':
          observe?.coalesced(flush.kind);
          return;
        case 'running':
          if (entry.again) observe?.coalesced(flush.kind);
          else {
            entry.again = true;
            observe?.pending(flush.kind, 1);
          }
          return;
        case 'cooling':
          clearTimeout(entry.timer);
          busy(1);
          observe?.pending(flush.kind, 1);
          return owe(entry);
      }
    },
    pause(name, ms, gapMs) {
      pacer.pause(name, ms, gapMs);
    },
    get size() {
      return entries.size;
    },
  };
}
