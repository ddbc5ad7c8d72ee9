import { describe, expect, it } from 'vitest';
import { stripBullet, stripDatedDateline } from '../../../../src/domain/drafts/release-cleanup.js';

describe('stripDatedDateline', () => {
  it.each([
    [
      'WEST PALM BEACH, FL, UNITED STATES, February 24, 2026 /EINPresswire.com/ -- Acme today named a new CEO.',
      'Acme today named a new CEO.',
    ],
    [
      'WEST PALM BEACH, FL, UNITED STATES, February 24, 2026 / EINPresswire.com / -- Acme today named a new CEO.',
      'Acme today named a new CEO.',
    ],
    ['Dublin, Ireland, February 23, 2016 – The charity received a grant.', 'The charity received a grant.'],
    ['PARIS, 12 mars 2026 — La société annonce un rappel.', 'La société annonce un rappel.'],
    ['Amsterdam, 3 maart 2026 - Het bedrijf roept pindakaas terug.', 'Het bedrijf roept pindakaas terug.'],
    ['Berlin, 5. Dezember 2026 – Die Firma meldet Zahlen.', 'Die Firma meldet Zahlen.'],
    ['Madrid, 4 de diciembre de 2026 — La empresa retira un lote.', 'La empresa retira un lote.'],
    ['FRANKFURT (dpa-AFX) - Die Aktie stieg um 3 Prozent.', 'Die Aktie stieg um 3 Prozent.'],
    ['(dpa-AFX) Die Aktie stieg.', 'Die Aktie stieg.'],
    // A sentence that mentions a date is not a dateline.
    [
      'The plant opened on March 3, 2026 and employs 40 people.',
      'The plant opened on March 3, 2026 and employs 40 people.',
    ],
    ['Sales rose 4% in the year to June 30, 2026.', 'Sales rose 4% in the year to June 30, 2026.'],
  ])('%j → %j', (input, output) => {
    expect(stripDatedDateline(input)).toBe(output);
  });
});

describe('stripBullet', () => {
  it.each([
    ['• Contains peanuts', 'Contains peanuts'],
    ['🔵 Net sales up 4%', 'Net sales up 4%'],
    ['* Second point', 'Second point'],
    ['$2.5 million', '$2.5 million'],
    ['2026 was a good year', '2026 was a good year'],
  ])('%j → %j', (input, output) => {
    expect(stripBullet(input)).toBe(output);
  });
});

describe('stripDatedDateline leaves sentences alone', () => {
  it.each([
    'The results for the year to June 30, 2026 - a record - were strong.',
    'Shares closed on March 3, 2026 — up 4% on the day.',
  ])('%j', (sentence) => {
    expect(stripDatedDateline(sentence)).toBe(sentence);
  });
});
