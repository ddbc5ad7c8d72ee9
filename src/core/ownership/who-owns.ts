import type { Deps } from '../../deps.js';
import type { WhoOwnsQuery } from '../../domain/tandem-command.js';
import { UserError } from '../../domain/user-error.js';
import type { Initiative, OwnershipEvent } from '../../generated/prisma/client.js';
import { findInitiative } from '../stores/initiatives.js';

export type WhoOwnsAnswer =
  | { kind: 'one'; initiative: Initiative; history: OwnershipEvent[] }
  | { kind: 'many'; initiatives: Initiative[]; words: string };

const MAX_CANDIDATES = 10;

async function history(deps: Deps, initiative: Initiative): Promise<WhoOwnsAnswer> {
  const events = await deps.db.prisma.ownershipEvent.findMany({
    where: { teamId: initiative.teamId, initiativeId: initiative.id },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  return { kind: 'one', initiative, history: events };
}

/** "Who owns X?" by number or by words of the title, with the whole ownership history. */
export async function whoOwns(deps: Deps, teamId: string, query: WhoOwnsQuery): Promise<WhoOwnsAnswer> {
  if (query.by === 'number') return history(deps, await findInitiative(deps, teamId, query.number));

  const words = query.words.split(/\s+/).filter(Boolean);
  const matches = await deps.db.prisma.initiative.findMany({
    where: {
      teamId,
      AND: words.map((word) => ({ title: { contains: word, mode: 'insensitive' as const } })),
    },
    orderBy: [{ number: 'desc' }],
    take: MAX_CANDIDATES + 1,
  });
  if (matches.length === 0) {
    throw new UserError(
      `No initiative in this workspace has “${query.words}” in its title.`,
      '/tandem who-owns <id | words of the title>',
      '/tandem who-owns 12',
    );
  }
  const exact = matches.find((i) => i.title.toLowerCase() === query.words.toLowerCase());
  const only = matches.length === 1 ? matches[0] : exact;
  if (only) return history(deps, only);
  return { kind: 'many', initiatives: matches.slice(0, MAX_CANDIDATES), words: query.words };
}
