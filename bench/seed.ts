// Rows for the memory and start-up benchmarks, written with plain SQL straight into a database
// Tandem has already migrated (and, for the embedded one, is not running on): generate_series, not Prisma.
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import type { TandemDatabase } from './processes.js';

export async function withRawDatabase<T>(
  database: TandemDatabase,
  fn: (exec: (sql: string) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  if ('databaseUrl' in database) {
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      return await fn((sql) => client.query(sql));
    } finally {
      await client.end();
    }
  }
  const db = await openDatabase({ dataDir: database.dataDir, migrate: false });
  try {
    return await db.withConnection((conn) => fn((sql) => conn.exec(sql)));
  } finally {
    await db.close();
  }
}

export const taskTs = (i: number) => `1700000000.${String(i).padStart(6, '0')}`;

/** `teams` workspaces TMEM0… with one initiative and `tasks` unclaimed task messages each in `channel`. */
export function taskMessagesSql(teams: number, tasks: number, channel: string): string {
  return `
INSERT INTO "Workspace" ("teamId", "nextInitiativeNumber", "nextTaskNumber", "updatedAt")
  SELECT 'TMEM' || t, 2, ${tasks + 1}, now() FROM generate_series(0, ${teams - 1}) t;
INSERT INTO "Initiative" (id, "teamId", number, title, "leadDiscipline", "createdBy", "updatedAt")
  SELECT gen_random_uuid()::text, 'TMEM' || t, 1, 'Memory bench launch', 'pr', 'USEED', now()
  FROM generate_series(0, ${teams - 1}) t;
INSERT INTO "Task" (id, "teamId", number, "initiativeId", title, "messageChannel", "messageTs", "createdBy", "updatedAt")
  SELECT gen_random_uuid()::text, i."teamId", k + 1, i.id, 'Memory bench task ' || (k + 1), '${channel}',
         '1700000000.' || lpad(k::text, 6, '0'), 'USEED', now()
  FROM "Initiative" i CROSS JOIN generate_series(0, ${tasks - 1}) k WHERE i."teamId" LIKE 'TMEM%';`;
}

/**
 * About `rows` rows over 10 workspaces: a tenth initiatives, six tenths tasks (half of them
 * claimed), three tenths ownership events.
 */
export function bulkRowsSql(rows: number): string {
  const initiatives = Math.max(10, Math.round(rows / 10));
  return `
INSERT INTO "Workspace" ("teamId", "nextInitiativeNumber", "nextTaskNumber", "updatedAt")
  SELECT 'TSEED' || t, ${initiatives / 10 + 1}, ${(initiatives / 10) * 6 + 1}, now() FROM generate_series(0, 9) t;
INSERT INTO "Initiative" (id, "teamId", number, title, "leadDiscipline", status, "ownerId", "createdBy", "updatedAt")
  SELECT gen_random_uuid()::text, 'TSEED' || (n % 10), n / 10 + 1, 'Seeded initiative ' || n, 'pr', 'active',
         'USEED' || (n % 50), 'USEED', now()
  FROM generate_series(0, ${initiatives - 1}) n;
INSERT INTO "Task" (id, "teamId", number, "initiativeId", title, "assigneeId", "messageChannel", "messageTs", "createdBy", "updatedAt")
  SELECT gen_random_uuid()::text, i."teamId", (i.number - 1) * 6 + k + 1, i.id, 'Seeded task',
         CASE WHEN k % 2 = 0 THEN 'USEED' || k END, 'CSEED',
         '1700000000.' || lpad(((i.number - 1) * 6 + k)::text, 6, '0'), 'USEED', now()
  FROM "Initiative" i CROSS JOIN generate_series(0, 5) k WHERE i."teamId" LIKE 'TSEED%';
INSERT INTO "OwnershipEvent" ("teamId", "initiativeId", "toUserId", "actorId", change, source)
  SELECT i."teamId", i.id, 'USEED' || k, 'USEED', 'assigned', 'command'
  FROM "Initiative" i CROSS JOIN generate_series(0, 2) k WHERE i."teamId" LIKE 'TSEED%';`;
}
