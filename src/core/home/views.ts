import type { HomeView, KnownBlock } from '@slack/types';
import { calendarDateFromDb } from '../../db/calendar-dates.js';
import { DISCIPLINE_LABELS } from '../../domain/initiatives/kinds.js';
import { formatTaskRef } from '../../domain/tasks/task-ref.js';
import { formatDueDate } from '../../domain/time/due-date.js';
import { context, divider, header, section } from '../../slack/blocks.js';
import { escapeText, inlineCode } from '../../slack/mrkdwn.js';
import { deliveryBanner } from '../delivery/views.js';
import { weekBlocks } from '../release-card/week.js';
import { claimButton } from '../task-messages/views.js';
import type { HomeData } from './data.js';
import { firstRunBlocks } from './first-run-views.js';

interface Ctx {
  now: Date;
  today: string;
}

function dueLine(dueDate: Date | null, ctx: Ctx & { timezone: string }): string {
  if (!dueDate) return 'no due date';
  const date = calendarDateFromDb(dueDate);
  const words = formatDueDate(date, ctx);
  return date < ctx.today ? `:rotating_light: *overdue*, ${words}` : `due ${words}`;
}

/** The App Home: what I own, what I could take, and what to do when there is nothing yet. */
export function homeView(data: HomeData, ctx: Ctx): HomeView {
  const zone = { ...ctx, timezone: data.workspace.timezone };
  const blocks: KnownBlock[] = [header('Your Tandem')];
  if (data.problems) blocks.push(...deliveryBanner(data.problems, data.workspace.digestChannel));
  blocks.push(...firstRunBlocks(data.firstRun));

  blocks.push(section('*Initiatives you own*'));
  if (data.initiatives.length === 0) {
    blocks.push(
      context(`None yet. Add one with ${inlineCode('/initiative add "Q4 launch" press_release due dec 1')}.`),
    );
  } else {
    blocks.push(
      section(
        data.initiatives
          .map((i) => `• *#${i.number}* ${escapeText(i.title)} — ${dueLine(i.dueDate, zone)}`)
          .join('\n'),
      ),
    );
  }

  blocks.push(divider, section('*Your open tasks*'));
  if (data.tasks.length === 0) {
    blocks.push(
      context(
        `Nothing on your plate. Claim one below, or react :${data.workspace.emoji.claim}: on a task message.`,
      ),
    );
  } else {
    const lines = data.tasks.map(
      (t) =>
        `• *${formatTaskRef(t.number)}* ${escapeText(t.title)} — ${dueLine(t.dueDate, zone)}${t.status === 'blocked' ? ' · :construction: blocked' : ''} · #${t.initiative.number}`,
    );
    blocks.push(section(lines.join('\n')));
  }

  const where =
    data.discipline && data.discipline !== 'joint'
      ? ` for ${DISCIPLINE_LABELS[data.discipline]} (or anyone)`
      : '';
  blocks.push(divider, section(`*Unclaimed tasks${where}*`));
  if (data.unclaimed.length === 0) {
    blocks.push(context('No unclaimed tasks. New ones appear here with a Claim button.'));
  } else {
    for (const t of data.unclaimed) {
      blocks.push(
        section(
          `*${formatTaskRef(t.number)}* ${escapeText(t.title)}\n#${t.initiative.number} · ${dueLine(t.dueDate, zone)}`,
          claimButton(t.number),
        ),
      );
    }
  }
  if (data.week.entries.length > 0)
    blocks.push(
      divider,
      section('*Social posts this week*'),
      ...weekBlocks(data.week, data.workspace.timezone),
    );
  if (!data.discipline) {
    blocks.push(
      context(
        `Tell Tandem your discipline to see the tasks that fit you first: ${inlineCode('/tandem set my-discipline social')}`,
      ),
    );
  }
  return { type: 'home', blocks };
}
