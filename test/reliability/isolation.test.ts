// Isolation (issue 6): for every command, every block action and the setup modal (the
// registrations in src/features/*/register.ts), numbers, ids and payloads from workspace A used
// from workspace B get a "not found"-style answer, show nothing of A, and change nothing of A:
// every row of A in every table is compared before and after each attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../harness/fake-slack.js';
import { blockAction, viewSubmission } from '../harness/slack-payloads.js';
import { type RunningTandem, startTandem } from '../support/tandem.js';
import { snapshotRows, textOf } from './support.js';

const A = 'TISOLATEA';
const B = 'TISOLATEB';
const PAM = 'UPAMA0001'; // A's PR lead and owner of everything in A
const BOB = 'UBOBB0001'; // a person in B
const CHANNEL_A = 'CALPHA001';
const CHANNEL_B = 'CBETA0001';
const NOT_FOUND =
  /no (initiative|task|trend|press release) .*in this workspace|no longer exists in this workspace|is not in this workspace/i;
// Every title, label and note in A contains this word; nothing in B's answers may.
const SECRET = 'Zanzibar';

let t: RunningTandem;
let aTask: { id: string; number: number; messageTs: string | null };
let aInitiativeId: string;
let aDraftId: string;
let aReleaseId: string;
let aLineId: string;
let seq = 0;

const inA = { teamId: A, userId: PAM, channelId: CHANNEL_A };
const inB = { teamId: B, userId: BOB, channelId: CHANNEL_B };

/** Runs one attempt from B; returns what Tandem sent while handling it. */
async function fromB(run: () => Promise<unknown>): Promise<SlackCall[]> {
  const before = t.slack.calls.length;
  await run();
  return t.slack.calls.slice(before);
}
const said = (calls: SlackCall[]) => calls.map(textOf).join('\n');

// Fields are read when the attempt runs: A's ids exist only after beforeAll.
const action =
  (action_id: string, fieldsOf: () => { block_id: string; value?: string; selected_user?: string }) => () => {
    const fields = fieldsOf();
    return t.sender.interaction(
      blockAction({
        teamId: B,
        userId: BOB,
        responseUrl: t.slack.responseUrl(`isolation-${++seq}`),
        channelId: CHANNEL_B,
        action: { type: fields.selected_user ? 'users_select' : 'button', action_id, ...fields },
      }),
    );
  };

beforeAll(async () => {
  t = await startTandem('postgres');
  t.slack.setUser({ id: PAM, teamId: A, isAdmin: true });
  t.slack.setUser({ id: BOB, teamId: B });
  await t.command('/tandem', `set pr-leads <@${PAM}|pam>`, inA);
  await t.command('/tandem', `set digest-channel <#${CHANNEL_A}|alpha>`, inA);
  await t.command(
    '/initiative',
    `add "${SECRET} launch" press_release <@${PAM}|pam> <#${CHANNEL_A}|a> due 2026-12-24`,
    inA,
  );
  await t.command('/initiative', `add "${SECRET} crisis plan" crisis`, inA);
  await t.command('/task', `add 1 "${SECRET} social posts" social`, inA);
  await t.command('/task', `add 1 "${SECRET} pitch" pr <@${PAM}|pam>`, inA);
  await t.command('/trend', `add "#${SECRET}Trend" keywords: ${SECRET.toLowerCase()}`, inA);
  await t.command(
    '/draft',
    `${SECRET} Airways opens a new route to Leeds, adding 120 jobs and four daily flights from March 2027.`,
    inA,
  );
  const release = await t.db.prisma.pressRelease.findFirstOrThrow({ where: { teamId: A } });
  aReleaseId = release.id;
  aDraftId = (await t.db.prisma.socialDraft.findFirstOrThrow({ where: { releaseId: release.id } })).id;
  aLineId = (await t.db.prisma.task.findFirstOrThrow({ where: { releaseId: release.id, network: 'x' } })).id;
  const task = await t.db.prisma.task.findFirstOrThrow({ where: { teamId: A, number: 1 } });
  aTask = { id: task.id, number: task.number, messageTs: task.messageTs };
  aInitiativeId = (await t.db.prisma.initiative.findFirstOrThrow({ where: { teamId: A, number: 1 } })).id;
  // Two added by hand, one made by /draft for its press release.
  expect(await t.db.prisma.initiative.count({ where: { teamId: A } })).toBe(3);
});
afterAll(async () => {
  await t?.stop();
});

