// Bad input, end to end (issue 6): random command text, sent to the real app as signed slash
// commands, for every command in the app manifest. Whatever is typed: HTTP 200, the person hears
// back (a reply, or a modal), a refusal is private and explains itself (never the "something went
// wrong on Tandem's side" apology, which would mean an exception escaped), nothing is logged as a
// listener failure, and every message or view Tandem sends is within Slack's limits.
// test/unit/domain/*properties*.test.ts fuzz the parsers alone; this goes through everything
// after them too (services, database, views).
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { callProblems } from './slack-limits.js';
import { eventually } from './support.js';

const TEAM = 'TFUZZ0001';
const ADMIN = 'UADMIN001';
const PERSON = 'UPERSON01';
const CHANNEL = 'CFUZZ0001';
const RUNS_PER_COMMAND = 80;

const manifest = JSON.parse(
  readFileSync(new URL('../../manifest/manifest.json', import.meta.url), 'utf8'),
) as {
  features: { slash_commands: Array<{ command: string }> };
};
// /draft is declared in the manifest ahead of its listener (being built now): fuzz it once it exists.
const draftsLanded = existsSync(new URL('../../src/features/drafts/register.ts', import.meta.url));
const COMMANDS = manifest.features.slash_commands
  .map((c) => c.command)
  .filter((c) => c !== '/draft' || draftsLanded);
if (!draftsLanded) console.warn('fuzz: /draft left out until src/features/drafts/register.ts exists');

const WORDS = [
  'add',
  'list',
  'show',
  'assign',
  'handoff',
  'status',
  'due',
  'help',
  'set',
  'setup',
  'who-owns',
  'who',
  'owns',
  'claim',
  'release',
  'done',
  'block',
  'unblock',
  'snooze',
  'link',
  'expire',
  'now',
  'me',
  'on',
  'off',
  'settings',
  'all',
  'mine',
  'unclaimed',
  'overdue',
  'pr-leads',
  'social-leads',
  'digest-channel',
  'digest-time',
  'timezone',
  'quiet-hours',
  'nudge-windows',
  'claim-emoji',
  'workload',
  'my-discipline',
  'press_release',
  'crisis',
  'influencer',
  'trend_response',
  'pr',
  'social',
  'marketing',
  'joint',
  'active',
  'planned',
  'cancelled',
  '1',
  '#1',
  'T1',
  'TR1',
  '#T1',
  '0',
  '-1',
  '99999999999',
  '2147483648',
  'friday',
  'next',
  'tomorrow',
  'in',
  '3',
  'days',
  '2026-02-30',
  '2026-12-01',
  '25:61',
  '09:00',
  '20:00-08:00',
  'Europe/London',
  'Mars/Olympus',
  'EST',
  '3, 1, 0, -1',
  'keywords:',
  'notes:',
  '--with-checklist',
  'because',
  '"',
  '“',
  '”',
  "'",
  '"Q4 launch"',
  '""',
  '<@U1>',
  `<@${PERSON}|person>`,
  '<#C1|x>',
  '<#C1|>',
  '<!channel>',
  '<!here>',
  '<!subteam^S1|@team>',
  '@ann',
  '#chan',
  ':raising_hand:',
  ':hand::skin-tone-2:',
  '🎉',
  '👩🏽‍💻',
  '\u0000',
  '\n',
  '\t',
  '\u202e',
  '\u200b',
  '\ud800',
  '&amp;',
  '&lt;',
  '*bold*',
  '`code`',
  '```',
];

// Most runs start the way people do, with one of the command's own subcommands, so the fuzzing
// reaches past the first word into each subcommand's arguments, services and views.
const STARTS: Record<string, string[]> = {
  '/initiative': [
    'add',
    'add "Fuzzed launch"',
    'list',
    'show',
    'assign 1',
    'handoff 1',
    'status 1',
    'due 1',
    'help',
  ],
  '/task': [
    'add 1',
    'add 1 "Fuzzed task"',
    'list',
    'claim',
    'assign T1',
    'release',
    'done',
    'block T1',
    'unblock',
    'snooze',
    'help',
  ],
  '/trend': ['add', 'add "#Fuzzed"', 'list', 'link TR1', 'link', 'expire', 'help'],
  '/digest': ['now', 'me', 'settings', 'help', ''],
  '/tandem': [
    'help',
    'settings',
    'who-owns',
    'who owns',
    'set pr-leads',
    'set social-leads',
    'set digest-channel',
    'set digest-time',
    'set timezone',
    'set workload',
    'set quiet-hours',
    'set nudge-windows',
    'set draft-approvers',
    'set claim-emoji',
    'set done-emoji',
    'set my-discipline',
  ],
  '/draft': ['', 'help', 'list', 'show 1', 'approve 1', 'regenerate 1'],
};
const args = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((w) => `"${'x'.repeat(3_500)}" ${w}`) },
);
// KNOWN BUG, excluded here and pinned by an it.fails below: a NUL in /tandem who-owns words
// reaches a PostgreSQL query and fails it. Remove this filter once that is fixed.
const withoutNul = (text: string) => text.replace(/\u0000/g, '');
const textFor = (command: string) =>
  fc
    .oneof(
      {
        weight: 5,
        arbitrary: fc.tuple(fc.constantFrom(...(STARTS[command] ?? ['help'])), args).map((p) => p.join(' ')),
      },
      { weight: 1, arbitrary: args },
    )
    .map(withoutNul);

