import type { KnownBlock, ModalView } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesMessage, ownershipMessage } from '../../src/core/ownership/views.js';
import { draftingMessage, releaseCard } from '../../src/core/release-card/views.js';
import type { WorkspaceSettings } from '../../src/core/settings.js';
import { NETWORKS, TONES } from '../../src/domain/drafts/types.js';
import { DEFAULT_CHECKLISTS } from '../../src/domain/initiatives/checklists.js';
import type { InitiativeListFilter } from '../../src/domain/initiatives/initiative-command.js';
import { MAX_INITIATIVE_NUMBER } from '../../src/domain/initiatives/initiative-ref.js';
import {
  DEFAULT_OWNERSHIP_MATRIX,
  DISCIPLINES,
  INITIATIVE_KINDS,
  type OwnershipMatrix,
} from '../../src/domain/initiatives/kinds.js';
import { draftHelpMessage } from '../../src/features/drafts/views.js';
import {
  createdMessage,
  detailMessage,
  helpMessage,
  listMessage,
  ownerChangedMessage,
  type ViewContext,
  youNowOwnMessage,
} from '../../src/features/initiatives/views.js';
import { tandemFullHelpMessage, tandemHelpMessage } from '../../src/features/setup/help-views.js';
import {
  settingChangedLine,
  settingsChangedMessage,
  settingsMessage,
  settingValue,
  setupModal,
} from '../../src/features/setup/views.js';
import type {
  Initiative,
  OwnershipEvent,
  PressRelease,
  SocialDraft,
  Task,
} from '../../src/generated/prisma/client.js';
import { ChangeSource, InitiativeStatus, OwnershipChange } from '../../src/generated/prisma/enums.js';
import {
  capBlocks,
  context,
  divider,
  fields,
  header,
  lineSections,
  MAX_BLOCKS,
  type SlackMessage,
  section,
} from '../../src/slack/blocks.js';

// Shrinking a failing case of 300 initiatives or 500 events can take minutes; stop it in time and
// report the smallest case found so far.

// --- Slack's limits, checked on whatever a view returns ---------------------------------------------

/** Every piece of text in a block, with the limit Slack puts on it. */
function blockTexts(block: KnownBlock): Array<{ where: string; text: string; max: number; mrkdwn: boolean }> {
  const out: Array<{ where: string; text: string; max: number; mrkdwn: boolean }> = [];
  const add = (where: string, t: { type: string; text: string } | undefined, max: number) => {
    if (t) out.push({ where, text: t.text, max, mrkdwn: t.type === 'mrkdwn' });
  };
  switch (block.type) {
    case 'section':
      add('section text', block.text, 3000);
      for (const f of block.fields ?? []) add('section field', f, 2000);
      break;
    case 'context':
      for (const e of block.elements) if ('text' in e) add('context element', e, 3000);
      break;
    case 'header':
      add('header', block.text, 150);
      break;
    case 'input':
      add('input label', block.label, 2000);
      add('input hint', block.hint, 2000);
      break;
  }
  return out;
}

/** Everything that would make Slack refuse the message (invalid_blocks) or show it wrongly. */
function limitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.text.trim() === '') problems.push('the notification text is empty');
  if (message.blocks.length === 0) problems.push('no blocks');
  if (message.blocks.length > 50) problems.push(`${message.blocks.length} blocks (max 50)`);
  message.blocks.forEach((block, n) => {
    if (block.type === 'section') {
      if (!block.text && !block.fields?.length)
        problems.push(`block ${n}: a section with neither text nor fields`);
      if ((block.fields?.length ?? 0) > 10)
        problems.push(`block ${n}: ${block.fields?.length} fields (max 10)`);
    }
    if (block.type === 'context' && (block.elements.length < 1 || block.elements.length > 10))
      problems.push(`block ${n}: ${block.elements.length} context elements (1 to 10)`);
    for (const { where, text, max } of blockTexts(block)) {
      if (text.length > max) problems.push(`block ${n}: ${where} of ${text.length} characters (max ${max})`);
      if (text.length === 0) problems.push(`block ${n}: empty ${where}`);
    }
  });
  return problems;
}

// --- Escaping ---------------------------------------------------------------------------------------