type Attempt = [name: string, run: () => Promise<unknown>, expectNotFound: boolean];

const commands: Attempt[] = [
  ['/initiative show 1', () => t.command('/initiative', 'show 1', inB), true],
  ['/initiative assign 1', () => t.command('/initiative', `assign 1 <@${BOB}|bob>`, inB), true],
  [
    '/initiative handoff 1',
    () => t.command('/initiative', `handoff 1 <@${BOB}|bob> because mine now`, inB),
    true,
  ],
  ['/initiative status 1 done', () => t.command('/initiative', 'status 1 done', inB), true],
  ['/initiative due 1 friday', () => t.command('/initiative', 'due 1 friday', inB), true],
  ['/initiative list all', () => t.command('/initiative', 'list all', inB), false],
  ['/task claim T1', () => t.command('/task', 'claim T1', inB), true],
  ['/task assign T1', () => t.command('/task', `assign T1 <@${BOB}|bob>`, inB), true],
  ['/task release T2', () => t.command('/task', 'release T2', inB), true],
  ['/task done T2', () => t.command('/task', 'done T2', inB), true],
  ['/task block T1', () => t.command('/task', 'block T1 waiting on legal', inB), true],
  ['/task unblock T1', () => t.command('/task', 'unblock T1', inB), true],
  ['/task snooze T1', () => t.command('/task', 'snooze T1', inB), true],
  ['/task add 1 (A’s initiative)', () => t.command('/task', 'add 1 "Beta work"', inB), true],
  ['/task list all', () => t.command('/task', 'list all', inB), false],
  ['/trend link TR1 1', () => t.command('/trend', 'link TR1 1', inB), true],
  ['/trend expire TR1', () => t.command('/trend', 'expire TR1', inB), true],
  ['/trend list all', () => t.command('/trend', 'list all', inB), false],
  ['/tandem who-owns 1', () => t.command('/tandem', 'who-owns 1', inB), true],
  // B types only part of A's title; the answer must not complete it.
  ['/tandem who-owns <part of A’s title>', () => t.command('/tandem', 'who-owns crisis plan', inB), false],
  ['/tandem settings', () => t.command('/tandem', 'settings', inB), false],
  ['/digest now', () => t.command('/digest', 'now', inB), false],
  ['/digest settings', () => t.command('/digest', 'settings', inB), false],
  ['/draft PR1', () => t.command('/draft', 'PR1', inB), true],
  ['/draft week', () => t.command('/draft', 'week', inB), false],
];

