import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';
import { slackTextToPlain } from '../commands/slack-refs.js';

/** Release numbers are stored as PostgreSQL `integer`, like the other per-workspace numbers. */
const MAX_RELEASE_NUMBER = 2 ** 31 - 1;

/** Fewer words than this is a headline at most: nothing to draft six posts from. */
export const MIN_RELEASE_WORDS = 12;
/** Well above any press release; keeps one paste from filling the database or the model's context. */
export const MAX_RELEASE_CHARS = 40_000;

export type DraftCommand =
  | { type: 'modal' }
  | { type: 'help' }
  /** Show (or, if it never got posted, post) the drafts of a stored release. */
  | { type: 'show'; release: number }
  /** The release pasted inline: drafted at once for every network with the defaults. */
  | { type: 'inline'; text: string }
  /** This week's posts per network: scheduled, awaiting approval, posted. */
  | { type: 'week' };

export const DRAFT_USAGE = {
  modal: { usage: '/draft', example: '/draft' },
  inline: {
    usage: '/draft <the press release text>',
    example:
      '/draft Acme opens its first solar-powered plant in Leeds, creating 120 jobs and cutting emissions by 40%. https://acme.example/news/leeds',
  },
  show: { usage: '/draft R<number>', example: '/draft R3' },
  help: { usage: '/draft help', example: '/draft help' },
  week: { usage: '/draft week', example: '/draft week' },
} satisfies Record<string, UsageHint>;

/**
 * Press releases are shown as R3; initiatives are #12, tasks T7 and trends TR3. "PR3" read like
 * the PR discipline; it is still understood wherever a release is typed.
 */
export function formatReleaseRef(number: number): string {
  return `R${number}`;
}

/** "R3", and the older "PR3", "#R3", "pr-3" or "release 3": the release's number, or null. */
export function parseReleaseRef(text: string): string | null {
  return /^#?(?:p?r|release\s*)-?(\d+)$/i.exec(text.trim())?.[1] ?? null;
}

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function parseDraftCommand(raw: string): Parsed<DraftCommand> {
  const text = slackTextToPlain(raw).trim();
  if (text === '') return ok({ type: 'modal' });
  if (/^(help|\?)$/i.test(text)) return ok({ type: 'help' });
  // A release is never one word, so one word is a subcommand.
  if (/^week$/i.test(text)) return ok({ type: 'week' });
  const ref = parseReleaseRef(text);
  if (ref !== null) {
    const digits = ref.replace(/^0+(?=\d)/, '');
    const number = Number(digits);
    if (digits.length > 10 || number > MAX_RELEASE_NUMBER || number === 0)
      return fail(`There is no press release ${text}.`, DRAFT_USAGE.show);
    return ok({ type: 'show', release: number });
  }
  if (text.length > MAX_RELEASE_CHARS) {
    return fail(
      `That release is ${text.length.toLocaleString('en-US')} characters; Tandem takes up to ${MAX_RELEASE_CHARS.toLocaleString('en-US')}. Trim the boilerplate (contacts, "About us") and try again.`,
      DRAFT_USAGE.inline,
    );
  }
  const words = countWords(text);
  if (words < MIN_RELEASE_WORDS) {
    return fail(
      `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is ${words} word${words === 1 ? '' : 's'}; paste the whole press release (at least ${MIN_RELEASE_WORDS} words), or run /draft alone to open the form.`,
      DRAFT_USAGE.inline,
    );
  }
  return ok({ type: 'inline', text });
}

/** The usage an error about a "Draft social posts" message points at: the form, and a typed release. */
const SHORTCUT_HINT = { usage: DRAFT_USAGE.modal.usage, example: DRAFT_USAGE.inline.example };

/**
 * The text of a message given to "Draft social posts", taken whole as the release: it must be
 * the message that holds a press release, not a reply about one, and within the same size.
 */
export function parseShortcutRelease(messageText: string): Parsed<string> {
  const body = slackTextToPlain(messageText).trim();
  const words = countWords(body);
  if (words < MIN_RELEASE_WORDS)
    return fail(
      `That message has ${words} word${words === 1 ? '' : 's'}; use "Draft social posts" on the message that holds the whole press release (at least ${MIN_RELEASE_WORDS} words).`,
      SHORTCUT_HINT,
    );
  if (body.length > MAX_RELEASE_CHARS)
    return fail(
      `That message is ${body.length.toLocaleString('en-US')} characters; Tandem takes releases up to ${MAX_RELEASE_CHARS.toLocaleString('en-US')}. Post the release without its boilerplate (contacts, "About us") and try again.`,
      SHORTCUT_HINT,
    );
  return ok(body);
}
