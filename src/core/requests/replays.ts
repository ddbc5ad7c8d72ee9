import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Deps } from '../../deps.js';
import { claimEvent } from '../stores/processed-events.js';

/**
 * Marks replay records in the processed-events table, apart from Events API ids (`Ev…`). A
 * signed request stays valid for the five-minute signature window, so anyone who captures one can
 * deliver it again; Slack itself never resends a command or an interaction.
 */
const PREFIX = 'replay:';

interface InteractionBody {
  type?: string;
  command?: string;
  trigger_id?: string;
  team_id?: string;
  team?: { id?: string } | null;
  user?: { id?: string };
  actions?: Array<{ action_id?: string; action_ts?: string }>;
}

/**
 * What makes one delivery of something a person did unique: the trigger id Slack mints for each
 * command, shortcut and modal submission; for a button or select, the action's own timestamp with
 * who pressed what. Undefined for payloads that change nothing (events, option loads, a closed view).
 */
export function replayKey(body: unknown): string | undefined {
  const b = body as InteractionBody;
  if (b.command !== undefined || ['shortcut', 'message_action', 'view_submission'].includes(b.type ?? ''))
    return b.trigger_id ? `${PREFIX}${b.trigger_id}` : undefined;
  if (b.type === 'block_actions') {
    const action = b.actions?.[0];
    if (!action?.action_ts || !b.user?.id) return undefined;
    return `${PREFIX}${action.action_ts}:${b.user.id}:${action.action_id ?? ''}`;
  }
  return undefined;
}

const teamOf = (context: Context, body: unknown): string | undefined => {
  const b = body as InteractionBody;
  return context.teamId ?? b.team_id ?? b.team?.id ?? context.enterpriseId;
};

/**
 * True the first time this delivery is seen, false for a replay. Kept in the database, not in
 * memory: replicas behind a load balancer may each receive one of the two copies. It costs one
 * INSERT … ON CONFLICT DO NOTHING per command or interaction, purged with the event ids.
 */
export async function firstDelivery(deps: Deps, context: Context, body: unknown): Promise<boolean> {
  const key = replayKey(body);
  const teamId = teamOf(context, body);
  if (!key || !teamId) return true;
  if (await claimEvent(deps, teamId, key)) return true;
  deps.logger.info({ teamId, key }, 'replayed request acknowledged and not carried out');
  return false;
}

/**
 * Global middleware for shortcuts, buttons and modal submissions: a replay is acked (an empty
 * ack closes a replayed modal, which the first delivery had closed already) and goes no further.
 * Slash commands are checked after their ack instead, inside the command queue, so that a burst
 * of commands never makes the ack wait for the database.
 */
export function refuseReplays(deps: Deps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    if ((body as InteractionBody).command !== undefined || replayKey(body) === undefined) {
      await next();
      return;
    }
    if (await firstDelivery(deps, context, body)) {
      await next();
      return;
    }
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