const actions = (): Attempt[] => {
  const onTask = () => ({ block_id: `nudge:task:${aTask.id}`, value: `task:${aTask.id}` });
  const onInitiative = () => ({
    block_id: `nudge:initiative:${aInitiativeId}`,
    value: `initiative:${aInitiativeId}`,
  });
  return [
    ['task_claim on A’s T1', action('task_claim', () => ({ block_id: 'task:1', value: '1' })), true],
    [
      'task_handoff_pick on A’s T2',
      action('task_handoff_pick', () => ({ block_id: 'task_handoff:2', selected_user: BOB })),
      true,
    ],
    ['trend_to_task on A’s TR1', action('trend_to_task', () => ({ block_id: 'trend:1', value: '1' })), true],
    [
      'draft_approve on A’s draft id',
      action('draft_approve', () => ({ block_id: 'draft:x', value: aDraftId })),
      true,
    ],
    [
      'draft_regenerate on A’s draft id',
      action('draft_regenerate', () => ({ block_id: 'draft:x', value: aDraftId })),
      true,
    ],
    [
      'draft_request_changes on A’s draft id',
      action('draft_request_changes', () => ({ block_id: 'draft:x', value: aDraftId })),
      true,
    ],
    [
      'draft_schedule on A’s amplify line',
      action('draft_schedule', () => ({ block_id: 'draft:x', value: aLineId })),
      true,
    ],
    [
      'draft_mark_posted on A’s amplify line',
      action('draft_mark_posted', () => ({ block_id: 'draft:x', value: aLineId })),
      true,
    ],
    [
      'draft_edit on A’s draft id',
      action('draft_edit', () => ({ block_id: 'draft:x', value: aDraftId })),
      true,
    ],
    [
      'draft_open_form with A’s release id',
      action('draft_open_form', () => ({
        block_id: 'form',
        value: JSON.stringify({ channelId: CHANNEL_B, releaseId: aReleaseId }),
      })),
      true,
    ],
    // B's own setup form opens; nothing of A is in it, whatever channel the button names.
    [
      'tandem_setup_open naming A’s channel',
      action('tandem_setup_open', () => ({ block_id: 'form', value: CHANNEL_A })),
      false,
    ],
    ['nudge_done on A’s task id', action('nudge_done', onTask), true],
    ['nudge_snooze on A’s task id', action('nudge_snooze', onTask), true],
    ['nudge_claim on A’s task id', action('nudge_claim', onTask), true],
    ['nudge_done on A’s initiative id', action('nudge_done', onInitiative), true],
    ['nudge_claim on A’s initiative id', action('nudge_claim', onInitiative), true],
    [
      'nudge_handoff on A’s task id',
      action('nudge_handoff', () => ({ block_id: `nudge:task:${aTask.id}`, selected_user: BOB })),
      true,
    ],
    [
      'nudge_handoff on A’s initiative id',
      action('nudge_handoff', () => ({ block_id: `nudge:initiative:${aInitiativeId}`, selected_user: BOB })),
      true,
    ],
  ];
};

