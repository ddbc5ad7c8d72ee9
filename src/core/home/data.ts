import { isAdmin } from '../../domain/policy/decide.js';
import { type FirstRunItem, firstRunChecklist } from '../../domain/setup/first-run.js';
import type { Discipline, Initiative } from '../../generated/prisma/client.js';
import { type DeliveryProblems, deliveryProblems } from '../delivery/problems.js';
import { type WeekData, weekData } from '../release-card/week.js';
import type { WorkspaceSettings } from '../settings.js';
import { firstRunProgress, type HomeLists, homeLists, unclaimedChannels } from '../stores/home.js';
import { memberDiscipline } from '../stores/members.js';
import type { TaskWithInitiative } from '../stores/tasks.js';
import { type Viewer, whoAsks } from '../work/request.js';
import { scopeFor } from '../work/visibility.js';

export interface HomeData {
  workspace: WorkspaceSettings;
  discipline: Discipline | null;
  initiatives: Initiative[];
  tasks: TaskWithInitiative[];
  unclaimed: TaskWithInitiative[];
  /** Background delivery gone wrong, for admins only: it names people and channels. */
  problems: DeliveryProblems | null;
  /** Social posts this week, per network: scheduled, awaiting approval, posted. */
  week: WeekData;
  /** The team's first steps with Tandem, until they are all done. */
  firstRun: FirstRunItem[] | null;
}

/** A person's discipline: what they told Tandem, else the leads list they are on. */
async function disciplineOf(viewer: Viewer): Promise<Discipline | null> {
  const { deps, team, userId } = viewer;
  const told = await memberDiscipline(deps, team.teamId, userId);
  if (told) return told;
  if (team.prLeads.includes(userId)) return 'pr';
  if (team.socialLeads.includes(userId)) return 'social';
  return null;
}

// Workspaces known to have an initiative and Tandem in a channel: facts that stay true, so
// once seen they cost an App Home nothing more in this process.
const started = new WeakMap<object, Set<string>>();

/** The first-run facts the settings do not hold, from the home's own lists where they answer. */
async function workStarted(viewer: Viewer, lists: HomeLists) {
  const { deps, team } = viewer;
  const known = started.get(deps) ?? new Set<string>();
  started.set(deps, known);
  if (known.has(team.teamId)) return { hasInitiative: true, inAChannel: true };
  const loaded = [...lists.tasks, ...lists.unclaimed];
  const progress = await firstRunProgress(deps, team.teamId, {
    hasInitiative: lists.initiatives.length > 0 || loaded.length > 0,
    inAChannel: loaded.some((t) => t.messageChannel !== null),
  });
  if (progress.hasInitiative && progress.inAChannel) known.add(team.teamId);
  return progress;
}

/**
 * One person's App Home. What they own is theirs to see; the unclaimed tasks offered to them
 * leave out private-channel work they may not see.
 */
export async function homeData(viewer: Viewer): Promise<HomeData> {
  const { deps, team, userId } = viewer;
  const discipline = await disciplineOf(viewer);
  const found = await unclaimedChannels(deps, team.teamId, discipline);
  const scope = await scopeFor(viewer, found.channels);
  const lists = await homeLists(deps, team.teamId, userId, discipline, scope, found);
  // The asker's role is cached by now (scopeFor asked Slack), so only admins cost anything here.
  const problems = isAdmin(await whoAsks(viewer)) ? await deliveryProblems(deps, team) : null;
  const firstRun = firstRunChecklist({ ...team, ...(await workStarted(viewer, lists)) });
  return { workspace: team, discipline, ...lists, problems, firstRun, week: await weekData(viewer) };
}
