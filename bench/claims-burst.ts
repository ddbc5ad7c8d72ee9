import { SIGNING_SECRET } from '../test/harness/local-tandem.js';
import { createSlackSender } from '../test/harness/slack-sender.js';
import { fire, startServer, status, stopServer } from './claims-load.js';
import type { CallCounts, MessageCheck } from './claims-slack.js';

export interface BurstRun {
  name: string;
  claims: number;
  tasks: number;
  /** From the last event's ack until every task message showed its owner; null if never. */
  settledMs: number | null;
  messages: MessageCheck;
  /** Claim events handled to the end. */
  handled: number;
  /** People told privately: winners, and losers who reacted before the message showed the owner. */
  answered: number;
  dropped: Record<string, number>;
  refusedPerMinute: Record<string, number[]>;
  calls: CallCounts;
  owned: number;
  claimEvents: number;
  warnings: number;
}

export interface BurstOptions {
  claims: number;
  tasks: number;
  concurrency: number;
  /** How long to wait for the last answer and message once the events are in. */
  timeoutMs: number;
}

/**
 * One workspace, Slack's tier limits on: `claims` claims on `tasks` task messages as fast as
 * they are acked, then the wait until every task message shows its owner and Tandem goes quiet.
 */
export async function burst(name: string, options: BurstOptions, databaseUrl?: string): Promise<BurstRun> {
  const server = await startServer(
    { mode: 'tandem', tasks: options.tasks, warmupTasks: 0, teams: 1, slack: 'tiers' },
    databaseUrl,
  );
  try {
    const sender = createSlackSender({ url: server.url, signingSecret: SIGNING_SECRET });
    const since = Date.now();
    await fire(sender, 0, options.claims, options.concurrency, (i) => ({ team: 0, task: i % options.tasks }));
    const lastEventAt = Date.now();
    const query = `?since=${since}`;
    let settledMs: number | null = null;
    let last = await status(server.status, query);
    for (;;) {
      const m = last.messages;
      if (settledMs === null && m && last.owned === options.tasks && m.correct === m.total)
        settledMs = Math.max(0, (m.lastUpdateAt ?? lastEventAt) - lastEventAt);
      const done =
        last.handled >= options.claims && !last.busy && settledMs !== null && (last.idleMs ?? 0) > 2_000;
      if (done || Date.now() - lastEventAt > options.timeoutMs) break;
      await new Promise((r) => setTimeout(r, 250));
      last = await status(server.status, query);
    }
    return {
      name,
      claims: options.claims,
      tasks: options.tasks,
      settledMs,
      messages: last.messages ?? { correct: 0, total: options.tasks, lastUpdateAt: null },
      handled: last.handled,
      answered: last.answered ?? 0,
      dropped: last.dropped ?? {},
      refusedPerMinute: last.refusedPerMinute ?? {},
      calls: last.calls ?? { ok: {}, refused: {} },
      owned: last.owned ?? 0,
      claimEvents: last.claimEvents ?? 0,
      warnings: last.warnings ?? 0,
    };
  } finally {
    await stopServer(server.child);
  }
}