const events = (): Attempt[] => [
  [
    'taking ✋ back on A’s task message',
    () =>
      t.sender.event(
        {
          type: 'reaction_removed',
          user: PAM,
          reaction: 'raising_hand',
          item: { type: 'message', channel: CHANNEL_A, ts: aTask.messageTs },
          item_user: 'U_TANDEM_BOT',
          event_ts: '1700000500.000004',
        },
        { teamId: B, eventId: `EvISOLATE${++seq}` },
      ),
    false,
  ],
  [
    'App Home opened in B by A’s owner id',
    () =>
      t.sender.event(
        {
          type: 'app_home_opened',
          user: PAM,
          channel: `D${PAM}`,
          tab: 'home',
          event_ts: '1700000500.000005',
        },
        { teamId: B, eventId: `EvISOLATE${++seq}` },
      ),
    false,
  ],
  [
    '✋ on A’s task message',
    () =>
      t.sender.event(
        {
          type: 'reaction_added',
          user: BOB,
          reaction: 'raising_hand',
          item: { type: 'message', channel: CHANNEL_A, ts: aTask.messageTs },
          item_user: 'U_TANDEM_BOT',
          event_ts: '1700000500.000001',
        },
        { teamId: B, eventId: `EvISOLATE${++seq}` },
      ),
    false,
  ],
  [
    '✅ on A’s task message',
    () =>
      t.sender.event(
        {
          type: 'reaction_added',
          user: BOB,
          reaction: 'white_check_mark',
          item: { type: 'message', channel: CHANNEL_A, ts: aTask.messageTs },
          item_user: 'U_TANDEM_BOT',
          event_ts: '1700000500.000002',
        },
        { teamId: B, eventId: `EvISOLATE${++seq}` },
      ),
    false,
  ],
  [
    '@Tandem who owns 2 (A has #2, B only #1)',
    () =>
      t.sender.event(
        {
          type: 'app_mention',
          user: BOB,
          text: '<@U_TANDEM_BOT> who owns 2',
          ts: '1700000500.000003',
          channel: CHANNEL_B,
        },
        { teamId: B, eventId: `EvISOLATE${++seq}` },
      ),
    true,
  ],
  [
    'draft edit modal submitted in B with A’s draft id',
    () =>
      t.sender.interaction(
        viewSubmission({
          teamId: B,
          userId: BOB,
          callbackId: 'draft_edit_modal',
          privateMetadata: aDraftId,
          values: { text: { text: { type: 'plain_text_input', value: 'Taken over by B' } } },
        }),
      ),
    false,
  ],
  [
    'changes form submitted in B with A’s draft id',
    () =>
      t.sender.interaction(
        viewSubmission({
          teamId: B,
          userId: BOB,
          callbackId: 'draft_changes_modal',
          privateMetadata: aDraftId,
          values: { reason: { reason: { type: 'plain_text_input', value: 'B says no' } } },
        }),
      ),
    false,
  ],
  [
    'schedule form submitted in B with A’s amplify line',
    () =>
      t.sender.interaction(
        viewSubmission({
          teamId: B,
          userId: BOB,
          callbackId: 'draft_schedule_modal',
          privateMetadata: aLineId,
          values: { post_at: { post_at: { type: 'datetimepicker', selected_date_time: 4_102_444_800 } } },
        }),
      ),
    false,
  ],
  [
    'posted form submitted in B with A’s amplify line',
    () =>
      t.sender.interaction(
        viewSubmission({
          teamId: B,
          userId: BOB,
          callbackId: 'draft_posted_modal',
          privateMetadata: aLineId,
          values: { url: { url: { type: 'url_text_input', value: 'https://b.example/post' } } },
        }),
      ),
    false,
  ],
  [
    'draft form submitted in B with A’s release id',
    () =>
      t.sender.interaction(
        viewSubmission({
          teamId: B,
          userId: BOB,
          callbackId: 'draft_modal',
          privateMetadata: JSON.stringify({ channelId: CHANNEL_A, releaseId: aReleaseId }),
          values: {
            networks: { networks: { type: 'multi_static_select', selected_options: [{ value: 'x' }] } },
            tone: { tone: { type: 'static_select', selected_option: { value: 'neutral' } } },
          },
        }),
      ),
    false,
  ],
  [
    'setup modal submitted in B',
    () =>
      t.sender.interaction(
        viewSubmission({
          teamId: B,
          userId: BOB,
          callbackId: 'tandem_setup',
          privateMetadata: JSON.stringify({ channelId: CHANNEL_A }),
          values: {
            pr_leads: { value: { type: 'multi_users_select', selected_users: [BOB] } },
            social_leads: { value: { type: 'multi_users_select', selected_users: [] } },
            digest_channel: { value: { type: 'conversations_select', selected_conversation: CHANNEL_A } },
            digest_time: { value: { type: 'timepicker', selected_time: '07:00' } },
            timezone: { value: { type: 'plain_text_input', value: 'Asia/Tokyo' } },
          },
        }),
      ),
    false,
  ],
  // Last: B is uninstalled from here on, which only stops B's scheduled work.
  [
    'Tandem uninstalled from B',
    () => t.sender.event({ type: 'app_uninstalled' }, { teamId: B, eventId: `EvISOLATE${++seq}` }),
    false,
  ],
  [
    'B’s bot token revoked',
    () =>
      t.sender.event(
        { type: 'tokens_revoked', tokens: { bot: ['U_TANDEM_BOT'] } },
        { teamId: B, eventId: `EvISOLATE${++seq}` },
      ),
    false,
  ],
];

async function attempt(run: () => Promise<unknown>, expectNotFound: boolean) {
  const before = await snapshotRows(t.db, A);
  const calls = await fromB(run);
  const text = said(calls);
  expect(text, 'nothing of A shows in B').not.toContain(SECRET);
  expect(text).not.toContain(PAM);
  if (expectNotFound) expect(text).toMatch(NOT_FOUND);
  expect(await snapshotRows(t.db, A), 'A is unchanged').toEqual(before);
  // Nothing posted into, or updated in, A's channel or DMs on B's behalf. Asking Slack about a
  // channel with B's own token (is Tandem in it?) writes nothing, and Slack answers it for B only.
  const reads = new Set(['conversations.info']);
  expect(
    calls.filter(
      (c) => !reads.has(c.method) && (c.args.channel === CHANNEL_A || c.args.channel === `D${PAM}`),
    ),
  ).toEqual([]);
}

