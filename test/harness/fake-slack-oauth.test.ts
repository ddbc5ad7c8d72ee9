import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';

const CLIENT = { clientId: '1.2', clientSecret: 'client-secret-0001' };

describe('the Slack stand-in’s OAuth', () => {
  let fake: FakeSlack;
  const client = (token?: string) =>
    new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const exchange = (code: string, secret = CLIENT.clientSecret) =>
    client().oauth.v2.access({ code, client_id: CLIENT.clientId, client_secret: secret });
  const grant = (teamId: string) => {
    if (!fake.oauth) throw new Error('started without oauth');
    return fake.oauth.grant({ teamId, installerId: `U${teamId}` });
  };

  beforeAll(async () => {
    fake = await startFakeSlack({ oauth: CLIENT });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('trades a code once for a bot token of that workspace, which auth.test and every call answer as', async () => {
    const code = grant('TONE00001');
    const answer = await exchange(code);
    expect(answer).toMatchObject({
      team: { id: 'TONE00001' },
      authed_user: { id: 'UTONE00001' },
      token_type: 'bot',
    });
    const token = String(answer.access_token);
    await expect(client(token).auth.test()).resolves.toMatchObject({ team_id: 'TONE00001' });
    await client(token).chat.postMessage({ channel: 'C1', text: 'hi' });
    expect(fake.callsTo('chat.postMessage').at(-1)?.team).toBe('TONE00001');
    await expect(exchange(code)).rejects.toMatchObject({ data: { error: 'invalid_code' } });
  });

  it('tells two workspaces’ tokens apart, so a call with the wrong one is detectable', async () => {
    const a = String((await exchange(grant('TAAA00001'))).access_token);
    const b = String((await exchange(grant('TBBB00001'))).access_token);
    expect(a).not.toBe(b);
    await client(b)
      .users.info({ user: 'U1' })
      .catch(() => {});
    expect(fake.callsTo('users.info').at(-1)?.team).toBe('TBBB00001');
  });

  it('refuses a wrong client secret, unknown tokens and revoked ones', async () => {
    await expect(exchange(grant('TCCC00001'), 'wrong-secret')).rejects.toMatchObject({
      data: { error: 'bad_client_secret' },
    });
    await expect(client('xoxb-made-up').auth.test()).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
    const token = String((await exchange(grant('TDDD00001'))).access_token);
    fake.oauth?.revokeTeam('TDDD00001');
    await expect(client(token).auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });
});
