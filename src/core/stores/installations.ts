import type { Installation } from '@slack/bolt';
import type { TokenBox } from '../../crypto/token-box.js';
import type { Deps } from '../../deps.js';
import type { Installation as InstallationRow } from '../../generated/prisma/client.js';

/** What Tandem keeps of an installation; the token only ever leaves this file sealed or to Bolt. */
export interface StoredInstallation {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botToken: string;
  botUserId: string;
  botId: string | null;
  installerUserId: string;
}

/**
 * Org-wide installs are keyed by the organisation, workspace installs by the workspace, in
 * separate key spaces: a workspace of an org where Tandem is installed org-wide is not thereby
 * a workspace install, nor the reverse.
 */
/** Which installation a request or a lookup names. */
export interface InstallationKey {
  isEnterpriseInstall?: boolean | undefined;
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
}

export function installationId(query: InstallationKey): string | undefined {
  if (query.isEnterpriseInstall) return query.enterpriseId ? `enterprise:${query.enterpriseId}` : undefined;
  return query.teamId ? `team:${query.teamId}` : undefined;
}

export class InstallationNotFound extends Error {
  constructor(query: InstallationKey) {
    // Ids only: nothing secret is known here, and the message reaches Bolt's log.
    super(
      query.isEnterpriseInstall
        ? `no org-wide installation for enterprise ${query.enterpriseId ?? '(none)'}`
        : `no installation for team ${query.teamId ?? '(none)'}`,
    );
    this.name = 'InstallationNotFound';
  }
}

/** Saves (or replaces, on a reinstall) an installation's bot token, sealed. */
export async function saveInstallation(
  deps: Deps,
  box: TokenBox,
  installation: Installation,
): Promise<string> {
  const isEnterpriseInstall = installation.isEnterpriseInstall === true;
  const teamId = installation.team?.id;
  const enterpriseId = installation.enterprise?.id;
  const id = installationId({ isEnterpriseInstall, teamId, enterpriseId });
  if (!id) throw new Error('an installation without a team or enterprise id');
  const bot = installation.bot;
  if (!bot) throw new Error('an installation without a bot token: Tandem asks for bot scopes only');
  const botTokenSealed = box.seal(bot.token);
  const data = {
    teamId: isEnterpriseInstall ? null : (teamId ?? null),
    enterpriseId: enterpriseId ?? null,
    isEnterpriseInstall,
    appId: installation.appId ?? null,
    botUserId: bot.userId,
    botId: bot.id ?? null,
    botScopes: bot.scopes,
    botTokenSealed,
    tokenKeyId: box.keyIdOf(botTokenSealed),
    installerUserId: installation.user.id,
    enterpriseUrl: installation.enterpriseUrl ?? null,
  };
  await deps.db.prisma.installation.upsert({ where: { id }, create: { id, ...data }, update: data });
  return id;
}

function toStored(box: TokenBox, row: InstallationRow): StoredInstallation {
  return {
    teamId: row.teamId,
    enterpriseId: row.enterpriseId,
    isEnterpriseInstall: row.isEnterpriseInstall,
    botToken: box.open(row.botTokenSealed),
    botUserId: row.botUserId,
    botId: row.botId,
    installerUserId: row.installerUserId,
  };
}

/** Exactly the installation the query names; a workspace never borrows its org's, nor the reverse. */
export async function findInstallation(
  deps: Deps,
  box: TokenBox,
  query: InstallationKey,
): Promise<StoredInstallation | undefined> {
  const id = installationId(query);
  if (!id) return undefined;
  const row = await deps.db.prisma.installation.findUnique({ where: { id } });
  return row ? toStored(box, row) : undefined;
}

/** Removes the installation the query names; true when there was one. */
export async function deleteInstallation(deps: Deps, query: InstallationKey): Promise<boolean> {
  const id = installationId(query);
  if (!id) return false;
  const { count } = await deps.db.prisma.installation.deleteMany({ where: { id } });
  return count > 0;
}

/**
 * Re-seals every token not yet sealed with the current key, a page at a time; each row is
 * updated only if it still holds what was read, so a reinstall meanwhile is never overwritten.
 */
export async function resealInstallations(
  deps: Deps,
  box: TokenBox,
): Promise<{ resealed: number; current: number }> {
  let resealed = 0;
  for (;;) {
    const rows = await deps.db.prisma.installation.findMany({
      where: { tokenKeyId: { not: box.currentKeyId } },
      take: 100,
      orderBy: { id: 'asc' },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const sealed = box.seal(box.open(row.botTokenSealed));
      const { count } = await deps.db.prisma.installation.updateMany({
        where: { id: row.id, botTokenSealed: row.botTokenSealed },
        data: { botTokenSealed: sealed, tokenKeyId: box.currentKeyId },
      });
      resealed += count;
    }
  }
  const current = await deps.db.prisma.installation.count({ where: { tokenKeyId: box.currentKeyId } });
  return { resealed, current };
}
