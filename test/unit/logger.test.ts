import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boltLogger, createLogger } from '../../src/logger.js';

/** A destination that keeps every line pino writes. */
function capture(level = 'trace') {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      raw.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger(level, destination);
  const text = () => raw.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, text, lines };
}

const SECRET = 'xoxb-999-SECRET-VALUE';

describe('createLogger redaction', () => {
  it.each<[string, Record<string, unknown>, (line: Record<string, unknown>) => unknown]>([
    ['token', { token: SECRET }, (l) => l.token],
    ['botToken', { botToken: SECRET }, (l) => l.botToken],
    ['appToken', { appToken: SECRET }, (l) => l.appToken],
    ['signingSecret', { signingSecret: SECRET }, (l) => l.signingSecret],
    [
      'headers.authorization',
      { headers: { authorization: `Bearer ${SECRET}` } },
      (l) => (l.headers as Record<string, unknown>).authorization,
    ],
    [
      'req.headers.authorization',
      { req: { headers: { authorization: `Bearer ${SECRET}` } } },
      (l) => ((l.req as Record<string, unknown>).headers as Record<string, unknown>).authorization,
    ],
    // Bolt's context carries the bot token; Slack payloads carry the verification token.
    [
      'context.botToken',
      { context: { botToken: SECRET } },
      (l) => (l.context as Record<string, unknown>).botToken,
    ],
    ['body.token', { body: { token: SECRET } }, (l) => (l.body as Record<string, unknown>).token],
  ])('writes %s as [redacted]', (_path, object, pick) => {
    const { logger, text, lines } = capture();
    logger.info(object, 'something happened');
    expect(lines()).toHaveLength(1);
    const [line] = lines();
    if (!line) throw new Error('no log line');
    expect(pick(line)).toBe('[redacted]');
    expect(line.msg).toBe('something happened');
    expect(text()).not.toContain('SECRET-VALUE');
  });

  it('leaves other fields alone', () => {
    const { logger, lines } = capture();
    logger.info({ token: SECRET, teamId: 'T123', headers: { 'content-type': 'application/json' } }, 'x');
    expect(lines()[0]).toMatchObject({
      token: '[redacted]',
      teamId: 'T123',
      headers: { 'content-type': 'application/json' },
      app: 'tandem',
    });
  });
});

describe('createLogger levels', () => {
  it.each<[string, string[]]>([
    ['trace', ['trace', 'debug', 'info', 'warn', 'error', 'fatal']],
    ['info', ['info', 'warn', 'error', 'fatal']],
    ['warn', ['warn', 'error', 'fatal']],
    ['silent', []],
  ])('at %s writes only %j', (level, expected) => {
    const { logger, lines } = capture(level);
    for (const method of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const)
      logger[method](method);
    expect(lines().map((l) => l.msg)).toEqual(expected);
  });
});

describe('boltLogger', () => {
  it.each<[string, unknown[], string]>([
    ['a bot token in a sentence', ['auth.test failed for xoxb-123-abc'], 'auth.test failed for [redacted]'],
    ['an app token', ['connecting with xapp-1-XYZ now'], 'connecting with [redacted] now'],
    ['a user token', ['token=xoxp-1-2-3-abcdef'], 'token=[redacted]'],
    ['several arguments', ['token', 'xoxb-123-abc', 'and', 'xapp-1-XYZ'], 'token [redacted] and [redacted]'],
    ['an Error', [new Error('invalid_auth: xoxb-123-abc')], 'invalid_auth: [redacted]'],
    [
      'an object',
      [{ headers: { Authorization: 'Bearer xoxb-123-abc' } }],
      '{"headers":{"Authorization":"Bearer [redacted]"}}',
    ],
  ])('scrubs %s', (_label, args, expected) => {
    const { logger, text, lines } = capture();
    const bolt = boltLogger(logger);
    bolt.warn(...args);
    expect(lines()).toEqual([expect.objectContaining({ source: 'bolt', msg: expected })]);
    expect(text()).not.toMatch(/xoxb-|xapp-|xoxp-/);
  });

  it('writes each Bolt level to the same level in pino, filtered by pino’s level', () => {
    const { logger, lines } = capture('info');
    const bolt = boltLogger(logger);
    bolt.debug('d');
    bolt.info('i');
    bolt.warn('w');
    bolt.error('e');
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      [30, 'i'],
      [40, 'w'],
      [50, 'e'],
    ]);
  });

  it('does not stringify what a level that is off would have logged', () => {
    const { logger, lines } = capture('warn');
    let stringified = 0;
    const args = { toJSON: () => ++stringified };
    boltLogger(logger).debug('http request', args);
    boltLogger(logger).info('http request', args);
    expect([stringified, lines()]).toEqual([0, []]);
    boltLogger(logger).warn('http request', args);
    expect(stringified).toBe(1);
  });

  it('reports the level it was created with', () => {
    expect(boltLogger(capture('debug').logger).getLevel()).toBe(LogLevel.DEBUG);
    expect(boltLogger(capture('warn').logger).getLevel()).toBe(LogLevel.WARN);
  });
});

describe('the Web API client logging through boltLogger', () => {
  const TOKEN = 'xoxb-424242-CLIENT-SECRET';
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      // One method answers; any other drops the connection, so the client reports a request error.
      if (req.url?.endsWith('/auth.test')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"user_id":"U1"}');
      } else {
        req.socket.destroy();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('never writes the token, in debug request logs or in a logged request error', async () => {
    const { logger, text, lines } = capture('debug');
    const client = new WebClient(TOKEN, {
      slackApiUrl: url,
      logger: boltLogger(logger),
      retryConfig: { retries: 0 },
    });
    await client.auth.test();
    const error = await client.chat.postMessage({ channel: 'C1', text: 'hi' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ code: 'slack_webapi_request_error' });
    // What the error handler does with a listener's failure.
    logger.error({ err: error }, 'listener failed');

    expect(lines().length).toBeGreaterThan(2);
    expect(text()).toContain('listener failed');
    expect(text()).not.toContain('CLIENT-SECRET');
  });
});
