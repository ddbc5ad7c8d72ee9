// Channels Slack will not post in, as Slack refuses them: archived, or not found (a private
// channel Tandem is not in). A refused task message saves nothing and says what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TREFUSALS';
const PAM = 'UPAM00001';
const LIVE = 'CLIVE0001';
const ARCHIVED = 'CARCHIVE2';
const HIDDEN = 'CHIDDEN01';
const as = (channelId: string) => ({ teamId: TEAM, userId: PAM, channelId });

function replyText(calls: SlackCall[]) {
  const reply = calls.find((c) => c.method === 'response_url');
  return { type: reply?.args.response_type, text: JSON.stringify(reply?.args.blocks ?? reply?.args.text) };
}

describe.each(BACKENDS)('channels Slack refuses, on %s', (backend) => {
  let t: RunningTandem;
  beforeAll(async () => {
    t = await startTandem(backend);
    t.slack.setChannel({ id: ARCHIVED, isPrivate: false, members: [PAM], archived: true });
    t.slack.setChannel({ id: HIDDEN, isPrivate: true, members: [PAM] });
    await t.command('/initiative', `add "Launch" press_release <@${PAM}|pam> <#${LIVE}|live>`, as(LIVE));
    await t.command(
      '/initiative',
      `add "Old launch" press_release <@${PAM}|pam> <#${ARCHIVED}|old>`,
      as(LIVE),
    );
    await t.command(
      '/initiative',
      `add "Secret launch" press_release <@${PAM}|pam> <#${HIDDEN}|secret>`,
      as(LIVE),
    );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('posts a task in a live channel, and in an archived one saves nothing and says it is archived', async () => {
    const live = replyText(await t.command('/task', 'add 1 "Draft posts" social', as(LIVE)));
    expect(live.type).toBe('ephemeral');
    expect(await t.db.prisma.task.count({ where: { teamId: TEAM } })).toBe(1);

    const archived = replyText(await t.command('/task', 'add 2 "Draft posts" social', as(LIVE)));
    expect(archived.type).toBe('ephemeral');
    expect(archived.text).toContain('is archived');
    expect(await t.db.prisma.task.count({ where: { teamId: TEAM } })).toBe(1);
  });

  it('saves nothing for a channel Slack no longer finds (Tandem was removed), and says to invite it', async () => {
    t.slack.setChannel({ id: HIDDEN, isPrivate: true, members: [PAM], hidden: true });
    const hidden = replyText(await t.command('/task', 'add 3 "Draft posts" social', as(LIVE)));
    expect(hidden.type).toBe('ephemeral');
    expect(hidden.text).toContain('/invite @Tandem');
    expect(await t.db.prisma.task.count({ where: { teamId: TEAM } })).toBe(1);
  });
});
