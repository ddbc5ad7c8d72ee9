import { StartupFailure } from './failure.js';

const ENCODE =
  'percent-encode special characters in the user name and password (# as %23, @ as %40, / as %2F, ? as %3F, % as %25)';

/**
 * A password holding `#`, `/` or `?` ends the URL's host part early, so the server is looked for
 * at a host made of part of the password. Caught before connecting, and said without echoing it.
 */
export function checkDatabaseUrl(url: string): void {
  const afterScheme = url.replace(/^[a-z]+:\/\//i, '');
  const authorityEnd = afterScheme.search(/[/?#]/);
  const rest = authorityEnd === -1 ? '' : afterScheme.slice(authorityEnd);
  if (rest.includes('@') || url.includes('#')) {
    throw new StartupFailure(
      'DATABASE_URL cannot be read as meant: its user:password part holds a #, / or ? that ends the host part early',
      'DATABASE_URL',
      ENCODE,
    );
  }
  if (!URL.canParse(url)) {
    throw new StartupFailure(
      'DATABASE_URL is not a URL that can be read',
      'DATABASE_URL',
      `write it as postgres://user:password@host:5432/database and ${ENCODE}`,
    );
  }
}

/** Host and port as the URL says, never its user name or password. */
export function databaseTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return 'the server DATABASE_URL names';
  }
}

interface PgError {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  message?: string;
}

/** A failure to reach or enter the PostgreSQL server DATABASE_URL names, or null if it is none. */
export function classifyDatabaseError(error: unknown, url: string): StartupFailure | null {
  const e = (error ?? {}) as PgError;
  // pg says where it actually tried; the URL is the fallback.
  const target = e.address && e.port ? `${e.address}:${e.port}` : databaseTarget(url);
  const said = (what: string, todo: string) =>
    new StartupFailure(what, 'DATABASE_URL', todo, { cause: error });
  switch (e.code) {
    case 'ECONNREFUSED':
      return said(
        `PostgreSQL refused the connection at ${target}`,
        `start the server, or correct the host and port in DATABASE_URL; ${ENCODE}`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return said(
        `PostgreSQL's host ${e.hostname ?? databaseTarget(url)} was not found`,
        `correct the host in DATABASE_URL; ${ENCODE}`,
      );
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return said(
        `PostgreSQL at ${target} could not be reached (${e.code})`,
        'check the host, the port and any firewall between here and the server',
      );
    case '28P01':
      return said(
        `PostgreSQL at ${databaseTarget(url)} refused the password`,
        `correct the user name and password in DATABASE_URL; ${ENCODE}`,
      );
    case '28000':
      return said(
        `PostgreSQL at ${databaseTarget(url)} does not let this user in`,
        "check the user name in DATABASE_URL and the server's pg_hba.conf",
      );
    case '3D000':
      return said(
        `PostgreSQL at ${databaseTarget(url)} has no database of the name DATABASE_URL gives`,
        'create it (createdb), or correct the name after the last / in DATABASE_URL',
      );
    default:
      // pg's own connection timeout: the host took the packets and never answered.
      if (/timeout exceeded when trying to connect/i.test(e.message ?? '')) {
        return said(
          `PostgreSQL at ${target} did not answer within 15 seconds`,
          'check the host, the port and any firewall between here and the server',
        );
      }
      if (e.message?.includes('Connection terminated')) {
        return said(
          `PostgreSQL at ${target} closed the connection while Tandem was connecting`,
          'check that DATABASE_URL names a PostgreSQL server, and its logs',
        );
      }
      return null;
  }
}
