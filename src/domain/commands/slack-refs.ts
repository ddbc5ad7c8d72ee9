/**
 * Slack sends mentions in slash-command text already escaped (with `should_escape: true` in the
 * manifest): `<@U123ABC|ann>`, `<#C123ABC|launches>`, `<!subteam^S123|@pr-team>`. The IDs are
 * what Tandem stores; the labels are only for display and may be empty or stale.
 */

export type RefMatch<T> = ({ ok: true } & T) | { ok: false };

const NO_MATCH = { ok: false } as const;

// U… for people, W… for people in Enterprise Grid orgs; channels are C… (public) or G… (private).
const USER_REF = /^<@([UW][A-Z0-9]+)(?:\|([^>]*))?>$/;
const CHANNEL_REF = /^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$/;
const USER_GROUP_REF = /^<!subteam\^(S[A-Z0-9]+)(?:\|([^>]*))?>$/;

const labelOf = (raw: string | undefined): string | null => (raw === undefined || raw === '' ? null : raw);

export function parseUserRef(token: string): RefMatch<{ userId: string; label: string | null }> {
  const match = USER_REF.exec(token);
  if (!match?.[1]) return NO_MATCH;
  return { ok: true, userId: match[1], label: labelOf(match[2]) };
}

export function parseChannelRef(token: string): RefMatch<{ channelId: string; label: string | null }> {
  const match = CHANNEL_REF.exec(token);
  if (!match?.[1]) return NO_MATCH;
  return { ok: true, channelId: match[1], label: labelOf(match[2]) };
}

export function parseUserGroupRef(token: string): RefMatch<{ groupId: string; label: string | null }> {
  const match = USER_GROUP_REF.exec(token);
  if (!match?.[1]) return NO_MATCH;
  return { ok: true, groupId: match[1], label: labelOf(match[2]) };
}

export type BareRef = { kind: 'user'; name: string } | { kind: 'channel'; name: string };

/**
 * Recognises `@ann` or `#launches` typed as plain text. Slack only escapes a mention the person
 * picked from autocomplete (or every mention, if the manifest lacks `should_escape`), so a bare
 * one carries no ID; the caller should ask them to pick it from the autocomplete list.
 * `#12` is not a channel: that is how people write an initiative number.
 */
export function parseBareRef(token: string): BareRef | null {
  const match = /^([@#])([\p{L}\p{N}._-]+)$/u.exec(token);
  if (!match?.[1] || !match[2]) return null;
  if (match[1] === '@') return { kind: 'user', name: match[2] };
  if (/^\d+$/.test(match[2])) return null;
  return { kind: 'channel', name: match[2] };
}

/** Slack escapes only these three characters in command text; turn them back into what was typed. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function readableRef(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : inner.slice(bar + 1);
  if (target.startsWith('@')) return `@${label || target.slice(1)}`;
  if (target.startsWith('#')) return `#${label || target.slice(1)}`;
  if (target.startsWith('!subteam^')) return label.startsWith('@') ? label : `@${label || 'team'}`;
  if (target.startsWith('!')) return label || `@${target.slice(1)}`;
  // A link: keep the address, since a label alone would hide where it points.
  return label && label !== target ? `${label} (${target})` : target;
}

/**
 * Free text from a command (a title, a handoff reason) as plain text, the way the person saw it
 * while typing: references become their readable names and entities are decoded. Storing plain
 * text means every view escapes it the same way, and nothing stored can ping anyone later.
 */
export function slackTextToPlain(text: string): string {
  // NUL is dropped: PostgreSQL text cannot store it.
  return decodeSlackEntities(
    text.replaceAll('\u0000', '').replace(/<([^<>]*)>/g, (_all, inner: string) => readableRef(inner)),
  );
}

/*
 * U+2060 WORD JOINER between "@" and the name: it is invisible, so "@channel" still reads as
 * what the model wrote, and it forbids a line break there; but Slack (even with link_names or
 * parse=full) and the social networks' own mention parsers need a name character straight after
 * "@", so nothing pings. A fullwidth "＠" was the alternative, but X's parser treats "＠" as a
 * mention sign, which would turn a Slack ping into a stranger's handle on a copied post.
 */
const WORD_JOINER = '\u2060';
const harmless = (name: string): string => `@${WORD_JOINER}${name.replace(/^@/, '').replace(/[<>]/g, '')}`;

function neutraliseOnce(text: string): string {
  return (
    text
      .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/gi, (_all, word: string) =>
        harmless(word.toLowerCase()),
      )
      .replace(/<!subteam\^[^|>]*(?:\|([^>]*))?>/gi, (_all, label?: string) => harmless(label || 'team'))
      .replace(/<@([^|>]*)(?:\|([^>]*))?>/g, (_all, id: string, label?: string) => harmless(label || id))
      // Any other special (<!date^…|Tuesday>, <!something>) collapses to its fallback text.
      .replace(/<!([^|>]*)(?:\|([^>]*))?>/g, (_all, word: string, label?: string) =>
        (label || word).replace(/[<>]/g, ''),
      )
  );
}

// Plain "@here" pings too when a message is posted with link_names.
const neutralisePlainBroadcasts = (text: string): string =>
  text.replace(
    /(^|[^\p{L}\p{N}_])@(channel|here|everyone)(?![\p{L}\p{N}_])/giu,
    (_all, before: string, word: string) => `${before}${harmless(word)}`,
  );

/**
 * Makes generated text (LLM drafts, echoed titles) unable to ping anyone: broadcast mentions,
 * user-group mentions and user mentions become plain, readable text.
 */
export function neutraliseMentions(text: string): string {
  let current = text;
  // A replacement can expose a new mention in junk like "<<!here>!here>"; a few passes settle it.
  for (let pass = 0; pass < 4; pass++) {
    const next = neutraliseOnce(current);
    if (next === current) break;
    current = next;
  }
  // Whatever is left cannot start a Slack special or user mention.
  return neutralisePlainBroadcasts(current.replace(/<([!@])/g, `<${WORD_JOINER}$1`));
}