describe('workspace B, before it has anything of its own', () => {
  it.each(commands)('%s', async (_name, run, expectNotFound) => attempt(run, expectNotFound));
  it.each([
    ['task_claim on A’s T1', true],
    ['task_handoff_pick on A’s T2', true],
    ['trend_to_task on A’s TR1', true],
    ['draft_approve on A’s draft id', true],
    ['draft_regenerate on A’s draft id', true],
    ['draft_request_changes on A’s draft id', true],
    ['draft_schedule on A’s amplify line', true],
    ['draft_mark_posted on A’s amplify line', true],
    ['draft_edit on A’s draft id', true],
    ['draft_open_form with A’s release id', true],
    ['tandem_setup_open naming A’s channel', false],
  ])('%s', async (name) => {
    const found = actions().find(([n]) => n === name);
    if (!found) throw new Error(name);
    await attempt(found[1], found[2]);
  });
});

describe('workspace B, with initiatives, tasks and trends numbered like A’s', () => {
  beforeAll(async () => {
    await t.command('/initiative', `add "Beta launch" press_release <@${BOB}|bob> <#${CHANNEL_B}|b>`, inB);
    await t.command('/task', 'add 1 "Beta posts" social', inB);
    await t.command('/trend', 'add "#BetaTrend"', inB);
  });
  it.each(actions().filter(([n]) => n.startsWith('nudge')))('%s', async (_name, run, expectNotFound) =>
    attempt(run, expectNotFound),
  );
  it.each(events())('%s', async (_name, run, expectNotFound) => attempt(run, expectNotFound));

  it('B’s numbers reach B’s own items, never A’s', async () => {
    await attempt(() => t.command('/initiative', 'status 1 done', inB), false);
    expect((await t.db.prisma.initiative.findFirstOrThrow({ where: { teamId: B, number: 1 } })).status).toBe(
      'done',
    );
    expect(
      (await t.db.prisma.initiative.findFirstOrThrow({ where: { teamId: A, number: 1 } })).status,
    ).not.toBe('done');
  });
});

// Keeps the tables above honest: every command, action, view and event registered in
// src/features/*/register.ts must be tried from workspace B here.
describe('coverage of the registrations', () => {
  const COVERED = new Set([
    "command '/initiative'",
    "command '/task'",
    "command '/trend'",
    "command '/tandem'",
    "command '/digest'",
    "command '/draft'",
    'action DRAFT_ACTIONS.approve',
    'action DRAFT_ACTIONS.regenerate',
    'action DRAFT_ACTIONS.edit',
    'action DRAFT_ACTIONS.openForm',
    'action DRAFT_ACTIONS.requestChanges',
    'action DRAFT_ACTIONS.schedule',
    'action DRAFT_ACTIONS.markPosted',
    'view CHANGES_MODAL',
    'view SCHEDULE_MODAL',
    'view POSTED_MODAL',
    'action SETUP_OPEN_ACTION',
    'view DRAFT_MODAL',
    'view EDIT_MODAL',
    // The shortcut reads only the message text Slack puts in the payload, never a stored row.
    'shortcut { callback_id: DRAFT_SHORTCUT',
    'action CLAIM_ACTION',
    'action HANDOFF_PICK_ACTION',
    'action NUDGE_ACTIONS.done',
    'action NUDGE_ACTIONS.snooze',
    'action NUDGE_ACTIONS.claim',
    'action NUDGE_ACTIONS.handoff',
    'action TREND_TASK_ACTION',
    'view SETUP_VIEW_ID',
    "event 'reaction_added'",
    "event 'reaction_removed'",
    "event 'app_mention'",
    "event 'app_home_opened'",
    "event 'app_uninstalled'",
    "event 'tokens_revoked'",
    // Thread replies only ever touch the task whose thread they are in, found by channel and ts.
    'message',
  ]);

  it('tries every command, action, view and event from the other workspace', async () => {
    const { readdirSync, readFileSync, existsSync } = await import('node:fs');
    const features = new URL('../../src/features/', import.meta.url);
    const uncovered: string[] = [];
    for (const feature of readdirSync(features)) {
      const file = new URL(`${feature}/register.ts`, features);
      if (!existsSync(file)) continue;
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(
        /app\.(command|action|view|event|shortcut|options|message)(?:<[^(]*>)?\(\s*([^,)]*)/g,
      )) {
        const key = m[1] === 'message' ? 'message' : `${m[1]} ${m[2]?.trim()}`;
        if (!COVERED.has(key)) uncovered.push(`${feature}: ${key}`);
      }
    }
    expect(uncovered).toEqual([]);
  });
});
