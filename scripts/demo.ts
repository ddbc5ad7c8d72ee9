// `npm run demo`: Tandem end to end with no Slack credentials. It starts Tandem in HTTP mode with
// a throwaway embedded database and a local stand-in for Slack's Web API, sends it correctly
// signed slash commands and events as Slack would, and prints what each person would have seen.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../src/clock.js';
import { openDatabase } from '../src/db/database.js';
import { makeTempDir } from '../src/db/embedded-postgres-root.js';
import { createLogger } from '../src/logger.js';
import { startScheduler } from '../src/scheduler/scheduler.js';
import { startLocalTandem } from '../test/harness/local-tandem.js';
import { blockAction, viewSubmission } from '../test/harness/slack-payloads.js';
import { describeCalls, recorded } from './lib/transcript.js';

const TEAM = 'TDEMO0001';
const CHANNEL = 'CLAUNCH01';
const people = {
  ana: { id: 'UANA00001', name: 'ana', title: 'PR lead', tz: 'Europe/London', isAdmin: true },
  cam: { id: 'UCAM00001', name: 'cam', title: 'social media lead', tz: 'America/New_York', isAdmin: false },
  ben: { id: 'UBEN00001', name: 'ben', title: 'PR manager', tz: 'Europe/London', isAdmin: false },
  dev: { id: 'UDEV00001', name: 'dev', title: 'marketing', tz: 'Europe/Berlin', isAdmin: false },
};
type Person = keyof typeof people;
const names: Record<string, string> = { [CHANNEL]: 'launch' };
for (const p of Object.values(people)) names[p.id] = p.name;
const at = (who: Person) => `<@${people[who].id}|${who}>`;

// The story happens on a fixed Monday morning in London, so dates, quiet hours and the digest
// read the same whenever the demo runs.
let current = new Date('2026-11-23T09:30:00Z');
const clock: Clock = { now: () => new Date(current) };

const dir = await makeTempDir('tandem-demo-');
console.log('Starting Tandem with a throwaway embedded database and a local Slack stand-in…\n');
const db = await openDatabase({ dataDir: path.join(dir, 'data') });
const tandem = await startLocalTandem({
  db,
  clock,
  logger: createLogger(process.env.DEMO_LOG ?? 'silent'),
  defaultTimezone: 'Europe/London',
});
for (const p of Object.values(people))
  tandem.slack.setUser({ id: p.id, teamId: TEAM, name: p.name, tz: p.tz, isAdmin: p.isAdmin });

async function type(who: Person, command: string, text: string, note?: string) {
  if (note) console.log(`— ${note}`);
  console.log(`${who} (${people[who].title}) typed: ${command} ${text.replace(/<@(\w+)\|(\w+)>/g, '@$2')}`);
  const calls = await tandem.command(command, text, {
    teamId: TEAM,
    userId: people[who].id,
    channelId: CHANNEL,
    userName: who,
  });
  for (const line of describeCalls(calls, names)) console.log(line);
  console.log();
}

let eventCounter = 0;
const nextEventId = () => `EvDEMO${String(++eventCounter).padStart(4, '0')}`;

/** Runs `action` and prints what Tandem did in Slack meanwhile. */
async function show(action: () => Promise<unknown>) {
  const before = tandem.slack.calls.length;
  await action();
  for (const line of describeCalls(tandem.slack.calls.slice(before), names)) console.log(line);
  console.log();
}

function react(who: Person, type: 'reaction_added' | 'reaction_removed', reaction: string, ts: string) {
  console.log(
    `${who} ${type === 'reaction_added' ? 'reacted' : 'removed'} :${reaction}: on the task message`,
  );
  return tandem.sender.event(
    {
      type,
      user: people[who].id,
      reaction,
      item: { type: 'message', channel: CHANNEL, ts },
      event_ts: '1.0',
    },
    { teamId: TEAM, eventId: nextEventId() },
  );
}

