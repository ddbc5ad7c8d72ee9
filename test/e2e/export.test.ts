import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const TEAM = 'TEXPORT01';
const OTHER_TEAM = 'TEXPORT02';
const ADA = 'UADA00001'; // workspace admin, not in the private channel
const TIM = 'UTIM00001'; // Tandem admin, a plain member in Slack, in the private channel
const MEM = 'UMEM00001'; // member
const PUBLIC = 'CPUBLIC01';
const PRIVATE = 'CPRIVATE1';

const as = (userId: string, channelId = PUBLIC, teamId = TEAM) => ({ teamId, userId, channelId });
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;

interface ExportFile {
  teamId: string;
  exportedBy: string;
  privateChannels: string;
  leftOut: Record<string, number>;
  workspace: { teamId: string; tandemAdmins: string[] };
  initiatives: Array<{ teamId: string; title: string; channelId: string | null }>;
  tasks: Array<{ teamId: string; title: string }>;
  ownershipEvents: Array<{ id: string; teamId: string }>;
  trends: Array<{ label: string }>;
}

describe.each(BACKENDS)('/tandem export on %s', (backend) => {
  let t: RunningTandem;
  const reply = (calls: SlackCall[]) => {
    const r = calls.find((c) => c.method === 'response_url');
    return { type: r?.args.response_type, text: JSON.stringify(r?.args.blocks ?? r?.args.text ?? '') };
  };
  const fileFor = (user: string): ExportFile => {
    const upload = t.slack.uploads().find((u) => u.channel === `D${user}`);
    if (!upload?.content) throw new Error(`no file sent to ${user}`);
    return JSON.parse(upload.content) as ExportFile;
  };

  beforeAll(async () => {
    t = await startTandem(backend);
    t.slack.setUser({ id: ADA, teamId: TEAM, isAdmin: true });
    for (const id of [TIM, MEM]) t.slack.setUser({ id, teamId: TEAM });
    t.slack.setChannel({ id: PRIVATE, isPrivate: true, members: [TIM, MEM] });
    await t.command('/tandem', `set admins ${mention(TIM)}`, as(ADA));
    await t.command('/initiative', `add "Q4 launch" press_release ${mention(TIM)}`, as(TIM));
    await t.command('/task', 'add 1 "Draft posts" social', as(TIM));
    await t.command('/initiative', `add "Secret merger" crisis ${mention(TIM)}`, as(TIM, PRIVATE));
    await t.command('/task', 'add 2 "Holding statement"', as(TIM, PRIVATE));
    await t.command('/trend', 'add "#WorldCup2026" keywords: football', as(MEM));
    await t.command('/initiative', 'add "Another team’s plan" campaign', as('UOTHER001', PUBLIC, OTHER_TEAM));
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => t.slack.reset());

  it('refuses a member, sending no file', async () => {
    const calls = await t.command('/tandem', 'export', as(MEM));
    expect(reply(calls)).toEqual({
      type: 'ephemeral',
      text: expect.stringMatching(/Only a Tandem admin can export this workspace’s data/),
    });
    expect(calls.map((c) => c.method)).not.toContain('files.getUploadURLExternal');
    expect(t.slack.uploads().filter((u) => u.channel === `D${MEM}`)).toEqual([]);
  });

  it('answers extra words with the right form and an example', async () => {
    const calls = await t.command('/tandem', 'export csv', as(ADA));
    const { type, text } = reply(calls);
    expect(type).toBe('ephemeral');
    expect(text).toContain('takes nothing after it (got \\"csv\\")');
    expect(text).toContain('/tandem export');
    expect(calls.map((c) => c.method)).not.toContain('files.getUploadURLExternal');
  });

  it('sends a workspace admin everything of this workspace, private channels included, as a file by DM', async () => {
    const calls = await t.command('/tandem', 'export', as(ADA));
    expect(calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']),
    );
    const file = fileFor(ADA);
    expect(file.teamId).toBe(TEAM);
    expect(file.exportedBy).toBe(ADA);
    expect(file.privateChannels).toBe('included');
    expect(file.workspace.tandemAdmins).toEqual([TIM]);
    expect(file.initiatives.map((i) => i.title).sort()).toEqual(['Q4 launch', 'Secret merger']);
    expect(file.tasks.map((x) => x.title).sort()).toEqual(['Draft posts', 'Holding statement']);
    expect(file.trends.map((x) => x.label)).toEqual(['#WorldCup2026']);
    // Another workspace's rows never leave with this one's.
    for (const row of [...file.initiatives, ...file.tasks, ...file.ownershipEvents])
      expect(row.teamId).toBe(TEAM);
    expect(JSON.stringify(file)).not.toContain('Another team');
    // The history's BigInt ids survive as text.
    expect(file.ownershipEvents.every((e) => /^\d+$/.test(e.id))).toBe(true);
    expect(Object.values(file.leftOut).every((n) => n === 0)).toBe(true);
    const { type, text } = reply(calls);
    expect(type).toBe('ephemeral');
    expect(text).toContain('2 initiatives, 2 tasks');
    expect(text).toContain('Nothing was left out');
  });

  it('leaves private-channel work out for a Tandem admin who is no workspace admin, and says how much', async () => {
    const calls = await t.command('/tandem', 'export', as(TIM));
    const file = fileFor(TIM);
    expect(file.privateChannels).toBe('left out');
    expect(file.initiatives.map((i) => i.title)).toEqual(['Q4 launch']);
    expect(file.tasks.map((x) => x.title)).toEqual(['Draft posts']);
    expect(file.leftOut).toMatchObject({ initiatives: 1, tasks: 1 });
    expect(file.leftOut.ownershipEvents).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(file)).not.toContain('Secret merger');
    expect(JSON.stringify(file)).not.toContain('Holding statement');
    const { text } = reply(calls);
    expect(text).toMatch(/Left out, because they are in private channels .*: 1 initiative, 1 task/);
  });
});
