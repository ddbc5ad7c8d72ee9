// The hot paths' prepared statements go to the driver, not through Prisma: a row read there must
// equal the same row read through Prisma, and an instant written there must read back the same,
// whatever the process's time zone (node-postgres would otherwise use local time both ways).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { claimTask } from '../../src/core/stores/task-updates.js';
import { findTaskById, findTaskByMessage } from '../../src/core/stores/tasks.js';
import { prepared } from '../../src/db/prepared.js';
import type { Deps } from '../../src/deps.js';
import { BACKENDS, openTestDatabase, type TestDatabase } from '../support/databases.js';

const TEAM = 'T_PREPARED';
const ZONE = process.env.TZ;

describe.each(BACKENDS)('prepared statements on %s', (backend) => {
  let db: TestDatabase;
  let deps: Deps;
  let now = new Date('2026-03-29T01:30:00.123Z');
  beforeAll(async () => {
    db = await openTestDatabase(backend);
    deps = { db, clock: { now: () => now } } as unknown as Deps;
    await db.prisma.workspace.create({ data: { teamId: TEAM } });
    const initiative = await db.prisma.initiative.create({
      data: {
        teamId: TEAM,
        number: 1,
        title: 'Spring launch',
        leadDiscipline: 'pr',
        createdBy: 'UA',
        collaborators: ['UB', 'UC'],
        keywords: ['launch'],
        dueDate: new Date('2026-03-30T00:00:00Z'),
      },
    });
    await db.prisma.task.create({
      data: {
        teamId: TEAM,
        number: 1,
        initiativeId: initiative.id,
        title: 'Pitch the trade press',
        discipline: 'pr',
        dueDate: new Date('2026-03-29T00:00:00Z'),
        snoozedUntil: new Date('2026-03-28T23:59:59.999Z'),
        messageChannel: 'C1',
        messageTs: '1.000100',
        createdBy: 'UA',
      },
    });
  });
  afterEach(() => {
    process.env.TZ = ZONE;
  });
  afterAll(async () => {
    await db?.destroy();
  });

  // Hours either side of UTC, and a day on which clocks change in both zones' regions.
  it.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Amsterdam'])(
    'reads a task with its initiative as Prisma does, in %s',
    async (zone) => {
      process.env.TZ = zone;
      const viaDriver = await findTaskByMessage(deps, TEAM, 'C1', '1.000100');
      const viaPrisma = await db.prisma.task.findFirst({
        where: { teamId: TEAM, messageTs: '1.000100' },
        include: { initiative: true },
      });
      expect(viaDriver).toEqual(viaPrisma);
      expect(await findTaskById(deps, TEAM, String(viaPrisma?.id))).toEqual(viaPrisma);
      // Only within its own workspace.
      expect(await findTaskById(deps, 'T_OTHER', String(viaPrisma?.id))).toBeNull();
      expect(viaDriver?.dueDate?.toISOString()).toBe('2026-03-29T00:00:00.000Z');
      expect(viaDriver?.initiative.collaborators).toEqual(['UB', 'UC']);
    },
  );

  it('writes the claim’s instant as the instant it is, read back through Prisma', async () => {
    process.env.TZ = 'America/Los_Angeles';
    now = new Date('2026-03-29T01:30:00.123Z');
    const task = await findTaskByMessage(deps, TEAM, 'C1', '1.000100');
    if (!task) throw new Error('no task');
    const outcome = await claimTask(deps, { teamId: TEAM, userId: 'UCLAIM', source: 'reaction' }, task);
    expect(outcome.kind).toBe('claimed');
    const row = await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect([row.assigneeId, row.updatedAt.toISOString()]).toEqual(['UCLAIM', now.toISOString()]);
    const history = await db.prisma.ownershipEvent.findMany({ where: { taskId: task.id } });
    expect(history.map((h) => [h.change, h.toUserId, h.at.toISOString()])).toEqual([
      ['claimed', 'UCLAIM', now.toISOString()],
    ]);
  });

  it('refuses a second text under a name already taken', () => {
    prepared('prepared_test_once', 'SELECT 1');
    expect(() => prepared('prepared_test_once', 'SELECT 1')).not.toThrow();
    expect(() => prepared('prepared_test_once', 'SELECT 2')).toThrow(/defined twice/);
  });
});