let failed = false;
try {
  await type(
    'ana',
    '/tandem',
    `set pr-leads ${at('ana')} ${at('ben')}`,
    'Ana sets up the leads (the first setup is open to anyone; afterwards admins only)',
  );
  await type('ana', '/tandem', `set social-leads ${at('cam')}`);
  await type(
    'ana',
    '/initiative',
    `add "Q4 product launch press release" press_release ${at('ana')} due next friday`,
    'Ana adds a press release she owns',
  );
  await type(
    'cam',
    '/initiative',
    'add "Creator summit" influencer due in 3 weeks',
    'Cam adds an influencer program without an owner: Tandem suggests one from the ownership matrix',
  );
  await type(
    'ana',
    '/initiative',
    `handoff 1 ${at('ben')} I'm at the trade show next week`,
    'Ana hands the press release to Ben',
  );
  await type('dev', '/tandem', 'who-owns q4 launch', 'Dev from marketing asks who owns the launch');
  await type(
    'dev',
    '/initiative',
    'add Launch presser due the day after never',
    'Dev mistypes a command: Tandem says what was wrong, with an example, and writes nothing',
  );

  console.log('— Cam asks in the channel instead');
  console.log('cam wrote in #launch: @Tandem who owns 2');
  const before = tandem.slack.calls.length;
  await tandem.sender.event(
    {
      type: 'app_mention',
      user: people.cam.id,
      text: '<@U_TANDEM_BOT> who owns 2',
      ts: '1700000000.000100',
      channel: CHANNEL,
    },
    { teamId: TEAM, eventId: nextEventId() },
  );
  for (const line of describeCalls(tandem.slack.calls.slice(before), names)) console.log(line);
  console.log();

  await type(
    'ana',
    '/task',
    'add 1 "Draft social posts" social due next wednesday',
    'Ana adds a task to the press release; its message is where people claim it',
  );
  const task = await db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, number: 1 } });
  const ts = String(task.messageTs);

  console.log(
    '— Cam and Ben both react ✋ on the task in the same instant: the first claim wins, atomically',
  );
  await show(() =>
    Promise.all([
      react('cam', 'reaction_added', 'raising_hand', ts),
      react('ben', 'reaction_added', 'raising_hand', ts),
    ]),
  );
  const winner = (await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId;
  const winnerName = (Object.keys(people) as Person[]).find((p) => people[p].id === winner) ?? 'cam';
  const other: Person = winnerName === 'cam' ? 'ben' : 'cam';

  console.log(`— ${winnerName} takes the reaction back: the task is released`);
  await show(() => react(winnerName, 'reaction_removed', 'raising_hand', ts));
  console.log(`— ${other} claims it`);
  await show(() => react(other, 'reaction_added', 'raising_hand', ts));
  console.log(
    `— Dev from marketing reacts ✅ on it: only ${other} (its owner), the initiative’s owner, a social lead or a Tandem admin may close it, so Dev is told privately and nothing changes`,
  );
  await show(() => react('dev', 'reaction_added', 'white_check_mark', ts));
  console.log(`— ${other} marks it done with ✅`);
  await show(() => react(other, 'reaction_added', 'white_check_mark', ts));

  console.log(`— ${other} opens Tandem's App Home`);
  await show(() =>
    tandem.sender.event(
      {
        type: 'app_home_opened',
        user: people[other].id,
        channel: `D${people[other].id}`,
        tab: 'home',
        event_ts: '1.0',
      },
      { teamId: TEAM, eventId: nextEventId() },
    ),
  );

  const scheduler = startScheduler(tandem.deps, tandem.app.app.client, { cron: false });
  await type(
    'ana',
    '/tandem',
    `set digest-channel <#${CHANNEL}|launch>`,
    'Ana sends the daily digest to #launch',
  );

  console.log('— Cam spots a trend and posts it; Ana reacts 📈 on the message to log it');
  tandem.slack.setMessage({
    channel: CHANNEL,
    ts: '1700000900.000100',
    user: people.cam.id,
    text: 'Creators everywhere are doing #SummitSeason recaps\nhuge on TikTok and Instagram this week',
  });
  console.log(
    'cam wrote in #launch: Creators everywhere are doing #SummitSeason recaps — huge on TikTok and Instagram this week',
  );
  await show(() =>
    tandem.sender.event(
      {
        type: 'reaction_added',
        user: people.ana.id,
        reaction: 'chart_with_upwards_trend',
        item: { type: 'message', channel: CHANNEL, ts: '1700000900.000100' },
        event_ts: '1.0',
      },
      { teamId: TEAM, eventId: nextEventId() },
    ),
  );
  console.log(
    '— A minute later the scheduler runs. Today’s digest is 31 minutes late (the channel was only just set) but within the grace window, so it goes out; the PR leads and the owner hear about the shared trend. Cam, the social lead, is in New York where it is 04:31: his nudge waits for his morning.',
  );
  current = new Date(current.getTime() + 60_000);
  await show(() => scheduler.tick());

  await type(
    'ana',
    '/task',
    `add 2 "Brief creators on the recap angle" social due 2026-11-25 ${at('cam')}`,
    'Ana adds a task for Cam, due in two days',
  );
  console.log(
    '— 08:00 in New York (13:00 in London): Cam gets the shared trend and a deadline nudge with buttons to act',
  );
  current = new Date('2026-11-23T13:00:00Z');
  await show(() => scheduler.tick());

  await type(
    'ana',
    '/draft',
    'Acme opens its first solar-powered plant in Leeds. LEEDS — Acme today opened its first solar-powered plant in Leeds, creating 120 jobs and cutting the site’s emissions by 40%. The £12 million plant will build 2,000 heat pumps a month. “This plant shows that clean manufacturing works at scale,” said Dana Whitfield, Acme’s chief executive. https://acme.example/news/leeds',
    'Ana pastes the press release: Tandem drafts a post per network offline (no OpenAI key set), checks each against the release, and posts ONE card: every network’s draft, state and amplify line',
  );
  const release = await db.prisma.pressRelease.findFirstOrThrow({ where: { teamId: TEAM } });
  const newestDraft = (network: string) =>
    db.prisma.socialDraft.findFirstOrThrow({
      where: { releaseId: release.id, network },
      orderBy: { version: 'desc' },
    });
  const lineOf = (network: string) =>
    db.prisma.task.findFirstOrThrow({ where: { teamId: TEAM, releaseId: release.id, network } });
  const press = (who: Person, actionId: string, value: string) =>
    show(() =>
      tandem.sender.interaction(
        blockAction({
          teamId: TEAM,
          userId: people[who].id,
          responseUrl: tandem.slack.responseUrl(),
          channelId: CHANNEL,
          action: { type: 'button', action_id: actionId, block_id: 'draft:x', value },
        }),
      ),
    );
  const fill = (who: Person, callbackId: string, metadata: string, values: Record<string, unknown>) =>
    show(() =>
      tandem.sender.interaction(
        viewSubmission({
          teamId: TEAM,
          userId: people[who].id,
          callbackId,
          privateMetadata: metadata,
          values,
        }),
      ),
    );
  const firstX = await newestDraft('x');
  console.log(`— The X draft Tandem wrote:\n${firstX.text}\n`);
  console.log('— Cam, the social lead, presses Request changes on X and says why');
  await press('cam', 'draft_request_changes', firstX.id);
  await fill('cam', 'draft_changes_modal', firstX.id, {
    reason: { reason: { type: 'plain_text_input', value: 'Lead with the 120 jobs, not the plant.' } },
  });
  console.log('— Ana edits the X post; the new version awaits approval again');
  await fill('ana', 'draft_edit_modal', firstX.id, {
    text: {
      text: {
        type: 'plain_text_input',
        value:
          '120 new jobs in Leeds: Acme’s first solar-powered plant opens today, cutting emissions by 40%. https://acme.example/news/leeds',
      },
    },
  });
  const xLine = await lineOf('x');
  console.log('— Cam claims the X amplify line with the Claim button on the card');
  await press('cam', 'task_claim', String(xLine.number));
  console.log('— Ana, a PR lead, approves the new X draft: Cam, who claimed it, hears at once');
  await press('ana', 'draft_approve', (await newestDraft('x')).id);
  console.log('— Cam schedules X for Tuesday 14:00 in London');
  await press('cam', 'draft_schedule', xLine.id);
  await fill('cam', 'draft_schedule_modal', xLine.id, {
    post_at: {
      post_at: { type: 'datetimepicker', selected_date_time: Date.parse('2026-11-24T14:00:00Z') / 1000 },
    },
  });
  console.log('— Dev claims the LinkedIn line on the card');
  await press('dev', 'task_claim', String((await lineOf('linkedin')).number));

  console.log(
    '— Tuesday, 09:00 in London: the daily digest goes to #launch (with the drafts still awaiting approval)',
  );
  current = new Date('2026-11-24T09:00:00Z');
  await show(() => scheduler.tick());
  scheduler.stop();

  current = new Date('2026-11-24T14:05:00Z');
  console.log('— 14:05: the X post is live; Cam presses Mark posted on the card and pastes its link');
  await press('cam', 'draft_mark_posted', xLine.id);
  await fill('cam', 'draft_posted_modal', xLine.id, {
    url: { url: { type: 'url_text_input', value: 'https://x.example/acme/status/1861' } },
  });
  await type(
    'cam',
    '/draft',
    'week',
    'Cam looks at the week: per network, what is scheduled, awaiting approval and posted',
  );

  await type(
    'ana',
    '/tandem',
    'export',
    'Ana, who set Tandem up, takes a copy of the workspace’s data: a JSON file, by DM',
  );

  await type('dev', '/tandem', 'who-owns T1', 'Dev asks who owns T1 now, and sees each step that led there');
  await type(
    'ana',
    '/tandem',
    'status',
    'Ana, an admin, checks that everything Tandem sends is getting through',
  );
  console.log(`${await recorded(db, TEAM)} Demo finished.`);
} catch (error) {
  failed = true;
  console.error('The demo failed:', error);
} finally {
  await tandem.stop();
  await db.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
