import pg from 'pg';

/**
 * Readiness probes ask the server with a connection of their own, made per probe: taken from the
 * app's pool, a probe would wait behind a burst of work and report a busy Tandem as down, and a
 * kept connection could look alive after the server went away.
 */
export function healthProbe(connection: string | pg.PoolConfig) {
  const config = typeof connection === 'string' ? { connectionString: connection } : connection;
  const open = new Set<pg.Client>();
  return {
    async ping(timeoutMs: number): Promise<void> {
      const client = new pg.Client({
        ...config,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
        application_name: 'tandem-readiness',
      });
      // A server that goes away mid-probe emits 'error' on the client; the probe's promise reports it.
      client.on('error', () => {});
      open.add(client);
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        open.delete(client);
        await client.end().catch(() => {});
      }
    },
    async close(): Promise<void> {
      await Promise.all([...open].map((client) => client.end().catch(() => {})));
    },
  };
}
