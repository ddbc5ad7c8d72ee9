// Finding a message Tandem posted when Slack's answer was lost: through every page of the window,
// so a busy channel cannot hide it, and only within the window.
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPosted } from '../../src/slack/post-once.js';
import { type FakeSlack, startFakeSlack } from '../harness/fake-slack.js';

const key = { type: 'tandem_digest', teamId: 'T1', key: '2026-12-06' };
const metadata = { event_type: key.type, event_payload: { team_id: key.teamId, key: key.key } };

describe('findPosted against the stand-in', () => {
  let fake: FakeSlack;
  let web: WebClient;
  beforeEach(async () => {
    fake = await startFakeSlack({
      // The chatter stands for a busy channel's people, whose messages Slack does not pace.
      rateLimit: { because: 'hundreds of messages are set-up, not pacing', postsPerChannelPerMinute: 'off' },
    });
    web = new WebClient('xoxb-post-once', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(async () => {
    await fake.close();
  });

  async function busyChannel(after: number) {
    const before = new Date();
    const mine = await web.chat.postMessage({ channel: 'C1', text: 'digest', metadata });
    for (let i = 0; i < after; i++) await web.chat.postMessage({ channel: 'C1', text: `chatter ${i}` });
    return { before, ts: String(mine.ts) };
  }

  it('finds its message behind 450 newer ones, reading page after page', async () => {
    const { before, ts } = await busyChannel(450);
    fake.reset();
    expect(await findPosted(web, 'C1', key, before)).toEqual({ channel: 'C1', ts });
    const pages = fake.callsTo('conversations.history');
    expect(pages.length).toBe(3);
    expect(pages[1]?.args.cursor).toBeTruthy();
    expect(pages.every((p) => p.args.oldest !== undefined)).toBe(true);
  });

  it('says null, after reading the whole window, when the message is not there', async () => {
    await busyChannel(0);
    const other = { ...key, key: '2026-12-07' };
    expect(await findPosted(web, 'C1', other, new Date(Date.now() - 60_000))).toBeNull();
  });
});
