import type { KnownBlock } from '@slack/types';
import type { FirstRunItem, FirstRunStep } from '../../domain/setup/first-run.js';
import { context, divider, section } from '../../slack/blocks.js';
import { inlineCode } from '../../slack/mrkdwn.js';

const STEP_TEXT: Record<FirstRunStep, string> = {
  leads: `Choose the PR and social leads: ${inlineCode('/tandem setup')} or ${inlineCode('/tandem set pr-leads @ana')}`,
  'digest-channel': `Pick the digest channel: ${inlineCode('/tandem set digest-channel #pr-social')}`,
  initiative: `Add an initiative: ${inlineCode('/initiative add "Q4 launch" press_release')}`,
  channel: `Invite Tandem to your team’s channel with ${inlineCode('/invite @Tandem')}, then add a task there`,
};

export const DONE_MARK = ':white_check_mark:';
export const TODO_MARK = ':white_large_square:';

/** The first-run checklist at the top of the App Home; nothing once every step is done. */
export function firstRunBlocks(items: FirstRunItem[] | null): KnownBlock[] {
  if (!items) return [];
  const left = items.filter((i) => !i.done).length;
  const lines = items.map((i) => `${i.done ? DONE_MARK : TODO_MARK} ${STEP_TEXT[i.step]}`);
  return [
    section(`*Getting started* — ${left} of ${items.length} to go\n${lines.join('\n')}`),
    context(
      `Setting leads and the digest channel is for admins (anyone, before the first setup). This list goes once all are done; ${inlineCode('/tandem help')} shows where to start.`,
    ),
    divider,
  ];
}
