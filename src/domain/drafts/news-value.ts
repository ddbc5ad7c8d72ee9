/*
 * What a release is about, and which of its sentences carry the news. A reader scrolling past
 * gives a post one line: it has to be the sentence that announces, names, launches, recalls or
 * reports, and the figure that matters for that kind of news, not simply the first with a digit.
 */

export const RELEASE_TOPICS = ['results', 'recall', 'appointment', 'grant', 'general'] as const;
export type ReleaseTopic = (typeof RELEASE_TOPICS)[number];

const word = (alternatives: string): RegExp => new RegExp(`(?<![\\p{L}])(?:${alternatives})`, 'iu');

// English, French, Dutch, German and Spanish verbs of news, by their stems.
const NEWS_VERB = word(
  [
    'announc',
    'name[sd]? ',
    'naming',
    'appoint',
    'launch',
    'recall',
    'report',
    'select',
    'award',
    'unveil',
    'introduc',
    'complet',
    'signs? |signed|signing',
    'open',
    'elect',
    'releas',
    'expand',
    'acquir',
    'will receive',
    'annonc',
    'lanc',
    'nomm',
    'rappel',
    'présent',
    'maakt(?: [\\p{L}]+)? bekend',
    'benoem',
    'lanceer',
    'kondigt',
    'roept',
    'gaan ',
    'gibt',
    'ernennt',
    'startet',
    'ruft',
    'anuncia',
    'nombra',
    'lanza',
    'retira',
  ].join('|'),
);
const TODAY = word("today|aujourd[’']hui|vandaag|heute|hoy");
// "Boeing also named …": the second piece of news, not the first.
const SECONDARY = word('also|aussi|ook|auch|también|in addition');

const TOPIC_PATTERNS: Array<[ReleaseTopic, RegExp]> = [
  ['recall', word('recall|rappel|terugroep|terughaal|rückruf|retirada|retira')],
  [
    'results',
    word(
      "results|earnings|per (?:diluted )?share|eps|revenues?|quarter|résultats|chiffre d[’']affaires|omzet|kwartaal|quartal|umsatz|resultados|trimestre",
    ),
  ],
  [
    'appointment',
    word(
      // A verb of appointing, not a title alone: a quote "said Dana Whitfield, chief executive"
      // does not make a plant opening an appointment.
      'appoint|name[sd]? [^.]{0,80}\\bas\\b|naming [^.]{0,80}\\bas\\b|succeed|successor|benoem|nomm|ernenn|nombra|resign|steps? down|joins [^.]{0,60}\\bas\\b',
    ),
  ],
  [
    'grant',
    word('grant|award|funding|fund |subsid|subvention|financement|beschikbaar|fördermittel|subvención'),
  ],
];

export function releaseTopic(headline: string, opening: string[]): ReleaseTopic {
  const text = [headline, ...opening].join(' ');
  return TOPIC_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'general';
}

const contentWords = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => !/^\d+$/.test(w)));

/** How much a sentence reads like the news itself; earlier sentences win ties. */
function newsScore(sentence: string, index: number, headlineWords: Set<string>): number {
  let score = -0.25 * index;
  if (NEWS_VERB.test(sentence)) score += 3;
  if (TODAY.test(sentence)) score += 2;
  if (SECONDARY.test(sentence)) score -= 2.5;
  const shared = [...contentWords(sentence)].filter((w) => headlineWords.has(w)).length;
  score += Math.min(shared, 4) * 0.5;
  if ((sentence.match(/\p{L}+/gu)?.length ?? 0) < 6) score -= 1;
  return score;
}

export function pickLead(sentences: string[], headline: string): string | null {
  const headlineWords = contentWords(headline);
  let best: { sentence: string; score: number } | null = null;
  sentences.forEach((sentence, index) => {
    const score = newsScore(sentence, index, headlineWords);
    if (best === null || score > best.score) best = { sentence, score };
  });
  return (best as { sentence: string } | null)?.sentence ?? null;
}

const MONEY = /[$€£¥]\s?\d|\d\s?[kKM]?(?:€|euros?|dollars?|miljoen|millions?|milliards?|billion)/u;
const PER_SHARE = word('per (?:diluted )?share|eps|earnings|net income|bénéfice|winst');
const REVENUE = word("revenues?|sales|chiffre d[’']affaires|omzet|umsatz|ingresos");
const HAZARD = word(
  'allerg|undeclared|listeria|salmonella|e\\. coli|contamina|injur|burn|chok|fire hazard|hazard|risk|may contain|pathog|allergeen|allergène|gevaar|danger',
);
const ACTION = word(
  'return|refund|discard|throw (?:it |them )?away|do not (?:eat|use|consume)|should not|stop using|provide consumers|terugbrengen|rapporter|ne pas consommer|nicht verzehren|no consumir',
);
const GRANT = word('grant|award|fund|receive|subsid|beschikbaar|financ|cofinanc');
const WHEN = word(
  'effective|as of|starting|from|met ingang van|à compter|à partir|ab dem|a partir|immediately',
);
const hasQuantity = (sentence: string): boolean => /\d/.test(sentence);

/**
 * The sentence with the figure that matters for this kind of news, then the supporting ones:
 * earnings per share and revenue in results, the hazard and what to do in a recall, the amount in
 * a grant, who and from when in an appointment. Otherwise money or a percentage first.
 */
// "He succeeds Anne Toulouse …" after "Boeing also named …" is still about the second appointment.
const PRONOUN_START = /^(?:he|she|they|it|his|her|il|elle|ils|hij|zij|ze|er|sie|él|ella)\s/iu;

function secondaryFlags(sentences: string[]): Set<string> {
  const secondary = new Set<string>();
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    if (SECONDARY.test(sentence) || (PRONOUN_START.test(sentence) && previous && secondary.has(previous))) {
      secondary.add(sentence);
    }
  });
  return secondary;
}

export function keyFigures(topic: ReleaseTopic, sentences: string[]): string[] {
  const first = (test: (s: string) => boolean) => sentences.find(test);
  const secondary = secondaryFlags(sentences);
  const preferred: Array<string | undefined> = [];
  switch (topic) {
    case 'results':
      preferred.push(
        first((s) => PER_SHARE.test(s) && MONEY.test(s)),
        first((s) => REVENUE.test(s) && MONEY.test(s)),
      );
      break;
    case 'recall':
      preferred.push(
        first((s) => HAZARD.test(s)),
        first((s) => ACTION.test(s)),
      );
      break;
    case 'grant':
      preferred.push(first((s) => GRANT.test(s) && MONEY.test(s)));
      break;
    case 'appointment':
      preferred.push(
        first((s) => WHEN.test(s) && /\d/.test(s) && !secondary.has(s)),
        first((s) => !secondary.has(s)),
      );
      break;
    case 'general':
      preferred.push(first((s) => MONEY.test(s) || /%|percent|procent|pour cent/iu.test(s)));
      break;
  }
  // A second piece of news ("Boeing also named …") comes after the first one's figures.
  const withQuantities = [
    ...sentences.filter((s) => hasQuantity(s) && !secondary.has(s)),
    ...sentences.filter((s) => hasQuantity(s) && secondary.has(s)),
  ];
  const ordered = [...preferred, ...withQuantities].filter((s): s is string => s !== undefined);
  return [...new Set(ordered)];
}
