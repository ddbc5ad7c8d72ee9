import type { SqlConnection } from '../sql-connection.js';
import { quoteIdent, type TableInfo } from './catalog.js';

export interface TableChecksum {
  table: string;
  rows: number;
  /** md5 of every row's text form, in primary-key order. */
  md5: string;
}

/**
 * Fixes how values are printed as text, so that two servers configured differently (another
 * DateStyle, time zone or locale) print the same rows the same way. Call inside a transaction.
 */
export async function useStableTextForms(conn: SqlConnection): Promise<void> {
  await conn.exec(
    "SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL TimeZone = 'UTC'; " +
      "SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'",
  );
}

/**
 * Counts and hashes a table on the server itself. Rows are ordered by the text of their key under
 * the "C" collation: the two servers may sort text by different locales, and a key's text is as
 * unique as the key.
 */
export async function checksumTable(conn: SqlConnection, table: TableInfo): Promise<TableChecksum> {
  const order =
    table.primaryKey.length > 0
      ? table.primaryKey.map((c) => `t.${quoteIdent(c)}::text COLLATE "C"`).join(', ')
      : 't::text COLLATE "C"';
  const rows = await conn.query<{ rows: string; md5: string }>(
    `SELECT count(*)::text AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS md5
       FROM ${quoteIdent(table.name)} t`,
  );
  return { table: table.name, rows: Number(rows[0]?.rows ?? 0), md5: rows[0]?.md5 ?? '' };
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export async function readSequence(conn: SqlConnection, name: string): Promise<SequenceState> {
  const rows = await conn.query<{ last_value: string; is_called: boolean }>(
    `SELECT last_value::text, is_called FROM ${quoteIdent(name)}`,
  );
  return { name, lastValue: rows[0]?.last_value ?? '1', isCalled: rows[0]?.is_called ?? false };
}

export async function writeSequence(conn: SqlConnection, state: SequenceState): Promise<void> {
  await conn.query('SELECT setval(quote_ident($1)::regclass, $2::bigint, $3)', [
    state.name,
    state.lastValue,
    state.isCalled,
  ]);
}
