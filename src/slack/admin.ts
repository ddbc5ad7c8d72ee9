import type { WebClient } from '@slack/web-api';

/** Workspace admins and owners, as Slack reports them; unknown users are not admins. */
export async function isWorkspaceAdmin(client: WebClient, userId: string): Promise<boolean> {
  try {
    const { user } = await client.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (error) {
    // A person Slack does not know is no admin; an outage is still an outage.
    if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') return false;
    throw error;
  }
}
