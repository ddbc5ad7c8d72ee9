import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InitiativeToMatch, matchTrend, trendTerms } from '../../../src/domain/trends/trend-match.js';
import { suggestedSteps } from '../../../src/domain/trends/trend-steps.js';
import { stemWord } from '../../../src/domain/trends/trend-words.js';

const initiative = (title: string, keywords: string[] = []): InitiativeToMatch => ({
  id: 'i1',
  title,
  keywords,
});

/** The terms an initiative matched on, or null when it did not match. */
function matched(label: string, keywords: string[], target: InitiativeToMatch): string[] | null {
  const [match] = matchTrend({ label, keywords }, [target]);
  return match ? match.matched : null;
}

describe('stemWord', () => {
  it.each([
    ['launches', 'launch'],
    ['launch', 'launch'],
    ['influencers', 'influencer'],
    ['stories', 'story'],
    ['story', 'story'],
    ['releases', 'release'],
    ['cases', 'case'],
    ['glasses', 'glass'],
    ['boxes', 'box'],
    ['wishes', 'wish'],
    ['buzzes', 'buzz'],
    ['ties', 'tie'],
    ['selfies', 'selfie'],
    ['movies', 'movie'],
    ['heroes', 'hero'],
    ['crises', 'crisis'],
    ['crisis', 'crisis'],
    ['news', 'news'],
    ['series', 'series'],
    ['bias', 'bias'],
    ['biases', 'bias'],
    ['campus', 'campus'],
    ['business', 'business'],
    ['women', 'woman'],
    ['womens', 'woman'],
    ['children', 'child'],
    // Not touched: -ing and -ed change the meaning too often.
    ['running', 'running'],
    ['marketing', 'marketing'],
    ['launched', 'launched'],
    // Short words, numbers and mixtures are left alone.
    ['bus', 'bus'],
    ['its', 'its'],
    ['1990s', '1990s'],
    ['q4s', 'q4s'],
    ['', ''],
  ])('%j → %j', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it('stemming a stem changes nothing', () => {
    const letters = fc
      .array(fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y', 's', 'x', 'z', 'c', 'h', 't', 'n'), {
        maxLength: 10,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(letters, fc.string()), (word) => {
        const once = stemWord(word.toLowerCase());
        expect(stemWord(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('trendTerms', () => {
  it.each([
    ['#WorldCup2026', [], ['world cup 2026', 'worldcup2026', 'worldcup']],
    ['#worldcup2026', [], ['worldcup 2026', 'worldcup2026', 'worldcup']],
    ['WORLDCUP2026', [], ['worldcup 2026', 'worldcup2026', 'worldcup']],
    ['Influencers', [], ['influencer']],
    ['Product launches', [], ['product launch', 'productlaunch', 'product', 'launch']],
    ['#AI', [], ['ai']],
    ['AI', [], ['ai']],
    ['AI Act', [], ['ai act', 'aiact', 'act']],
    ['#AI regulation', [], ['ai regulation', 'airegulation', 'ai', 'regulation']],
    ['Q4 results', [], ['q 4 result', 'q4result', 'q4', 'result']],
    ['#5G', [], ['5g']],
    ['Nike’s new ad', [], ['nike new ad', 'nikenewad', 'nike']],
    ['The Who', [], []],
    ['#BackToSchool', [], ['back to school', 'backtoschool']],
    ['x', ['Football', 'soccer', 'football'], ['football', 'soccer']],
    ['x', ['ai'], ['ai']],
    ['2026', [], []],
    ['#2026', [], []],
    ['the of and', [], []],
    ['', [], []],
    ['!!! ---', ['', '   ', '#'], []],
  ])('%j %j → %j', (label, keywords, terms) => {
    expect(trendTerms(label, keywords)).toEqual(terms);
  });

  it('splits a camelCase hashtag into a phrase but keeps its parts together', () => {
    const terms = trendTerms('#TikTokShop', []);
    expect(terms).toContain('tik tok shop');
    expect(terms).toContain('tiktok');
    expect(terms).toContain('tiktokshop');
    expect(terms).not.toContain('tok');
    expect(terms).not.toContain('shop');
  });

  it('leaves out long labels as phrases, keeping their words', () => {
    const terms = trendTerms('Huge spike in people talking about sustainable packaging today', []);
    expect(terms.some((term) => term.includes(' '))).toBe(false);
    expect(terms).toEqual(expect.arrayContaining(['huge', 'spike', 'sustainable', 'packaging']));
    expect(terms).not.toContain('in');
    expect(terms).not.toContain('about');
  });
});

describe('matchTrend', () => {
  it.each([
    // Hashtags meet the same words written apart, and keywords written either way.
    ['#WorldCup2026', [], initiative('World Cup 2026 sponsorship'), ['world cup 2026']],
    ['#WorldCup2026', [], initiative('Sponsorship', ['worldcup']), ['worldcup']],
    ['#WorldCup2026', [], initiative('Sponsorship', ['#WorldCup']), ['worldcup']],
    ['#WorldCup2026', [], initiative('#WorldCup2026 hospitality'), ['worldcup2026']],
    ['#WorldCup2026', [], initiative('World cup watch party'), ['worldcup']],
    ['#worldcup', [], initiative('World Cup 2026 sponsorship'), ['worldcup']],
    ['World Cup', [], initiative('Sponsorship', ['#worldcup']), ['worldcup']],
    ['world cup', [], initiative('WORLD CUP party'), ['world cup']],
    // Plurals and singulars meet.
    ['Influencers', [], initiative('Influencer summit'), ['influencer']],
    ['Influencer', [], initiative('Summit', ['influencers']), ['influencer']],
    ['Product launches', [], initiative('Q3 launch'), ['launch']],
    ['Stories', [], initiative('Instagram story takeover'), ['story']],
    ['Press releases', [], initiative('Press release: new CEO'), ['press release']],
    ['#Selfies', [], initiative('Selfie wall at the expo'), ['selfie']],
    // Keywords count as much as the label; phrases keep their order.
    ['#x', ['Sustainable packaging'], initiative('Packaging sustainable'), ['sustainable', 'packaging']],
    ['#x', ['sustainable packaging'], initiative('Sustainable packaging pledge'), ['sustainable packaging']],
    // Case, punctuation and possessives don't matter.
    ['NIKE', [], initiative("Nike's spring drop"), ['nike']],
    ['nike', [], initiative('NIKE, ADIDAS & PUMA'), ['nike']],
    ['Straße', [], initiative('STRASSE campaign'), ['strasse']],
    // Short words count when they are all there is of a hashtag or keyword.
    ['#AI', [], initiative('AI ethics pledge'), ['ai']],
    ['x', ['AI'], initiative('Our AI pledge'), ['ai']],
    ['Q4', [], initiative('Q4 earnings'), ['q4']],
    ['#5G', [], initiative('5G rollout'), ['5g']],
  ])('%j %j matches %j on %j', (label, keywords, target, terms) => {
    expect(matched(label, keywords, target)).toEqual(terms);
  });

  it.each([
    ['launch', [], initiative('Team lunch')],
    ['lunch', [], initiative('Product launch')],
    ['Influencers', [], initiative('Influence campaign')],
    // Stop words never match, alone or together.
    ['The', [], initiative('The launch')],
    ['of the and', ['for', 'new'], initiative('Launch of the new app and for the people')],
    ['#New', [], initiative('New app')],
    // Bare numbers are too common to match alone.
    ['2026', [], initiative('2026 budget')],
    ['#WorldCup2026', [], initiative('2026 budget')],
    ['#WorldCup2026', [], initiative('Davis Cup 2026')],
    ['#WorldCup2026', [], initiative('World Wellbeing Day')],
    // Short words in a longer label, and parts of a camelCase word, don't match alone.
    ['AI Act', [], initiative('AI ethics pledge')],
    ['#YouTubeShorts', [], initiative('Tube strike comms')],
    ['iPhone', [], initiative('Phone case drop')],
    // Whole words only.
    ['art', [], initiative('Smartphone launch')],
    ['cup', [], initiative('Cupcake day')],
    ['', [], initiative('Anything')],
    ['#WorldCup2026', [], initiative('', [])],
  ])('%j %j does not match %j', (label, keywords, target) => {
    expect(matched(label, keywords, target)).toBeNull();
  });

  it('keeps the initiatives in the order given and leaves out the rest', () => {
    const initiatives = [
      { id: 'c', title: 'Influencer summit', keywords: [] },
      { id: 'a', title: 'Team lunch', keywords: [] },
      { id: 'b', title: 'Product launch', keywords: ['influencers'] },
    ];
    expect(matchTrend({ label: 'Influencers', keywords: ['launches'] }, initiatives)).toEqual([
      { id: 'c', matched: ['influencer'] },
      { id: 'b', matched: ['influencer', 'launch'] },
    ]);
  });

  it('returns nothing when nothing matches, or there is nothing to match', () => {
    expect(matchTrend({ label: 'Eurovision', keywords: [] }, [initiative('Q3 earnings')])).toEqual([]);
    expect(matchTrend({ label: 'Eurovision', keywords: [] }, [])).toEqual([]);
    expect(matchTrend({ label: 'the', keywords: [] }, [initiative('the')])).toEqual([]);
  });

  // Guards against super-linear blow-up (regex backtracking, quadratic loops), which takes
  // minutes; the generous timeout keeps a busy 2-core machine from failing a healthy run.
  it('handles a long title quickly', { timeout: 30_000 }, () => {
    const title = 'word '.repeat(20_000);
    expect(matchTrend({ label: '#x', keywords: ['word'] }, [initiative(title)])).toHaveLength(1);
    expect(matchTrend({ label: 'a'.repeat(100_000), keywords: [] }, [initiative(title)])).toEqual([]);
    expect(trendTerms('aB'.repeat(20_000), ['x'.repeat(50_000)]).length).toBeGreaterThan(0);
  });
});

// Text shaped like labels, titles and keywords, mixed with anything at all.
const wordish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        '#WorldCup2026',
        'World',
        'Cup',
        'world cup',
        '2026',
        'Influencers',
        'influencer',
        'launch',
        'LAUNCHES',
        'lunch',
        'the',
        'of',
        'New',
        '#AI',
        'AI',
        'Q4',
        '5G',
        'Nike’s',
        "don't",
        'Straße',
        'STRASSE',
        'ΟΣ',
        'İstanbul',
        'ﬁre',
        '🎉',
        '#',
        '-',
        ',',
        '\u0000',
        '\n',
        '__proto__',
        'constructor',
      ),
      { maxLength: 8 },
    )
    .map((words) => words.join(' ')),
);

const initiativeish = fc.record({
  id: fc.string(),
  title: wordish,
  keywords: fc.array(wordish, { maxLength: 3 }),
});

const trendish = fc.record({ label: wordish, keywords: fc.array(wordish, { maxLength: 3 }) });

const ids = (matches: ReturnType<typeof matchTrend>): string[] => matches.map((match) => match.id);

/** Changes the case of some characters, chosen by the flags. */
const mixCase = (text: string, flags: readonly boolean[]): string =>
  [...text]
    .map((ch, i) => (flags[i % Math.max(flags.length, 1)] ? ch.toUpperCase() : ch.toLowerCase()))
    .join('');

describe('matching properties', () => {
  it('never throws on any text', () => {
    fc.assert(
      fc.property(trendish, fc.array(initiativeish, { maxLength: 4 }), (trend, initiatives) => {
        const matches = matchTrend(trend, initiatives);
        expect(Array.isArray(matches)).toBe(true);
        const steps = suggestedSteps(trend.label, initiatives[0]?.title ?? '');
        expect(typeof steps.pr).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('terms are lowercase, trimmed, non-empty and unique', () => {
    fc.assert(
      fc.property(trendish, ({ label, keywords }) => {
        const terms = trendTerms(label, keywords);
        expect(new Set(terms).size).toBe(terms.length);
        for (const term of terms) {
          expect(term).not.toBe('');
          expect(term).toBe(term.trim());
          expect(term).toBe(term.toLowerCase());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('every matched term is a trend term, and results follow the input order', () => {
    fc.assert(
      fc.property(trendish, fc.array(initiativeish, { maxLength: 4 }), (trend, initiatives) => {
        const terms = trendTerms(trend.label, trend.keywords);
        const matches = matchTrend(trend, initiatives);
        let from = 0;
        for (const match of matches) {
          expect(match.matched.length).toBeGreaterThan(0);
          for (const term of match.matched) expect(terms).toContain(term);
          const at = initiatives.findIndex((candidate, i) => i >= from && candidate.id === match.id);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + 1;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('stop words never make a term, however they are combined', () => {
    const stopWords = fc
      .array(
        fc.constantFrom('the', 'A', 'of', 'and', 'FOR', 'in', 'on', 'to', 'new', 'New', '#the', 'with'),
        {
          maxLength: 8,
        },
      )
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(stopWords, fc.array(stopWords, { maxLength: 3 }), wordish, (label, keywords, title) => {
        expect(trendTerms(label, keywords)).toEqual([]);
        expect(matchTrend({ label, keywords }, [initiative(`${label} ${title}`, keywords)])).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('an initiative matches itself when its title has any term', () => {
    fc.assert(
      fc.property(trendish, ({ label, keywords }) => {
        const terms = trendTerms(label, keywords);
        const self = matchTrend({ label, keywords }, [{ id: 'self', title: label, keywords }]);
        expect(self.length).toBe(terms.length > 0 ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('the case of an initiative’s title and keywords never changes the result', () => {
    fc.assert(
      fc.property(
        trendish,
        fc.array(initiativeish, { maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        (trend, initiatives, flags) => {
          const recased = initiatives.map((item) => ({
            ...item,
            title: mixCase(item.title, flags),
            keywords: item.keywords.map((keyword) => mixCase(keyword, flags)),
          }));
          const upper = initiatives.map((item) => ({
            ...item,
            title: item.title.toUpperCase(),
            keywords: item.keywords.map((keyword) => keyword.toUpperCase()),
          }));
          const expected = matchTrend(trend, initiatives);
          expect(matchTrend(trend, recased)).toEqual(expected);
          expect(matchTrend(trend, upper)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a trend typed in capitals matches what it matches in lower case, and the other way round', () => {
    fc.assert(
      fc.property(trendish, fc.array(initiativeish, { maxLength: 3 }), (trend, initiatives) => {
        const upper = {
          label: trend.label.toUpperCase(),
          keywords: trend.keywords.map((keyword) => keyword.toUpperCase()),
        };
        const lower = {
          label: trend.label.toLowerCase(),
          keywords: trend.keywords.map((keyword) => keyword.toLowerCase()),
        };
        expect(trendTerms(upper.label, upper.keywords)).toEqual(trendTerms(lower.label, lower.keywords));
        expect(ids(matchTrend(upper, initiatives))).toEqual(ids(matchTrend(lower, initiatives)));
        // Matching is symmetric in this sense too: a single word matches whichever side it is on.
      }),
      { numRuns: 2000 },
    );
  });

  it('a one-word trend and a one-word initiative match each other either way round', () => {
    const word = fc.constantFrom(
      'launch',
      'Launches',
      'INFLUENCERS',
      'influencer',
      'Story',
      'stories',
      'lunch',
    );
    fc.assert(
      fc.property(word, word, (a, b) => {
        const forward = matchTrend({ label: a, keywords: [] }, [initiative(b)]).length;
        const backward = matchTrend({ label: b, keywords: [] }, [initiative(a)]).length;
        expect(forward).toBe(backward);
      }),
    );
  });
});

describe('suggestedSteps', () => {
  it('gives one sentence for each team, naming the trend and the initiative', () => {
    const steps = suggestedSteps('#WorldCup2026', 'World Cup 2026 sponsorship');
    expect(steps.pr).toBe(
      'Pitch "World Cup 2026 sponsorship" to reporters covering #WorldCup2026, with a spokesperson ready to comment.',
    );
    expect(steps.social).toBe(
      'Join the #WorldCup2026 conversation with a post or reply that connects it to "World Cup 2026 sponsorship", once you have checked it suits the brand.',
    );
  });

  it('quotes a label that is not a hashtag, and copes with empty text', () => {
    expect(suggestedSteps('AI Act backlash', 'Policy paper').pr).toContain('covering "AI Act backlash"');
    const empty = suggestedSteps('  ', '');
    expect(empty.pr).toContain('this trend');
    expect(empty.pr).toContain('this initiative');
  });

  it('shortens long labels and titles', () => {
    const steps = suggestedSteps('x'.repeat(500), 'y'.repeat(500));
    expect(steps.pr.length).toBeLessThan(300);
    expect(steps.pr).toContain('…');
  });

  it('never mentions anyone', () => {
    const pinging = /<[!@]|(^|[^\p{L}\p{N}_])@(channel|here|everyone)(?![\p{L}\p{N}_])/iu;
    const hostile = fc.oneof(
      wordish,
      fc.constantFrom(
        '<!channel>',
        '<!here|here>',
        '<@U123|ann>',
        '@everyone',
        '&lt;!here&gt;',
        '<!subteam^S1|@pr>',
      ),
    );
    fc.assert(
      fc.property(hostile, hostile, (label, title) => {
        const steps = suggestedSteps(label, title);
        for (const sentence of [steps.pr, steps.social]) {
          expect(sentence).not.toMatch(pinging);
          expect(sentence).not.toMatch(/\p{Cc}/u);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('regressions found by the properties', () => {
  it.each(["0'sA", "x'sY", "Nike'sAd"])('%s matches an initiative titled the same', (label) => {
    expect(trendTerms(label, []).length).toBeGreaterThan(0);
    expect(matchTrend({ label, keywords: [] }, [{ id: 'self', title: label, keywords: [] }])).toHaveLength(1);
  });
});
