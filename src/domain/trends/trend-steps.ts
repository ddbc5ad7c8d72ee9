import { neutraliseMentions, slackTextToPlain } from '../commands/slack-refs.js';

/** Plain, one line, unable to ping anyone, and short enough to sit inside a sentence. */
function forSentence(text: string, max: number): string {
  const plain = neutraliseMentions(slackTextToPlain(text))
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : plain;
}

/**
 * One-sentence next steps for each team when a trend matches an initiative: for PR a pitch angle
 * tying the initiative to the trend, for social a post or reply idea. Plain text; labels and
 * titles are made unable to mention anyone.
 */
export function suggestedSteps(trendLabel: string, initiativeTitle: string): { pr: string; social: string } {
  const label = forSentence(trendLabel, 60);
  const title = forSentence(initiativeTitle, 80);
  const trend = label === '' ? 'this trend' : /^#\S+$/u.test(label) ? label : `"${label}"`;
  const initiative = title === '' ? 'this initiative' : `"${title}"`;
  return {
    pr: `Pitch ${initiative} to reporters covering ${trend}, with a spokesperson ready to comment.`,
    social: `Join the ${trend} conversation with a post or reply that connects it to ${initiative}, once you have checked it suits the brand.`,
  };
}
