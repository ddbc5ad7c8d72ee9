import { randomBytes } from 'node:crypto';

/** A workspace (or, with `enterpriseId` and `orgWide`, an Enterprise Grid org) that can install the app. */
export interface InstallGrant {
  teamId?: string;
  enterpriseId?: string;
  orgWide?: boolean;
  /** Who clicks "Allow". */
  installerId: string;
}

/** What Slack knows of a bot token it minted. */
export interface MintedToken {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  orgWide: boolean;
}

export const FAKE_APP_ID = 'A_TANDEM';

/**
 * Slack's side of OAuth for the stand-in: a code granted when someone allows the install, traded
 * once for a bot token of that workspace (or org). Tokens are random, so a test that finds one
 * in a database or a log has found a real leak.
 */
export function createFakeOAuth(credentials: { clientId: string; clientSecret: string }) {
  const codes = new Map<string, InstallGrant>();
  const tokens = new Map<string, MintedToken>();
  const revoked = new Set<string>();

  return {
    tokens,
    /** The code Slack would put in the redirect after the person allows the install. */
    grant(grant: InstallGrant): string {
      const code = `code-${randomBytes(8).toString('hex')}`;
      codes.set(code, grant);
      return code;
    },
    /** As when the app is uninstalled: Slack answers the token with `invalid_auth` from then on. */
    revokeTeam(teamId: string): void {
      for (const [token, minted] of tokens) if (minted.teamId === teamId) revoked.add(token);
    },
    /** The workspace a minted token acts for; undefined for tokens this stand-in did not mint (or revoked). */
    teamOf(token: string | undefined): MintedToken | undefined {
      return token && !revoked.has(token) ? tokens.get(token) : undefined;
    },
    /** `oauth.v2.access`: the client's own credentials and a fresh code, or Slack's error codes. */
    access(args: Record<string, unknown>, basicAuth: { id: string; secret: string } | undefined) {
      const clientId = basicAuth?.id ?? args.client_id;
      const clientSecret = basicAuth?.secret ?? args.client_secret;
      if (clientId !== credentials.clientId) return { ok: false, error: 'invalid_client_id' };
      if (clientSecret !== credentials.clientSecret) return { ok: false, error: 'bad_client_secret' };
      const grant = codes.get(String(args.code));
      if (!grant) return { ok: false, error: 'invalid_code' };
      codes.delete(String(args.code));
      const orgWide = grant.orgWide === true;
      const token = `xoxb-${(orgWide ? grant.enterpriseId : grant.teamId) ?? 'x'}-${randomBytes(12).toString('hex')}`;
      tokens.set(token, {
        teamId: orgWide ? undefined : grant.teamId,
        enterpriseId: grant.enterpriseId,
        orgWide,
      });
      return {
        ok: true,
        app_id: FAKE_APP_ID,
        authed_user: { id: grant.installerId },
        scope: 'commands,chat:write,im:write,users:read',
        token_type: 'bot',
        access_token: token,
        bot_user_id: 'U_TANDEM_BOT',
        team: orgWide ? null : { id: grant.teamId, name: grant.teamId },
        enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseId } : null,
        is_enterprise_install: orgWide,
      };
    },
  };
}

export type FakeOAuth = ReturnType<typeof createFakeOAuth>;

export function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header?.match(/^Basic\s+(\S+)$/i);
  if (!match?.[1]) return undefined;
  const [id, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return id !== undefined && secret !== undefined ? { id, secret } : undefined;
}
