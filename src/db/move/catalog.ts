import type { SqlConnection } from '../sql-connection.js';

/** One table of Tandem's schema, as the database itself describes it. */
export interface TableInfo {
  name: string;
  /** Every column in declaration order. */
  columns: string[];
  /** Columns a row may be given (generated columns are computed by the target). */
  insertable: string[];
  /** Primary key columns; empty when the table has none. */
  primaryKey: string[];
}

export interface Catalog {
  /** Parents before children, so rows can be inserted with every foreign key checked. */
  tables: TableInfo[];
  sequences: string[];
  /** Names of the migrations recorded as finished. */
  migrations: string[];
}

/** Prisma's bookkeeping: the target keeps its own, written when migrations were applied to it. */
export const MIGRATIONS_TABLE = '_prisma_migrations';

/**
 * Rows the target writes for itself while the others arrive: database triggers add a change mark
 * for every copied row, so the copy's own marks (every workspace changed) are the right ones and
 * the source's are not carried over, nor their sequence.
 */
export const DERIVED_TABLES = ['NudgeInputChange'];

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Reads the tables from the database rather than from a list in code, so a table added by a new
 * migration is moved without anyone remembering to add it here.
 */
export async function readCatalog(conn: SqlConnection): Promise<Catalog> {
  const columns = await conn.query<{ table_name: string; column_name: string; is_generated: string }>(
    `SELECT c.table_name, c.column_name, c.is_generated
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND c.table_name <> ALL($1::text[])
      ORDER BY c.table_name, c.ordinal_position`,
    [[MIGRATIONS_TABLE, ...DERIVED_TABLES]],
  );
  const keys = await conn.query<{ table_name: string; column_name: string }>(
    `SELECT k.table_name, k.column_name
       FROM information_schema.table_constraints c
       JOIN information_schema.key_column_usage k
         ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
        AND k.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.constraint_type = 'PRIMARY KEY'
      ORDER BY k.table_name, k.ordinal_position`,
  );
  const references = await conn.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint f
       JOIN pg_class child ON child.oid = f.conrelid
       JOIN pg_class parent ON parent.oid = f.confrelid
      WHERE f.contype = 'f' AND f.connamespace = current_schema()::regnamespace`,
  );
  const sequences = await conn.query<{ name: string }>(
    `SELECT s.sequencename AS name FROM pg_sequences s
      WHERE s.schemaname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                         WHERE d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass
                           AND d.deptype = 'a' AND t.relname = ANY($1::text[]))
      ORDER BY 1`,
    [DERIVED_TABLES],
  );
  const migrations = await readMigrationNames(conn);

  const tables = new Map<string, TableInfo>();
  for (const row of columns) {
    const table = tables.get(row.table_name) ?? {
      name: row.table_name,
      columns: [],
      insertable: [],
      primaryKey: [],
    };
    table.columns.push(row.column_name);
    if (row.is_generated !== 'ALWAYS') table.insertable.push(row.column_name);
    tables.set(row.table_name, table);
  }
  for (const key of keys) tables.get(key.table_name)?.primaryKey.push(key.column_name);

  return {
    tables: parentsFirst([...tables.values()], references),
    sequences: sequences.map((s) => s.name),
    migrations,
  };
}

async function readMigrationNames(conn: SqlConnection): Promise<string[]> {
  const exists = await conn.query<{ found: boolean }>(
    `SELECT to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1)) IS NOT NULL AS found`,
    [MIGRATIONS_TABLE],
  );
  if (!exists[0]?.found) return [];
  const rows = await conn.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${quoteIdent(MIGRATIONS_TABLE)}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** Topological order by foreign keys; a table referring to itself needs no ordering between tables. */
function parentsFirst(
  tables: TableInfo[],
  references: Array<{ child: string; parent: string }>,
): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      throw new Error(`Foreign keys form a cycle (${[...path, name].join(' → ')}); rows cannot be ordered.`);
    state.set(name, 'visiting');
    for (const ref of references)
      if (ref.child === name && ref.parent !== name && byName.has(ref.parent))
        visit(ref.parent, [...path, name]);
    state.set(name, 'done');
    const table = byName.get(name);
    if (table) ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table.name, []);
  return ordered;
}
