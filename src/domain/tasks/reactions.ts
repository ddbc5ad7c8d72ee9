import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';
import { lookup } from '../lookup.js';

/**
 * Slack names reactions without colons, and a skin tone travels as a suffix:
 * `raising_hand::skin-tone-3` in events, `:raising_hand::skin-tone-3:` in message text. Tandem
 * compares and stores bare base names.
 */

/** What a reaction on a task message does. */
export type TaskReaction = 'claim' | 'done' | 'handoff' | 'block' | 'snooze';

export const TASK_REACTIONS: readonly TaskReaction[] = ['claim', 'done', 'handoff', 'block', 'snooze'];

/** The emoji name (no colons) that triggers each reaction in a workspace. */
export interface ReactionEmoji {
  claim: string;
  done: string;
  handoff: string;
  block: string;
  snooze: string;
}

/** 🙋 claim, ✅ done, 🔁 hand off, 🚧 blocked, 💤 snooze; the same defaults as the database columns. */
export const DEFAULT_REACTION_EMOJI: Readonly<ReactionEmoji> = Object.freeze({
  claim: 'raising_hand',
  done: 'white_check_mark',
  handoff: 'repeat',
  block: 'construction',
  snooze: 'zzz',
});

/** 📈 on any message logs it as a trend; not configurable, so every team reads it the same way. */
export const TREND_EMOJI = 'chart_with_upwards_trend';

const SKIN_TONE_SUFFIX = /:skin-tone-\d{1,2}$/;

/**
 * The bare, comparable name of an emoji however it arrived: colons, skin tone, whitespace and
 * case removed. `:Raising_Hand::skin-tone-3:` → `raising_hand`. Idempotent.
 */
export function normaliseEmoji(name: string): string {
  let current = name.toLowerCase().replace(/\s+/g, '');
  let start = 0;
  while (current[start] === ':') start++;
  current = current.slice(start);
  // Only ever strips from the end, one bounded suffix at a time, so junk input stays linear.
  for (;;) {
    let end = current.length;
    while (end > 0 && current[end - 1] === ':') end--;
    current = current.slice(0, end);
    const tone = SKIN_TONE_SUFFIX.exec(current.slice(-16));
    if (!tone) return current;
    current = current.slice(0, current.length - tone[0].length);
  }
}

// Names Slack treats as the same emoji. Reaction events carry one of them, and an admin may have
// typed the other, so both sides are mapped to one form before comparing.
const SYNONYMS: Readonly<Record<string, string>> = {
  raised_hand: 'hand',
  thumbsup: '+1',
  thumbsdown: '-1',
};

const comparable = (name: string): string => {
  const bare = normaliseEmoji(name);
  return lookup(SYNONYMS, bare) ?? bare;
};

/**
 * What a reaction does on a task message, or null when it means nothing to Tandem. If a
 * workspace set one emoji for two reactions, the first in TASK_REACTIONS order wins.
 */
export function reactionFor(name: string, emoji: ReactionEmoji): TaskReaction | null {
  const reacted = comparable(name);
  if (reacted === '') return null;
  return TASK_REACTIONS.find((reaction) => comparable(emoji[reaction]) === reacted) ?? null;
}

/** True for the trend emoji, with or without colons or a skin tone. */
export function isTrendReaction(name: string): boolean {
  return normaliseEmoji(name) === TREND_EMOJI;
}

/**
 * Which other reaction (or the trend emoji) already uses `name`, so a settings command can
 * refuse to give one emoji two meanings. Null when `name` is free for `reaction`.
 */
export function emojiClash(
  name: string,
  reaction: TaskReaction,
  emoji: ReactionEmoji,
): TaskReaction | 'trend' | null {
  const wanted = comparable(name);
  if (wanted === TREND_EMOJI) return 'trend';
  return TASK_REACTIONS.find((other) => other !== reaction && comparable(emoji[other]) === wanted) ?? null;
}

export const MAX_EMOJI_NAME_LENGTH = 100;

const EMOJI_HINT: UsageHint = {
  usage: 'An emoji name, with or without colons: :raising_hand: or raising_hand',
  example: '/tandem set claim-emoji :raising_hand:',
};

const preview = (text: string): string => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/**
 * An emoji name typed for a setting: `:hand:` or `hand` → `hand`. A skin tone is dropped (any
 * tone of the emoji counts). Slack's emoji names are lowercase letters, digits, `_`, `-`, `+`
 * and `'`; uppercase is lowered, anything else is refused with the reason.
 */
export function parseEmojiName(text: string, hint: UsageHint = EMOJI_HINT): Parsed<string> {
  const typed = text.trim();
  if (typed === '') return fail('Which emoji? Give its name, like :raising_hand:.', hint);
  if (/\s/.test(typed)) {
    const words = typed.split(/\s+/).filter((w) => w !== '');
    if (words.length > 1 && words.every((w) => /^:[^:\s]+:$/.test(w))) {
      return fail('That is more than one emoji; give one.', hint);
    }
    return fail(
      `Emoji names have no spaces; Slack joins words with _, like :${preview(words.join('_').replace(/:/g, '').toLowerCase())}:.`,
      hint,
    );
  }
  const name = normaliseEmoji(typed);
  if (name === '') return fail('Which emoji? Give its name between colons, like :raising_hand:.', hint);
  if (name.includes(':')) return fail('That is more than one emoji; give one.', hint);
  if (name.length > MAX_EMOJI_NAME_LENGTH) {
    return fail(
      `That name is ${name.length} characters; Slack emoji names are at most ${MAX_EMOJI_NAME_LENGTH}.`,
      hint,
    );
  }
  if (/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u.test(name)) {
    return fail('Give the emoji by its name, like :raising_hand:, not the picture itself.', hint);
  }
  const bad = /[^a-z0-9_\-+']/u.exec(name);
  if (bad) {
    return fail(
      `"${preview(typed)}" can't be an emoji name: Slack names use only lowercase letters, digits, _, -, + and ' (not "${bad[0]}").`,
      hint,
    );
  }
  return ok(name);
}

/**
 * Whether Tandem acts on this reaction at all: a task reaction (added, or the claim taken back)
 * or the trend emoji. Every reaction in every channel Tandem is in arrives as an event, and the
 * rest are ignored without touching the database.
 */
export function actsOnReaction(
  type: 'reaction_added' | 'reaction_removed',
  name: string,
  emoji: ReactionEmoji,
): boolean {
  const reaction = reactionFor(name, emoji);
  if (type === 'reaction_removed') return reaction === 'claim';
  return reaction !== null || isTrendReaction(name);
}
