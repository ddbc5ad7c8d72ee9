/**
 * Reads a word table without reaching Object.prototype: typed words like "constructor" or
 * "__proto__" would otherwise find a function or an object where a table entry belongs.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
