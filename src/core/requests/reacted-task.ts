import type { Context } from '@slack/bolt';
import type { TaskWithInitiative } from '../stores/tasks.js';

// Where the de-duplication leaves the task it read with the event's record, for the listener.
const KEY = 'tandemReactedTask';

interface Remembered {
  channel: string;
  ts: string;
  task: TaskWithInitiative | null;
}

/** Keeps the task behind a reacted-to message (null: the message is no task) for this event's listeners. */
export function rememberReactedTask(
  context: Context,
  channel: string,
  ts: string,
  task: TaskWithInitiative | null,
) {
  const remembered: Remembered = { channel, ts, task };
  context[KEY] = remembered;
}

/**
 * The task the de-duplication read for this event's message, or undefined when it read none (an
 * event it does not record): then the listener asks the database itself. It was read after the
 * event's turn in the queue came, so it is as fresh as a read in the listener would be.
 */
export function reactedTaskOf(
  context: Context,
  channel: string,
  ts: string,
): TaskWithInitiative | null | undefined {
  const remembered = context[KEY] as Remembered | undefined;
  if (!remembered || remembered.channel !== channel || remembered.ts !== ts) return undefined;
  return remembered.task;
}
