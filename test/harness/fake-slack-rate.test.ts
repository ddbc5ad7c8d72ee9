import { performance } from 'node:perf_hooks';
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

const TOKEN = 'xoxb-rate-test';

const client = (fake: FakeSlack, options: { rejectRateLimitedCalls: boolean; retries?: number }) =>
  new WebClient(TOKEN, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: options.retries ?? 0, minTimeout: 0, maxTimeout: 0 },
    rejectRateLimitedCalls: options.rejectRateLimitedCalls,
    logLevel: LogLevel.ERROR,
  });

const outcomes = (fake: FakeSlack) =>
  fake.callsTo('chat.postMessage').map((c) => `${String(c.args.channel)}:${c.fault ? '429' : 'ok'}`);

describe('fake Slack rate limit (chat.postMessage per channel)', () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('refuses a second message to the same channel within a second, with 429 and Retry-After: 1', async () => {
    fake = await startFakeSlack({ rateLimit: { perChannelPerSecond: 1 } });
    const web = client(fake, { rejectRateLimitedCalls: true });

    await expect(web.chat.postMessage({ channel: 'C1', text: 'first' })).resolves.toMatchObject({ ok: true });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'second' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 1,
    });
    // Another channel has its own allowance.
    await expect(web.chat.postMessage({ channel: 'C2', text: 'elsewhere' })).resolves.toMatchObject({
      ok: true,
    });
    expect(outcomes(fake)).toEqual(['C1:ok', 'C1:429', 'C2:ok']);
  });

  it('counts only accepted messages, and lets the channel post again once the second has passed', async () => {
    fake = await startFakeSlack({ rateLimit: { perChannelPerSecond: 1 } });
    const web = client(fake, { rejectRateLimitedCalls: true });

    await web.chat.postMessage({ channel: 'C1', text: 'first' });
    const firstAt = performance.now();
    await expect(web.chat.postMessage({ channel: 'C1', text: 'refused' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_050 - (performance.now() - firstAt))));
    await expect(web.chat.postMessage({ channel: 'C1', text: 'later' })).resolves.toMatchObject({ ok: true });
    expect(outcomes(fake)).toEqual(['C1:ok', 'C1:429', 'C1:ok']);
  });

  it('allows perChannelPerSecond messages per rolling second', async () => {
    fake = await startFakeSlack({ rateLimit: { perChannelPerSecond: 2 } });
    const web = client(fake, { rejectRateLimitedCalls: true });

    await web.chat.postMessage({ channel: 'C1', text: '1' });
    await web.chat.postMessage({ channel: 'C1', text: '2' });
    await expect(web.chat.postMessage({ channel: 'C1', text: '3' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
    });
    expect(outcomes(fake)).toEqual(['C1:ok', 'C1:ok', 'C1:429']);
  });

  it('is honoured by a WebClient that retries: it waits for Retry-After and gets through', async () => {
    fake = await startFakeSlack({ rateLimit: { perChannelPerSecond: 1 } });
    const web = client(fake, { rejectRateLimitedCalls: false, retries: 1 });

    const started = performance.now();
    await web.chat.postMessage({ channel: 'C1', text: 'first' });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'second' })).resolves.toMatchObject({
      ok: true,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(outcomes(fake)).toEqual(['C1:ok', 'C1:429', 'C1:ok']);
  });

  it('limits nothing unless asked, and leaves other methods alone', async () => {
    fake = await startFakeSlack();
    const web = client(fake, { rejectRateLimitedCalls: true });
    for (const text of ['1', '2', '3']) await web.chat.postMessage({ channel: 'C1', text });
    expect(outcomes(fake)).toEqual(['C1:ok', 'C1:ok', 'C1:ok']);
    await fake.close();

    fake = await startFakeSlack({ rateLimit: { perChannelPerSecond: 1 } });
    const limited = client(fake, { rejectRateLimitedCalls: true });
    const { ts } = await limited.chat.postMessage({ channel: 'C1', text: 'post' });
    await expect(limited.chat.update({ channel: 'C1', ts: String(ts), text: 'edit' })).resolves.toMatchObject(
      {
        ok: true,
      },
    );
    await expect(
      limited.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('refuses a bad limit', async () => {
    await expect(startFakeSlack({ rateLimit: { perChannelPerSecond: 0 } })).rejects.toThrow(RangeError);
  });
});
