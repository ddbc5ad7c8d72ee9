import { describe, expect, it } from 'vitest';
import {
  actsOnReaction,
  DEFAULT_REACTION_EMOJI,
  emojiClash,
  isTrendReaction,
  MAX_EMOJI_NAME_LENGTH,
  normaliseEmoji,
  parseEmojiName,
  type ReactionEmoji,
  reactionFor,
  TREND_EMOJI,
} from '../../../src/domain/tasks/reactions.js';

describe('normaliseEmoji', () => {
  it.each([
    ['raising_hand', 'raising_hand'],
    [':raising_hand:', 'raising_hand'],
    ['raising_hand::skin-tone-3', 'raising_hand'],
    [':raising_hand::skin-tone-3:', 'raising_hand'],
    ['raising_hand::skin-tone-2::skin-tone-6', 'raising_hand'],
    [' :Raising_Hand: ', 'raising_hand'],
    ['RAISING HAND', 'raisinghand'],
    ['+1', '+1'],
    ['+1::skin-tone-5', '+1'],
    ['man-woman-boy', 'man-woman-boy'],
    ['e-mail', 'e-mail'],
    ['skin-tone-2', 'skin-tone-2'],
    [':::', ''],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(normaliseEmoji(name)).toBe(expected);
  });
});

describe('reactionFor', () => {
  it.each([
    ['raising_hand', 'claim'],
    ['raising_hand::skin-tone-4', 'claim'],
    [':raising_hand:', 'claim'],
    ['white_check_mark', 'done'],
    ['repeat', 'handoff'],
    ['construction', 'block'],
    ['zzz', 'snooze'],
    ['heavy_check_mark', null],
    [TREND_EMOJI, null],
    ['thumbsup', null],
    ['', null],
    ['__proto__', null],
    ['constructor', null],
  ])('%j → %j with the defaults', (name, reaction) => {
    expect(reactionFor(name, DEFAULT_REACTION_EMOJI)).toBe(reaction);
  });

  const custom: ReactionEmoji = {
    claim: ':raised_hand:',
    done: 'thumbsup',
    handoff: 'Arrows_Counterclockwise',
    block: 'no_entry',
    snooze: 'sleeping',
  };

  it.each([
    // Slack sends ✋ as "hand" whichever of its names the admin typed.
    ['hand', 'claim'],
    ['hand::skin-tone-2', 'claim'],
    ['raised_hand', 'claim'],
    ['+1', 'done'],
    ['+1::skin-tone-6', 'done'],
    ['arrows_counterclockwise', 'handoff'],
    ['no_entry', 'block'],
    ['sleeping', 'snooze'],
    ['raising_hand', null],
    ['zzz', null],
  ])('%j → %j with custom emoji', (name, reaction) => {
    expect(reactionFor(name, custom)).toBe(reaction);
  });

  it('lets the first reaction win when one emoji is set twice', () => {
    expect(reactionFor('eyes', { ...DEFAULT_REACTION_EMOJI, done: 'eyes', snooze: 'eyes' })).toBe('done');
  });

  it('never matches an empty setting', () => {
    expect(reactionFor('::skin-tone-2', { ...DEFAULT_REACTION_EMOJI, claim: '' })).toBeNull();
  });
});

describe('isTrendReaction and emojiClash', () => {
  it.each([
    [TREND_EMOJI, true],
    [`:${TREND_EMOJI}:`, true],
    ['chart_with_downwards_trend', false],
  ])('%j → %j', (name, trend) => {
    expect(isTrendReaction(name)).toBe(trend);
  });

  it.each([
    ['eyes', 'claim', null],
    ['raising_hand', 'claim', null],
    [':white_check_mark:', 'claim', 'done'],
    ['zzz', 'block', 'snooze'],
    [TREND_EMOJI, 'claim', 'trend'],
  ] as const)('%j for %s clashes with %j', (name, reaction, clash) => {
    expect(emojiClash(name, reaction, DEFAULT_REACTION_EMOJI)).toBe(clash);
  });
});

describe('parseEmojiName', () => {
  it.each([
    [':hand:', 'hand'],
    ['hand', 'hand'],
    [' :hand: ', 'hand'],
    [':Hand:', 'hand'],
    [':raising_hand::skin-tone-3:', 'raising_hand'],
    [':+1:', '+1'],
    [':man-woman-boy:', 'man-woman-boy'],
    [":o'clock:", "o'clock"],
    [':100:', '100'],
    [`:${'a'.repeat(MAX_EMOJI_NAME_LENGTH)}:`, 'a'.repeat(MAX_EMOJI_NAME_LENGTH)],
  ])('%j → %j', (text, name) => {
    expect(parseEmojiName(text)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['', 'Which emoji?'],
    ['   ', 'Which emoji?'],
    ['::', 'Which emoji?'],
    ['raising hand', 'no spaces; Slack joins words with _, like :raising_hand:'],
    [':hand: :wave:', 'more than one emoji'],
    [':hand::wave:', 'more than one emoji'],
    [`${'a'.repeat(MAX_EMOJI_NAME_LENGTH + 1)}`, `at most ${MAX_EMOJI_NAME_LENGTH}`],
    ['✋', 'not the picture itself'],
    [':🙋:', 'not the picture itself'],
    ['hand!', 'not "!"'],
    ['<@U1>', 'not "<"'],
    ['hånd', 'not "å"'],
    ['hand.wave', 'not "."'],
  ])('%j fails: %s', (text, message) => {
    const result = parseEmojiName(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.usage).not.toBe('');
    expect(result.error.example).not.toBe('');
  });
});

describe('actsOnReaction', () => {
  const emoji = { ...DEFAULT_REACTION_EMOJI, claim: 'hand' };

  it('is true for the workspace’s task emoji and the trend emoji, in any spelling', () => {
    expect(actsOnReaction('reaction_added', 'raised_hand::skin-tone-2', emoji)).toBe(true);
    expect(actsOnReaction('reaction_added', 'white_check_mark', emoji)).toBe(true);
    expect(actsOnReaction('reaction_added', TREND_EMOJI, emoji)).toBe(true);
  });

  it('is false for emoji that mean nothing here, and for the default claim emoji once it changed', () => {
    expect(actsOnReaction('reaction_added', 'tada', emoji)).toBe(false);
    expect(actsOnReaction('reaction_added', 'raising_hand', emoji)).toBe(false);
  });

  it('counts only the claim emoji taken back', () => {
    expect(actsOnReaction('reaction_removed', 'hand', emoji)).toBe(true);
    expect(actsOnReaction('reaction_removed', 'white_check_mark', emoji)).toBe(false);
    expect(actsOnReaction('reaction_removed', TREND_EMOJI, emoji)).toBe(false);
  });
});
