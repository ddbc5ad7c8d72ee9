/*
 * "KNIGHT TRADING GROUP ANNOUNCES GAAP EARNINGS" reads as shouting in a feed. Rewritten in sentence
 * case, each word takes the form the release itself uses mid-sentence ("Knight", "GAAP",
 * "earnings"), so names and acronyms keep their capitals and nothing new is claimed.
 */

const LETTERS = /\p{L}/gu;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’&.-]*/gu;

/** All capitals, and long enough for that to be a choice rather than an acronym. */
export function isShouted(text: string): boolean {
  const letters = text.match(LETTERS) ?? [];
  const words = text.match(WORD) ?? [];
  return letters.length >= 12 && words.length >= 3 && !/\p{Ll}/u.test(text);
}

/** Every form each word takes in the body where it does not start a sentence, by its lower case. */
function midSentenceForms(body: string): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const match of body.matchAll(WORD)) {
    const before = body.slice(Math.max(0, match.index - 3), match.index);
    if (/(?:^|[.!?:\n•])\s*$/u.test(before) || match.index === 0) continue;
    const written = match[0].replace(/[.'’-]+$/u, '');
    const key = written.toLowerCase();
    const set = forms.get(key) ?? new Set<string>();
    set.add(written);
    forms.set(key, set);
  }
  return forms;
}

function caseOf(word: string, forms: Map<string, Set<string>>): string {
  const bare = word.replace(/[.'’-]+$/u, '');
  const tail = word.slice(bare.length);
  const seen = forms.get(bare.toLowerCase());
  if (!seen) return bare.length <= 3 ? word : word.toLowerCase();
  if (seen.has(bare.toLowerCase())) return bare.toLowerCase() + tail;
  return [...seen][0] + tail;
}

// Names of two words or more as the body writes them: "Knight Trading Group", though "trading" alone is lower case.
const NAME_RUN = /\p{Lu}[\p{L}\p{M}]*(?: (?:of |de |van )?\p{Lu}[\p{L}\p{M}]*)+/gu;

export function sentenceCase(headline: string, body: string): string {
  const forms = midSentenceForms(body);
  let first = true;
  let cased = headline.replace(WORD, (word) => {
    const form = caseOf(word, forms);
    if (!first) return form;
    first = false;
    return form.charAt(0).toUpperCase() + form.slice(1);
  });
  for (const run of new Set(body.match(NAME_RUN) ?? [])) {
    const at = cased.toLowerCase().indexOf(run.toLowerCase());
    if (at < 0 || run.length !== run.toLowerCase().length) continue;
    const after = cased.charAt(at + run.length);
    if (/[\p{L}\p{N}]/u.test(after) || (at > 0 && /[\p{L}\p{N}]/u.test(cased.charAt(at - 1)))) continue;
    cased = cased.slice(0, at) + run + cased.slice(at + run.length);
  }
  return cased;
}
