export const AMOUNT = String.raw`\d+(?:[.,]\d+)*`;
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
export const SCALE = String.raw`(?:[ \u00a0]?(thousand|million|billion|trillion|bn|mn|tn|k|m|b)(?![\p{L}\p{M}\p{N}]))?`;

/** Values compare as strings, rounded so that 2.5 × 1e6 and 2500000 are the same. */
export const valueKey = (value: number): string => String(Number(value.toPrecision(12)));

/** Every value a written amount can mean: "1,200" is 1200; "1.200" may be 1.2 or (in Europe) 1200. */
export function amountValues(written: string): number[] {
  const values = new Set<number>();
  if (/^\d+$/.test(written)) values.add(Number(written));
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(written)) values.add(Number(written.replace(/,/g, '')));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(written))
    values.add(Number(written.replace(/\./g, '').replace(',', '.')));
  if (/^\d+\.\d+$/.test(written)) values.add(Number(written));
  if (/^\d+,\d+$/.test(written)) values.add(Number(written.replace(',', '.')));
  if (values.size === 0) values.add(Number(written.replace(/[.,]/g, '')));
  return [...values].filter(Number.isFinite);
}

export function scaledValues(written: string, scale: string | undefined): string[] {
  const multiplier = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
  return amountValues(written).map((value) => valueKey(value * multiplier));
}

/** A money amount or percentage found in a text, with every value it can be read as. */
export interface Found {
  start: number;
  end: number;
  text: string;
  keys: string[];
}

export const foundAt = (start: number, text: string, keys: string[]): Found => ({
  start,
  end: start + text.length,
  text: text.trim(),
  keys,
});

/**
 * A rounded or rescaled figure is the same figure: "$1.67B" for "$1,667.6 million" (within 0.5 %),
 * and "11%" for "10.9%" (a whole number within half a point). Keys are "value" or "family:value".
 */
export function closeEnough(keys: string[], known: Set<string>, points = false): boolean {
  if (keys.some((key) => known.has(key))) return true;
  for (const key of keys) {
    const [family, written] = key.includes(':') ? key.split(':') : ['', key];
    const value = Number(written);
    if (!Number.isFinite(value)) continue;
    for (const other of known) {
      const [otherFamily, otherWritten] = other.includes(':') ? other.split(':') : ['', other];
      if (otherFamily !== family) continue;
      const knownValue = Number(otherWritten);
      if (!Number.isFinite(knownValue) || knownValue === 0) continue;
      if (Math.abs(value - knownValue) <= Math.abs(knownValue) * 0.005) return true;
      if (points && Number.isInteger(value) && Math.abs(value - knownValue) < 0.5) return true;
    }
  }
  return false;
}
