// The fetch Tandem's Slack calls go through, over undici's request: it must answer as fetch does
// for everything the Web API client and Bolt rely on, against a local server.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFetch } from '../../src/runtime/request-fetch.js';
import { timedOut } from '../../src/slack/timed-out.js';

interface Seen {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('requestFetch', () => {
  let server: Server;
  let base: string;
  let seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        const path = req.url ?? '';
        if (path === '/empty') return res.writeHead(204).end();
        if (path === '/moved') return res.writeHead(302, { location: '/elsewhere' }).end('moved');
        if (path === '/slow') return setTimeout(() => res.end('{"ok":true}'), 2_000);
        res
          .writeHead(path === '/limited' ? 429 : 200, {
            'content-type': 'application/json',
            'retry-after': '3',
            'set-cookie': ['a=1', 'b=2'],
          })
          .end(JSON.stringify({ ok: path !== '/limited', path }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the method, headers and body, and answers with status, headers and JSON', async () => {
    seen = [];
    const res = await requestFetch(`${base}/api/chat.update`, {
      method: 'POST',
      headers: { Authorization: 'Bearer xoxb-1', 'Content-Type': 'application/json; charset=utf-8' },
      body: '{"channel":"C1"}',
    });
    expect([res.status, res.ok, res.statusText]).toEqual([200, true, 'OK']);
    expect(await res.json()).toEqual({ ok: true, path: '/api/chat.update' });
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: '{"channel":"C1"}',
      headers: { authorization: 'Bearer xoxb-1', 'content-type': 'application/json; charset=utf-8' },
    });
  });

  it('encodes a URLSearchParams body as a form, as fetch does', async () => {
    seen = [];
    await requestFetch(`${base}/api/users.info`, {
      method: 'POST',
      headers: new Headers({ Accept: 'application/json' }),
      body: new URLSearchParams({ user: 'U1', include_locale: 'true' }),
    });
    expect(seen[0]?.body).toBe('user=U1&include_locale=true');
    expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(seen[0]?.headers.accept).toBe('application/json');
  });

  it('answers a 429 as a response, 204 without a body, and refuses a redirect when told to', async () => {
    const limited = await requestFetch(`${base}/limited`, { method: 'POST' });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await limited.json()).toEqual({ ok: false, path: '/limited' });
    const empty = await requestFetch(`${base}/empty`);
    expect([empty.status, await empty.text()]).toEqual([204, '']);
    await expect(requestFetch(`${base}/moved`, { redirect: 'error' })).rejects.toThrow(TypeError);
    expect((await requestFetch(`${base}/moved`, { redirect: 'manual' })).status).toBe(302);
  });

  it('fails a call that outlives its signal as a timeout, which Tandem never repeats', async () => {
    const error = await requestFetch(`${base}/slow`, { signal: AbortSignal.timeout(100) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(timedOut({ original: error })).toBe(true);
  });

  it('leaves a form (a file upload) to fetch, which sends it as multipart', async () => {
    seen = [];
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    expect((await requestFetch(`${base}/upload`, { method: 'POST', body: form })).status).toBe(200);
    expect(seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.body).toContain('hello');
  });
});
