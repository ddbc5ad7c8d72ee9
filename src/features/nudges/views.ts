import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { NudgeKind } from '../../core/stores/nudges.js';
import type { TaskWithInitiative } from '../../core/stores/tasks.js';
import { formatReleaseRef } from '../../domain/drafts/draft-command.js';
import { networkLabel } from '../../domain/drafts/networks.js';
import type { Network } from '../../domain/drafts/types.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { formatTrendRef } from '../../domain/trends/trend-ref.js';
import { suggestedSteps } from '../../domain/trends/trend-steps.js';
import type { Initiative, PressRelease, Trend } from '../../generated/prisma/client.js';
import { context, type SlackMessage, section } from '../../slack/blocks.js';
import { channelMention, escapeText, slackDate, userMention } from '../../slack/mrkdwn.js';

export const NUDGE_ACTIONS = {
  done: 'nudge_done',
  snooze: 'nudge_snooze',
  claim: 'nudge_claim',
  handoff: 'nudge_handoff',
} as const;

export type NudgeItem =
  | { type: 'task'; task: TaskWithInitiative }
  | { type: 'initiative'; initiative: Initiative };

/** `task:<id>` or `initiative:<id>`: what a nudge's buttons act on. */
export const itemValue = (item: NudgeItem): string =>
  item.type === 'task' ? `task:${item.task.id}` : `initiative:${item.initiative.id}`;

function describe(item: NudgeItem): string {
  return item.type === 'task'
    ? `task *${formatTaskRef(item.task.number)}* ${escapeText(item.task.title)} (for *#${item.task.initiative.number}* ${escapeText(item.task.initiative.title)})`
    : `initiative *#${item.initiative.number}* ${escapeText(item.initiative.title)}`;
}

function ownerOf(item: NudgeItem): string | null {
  return item.type === 'task' ? item.task.assigneeId : item.initiative.ownerId;
}

/** A nudge DM with the buttons to act on it at once. */
export function nudgeMessage(
  kind: Exclude<NudgeKind, 'embargo'>,
  item: NudgeItem,
  windowLabel: string | null,
): SlackMessage {
  const what = describe(item);
  const headline = {
    deadline: `:alarm_clock: ${what} is ${windowLabel ?? 'due soon'}.`,
    deadline_escalation: `:rotating_light: ${what} is ${windowLabel ?? 'overdue'} and still open. You lead this work, so it comes to you too.`,
    unowned: `:raising_hand: ${what} has had no owner for a day. Can someone from your side take it?`,
    shared_trend: `:chart_with_upwards_trend: ${what} matches a new trend.`,
    trend_unclaimed: `:hourglass: Nobody has claimed ${what} and its respond-by time has passed. Can one of your team take it?`,
  }[kind];
  const value = itemValue(item);
  const buttons: ActionsBlock['elements'] = [];
  if (!ownerOf(item)) {
    buttons.push({
      type: 'button',
      action_id: NUDGE_ACTIONS.claim,
      value,
      style: 'primary',
      text: { type: 'plain_text', text: 'Claim' },
    });
  }
  buttons.push({
    type: 'button',
    action_id: NUDGE_ACTIONS.done,
    value,
    text: { type: 'plain_text', text: 'Mark done' },
  });
  if (item.type === 'task')
    buttons.push({
      type: 'button',
      action_id: NUDGE_ACTIONS.snooze,
      value,
      text: { type: 'plain_text', text: 'Snooze 1 day' },
    });
  buttons.push({
    type: 'users_select',
    action_id: NUDGE_ACTIONS.handoff,
    placeholder: { type: 'plain_text', text: 'Hand off to…' },
  });
  const blocks: KnownBlock[] = [
    section(headline),
    { type: 'actions', block_id: `nudge:${value}`, elements: buttons },
  ];
  return { text: headline.replace(/[*:]/g, ''), blocks };
}

/** What the nudge becomes once someone acted on it, so the DM shows it is handled. */
export function nudgeHandledMessage(item: NudgeItem, what: string): SlackMessage {
  const text = `${describe(item)}: ${what}.`;
  return { text, blocks: [section(`:white_check_mark: ${text}`), context('Handled from this reminder.')] };
}

/** The shared-trend nudge: what the trend is, which initiative it touches, a next step for each side. */
export function sharedTrendMessage(trend: Trend, initiative: Initiative): SlackMessage {
  const steps = suggestedSteps(trend.label, initiative.title);
  const text = `New trend ${formatTrendRef(trend.number)} ${escapeText(trend.label)} matches #${initiative.number} ${escapeText(initiative.title)}`;
  const blocks: KnownBlock[] = [
    section(
      `:chart_with_upwards_trend: New trend *${formatTrendRef(trend.number)}* ${escapeText(trend.label)} matches *#${initiative.number}* ${escapeText(initiative.title)}.`,
    ),
  ];
  if (trend.notes) blocks.push(section(`> ${escapeText(trend.notes)}`));
  blocks.push(section(`*PR:* ${escapeText(steps.pr)}\n*Social:* ${escapeText(steps.social)}`));
  if (trend.sourceLink)
    blocks.push(
      context(
        `<${trend.sourceLink}|Where it was spotted> · spotted by ${userMention(trend.spotterId ?? trend.reporterId)}`,
      ),
    );
  return { text, blocks };
}

/** The embargo nudge: the release, when its embargo lifts, and the networks still unapproved. */
export function embargoNudgeMessage(
  release: Pick<PressRelease, 'number' | 'title' | 'channelId'> & { embargoUntil: Date },
  unapproved: Network[],
): SlackMessage {
  const ref = formatReleaseRef(release.number);
  const networks = unapproved.map(networkLabel).join(', ');
  const when = slackDate(release.embargoUntil, release.embargoUntil.toISOString());
  const text = `:lock: The embargo on *${ref}*${release.title ? ` ${escapeText(release.title)}` : ''} lifts ${when}, and ${networks} ${unapproved.length === 1 ? 'has' : 'have'} no approved post yet.`;
  return {
    text: `The embargo on ${ref} lifts soon; ${networks} not approved yet`,
    blocks: [
      section(text),
      context(
        release.channelId
          ? `The drafts are in ${channelMention(release.channelId)}.`
          : `Run /draft ${ref} to see the drafts.`,
      ),
    ],
  };
}
