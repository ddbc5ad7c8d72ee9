import { describe, expect, it } from 'vitest';
import {
  decodeSlackEntities,
  neutraliseMentions,
  parseBareRef,
  parseChannelRef,
  parseUserGroupRef,
  parseUserRef,
  slackTextToPlain,
} from '../../../src/domain/commands/slack-refs.js';

const WJ = '\u2060';

describe('parseUserRef', () => {
  it.each([
    ['<@U123ABC>', 'U123ABC', null],
    ['<@U123ABC|ann>', 'U123ABC', 'ann'],
    ['<@W0123ABC|ann.smith>', 'W0123ABC', 'ann.smith'],
    ['<@U123ABC|>', 'U123ABC', null],
    ['<@U123ABC|Ann Smith>', 'U123ABC', 'Ann Smith'],
  ])('%s → %s', (token, userId, label) => {
    expect(parseUserRef(token)).toEqual({ ok: true, userId, label });
  });

  it.each([
    ['@ann'],
    ['U123ABC'],
    ['<#C123ABC>'],
    ['<@u123abc>'],
    ['<@U123ABC'],
    ['<@>'],
    ['x<@U1>'],
    ['<!subteam^S1>'],
    [''],
  ])('rejects %j', (token) => {
    expect(parseUserRef(token)).toEqual({ ok: false });
  });
});

describe('parseChannelRef', () => {
  it.each([
    ['<#C123ABC>', 'C123ABC', null],
    ['<#C123ABC|launches>', 'C123ABC', 'launches'],
    ['<#C123|>', 'C123', null],
    ['<#G123ABC|private-pr>', 'G123ABC', 'private-pr'],
  ])('%s → %s', (token, channelId, label) => {
    expect(parseChannelRef(token)).toEqual({ ok: true, channelId, label });
  });

  it.each([['#launches'], ['<@U123>'], ['<#c123>'], ['<#C123'], ['']])('rejects %j', (token) => {
    expect(parseChannelRef(token)).toEqual({ ok: false });
  });
});

describe('parseUserGroupRef', () => {
  it.each([
    ['<!subteam^S123|@pr-team>', 'S123', '@pr-team'],
    ['<!subteam^S123>', 'S123', null],
  ])('%s → %s', (token, groupId, label) => {
    expect(parseUserGroupRef(token)).toEqual({ ok: true, groupId, label });
  });

  it('rejects broadcast mentions', () => {
    expect(parseUserGroupRef('<!here>')).toEqual({ ok: false });
  });
});

describe('parseBareRef', () => {
  it.each([
    ['@ann', { kind: 'user', name: 'ann' }],
    ['@ann.smith', { kind: 'user', name: 'ann.smith' }],
    ['@zoë', { kind: 'user', name: 'zoë' }],
    ['#launches', { kind: 'channel', name: 'launches' }],
    ['#pr-social_2026', { kind: 'channel', name: 'pr-social_2026' }],
    ['#12', null],
    ['@', null],
    ['#', null],
    ['ann', null],
    ['<@U1>', null],
    ['@ann,', null],
  ])('%j → %j', (token, expected) => {
    expect(parseBareRef(token)).toEqual(expected);
  });
});

describe('decodeSlackEntities / slackTextToPlain', () => {
  it('decodes the three entities Slack escapes, ampersand last', () => {
    expect(decodeSlackEntities('Q&amp;A &lt;b&gt; &amp;lt;')).toBe('Q&A <b> &lt;');
  });

  it.each([
    ['Launch with <@U1|ann>', 'Launch with @ann'],
    ['Launch with <@U1>', 'Launch with @U1'],
    ['Post in <#C1|launches>', 'Post in #launches'],
    ['Ping <!subteam^S1|@pr-team>', 'Ping @pr-team'],
    ['Ping <!subteam^S1>', 'Ping @team'],
    ['<!here> now', '@here now'],
    ['See <https://example.com|the brief>', 'See the brief (https://example.com)'],
    ['See <https://example.com>', 'See https://example.com'],
    ['Q&amp;A &lt;draft&gt;', 'Q&A <draft>'],
  ])('%j → %j', (input, expected) => {
    expect(slackTextToPlain(input)).toBe(expected);
  });
});

describe('neutraliseMentions', () => {
  it.each([
    ['Hey <!channel> look', `Hey @${WJ}channel look`],
    ['<!here|here> now', `@${WJ}here now`],
    ['<!everyone>', `@${WJ}everyone`],
    ['<!CHANNEL>', `@${WJ}channel`],
    ['ask <!subteam^S123|@pr-team>', `ask @${WJ}pr-team`],
    ['ask <!subteam^S123>', `ask @${WJ}team`],
    ['thanks <@U123ABC>', `thanks @${WJ}U123ABC`],
    ['thanks <@U123ABC|ann>', `thanks @${WJ}ann`],
    ['on <!date^1392734382^{date}|Feb 18, 2014>', 'on Feb 18, 2014'],
    ['plain @here and @channel!', `plain @${WJ}here and @${WJ}channel!`],
    ['(@everyone)', `(@${WJ}everyone)`],
    ['mail ann@here.com', 'mail ann@here.com'],
    ['@hereford is a town', '@hereford is a town'],
    ['<#C1|launches> stays a link', '<#C1|launches> stays a link'],
    ['<https://x.com|x>', '<https://x.com|x>'],
    ['nothing to see', 'nothing to see'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseMentions(input)).toBe(expected);
  });

  it.each([
    ['<<!here>!here>'],
    ['<@U1|<!channel>>'],
    ['<!subteam^S1|<@U2>>'],
    ['<!<!everyone>>'],
    ['<@'],
    ['<!'],
  ])('leaves no mention in the nested junk %j', (input) => {
    const out = neutraliseMentions(input);
    expect(out).not.toMatch(/<[!@]/);
    expect(out).not.toMatch(/(^|[^\p{L}\p{N}_])@(here|channel|everyone)(?![\p{L}\p{N}_])/iu);
  });
});
