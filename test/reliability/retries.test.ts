// Retries and duplicates (issue 6): Slack redelivers an event it thinks timed out, with
// X-Slack-Retry-Num 1–3 and X-Slack-Retry-Reason http_timeout, while the first delivery is still
// being handled. test/e2e/requests.test.ts covers one retry after the first finished; here all
// four deliveries overlap, the first held up by a slow Slack, and the handler is a write (a claim).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenderResponse } from '../harness/slack-sender.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { accepted, type ReliableTandem, startReliableTandem, textOf } from './support.js';

const TEAM = 'TRETRY001';
const PAM = 'UPAM00001';
const SOL = 'USOL00001';
const CHANNEL = 'CRETRY001';
const SLOW_MS = 800;

describe.each(BACKENDS)('the same event delivered four times at once on %s', (backend) => {
  let db: TestDatabase;
  let t: ReliableTandem;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    // Every answer to the claimant and every message update is slow: the first delivery is still
    // running when Slack's retries arrive (the harness answers events after handling them).
    t = await startReliableTandem({
      db,
      retryConfig: { retries: 0 },
      slack: {
        latencyMs: { 'chat.postEphemeral': SLOW_MS, 'chat.update': SLOW_MS, 'chat.postMessage': SLOW_MS },
      },
    });
    const ctx = { teamId: TEAM, userId: PAM, channelId: CHANNEL };
    await t.sender.command(
      '/initiative',
      `add "Retry launch" press_release <@${PAM}|pam> <#${CHANNEL}|c>`,
      ctx,
    );
    await t.sender.command('/task', 'add 1 "Draft posts" social', ctx);
  });
  afterAll(async () => {
    await t?.stop();
    await db?.destroy();
  });

  async function deliverFourTimes(event: Record<string, unknown>, eventId: string, firstCall: string) {
    const first = t.sender.event(event, { teamId: TEAM, eventId });
    // The first delivery has reached Slack, so it is mid-way through its work.
    await t.slack.waitFor(firstCall, () => true, 5_000);
    const retries = await Promise.all(
      [1, 2, 3].map((retryNum) =>
        t.sender.event(event, { teamId: TEAM, eventId, retryNum, retryReason: 'http_timeout' }),
      ),
    );
    return [await first, ...retries] as SenderResponse[];
  }

  it('claims once, updates the message once and answers the claimant once', async () => {
    const task = await db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, number: 1 } });
    t.slack.reset();
    const responses = await deliverFourTimes(
      {
        type: 'reaction_added',
        user: SOL,
        reaction: 'raising_hand',
        item: { type: 'message', channel: CHANNEL, ts: task.messageTs },
        item_user: 'U_TANDEM_BOT',
        event_ts: '1700000001.000001',
      },
      'EvRETRYCLAIM',
      'chat.update',
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(SOL);
    const claims = await db.prisma.ownershipEvent.findMany({ where: { taskId: task.id, change: 'claimed' } });
    expect(claims).toHaveLength(1);
    // "You already own this task" would be the tell-tale of a second run.
    const notes = accepted(t.slack.callsTo('chat.postEphemeral')).filter((c) => c.args.user === SOL);
    expect(notes.map(textOf).filter((x) => x.includes('You claimed'))).toHaveLength(1);
    expect(notes.map(textOf).filter((x) => x.includes('already own'))).toHaveLength(0);
    expect(notes).toHaveLength(1);
    expect(accepted(t.slack.callsTo('chat.update')).filter((c) => c.args.ts === task.messageTs)).toHaveLength(
      1,
    );
    expect(await db.prisma.processedEvent.count({ where: { teamId: TEAM, eventId: 'EvRETRYCLAIM' } })).toBe(
      1,
    );
  });

  it('answers a mention once', async () => {
    t.slack.reset();
    const responses = await deliverFourTimes(
      {
        type: 'app_mention',
        user: PAM,
        text: '<@U_TANDEM_BOT> who owns retry launch',
        ts: '1700000002.000001',
        channel: CHANNEL,
      },
      'EvRETRYMENTION',
      'chat.postMessage',
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const answers = accepted(t.slack.callsTo('chat.postMessage'));
    expect(answers).toHaveLength(1);
    expect(textOf(answers[0])).toContain('Retry launch');
  });

  it('still handles a different event id for the same reaction (Slack sends a new id for a new reaction)', async () => {
    const task = await db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, number: 1 } });
    t.slack.reset();
    await t.sender.event(
      {
        type: 'reaction_removed',
        user: SOL,
        reaction: 'raising_hand',
        item: { type: 'message', channel: CHANNEL, ts: task.messageTs },
        item_user: 'U_TANDEM_BOT',
        event_ts: '1700000003.000001',
      },
      { teamId: TEAM, eventId: 'EvRETRYRELEASE' },
    );
    expect((await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBeNull();
  });
});
