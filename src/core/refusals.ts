import type { Decision } from '../domain/policy/decide.js';
import type { ItemFacts } from '../domain/policy/facts.js';
import type { Grant } from '../domain/policy/rules.js';
import { userMention } from '../slack/mrkdwn.js';
import { approverIds, type WorkspaceSettings } from './settings.js';

export interface RefusalSubject {
  team: WorkspaceSettings;
  item: ItemFacts;
  /** How the refusal names the thing, e.g. "mark T4 done". */
  doing: string;
  /** What to do instead, e.g. "Ask them in the task’s thread." */
  hint?: string | undefined;
}

type Refusal = Extract<Decision, { allowed: false }>;

function leadsOf(item: ItemFacts): string {
  if (item.discipline === 'pr') return 'a PR lead';
  if (item.discipline === 'social') return 'a social lead';
  return 'a lead';
}

/** How one grant reads in "Only … can …": none, one or several names. */
function phrase(grant: Grant, ask: RefusalSubject): string | string[] | null {
  const { item } = ask;
  switch (grant) {
    case 'owner':
      return item.ownerId ? `${userMention(item.ownerId)} (the owner)` : null;
    case 'initiative-owner':
      return item.initiativeOwnerId && item.initiativeOwnerId !== item.ownerId
        ? `${userMention(item.initiativeOwnerId)} (the initiative’s owner)`
        : null;
    case 'discipline-leads':
      return leadsOf(item);
    case 'any-lead':
      return 'a lead';
    case 'admin':
      return 'a Tandem admin';
    case 'workspace-admin':
      return 'a workspace admin';
    case 'installer':
      return ask.team.installerId ? `${userMention(ask.team.installerId)} (who installed Tandem)` : null;
    case 'first-setup':
      return ask.team.setupAt === null
        ? 'any member'
        : ask.team.adminConfiguredAt === null && ask.team.setupBy
          ? `${userMention(ask.team.setupBy)} (who set Tandem up)`
          : null;
    case 'approvers': {
      const ids = approverIds(ask.team);
      return ids.map(userMention);
    }
    case 'admin-without-approvers':
      return approverIds(ask.team).length === 0 ? 'a Tandem admin (no draft approvers are set)' : null;
    case 'sees':
    case 'member':
      return 'members of this workspace';
  }
}

function oneOf(phrases: string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}

/** "Only @sam (the owner), a PR lead or a Tandem admin can mark T4 done. Ask them in its thread." */
export function refusalText(refusal: Refusal, ask: RefusalSubject): string {
  const hint = ask.hint ? ` ${ask.hint}` : '';
  if (refusal.why === 'hidden') {
    const where = ask.item.channelPrivate ? 'a private channel' : 'a channel';
    return `That is in ${where} you are not in, so Tandem cannot let you ${ask.doing}. Ask someone in that channel.`;
  }
  if (refusal.why === 'guest')
    return `Guests and people from other organisations cannot ${ask.doing}; ask a member of this workspace.`;
  const who = [...new Set(refusal.grants.flatMap((g) => phrase(g, ask) ?? []))];
  return `Only ${oneOf(who)} can ${ask.doing}.${hint}`;
}
