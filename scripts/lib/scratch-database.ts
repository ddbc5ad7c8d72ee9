import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where throwaway databases are created: the local PostgreSQL unless told otherwise. */
export const DEFAULT_ADMIN_URL =
  process.env.TANDEM_ADMIN_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new empty database (optionally copied from `template`), dropped again by `drop()`. */
export async function createScratchDatabase(
  prefix: string,
  options: { adminUrl?: string; template?: string } = {},
): Promise<ScratchDatabase> {
  const adminUrl = options.adminUrl ?? DEFAULT_ADMIN_URL;
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, (admin) =>
    admin.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ''}`),
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      ),
  };
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
