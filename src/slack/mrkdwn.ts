/** Slack mrkdwn needs &, < and > escaped in any text a person typed, or `<!channel>` would ping everyone. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Escaped text of at most `max` characters. Escaping can make text five times longer (`&` is
 * `&amp;`), so it is clipped while escaping, between graphemes and never inside an entity.
 */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const piece = escapeText(segment);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

export const userMention = (userId: string): string => `<@${userId}>`;
export const channelMention = (channelId: string): string => `<#${channelId}>`;

/** A list of people as mentions, or the fallback when there is nobody. */
export function userList(userIds: readonly string[], none = '_nobody yet_'): string {
  return userIds.length === 0 ? none : userIds.map(userMention).join(', ');
}

/** Inline code that survives the user's own backticks. */
export function inlineCode(text: string): string {
  return `\`${escapeText(text).replace(/`/g, 'ˋ')}\``;
}

/** Slack renders dates in each reader's own zone and format; `fallback` is for old clients. */
export function slackDate(at: Date, fallback: string): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${escapeText(fallback)}>`;
}
