import { EXPORT_USAGE } from '../../domain/setup/export-command.js';
import { TANDEM_USAGE } from '../../domain/setup/tandem-command.js';
import { context, type SlackMessage, section } from '../../slack/blocks.js';
import { inlineCode } from '../../slack/mrkdwn.js';

const MORE_HELP = [
  '/tandem help all',
  '/initiative help',
  '/task help',
  '/trend help',
  '/digest help',
  '/draft help',
]
  .map((c) => inlineCode(c))
  .join(' · ');

/** The five commands a new team needs first, in the order they would use them. */
export const FIRST_COMMANDS: ReadonlyArray<readonly [command: string, does: string]> = [
  ['/tandem setup', 'PR and social leads, the digest channel, its time and your time zone'],
  ['/initiative add "Q4 launch" press_release', 'record a piece of work; Tandem suggests its owner'],
  ['/task add 1 "Draft social posts" social', 'a task people claim by reacting :raising_hand: or with Claim'],
  ['/tandem who-owns 1', 'who owns it now, and who did before'],
  [
    '/trend add "#WorldCup2026"',
    'share a trend with both leads (or react :chart_with_upwards_trend: on a message)',
  ],
];

/** `/tandem help`: what Tandem is for and where to start, on one screen. */
export function tandemHelpMessage(): SlackMessage {
  return {
    text: 'What Tandem does, and five commands to start with',
    blocks: [
      section(
        '*Tandem* keeps PR and social working as one: every initiative and task has one clear owner, ' +
          'with its history; a daily digest and gentle nudges keep deadlines from slipping.',
      ),
      section(
        ['*Start with*', ...FIRST_COMMANDS.map(([command, does]) => `${inlineCode(command)} — ${does}`)].join(
          '\n',
        ),
      ),
      context(`Invite Tandem to a channel with ${inlineCode('/invite @Tandem')}. Every form: ${MORE_HELP}.`),
    ],
  };
}

/** `/tandem help all`: every /tandem form, and where the other commands keep theirs. */
export function tandemFullHelpMessage(): SlackMessage {
  const code = inlineCode;
  return {
    text: 'What Tandem can do',
    blocks: [
      section('*Tandem* keeps PR and social working as one: who owns what, with its history.'),
      section(
        [
          '*Initiatives*',
          `${code('/initiative add "Q4 launch" press_release due dec 1')} — add one (Tandem suggests an owner)`,
          `${code('/initiative list mine')} · ${code('/initiative show 12')} · ${code('/initiative assign 12 @maya')}`,
          `${code('/initiative handoff 12 @sam on leave next week')} · ${code('/initiative status 12 active')} · ${code('/initiative due 12 next friday')}`,
          `${code('/initiative help')} — every form with examples`,
        ].join('\n'),
      ),
      section(
        [
          '*Ownership*',
          `${code('/tandem who-owns 12')} or ${code('/tandem who-owns q4 launch')} — current owner and full history`,
        ].join('\n'),
      ),
      section(
        [
          '*Settings* (admins, or anyone before the first setup)',
          `${code('/tandem setup')} — a form for leads, digest channel, time and zone`,
          `${code('/tandem set pr-leads @ana @ben')} · ${code('/tandem set social-leads @cam')}`,
          `${code('/tandem set digest-channel #pr-social')} · ${code('/tandem set digest-time 09:00')} · ${code('/tandem set timezone Europe/London')}`,
          `${code('/tandem settings')} — show them`,
          `${code(EXPORT_USAGE.usage)} — ${EXPORT_USAGE.summary}`,
          `${code(TANDEM_USAGE.status.usage)} — ${TANDEM_USAGE.status.summary}`,
        ].join('\n'),
      ),
      context(
        `Mention ${code('@Tandem who owns 12')} in a channel to ask in a thread. Each command has its own: ${MORE_HELP}.`,
      ),
    ],
  };
}
