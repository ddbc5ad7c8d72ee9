// The scheduler plans nudges only for workspaces that are due or were written to. Over random
// histories of writes and passing time, after every pass, planning every workspace afresh (what
// each pass used to do) must find nothing that was not already recorded: no nudge is missed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspaceFresh } from '../../src/core/team.js';
import { planNudges } from '../../src/features/nudges/plan.js';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'];
const PEOPLE = ['UPLAN0001', 'UPLAN0002', 'UPLAN0003'];
const HOUR = 60 * 60 * 1000;

type Step =
  | { kind: 'initiative'; team: number; owner: number | null; dueIn: number | null; ageHours: number }
  | {
      kind: 'task';
      team: number;
      dueIn: number | null;
      snoozeHours: number | null;
      respondHours: number | null;
    }
  | { kind: 'claim'; team: number; pick: number; owner: number | null }
  | { kind: 'zone'; team: number; zone: string }
  | { kind: 'windows'; team: number; windows: number[] }
  | { kind: 'leads'; team: number; leads: number[] }
  | { kind: 'wait'; minutes: number };

const team = fc.integer({ min: 0, max: 1 });
const person = fc.option(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { nil: null });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('initiative' as const),
    team,
    owner: person,
    dueIn: fc.option(fc.integer({ min: -3, max: 6 }), { nil: null }),
    ageHours: fc.integer({ min: 12, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('task' as const),
    team,
    dueIn: fc.option(fc.integer({ min: -3, max: 6 }), { nil: null }),
    snoozeHours: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    respondHours: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('claim' as const), team, pick: fc.nat(), owner: person }),
  fc.record({ kind: fc.constant('zone' as const), team, zone: fc.constantFrom(...ZONES) }),
  fc.record({
    kind: fc.constant('windows' as const),
    team,
    windows: fc.uniqueArray(fc.integer({ min: -2, max: 5 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('leads' as const),
    team,
    leads: fc.uniqueArray(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant('wait' as const),
    minutes: fc.oneof(fc.integer({ min: 1, max: 8 * 60 }), fc.integer({ min: 1, max: 30 * 60 })),
  }),
);

describe.each(BACKENDS)('planning only what changed or is due, on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  let run = 0;
  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-03-27T09:00:00Z') });
    scheduler = startScheduler(t.deps, t.app.app.client, { cron: false });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await t?.stop();
  });

  /** Nudges planning from scratch would add now: none, if the passes kept up. */
  async function missed(teamId: string): Promise<string[]> {
    const planned = await planNudges(t.deps, await loadWorkspaceFresh(t.deps, teamId), t.clock.now());
    const recorded = await t.db.prisma.nudgeSent.findMany({ where: { teamId } });
    const key = (n: { kind: string; recipientId: string; itemId: string; window: string }) =>
      `${n.kind}|${n.recipientId}|${n.itemId}|${n.window}`;
    const have = new Set(recorded.map(key));
    return planned.map(key).filter((k) => !have.has(k));
  }

  async function apply(teams: string[], s: Step, counters: Map<string, number>): Promise<void> {
    const next = (key: string) => {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    };
    const { prisma } = t.db;
    const now = t.clock.now();
    const dueDate = (days: number | null) =>
      days === null
        ? null
        : new Date(`${new Date(now.getTime() + days * 24 * HOUR).toISOString().slice(0, 10)}T00:00:00Z`);
    switch (s.kind) {
      case 'wait':
        t.clock.advance(s.minutes * 60_000);
        return;
      case 'initiative': {
        const teamId = teams[s.team] as string;
        const number = next(`initiative${s.team}`);
        await prisma.initiative.create({
          data: {
            teamId,
            number,
            title: `I${number}`,
            leadDiscipline: number % 2 ? 'pr' : 'social',
            ownerId: s.owner === null ? null : PEOPLE[s.owner],
            dueDate: dueDate(s.dueIn),
            createdBy: PEOPLE[0] as string,
            createdAt: new Date(now.getTime() - s.ageHours * HOUR),
          },
        });
        return;
      }
      case 'task': {
        const teamId = teams[s.team] as string;
        const initiative = await prisma.initiative.findFirst({
          where: { teamId },
          orderBy: { number: 'desc' },
        });
        if (!initiative) return;
        const number = next(`task${s.team}`);
        await prisma.task.create({
          data: {
            teamId,
            number,
            initiativeId: initiative.id,
            title: `T${number}`,
            createdBy: PEOPLE[0] as string,
            discipline: number % 3 === 0 ? null : number % 3 === 1 ? 'pr' : 'social',
            dueDate: dueDate(s.dueIn),
            snoozedUntil: s.snoozeHours ? new Date(now.getTime() + s.snoozeHours * HOUR) : null,
            respondBy: s.respondHours ? new Date(now.getTime() + s.respondHours * HOUR) : null,
          },
        });
        return;
      }
      case 'claim': {
        const tasks = await t.db.prisma.task.findMany({
          where: { teamId: teams[s.team] },
          orderBy: { number: 'asc' },
        });
        const task = tasks[s.pick % Math.max(1, tasks.length)];
        if (task)
          await prisma.task.update({
            where: { id: task.id },
            data: { assigneeId: s.owner === null ? null : PEOPLE[s.owner] },
          });
        return;
      }
      case 'zone':
        await prisma.workspace.update({ where: { teamId: teams[s.team] }, data: { timezone: s.zone } });
        return;
      case 'windows':
        await prisma.workspace.update({
          where: { teamId: teams[s.team] },
          data: { nudgeWindows: s.windows },
        });
        return;
      case 'leads':
        await prisma.workspace.update({
          where: { teamId: teams[s.team] },
          data: { prLeads: s.leads.map((i) => PEOPLE[i] as string) },
        });
        return;
    }
  }

  it('never misses a nudge that planning every workspace would record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: 12 }), async (steps) => {
        run++;
        const teams = [`TPLAN${run}A`, `TPLAN${run}B`];
        for (const teamId of teams)
          await t.db.prisma.workspace.create({
            data: {
              teamId,
              timezone: 'Europe/London',
              prLeads: [PEOPLE[0] as string],
              socialLeads: [PEOPLE[1] as string],
            },
          });
        const counters = new Map<string, number>();
        await scheduler.tick();
        for (const s of steps) {
          await apply(teams, s, counters);
          await scheduler.tick();
          for (const teamId of teams) expect(await missed(teamId), JSON.stringify(s)).toEqual([]);
        }
      }),
      { numRuns: 6, seed: 16_2026 },
    );
  }, 180_000);

  it('plans a snooze ending and a day unowned when they come, with no write in between', async () => {
    const teamId = 'TPLANTIME';
    const { prisma } = t.db;
    t.clock.set('2026-11-23T09:00:00Z');
    await prisma.workspace.create({ data: { teamId, timezone: 'UTC', prLeads: [PEOPLE[0] as string] } });
    const initiative = await prisma.initiative.create({
      data: {
        teamId,
        number: 1,
        title: 'Launch',
        leadDiscipline: 'pr',
        createdBy: PEOPLE[0] as string,
        createdAt: t.clock.now(),
      },
    });
    await prisma.task.create({
      data: {
        teamId,
        number: 1,
        initiativeId: initiative.id,
        title: 'Pitch',
        createdBy: PEOPLE[0] as string,
        dueDate: new Date('2026-11-23T00:00:00Z'),
        snoozedUntil: new Date('2026-11-23T11:00:00Z'),
      },
    });
    await scheduler.tick();
    const kinds = async () =>
      (await prisma.nudgeSent.findMany({ where: { teamId } })).map((n) => n.kind).sort();
    expect(await kinds()).toEqual([]);
    t.clock.set('2026-11-23T11:00:00Z');
    await scheduler.tick();
    expect(await kinds()).toEqual(['deadline']);
    // The new day is planned at midnight; the day unowned comes later that morning.
    t.clock.set('2026-11-24T00:00:00Z');
    await scheduler.tick();
    expect(await kinds()).not.toContain('unowned');
    t.clock.set('2026-11-24T09:00:00Z');
    await scheduler.tick();
    expect(await kinds()).toContain('unowned');
    expect(await missed(teamId)).toEqual([]);
  });

  it('a quiet workspace costs a pass nothing after its first plan', async () => {
    const teamId = 'TPLANQUIET';
    await t.db.prisma.workspace.create({ data: { teamId, timezone: 'UTC' } });
    await scheduler.tick();
    const planned = await t.db.prisma.nudgePlan.findUniqueOrThrow({ where: { teamId } });
    await scheduler.tick();
    expect(await t.db.prisma.nudgePlan.findUniqueOrThrow({ where: { teamId } })).toEqual(planned);
    expect(await t.db.prisma.nudgeInputChange.count({ where: { teamId } })).toBe(0);
    // A write marks it; the next pass plans it again and takes the mark away.
    await t.db.prisma.workspace.update({ where: { teamId }, data: { nudgeWindows: [2, 0] } });
    expect(await t.db.prisma.nudgeInputChange.count({ where: { teamId } })).toBe(1);
    t.clock.advance(60_000);
    await scheduler.tick();
    expect(await t.db.prisma.nudgeInputChange.count({ where: { teamId } })).toBe(0);
    const replanned = await t.db.prisma.nudgePlan.findUniqueOrThrow({ where: { teamId } });
    expect(replanned.plannedAt.getTime()).toBeGreaterThan(planned.plannedAt.getTime());
  });
});
