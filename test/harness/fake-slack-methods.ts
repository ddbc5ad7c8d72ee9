import { DateTime } from 'luxon';
import type { fakeFiles } from './fake-slack-files.js';
import type { createHistory } from './fake-slack-history.js';
import { messageFields } from './fake-slack-history.js';
import { type Answer, isRecord, page, pick } from './fake-slack-http.js';
import type { Interactivity } from './fake-slack-interactivity.js';
import type { FakeSlackChannel, FakeSlackUser } from './fake-slack-types.js';

export const FAKE_BOT_USER_ID = 'U_TANDEM_BOT';
export const FAKE_BOT_ID = 'B_TANDEM';

export type Handler = (args: Record<string, unknown>) => Answer;

export interface SlackState {
  teamId: string;
  users: Map<string, FakeSlackUser>;
  channels: Map<string, FakeSlackChannel>;
  history: ReturnType<typeof createHistory>;
  interactivity: Interactivity;
  files: ReturnType<typeof fakeFiles>;
  nextTs(): string;
  nextId(prefix: string): string;
}

/** Slack posts to a user ID in the app's DM with that user: the same channel conversations.open gives. */
export const resolveChannel = (channel: unknown): unknown =>
  typeof channel === 'string' && /^[UW]/.test(channel) ? `D${channel}` : channel;

const refused = (error: string): Answer => ({ ok: false, error });

/** The Web API methods the stand-in answers, as Slack documents them (success and refusals). */
export function slackMethods(state: SlackState): Record<string, Handler> {
  const { teamId, users, channels, history, interactivity } = state;
  const dmUser = (channel: unknown): FakeSlackUser | undefined =>
    typeof channel === 'string' && channel.startsWith('D') ? users.get(channel.slice(1)) : undefined;
  const viewAnswer = (args: Record<string, unknown>): Answer => {
    const view = isRecord(args.view) ? args.view : {};
    const id = typeof args.view_id === 'string' ? args.view_id : state.nextId('V');
    return { view: { ...view, id, team_id: teamId, hash: state.nextId('h') } };
  };
  const botMessage = (args: Record<string, unknown>, ts: string) => ({
    ...messageFields(args),
    type: 'message',
    user: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
    ts,
  });

  return {
    ...state.files.handlers,
    'auth.test': () => ({
      url: 'https://example.slack.com/',
      team: 'Example',
      user: 'tandem',
      team_id: teamId,
      user_id: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      is_enterprise_install: false,
    }),
    // Socket Mode's first call, made with the app-level token; no WebSocket server stands behind it.
    'apps.connections.open': () => ({ url: 'ws://127.0.0.1:9/link' }),
    'chat.postMessage': (args) => {
      const channel = String(resolveChannel(args.channel));
      const known = channels.get(channel);
      if (known?.hidden) return refused('channel_not_found');
      if (known?.archived) return refused('is_archived');
      if (known?.withoutTandem) return refused('not_in_channel');
      if (dmUser(channel)?.deactivated) return refused('user_disabled');
      const message = botMessage(args, state.nextTs());
      history.post(channel, message);
      return { channel, ts: message.ts, message };
    },
    'chat.postEphemeral': (args) => {
      const known = channels.get(String(args.channel));
      if (known?.hidden) return refused('channel_not_found');
      if (known?.archived) return refused('is_archived');
      if (known && !known.members.includes(String(args.user))) return refused('user_not_in_channel');
      return { message_ts: state.nextTs() };
    },
    'chat.update': (args) => {
      const channel = String(resolveChannel(args.channel));
      if (!history.wasPosted(channel, args.ts)) return refused('message_not_found');
      if (channels.get(channel)?.archived) return refused('is_archived');
      return {
        channel: args.channel,
        ts: args.ts,
        text: args.text ?? '',
        message: {
          ...pick(args, 'text', 'blocks'),
          type: 'message',
          user: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
        },
      };
    },
    'chat.delete': (args) => {
      const channel = String(resolveChannel(args.channel));
      if (!history.wasPosted(channel, args.ts)) return refused('message_not_found');
      history.remove(channel, String(args.ts));
      return { channel: args.channel, ts: args.ts };
    },
    'chat.getPermalink': (args) => ({
      channel: args.channel,
      permalink: `https://example.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'conversations.history': history.read,
    'conversations.replies': history.read,
    'conversations.open': (args) => {
      const [first] = typeof args.users === 'string' ? args.users.split(',').filter(Boolean) : [];
      if (first === undefined) return refused('users_list_not_supplied');
      const user = users.get(first);
      if (user?.deactivated) return refused('user_disabled');
      if (user?.isBot || first === FAKE_BOT_USER_ID) return refused('cannot_dm_bot');
      return { channel: { id: `D${first}` } };
    },
    'views.open': (args) => {
      const refusal = interactivity.exchangeTrigger(args.trigger_id);
      return refusal ? refused(refusal) : viewAnswer(args);
    },
    'views.push': (args) => {
      const refusal = interactivity.exchangeTrigger(args.trigger_id);
      return refusal ? refused(refusal) : viewAnswer(args);
    },
    'views.publish': viewAnswer,
    'views.update': viewAnswer,
    'users.info': (args) => {
      const user = typeof args.user === 'string' ? users.get(args.user) : undefined;
      if (user === undefined) return refused('user_not_found');
      return { user: toSlackUser(user, teamId) };
    },
    'users.list': (args) => {
      const { items, response_metadata } = page([...users.values()], args, 200);
      return { members: items.map((u) => toSlackUser(u, teamId)), response_metadata };
    },
    'reactions.add': () => ({}),
    'conversations.info': (args) => {
      const channel = channels.get(String(args.channel));
      if (channel?.hidden) return refused('channel_not_found');
      return {
        channel: {
          id: args.channel,
          is_private: channel?.isPrivate ?? false,
          is_archived: channel?.archived ?? false,
          is_member: !channel?.withoutTandem,
        },
      };
    },
    'conversations.members': (args) => {
      const channel = channels.get(String(args.channel));
      if (!channel || channel.hidden) return refused('channel_not_found');
      const { items, response_metadata } = page(channel.members, args, 100);
      return { members: items, response_metadata };
    },
  };
}

function toSlackUser(user: FakeSlackUser, defaultTeamId: string): Record<string, unknown> {
  const tz = user.tz ?? 'UTC';
  const name = user.name ?? user.id.toLowerCase();
  const zone = DateTime.now().setZone(tz);
  return {
    id: user.id,
    team_id: user.teamId ?? defaultTeamId,
    name,
    real_name: name,
    deleted: user.deactivated ?? false,
    tz,
    tz_label: zone.offsetNameLong ?? tz,
    // Slack gives the offset in seconds; luxon gives minutes.
    tz_offset: zone.isValid ? zone.offset * 60 : 0,
    is_admin: user.isAdmin ?? false,
    is_owner: user.isOwner ?? false,
    is_bot: user.isBot ?? false,
    is_restricted: user.isGuest ?? false,
    is_ultra_restricted: false,
    profile: { real_name: name, display_name: name },
  };
}
