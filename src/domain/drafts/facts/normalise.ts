/** The form both sides are compared in: case, quote styles, dashes and spacing do not matter. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/…/g, '...')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[“”„‟«»″〝〞＂]/g, '"')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .toLowerCase()
    .trim();
}
