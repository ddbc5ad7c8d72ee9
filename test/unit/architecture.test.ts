import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(src).map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

/** Every relative import of a file, resolved to a path under the repository root. */
function importsOf(file: { path: string; text: string }): string[] {
  const specs = [...file.text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
  return specs.map((spec) => relative(root, resolve(root, file.path, '..', spec)));
}

const featureOf = (path: string) => path.match(/^src\/features\/([^/]+)\//)?.[1];

// A Prisma model call, a transaction or raw SQL: what only stores (and the database layer) do.
const SQL =
  /\b(prisma|tx)\.[a-zA-Z]+\.(find\w*|create\w*|update\w*|upsert|delete\w*|count|aggregate|groupBy)\b|\$(queryRaw|executeRaw|transaction)/;

describe('the layering of src/', () => {
  it('reads the tree (the checks below see real files)', () => {
    expect(files.some((f) => f.path === 'src/core/stores/tasks.ts')).toBe(true);
    expect(importsOf({ path: 'src/a/b.ts', text: "import { x } from '../c/d.js';" })).toEqual(['src/c/d.js']);
  });

  it('no feature imports another feature: shared pieces live in src/core/', () => {
    const crossings = files.flatMap((file) => {
      const own = featureOf(file.path);
      if (!own) return [];
      return importsOf(file)
        .filter((target) => featureOf(target) && featureOf(target) !== own)
        .map((target) => `${file.path} → ${target}`);
    });
    expect(crossings).toEqual([]);
  });

  it('core never imports a feature, and the domain imports nothing but the domain', () => {
    const wrong = files.flatMap((file) => {
      const targets = importsOf(file);
      if (file.path.startsWith('src/core/'))
        return targets.filter((t) => t.startsWith('src/features/')).map((t) => `${file.path} → ${t}`);
      if (file.path.startsWith('src/domain/'))
        return targets.filter((t) => !t.startsWith('src/domain/')).map((t) => `${file.path} → ${t}`);
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('SQL lives only in stores and the database layer', () => {
    const querying = files
      .filter((f) => !f.path.startsWith('src/core/stores/') && !f.path.startsWith('src/db/'))
      .filter((f) => SQL.test(f.text))
      .map((f) => f.path)
      .sort();
    expect(querying).toEqual([]);
  });
});
