import type { SqlConnection } from '../sql-connection.js';
import { quoteIdent, type TableInfo } from './catalog.js';

const BATCH = 500;

/**
 * Streams a table's rows from `source` (inside its snapshot transaction) into `target` in batches.
 * Rows travel as JSON and are rebuilt by the target's own row type, so arrays, enums, json and
 * timestamps arrive exactly as stored without this code knowing any column's type.
 */
export async function copyRows(
  source: SqlConnection,
  target: SqlConnection,
  table: TableInfo,
): Promise<number> {
  const name = quoteIdent(table.name);
  const columns = table.insertable.map(quoteIdent).join(', ');
  // OVERRIDING SYSTEM VALUE keeps the ids of identity columns instead of drawing new ones.
  const insert = `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`;
  await source.exec(
    `DECLARE tandem_move NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${name} t`,
  );
  let copied = 0;
  try {
    for (;;) {
      const batch = await source.query<{ row: string }>(`FETCH ${BATCH} FROM tandem_move`);
      if (batch.length === 0) break;
      await target.query(insert, [`[${batch.map((r) => r.row).join(',')}]`]);
      copied += batch.length;
    }
  } finally {
    await source.exec('CLOSE tandem_move');
  }
  return copied;
}
