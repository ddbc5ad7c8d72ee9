// Socket Mode: Slack's requests arrive over a WebSocket, so nothing of Bolt's listens on PORT.
// Tandem's real entry point (src/main.ts as its own process) must still answer /healthz, /readyz
// and /metrics there, with /readyz following the connection: not ready before Slack's hello,
// ready once connected, not ready while a dropped link is being replaced, ready again after.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/scratch-database.js';
import { type FakeSocketSlack, startFakeSocketSlack } from '../harness/fake-socket-slack.js';
import { BOT_TOKEN } from '../harness/local-tandem.js';
import { sampleValue, scrape } from '../support/prometheus.js';
import { started, startTandemProcess, type TandemProcess } from '../support/tandem-process.js';

const APP_TOKEN = 'xapp-1-A_TANDEM-test';

async function readyz(baseUrl: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${baseUrl}/readyz`);
  return { status: res.status, body: await res.json() };
}

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('operational endpoints in Socket Mode', () => {
  let scratch: ScratchDatabase;
  let slack: FakeSocketSlack;
  let tandem: TandemProcess;

  beforeAll(async () => {
    scratch = await createScratchDatabase('tandem_socket_ops', { template: inject('postgresTemplate') });
    slack = await startFakeSocketSlack({ teamId: 'T_SOCKET' });
    tandem = await startTandemProcess({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        DATABASE_URL: scratch.url,
      },
    });
    await slack.waitForSocket();
  });
  afterAll(async () => {
    await tandem?.dispose();
    await slack?.close();
    await scratch?.drop();
  });

  it('answers on PORT before Slack says hello: healthy, not ready, naming the socket', async () => {
    const health = await fetch(`${tandem.baseUrl}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
    expect(await readyz(tandem.baseUrl)).toEqual({
      status: 503,
      body: { status: 'not ready', notReady: { slack: 'token not checked yet', socket: 'connecting' } },
    });
    expect((await fetch(`${tandem.baseUrl}/slack/events`, { method: 'POST' })).status).toBe(404);
  });

  it('is ready once connected, and /metrics counts the connection it opened', async () => {
    slack.hello();
    await tandem.waitForLog(started);
    expect(await readyz(tandem.baseUrl)).toEqual({ status: 200, body: { status: 'ready' } });
    const { samples } = await scrape(tandem.baseUrl);
    expect(sampleValue(samples, 'tandem_slack_api_calls_total', { method: 'apps.connections.open' })).toBe(1);
    // Bolt's own at init, and the check whether this workspace had uninstalled Tandem before.
    expect(sampleValue(samples, 'tandem_slack_api_calls_total', { method: 'auth.test', status: '200' })).toBe(
      2,
    );
  });

  it('is not ready while a dropped connection is being replaced, and ready again once it is', async () => {
    slack.drop();
    const down = await until(
      '/readyz to fail',
      () => readyz(tandem.baseUrl),
      (r) => r.status === 503,
    );
    expect(['reconnecting', 'connecting']).toContain(
      (down.body as { notReady: { socket?: string } }).notReady.socket,
    );
    expect((down.body as { notReady: object }).notReady).not.toHaveProperty('slack');
    slack.hello();
    await until(
      '/readyz to recover',
      () => readyz(tandem.baseUrl),
      (r) => r.status === 200,
    );
    // The start-up check's (made before Tandem's own clients exist), the first link's, its replacement's.
    expect(slack.calls.filter((m) => m === 'apps.connections.open')).toHaveLength(3);
  });

  it('on SIGTERM disconnects and exits 0', async () => {
    tandem.child.kill('SIGTERM');
    const { code, signal } = await tandem.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(tandem.logs.find((l) => l.msg === 'shut down')).toMatchObject({ drained: true });
  });
});
