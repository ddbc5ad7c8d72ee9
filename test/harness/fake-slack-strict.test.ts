import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

// The stand-in refuses what Slack refuses, so the app's handling of each refusal can be tested.
const TOKEN = 'xoxb-strict-test';
const client = (fake: FakeSlack) =>
  new WebClient(TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
const errorOf = (call: Promise<unknown>) =>
  call.then(
    () => 'ok',
    (e: { data?: { error?: string } }) => e.data?.error ?? String(e),
  );
const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Form' }, blocks: [] };

describe('fake Slack refuses what Slack refuses', () => {
  let fake: FakeSlack;
  afterEach(async () => {
    await fake?.close();
  });

  it('opens a modal with a trigger only once, and only within 3 seconds of the action', async () => {
    fake = await startFakeSlack();
    const web = client(fake);
    expect(await errorOf(web.views.open({ trigger_id: 'never-issued', view }))).toBe('invalid_trigger_id');

    fake.issueTrigger('fresh');
    expect(await errorOf(web.views.open({ trigger_id: 'fresh', view }))).toBe('ok');
    expect(await errorOf(web.views.open({ trigger_id: 'fresh', view }))).toBe('exchanged_trigger_id');

    fake.issueTrigger('late');
    fake.advanceTime(2_900);
    fake.issueTrigger('just-in-time');
    fake.advanceTime(200);
    expect(await errorOf(web.views.open({ trigger_id: 'late', view }))).toBe('expired_trigger_id');
    expect(await errorOf(web.views.open({ trigger_id: 'just-in-time', view }))).toBe('ok');
  });

  it('takes five posts through a response_url within 30 minutes', async () => {
    fake = await startFakeSlack();
    const post = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"hi"}',
      }).then((r) => r.json());
    const old = fake.responseUrl('old');
    fake.advanceTime(30 * 60_000 + 1);
    expect(await post(old)).toEqual({ ok: false, error: 'expired_url' });
    const fresh = fake.responseUrl('fresh');
    for (let i = 0; i < 5; i += 1) expect(await post(fresh)).toEqual({ ok: true });
    expect(await post(fresh)).toEqual({ ok: false, error: 'used_url' });
  });

  it('pages members, users and history with cursors until none is left', async () => {
    fake = await startFakeSlack({
      rateLimit: {
        because: 'filling a channel with 230 messages is set-up, not pacing',
        postsPerChannelPerMinute: 'off',
      },
    });
    const web = client(fake);
    const members = Array.from({ length: 250 }, (_, i) => `U${String(i).padStart(4, '0')}`);
    fake.setChannel({ id: 'CBIG', isPrivate: true, members });
    for (const id of members) fake.setUser({ id });
    for (let i = 0; i < 230; i += 1) await web.chat.postMessage({ channel: 'CHIST', text: `m${i}` });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await web.conversations.members({
        channel: 'CBIG',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...(page.members ?? []));
      cursor = page.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(members);

    const firstUsers = await web.users.list({ limit: 200 });
    expect(firstUsers.members).toHaveLength(200);
    const restUsers = await web.users.list({
      limit: 200,
      cursor: firstUsers.response_metadata?.next_cursor ?? '',
    });
    expect(restUsers.members?.map((m) => m.id)).toEqual(members.slice(200));
    expect(restUsers.response_metadata?.next_cursor).toBe('');

    const first = await web.conversations.history({ channel: 'CHIST' });
    expect(first.messages).toHaveLength(100);
    expect(first.messages?.[0]?.text).toBe('m229');
    expect(first.has_more).toBe(true);
    const second = await web.conversations.history({
      channel: 'CHIST',
      cursor: first.response_metadata?.next_cursor ?? '',
    });
    expect(second.messages?.[0]?.text).toBe('m129');
  });

  it('refuses DMs to deactivated people and to bots, with their real errors', async () => {
    fake = await startFakeSlack();
    const web = client(fake);
    fake.setUser({ id: 'UGONE', deactivated: true });
    fake.setUser({ id: 'UBOT', isBot: true });
    expect(await errorOf(web.conversations.open({ users: 'UGONE' }))).toBe('user_disabled');
    expect(await errorOf(web.chat.postMessage({ channel: 'UGONE', text: 'hello' }))).toBe('user_disabled');
    expect(await errorOf(web.conversations.open({ users: 'UBOT' }))).toBe('cannot_dm_bot');
    expect((await web.users.info({ user: 'UGONE' })).user?.deleted).toBe(true);
  });

  it('refuses updates to messages it never posted, and posts to archived or hidden channels', async () => {
    fake = await startFakeSlack();
    const web = client(fake);
    fake.setChannel({ id: 'COLD', isPrivate: false, members: [], archived: true });
    fake.setChannel({ id: 'CSECRET', isPrivate: true, members: [], hidden: true });
    expect(await errorOf(web.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(await errorOf(web.chat.delete({ channel: 'C1', ts: '1.000001' }))).toBe('message_not_found');
    const { ts } = await web.chat.postMessage({ channel: 'C1', text: 'gone soon' });
    expect(await errorOf(web.chat.delete({ channel: 'C1', ts: String(ts) }))).toBe('ok');
    expect(await errorOf(web.chat.update({ channel: 'C1', ts: String(ts), text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(await errorOf(web.chat.postMessage({ channel: 'COLD', text: 'x' }))).toBe('is_archived');
    expect(await errorOf(web.chat.postMessage({ channel: 'CSECRET', text: 'x' }))).toBe('channel_not_found');
  });

  it('schedules a fault for one channel, leaving the others alone', async () => {
    fake = await startFakeSlack();
    const web = client(fake);
    fake.failNext('chat.postMessage', { error: 'not_in_channel' }, 2, { channel: 'CBAD' });
    expect(await errorOf(web.chat.postMessage({ channel: 'CGOOD', text: 'x' }))).toBe('ok');
    expect(await errorOf(web.chat.postMessage({ channel: 'CBAD', text: 'x' }))).toBe('not_in_channel');
    expect(await errorOf(web.chat.postMessage({ channel: 'CGOOD', text: 'x' }))).toBe('ok');
    expect(await errorOf(web.chat.postMessage({ channel: 'CBAD', text: 'x' }))).toBe('not_in_channel');
    expect(await errorOf(web.chat.postMessage({ channel: 'CBAD', text: 'x' }))).toBe('ok');
  });
});
