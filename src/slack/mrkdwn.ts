import { graphemePrefixWithin } from '../domain/text/graphemes.js';

/** Slack mrkdwn needs &, < and > escaped in any text a person typed, or `<!channel>` would ping everyone. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escaped text of at most `max` characters. Escaping can make text five times longer (`&` is
 * `&amp;`), so it is clipped while escaping, between graphemes and never inside an entity.
 */
export function escapeWithin(text: string, max: number): string {
  const escaped = escapeText(text);
  if (escaped.length <= max) return escaped;
  const kept = graphemePrefixWithin(text, max - 1, (grapheme) => escapeText(grapheme).length);
  return `${escapeText(text.slice(0, kept))}…`;
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
