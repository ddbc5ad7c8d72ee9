// A new team's App Home shows the first steps with Tandem, ticks each as it is done, and drops
// the list once all are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TFIRST001';
const ANA = 'UANA00001'; // workspace admin
const BEN = 'UBEN00001';
const CHANNEL = 'CFIRST001';
const DIGEST = 'CDIGEST01';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });

describe.each(BACKENDS)('the first-run checklist on %s', (backend) => {
  let t: RunningTandem;
  let eventNo = 0;

  /** The checklist's lines as the person sees them, or null when there is none. */
  async function checklist(user: string): Promise<Record<string, 'done' | 'todo'> | null> {
    t.slack.reset();
    await t.sender.event(
      { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1.0' },
      { teamId: TEAM, eventId: `EvFIRST${++eventNo}` },
    );
    const call = await t.slack.waitFor('views.publish', (c) => c.args.user_id === user);
    const blocks = (call.args.view as { blocks: Array<{ text?: { text: string } }> }).blocks;
    const list = blocks.find((b) => b.text?.text.startsWith('*Getting started*'));
    if (!list?.text) return null;
    const steps: Record<string, 'done' | 'todo'> = {};
    for (const line of list.text.text.split('\n').slice(1)) {
      const state = line.startsWith(':white_check_mark:') ? 'done' : 'todo';
      if (line.includes('leads')) steps.leads = state;
      else if (line.includes('digest channel')) steps.digest = state;
      else if (line.includes('initiative')) steps.initiative = state;
      else if (line.includes('/invite @Tandem')) steps.channel = state;
    }
    return steps;
  }

  beforeAll(async () => {
    t = await startTandem(backend);
    t.slack.setUser({ id: ANA, teamId: TEAM, isAdmin: true });
    t.slack.setUser({ id: BEN, teamId: TEAM });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a fresh workspace: every step unticked, for anyone who opens the App Home', async () => {
    const fresh = { leads: 'todo', digest: 'todo', initiative: 'todo', channel: 'todo' };
    expect(await checklist(ANA)).toEqual(fresh);
    expect(await checklist(BEN)).toEqual(fresh);
  });

  it('ticks the leads and the digest channel once they are set', async () => {
    await t.command('/tandem', `set pr-leads <@${ANA}|ana>`, as(ANA));
    expect(await checklist(ANA)).toMatchObject({ leads: 'done', digest: 'todo' });
    await t.command('/tandem', `set digest-channel <#${DIGEST}|digest>`, as(ANA));
    expect(await checklist(BEN)).toEqual({
      leads: 'done',
      digest: 'done',
      initiative: 'todo',
      channel: 'todo',
    });
  });

  it('ticks the initiative, and the channel only once Tandem has posted in one', async () => {
    await t.command('/initiative', `add "Spring launch" press_release <#${CHANNEL}|launch>`, as(ANA));
    // Someone who owns nothing still sees the workspace's initiative ticked.
    expect(await checklist(BEN)).toEqual({
      leads: 'done',
      digest: 'done',
      initiative: 'done',
      channel: 'todo',
    });
  });

  it('is gone once every step is done', async () => {
    await t.command('/task', 'add 1 "Brief the agency"', as(ANA));
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM } });
    expect(task.messageChannel).toBe(CHANNEL);
    expect(await checklist(BEN)).toBeNull();
    expect(await checklist(ANA)).toBeNull();
  });
});
