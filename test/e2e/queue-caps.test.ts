import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TQUEUE001';
const USER = 'UQUEUE001';
const CHANNEL = 'CQUEUE001';
const BURST = 6;

// One at work and one waiting per queue; a slow Slack keeps the one at work busy for 2 s, so a
// burst that arrives meanwhile finds both places taken.
describe.each(BACKENDS)('queue caps on %s', (backend) => {
  let t: RunningTandem;
  const logged = (message: string) => t.logs.filter((l) => l.includes(message));

  beforeAll(async () => {
    t = await startTandem(backend, {
      limits: { commands: { concurrency: 1, maxWaiting: 1 }, events: { concurrency: 1, maxWaiting: 1 } },
      slack: { latencyMs: { response_url: 2_000, 'chat.postMessage': 2_000 } },
    });
    // The workspace exists before the burst, so every command in it does the same work.
    await t.command('/tandem', 'help', { teamId: TEAM, userId: USER });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses slash commands beyond the waiting cap with a private "busy" reply, and changes nothing for them', async () => {
    const ids = Array.from({ length: BURST }, (_, i) => `burst-${i + 1}`);
    const responses = await Promise.all(
      ids.map((id) =>
        t.sender.command('/initiative', `add "Burst ${id}"`, {
          teamId: TEAM,
          userId: USER,
          channelId: CHANNEL,
          responseUrl: t.slack.responseUrl(id),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 200));

    const replies = t.slack.callsTo('response_url').filter((c) => ids.includes(String(c.args.responseUrlId)));
    const busy = replies.filter((c) => JSON.stringify(c.args).includes('Tandem is busy right now'));
    expect(busy).toHaveLength(BURST - 2);
    for (const reply of busy) {
      const id = String(reply.args.responseUrlId);
      expect(reply.args.response_type).toBe('ephemeral');
      expect(JSON.stringify(reply.args.blocks)).toContain(`You typed: \`/initiative add \\"Burst ${id}\\"\``);
      expect(await t.db.prisma.initiative.count({ where: { teamId: TEAM, title: `Burst ${id}` } })).toBe(0);
    }
    expect(
      await t.db.prisma.initiative.count({ where: { teamId: TEAM, title: { startsWith: 'Burst' } } }),
    ).toBe(2);
    expect(logged('command queue full; command refused')).toHaveLength(BURST - 2);
  });

  it('drops events beyond the waiting cap with a warning, unrecorded', async () => {
    const eventIds = Array.from({ length: BURST }, (_, i) => `EvQUEUE${backend}${i}`);
    const before = t.slack.callsTo('chat.postMessage').length;
    const responses = await Promise.all(
      eventIds.map((eventId, i) =>
        t.sender.event(
          {
            type: 'app_mention',
            user: USER,
            text: '<@U_TANDEM_BOT> help',
            ts: `1700000000.00${String(i).padStart(4, '0')}`,
            channel: CHANNEL,
          },
          { teamId: TEAM, eventId },
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(eventIds.map(() => 200));
    const dropped = logged('event queue full; event dropped');
    expect(dropped).toHaveLength(BURST - 2);
    for (const line of dropped) expect(JSON.parse(line)).toMatchObject({ level: 40, teamId: TEAM });
    expect(t.slack.callsTo('chat.postMessage').length - before).toBe(2);
    expect(
      await t.db.prisma.processedEvent.count({ where: { teamId: TEAM, eventId: { in: eventIds } } }),
    ).toBe(2);
  });
});
