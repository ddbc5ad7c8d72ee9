import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger, LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import { createSlackSender, type SlackSender, sign } from './slack-sender.js';

// Named imports, not `import bolt from '@slack/bolt'`: Bolt is CommonJS with `__esModule`, so Node hands the default
// import module.exports while vitest's interop hands it `exports.default` (the App class alone).

const TOKEN = 'xoxb-harness-test';
const SIGNING_SECRET = 'harness-signing-secret';
const TEAM = 'T_HARNESS';

const client = (fake: FakeSlack, { rejectRateLimitedCalls = false } = {}) =>
  new WebClient(TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls });

describe('fake Slack Web API', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('records chat.postMessage with blocks parsed back from form fields', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Launch* plan' } }];
    const first = await client(fake).chat.postMessage({ channel: 'C1', text: 'Launch plan', blocks });
    const second = await client(fake).chat.postMessage({ channel: 'C1', text: 'again' });

    expect(first).toMatchObject({ ok: true, channel: 'C1', message: { text: 'Launch plan', blocks } });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = fake.callsTo('chat.postMessage');
    expect(call).toMatchObject({ token: TOKEN, args: { channel: 'C1', text: 'Launch plan', blocks } });
    expect(call?.args).not.toHaveProperty('token');
  });

  it('refuses to update a message it never posted, as Slack does', async () => {
    const web = client(fake);
    const { ts } = await web.chat.postMessage({ channel: 'C1', text: 'mine' });
    await expect(web.chat.update({ channel: 'C1', ts: String(ts), text: 'edited' })).resolves.toMatchObject({
      ok: true,
    });
    await expect(
      web.chat.update({ channel: 'C1', ts: '1700000000.000001', text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    await expect(web.chat.update({ channel: 'C2', ts: String(ts), text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('takes five messages through one response_url, and refuses the sixth', async () => {
    const url = fake.responseUrl('five');
    const post = async () =>
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'hi' }),
        })
      ).json();
    for (let i = 0; i < 5; i++) expect(await post()).toEqual({ ok: true });
    expect(await post()).toEqual({ ok: false, error: 'used_url' });
  });

  it('answers the other methods the app uses', async () => {
    const web = client(fake);
    await expect(web.auth.test()).resolves.toMatchObject({ team_id: 'T_DEFAULT', user_id: 'U_TANDEM_BOT' });
    await expect(web.conversations.open({ users: 'U1' })).resolves.toMatchObject({ channel: { id: 'DU1' } });
    await expect(
      web.chat.getPermalink({ channel: 'C1', message_ts: '1700000000.000100' }),
    ).resolves.toMatchObject({
      permalink: 'https://example.slack.com/archives/C1/p1700000000000100',
    });
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'New' }, blocks: [] };
    fake.issueTrigger('t1');
    const opened = await web.views.open({ trigger_id: 't1', view });
    expect(opened.view).toMatchObject({ ...view, id: expect.stringMatching(/^V/) });
    await expect(web.apiCall('no.such.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('serves users.info from setUser and rejects unknown users', async () => {
    fake.setUser({ id: 'U1', name: 'ada', tz: 'Europe/Paris', isAdmin: true });

    const { user } = await client(fake).users.info({ user: 'U1' });
    expect(user).toMatchObject({ id: 'U1', name: 'ada', tz: 'Europe/Paris', is_admin: true, is_bot: false });
    await expect(client(fake).users.info({ user: 'U404' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { error: 'user_not_found' },
    });
  });

  it('answers 429 with Retry-After, which WebClient surfaces as a rate-limit error', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });

    await expect(
      client(fake, { rejectRateLimitedCalls: true }).chat.postMessage({ channel: 'C1', text: 'hi' }),
    ).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(client(fake).chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.callsTo('chat.postMessage').map((c) => c.fault ?? false)).toEqual([true, false]);
  });

  it('answers 500 and { ok: false } faults, and a retrying client gets through', async () => {
    fake.failNext('chat.update', { status: 500 });
    fake.failNext('reactions.add', { error: 'already_reacted' });

    await expect(client(fake).chat.update({ channel: 'C1', ts: '1', text: 'x' })).rejects.toMatchObject({
      code: ErrorCode.HTTPError,
      statusCode: 500,
    });
    await expect(
      client(fake).reactions.add({ channel: 'C1', timestamp: '1', name: 'eyes' }),
    ).rejects.toMatchObject({
      data: { error: 'already_reacted' },
    });

    fake.failNext('chat.postMessage', { status: 500 }, 2);
    const patient = new WebClient(TOKEN, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 },
    });
    await expect(patient.chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('answers not_authed without a token, in a header or a form field', async () => {
    const anonymous = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    await expect(anonymous.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({
      data: { error: 'not_authed' },
    });
    const viaForm = await fetch(`${fake.apiUrl}auth.test`, {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN }),
    });
    expect(await viaForm.json()).toMatchObject({ ok: true });
    expect(fake.calls.map((c) => c.token)).toEqual([undefined, TOKEN]);
  });

  it('records JSON posts to a response_url', async () => {
    const url = fake.responseUrl('cmd-1');
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'Done' }),
    });

    expect(answer.status).toBe(200);
    expect(fake.callsTo('response_url')[0]?.args).toEqual({
      response_type: 'ephemeral',
      text: 'Done',
      responseUrlId: 'cmd-1',
    });
  });

  it('waitFor resolves on a later call and otherwise lists what arrived', async () => {
    const waiting = fake.waitFor('chat.postEphemeral', (c) => c.args.user === 'U2');
    await client(fake).chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'one' });
    await client(fake).chat.postEphemeral({ channel: 'C1', user: 'U2', text: 'two' });
    await expect(waiting).resolves.toMatchObject({ args: { text: 'two' } });

    await expect(fake.waitFor('views.publish', undefined, 20)).rejects.toThrow(
      /no matching views\.publish call within 20ms; calls received:\n.*chat\.postEphemeral/,
    );
    fake.reset();
    expect(fake.calls).toEqual([]);
  });
});

