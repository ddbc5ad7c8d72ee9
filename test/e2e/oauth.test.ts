import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { install, oauthSettings, openInstallPage, redirectBack } from '../support/oauth-install.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { TestClock } from '../support/test-clock.js';

const ALPHA = 'T_ALPHA01';
const BETA = 'T_BETA001';
const NOBODY = 'T_NOBODY1';
const INSTALLER_A = 'UINSTALLA';
const INSTALLER_B = 'UINSTALLB';
const MEMBER_A = 'UMEMBERA1';
const DAY_MS = 24 * 60 * 60 * 1000;

/** This database's own files and the server's write-ahead log, after a checkpoint wrote everything out. */
async function embeddedFiles(t: RunningTandem): Promise<string[]> {
  await t.db.prisma.$executeRawUnsafe('CHECKPOINT');
  const [where] = await t.db.prisma.$queryRaw<Array<{ dir: string; oid: number }>>`
    SELECT current_setting('data_directory') AS dir, oid::int AS oid FROM pg_database WHERE datname = current_database()`;
  if (!where) throw new Error('no data directory');
  const dirs = [join(where.dir, 'base', String(where.oid)), join(where.dir, 'pg_wal')];
  const entries = await Promise.all(dirs.map((dir) => readdir(dir, { withFileTypes: true })));
  return entries
    .flat()
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

let triggers = 0;
const at = (teamId: string, userId: string) => ({
  teamId,
  userId,
  channelId: 'C_GENERAL',
  triggerId: `trig.oauth.${++triggers}`,
});
const mention = (id: string) => `<@${id}|${id.toLowerCase()}>`;
const replyOf = (calls: SlackCall[]) => calls.find((c) => c.method === 'response_url');
const apiCalls = (calls: SlackCall[]) => calls.filter((c) => c.method !== 'response_url');

describe.each(BACKENDS)('OAuth distribution on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const installation = (teamId: string) => t.db.prisma.installation.findFirst({ where: { teamId } });
  const workspace = (teamId: string) => t.db.prisma.workspace.findUnique({ where: { teamId } });

  beforeAll(async () => {
    t = await startTandem(backend, { clock: new TestClock('2026-11-20T08:00:00Z'), oauth: oauthSettings() });
    scheduler = startScheduler(t.deps, t.app.clients, { cron: false, retentionDays: 30 });
    for (const [id, teamId] of [
      [INSTALLER_A, ALPHA],
      [MEMBER_A, ALPHA],
      [INSTALLER_B, BETA],
    ] as const)
      t.slack.setUser({ id, teamId });
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });

  it('serves an Add to Slack page that sets the state cookie', async () => {
    const { page, state, cookie } = await openInstallPage(t);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('https://slack.com/oauth/v2/authorize?');
    expect(html).toContain('client_id=1111111111.2222222222');
    expect(html).toContain('commands');
    expect(state.length).toBeGreaterThan(20);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it('refuses a redirect whose state is not this browser’s, and stores nothing', async () => {
    const oauth = t.slack.oauth;
    if (!oauth) throw new Error('no oauth');
    const { state } = await openInstallPage(t);
    const other = await openInstallPage(t);
    const code = oauth.grant({ teamId: ALPHA, installerId: INSTALLER_A });
    const noCookie = await redirectBack(t, { code, state });
    const wrongCookie = await redirectBack(t, { code, state }, other.cookie);
    expect(noCookie.status).toBeGreaterThanOrEqual(400);
    expect(wrongCookie.status).toBeGreaterThanOrEqual(400);
    expect(t.slack.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await t.db.prisma.installation.count()).toBe(0);
  });

  it('installs a workspace: its token sealed, the installer an admin, welcomed by DM', async () => {
    const answer = await install(t, { teamId: ALPHA, installerId: INSTALLER_A });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('Tandem is installed');
    const [minted] = [...(t.slack.oauth?.tokens.keys() ?? [])];
    const row = await installation(ALPHA);
    expect(row).toMatchObject({ teamId: ALPHA, isEnterpriseInstall: false, installerUserId: INSTALLER_A });
    expect(row?.botTokenSealed).toMatch(/^v1\./);
    expect(row?.botTokenSealed).not.toContain(minted);
    expect(await workspace(ALPHA)).toMatchObject({ installerId: INSTALLER_A, uninstalledAt: null });
    const welcome = await t.slack.waitFor('chat.postMessage', (c) => c.args.channel === `D${INSTALLER_A}`);
    expect(welcome.team).toBe(ALPHA);
    expect(JSON.stringify(welcome.args.blocks)).toContain('/tandem setup');
  });

  it('answers a command from that workspace with its own token, and treats the installer as an admin', async () => {
    const calls = await t.command('/tandem', `set admins ${mention(MEMBER_A)}`, at(ALPHA, INSTALLER_A));
    expect(JSON.stringify(replyOf(calls)?.args)).toContain(
      `<@${INSTALLER_A}> set the Tandem admins to <@${MEMBER_A}>`,
    );
    expect(apiCalls(calls).length).toBeGreaterThan(0);
    for (const call of apiCalls(calls)) expect(call.team, call.method).toBe(ALPHA);
    expect((await workspace(ALPHA))?.tandemAdmins).toEqual([MEMBER_A]);
    // Choosing Tandem admins is for workspace admins and the installer: a member is refused.
    t.slack.setUser({ id: 'UPLAINA01', teamId: ALPHA });
    const refused = await t.command('/tandem', `set admins ${mention('UPLAINA01')}`, at(ALPHA, 'UPLAINA01'));
    expect(JSON.stringify(replyOf(refused)?.args)).toContain(`<@${INSTALLER_A}> (who installed Tandem)`);
  });

  it('keeps a second workspace on its own token', async () => {
    expect((await install(t, { teamId: BETA, installerId: INSTALLER_B })).status).toBe(200);
    const beta = await t.command('/initiative', 'add "Beta launch" press_release', at(BETA, INSTALLER_B));
    expect(replyOf(beta)).toBeDefined();
    for (const call of apiCalls(beta)) expect(call.team, call.method).toBe(BETA);
    const alpha = await t.command('/initiative', 'add "Alpha launch" press_release', at(ALPHA, MEMBER_A));
    for (const call of apiCalls(alpha)) expect(call.team, call.method).toBe(ALPHA);
    expect(await t.db.prisma.initiative.count({ where: { teamId: ALPHA } })).toBe(1);
    // Each installer, an admin in their own workspace only, gives the work an owner (history to purge later).
    for (const [teamId, installer] of [
      [ALPHA, INSTALLER_A],
      [BETA, INSTALLER_B],
    ] as const) {
      const calls = await t.command('/initiative', `assign 1 ${mention(installer)}`, at(teamId, installer));
      for (const call of apiCalls(calls)) expect(call.team, call.method).toBe(teamId);
      expect(await t.db.prisma.ownershipEvent.count({ where: { teamId } })).toBeGreaterThan(0);
    }
  });

  it('gives a workspace without an installation no reply, and writes nothing for it', async () => {
    const before = t.slack.calls.length;
    const res = await t.sender.command('/initiative', 'add "Sneaky" other', at(NOBODY, 'UNOBODY01'));
    expect(res.status).toBe(200);
    expect(t.slack.calls.slice(before)).toEqual([]);
    expect(await workspace(NOBODY)).toBeNull();
    expect(await t.db.prisma.initiative.count({ where: { teamId: NOBODY } })).toBe(0);
    expect(await t.db.prisma.processedEvent.count({ where: { teamId: NOBODY } })).toBe(0);
  });

  it('on uninstall deletes the token at once, sends the workspace nothing more, and ignores its commands', async () => {
    for (const teamId of [ALPHA, BETA])
      await t.db.prisma.workspace.update({ where: { teamId }, data: { digestChannel: `CDIG_${teamId}` } });
    const res = await t.sender.event({ type: 'app_uninstalled' }, { teamId: ALPHA });
    expect(res.status).toBe(200);
    expect(await installation(ALPHA)).toBeNull();
    expect((await workspace(ALPHA))?.uninstalledAt).toEqual(t.clock.now());
    t.slack.oauth?.revokeTeam(ALPHA);

    t.clock.set('2026-11-20T09:00:00Z');
    const before = t.slack.calls.length;
    await scheduler.tick();
    const posts = t.slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => c.args.channel)).toEqual([`CDIG_${BETA}`]);
    expect(posts[0]?.team).toBe(BETA);

    const after = t.slack.calls.length;
    await t.sender.command('/initiative', 'list', at(ALPHA, MEMBER_A));
    expect(t.slack.calls.slice(after)).toEqual([]);
  });

  it('purges the uninstalled workspace’s data after the retention period, and only its data', async () => {
    t.clock.set(new Date(Date.parse('2026-11-20T08:00:00Z') + 29 * DAY_MS));
    await scheduler.tick();
    expect(await workspace(ALPHA)).not.toBeNull();
    t.clock.set(new Date(Date.parse('2026-11-20T08:00:00Z') + 30 * DAY_MS + 60_000));
    await scheduler.tick();
    expect(await workspace(ALPHA)).toBeNull();
    for (const count of [
      t.db.prisma.initiative.count({ where: { teamId: ALPHA } }),
      t.db.prisma.ownershipEvent.count({ where: { teamId: ALPHA } }),
      t.db.prisma.member.count({ where: { teamId: ALPHA } }),
    ])
      expect(await count).toBe(0);
    expect(await t.db.prisma.initiative.count({ where: { teamId: BETA } })).toBe(1);
    expect(await t.db.prisma.ownershipEvent.count({ where: { teamId: BETA } })).toBeGreaterThan(0);
    await expect(t.db.prisma.ownershipEvent.deleteMany({ where: { teamId: BETA } })).rejects.toThrow(
      /append-only/,
    );
  });

  it('a reinstall before the purge serves the workspace again, data intact', async () => {
    const GAMMA = 'T_GAMMA01';
    t.slack.setUser({ id: 'UINSTALLG', teamId: GAMMA });
    await install(t, { teamId: GAMMA, installerId: 'UINSTALLG' });
    await t.command('/initiative', 'add "Gamma plan" other', at(GAMMA, 'UINSTALLG'));
    await t.sender.event({ type: 'tokens_revoked', tokens: { bot: ['U_TANDEM_BOT'] } }, { teamId: GAMMA });
    expect((await workspace(GAMMA))?.uninstalledAt).not.toBeNull();
    expect(await installation(GAMMA)).toBeNull();
    await install(t, { teamId: GAMMA, installerId: 'UINSTALLG' });
    expect((await workspace(GAMMA))?.uninstalledAt).toBeNull();
    const list = await t.command('/initiative', 'list', at(GAMMA, 'UINSTALLG'));
    expect(JSON.stringify(replyOf(list)?.args)).toContain('Gamma plan');
  });

  it('never has a token in clear in any row of any table, nor in the logs', async () => {
    const tokens = [...(t.slack.oauth?.tokens.keys() ?? [])];
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const tables = await t.db.prisma.$queryRaw<Array<{ name: string }>>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.map((r) => r.name)).toContain('Installation');
    let dump = '';
    for (const { name } of tables) {
      const rows = await t.db.prisma.$queryRawUnsafe<Array<{ row: string }>>(
        `SELECT row_to_json(t)::text AS row FROM "${name}" t`,
      );
      dump += rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain('v1.');
    if (backend === 'embedded') {
      // The files themselves, write-ahead log included: a token written in clear even once, and
      // deleted since, would still be there.
      const files = await embeddedFiles(t);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const bytes = await readFile(file).catch(() => Buffer.alloc(0)); // other tests drop their databases meanwhile
        for (const token of tokens)
          expect(bytes.includes(token), `${token.slice(0, 9)}… in ${file}`).toBe(false);
      }
    }
    const logs = t.logs.join('');
    expect(logs).toContain('Tandem installed');
    for (const token of tokens) {
      expect(dump).not.toContain(token);
      expect(logs).not.toContain(token);
    }
  });
});
