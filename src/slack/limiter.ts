import { metrics } from '../runtime/metrics.js';

export class QueueFullError extends Error {
  constructor() {
    super('too many tasks are waiting');
    this.name = 'QueueFullError';
  }
}

/** How many tasks a queue is running now, and how many wait for a turn. */
export interface QueueDepth {
  running: number;
  waiting: number;
}

/** A fair queue's depth, with how its waiting work is spread over lanes (workspaces). */
export interface FairQueueDepth extends QueueDepth {
  /** Lanes with work waiting. */
  lanes: number;
  /** The most work waiting in any one lane. */
  longestLane: number;
}

interface Waiter {
  start: () => void;
  refuse: (error: Error) => void;
}

/**
 * Runs at most `max` tasks at once across all lanes; the rest wait as cheap pending promises in
 * their lane's line (first in, first out), up to `maxWaiting` in all. A freed slot goes to the
 * lanes in turn, one task each, so a lane with a thousand tasks waiting delays another lane's
 * next task by at most one turn of each busy lane, not by its whole backlog. When every place is
 * taken, the longest lane gives one up: its newest task is refused (QueueFullError) for the
 * newcomer, unless the newcomer's own lane is the longest, when the newcomer is refused. So one
 * flooding lane fills the queue without locking the others out of it.
 *
 * A finishing task hands its slot straight to the next task, so the count never overshoots. A
 * named queue reports its running and waiting tasks, lanes, and refusals on /metrics.
 */
export function createFairLimiter(max: number, maxWaiting = Number.POSITIVE_INFINITY, queue?: string) {
  let running = 0;
  let waiting = 0;
  // A Map keeps insertion order: the lane at the front has the next turn, and goes to the back
  // after it (if it still has work), which is round-robin over the lanes with work waiting.
  const lanes = new Map<string, Waiter[]>();
  const labels = { queue: queue ?? '' };
  const gauge = (metric: typeof metrics.queueRunning, delta: number) => {
    if (queue) metric.inc(labels, delta);
  };
  // Shown from the start, not only once a queue first backs up.
  if (queue) metrics.queueLanes.inc(labels, 0);
  const refused = () => {
    if (queue) metrics.queueRefused.inc(labels);
  };

  const longest = (): [string, Waiter[]] | undefined => {
    let found: [string, Waiter[]] | undefined;
    for (const entry of lanes) if (!found || entry[1].length > found[1].length) found = entry;
    return found;
  };

  const dropLane = (key: string) => {
    lanes.delete(key);
    gauge(metrics.queueLanes, -1);
  };

  /** Takes the next task in turn out of its lane; undefined when nothing waits. */
  const nextInTurn = (): Waiter | undefined => {
    const first = lanes.entries().next();
    if (first.done) return undefined;
    const [key, lane] = first.value;
    const waiter = lane.shift();
    lanes.delete(key);
    if (lane.length > 0) lanes.set(key, lane);
    else gauge(metrics.queueLanes, -1);
    waiting--;
    gauge(metrics.queueWaiting, -1);
    return waiter;
  };

  /** Makes room for a task of `key` in a full queue, or refuses it. */
  const makeRoom = (key: string) => {
    const [busiest, lane] = longest() ?? ['', []];
    if (busiest === key || lane.length <= (lanes.get(key)?.length ?? 0) + 1) {
      refused();
      throw new QueueFullError();
    }
    const displaced = lane.pop();
    if (lane.length === 0) dropLane(busiest);
    waiting--;
    gauge(metrics.queueWaiting, -1);
    refused();
    displaced?.refuse(new QueueFullError());
  };

  const enqueue = (key: string): Promise<void> =>
    new Promise<void>((start, refuse) => {
      let lane = lanes.get(key);
      if (!lane) {
        lane = [];
        lanes.set(key, lane);
        gauge(metrics.queueLanes, 1);
      }
      lane.push({ start, refuse });
      waiting++;
      gauge(metrics.queueWaiting, 1);
    });

  const run = async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    if (running < max) running++;
    else {
      if (waiting >= maxWaiting) makeRoom(key);
      await enqueue(key);
    }
    gauge(metrics.queueRunning, 1);
    try {
      return await task();
    } finally {
      gauge(metrics.queueRunning, -1);
      const successor = nextInTurn();
      if (successor) successor.start();
      else running--;
    }
  };

  // Read-only, for a status and /metrics: the counts themselves change only through `run`.
  const depth = (): FairQueueDepth => ({
    running,
    waiting,
    lanes: lanes.size,
    longestLane: longest()?.[1].length ?? 0,
  });
  return Object.assign(run, { depth });
}

/**
 * Runs at most `max` tasks at once; the rest wait in line as cheap pending promises, up to
 * `maxWaiting` (beyond it a task is refused at once with QueueFullError): the fair queue with a
 * single lane.
 */
export function createLimiter(max: number, maxWaiting = Number.POSITIVE_INFINITY, queue?: string) {
  const fair = createFairLimiter(max, maxWaiting, queue);
  const run = <T>(task: () => Promise<T>): Promise<T> => fair('', task);
  return Object.assign(run, {
    depth: (): QueueDepth => {
      const { running, waiting } = fair.depth();
      return { running, waiting };
    },
  });
}