describe('random command text through the real app', () => {
  let t: RunningTandem;
  beforeAll(async () => {
    t = await startTandem('postgres');
    t.slack.setUser({ id: ADMIN, teamId: TEAM, isAdmin: true });
    t.slack.setUser({ id: PERSON, teamId: TEAM });
    const ctx = { teamId: TEAM, userId: ADMIN, channelId: CHANNEL };
    // Something for numbers to refer to: initiative #1, task T1, trend TR1, and a finished setup.
    await t.command('/tandem', `set pr-leads <@${ADMIN}|admin>`, ctx);
    await t.command('/initiative', `add "Fuzz launch" press_release <@${ADMIN}|a> <#${CHANNEL}|c>`, ctx);
    await t.command('/task', 'add 1 "Fuzz task" social', ctx);
    await t.command('/trend', 'add "#FuzzTrend" keywords: fuzz', ctx);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(COMMANDS)(
    '%s: always 200, an answer, a private explained refusal, within Slack limits',
    async (command) => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(textFor(command), fc.constantFrom(ADMIN, PERSON), async (typed, userId) => {
          const id = `${command}-${++n}`;
          const before = t.slack.calls.length;
          const logsBefore = t.logs.length;
          const res = await t.sender.command(command, typed, {
            teamId: TEAM,
            userId,
            channelId: CHANNEL,
            responseUrl: t.slack.responseUrl(id),
          });
          expect(res.status).toBe(200);
          const mine = (): SlackCall[] =>
            t.slack.calls
              .slice(before)
              .filter((c) => c.method !== 'response_url' || c.args.responseUrlId === id);
          const answered = () =>
            mine().some(
              (c) =>
                ['response_url', 'views.open', 'chat.postEphemeral'].includes(c.method) ||
                // /draft with a release answers in the channel ("Drafting PR1 for 6 networks…").
                (c.method === 'chat.postMessage' && c.args.channel === CHANNEL),
            );
          // /draft with a release drafts six posts before answering, which takes seconds while fitting
          // posts is slow (see fuzz-drafts.test.ts); every other command answers within 3 s.
          await eventually(
            `an answer to ${command} ${JSON.stringify(typed).slice(0, 200)}`,
            answered,
            command === '/draft' ? 10_000 : 3_000,
          );

          for (const call of mine()) {
            expect(
              callProblems(call),
              `${call.method} for ${command} ${JSON.stringify(typed).slice(0, 200)}`,
            ).toEqual([]);
          }
          const replies = mine().filter((c) => c.method === 'response_url');
          for (const reply of replies) {
            const shown = JSON.stringify(reply.args);
            expect(shown, 'no internal error for any input').not.toContain('Something went wrong on Tandem');
            if (shown.includes(':warning:')) expect(reply.args.response_type).toBe('ephemeral');
          }
          const failures = t.logs.slice(logsBefore).filter((l) => l.includes('listener failed'));
          expect(failures).toEqual([]);
        }),
        { numRuns: command === '/draft' ? 25 : RUNS_PER_COMMAND, interruptAfterTimeLimit: 40_000 },
      );
    },
  );

  // BUG (src/features/ownership/service.ts whoOwns, via src/domain/tandem-command.ts): the words
  // of `/tandem who-owns` go into a `title contains` query as typed; a NUL character (U+0000)
  // makes PostgreSQL refuse the query, and the person gets the internal-error apology instead of
  // "No initiative … has …". Remove `.fails` (and withoutNul above) once control characters are
  // refused or stripped.
  it.fails('/tandem who-owns with a NUL character is refused with a message, not an internal error', async () => {
    const calls = await t.command('/tandem', 'who-owns launch\u0000plan', {
      teamId: TEAM,
      userId: PERSON,
      channelId: CHANNEL,
    });
    const reply = JSON.stringify(calls.find((c) => c.method === 'response_url')?.args);
    expect(reply).not.toContain('Something went wrong on Tandem');
    expect(t.logs.filter((l) => l.includes('listener failed'))).toEqual([]);
  });

  // BUG (src/features/drafts/releases.ts saveRelease: `tx.workspace.update` of a workspace row
  // that may not exist yet): `/draft <a press release>` as the very first thing in a workspace
  // fails with Prisma's "record not found" and the internal-error apology. Other features go
  // through db/workspaces.ensureWorkspace first. Remove `.fails` once drafts do too.
  it.runIf(draftsLanded).fails(
    '/draft with a release in a brand-new workspace answers without an internal error',
    async () => {
      const release =
        'NASA announced today that the Artemis rover landed safely on the Moon after a six day journey from Earth.';
      const calls = await t.command('/draft', release, {
        teamId: 'TFUZZNEW1',
        userId: PERSON,
        channelId: CHANNEL,
      });
      await eventually('an answer', () => calls.some((c) => c.method === 'response_url'), 30_000);
      expect(JSON.stringify(calls.map((c) => c.args))).not.toContain('Something went wrong on Tandem');
    },
  );
});
