// Request hygiene at the HTTP edge: oversized bodies and bad signature timestamps are refused
// before the body is read, over a real socket against the real receiver, on both databases.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/slack/request-guard.js';
import { SIGNING_SECRET } from '../harness/local-tandem.js';
import { sign, slashCommandBody } from '../harness/slack-sender.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { rowCounts } from './support.js';

const TEAM = 'THYGIENE1';
const USER = 'UHYGIENE1';
const nowSec = () => Math.floor(Date.now() / 1000);
const FORM = 'application/x-www-form-urlencoded';

interface Streamed {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** True when the server closed the connection before the client ran out of body to send. */
  closedEarly: boolean;
}

/**
 * Posts `headers`, then writes `chunk` until `total` bytes are written or the server closes the
 * connection, even after an answer came. Unless `end`, the request is never ended: a server that
 * waits for the whole body before answering leaves this hanging, so the timeout is the failure.
 * A connection of its own each time (no keep-alive agent), so no test inherits another's socket.
 */
function stream(
  url: string,
  headers: Record<string, string>,
  chunk: Buffer,
  total: number,
  { timeoutMs = 5_000, end = false } = {},
): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let closed = false;
    let answer: Omit<Streamed, 'closedEarly'> | undefined;
    let settled = false;
    const req = request(url, { method: 'POST', headers, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms after ${sent} bytes`));
    }, timeoutMs);
    const settle = () => {
      if (settled || !answer || (!closed && sent < total)) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, closedEarly: closed && sent < total });
      req.destroy();
    };
    const pump = () => {
      while (!closed && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (end && !closed && !req.writableEnded) req.end();
      settle();
    };
    req.on('response', (res) => {
      answer = { status: res.statusCode ?? 0, headers: res.headers };
      res.resume();
      settle();
    });
    const onClosed = () => {
      closed = true;
      settle();
    };
    req.on('close', onClosed);
    req.on('error', onClosed);
    pump();
  });
}

describe.each(BACKENDS)('request hygiene on %s', (backend) => {
  let t: RunningTandem;
  let url: string;
  const signed = (body: string, timestamp = nowSec()) => ({
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(SIGNING_SECRET, timestamp, body),
  });

  beforeAll(async () => {
    t = await startTandem(backend);
    url = `${t.baseUrl}/slack/events`;
    // A first command creates the workspace, so later counts compare like with like.
    await t.command('/tandem', 'help', { teamId: TEAM, userId: USER });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers a declared body over 512 KB with 413 without waiting for it, and closes the connection', async () => {
    const before = await rowCounts(t.db);
    // 4 KB of the 512 KB + 1 declared: a server that read before judging would never answer.
    const res = await stream(
      url,
      { ...signed('x'), 'content-type': FORM, 'content-length': String(MAX_BODY_BYTES + 1) },
      Buffer.alloc(1024, 'a'),
      4 * 1024,
    );
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('stops reading a chunked body past 512 KB: 413, and the connection closes while the client still sends', async () => {
    const before = await rowCounts(t.db);
    const total = 64 * 1024 * 1024;
    const res = await stream(
      url,
      { ...signed('x'), 'content-type': FORM, 'transfer-encoding': 'chunked' },
      Buffer.alloc(64 * 1024, 'a'),
      total,
      { timeoutMs: 20_000 },
    );
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(res.closedEarly).toBe(true);
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('refuses a whole chunked body of 1 MB with 413 (Bolt alone would read up to 4 MB, then say 401)', async () => {
    const res = await stream(
      url,
      { ...signed('x'), 'content-type': FORM, 'transfer-encoding': 'chunked' },
      Buffer.alloc(64 * 1024, 'a'),
      1024 * 1024,
      { end: true },
    );
    expect(res.status).toBe(413);
  });

  it('still takes a signed request just under the cap', async () => {
    const body = `${slashCommandBody('/tandem', 'help', {
      teamId: TEAM,
      userId: USER,
      responseUrl: t.slack.responseUrl('big'),
      triggerId: 'trig.hygiene.big',
    })}&padding=${'p'.repeat(400 * 1024)}`;
    const res = await t.sender.raw(body, { 'content-type': FORM });
    expect(res.status).toBe(200);
    expect(t.slack.callsTo('response_url').some((c) => c.args.responseUrlId === 'big')).toBe(true);
  });

  it.each<[string, () => Record<string, string>]>([
    ['no timestamp', () => ({ 'x-slack-signature': sign(SIGNING_SECRET, nowSec(), 'x') })],
    ['no signature', () => ({ 'x-slack-request-timestamp': String(nowSec()) })],
    ['no signature headers at all', () => ({})],
    ['a stale timestamp (5 min 1 s old)', () => signed('x', nowSec() - 301)],
    ['a future timestamp (5 min 1 s ahead)', () => signed('x', nowSec() + 301)],
    ['a timestamp with a fraction', () => ({ ...signed('x'), 'x-slack-request-timestamp': `${nowSec()}.5` })],
    ['a timestamp that is not a number', () => ({ ...signed('x'), 'x-slack-request-timestamp': 'soon' })],
  ])('refuses %s with 401 before reading the body', async (_name, headers) => {
    const before = await rowCounts(t.db);
    const res = await stream(
      url,
      { ...headers(), 'content-type': FORM, 'content-length': String(100 * 1024) },
      Buffer.alloc(1024, 'a'),
      4 * 1024,
    );
    expect(res.status).toBe(401);
    expect(res.headers.connection).toBe('close');
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it("still answers Slack's unsigned ssl_check probe, and GET /healthz", async () => {
    const probe = await t.sender.raw(
      'ssl_check=1&token=legacy',
      { 'content-type': FORM },
      { omitHeaders: true },
    );
    expect(probe.status).toBe(200);
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });
});