// The only `<…>` sequences Tandem itself writes: user and channel mentions, dates, and links.
const OWN_TOKENS =
  /<@[UW][A-Z0-9]+>|<#C[A-Z0-9]+>|<!date\^\d+\^[^|<>]*\|[^<>]*>|<https?:\/\/[^<>|\s]+\|[^<>]*>/g;
// clip() may cut one of them (or an entity) short right before its closing "…".
const CLIPPED_TOKEN =
  /(?:<(?:@[UW]?[A-Z0-9]*|#C?[A-Z0-9]*|!(?:d(?:a(?:t(?:e(?:\^[^<>]*)?)?)?)?)?)?|&[a-z]{0,3})…$/;

/**
 * What in a mrkdwn string could only come from unescaped user text: a `<` or `>` that is not part
 * of Tandem's own mentions and dates (nor a `> ` quote at a line start), or a bare `&`.
 */
function unescaped(text: string): string[] {
  const rest = text.replace(OWN_TOKENS, '').replace(CLIPPED_TOKEN, '').replace(/^> /gm, '');
  return [...rest.matchAll(/[<>]|&(?!amp;|lt;|gt;)/g)].map(
    (m) => `${m[0]} in …${rest.slice(Math.max(0, m.index - 20), m.index + 20)}…`,
  );
}

const mrkdwnTexts = (message: SlackMessage): string[] =>
  message.blocks.flatMap((b) =>
    blockTexts(b)
      .filter((t) => t.mrkdwn)
      .map((t) => t.text),
  );

const allTexts = (message: SlackMessage): string[] => [
  message.text,
  ...message.blocks.flatMap((b) => blockTexts(b).map((t) => t.text)),
];

// --- Data ---------------------------------------------------------------------------------------------

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata'];
const userId = fc.stringMatching(/^U[A-Z0-9]{2,10}$/);
const channelId = fc.stringMatching(/^C[A-Z0-9]{2,10}$/);
const date = fc.date({ min: new Date('2000-01-01Z'), max: new Date('2100-01-01Z'), noInvalidDate: true });
const calendarDay = date.map((d) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00.000Z`));

/** What people type: anything, and especially Slack's control characters and mentions. */
const typed = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ maxLength }),
      fc.string({ unit: 'grapheme', maxLength }),
      fc.string({ unit: 'binary', maxLength }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom('<!channel>', '<!here>', '<@U123>', '<#C123|x>', '<http://x|y>', '&lt;', '&amp;'),
            fc.constantFrom('<', '>', '&', '`', '```', '*', '_', '~', '\n', ' ', '👩‍👩‍👧', 'é'),
            fc.string({ maxLength: 10 }),
          ),
          { maxLength: maxLength / 2 },
        )
        .map((parts) => parts.join('')),
    )
    .map((s) => s.slice(0, maxLength));

const title = typed(500).filter((s) => s.trim() !== '');

const initiative: fc.Arbitrary<Initiative> = fc.record({
  id: fc.uuid(),
  teamId: fc.constant('T1'),
  number: fc.integer({ min: 1, max: MAX_INITIATIVE_NUMBER }),
  title,
  kind: fc.constantFrom(...INITIATIVE_KINDS),
  leadDiscipline: fc.constantFrom(...DISCIPLINES),
  ownerId: fc.option(userId, { nil: null }),
  collaborators: fc.array(userId, { maxLength: 5 }),
  status: fc.constantFrom(...Object.values(InitiativeStatus)),
  dueDate: fc.option(calendarDay, { nil: null }),
  channelId: fc.option(channelId, { nil: null }),
  keywords: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
  createdBy: userId,
  createdAt: date,
  updatedAt: date,
});

const ownershipEvent: fc.Arbitrary<OwnershipEvent> = fc.record({
  id: fc.bigInt({ min: 1n, max: 2n ** 62n }),
  teamId: fc.constant('T1'),
  initiativeId: fc.option(fc.uuid(), { nil: null }),
  taskId: fc.constant(null),
  fromUserId: fc.option(userId, { nil: null }),
  toUserId: fc.option(userId, { nil: null }),
  actorId: userId,
  change: fc.constantFrom(...Object.values(OwnershipChange)),
  source: fc.constantFrom(...Object.values(ChangeSource)),
  reason: fc.option(typed(500), { nil: null }),
  fromValue: fc.option(typed(40), { nil: null }),
  toValue: fc.option(typed(40), { nil: null }),
  at: date,
});

const matrix: fc.Arbitrary<OwnershipMatrix> = fc.oneof(
  fc.constant(DEFAULT_OWNERSHIP_MATRIX),
  fc.record(
    Object.fromEntries(
      INITIATIVE_KINDS.map((kind) => [
        kind,
        fc.record({
          lead: fc.constantFrom(...DISCIPLINES),
          support: fc.subarray(['pr', 'social', 'marketing'] as const),
        }),
      ]),
    ) as { [K in keyof OwnershipMatrix]: fc.Arbitrary<OwnershipMatrix[K]> },
  ),
);

const workspace: fc.Arbitrary<WorkspaceSettings> = fc.record({
  teamId: fc.constant('T1'),
  prLeads: fc.array(userId, { maxLength: 300 }),
  socialLeads: fc.array(userId, { maxLength: 300 }),
  digestChannel: fc.option(channelId, { nil: null }),
  digestTime: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  timezone: fc.constantFrom(...ZONES),
  emoji: fc.record({
    claim: fc.constantFrom('raising_hand', 'hand', 'white_check_mark'),
    done: fc.constantFrom('white_check_mark', 'heavy_check_mark'),
    handoff: fc.constant('repeat'),
    block: fc.constant('construction'),
    snooze: fc.constant('zzz'),
  }),
  workloadThreshold: fc.integer({ min: 0, max: 50 }),
  checklists: fc.constant(DEFAULT_CHECKLISTS),
  nudgeWindows: fc.constant([3, 1, 0, -1]),
  quietHours: fc.constant({ start: '20:00', end: '08:00' }),
  digestGraceMinutes: fc.constant(120),
  matrix,
  setupAt: fc.option(date, { nil: null }),
  setupBy: fc.option(userId, { nil: null }),
  adminConfiguredAt: fc.option(date, { nil: null }),
  tandemAdmins: fc.array(userId, { maxLength: 20 }),
  installerId: fc.option(userId, { nil: null }),
  draftApprovers: fc.constantFrom('pr' as const, 'social' as const, 'both' as const),
  draftApproval: fc.constantFrom('any' as const, 'all' as const),
  brand: fc.record({
    hashtags: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
    link: fc.option(fc.webUrl(), { nil: null }),
    voice: fc.option(fc.string({ maxLength: 200 }), { nil: null }),
    bannedWords: fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }),
  }),
});

const viewContext: fc.Arbitrary<ViewContext> = fc.record({ now: date, timezone: fc.constantFrom(...ZONES) });

const listFilter: fc.Arbitrary<InitiativeListFilter> = fc.oneof(
  fc.constantFrom<InitiativeListFilter>({ by: 'open' }, { by: 'mine' }, { by: 'overdue' }, { by: 'all' }),
  userId.map((id): InitiativeListFilter => ({ by: 'user', userId: id })),
  fc.constantFrom(...INITIATIVE_KINDS).map((kind): InitiativeListFilter => ({ by: 'kind', kind })),
);

// Long lists of lines of the same length pack sections right up to the 3,000-character limit.
const initiatives = fc.oneof(
  fc.array(initiative, { maxLength: 300 }),
  fc
    .tuple(initiative, fc.integer({ min: 50, max: 300 }))
    .map(([i, n]) =>
      Array.from({ length: n }, (_, k) => ({ ...i, id: `${i.id.slice(0, -6)}${k}`, number: k + 1 })),
    ),
);
const history = fc.oneof(
  fc.array(ownershipEvent, { maxLength: 500 }),
  fc
    .tuple(ownershipEvent, fc.integer({ min: 100, max: 500 }))
    .map(([e, n]) => Array.from({ length: n }, (_, k) => ({ ...e, id: BigInt(k + 1) }))),
);
const suggestion = fc.option(fc.record({ userId: fc.option(userId, { nil: null }), reason: typed(300) }), {
  nil: undefined,
});

const release: fc.Arbitrary<PressRelease> = fc.record({
  id: fc.uuid(),
  teamId: fc.constant('T1'),
  number: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  title: fc.option(title, { nil: null }),
  body: title,
  link: fc.option(fc.webUrl(), { nil: null }),
  releaseHash: fc.stringMatching(/^[0-9a-f]{64}$/),
  networks: fc.subarray([...NETWORKS], { minLength: 1 }),
  tone: fc.constantFrom(...TONES),
  hashtags: fc.array(fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/), { maxLength: 10 }),
  embargoUntil: fc.option(date, { nil: null }),
  initiativeId: fc.option(fc.uuid(), { nil: null }),
  channelId: fc.option(channelId, { nil: null }),
  messageTs: fc.option(fc.constant('1700000000.000100'), { nil: null }),
  note: fc.option(typed(300), { nil: null }),
  draftedAt: fc.option(date, { nil: null }),
  createdBy: userId,
  createdAt: date,
});

const draftFlag = fc.oneof(
  fc.record({
    kind: fc.constant('not-in-release' as const),
    fact: fc.constantFrom('number', 'percentage', 'money', 'date', 'quote', 'name' as const),
    text: typed(400),
  }),
  fc.record({ kind: fc.constant('shortened' as const), from: fc.nat(100_000), to: fc.nat(100_000) }),
  fc.record({ kind: fc.constant('over-limit' as const), length: fc.nat(100_000), limit: fc.nat(100_000) }),
  fc.record({ kind: fc.constant('too-many-hashtags' as const), count: fc.nat(500), max: fc.constant(30) }),
);

/** Drafts of every length a network allows (Facebook's 63,206), full of characters that escape. */
const draftsFor = (r: PressRelease): fc.Arbitrary<SocialDraft[]> =>
  fc.tuple(
    ...r.networks.map((network) =>
      fc.record({
        id: fc.uuid(),
        teamId: fc.constant('T1'),
        releaseId: fc.constant(r.id),
        network: fc.constant(network),
        version: fc.integer({ min: 1, max: 1000 }),
        text: fc.oneof(
          typed(3000),
          fc.string({ unit: fc.constantFrom('&', '<', '>', 'é', '👩‍👩‍👧', ' '), maxLength: 63_206 }),
        ),
        flags: fc.array(draftFlag, { maxLength: 12 }),
        drafter: fc.oneof(fc.constantFrom('template', 'edit'), typed(100)),
        promptVersion: fc.constant('drafts-v1'),
        releaseHash: fc.constant(r.releaseHash),
        status: fc.constantFrom('pending' as const, 'approved' as const, 'superseded' as const),
        createdBy: userId,
        createdAt: date,
        approvedBy: fc.option(userId, { nil: null }),
        approvedAt: fc.option(date, { nil: null }),
        prApprovedBy: fc.option(userId, { nil: null }),
        socialApprovedBy: fc.option(userId, { nil: null }),
        changesRequestedBy: fc.option(userId, { nil: null }),
        changesReason: fc.option(typed(500), { nil: null }),
      }),
    ),
  );

/** An amplify line, or none, for each draft: any state, any link typed into Mark posted. */
const cardLinesFor = (r: PressRelease) =>
  draftsFor(r).chain((drafts) =>
    fc.tuple(
      ...drafts.map((draft) =>
        fc.record({
          draft: fc.constant(draft),
          task: fc.option(
            fc
              .record({
                id: fc.uuid(),
                number: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
                network: fc.constant(draft.network),
                status: fc.constantFrom('open' as const, 'blocked' as const, 'done' as const),
                assigneeId: fc.option(userId, { nil: null }),
                postAt: fc.option(date, { nil: null }),
                postedUrl: fc.option(fc.oneof(fc.webUrl(), typed(2000)), { nil: null }),
                doneBy: fc.option(userId, { nil: null }),
              })
              .map((t) => t as unknown as Task),
            { nil: null },
          ),
        }),
      ),
    ),
  );
const draftsView = fc.record({
  timezone: fc.constantFrom(...ZONES),
  initiativeNumber: fc.option(fc.nat(), { nil: null }),
});

// --- Every view, over arbitrary data ---------------------------------------------------------------

interface ViewCase {
  name: string;
  /** Checks `check` on the view's message for generated data. */
  forAll(check: (message: SlackMessage) => void, numRuns?: number): void;
}

function view<T>(name: string, data: fc.Arbitrary<T>, render: (data: T) => SlackMessage): ViewCase {
  return {
    name,
    forAll: (check, numRuns = 60) =>
      fc.assert(
        fc.property(data, (d) => {
          check(render(d));
        }),
        { numRuns },
      ),
  };
}

const VIEWS: ViewCase[] = [
  view(
    'listMessage',
    fc.tuple(initiatives, fc.nat(1000), listFilter, viewContext),
    ([list, extra, filter, ctx]) => listMessage(list, list.length + extra, filter, ctx),
  ),
  view(
    'createdMessage',
    fc.tuple(initiative, workspace, userId, suggestion, viewContext),
    ([i, ws, actor, s, ctx]) => createdMessage(i, ws, actor, s, ctx),
  ),
  view(
    'detailMessage',
    fc.tuple(initiative, workspace, viewContext, fc.array(ownershipEvent, { maxLength: 30 })),
    ([i, ws, ctx, history]) => detailMessage(i, ws, ctx, history),
  ),
  view(
    'ownerChangedMessage',
    fc.tuple(
      initiative,
      fc.constantFrom('assigned' as const, 'handoff' as const),
      userId,
      fc.option(userId, { nil: null }),
      fc.option(typed(500), { nil: undefined }),
      viewContext,
    ),
    ([i, change, actor, previous, reason, ctx]) =>
      ownerChangedMessage(i, change, actor, previous, reason, ctx),
  ),
  view(
    'youNowOwnMessage',
    fc.tuple(initiative, userId, fc.option(typed(500), { nil: undefined }), viewContext),
    ([i, actor, reason, ctx]) => youNowOwnMessage(i, actor, reason, ctx),
  ),
  view('helpMessage', fc.constant(null), () => helpMessage()),
  view('ownershipMessage', fc.tuple(initiative, history, date), ([i, events, now]) =>
    ownershipMessage({ kind: 'one', initiative: i, history: events }, now),
  ),
  view(
    'candidatesMessage',
    fc.tuple(fc.array(initiative, { minLength: 1, maxLength: 300 }), title),
    ([list, words]) => candidatesMessage(list, words),
  ),
  view('settingsMessage', workspace, (ws) => settingsMessage(ws)),
  view(
    'settingsChangedMessage',
    fc.tuple(workspace, userId, fc.constantFrom('settings', 'PR leads', 'digest time')),
    ([ws, actor, what]) => settingsChangedMessage(ws, actor, what),
  ),
  view('settingChangedLine', fc.tuple(userId, fc.array(userId, { maxLength: 50 })), ([actor, leads]) =>
    settingChangedLine(actor, 'PR leads', settingValue({ key: 'pr-leads', userIds: leads })),
  ),
  view('settingChangedLine (zone)', fc.tuple(userId, fc.string({ maxLength: 60 })), ([actor, zone]) =>
    settingChangedLine(actor, 'time zone', settingValue({ key: 'timezone', timezone: zone })),
  ),
  view('tandemHelpMessage', fc.constant(null), () => tandemHelpMessage()),
  view('tandemFullHelpMessage', fc.constant(null), () => tandemFullHelpMessage()),
  view('draftingMessage', fc.tuple(release, draftsView), ([r, v]) => draftingMessage(r, v)),
  view(
    'releaseCard',
    release.chain((r) => fc.tuple(fc.constant(r), cardLinesFor(r), draftsView)),
    ([r, lines, v]) => releaseCard(r, lines, v),
  ),
  view('draftHelpMessage', fc.constant(null), () => draftHelpMessage()),
];

describe.each(VIEWS)('$name', (v) => {
  it('stays within Slack’s Block Kit limits', () => {
    v.forAll((message) => {
      expect(limitProblems(message)).toEqual([]);
    });
  });

  it('escapes what people typed in every mrkdwn text of its blocks', () => {
    v.forAll((message) => {
      expect(mrkdwnTexts(message).flatMap(unescaped)).toEqual([]);
    });
  });

  // Slack formats the top-level `text` too (it is the notification), so `<!channel>` there pings.
  it('escapes what people typed in the notification text', () => {
    v.forAll((message) => {
      expect(unescaped(message.text)).toEqual([]);
    });
  });
});

// --- The worst cases, spelled out ------------------------------------------------------------------

const now = new Date('2026-11-21T12:00:00Z');
const ctx: ViewContext = { now, timezone: 'Europe/London' };
const baseWorkspace: WorkspaceSettings = {
  teamId: 'T1',
  prLeads: ['UPR1'],
  socialLeads: ['USOC1'],
  digestChannel: 'CDIGEST',
  digestTime: '09:00',
  timezone: 'Europe/London',
  emoji: {
    claim: 'raising_hand',
    done: 'white_check_mark',
    handoff: 'repeat',
    block: 'construction',
    snooze: 'zzz',
  },
  workloadThreshold: 5,
  checklists: DEFAULT_CHECKLISTS,
  nudgeWindows: [3, 1, 0, -1],
  quietHours: { start: '20:00', end: '08:00' },
  digestGraceMinutes: 120,
  matrix: DEFAULT_OWNERSHIP_MATRIX,
  setupAt: null,
  setupBy: null,
  adminConfiguredAt: null,
  tandemAdmins: [],
  installerId: null,
  draftApprovers: 'both',
  draftApproval: 'any',
  brand: { hashtags: [], link: null, voice: null, bannedWords: [] },
};

function makeInitiative(n: number, overrides: Partial<Initiative> = {}): Initiative {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    teamId: 'T1',
    number: n,
    title: `Initiative ${n}`,
    kind: 'press_release',
    leadDiscipline: 'pr',
    ownerId: 'UOWNER',
    collaborators: [],
    status: 'active',
    dueDate: new Date('2026-12-01T00:00:00Z'),
    channelId: 'CCHAN',
    keywords: [],
    createdBy: 'UACTOR',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

function makeEvent(n: number, overrides: Partial<OwnershipEvent> = {}): OwnershipEvent {
  return {
    id: BigInt(n),
    teamId: 'T1',
    initiativeId: makeInitiative(1).id,
    taskId: null,
    fromUserId: 'UFROM',
    toUserId: 'UOWNER',
    actorId: 'UACTOR',
    change: 'handoff',
    source: 'command',
    reason: null,
    fromValue: null,
    toValue: null,
    at: new Date(now.getTime() - n * 60_000),
    ...overrides,
  };
}

describe('a title of <!channel>', () => {
  const i = makeInitiative(7, { title: '<!channel> launch & <@U999> `x`' });
  const escapedTitle = '&lt;!channel&gt; launch &amp; &lt;@U999&gt; `x`';
  const messages: Array<[string, SlackMessage]> = [
    ['listMessage', listMessage([i], 1, { by: 'open' }, ctx)],
    ['createdMessage', createdMessage(i, baseWorkspace, 'UACTOR', undefined, ctx)],
    ['detailMessage', detailMessage(i, baseWorkspace, ctx, [makeEvent(1, { reason: '<!here> on leave' })])],
    ['ownerChangedMessage', ownerChangedMessage(i, 'handoff', 'UACTOR', 'UFROM', '<!here> on leave', ctx)],
    ['youNowOwnMessage', youNowOwnMessage(i, 'UACTOR', '<!here> on leave', ctx)],
    ['ownershipMessage', ownershipMessage({ kind: 'one', initiative: i, history: [makeEvent(1)] }, now)],
    ['candidatesMessage', candidatesMessage([i, makeInitiative(8)], '<!channel>')],
  ];

  it.each(messages)('%s shows it escaped in its blocks', (_name, message) => {
    const blocks = mrkdwnTexts(message).join('\n');
    expect(blocks).toContain('&lt;!channel&gt;');
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).not.toContain('<!here>');
    expect(blocks).not.toContain('<@U999>');
  });

  it.each(messages)('%s never sends it raw in the notification text', (_name, message) => {
    expect(message.text).not.toContain('<!channel>');
    expect(message.text).not.toContain('<@U999>');
  });

  it('keeps the whole escaped title in the detail view', () => {
    expect(mrkdwnTexts(detailMessage(i, baseWorkspace, ctx, [])).join('\n')).toContain(escapedTitle);
  });
});

describe('listMessage', () => {
  const longTitle = '&'.repeat(500); // escapes to 2,500 characters
  const many = Array.from({ length: 300 }, (_, n) => makeInitiative(n + 1, { title: longTitle }));
  const numbersShown = (message: SlackMessage, list: Initiative[]) =>
    list.filter((i) => allTexts(message).some((t) => t.includes(`*#${i.number}*`))).length;

  it('says "more" when the total is more than it shows', () => {
    const shown = many.slice(0, 5).map((i) => ({ ...i, title: 'short' }));
    const message = listMessage(shown, 42, { by: 'open' }, ctx);
    expect(numbersShown(message, shown)).toBe(5);
    expect(allTexts(message).join('\n')).toMatch(/37 more/);
    expect(limitProblems(message)).toEqual([]);
  });

  it('says "none" for an empty list', () => {
    const message = listMessage([], 0, { by: 'mine' }, ctx);
    expect(message.text).toBe('Initiatives you own: none');
    expect(limitProblems(message)).toEqual([]);
  });

  it('fits 300 initiatives with 500-character titles into 50 blocks', () => {
    const message = listMessage(many, 300, { by: 'all' }, ctx);
    expect(limitProblems(message)).toEqual([]);
    expect(numbersShown(message, many)).toBeGreaterThan(0);
  });

  it('says how many it left out when they do not fit, whatever the title length', () => {
    // Lines of one length pack some sections to within a few characters of 3,000: the note must survive.
    const silent: string[] = [];
    for (let length = 380; length <= 500; length++) {
      const list = many.map((i) => ({ ...i, title: 'a'.repeat(length) }));
      const message = listMessage(list, 300, { by: 'all' }, ctx);
      expect(limitProblems(message)).toEqual([]);
      const shown = numbersShown(message, list);
      if (
        shown < 300 &&
        !allTexts(message)
          .join('\n')
          .includes(`${300 - shown} more`)
      )
        silent.push(`titles of ${length}: ${shown} shown, no note`);
    }
    expect(silent).toEqual([]);
  });

  it('shows every initiative or says "more", for any list', () => {
    fc.assert(
      fc.property(initiatives, fc.nat(5), viewContext, (list, extra, c) => {
        const message = listMessage(list, list.length + extra, { by: 'all' }, c);
        if (list.length + extra === 0) return;
        if (numbersShown(message, list) < list.length || extra > 0)
          expect(allTexts(message).join('\n')).toMatch(/\bmore\b/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('ownershipMessage', () => {
  const bullets = (message: SlackMessage) => allTexts(message).join('\n').split('• <!date^').length - 1;

  it('fits 500 events with 500-character reasons into 50 blocks', () => {
    const events = Array.from({ length: 500 }, (_, n) => makeEvent(n + 1, { reason: '<'.repeat(500) }));
    const message = ownershipMessage({ kind: 'one', initiative: makeInitiative(1), history: events }, now);
    expect(limitProblems(message)).toEqual([]);
    expect(bullets(message)).toBeLessThan(500);
  });

  it('says how many events it left out, whatever the reason length', () => {
    const silent: string[] = [];
    for (let length = 200; length <= 500; length++) {
      const events = Array.from({ length: 500 }, (_, n) => makeEvent(n + 1, { reason: 'r'.repeat(length) }));
      const message = ownershipMessage({ kind: 'one', initiative: makeInitiative(1), history: events }, now);
      const shown = bullets(message);
      if (
        shown < 500 &&
        !allTexts(message)
          .join('\n')
          .includes(`${500 - shown} more`)
      )
        silent.push(`reasons of ${length}: ${shown} shown, no note`);
    }
    expect(silent).toEqual([]);
  });

  it('shows every event or says "more", for any history', () => {
    fc.assert(
      fc.property(initiative, history, (i, events) => {
        const message = ownershipMessage({ kind: 'one', initiative: i, history: events }, now);
        if (bullets(message) < events.length) expect(allTexts(message).join('\n')).toMatch(/\bmore\b/);
      }),
      { numRuns: 60 },
    );
  });

  it('says when the owner got it', () => {
    const i = makeInitiative(3, { ownerId: 'UOWNER' });
    const at = new Date(now.getTime() - 3 * 86_400_000);
    const message = ownershipMessage(
      { kind: 'one', initiative: i, history: [makeEvent(1, { toUserId: 'UOWNER', at })] },
      now,
    );
    expect(mrkdwnTexts(message)[0]).toMatch(/is owned by <@UOWNER> since <!date\^\d+\^.*\(3 days\)\.$/);
  });
});

describe('setupModal', () => {
  it('stays within Slack’s modal limits', () => {
    fc.assert(
      fc.property(workspace, fc.option(channelId, { nil: undefined }), (ws, channel) => {
        const modal: ModalView = setupModal(ws, channel ? { channelId: channel } : {});
        expect(modal.blocks.length).toBeLessThanOrEqual(100);
        expect(modal.title.text.length).toBeLessThanOrEqual(24);
        expect(modal.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
        expect(modal.close?.text.length ?? 0).toBeLessThanOrEqual(24);
        expect(modal.private_metadata?.length ?? 0).toBeLessThanOrEqual(3000);
        expect(modal.callback_id?.length ?? 0).toBeLessThanOrEqual(255);
        for (const block of modal.blocks) {
          for (const { where, text, max } of blockTexts(block as KnownBlock))
            expect(text.length, where).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 60 },
    );
  });
});

// --- The builders themselves -------------------------------------------------------------------------

describe('Block Kit builders', () => {
  const text = fc.oneof(fc.string({ maxLength: 5000 }), fc.string({ unit: 'grapheme', maxLength: 4000 }));

  it('section() clips to 3,000 characters and keeps short text as is', () => {
    fc.assert(
      fc.property(text, (t) => {
        const s = section(t).text?.text ?? '';
        expect(s.length).toBeLessThanOrEqual(3000);
        if (t.length <= 3000) expect(s).toBe(t);
        else expect(s.endsWith('…')).toBe(true);
      }),
    );
  });

  it('fields() keeps at most 10 fields of at most 2,000 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 50 }), text), { maxLength: 30 }), (pairs) => {
        const f = fields(pairs).fields ?? [];
        expect(f.length).toBe(Math.min(pairs.length, 10));
        for (const field of f) expect(field.text.length).toBeLessThanOrEqual(2000);
      }),
    );
  });

  it('context() keeps at most 10 elements of at most 3,000 characters', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const elements = context(...texts).elements;
        expect(elements.length).toBe(Math.min(texts.length, 10));
        for (const e of elements) expect('text' in e && e.text.length).toBeLessThanOrEqual(3000);
      }),
    );
  });

  it('header() clips to 150 characters', () => {
    fc.assert(
      fc.property(text, (t) => {
        const block = header(t);
        expect(block.type === 'header' && block.text.text.length).toBeLessThanOrEqual(150);
      }),
    );
  });

  it('lineSections() stays within its budget and 3,000 characters, and says how many it left out', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(
            fc.array(
              fc.oneof(
                fc.string({ minLength: 1, maxLength: 100 }),
                fc.string({ minLength: 2900, maxLength: 3100 }),
              ),
              { maxLength: 200 },
            ),
            // Lines of one length fill sections right up to the limit.
            fc
              .tuple(
                fc.oneof(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 3100 })),
                fc.integer({ min: 0, max: 300 }),
              )
              .map(([length, count]) => Array.from({ length: count }, () => 'x'.repeat(length))),
          )
          .map((lines) => lines.map((line) => line.replace(/\n/g, ' '))),
        fc.oneof(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 48 })),
        (lines, budget) => {
          const sections = lineSections(lines, budget);
          expect(sections.length).toBeLessThanOrEqual(budget);
          for (const s of sections) expect(s.text?.text.length).toBeLessThanOrEqual(3000);
          const joined = sections.map((s) => s.text?.text ?? '').join('\n');
          const moreNote = joined.match(/_…and (\d+) more_$/);
          const shownLines = joined.split('\n').length - (moreNote ? 1 : 0);
          if (moreNote) expect(shownLines + Number(moreNote[1])).toBe(lines.length);
          else
            expect(joined).toBe(lines.map((l) => (l.length > 2960 ? `${l.slice(0, 2959)}…` : l)).join('\n'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lineSections() keeps its "more" note when the last section is full', () => {
    // 30 lines of 99 characters fill a section to 2,999 characters.
    const sections = lineSections(
      Array.from({ length: 100 }, () => 'x'.repeat(99)),
      2,
    );
    expect(sections).toHaveLength(2);
    // The full last section gives back one whole line to make room for the note: 30 + 29 shown.
    expect(sections.at(-1)?.text?.text).toMatch(/_…and 41 more_$/);
    expect(sections.at(-1)?.text?.text.split('\n')).toHaveLength(30);
  });

  it('capBlocks() keeps up to 50 blocks and otherwise says how many it left out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const blocks = Array.from({ length: n }, () => divider);
        const capped = capBlocks(blocks);
        expect(capped.length).toBe(Math.min(n, MAX_BLOCKS));
        if (n > MAX_BLOCKS) {
          const last = capped.at(-1);
          expect(last?.type === 'context' && JSON.stringify(last)).toContain(`${n - MAX_BLOCKS + 1} more`);
        } else {
          expect(capped).toEqual(blocks);
        }
      }),
    );
  });
});
