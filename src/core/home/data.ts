import type { Deps } from '../../deps.js';
import type { Discipline, Initiative } from '../../generated/prisma/client.js';
import type { WorkspaceSettings } from '../settings.js';
import type { TaskWithInitiative } from '../stores/tasks.js';
import { loadWorkspace } from '../team.js';

export interface HomeData {
  workspace: WorkspaceSettings;
  discipline: Discipline | null;
  initiatives: Initiative[];
  tasks: TaskWithInitiative[];
  unclaimed: TaskWithInitiative[];
}

export const HOME_LIMITS = { initiatives: 10, tasks: 15, unclaimed: 10 } as const;

/** A person's discipline: what they told Tandem, else the leads list they are on. */
export async function disciplineOf(
  deps: Deps,
  workspace: WorkspaceSettings,
  userId: string,
): Promise<Discipline | null> {
  const member = await deps.db.prisma.member.findUnique({
    where: { teamId_userId: { teamId: workspace.teamId, userId } },
  });
  if (member?.discipline) return member.discipline;
  if (workspace.prLeads.includes(userId)) return 'pr';
  if (workspace.socialLeads.includes(userId)) return 'social';
  return null;
}

export async function homeData(deps: Deps, teamId: string, userId: string): Promise<HomeData> {
  const workspace = await loadWorkspace(deps, teamId);
  const discipline = await disciplineOf(deps, workspace, userId);
  const { prisma } = deps.db;
  // Unclaimed work "in my discipline" includes tasks for anyone; without a known discipline, all of it.
  const disciplineFilter =
    discipline && discipline !== 'joint'
      ? { OR: [{ discipline }, { discipline: null }, { discipline: 'joint' as const }] }
      : {};
  const [initiatives, tasks, unclaimed] = await Promise.all([
    prisma.initiative.findMany({
      where: { teamId, ownerId: userId, status: { in: ['planned', 'active'] } },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
      take: HOME_LIMITS.initiatives,
    }),
    // Ascending due dates put overdue work first.
    prisma.task.findMany({
      where: { teamId, assigneeId: userId, status: { not: 'done' } },
      include: { initiative: true },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
      take: HOME_LIMITS.tasks,
    }),
    prisma.task.findMany({
      where: { teamId, assigneeId: null, status: 'open', ...disciplineFilter },
      include: { initiative: true },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
      take: HOME_LIMITS.unclaimed,
    }),
  ]);
  return { workspace, discipline, initiatives, tasks, unclaimed };
}
