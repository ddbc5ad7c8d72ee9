/**
 * A `reaction_added` (or `reaction_removed`) event as Slack sends it for a reaction on a message
 * Tandem posted, ✋ unless said otherwise.
 */
export function reactionEvent(
  user: string,
  item: { channel: string; ts: string | null },
  options: { reaction?: string; type?: 'reaction_added' | 'reaction_removed'; eventTs?: string } = {},
) {
  return {
    type: options.type ?? 'reaction_added',
    user,
    reaction: options.reaction ?? 'raising_hand',
    item: { type: 'message', channel: item.channel, ts: item.ts },
    item_user: 'U_TANDEM_BOT',
    event_ts: options.eventTs ?? '1.0',
  };
}
