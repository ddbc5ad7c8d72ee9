import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseDrafter } from '../../src/features/drafts/drafters/choose-drafter.js';
import { createLogger } from '../../src/logger.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

// Tandem with OPENAI_API_KEY set, the model's API played by nock: what the model writes goes
// through the same limits, fact guard and mention neutralising as the offline drafts.
const MODEL_API = 'http://model.test';
const TEAM = 'TMODEL001';
const PAM = 'UPAM00001';
const CHANNEL = 'CMODEL001';
const as = { teamId: TEAM, userId: PAM, channelId: CHANNEL };
const RELEASE =
  'Acme opens solar plant in Leeds. LEEDS — Acme today opened its first solar-powered plant in Leeds, creating 120 jobs. “Clean manufacturing works at scale,” said Dana Whitfield. https://acme.example/news/leeds';

const answer = (drafts: Record<string, string>) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-test',
  choices: [
    { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify({ drafts }) } },
  ],
});

const everyNetwork = (text: (network: string) => string) =>
  Object.fromEntries(
    ['x', 'linkedin', 'instagram', 'facebook', 'threads', 'bluesky'].map((n) => [n, text(n)]),
  );

const blocksOf = (calls: SlackCall[]) =>
  calls.map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? [])}`).join('\n');

describe.each(BACKENDS)('/draft with a model on %s', (backend) => {
  let t: RunningTandem;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    t = await startTandem(backend, {
      drafter: await chooseDrafter(
        { apiKey: 'sk-test-0123456789abcdef', model: 'gpt-test', baseUrl: `${MODEL_API}/v1`, timeoutMs: 500 },
        createLogger('silent'),
      ),
    });
    await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, as);
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await t?.stop();
  });

  const latestRelease = () =>
    t.db.prisma.pressRelease.findFirstOrThrow({ where: { teamId: TEAM }, orderBy: { number: 'desc' } });

  it('flags claims the release does not make, neutralises pings, and records the model as the drafter', async () => {
    nock(MODEL_API)
      .post('/v1/chat/completions')
      .reply(
        200,
        answer(
          everyNetwork(
            (n) =>
              `<!channel> @here Acme opened a solar plant in Leeds, creating 120 jobs and cutting costs by 45%, says <@U0BOSS001|ceo> Jane Doe. (${n})`,
          ),
        ),
      );
    const calls = await t.command('/draft', RELEASE, as);
    const release = await latestRelease();
    const drafts = await t.db.prisma.socialDraft.findMany({ where: { releaseId: release.id } });
    expect(drafts).toHaveLength(6);
    for (const d of drafts) {
      expect(d.drafter).toBe('gpt-test');
      expect(d.text).not.toMatch(/<!|<@|(^|\s)@(here|channel)\b/);
      const flagged = (d.flags as Array<{ kind: string; text?: string }>)
        .filter((f) => f.kind === 'not-in-release')
        .map((f) => f.text);
      expect(flagged).toEqual(expect.arrayContaining(['45%', 'Jane Doe']));
      expect(flagged.join(' ')).not.toMatch(/120|Leeds|Acme/);
    }
    expect(release.note).toBeNull();
    const shown = blocksOf(calls.filter((c) => c.method === 'chat.update'));
    expect(shown).toContain('45% is not in the release');
    expect(shown).toContain('drafted by gpt-test');
    expect(blocksOf(calls)).not.toMatch(/<!channel>|<!here|<@U0BOSS001/);
  });

  it('drafts offline with a visible note when the model keeps failing, and loses nothing', async () => {
    const scope = nock(MODEL_API)
      .post('/v1/chat/completions')
      .times(2)
      .reply(503, { error: { message: 'overloaded' } });
    const calls = await t.command('/draft', RELEASE, as);
    expect(scope.isDone()).toBe(true);
    const release = await latestRelease();
    expect(release.note).toBe("drafted offline: the model's service failed (HTTP 503)");
    const drafts = await t.db.prisma.socialDraft.findMany({ where: { releaseId: release.id } });
    expect(drafts.map((d) => d.drafter)).toEqual(Array(6).fill('template'));
    expect(blocksOf(calls.filter((c) => c.method === 'chat.update'))).toContain('drafted offline: the model');
  });
});
