import { performance } from 'node:perf_hooks';
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { POSTS_PER_CHANNEL_PER_MINUTE, SLACK_TIERS } from './fake-slack-limits.js';

const TOKEN = 'xoxb-rate-test';
const PACED = { because: 'pacing of one channel is what these tests are about', perChannelPerSecond: 1 };

const client = (fake: FakeSlack, options: { rejectRateLimitedCalls: boolean; retries?: number }) =>
  new WebClient(TOKEN, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: options.retries ?? 0, minTimeout: 0, maxTimeout: 0 },
    rejectRateLimitedCalls: options.rejectRateLimitedCalls,
    logLevel: LogLevel.ERROR,
  });

const outcomes = (fake: FakeSlack) =>
  fake.callsTo('chat.postMessage').map((c) => `${String(c.args.channel)}:${c.fault ? '429' : 'ok'}`);

describe('fake Slack rate limits (tiers per method, posts per channel)', () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('refuses a second message to the same channel within a second, with 429 and Retry-After: 1', async () => {
    fake = await startFakeSlack({ rateLimit: PACED });
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
    fake = await startFakeSlack({ rateLimit: PACED });
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
    fake = await startFakeSlack({ rateLimit: { ...PACED, perChannelPerSecond: 2 } });
    const web = client(fake, { rejectRateLimitedCalls: true });

    await web.chat.postMessage({ channel: 'C1', text: '1' });
    await web.chat.postMessage({ channel: 'C1', text: '2' });
    await expect(web.chat.postMessage({ channel: 'C1', text: '3' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
    });
    expect(outcomes(fake)).toEqual(['C1:ok', 'C1:ok', 'C1:429']);
  });

  it('is honoured by a WebClient that retries: it waits for Retry-After and gets through', async () => {
    fake = await startFakeSlack({ rateLimit: PACED });
    const web = client(fake, { rejectRateLimitedCalls: false, retries: 1 });

    const started = performance.now();
    await web.chat.postMessage({ channel: 'C1', text: 'first' });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'second' })).resolves.toMatchObject({
      ok: true,
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(outcomes(fake)).toEqual(['C1:ok', 'C1:429', 'C1:ok']);
  });

  it("holds Slack's tiers by default: a burst up to the tier passes, the next call waits out the minute", async () => {
    fake = await startFakeSlack();
    const web = client(fake, { rejectRateLimitedCalls: true });
    const { ts } = await web.chat.postMessage({ channel: 'C1', text: 'post' });
    for (let i = 0; i < (SLACK_TIERS['chat.update'] ?? 0); i += 1) {
      await web.chat.update({ channel: 'C1', ts: String(ts), text: `edit ${i}` });
    }
    const refused = await web.chat
      .update({ channel: 'C1', ts: String(ts), text: 'one too many' })
      .catch((e) => e);
    expect(refused).toMatchObject({ code: ErrorCode.RateLimitedError });
    expect(refused.retryAfter).toBeGreaterThan(50);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    // Another method has its own allowance; refused calls were not counted against it.
    await expect(web.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.callsTo('chat.update').filter((c) => c.fault)).toHaveLength(1);
  });

  it("lets a channel take a minute's worth of posts in a burst, then refuses that channel only", async () => {
    fake = await startFakeSlack();
    const web = client(fake, { rejectRateLimitedCalls: true });
    for (let i = 0; i < POSTS_PER_CHANNEL_PER_MINUTE; i += 1)
      await web.chat.postMessage({ channel: 'C1', text: `${i}` });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'over' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
    });
    await expect(web.chat.postMessage({ channel: 'C2', text: 'elsewhere' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it("takes a test's own limits only with a reason", async () => {
    await expect(startFakeSlack({ rateLimit: { because: ' ', perMinute: { '*': 'off' } } })).rejects.toThrow(
      /say why/,
    );
    fake = await startFakeSlack({
      rateLimit: { because: 'a race, not pacing, is under test', perMinute: { '*': 'off' } },
    });
    const web = client(fake, { rejectRateLimitedCalls: true });
    const { ts } = await web.chat.postMessage({ channel: 'C1', text: 'post' });
    const updates = Array.from({ length: 120 }, (_, i) =>
      web.chat.update({ channel: 'C1', ts: String(ts), text: `${i}` }),
    );
    await expect(Promise.all(updates)).resolves.toHaveLength(120);
    expect(fake.calls.some((c) => c.fault)).toBe(false);
  });

  it('refuses a bad limit', async () => {
    await expect(startFakeSlack({ rateLimit: { ...PACED, perChannelPerSecond: 0 } })).rejects.toThrow(
      RangeError,
    );
  });
});
