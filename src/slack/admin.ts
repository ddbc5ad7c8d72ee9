import type { WebClient } from '@slack/web-api';

/** Workspace admins and owners, as Slack reports them; unknown users are not admins. */
export async function isWorkspaceAdmin(client: WebClient, userId: string): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
}
