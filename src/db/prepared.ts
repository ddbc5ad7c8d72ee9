import pg from 'pg';

/**
 * A statement a hot path sends hundreds of times a second (a claim race): sent by name, so each
 * connection parses and plans it once, and straight to the driver. Through Prisma a raw
 * statement costs about three times the CPU of the statement itself (its request handling,
 * query interpreter and result mapping), and a burst is bound by Tandem's CPU, not the server's.
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

export type SqlValue = string | number | boolean | null | Date;

export type RunPrepared = <Row extends Record<string, unknown>>(
  statement: Prepared,
  values: readonly SqlValue[],
) => Promise<Row[]>;

const names = new Map<string, string>();

/** A connection holds a prepared statement under its name: one name, one text, process-wide. */
export function prepared(name: string, text: string): Prepared {
  const known = names.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement ${name} defined twice`);
  names.set(name, text);
  return { name, text };
}

const TIMESTAMP = 1114;
const DATE = 1082;

/**
 * Prisma keeps DateTime as `timestamp(3)` holding UTC and `@db.Date` as `date`; node-postgres
 * would read both in the process's time zone. These read them as Prisma does, so a row from
 * here equals the same row read through Prisma.
 */
const utcTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A Date is sent as its UTC instant: node-postgres would send local time, which `timestamp` keeps as is. */
function toParameter(value: SqlValue): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}

export function preparedRunner(pool: pg.Pool): RunPrepared {
  return async <Row extends Record<string, unknown>>(statement: Prepared, values: readonly SqlValue[]) => {
    const result = await pool.query<Row>({
      name: statement.name,
      text: statement.text,
      values: values.map(toParameter),
      types: utcTypes,
    });
    return result.rows;
  };
}
