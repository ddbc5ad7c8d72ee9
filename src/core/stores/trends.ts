import type { Deps } from '../../deps.js';
import type { Trend } from '../../generated/prisma/client.js';

export function findTrendById(deps: Deps, teamId: string, id: string): Promise<Trend | null> {
  return deps.db.prisma.trend.findFirst({ where: { id, teamId } });
}
