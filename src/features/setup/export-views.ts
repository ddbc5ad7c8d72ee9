import type { LeftOut } from '../../domain/setup/workspace-export.js';
import { type SlackMessage, section } from '../../slack/blocks.js';

const NAMES: Record<keyof LeftOut, [one: string, many: string]> = {
  initiatives: ['initiative', 'initiatives'],
  tasks: ['task', 'tasks'],
  ownershipEvents: ['ownership change', 'ownership changes'],
  trends: ['trend', 'trends'],
  trendLinks: ['trend link', 'trend links'],
  pressReleases: ['press release', 'press releases'],
  socialDrafts: ['social draft', 'social drafts'],
};

function counted(counts: Partial<Record<keyof LeftOut, number>>): string {
  const parts = (Object.keys(NAMES) as Array<keyof LeftOut>).flatMap((key) => {
    const n = counts[key] ?? 0;
    const [one, many] = NAMES[key];
    return n > 0 ? [`${n} ${n === 1 ? one : many}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** The private reply once the file is in their DMs: what it holds and what it does not. */
export function exportSentMessage(included: Record<keyof LeftOut, number>, leftOut: LeftOut): SlackMessage {
  const left = Object.values(leftOut).some((n) => n > 0)
    ? `Left out, because they are in private channels and only workspace owners and admins export those: ${counted(leftOut)}.`
    : 'Nothing was left out.';
  const text = `Sent you this workspace's Tandem data as a JSON file by DM: ${counted(included)}. ${left}`;
  return { text, blocks: [section(text)] };
}

/** The DM's comment above the file. */
export function exportComment(leftOutAny: boolean): string {
  return leftOutAny
    ? "This workspace's Tandem data, without work in private channels (see Tandem's reply for the counts)."
    : "This workspace's Tandem data, including work in private channels. Keep it as private as they are.";
}
