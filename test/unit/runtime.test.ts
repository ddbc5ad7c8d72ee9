import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { readMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createLifecycle } from '../../src/runtime/lifecycle.js';
import { createReadiness } from '../../src/runtime/readiness.js';
import { shutDown } from '../../src/runtime/shutdown.js';
import { slackMethodOf } from '../../src/runtime/slack-fetch.js';
import { requestTypeOf } from '../../src/runtime/track-requests.js';

/** A promise and the function that settles it, to hold work open as long as a test wants. */
function gate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('requestTypeOf', () => {
  it.each([
    [{ command: '/task', text: 'list' }, 'command'],
    [{ type: 'event_callback', event: { type: 'reaction_added' } }, 'event'],
    [{ type: 'block_actions', actions: [] }, 'action'],
    [{ type: 'interactive_message' }, 'action'],
    [{ type: 'view_submission' }, 'view'],
    [{ type: 'view_closed' }, 'view'],
    [{ type: 'shortcut' }, 'shortcut'],
    [{ type: 'message_action' }, 'shortcut'],
    [{ type: 'block_suggestion' }, 'options'],
    [{ type: 'url_verification' }, 'other'],
  ])('%j is a %s', (body, type) => {
    expect(requestTypeOf(body)).toBe(type);
  });
});

describe('slackMethodOf', () => {
  it('names Web API methods, and every other Slack URL a response_url, never echoing the URL', () => {
    expect(slackMethodOf('https://slack.com/api/chat.postMessage')).toBe('chat.postMessage');
    expect(slackMethodOf('http://127.0.0.1:4000/api/apps.connections.open')).toBe('apps.connections.open');
    expect(slackMethodOf('https://hooks.slack.com/commands/T1/123/SECRETxyz')).toBe('response_url');
    expect(slackMethodOf('not a url')).toBe('unknown');
  });
});

describe('lifecycle', () => {
  it('is idle only once all tracked work has settled, failures included', async () => {
    const lifecycle = createLifecycle();
    await lifecycle.idle();
    const a = gate();
    const b = gate();
    const first = lifecycle.track(() => a.promise);
    const second = lifecycle.track(async () => {
      await b.promise;
      throw new Error('listener failed');
    });
    expect(lifecycle.inFlight).toBe(2);
    let idle = false;
    const waiting = lifecycle.idle().then(() => {
      idle = true;
    });
    a.open();
    await first;
    expect([lifecycle.inFlight, idle]).toEqual([1, false]);
    b.open();
    await expect(second).rejects.toThrow('listener failed');
    await waiting;
    expect([lifecycle.inFlight, idle]).toEqual([0, true]);
  });
});

const MIGRATIONS = `${import.meta.dirname}/../../prisma/migrations`;

/** A database whose `_prisma_migrations` records `applied`, and whose server answers while `reachable()`. */
function fakeDb(reachable: () => boolean, applied: string[]): Database {
  return {
    kind: 'postgres',
    prisma: undefined as never,
    run: undefined as never,
    async withConnection(fn) {
      // What pendingMigrations asks: is the table there, and which migrations are recorded.
      return fn({
        async query(sql: string) {
          if (sql.includes('to_regclass')) return [{ present: true }] as never;
          return applied.map((name) => ({ migration_name: name })) as never;
        },
        async exec() {},
      });
    },
    async ping() {
      if (!reachable()) throw new Error('connect ECONNREFUSED 10.0.0.5:5432 user=tandem');
    },
    async close() {},
  };
}

describe('readiness', () => {
  it('names each thing that is not ready, and nothing once all are', async () => {
    let up = true;
    const lifecycle = createLifecycle();
    const applied = (await readMigrations(MIGRATIONS)).map((m) => m.name);
    const readiness = createReadiness({ db: fakeDb(() => up, applied), lifecycle, mode: 'socket' });
    expect(await readiness.check()).toEqual({
      ready: false,
      notReady: { migrations: 'not checked yet', slack: 'token not checked yet', socket: 'connecting' },
    });
    await readiness.checkMigrations(MIGRATIONS);
    readiness.slackAuthChecked();
    readiness.setSocketState('connected');
    expect(await readiness.check()).toEqual({ ready: true, notReady: {} });
    up = false;
    readiness.setSocketState('reconnecting');
    lifecycle.beginStopping();
    expect(await readiness.check()).toEqual({
      ready: false,
      notReady: { shutdown: 'shutting down', database: 'not reachable', socket: 'reconnecting' },
    });
  });

  it('reports pending migrations by name', async () => {
    const onDisk = (await readMigrations(MIGRATIONS)).map((m) => m.name);
    const newest = onDisk.at(-1) ?? '';
    const db = fakeDb(() => true, onDisk.slice(0, -1));
    const readiness = createReadiness({ db, lifecycle: createLifecycle(), mode: 'http' });
    readiness.slackAuthChecked();
    await readiness.checkMigrations(MIGRATIONS);
    expect(await readiness.check()).toEqual({ ready: false, notReady: { migrations: `pending: ${newest}` } });
  });
});

describe('shutDown', () => {
  it('stops taking work, waits for work in flight and the scheduler, then closes Slack, then the database', async () => {
    const lifecycle = createLifecycle();
    const steps: string[] = [];
    const request = gate();
    const pass = gate();
    const inFlight = lifecycle.track(async () => {
      await request.promise;
      steps.push('request finished');
    });
    const done = shutDown({
      lifecycle,
      scheduler: {
        async stop() {
          await pass.promise;
          steps.push('scheduler pass finished');
        },
      },
      app: {
        async stop() {
          steps.push('slack closed');
        },
      },
      db: {
        async close() {
          steps.push('database closed');
        },
      },
      logger: createLogger('silent'),
      timeoutMs: 60_000,
    });
    expect(lifecycle.stopping).toBe(true);
    await Promise.resolve();
    expect(steps).toEqual([]);
    pass.open();
    request.open();
    await inFlight;
    const result = await done;
    expect(steps.slice(2)).toEqual(['slack closed', 'database closed']);
    expect(steps.slice(0, 2).sort()).toEqual(['request finished', 'scheduler pass finished']);
    expect(result).toMatchObject({ drained: true, abandoned: 0 });
  });
});
