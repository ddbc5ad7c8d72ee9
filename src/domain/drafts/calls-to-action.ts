import type { ReleaseTopic } from './news-value.js';

/*
 * The few words a template post adds of its own: a question or call to action in the release's
 * language. They claim nothing (no names, figures or dates), so the fact guard has nothing to check.
 */

export const LANGUAGES = ['en', 'fr', 'nl', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const MARKERS: Record<Exclude<Language, 'en'>, string[]> = {
  fr: ['le', 'la', 'les', 'des', 'est', 'une', 'pour', 'avec', 'dans', 'du'],
  nl: ['het', 'een', 'van', 'zijn', 'voor', 'met', 'wordt', 'niet', 'ook', 'naar'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'für', 'nicht', 'eine', 'auf'],
  es: ['el', 'los', 'las', 'una', 'para', 'con', 'por', 'del', 'que', 'está'],
};
const ENGLISH = ['the', 'and', 'is', 'of', 'to', 'for', 'with', 'that', 'will', 'has'];

export function languageOf(text: string): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const count = (markers: string[]) => words.filter((w) => markers.includes(w)).length;
  let best: Language = 'en';
  let bestCount = count(ENGLISH);
  for (const [language, markers] of Object.entries(MARKERS) as Array<[Language, string[]]>) {
    const n = count(markers);
    if (n > bestCount) [best, bestCount] = [language, n];
  }
  return best;
}

type Phrases = { question: Record<ReleaseTopic, string>; readMore: string; share: string };

const PHRASES: Record<Language, Phrases> = {
  en: {
    question: {
      results: 'What stands out to you in these results?',
      recall: 'Please share this so it reaches anyone who may have the product.',
      appointment: 'What would you like to hear from the new leadership?',
      grant: 'Who else should know about this?',
      general: 'What do you think?',
    },
    readMore: 'Read the full release:',
    share: 'Share this with someone who should know.',
  },
  fr: {
    question: {
      results: 'Qu’est-ce qui vous marque dans ces résultats ?',
      recall: 'Partagez pour que l’information arrive à tous ceux qui ont le produit.',
      appointment: 'Qu’attendez-vous de cette nomination ?',
      grant: 'Qui d’autre devrait le savoir ?',
      general: 'Qu’en pensez-vous ?',
    },
    readMore: 'Lire le communiqué :',
    share: 'Partagez avec quelqu’un que cela concerne.',
  },
  nl: {
    question: {
      results: 'Wat valt u op in deze cijfers?',
      recall: 'Deel dit bericht, zodat iedereen met het product het ziet.',
      appointment: 'Wat verwacht u van deze benoeming?',
      grant: 'Wie moet dit nog meer weten?',
      general: 'Wat vindt u ervan?',
    },
    readMore: 'Lees het hele bericht:',
    share: 'Deel dit met wie het aangaat.',
  },
  de: {
    question: {
      results: 'Was fällt Ihnen an diesen Zahlen auf?',
      recall: 'Bitte teilen, damit alle davon erfahren, die das Produkt haben.',
      appointment: 'Was erwarten Sie von der neuen Führung?',
      grant: 'Wer sollte das noch wissen?',
      general: 'Was meinen Sie?',
    },
    readMore: 'Zur Mitteilung:',
    share: 'Teilen Sie das mit allen, die es betrifft.',
  },
  es: {
    question: {
      results: '¿Qué le llama la atención de estos resultados?',
      recall: 'Comparta esto para que llegue a quien tenga el producto.',
      appointment: '¿Qué espera de este nombramiento?',
      grant: '¿Quién más debería saberlo?',
      general: '¿Qué opina?',
    },
    readMore: 'Lea el comunicado:',
    share: 'Compártalo con quien le interese.',
  },
};

export const phrasesFor = (language: Language): Phrases => PHRASES[language];

/** Every phrase above, for the fact guard: its capitals start a sentence, not a name. */
export const DRAFTER_PHRASES: string[] = Object.values(PHRASES).flatMap((p) => [
  ...Object.values(p.question),
  p.readMore,
  p.share,
]);

const TOPIC_EMOJI: Record<ReleaseTopic, string> = {
  results: '📈',
  recall: '⚠️',
  appointment: '👋',
  grant: '🤝',
  general: '📣',
};

export const topicEmoji = (topic: ReleaseTopic): string => TOPIC_EMOJI[topic];
