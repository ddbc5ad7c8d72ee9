import type { KnownBlock } from '@slack/types';
import { formatTrendRef } from '../../domain/trends/trend-ref.js';
import { TREND_USAGE } from '../../domain/trends/trend-usage.js';
import type { Trend } from '../../generated/prisma/client.js';
import {
  capBlocks,
  context,
  lineSections,
  MAX_BLOCKS,
  type SlackMessage,
  section,
} from '../../slack/blocks.js';
import { escapeText, inlineCode, userMention } from '../../slack/mrkdwn.js';
import type { LoggedTrend } from './service.js';

export const TREND_TASK_ACTION = 'trend_to_task';

export const trendRef = (t: Pick<Trend, 'number' | 'label'>): string =>
  `*${formatTrendRef(t.number)}* ${escapeText(t.label)}`;

export function loggedMessage(logged: LoggedTrend, reporterId: string): SlackMessage {
  const { trend, matches } = logged;
  const blocks: KnownBlock[] = [
    section(
      trend.spotterId
        ? `:chart_with_upwards_trend: ${userMention(trend.spotterId)} spotted trend ${trendRef(trend)} (logged by ${userMention(reporterId)})`
        : `:chart_with_upwards_trend: ${userMention(reporterId)} logged trend ${trendRef(trend)}`,
    ),
  ];
  if (trend.notes) blocks.push(section(`> ${escapeText(trend.notes)}`));
  blocks.push(
    matches.length > 0
      ? section(
          `Matches ${matches.map((m) => `*#${m.initiative.number}* ${escapeText(m.initiative.title)}`).join(', ')}. The PR and social leads${matches.some((m) => m.initiative.ownerId) ? ' and the owners' : ''} will hear about it.`,
        )
      : context(
          `No active initiative matches yet; both leads will see it in the digest. Link one with ${inlineCode(`/trend link ${formatTrendRef(trend.number)} 12`)}.`,
        ),
  );
  blocks.push({
    type: 'actions',
    block_id: `trend:${trend.number}`,
    elements: [
      {
        type: 'button',
        action_id: TREND_TASK_ACTION,
        value: String(trend.number),
        text: { type: 'plain_text', text: 'Make it a task (respond in 24 h)' },
        accessibility_label: `Make trend ${formatTrendRef(trend.number)} a claimable task to respond within 24 hours`,
      },
    ],
  });
  return { text: `Trend ${formatTrendRef(trend.number)} ${escapeText(trend.label)} logged`, blocks };
}

export function trendListMessage(trends: Trend[], which: 'active' | 'all'): SlackMessage {
  const title = which === 'active' ? 'Active trends' : 'All trends';
  if (trends.length === 0) {
    return {
      text: `${title}: none`,
      blocks: [
        section(`*${title}:* none.`),
        context(
          `Log one with ${inlineCode('/trend add "#WorldCup2026" keywords: football, soccer')} or react :chart_with_upwards_trend: on a message.`,
        ),
      ],
    };
  }
  const lines = trends.map(
    (t) =>
      `${trendRef(t)} · ${t.status}${t.keywords.length ? ` · ${t.keywords.map(escapeText).join(', ')}` : ''} · from ${userMention(t.spotterId ?? t.reporterId)}`,
  );
  return {
    text: `${title}: ${trends.length}`,
    blocks: capBlocks([section(`*${title}*`), ...lineSections(lines, MAX_BLOCKS - 1)]),
  };
}

export function trendHelpMessage(): SlackMessage {
  const lines = Object.values(TREND_USAGE).map(
    (hint) => `${inlineCode(hint.usage)}\n      e.g. ${inlineCode(hint.example)}`,
  );
  return {
    text: 'How to use /trend',
    blocks: capBlocks([
      section('*/trend* — what the team is seeing, shared with PR and social at once.'),
      ...lineSections(lines, 10),
      context(
        'React :chart_with_upwards_trend: on any message in a channel Tandem is in to log it as a trend.',
      ),
    ]),
  };
}

export function trendNoteMessage(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
