import type { Database } from '../database.js';
import type { SqlConnection } from '../sql-connection.js';
import { type Catalog, quoteIdent, readCatalog, type TableInfo } from './catalog.js';
import {
  checksumTable,
  readSequence,
  type SequenceState,
  type TableChecksum,
  useStableTextForms,
  writeSequence,
} from './checksums.js';
import { copyRows } from './copy-rows.js';

export class DatabaseMoveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseMoveError';
  }
}

export interface MoveReport {
  /** Per table, in the order copied: rows and md5, equal on both sides. */
  tables: TableChecksum[];
  sequences: SequenceState[];
  /** Tables that held rows before `force` emptied them. */
  overwritten: string[];
}

/**
 * Copies every row of `source` into `target`, both already migrated to the same version. The
 * source is read in one repeatable-read snapshot; the target is written in one transaction that
 * commits only after every table's count and checksum, computed by each server, agree. A target
 * that already holds rows is refused unless `force`, which empties it first in that transaction.
 */
export async function moveDatabase(
  source: Database,
  target: Database,
  options: { force: boolean },
): Promise<MoveReport> {
  return source.withConnection((src) =>
    target.withConnection(async (dst) => {
      await src.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        await dst.exec('BEGIN');
        try {
          const report = await moveInTransactions(src, dst, options.force);
          await dst.exec('COMMIT');
          return report;
        } catch (error) {
          await dst.exec('ROLLBACK');
          throw error;
        }
      } finally {
        await src.exec('ROLLBACK');
      }
    }),
  );
}

async function moveInTransactions(
  src: SqlConnection,
  dst: SqlConnection,
  force: boolean,
): Promise<MoveReport> {
  await useStableTextForms(src);
  await useStableTextForms(dst);
  const from = await readCatalog(src);
  const to = await readCatalog(dst);
  assertSameSchema(from, to);

  const occupied = await tablesWithRows(dst, to.tables);
  if (occupied.length > 0 && !force)
    throw new DatabaseMoveError(
      `The target database already holds Tandem data (rows in ${occupied.join(', ')}). Nothing was ` +
        'copied. Run again with --force to empty it first and replace its data with the embedded one.',
    );
  if (occupied.length > 0)
    await dst.exec(`TRUNCATE ${to.tables.map((t) => quoteIdent(t.name)).join(', ')} RESTART IDENTITY`);

  const expected: TableChecksum[] = [];
  for (const table of from.tables) {
    expected.push(await checksumTable(src, table));
    await copyRows(src, dst, table);
  }
  const sequences: SequenceState[] = [];
  for (const name of from.sequences) {
    const state = await readSequence(src, name);
    await writeSequence(dst, state);
    sequences.push(state);
  }

  const mismatches: string[] = [];
  for (const [i, table] of from.tables.entries()) {
    const want = expected[i];
    const got = await checksumTable(dst, table);
    if (want && (got.rows !== want.rows || got.md5 !== want.md5))
      mismatches.push(`${table.name} (${want.rows} rows ${want.md5} → ${got.rows} rows ${got.md5})`);
  }
  for (const state of sequences) {
    const got = await readSequence(dst, state.name);
    if (got.lastValue !== state.lastValue || got.isCalled !== state.isCalled)
      mismatches.push(`sequence ${state.name} (${state.lastValue} → ${got.lastValue})`);
  }
  if (mismatches.length > 0)
    throw new DatabaseMoveError(
      `The copy did not match the source, so it was rolled back and the target is as it was: ${mismatches.join('; ')}.`,
    );
  return { tables: expected, sequences, overwritten: occupied };
}

function assertSameSchema(from: Catalog, to: Catalog): void {
  if (from.migrations.join('\n') !== to.migrations.join('\n')) {
    const onlySource = from.migrations.filter((m) => !to.migrations.includes(m));
    const onlyTarget = to.migrations.filter((m) => !from.migrations.includes(m));
    throw new DatabaseMoveError(
      'The two databases are at different migrations, so their tables may not line up. ' +
        (onlySource.length > 0 ? `Only the source has ${onlySource.join(', ')}. ` : '') +
        (onlyTarget.length > 0
          ? `Only the target has ${onlyTarget.join(', ')} (was it migrated by a newer Tandem?). `
          : '') +
        'Nothing was copied.',
    );
  }
  const describe = (t: TableInfo) => `${t.name}(${t.columns.join(',')})`;
  const target = new Set(to.tables.map(describe));
  const differing = from.tables.filter((t) => !target.has(describe(t))).map((t) => t.name);
  const extra = to.tables.filter((t) => !from.tables.some((s) => s.name === t.name)).map((t) => t.name);
  if (differing.length > 0 || extra.length > 0)
    throw new DatabaseMoveError(
      `The target's tables differ from the source's although both are at the same migrations: ` +
        `${[...differing, ...extra].join(', ')}. Was the target changed by hand? Nothing was copied.`,
    );
}

async function tablesWithRows(conn: SqlConnection, tables: TableInfo[]): Promise<string[]> {
  const occupied: string[] = [];
  for (const table of tables) {
    const rows = await conn.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS found`,
    );
    if (rows[0]?.found) occupied.push(table.name);
  }
  return occupied;
}
