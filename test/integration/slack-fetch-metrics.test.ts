// Every HTTP request Bolt and its Web API clients make to Slack goes through countingFetch; here
// against a local server that answers as Slack does, including a 429 with Retry-After.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../src/runtime/metrics.js';
import { countingFetch } from '../../src/runtime/slack-fetch.js';
import { freePort } from '../support/ports.js';
import { parsePrometheus, sampleValue } from '../support/prometheus.js';

const counted = async (name: string, labels: Record<string, string> = {}) =>
  sampleValue(parsePrometheus(await registry.metrics()), name, labels);

describe('countingFetch', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      if (req.url?.endsWith('/chat.postMessage'))
        return res.writeHead(429, { 'retry-after': '7' }).end('{"ok":false,"error":"ratelimited"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('counts calls by method and status, 429s and the wait they ask for, and calls that got no answer', async () => {
    await countingFetch(`${base}/api/users.info`, { method: 'POST' });
    await countingFetch(`${base}/commands/T1/2/secret-part`, { method: 'POST' });
    const limited = await countingFetch(`${base}/api/chat.postMessage`, { method: 'POST' });
    expect(limited.status).toBe(429);
    await expect(countingFetch(`http://127.0.0.1:${await freePort()}/api/auth.test`)).rejects.toThrow();

    expect(await counted('tandem_slack_api_calls_total', { method: 'users.info', status: '200' })).toBe(1);
    expect(await counted('tandem_slack_api_calls_total', { method: 'response_url', status: '200' })).toBe(1);
    expect(await counted('tandem_slack_api_calls_total', { method: 'chat.postMessage', status: '429' })).toBe(
      1,
    );
    expect(await counted('tandem_slack_api_calls_total', { method: 'auth.test', status: 'error' })).toBe(1);
    expect(await counted('tandem_slack_rate_limited_total', { method: 'chat.postMessage' })).toBe(1);
    expect(await counted('tandem_slack_rate_limit_wait_seconds_total')).toBe(7);
    expect(await registry.metrics()).not.toContain('secret-part');
  });
});
