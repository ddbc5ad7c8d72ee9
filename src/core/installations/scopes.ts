/** The bot scopes an install asks for; the manifest declares the same (a unit test compares them). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:read',
  'chat:write',
  'commands',
  'files:write',
  'groups:history',
  'groups:read',
  'im:history',
  'im:write',
  'reactions:read',
  'users:read',
] as const;
