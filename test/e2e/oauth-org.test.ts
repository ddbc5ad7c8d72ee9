import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/scheduler/scheduler.js';
import type { SlackCall } from '../harness/fake-slack.js';
import { BACKENDS } from '../support/databases.js';
import { install, oauthSettings } from '../support/oauth-install.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';

const ORG = 'E_ORG0001';
const IN_ORG = 'T_INORG01';
const OTHER_ORG = 'E_ORG0002';
const OTHER_WS = 'T_WSORG02';
const ORG_ADMIN = 'UORGADMIN';
const WS_ADMIN = 'UWSADMIN2';

let triggers = 0;
const apiCalls = (calls: SlackCall[]) => calls.filter((c) => c.method !== 'response_url');

describe.each(BACKENDS)('Enterprise Grid installs on %s', (backend) => {
  let t: RunningTandem;
  let scheduler: Scheduler;
  const digestsTo = (channel: string) =>
    t.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && !c.fault);
  const command = (teamId: string, enterpriseId: string, isEnterpriseInstall: boolean, userId: string) =>
    t.command('/initiative', 'list', {
      teamId,
      enterpriseId,
      isEnterpriseInstall,
      userId,
      channelId: 'C_GENERAL',
      triggerId: `trig.org.${++triggers}`,
    });

  beforeAll(async () => {
    t = await startTandem(backend, { oauth: oauthSettings() });
    scheduler = startScheduler(t.deps, t.app.clients, { cron: false });
    t.slack.setUser({ id: ORG_ADMIN, teamId: IN_ORG });
    t.slack.setUser({ id: WS_ADMIN, teamId: OTHER_WS });
    expect((await install(t, { enterpriseId: ORG, orgWide: true, installerId: ORG_ADMIN })).status).toBe(200);
    expect(
      (await install(t, { teamId: OTHER_WS, enterpriseId: OTHER_ORG, installerId: WS_ADMIN })).status,
    ).toBe(200);
  });
  afterAll(async () => {
    scheduler?.stop();
    await t?.stop();
  });

  it('keys an org-wide install by its organisation and a workspace install by its workspace', async () => {
    const rows = await t.db.prisma.installation.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.teamId, r.enterpriseId, r.isEnterpriseInstall])).toEqual([
      [`enterprise:${ORG}`, null, ORG, true],
      [`team:${OTHER_WS}`, OTHER_WS, OTHER_ORG, false],
    ]);
  });

  it('answers a workspace of the org through the org-wide install, with the org’s token', async () => {
    const calls = await command(IN_ORG, ORG, true, ORG_ADMIN);
    expect(calls.find((c) => c.method === 'response_url')).toBeDefined();
    for (const call of apiCalls(calls)) expect(call.team, call.method).toBe(ORG);
  });

  it('does not fall back from a workspace to its org’s install, nor from an org to a workspace’s', async () => {
    expect(await command(IN_ORG, ORG, false, ORG_ADMIN)).toEqual([]);
    expect(await command(OTHER_WS, OTHER_ORG, true, WS_ADMIN)).toEqual([]);
    const own = await command(OTHER_WS, OTHER_ORG, false, WS_ADMIN);
    for (const call of apiCalls(own)) expect(call.team, call.method).toBe(OTHER_WS);
    expect(own.find((c) => c.method === 'response_url')).toBeDefined();
  });

  it('sends a workspace of the org its digest with the org’s token', async () => {
    // The org's workspace was first seen through the org-wide install (the commands above).
    expect((await t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: IN_ORG } })).enterpriseId).toBe(
      ORG,
    );
    for (const [teamId, channel] of [
      [IN_ORG, 'CDIGORG01'],
      [OTHER_WS, 'CDIGWS002'],
    ])
      await t.db.prisma.workspace.update({
        where: { teamId },
        data: { digestChannel: channel, digestTime: '10:00' },
      });
    t.clock.set('2026-11-23T10:00:00Z');
    await scheduler.tick();
    expect(digestsTo('CDIGORG01').map((c) => c.team)).toEqual([ORG]);
    expect(digestsTo('CDIGWS002').map((c) => c.team)).toEqual([OTHER_WS]);
  });

  it('deletes the org’s token when the org uninstalls, and leaves the workspace install alone', async () => {
    const res = await t.sender.event(
      { type: 'app_uninstalled' },
      { teamId: IN_ORG, enterpriseId: ORG, isEnterpriseInstall: true },
    );
    expect(res.status).toBe(200);
    const rows = await t.db.prisma.installation.findMany();
    expect(rows.map((r) => r.id)).toEqual([`team:${OTHER_WS}`]);
    expect(await command(IN_ORG, ORG, true, ORG_ADMIN)).toEqual([]);
    const inOrg = () => t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: IN_ORG } });
    expect((await inOrg()).uninstalledAt).not.toBeNull();
    expect(
      (await t.db.prisma.workspace.findUniqueOrThrow({ where: { teamId: OTHER_WS } })).uninstalledAt,
    ).toBeNull();

    t.clock.set('2026-11-24T10:00:00Z');
    await scheduler.tick();
    expect(digestsTo('CDIGORG01')).toHaveLength(1);
    expect(digestsTo('CDIGWS002')).toHaveLength(2);

    // Installed org-wide again: its workspaces are served again.
    expect((await install(t, { enterpriseId: ORG, orgWide: true, installerId: ORG_ADMIN })).status).toBe(200);
    expect((await inOrg()).uninstalledAt).toBeNull();
  });
});
