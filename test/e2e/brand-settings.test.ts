import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'T_BRAND01';
const ADMIN = 'UBRANDADM';
const MEMBER = 'UBRANDMEM';
const CHANNEL = 'CBRAND001';
let triggers = 0;
const as = (userId: string) => ({
  teamId: TEAM,
  userId,
  channelId: CHANNEL,
  triggerId: `trig.brand.${++triggers}`,
});

function reply(calls: SlackCall[]) {
  const r = calls.find((c) => c.method === 'response_url');
  if (!r) throw new Error('no reply');
  return { type: r.args.response_type, text: JSON.stringify(r.args.blocks) };
}

// No link in the text: the brand link is what the drafts point to.
const RELEASE =
  'Acme opens solar plant in Leeds\n\nLEEDS — Acme today opened its first solar-powered plant in Leeds, a synergy of clean power and local skills, creating 120 jobs.';

describe.each(BACKENDS)('brand settings for /draft on %s', (backend) => {
  let t: RunningTandem;
  beforeAll(async () => {
    t = await startTandem(backend, { limits: { drafts: { perUser: 1_000, perWorkspace: 1_000 } } });
    t.slack.setUser({ id: ADMIN, teamId: TEAM, isAdmin: true });
    t.slack.setUser({ id: MEMBER, teamId: TEAM });
    await t.command('/tandem', `set pr-leads <@${ADMIN}|adm>`, as(ADMIN));
  });
  afterAll(async () => {
    await t?.stop();
  });
  const workspace = () => t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: TEAM } });

  it('lets an admin set hashtags, link, voice and banned words, each confirmed in one line', async () => {
    for (const [command, shown] of [
      ['set brand-hashtags #acme #AcmeNews', '#acme #AcmeNews'],
      ['set brand-link <https://acme.example/news>', 'https://acme.example/news'],
      ['set voice "plain, warm, no exclamation marks"', 'plain, warm, no exclamation marks'],
      ['set banned-words synergy, disrupt', 'synergy, disrupt'],
    ] as const) {
      const calls = await t.command('/tandem', command, as(ADMIN));
      const r = reply(calls);
      expect(r.type).toBe('in_channel');
      expect(r.text).toContain(shown);
      expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    }
    expect(await workspace()).toMatchObject({
      brandHashtags: ['acme', 'AcmeNews'],
      brandLink: 'https://acme.example/news',
      brandVoice: 'plain, warm, no exclamation marks',
      bannedWords: ['synergy', 'disrupt'],
    });
  });

  it('refuses a member, privately, and changes nothing', async () => {
    const r = reply(await t.command('/tandem', 'set brand-hashtags #mine', as(MEMBER)));
    expect(r.type).toBe('ephemeral');
    expect(r.text).toContain('can change');
    expect((await workspace()).brandHashtags).toEqual(['acme', 'AcmeNews']);
  });

  it.each([
    ['set brand-hashtags #acme-news', 'is not a hashtag', '/tandem set brand-hashtags #acme #acmenews'],
    [
      'set brand-link acme dot com',
      'is not a web address',
      '/tandem set brand-link https://acme.example/news',
    ],
    ['set banned-words 123, ---', 'is not a word', '/tandem set banned-words synergy, disrupt'],
    ['set voice', 'How should the brand sound?', '/tandem set voice'],
  ])(
    'answers %j with a specific error and an example, and saves nothing',
    async (command, error, example) => {
      const r = reply(await t.command('/tandem', command, as(ADMIN)));
      expect(r.type).toBe('ephemeral');
      expect(r.text).toContain(error);
      expect(r.text).toContain(example);
      expect((await workspace()).brandLink).toBe('https://acme.example/news');
    },
  );

  it('gives an inline /draft the brand hashtags and link (Instagram: "Link in bio.") and flags banned words', async () => {
    await t.command('/draft', RELEASE, as(MEMBER));
    const release = await t.db.prisma.pressRelease.findFirstOrThrow({
      where: { teamId: TEAM },
      orderBy: { number: 'desc' },
    });
    const drafts = await t.db.prisma.socialDraft.findMany({ where: { releaseId: release.id } });
    const text = (network: string) => drafts.find((d) => d.network === network)?.text ?? '';
    expect(drafts).toHaveLength(6);
    expect(text('x')).toContain('#acme');
    expect(text('x')).toContain('https://acme.example/news');
    expect(text('instagram')).toContain('Link in bio.');
    expect(text('instagram')).toContain('#AcmeNews');
    for (const d of drafts) {
      const flags = d.flags as Array<{ kind: string; word?: string }>;
      expect(flags.filter((f) => f.kind === 'not-in-release')).toEqual([]);
      if (/synergy/i.test(d.text)) expect(flags).toContainEqual({ kind: 'banned-word', word: 'synergy' });
    }
    expect(drafts.some((d) => /synergy/i.test(d.text))).toBe(true);
  });
});
