import { neutraliseMentions } from '../commands/slack-refs.js';
import { bannedWordsIn, checkFacts } from './fact-guard.js';
import { fitToNetwork } from './fit.js';
import type { DraftFlag, FinishedDraft, Network, ReleaseInput } from './types.js';

/** Everything a draft may legitimately draw on: title, body, link and brand hashtags. */
export function releaseSource(release: ReleaseInput): string {
  return [
    release.title ?? '',
    release.body,
    release.link ?? '',
    release.brandLink ?? '',
    release.hashtags.map((tag) => `#${tag.replace(/^#+/, '')}`).join(' '),
  ]
    .filter((part) => part.trim() !== '')
    .join('\n\n');
}

// Control characters can hide a Slack mention (a NUL inside "<!channel>") from the neutraliser, so they go first.
const CONTROL = /(?![\n\t])\p{Cc}/gu;

function normaliseWhitespace(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The one step every draft goes through, from the template or from a model: it cannot ping
 * anyone, it fits the network, and whatever it claims that the release does not say is flagged.
 */
export function finishDraft(release: ReleaseInput, network: Network, raw: string): FinishedDraft {
  let text = neutraliseMentions(normaliseWhitespace(raw.replace(/\r\n?/g, '\n').replace(CONTROL, '')));
  let flags: DraftFlag[] = [];
  // Removing links or hashtags could in principle bring two halves of a mention together.
  for (let pass = 0; pass < 3; pass++) {
    const fitted = fitToNetwork(network, text);
    flags = fitted.flags;
    if (neutraliseMentions(fitted.text) === fitted.text) {
      text = fitted.text;
      break;
    }
    text = neutraliseMentions(fitted.text);
  }
  // The release as written and as neutralised: a "<!here>" quoted from it becomes "@here" in the draft.
  const source = releaseSource(release);
  const facts = checkFacts(`${source}\n\n${neutraliseMentions(source)}`, text).map(
    ({ fact, text: claim }): DraftFlag => ({ kind: 'not-in-release', fact, text: claim }),
  );
  const banned = bannedWordsIn(text, release.bannedWords ?? []).map(
    (word): DraftFlag => ({ kind: 'banned-word', word }),
  );
  return { network, text, flags: [...flags, ...facts, ...banned] };
}
