import { fail, ok, type Parsed, type UsageHint } from './result.js';
import { parseBareRef, parseChannelRef, parseUserGroupRef, parseUserRef } from './slack-refs.js';
import type { Token } from './tokenize.js';

/** Shortens what was typed for quoting it back, so a pasted essay doesn't become the reply. */
export function quoteBack(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

const AUTOCOMPLETE_TIP = "pick them from Slack's list as you type @ so it becomes a mention";

/** A person given as a Slack mention; anything else gets an error saying how to mention. */
export function readPerson(token: Token | undefined, hint: UsageHint, role = 'person'): Parsed<string> {
  if (!token) return fail(`Who? Mention the ${role} with @ (${AUTOCOMPLETE_TIP}).`, hint);
  if (!token.quoted) {
    const user = parseUserRef(token.text);
    if (user.ok) return ok(user.userId);
    const group = parseUserGroupRef(token.text);
    if (group.ok) {
      const name = group.label ?? 'that user group';
      return fail(`${name} is a user group; the ${role} has to be one person.`, hint);
    }
    const bare = parseBareRef(token.text);
    if (bare?.kind === 'user') {
      return fail(
        `"@${quoteBack(bare.name)}" reached me as plain text, not a mention: ${AUTOCOMPLETE_TIP}.`,
        hint,
      );
    }
  }
  return fail(
    `"${quoteBack(token.text)}" isn't a person. Mention the ${role} with @ (${AUTOCOMPLETE_TIP}).`,
    hint,
  );
}

/** A channel given as a Slack channel link; anything else gets an error saying how to link one. */
export function readChannel(token: Token | undefined, hint: UsageHint): Parsed<string> {
  const tip = "pick it from Slack's list as you type # so it becomes a link";
  if (!token) return fail(`Which channel? Give it with # (${tip}).`, hint);
  if (!token.quoted) {
    const channel = parseChannelRef(token.text);
    if (channel.ok) return ok(channel.channelId);
    const bare = parseBareRef(token.text);
    if (bare?.kind === 'channel') {
      return fail(`"#${quoteBack(bare.name)}" reached me as plain text, not a channel link: ${tip}.`, hint);
    }
  }
  return fail(`"${quoteBack(token.text)}" isn't a channel. Give it with # (${tip}).`, hint);
}

/** True for any token that refers to a person, group or channel, escaped or typed bare. */
export function isReference(token: Token): boolean {
  if (token.quoted) return false;
  const text = token.text;
  return (
    parseUserRef(text).ok ||
    parseChannelRef(text).ok ||
    parseUserGroupRef(text).ok ||
    parseBareRef(text) !== null
  );
}

/** Extra words after a complete command are an error, not something to drop silently. */
export function rejectExtra(tokens: readonly Token[], command: string, hint: UsageHint): Parsed<null> {
  const first = tokens[0];
  if (!first) return ok(null);
  const extra = quoteBack(tokens.map((t) => t.text).join(' '));
  return fail(`I didn't expect "${extra}" after ${command}.`, hint);
}
