// Nudges recorded by a request go out in that request when it is waking hours for the recipient
// (a lead hears of a shared trend within seconds, not at the scheduler's next minute), and wait
// for the morning otherwise, with the scheduler as the backstop. A nudge DM is sent exactly once:
// one that timed out is looked up in the DM by its metadata, found it counts as sent, missing it
// goes again on a later try.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { BACKENDS } from '../support/databases.js';
import { accepted, LATE, LOST, PRODUCTION_FAULTS, textOf } from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TPROMPT01';
const PAM = 'UPAM00001'; // PR lead, London
const SOL = 'USOL00001'; // social lead, Tokyo
const MEL = 'UMEL00001'; // logs the trends: the leads hear of them
const CHANNEL = 'CPROMPT01';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

describe.each(BACKENDS)('prompt nudges on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const topics = ['Marathon', 'Eurovision', 'Wimbledon', 'Oscars'];
  const dmsTo = (user: string, words: string) =>
    t.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === `D${user}` && textOf(c).includes(words));
  /** A fresh initiative and a trend that matches it, logged by command at `iso`. */
  async function trendAt(iso: string, meanwhile?: () => void) {
    const word = topics.shift() ?? 'Olympics';
    t.clock.set(iso);
    await t.command('/initiative', `add "${word} campaign" campaign`, as(PAM));
    t.slack.reset();
    meanwhile?.();
    await t.command('/trend', `add #${word} spiking keywords: ${word.toLowerCase()}`, as(MEL));
    return `#${word}`;
  }

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-23T10:00:00Z'), ...PRODUCTION_FAULTS });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    t.slack.setUser({ id: PAM, teamId: TEAM, tz: 'Europe/London' });
    t.slack.setUser({ id: SOL, teamId: TEAM, tz: 'Asia/Tokyo' });
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
    await t.command('/tandem', `set social-leads <@${SOL}|sol>`, as(PAM));
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('tells a lead who is awake within the request, and one asleep in their morning', async () => {
    // 10:00 in London, 19:00 in Tokyo: both awake.
    const awake = await trendAt('2026-11-23T10:00:00Z');
    expect(dmsTo(PAM, awake)).toHaveLength(1);
    expect(dmsTo(SOL, awake)).toHaveLength(1);
    await scheduler.tick();
    expect(dmsTo(PAM, awake)).toHaveLength(1);
    expect(dmsTo(SOL, awake)).toHaveLength(1);

    // 15:00 in London, midnight in Tokyo: only the PR lead hears now.
    const late = await trendAt('2026-11-23T15:00:00Z');
    expect(dmsTo(PAM, late)).toHaveLength(1);
    expect(dmsTo(SOL, late)).toHaveLength(0);
    t.clock.set('2026-11-23T15:01:00Z');
    await scheduler.tick();
    expect(dmsTo(SOL, late)).toHaveLength(0);
    // 09:00 in Tokyo: the scheduler delivers it, once.
    t.clock.set('2026-11-24T00:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(dmsTo(SOL, late)).toHaveLength(1);
    expect(dmsTo(PAM, late)).toHaveLength(1);
  });

  it('a nudge DM that timed out but landed is found in the DM and not sent again', async () => {
    const word = await trendAt('2026-11-25T10:00:00Z', () =>
      t.slack.failNext('chat.postMessage', LATE, 1, { channel: `D${PAM}` }),
    );
    expect(dmsTo(PAM, word)).toHaveLength(1);
    expect(t.slack.callsTo('conversations.history').some((c) => c.args.channel === `D${PAM}`)).toBe(true);
    t.clock.set('2026-11-25T10:30:00Z');
    await scheduler.tick();
    expect(dmsTo(PAM, word)).toHaveLength(1);
    const [row] = await t.db.prisma.nudgeSent.findMany({
      where: { teamId: TEAM, recipientId: PAM, window: { not: '' } },
      orderBy: { id: 'desc' },
      take: 1,
    });
    expect(row?.sentAt).not.toBeNull();
  });

  it('a nudge DM that timed out and never landed goes again later, once', async () => {
    const word = await trendAt('2026-11-26T10:00:00Z', () =>
      t.slack.failNext('chat.postMessage', LOST, 1, { channel: `D${PAM}` }),
    );
    expect(accepted(dmsTo(PAM, word))).toHaveLength(0);
    t.clock.set('2026-11-26T10:10:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(accepted(dmsTo(PAM, word))).toHaveLength(1);
  });
});
