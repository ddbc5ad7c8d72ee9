import type { StartupCase } from './startup.js';

export function reportStartup(cases: StartupCase[]): Array<StartupCase & { ratio: number }> {
  const bare = cases[0]?.median ?? 1;
  const rows = cases.map((c) => ({ ...c, ratio: Math.round((c.median / bare) * 100) / 100 }));
  console.table(
    rows.map((c) => ({
      start: c.name,
      'median ms': c.median,
      '÷ bare Bolt': c.ratio,
      'each run ms': c.ms.join(', '),
    })),
  );
  return rows;
}
