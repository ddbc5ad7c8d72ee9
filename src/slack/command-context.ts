import type { Context, SlashCommand } from '@slack/bolt';

/** The workspace a request belongs to; every query is scoped by it. */
export function teamIdOf(context: Context, command?: Pick<SlashCommand, 'team_id'>): string {
  const teamId = context.teamId ?? command?.team_id ?? context.enterpriseId;
  if (!teamId) throw new Error('Slack request without a team id');
  return teamId;
}
