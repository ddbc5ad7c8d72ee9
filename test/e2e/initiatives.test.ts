import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM_A = 'T_ALPHA';
const TEAM_B = 'T_BRAVO';
const ANA = 'UANA0PR01';
const CAM = 'UCAM0SOC1';
const DEV = 'UDEV00001';
const CHANNEL = 'C_LAUNCH';

const as = (userId: string, teamId = TEAM_A) => ({ teamId, userId, channelId: CHANNEL });
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;

function reply(calls: SlackCall[]): { type: unknown; text: string } {
  const r = calls.find((c) => c.method === 'response_url');
  if (!r) throw new Error(`no response_url reply among ${calls.map((c) => c.method).join(', ')}`);
  return { type: r.args.response_type, text: JSON.stringify(r.args.blocks ?? r.args.text) };
}

describe.each(BACKENDS)('initiatives end to end on %s', (backend) => {
  let t: RunningTandem;
  const counts = async () => ({
    initiatives: await t.db.prisma.initiative.count(),
    events: await t.db.prisma.ownershipEvent.count(),
  });

  beforeAll(async () => {
    t = await startTandem(backend);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('adds an initiative with an explicit owner, confirms it in the channel and records the owner', async () => {
    const calls = await t.command(
      '/initiative',
      `add "Q4 launch press release" press_release ${mention(ANA)} due 2026-12-01`,
      as(DEV),
    );
    const r = reply(calls);
    expect(r.type).toBe('in_channel');
    expect(r.text).toContain('#1');
    expect(r.text).toContain(`<@${ANA}>`);
    expect(r.text).toContain('Press release');

    const row = await t.db.prisma.initiative.findUniqueOrThrow({
      where: { teamId_number: { teamId: TEAM_A, number: 1 } },
    });
    expect(row).toMatchObject({
      title: 'Q4 launch press release',
      kind: 'press_release',
      leadDiscipline: 'pr',
      ownerId: ANA,
      channelId: CHANNEL,
    });
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe('2026-12-01');
    const events = await t.db.prisma.ownershipEvent.findMany({ where: { initiativeId: row.id } });
    expect(events).toMatchObject([
      { change: 'created', toUserId: ANA, actorId: DEV, source: 'command', teamId: TEAM_A },
    ]);
    // The new owner hears about it directly.
    const dm = calls.find((c) => c.method === 'chat.postMessage');
    expect(dm?.args.channel).toBe(`D${ANA}`);
  });

  it('suggests and records the leading discipline’s lead when no owner is given', async () => {
    await t.command('/tandem', `set social-leads ${mention(CAM)}`, as(DEV));
    const calls = await t.command('/initiative', 'add "Creator summit" influencer', as(DEV));
    // Influencer programs are joint: with no PR lead set, the social lead is suggested.
    const row = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM_A, title: 'Creator summit' },
    });
    expect(row.ownerId).toBe(CAM);
    expect(reply(calls).text).toContain('suggested');
    const events = await t.db.prisma.ownershipEvent.findMany({ where: { initiativeId: row.id } });
    expect(events).toMatchObject([{ change: 'suggested', toUserId: CAM }]);
  });

  it('leaves an initiative unowned, and says how to fix it, when nobody leads its discipline', async () => {
    const calls = await t.command('/initiative', 'add "Crisis drill" crisis', as(DEV, TEAM_B));
    const row = await t.db.prisma.initiative.findFirstOrThrow({
      where: { teamId: TEAM_B, title: 'Crisis drill' },
    });
    expect(row.ownerId).toBeNull();
    expect(row.number).toBe(1); // numbers are per workspace
    expect(reply(calls).text).toContain('/tandem set pr-leads');
    expect(await t.db.prisma.ownershipEvent.count({ where: { initiativeId: row.id } })).toBe(0);
  });

  it('refuses a member who neither owns nor leads it, privately, and changes nothing', async () => {
    const before = await counts();
    for (const text of [
      `assign 1 ${mention(DEV)}`,
      `handoff 1 ${mention(DEV)} mine now`,
      'status 1 cancelled',
      'due 1 2031-01-15',
    ]) {
      const r = reply(await t.command('/initiative', text, as(DEV)));
      expect(r.type).toBe('ephemeral');
      expect(r.text).toContain(`Only <@${ANA}> (the owner), a lead or a Tandem admin can`);
    }
    expect(await counts()).toEqual(before);
    const row = await t.db.prisma.initiative.findUniqueOrThrow({
      where: { teamId_number: { teamId: TEAM_A, number: 1 } },
    });
    expect(row).toMatchObject({ ownerId: ANA, status: 'planned' });
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe('2026-12-01');
  });

  it('assigns and hands off with a full history that who-owns shows', async () => {
    await t.command('/initiative', `assign 1 ${mention(CAM)}`, as(ANA));
    // Ana has Tandem's App Home open: it is kept current from now on.
    await t.openHome(ANA, TEAM_A);
    const handoff = await t.command(
      '/initiative',
      `handoff #1 ${mention(ANA)} Cam is on leave next week`,
      as(CAM),
    );
    expect(reply(handoff).type).toBe('in_channel');
    const row = await t.db.prisma.initiative.findUniqueOrThrow({
      where: { teamId_number: { teamId: TEAM_A, number: 1 } },
    });
    expect(row.ownerId).toBe(ANA);
    const events = await t.db.prisma.ownershipEvent.findMany({
      where: { initiativeId: row.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.change, e.fromUserId, e.toUserId])).toEqual([
      ['created', null, ANA],
      ['assigned', ANA, CAM],
      ['handoff', CAM, ANA],
    ]);
    expect(events.map((e) => e.actorId)).toEqual([DEV, ANA, CAM]);
    expect(events[2]?.reason).toBe('Cam is on leave next week');
    // The new owner's App Home is brought up to date at once.
    expect(handoff.some((c) => c.method === 'views.publish' && c.args.user_id === ANA)).toBe(true);

    const who = reply(await t.command('/tandem', 'who-owns q4 launch', as(DEV)));
    expect(who.type).toBe('ephemeral');
    expect(who.text).toContain(`is owned by <@${ANA}>`);
    expect(who.text).toContain('handoff');
    expect(who.text).toContain('Cam is on leave next week');
  });

  it('changes status and due date, confirming each in the channel', async () => {
    t.clock.set('2026-11-21T10:00:00Z');
    expect(reply(await t.command('/initiative', 'status 1 active', as(ANA))).text).toContain('active');
    const due = reply(await t.command('/initiative', 'due 1 tomorrow', as(ANA)));
    expect(due.type).toBe('in_channel');
    expect(due.text).toContain('tomorrow');
    const row = await t.db.prisma.initiative.findUniqueOrThrow({
      where: { teamId_number: { teamId: TEAM_A, number: 1 } },
    });
    expect(row.status).toBe('active');
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe('2026-11-22');
    // Status and due-date changes are history too, with who and from → to.
    const events = await t.db.prisma.ownershipEvent.findMany({
      where: { initiativeId: row.id, change: { in: ['status', 'due'] } },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.change, e.actorId, e.fromValue, e.toValue])).toEqual([
      ['status', ANA, 'planned', 'active'],
      ['due', ANA, '2026-12-01', '2026-11-22'],
    ]);
    const show = reply(await t.command('/initiative', 'show 1', as(DEV)));
    expect(show.text).toContain('changed the status from planned to active');
    expect(show.text).toContain('changed the due date from 2026-12-01 to 2026-11-22');
    const who = reply(await t.command('/tandem', 'who-owns 1', as(DEV)));
    expect(who.text).toContain('changed the status from planned to active');
  });

  it('reads "tomorrow" in the workspace’s zone, not the server’s', async () => {
    // 23:30 UTC on 21 Nov is already 22 Nov in Auckland.
    await t.command('/tandem', 'set timezone Pacific/Auckland', as(DEV, TEAM_B));
    t.clock.set('2026-11-21T23:30:00Z');
    // Nobody owned it, so Dev may take it, and as its owner set its due date.
    await t.command('/initiative', `assign 1 ${mention(DEV)}`, as(DEV, TEAM_B));
    await t.command('/initiative', 'due 1 tomorrow', as(DEV, TEAM_B));
    const row = await t.db.prisma.initiative.findUniqueOrThrow({
      where: { teamId_number: { teamId: TEAM_B, number: 1 } },
    });
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe('2026-11-23');
  });

  it('lists initiatives with filters, privately', async () => {
    const mine = reply(await t.command('/initiative', 'list mine', as(ANA)));
    expect(mine.type).toBe('ephemeral');
    expect(mine.text).toContain('Q4 launch press release');
    expect(mine.text).not.toContain('Creator summit');
    const influencer = reply(await t.command('/initiative', 'list influencer', as(ANA)));
    expect(influencer.text).toContain('Creator summit');
    expect(influencer.text).not.toContain('Q4 launch');
  });

  it.each([
    ['unknown subcommand', 'frobnicate 1', 'frobnicate'],
    ['missing title', 'add', 'title'],
    ['bad date', 'add "Launch" due the day after never', 'never'],
    ['unknown kind', 'add "Launch" presser', 'presser'],
    ['id not found', 'show 999', '#999'],
    ['assign to nobody', 'assign 1', 'assign'],
  ])('answers %s privately with an example and writes nothing', async (_name, text, mentioned) => {
    const before = await counts();
    const r = reply(await t.command('/initiative', text, as(DEV)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain(mentioned);
    expect(r.text).toContain('Example');
    expect(r.text).toContain('You typed');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['show 1', 'show'],
    [`assign 1 ${mention(DEV)}`, 'assign'],
    [`handoff 1 ${mention(DEV)} taking over`, 'handoff'],
    ['status 1 done', 'status'],
    ['due 1 in 3 days', 'due'],
  ])('keeps workspaces apart: "%s" from another workspace is not found', async (text) => {
    // Team A's #2 exists; team B has only #1, so #2 is A's alone.
    const target = await t.db.prisma.initiative.findUniqueOrThrow({
      where: { teamId_number: { teamId: TEAM_A, number: 2 } },
    });
    const before = await counts();
    const r = reply(await t.command('/initiative', text.replace(' 1', ' 2'), as(DEV, TEAM_B)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('There is no initiative #2');
    expect(await counts()).toEqual(before);
    expect(await t.db.prisma.initiative.findUniqueOrThrow({ where: { id: target.id } })).toEqual(target);
  });

  it('keeps workspaces apart for who-owns and lists too', async () => {
    const who = reply(await t.command('/tandem', 'who-owns 2', as(DEV, TEAM_B)));
    expect(who.type).toBe('ephemeral');
    expect(who.text).toContain('There is no initiative #2');
    const byTitle = reply(await t.command('/tandem', 'who-owns creator summit', as(DEV, TEAM_B)));
    expect(byTitle.text).toContain('No initiative in this workspace');
    const all = reply(await t.command('/initiative', 'list all', as(DEV, TEAM_B)));
    expect(all.text).toContain('Crisis drill');
    expect(all.text).not.toContain('Creator summit');
    expect(all.text).not.toContain('Q4 launch');
  });

  it('hands out distinct numbers to concurrent adds', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.sender.command('/initiative', `add "Parallel ${i}"`, as(DEV, 'T_PARALLEL')),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const rows = await t.db.prisma.initiative.findMany({ where: { teamId: 'T_PARALLEL' } });
    expect(rows.map((r) => r.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
