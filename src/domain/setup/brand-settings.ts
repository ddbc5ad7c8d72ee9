import { quoteBack } from '../commands/command-args.js';
import { fail, ok, type Parsed } from '../commands/result.js';
import { joinTokens, type Token } from '../commands/tokenize.js';
import type { TandemCommand } from './tandem-types.js';
import { TANDEM_USAGE } from './tandem-usage.js';

// `/tandem set brand-hashtags | brand-link | voice | banned-words`: what /draft knows of the brand.

const CLEAR = /^(?:none|off|clear|-)$/i;
const MAX_HASHTAGS = 10;
const MAX_VOICE = 200;
const MAX_BANNED = 30;

export function parseBrandHashtags(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set brand-hashtags'];
  const typed = joinTokens(args).trim();
  if (typed === '') return fail('Which hashtags? Type them with their #.', hint);
  if (CLEAR.test(typed)) return ok({ type: 'set', setting: { key: 'brand-hashtags', hashtags: [] } });
  const words = typed.split(/[\s,]+/).filter(Boolean);
  const tags: string[] = [];
  for (const word of words) {
    // Slack turns "#acme" into a channel reference when a channel of that name exists.
    const tag = word.replace(/^<#[A-Z0-9]+\|([^>]*)>$/, '$1').replace(/^[#＃]/, '');
    if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(tag) || !/\p{L}/u.test(tag)) {
      return fail(
        `"${quoteBack(word, 30)}" is not a hashtag: letters, digits and _ only, with a letter.`,
        hint,
      );
    }
    tags.push(tag);
  }
  if (tags.length > MAX_HASHTAGS)
    return fail(`That is ${tags.length} hashtags; ${MAX_HASHTAGS} at most.`, hint);
  return ok({ type: 'set', setting: { key: 'brand-hashtags', hashtags: [...new Set(tags)] } });
}

export function parseBrandLink(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set brand-link'];
  // Slack sends a pasted link as <https://…> or <https://…|label>.
  const typed = joinTokens(args)
    .trim()
    .replace(/^<([^|>]+)(?:\|[^>]*)?>$/, '$1');
  if (typed === '') return fail('Which link? Paste the full address, starting with https://.', hint);
  if (CLEAR.test(typed)) return ok({ type: 'set', setting: { key: 'brand-link', link: null } });
  let url: URL | null = null;
  try {
    url = new URL(typed);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || /\s/.test(typed) || !url.hostname.includes('.')) {
    return fail(
      `"${quoteBack(typed, 40)}" is not a web address; it starts with https:// and has no spaces.`,
      hint,
    );
  }
  return ok({ type: 'set', setting: { key: 'brand-link', link: typed } });
}

export function parseVoice(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set voice'];
  const typed = joinTokens(args)
    .trim()
    .replace(/^["“”„']|["“”„']$/g, '')
    .trim();
  if (typed === '') return fail('How should the brand sound? Describe it in a few words, in quotes.', hint);
  if (CLEAR.test(typed)) return ok({ type: 'set', setting: { key: 'voice', voice: null } });
  if (typed.length > MAX_VOICE)
    return fail(`That is ${typed.length} characters; ${MAX_VOICE} at most.`, hint);
  return ok({ type: 'set', setting: { key: 'voice', voice: typed } });
}

export function parseBannedWords(args: readonly Token[]): Parsed<TandemCommand> {
  const hint = TANDEM_USAGE['set banned-words'];
  const typed = joinTokens(args).trim();
  if (typed === '') return fail('Which words? Separate them with commas.', hint);
  if (CLEAR.test(typed)) return ok({ type: 'set', setting: { key: 'banned-words', words: [] } });
  const words = [...new Set(typed.split(',').map((w) => w.trim().replace(/^["“”']|["“”']$/g, '')))].filter(
    Boolean,
  );
  const odd = words.find((w) => !/\p{L}/u.test(w) || w.length > 40);
  if (odd !== undefined)
    return fail(`"${quoteBack(odd, 40)}" is not a word or short phrase (40 characters at most).`, hint);
  if (words.length > MAX_BANNED) return fail(`That is ${words.length} words; ${MAX_BANNED} at most.`, hint);
  return ok({ type: 'set', setting: { key: 'banned-words', words } });
}
