import type pg from 'pg';

/**
 * The little raw SQL that Tandem needs outside Prisma: multi-statement migration scripts and
 * advisory locks. Prisma's driver adapters run one statement per call, so scripts go through
 * the drivers themselves.
 */
export interface SqlConnection {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of many statements (simple query protocol); takes no parameters. */
  exec(script: string): Promise<void>;
}

export function pgClientConnection(client: pg.ClientBase): SqlConnection {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await client.query(script);
    },
  };
}
