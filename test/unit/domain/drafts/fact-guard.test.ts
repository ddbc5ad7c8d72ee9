import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../../../src/domain/drafts/fact-guard.js';

const SOURCE = `NASA Awards $2.5 Million Contract for Lunar Rovers
WASHINGTON (Nov. 5, 2026) — NASA has selected Intuitive Machines of Houston for a 2.5 million dollars contract. The rovers will carry 1,200 kilograms, cost €40 each to insure, and cut costs by 45 percent over 3.5 years.
“This is a giant leap for lunar science and for all of us,” said NASA Administrator Jane Smith. The first rover launches on 5 March 2027 from Kennedy Space Center, with a £1.2bn partner fund.
https://nasa.gov/news/rovers #Artemis`;

const flags = (draft: string) => checkFacts(SOURCE, draft);

describe('checkFacts on faithful drafts', () => {
  it.each([
    'Big news: NASA Awards $2.5 Million Contract for Lunar Rovers https://nasa.gov/news/rovers #Artemis',
    'The rovers will carry 1200 kilograms and cut costs by 45%.',
    'Costs fall 45 per cent; each rover is insured for €40 over 3.5 years.',
    'NASA picks Intuitive Machines for $2.5 million, or $2,500,000.',
    'Launch on March 5, 2027 (Mar. 5) from Kennedy Space Center, announced Nov. 5.',
    '“This is a giant leap … for all of us” — NASA Administrator Jane Smith',
    '"This is a giant leap for lunar science..." said Jane Smith.',
    'Today NASA chose Intuitive Machines. Read more. Link in bio. #Artemis #LunarRovers',
    'A £1.2 billion fund backs the 2027 launch.',
    'Announcement: a giant leap. The first rover launches in 2027.',
  ])('raises nothing for %j', (draft) => {
    expect(flags(draft)).toEqual([]);
  });
});

describe('checkFacts on a quarter beside a month', () => {
  // Found by the property test: "Q4 March" is a quarter and a month, not the 4th of March, in
  // the release and in a draft that copies it.
  it('reads no date into "Q4 March 45%"', () => {
    expect(checkFacts('Q4 March 45%', 'Q4 March 45%')).toEqual([]);
  });
});

describe('checkFacts on invented claims', () => {
  it.each([
    ['Costs fall 50%.', [{ fact: 'percentage', text: '50%' }]],
    ['Costs fall 45 points and 12 percent.', [{ fact: 'percentage', text: '12 percent' }]],
    ['A $3 million contract.', [{ fact: 'money', text: '$3 million' }]],
    ['A €2.5 million contract.', [{ fact: 'money', text: '€2.5 million' }]],
    ['Worth 2.5 million pounds.', [{ fact: 'money', text: '2.5 million pounds' }]],
    ['Carrying 1,300 kilograms.', [{ fact: 'number', text: '1,300' }]],
    ['Results in Q4.', [{ fact: 'number', text: 'Q4' }]],
    ['Launch on Dec. 12.', [{ fact: 'date', text: 'Dec. 12' }]],
    ['Launch on 5 March 2028.', [{ fact: 'date', text: '5 March 2028' }]],
    ['Launch in 2029.', [{ fact: 'date', text: '2029' }]],
    ['Launch on Tuesday.', [{ fact: 'date', text: 'Tuesday' }]],
    ['“We will win,” she said.', [{ fact: 'quote', text: 'We will win,' }]],
    [
      '"This is a giant leap … for everyone"',
      [{ fact: 'quote', text: 'This is a giant leap … for everyone' }],
    ],
    ['Built with SpaceX.', [{ fact: 'name', text: 'SpaceX' }]],
    ['Led by John Doe at the agency.', [{ fact: 'name', text: 'John Doe' }]],
    ['FEMA joins.', [{ fact: 'name', text: 'FEMA' }]],
    ['Today Blue Origin joined.', [{ fact: 'name', text: 'Blue Origin' }]],
  ])('flags %j', (draft, expected) => {
    expect(flags(draft)).toEqual(expected);
  });

  it('does not flag the numbers inside a flagged amount, percentage or date separately', () => {
    expect(flags('$7.5 million, 61% and June 30, 2031.')).toEqual([
      { fact: 'money', text: '$7.5 million' },
      { fact: 'percentage', text: '61%' },
      { fact: 'date', text: 'June 30, 2031' },
    ]);
  });

  it('reports each claim once, in order', () => {
    expect(flags('SpaceX and 99% and SpaceX again and 99 %')).toEqual([
      { fact: 'name', text: 'SpaceX' },
      { fact: 'percentage', text: '99%' },
    ]);
  });

  it('checks links, handles and hashtags against the release', () => {
    expect(flags('https://example.com/2099/Moon @SpaceX #SpaceX2099 ')).toEqual([
      { fact: 'link', text: 'https://example.com/2099/Moon' },
      { fact: 'handle', text: '@SpaceX' },
      { fact: 'hashtag', text: '#SpaceX2099' },
    ]);
    expect(flags('More at https://nasa.gov/news/rovers and nasa.gov #Artemis #KennedySpaceCenter')).toEqual(
      [],
    );
  });

  it('reads a hashtag built from the release as the release’s, whatever its letters’ case does', () => {
    // A capital sharp s lowers to ß, which upper-cases to SS: both sides must fold alike.
    expect(checkFacts('ကẞက一 launches', 'Launching #ကßက一')).toEqual([]);
    expect(checkFacts('STRASSE opens', '#Straße')).toEqual([]);
  });

  it('does not take a capitalised first word for a name', () => {
    expect(flags('Congratulations to the team. Meanwhile the rovers roll.')).toEqual([]);
  });

  it.each([
    "It works at NASA's Goddard Space Flight Center.",
    'NASA’s Next Red Planet Rover Mission',
    'A dose of ChAdOx1 protected monkeys.',
    'It will travel with the Mars 2020 rover.',
    "The Government's Implementation plan, 'as agreed' in 2016.",
    // Words every object answers to are words here too, not numbers or abbreviations.
    'The constructor and toString of valueOf, http://0constructor.a.aa.',
    // A handle with a combining accent (decomposed), read whole, not up to the accent.
    '@A\u0300mélie and @Zoe\u0308 wrote it.',
  ])('finds nothing to flag when the draft is its own source: %j', (text) => {
    expect(checkFacts(text, text)).toEqual([]);
  });
});

describe('checkFacts on words that are easy to miss', () => {
  const source =
    'Six animals were tested in Phase 1. Vincent Munster is available. The team’s work continues.';

  it.each([
    ['Seven animals were tested.', [{ fact: 'number', text: 'Seven' }]],
    ['Six animals were tested by one team.', []],
    [
      '‘This changes everything,’ said Vincent Munster.',
      [{ fact: 'quote', text: 'This changes everything,' }],
    ],
    [
      "'This changes everything,' said Vincent Munster.",
      [{ fact: 'quote', text: 'This changes everything,' }],
    ],
    ['The team’s work continues, don’t worry.', []],
    ['Holloway said six animals were tested.', [{ fact: 'name', text: 'Holloway' }]],
    ['Munster said six animals were tested.', []],
  ])('%j', (draft, expected) => {
    expect(checkFacts(source, draft)).toEqual(expected);
  });
});
