/**
 * Optimal-string-alignment distance: Levenshtein plus swapping two neighbouring characters,
 * because swapped letters ('asisgn', 'Lodnon') are the commonest typing slip.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** How many slips a word of this length may contain and still count as a typo of a candidate. */
export function typoAllowance(length: number): number {
  if (length <= 1) return 0;
  if (length <= 4) return 1;
  if (length <= 9) return 2;
  return 3;
}

/**
 * The candidate closest to `input` (case-insensitive) when it is near enough to be a typo, so a
 * reply can say "did you mean …?" instead of only "unknown".
 */
export function closestMatch(input: string, candidates: readonly string[]): string | null {
  const needle = input.toLowerCase();
  // Nothing people mistype for a command word or a place name is this long.
  if (needle.length > 64) return null;
  const allowance = typoAllowance(needle.length);
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // Comparing very different lengths cannot come within the allowance; skip the quadratic work.
    if (Math.abs(candidate.length - needle.length) > allowance) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowance ? best : null;
}
