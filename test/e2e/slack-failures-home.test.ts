// The App Home (views.publish) when Slack refuses, rate-limits or answers too late, with
// production's retry policy: on opening the tab and on the refresh after a change. The change
// stands, nobody is told that something went wrong, the failure is logged with Slack's reason,
// and the next opening publishes the home again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.js';
import { accepted, LATE, PRODUCTION_FAULTS, RATE_LIMITED, textOf } from '../support/slack-faults.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'THOMEFLT1';
const PAM = 'UPAM00001';
const SOL = 'USOL00001';
const CHANNEL = 'CHOMEFLT1';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

describe.each(BACKENDS)('the App Home when Slack fails, on %s', (backend) => {
  let t: RunningTandem;
  let eventNo = 0;
  const publishes = (user: string) => t.slack.callsTo('views.publish').filter((c) => c.args.user_id === user);
  const notRefreshed = () => t.logs.filter((l) => l.includes('App Home not refreshed'));
  const apologies = () => t.slack.calls.filter((c) => textOf(c).includes('Something went wrong'));
  const openHome = async (user: string) => {
    const res = await t.sender.event(
      { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1700000600.000001' },
      { teamId: TEAM, eventId: `EvHOMEFLT${++eventNo}` },
    );
    expect(res.status).toBe(200);
  };
  const homeOf = (user: string) => {
    const last = accepted(publishes(user)).at(-1);
    return JSON.stringify((last?.args.view as { blocks?: unknown } | undefined)?.blocks);
  };

  beforeAll(async () => {
    t = await startTandem(backend, PRODUCTION_FAULTS);
    await t.command(
      '/initiative',
      `add "Summer launch" press_release <@${PAM}|pam> <#${CHANNEL}|c>`,
      as(PAM),
    );
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    t.slack.reset();
    t.logs.length = 0;
  });

  it('refused on opening: logged with the reason, no apology, and the next opening publishes it', async () => {
    t.slack.failNext('views.publish', { error: 'not_enabled' });
    await openHome(SOL);
    await t.slack.waitFor('views.publish', (c) => c.args.user_id === SOL, 5_000);
    expect(publishes(SOL)).toHaveLength(1);
    expect(notRefreshed()).toHaveLength(1);
    expect(notRefreshed()[0]).toContain('not_enabled');
    expect(apologies()).toEqual([]);

    await openHome(SOL);
    await t.slack.waitFor('views.publish', (c) => c.args.user_id === SOL && !c.fault, 5_000);
    expect(homeOf(SOL)).toContain('Your Tandem');
  });

  it('refused on the refresh after a change: the task is saved once and confirmed as usual', async () => {
    t.slack.failNext('views.publish', { error: 'not_enabled' });
    const calls = await t.command('/task', `add 1 "Prepare FAQ" social <@${SOL}|sol>`, as(PAM));
    expect(await t.db.prisma.task.count({ where: { teamId: TEAM, title: 'Prepare FAQ' } })).toBe(1);
    const reply = calls.find((c) => c.method === 'response_url');
    expect(textOf(reply)).toContain('Prepare FAQ');
    expect(publishes(SOL).filter((c) => c.fault)).toHaveLength(1);
    expect(notRefreshed()).toHaveLength(1);
    expect(apologies()).toEqual([]);

    await openHome(SOL);
    await t.slack.waitFor('views.publish', (c) => c.args.user_id === SOL && !c.fault, 5_000);
    expect(homeOf(SOL)).toContain('Prepare FAQ');
  });

  it('429: the client waits out Retry-After and publishes the home once', async () => {
    t.slack.failNext('views.publish', RATE_LIMITED);
    await openHome(PAM);
    await t.slack.waitFor('views.publish', (c) => c.args.user_id === PAM && !c.fault, 5_000);
    const tries = publishes(PAM);
    expect(tries.map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect((tries[1]?.at ?? 0) - (tries[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(homeOf(PAM)).toContain('Summer launch');
    expect(notRefreshed()).toEqual([]);
  });

  it('an answer later than the client timeout: one publish (it took effect), logged, not repeated', async () => {
    t.slack.failNext('views.publish', LATE);
    await openHome(PAM);
    await t.slack.waitFor('views.publish', (c) => c.args.user_id === PAM, 5_000);
    // Long enough for a retry, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(publishes(PAM)).toHaveLength(1);
    expect(homeOf(PAM)).toContain('Summer launch');
    expect(notRefreshed()).toHaveLength(1);
    expect(apologies()).toEqual([]);
  });
});