describe('signed requests against a Bolt HTTPReceiver', () => {
  let fake: FakeSlack;
  let app: InstanceType<typeof App>;
  let sender: SlackSender;
  let url: string;
  const warnings: string[] = [];
  const commands: string[] = [];
  const mentions: { text: string; retryNum: number | undefined; retryReason: string | undefined }[] = [];
  const actions: string[] = [];

  // Captures Bolt's warnings so a test can tell which check refused a request.
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (...msgs) => {
      warnings.push(msgs.map(String).join(' '));
    },
    error: () => {},
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };

  beforeAll(async () => {
    fake = await startFakeSlack({ token: TOKEN });
    const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, processBeforeResponse: true, logger });
    app = new App({
      token: TOKEN,
      receiver,
      logger,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/initiative', async ({ ack, command, respond }) => {
      commands.push(command.text);
      await ack();
      await respond({ response_type: 'ephemeral', text: `Created ${command.text}` });
    });
    app.event('app_mention', async ({ event, context }) => {
      mentions.push({ text: event.text, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    app.action('claim', async ({ ack, action }) => {
      await ack();
      if (action.type === 'button') actions.push(action.value ?? '');
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    sender = createSlackSender({ url, signingSecret: SIGNING_SECRET, responseUrl: () => fake.responseUrl() });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });
  beforeEach(() => {
    warnings.length = 0;
    commands.length = 0;
  });

  it('verifies the static token with auth.test', async () => {
    // Fired from App's constructor without being awaited, so it may land after start() resolves.
    await expect(fake.waitFor('auth.test')).resolves.toMatchObject({ token: TOKEN });
  });

  it('delivers a signed slash command, whose respond() reaches the response_url', async () => {
    const res = await sender.command('/initiative', 'Spring launch', { teamId: TEAM, userId: 'U1' });

    expect(res.status).toBe(200);
    expect(commands).toEqual(['Spring launch']);
    // processBeforeResponse holds the HTTP answer until the listener finishes, so respond() has already landed.
    expect(fake.callsTo('response_url').at(-1)?.args).toMatchObject({ text: 'Created Spring launch' });
  });

  it.each([
    ['a wrong secret', { secret: 'not-the-secret' }, /signature mismatch/],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 301 }, /stale/],
    ['no signature headers', { omitHeaders: true }, /x-slack-signature/],
    ['a malformed signature', { signature: 'v1=abc' }, /unknown signature version/],
  ])('answers 401 to %s and never runs the listener', async (_name, signOptions, warning) => {
    const res = await sender.command('/initiative', 'Forged', { teamId: TEAM, userId: 'U1' }, signOptions);

    expect(res).toMatchObject({ status: 401, body: '' });
    expect(commands).toEqual([]);
    expect(warnings.join('\n')).toMatch(warning);
  });

  it('delivers an event envelope with the retry headers in context', async () => {
    const event = { type: 'app_mention', user: 'U1', text: 'hi', channel: 'C1', ts: '1.1', event_ts: '1.1' };
    await sender.event(event, { teamId: TEAM });
    const res = await sender.event(event, { teamId: TEAM, retryNum: 1, retryReason: 'http_timeout' });

    expect(res.status).toBe(200);
    expect(mentions).toEqual([
      { text: 'hi', retryNum: undefined, retryReason: undefined },
      { text: 'hi', retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  it('delivers block_actions as a payload form field', async () => {
    const res = await sender.interaction({
      type: 'block_actions',
      team: { id: TEAM, domain: 'harness' },
      user: { id: 'U1', name: 'ada', team_id: TEAM },
      api_app_id: 'A_TANDEM',
      trigger_id: '1.2.trigger',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1' },
      channel: { id: 'C1', name: 'general' },
      actions: [{ type: 'button', action_id: 'claim', block_id: 'b1', value: 'task-7', action_ts: '1.2' }],
    });

    expect(res.status).toBe(200);
    expect(actions).toEqual(['task-7']);
  });

  it('raw() signs arbitrary bodies such as url_verification', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' });
    const res = await sender.raw(body, { 'content-type': 'application/json' });

    expect(res.json()).toEqual({ challenge: 'c-123' });
    expect(sign('s', 1, 'b')).toMatch(/^v0=[0-9a-f]{64}$/);
  });
});
