import type { Deps } from '../deps.js';
import { toSettings, type WorkspaceSettings } from './settings.js';
import { readWorkspace } from './stores/workspaces.js';

/**
 * Settings are read on nearly every request and change a few times a month. Each process keeps
 * them for a second: a change made here is seen at once (the cache is dropped), a change made
 * by another replica within a second.
 */
const FRESH_MS = 1_000;
// The read itself is kept, not only its answer: a burst of events arriving as the second runs
// out shares one read instead of each sending its own.
const caches = new WeakMap<object, Map<string, { settings: Promise<WorkspaceSettings>; at: number }>>();

/**
 * The workspace's settings, creating the row with defaults the first time a team is seen (with
 * its organisation, when the request came through an org-wide install).
 */
export function loadWorkspace(deps: Deps, teamId: string, enterpriseId?: string): Promise<WorkspaceSettings> {
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new Map();
    caches.set(deps.db, cache);
  }
  const now = Date.now();
  const known = cache.get(teamId);
  if (known && now - known.at < FRESH_MS) return known.settings;
  const entry = { settings: readWorkspace(deps, teamId, enterpriseId).then(toSettings), at: now };
  cache.set(teamId, entry);
  // A failed read (the database away) is not remembered: the next request reads again.
  entry.settings.catch(() => {
    if (cache.get(teamId) === entry) cache.delete(teamId);
  });
  return entry.settings;
}

/**
 * Settings read straight from the database, for the scheduler: it runs once a minute per
 * workspace, and must not send a digest to a channel another replica has just changed.
 */
export async function loadWorkspaceFresh(deps: Deps, teamId: string): Promise<WorkspaceSettings> {
  return toSettings(await readWorkspace(deps, teamId));
}

/** After a settings change in this process: the next request reads them again. */
export function forgetWorkspace(deps: Deps, teamId: string): void {
  caches.get(deps.db)?.delete(teamId);
}
