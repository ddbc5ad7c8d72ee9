// Signatures (issue 6): only a correctly signed, fresh request is processed. Goes beyond
// test/e2e/requests.test.ts (three spoiled commands): every request kind, a future timestamp, an
// empty body, and "nothing written" checked across every table rather than one title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET } from '../harness/local-tandem.js';
import { blockAction } from '../harness/slack-payloads.js';
import { type SignOptions, sign } from '../harness/slack-sender.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { rowCounts } from './support.js';

const TEAM = 'TSIGN0001';
const USER = 'USIGN0001';
const CHANNEL = 'CSIGN0001';
const nowSec = () => Math.floor(Date.now() / 1000);

type Spoil = { name: string; sign: () => SignOptions };
const SPOILED: Spoil[] = [
  { name: 'a wrong signature', sign: () => ({ secret: 'f'.repeat(32) }) },
  { name: 'a signature of another body', sign: () => ({ signature: sign(SIGNING_SECRET, nowSec(), 'x') }) },
  { name: 'a stale timestamp (5 min 1 s old)', sign: () => ({ timestamp: nowSec() - 301 }) },
  { name: 'a stale timestamp (a day old)', sign: () => ({ timestamp: nowSec() - 86_400 }) },
  { name: 'no signature headers', sign: () => ({ omitHeaders: true }) },
  { name: 'a malformed signature header', sign: () => ({ signature: 'v0=' }) },
];

describe('request signatures', () => {
  let t: RunningTandem;
  let n = 0;
  const kinds = {
    command: (s: SignOptions) =>
      t.sender.command(
        '/initiative',
        `add "Signed launch ${++n}"`,
        { teamId: TEAM, userId: USER, channelId: CHANNEL },
        s,
      ),
    event: (s: SignOptions) =>
      t.sender.event(
        {
          type: 'app_mention',
          user: USER,
          text: '<@U_TANDEM_BOT> help',
          ts: `1700000000.${String(++n).padStart(6, '0')}`,
          channel: CHANNEL,
        },
        { teamId: TEAM, eventId: `EvSIGN${++n}` },
        s,
      ),
    interaction: (s: SignOptions) =>
      t.sender.interaction(
        blockAction({
          teamId: TEAM,
          userId: USER,
          responseUrl: t.slack.responseUrl(),
          channelId: CHANNEL,
          action: { type: 'button', action_id: 'task_claim', block_id: 'task:1', value: '1' },
        }),
        s,
      ),
  } as const;

  beforeAll(async () => {
    t = await startTandem('postgres');
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe.each(Object.keys(kinds) as Array<keyof typeof kinds>)('a %s', (kind) => {
    it.each(SPOILED)(
      'with $name is refused with 401; nothing is written and nothing reaches Slack',
      async (c) => {
        const before = await rowCounts(t.db);
        t.slack.reset();
        const res = await kinds[kind](c.sign());
        expect(res.status).toBe(401);
        expect(await rowCounts(t.db)).toEqual(before);
        expect(t.slack.calls).toEqual([]);
      },
    );

    it('correctly signed and fresh is processed (200) and answered', async () => {
      t.slack.reset();
      const res = await kinds[kind]({});
      expect(res.status).toBe(200);
      expect(t.slack.calls.length).toBeGreaterThan(0);
    });
  });

  it('a signed command writes its initiative; the refused ones wrote none', async () => {
    const titles = (await t.db.prisma.initiative.findMany({ where: { teamId: TEAM } })).map((i) => i.title);
    // Exactly the one correctly signed /initiative add.
    expect(titles).toHaveLength(1);
  });

  // Unsigned: 401 at once. Signed (only Slack could send it): JSON is refused with 400 at once; a
  // form body parses to nothing no listener acks, so Bolt answers 404 after its 3-second wait.
  it.each([
    ['unsigned', { omitHeaders: true }, { form: [401], json: [401] }],
    ['signed', {}, { form: [400, 404], json: [400] }],
  ] as const)('an empty %s body is refused without a write', async (_name, s, expected) => {
    const before = await rowCounts(t.db);
    t.slack.reset();
    const form = await t.sender.raw('', { 'content-type': 'application/x-www-form-urlencoded' }, s);
    const json = await t.sender.raw('', { 'content-type': 'application/json' }, s);
    expect(expected.form).toContain(form.status);
    expect(expected.json).toContain(json.status);
    expect(await rowCounts(t.db)).toEqual(before);
    expect(t.slack.calls).toEqual([]);
  });

  // Bolt's verifySlackRequest only rejects timestamps more than five minutes in the PAST; Tandem
  // adds the other half (src/slack/request-guard.ts, found by this test).
  it.each([
    ['six minutes', 360],
    ['a day', 86_400],
  ])('a request dated %s in the future is refused with 401 and writes nothing', async (_name, ahead) => {
    const before = await rowCounts(t.db);
    t.slack.reset();
    const res = await kinds.command({ timestamp: nowSec() + ahead });
    expect(res.status).toBe(401);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
