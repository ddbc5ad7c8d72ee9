import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction } from '../harness/slack-payloads.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const TEAM = 'TNUDGE001';
const PAM = 'UPAM00001'; // PR lead, London
const SOL = 'USOL00001'; // social lead, New York
const CHANNEL = 'CLAUNCH01';
const as = (userId: string) => ({ teamId: TEAM, userId, channelId: CHANNEL });
const dmsTo = (t: RunningTandem, user: string): SlackCall[] =>
  t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${user}` && !c.fault);

describe.each(BACKENDS)('nudges on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-23T12:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
    t.slack.setUser({ id: PAM, teamId: TEAM, tz: 'Europe/London' });
    t.slack.setUser({ id: SOL, teamId: TEAM, tz: 'America/New_York' });
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
    await t.command('/tandem', `set social-leads <@${SOL}|sol>`, as(PAM));
    await t.command(
      '/initiative',
      `add "Launch" press_release <@${PAM}|pam> due 2026-12-20 <#${CHANNEL}|launch>`,
      as(PAM),
    );
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('nudges the owner once per window, with buttons to act', async () => {
    await t.command('/task', `add 1 "Draft posts" social due 2026-11-26 <@${SOL}|sol>`, as(PAM));
    t.slack.reset();
    await scheduler.tick(); // 12:00 UTC is 07:00 in New York: quiet hours, so it waits
    expect(dmsTo(t, SOL)).toHaveLength(0);
    t.clock.set('2026-11-23T13:00:00Z'); // 08:00 New York
    await scheduler.tick();
    await scheduler.tick();
    const [nudge] = dmsTo(t, SOL);
    expect(dmsTo(t, SOL)).toHaveLength(1);
    const blocks = JSON.stringify(nudge?.args.blocks);
    expect(blocks).toContain('due in 3 days');
    for (const action of ['nudge_done', 'nudge_snooze', 'nudge_handoff']) expect(blocks).toContain(action);

    t.slack.reset();
    t.clock.set('2026-11-25T14:00:00Z'); // the next window: due tomorrow
    await scheduler.tick();
    expect(JSON.stringify(dmsTo(t, SOL)[0]?.args.blocks)).toContain('due tomorrow');
  });

  it('marks the task done from the nudge and replaces the nudge with what was done', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title: 'Draft posts' } });
    const res = await t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId: SOL,
        responseUrl: t.slack.responseUrl('nudge-done'),
        channelId: `D${SOL}`,
        action: {
          type: 'button',
          action_id: 'nudge_done',
          block_id: `nudge:task:${task.id}`,
          value: `task:${task.id}`,
        },
      }),
    );
    expect(res.status).toBe(200);
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('done');
    const replaced = t.slack.callsTo('response_url').find((c) => c.args.responseUrlId === 'nudge-done');
    expect(replaced?.args.replace_original).toBe(true);
    expect(JSON.stringify(replaced?.args.blocks)).toContain('marked done by you');
  });

  it('sends nothing about snoozed tasks', async () => {
    await t.command('/task', `add 1 "Sleepy task" due 2026-11-27 <@${PAM}|pam>`, as(PAM));
    await t.command('/task', 'snooze T2', as(PAM));
    t.slack.reset();
    await scheduler.tick();
    expect(dmsTo(t, PAM).filter((c) => JSON.stringify(c.args.blocks).includes('Sleepy task'))).toHaveLength(
      0,
    );
  });

  it('asks the leading discipline’s lead to take an initiative left unowned for a day, and claims from the nudge', async () => {
    // Added while nobody led either side, so Tandem had nobody to suggest.
    await t.command('/tandem', 'set pr-leads none', as(PAM));
    await t.command('/tandem', 'set social-leads none', as(PAM));
    await t.command('/initiative', 'add "Orphan statement" crisis', as(SOL));
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as(PAM));
    await t.command('/tandem', `set social-leads <@${SOL}|sol>`, as(PAM));
    const orphan = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM, title: 'Orphan statement' },
    });
    expect(orphan.ownerId).toBeNull();
    t.slack.reset();
    await scheduler.tick();
    expect(
      dmsTo(t, PAM).filter((c) => JSON.stringify(c.args.blocks).includes('Orphan statement')),
    ).toHaveLength(0);
    t.clock.set('2026-11-26T15:00:00Z');
    await scheduler.tick();
    const nudge = dmsTo(t, PAM).find((c) => JSON.stringify(c.args.blocks).includes('Orphan statement'));
    expect(JSON.stringify(nudge?.args.blocks)).toContain('no owner for a day');
    await t.sender.interaction(
      blockAction({
        teamId: TEAM,
        userId: PAM,
        responseUrl: t.slack.responseUrl('nudge-claim'),
        channelId: `D${PAM}`,
        action: {
          type: 'button',
          action_id: 'nudge_claim',
          block_id: `nudge:initiative:${orphan.id}`,
          value: `initiative:${orphan.id}`,
        },
      }),
    );
    expect((await t.db.prisma.initiative.findUniqueOrThrow({ where: { id: orphan.id } })).ownerId).toBe(PAM);
  });

  it('escalates overdue work to both leads after one more day', async () => {
    await t.command('/task', `add 1 "Overdue pitch" pr due 2026-11-27 <@${PAM}|pam>`, as(PAM));
    t.clock.set('2026-11-29T15:00:00Z'); // two days overdue
    t.slack.reset();
    await scheduler.tick();
    const about = (user: string) =>
      dmsTo(t, user).filter((c) => JSON.stringify(c.args.blocks).includes('Overdue pitch'));
    expect(
      about(SOL)
        .map((c) => JSON.stringify(c.args.blocks))
        .join(),
    ).toContain('overdue');
    expect(about(PAM).length).toBeGreaterThanOrEqual(1);
  });

  it('does not act on another workspace’s item from a nudge button', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, title: 'Overdue pitch' } });
    await t.sender.interaction(
      blockAction({
        teamId: 'TOTHER001',
        userId: 'UOTHER001',
        responseUrl: t.slack.responseUrl('foreign'),
        channelId: 'DOTHER',
        action: {
          type: 'button',
          action_id: 'nudge_done',
          block_id: `nudge:task:${task.id}`,
          value: `task:${task.id}`,
        },
      }),
    );
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('open');
    const answer = t.slack.callsTo('response_url').find((c) => c.args.responseUrlId === 'foreign');
    expect(JSON.stringify(answer?.args.blocks)).toContain('no longer exists');
  });

  it('follows the workspace’s own quiet hours and nudge windows', async () => {
    await t.command('/tandem', 'set quiet-hours off', as(PAM));
    await t.command('/tandem', 'set nudge-windows 7', as(PAM));
    expect(await t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).toMatchObject({
      quietStart: '00:00',
      quietEnd: '00:00',
      nudgeWindows: [7],
    });
    await t.command('/task', `add 1 "Night owl task" due 2026-12-05 <@${SOL}|sol>`, as(PAM));
    t.clock.set('2026-11-29T07:00:00Z'); // 02:00 in New York: never quiet now; six days ahead is inside 7
    t.slack.reset();
    await scheduler.tick();
    expect(
      dmsTo(t, SOL).filter((c) => JSON.stringify(c.args.blocks).includes('Night owl task')),
    ).toHaveLength(1);
  });
});
