import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowedToAnyoneThere, decide } from '../../../src/domain/policy/decide.js';
import type { ActorFacts, ItemFacts, SetupFacts } from '../../../src/domain/policy/facts.js';
import { ACTIONS, type Action } from '../../../src/domain/policy/rules.js';
import { permissionTable } from '../../../src/domain/policy/table.js';

// Every persona of a workspace, as the edge would describe them.
const plain = (userId: string, extra: Partial<ActorFacts> = {}): ActorFacts => ({
  userId,
  role: 'member',
  tandemAdmin: false,
  installer: false,
  prLead: false,
  socialLead: false,
  ...extra,
});
const P = {
  owner: plain('UOWN'),
  initiativeOwner: plain('UINIT'),
  socialLead: plain('USOC', { socialLead: true }),
  prLead: plain('UPR', { prLead: true }),
  tandemAdmin: plain('UTADM', { tandemAdmin: true }),
  workspaceAdmin: plain('UWADM', { role: 'admin' }),
  workspaceOwner: plain('UWOWN', { role: 'owner' }),
  installer: plain('UINST', { installer: true }),
  member: plain('UMEM'),
  guest: plain('UGST', { role: 'guest' }),
  external: plain('UEXT', { role: 'external' }),
} satisfies Record<string, ActorFacts>;
type Persona = keyof typeof P;
const PERSONAS = Object.keys(P) as Persona[];

// A social task owned by UOWN in a public channel; guests and external people are in the channel
// only where a case says so.
const task: ItemFacts = { ownerId: 'UOWN', initiativeOwnerId: 'UINIT', discipline: 'social' };
const SETUP: SetupFacts = { neverSetUp: false, firstSetupBy: null, approverIds: ['UPR'] };

function allowed(action: Action, who: Persona, item: ItemFacts = task, setup: SetupFacts = SETUP) {
  const inChannel = who === 'guest' || who === 'external' ? { inChannel: true } : {};
  return decide(action, { actor: P[who], item: { ...item, ...inChannel }, setup }).allowed;
}

const everyone = (...except: Persona[]) => PERSONAS.filter((p) => !except.includes(p));

// Who answers for a social task: its owner, its initiative's owner, the social leads, and admins.
const TASK_STEWARDS: Persona[] = [
  'owner',
  'initiativeOwner',
  'socialLead',
  'tandemAdmin',
  'workspaceAdmin',
  'workspaceOwner',
  'installer',
];
// Who answers for an initiative (or a trend, or a release): its owner, any lead, and admins.
const STEWARDS: Persona[] = [
  'owner',
  'socialLead',
  'prLead',
  'tandemAdmin',
  'workspaceAdmin',
  'workspaceOwner',
  'installer',
];

/** Expected allowed personas per action, written from the rules as a team would state them. */
const EXPECTED: Record<Action, Persona[]> = {
  'task.add': everyone(),
  'task.claim': everyone(),
  'task.take': TASK_STEWARDS,
  'task.release': TASK_STEWARDS,
  'task.done': TASK_STEWARDS,
  'task.block': TASK_STEWARDS,
  'task.snooze': TASK_STEWARDS,
  'task.handoff': TASK_STEWARDS,
  'initiative.add': everyone(),
  'initiative.claim': everyone(),
  // For an initiative, "owner" is the initiative's owner: here UOWN (ownerId).
  'initiative.assign': STEWARDS,
  'initiative.status': STEWARDS,
  'initiative.due': STEWARDS,
  'item.view': everyone(),
  'trend.log': everyone(),
  'trend.task': everyone(),
  'trend.expire': STEWARDS,
  'draft.create': everyone(),
  'draft.revise': everyone(),
  // Approvers are configured (the PR lead): admins do not approve in their place.
  'draft.approve': ['prLead'],
  'draft.request-changes': ['prLead'],
  // An amplify line (a social task): its claimant, the social leads, admins; not the initiative's owner.
  'draft.schedule': TASK_STEWARDS.filter((p) => p !== 'initiativeOwner'),
  'draft.mark-posted': TASK_STEWARDS.filter((p) => p !== 'initiativeOwner'),
  'release.redraft': STEWARDS,
  'workspace.list': everyone('guest', 'external'),
  'workspace.export': ['tandemAdmin', 'workspaceAdmin', 'workspaceOwner', 'installer'],
  'status.view': ['tandemAdmin', 'workspaceAdmin', 'workspaceOwner', 'installer'],
  'settings.change': ['tandemAdmin', 'workspaceAdmin', 'workspaceOwner', 'installer'],
  'settings.admins': ['workspaceAdmin', 'workspaceOwner', 'installer'],
};

describe('the permission policy, every action × every persona', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });
  for (const action of ACTIONS) {
    for (const who of PERSONAS) {
      const expected = EXPECTED[action].includes(who);
      it(`${action}: ${who} is ${expected ? 'allowed' : 'refused'}`, () => {
        expect(allowed(action, who)).toBe(expected);
      });
    }
  }
});

describe('cases the table does not show', () => {
  it('guests and external people act only in channels they are in', () => {
    for (const who of ['guest', 'external'] as const) {
      const outside = decide('task.claim', { actor: P[who], item: { ...task, inChannel: false } });
      expect(outside).toEqual(expect.objectContaining({ allowed: false, why: 'hidden' }));
      const owner = decide('task.done', { actor: P[who], item: { ...task, ownerId: P[who].userId } });
      expect(owner.allowed).toBe(false);
    }
  });

  it('a private channel’s items are for its members; unknown membership only for those who answer for them', () => {
    const privateTask = { ...task, channelPrivate: true };
    const ask = (who: Persona, inChannel?: boolean) =>
      decide('item.view', {
        actor: P[who],
        item: { ...privateTask, ...(inChannel === undefined ? {} : { inChannel }) },
      }).allowed;
    expect(ask('member', true)).toBe(true);
    expect(ask('member', false)).toBe(false);
    expect(ask('member')).toBe(false);
    expect(ask('owner')).toBe(true);
    expect(ask('initiativeOwner')).toBe(true);
    expect(ask('prLead')).toBe(true);
    expect(ask('tandemAdmin')).toBe(true);
    // Known not to be in it: even a lead does not see a private channel's work.
    expect(ask('prLead', false)).toBe(false);
  });

  it('the very first setup is open to full members, then only to its author until an admin changes something', () => {
    const never: SetupFacts = { neverSetUp: true, firstSetupBy: null, approverIds: [] };
    expect(allowed('settings.change', 'member', {}, never)).toBe(true);
    expect(decide('settings.change', { actor: P.guest, setup: never })).toEqual(
      expect.objectContaining({ allowed: false, why: 'guest' }),
    );
    const afterFirst: SetupFacts = { neverSetUp: false, firstSetupBy: 'UMEM', approverIds: [] };
    expect(allowed('settings.change', 'member', {}, afterFirst)).toBe(true);
    expect(allowed('settings.change', 'owner', {}, afterFirst)).toBe(false);
    const adminConfigured: SetupFacts = { neverSetUp: false, firstSetupBy: null, approverIds: [] };
    expect(allowed('settings.change', 'member', {}, adminConfigured)).toBe(false);
    // Choosing Tandem admins is never part of the first-setup grace.
    expect(allowed('settings.admins', 'member', {}, never)).toBe(false);
  });

  it('without configured approvers, admins approve drafts and nobody else', () => {
    const none: SetupFacts = { ...SETUP, approverIds: [] };
    expect(allowed('draft.approve', 'tandemAdmin', task, none)).toBe(true);
    expect(allowed('draft.approve', 'workspaceAdmin', task, none)).toBe(true);
    expect(allowed('draft.approve', 'prLead', task, none)).toBe(false);
    expect(allowed('draft.approve', 'member', task, none)).toBe(false);
  });

  it('task leads are the leads of the task’s discipline; joint or unknown work answers to both', () => {
    expect(allowed('task.done', 'prLead', { ...task, discipline: 'pr' })).toBe(true);
    expect(allowed('task.done', 'socialLead', { ...task, discipline: 'pr' })).toBe(false);
    expect(allowed('task.done', 'prLead', { ...task, discipline: 'joint' })).toBe(true);
    expect(allowed('task.done', 'socialLead', { ...task, discipline: null })).toBe(true);
  });

  it('an unowned item has no owner to grant anything', () => {
    expect(allowed('task.done', 'member', { ...task, ownerId: null, initiativeOwnerId: null })).toBe(false);
  });
});

describe('the README’s “Who can do what” table', () => {
  it('is the policy’s own table (npm run docs:permissions rewrites it)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.match(/<!-- who-can-do-what:[^>]*-->\n([\s\S]*?)\n<!-- \/who-can-do-what -->/);
    expect(section?.[1]).toBe(permissionTable());
  });

  it('has a row per action and marks what the policy decides', () => {
    const table = permissionTable();
    expect(table.split('\n').filter((line) => /^\| [a-z]/.test(line)).length).toBe(ACTIONS.length);
    expect(table).toContain('| choose Tandem admins | — | — | — | — | ✓ | — | — |');
  });
});

describe('allowedToAnyoneThere', () => {
  it('is true only where the policy would allow every persona, whoever they are', () => {
    for (const action of ACTIONS) {
      for (const inChannel of [true, false]) {
        const item: ItemFacts = { ...task, channelPrivate: true, inChannel };
        if (!allowedToAnyoneThere(action, { inChannel })) continue;
        // Then no role or setting can change the answer: skipping the look-up is safe.
        for (const who of PERSONAS) expect(allowed(action, who, item), `${action} by ${who}`).toBe(true);
      }
    }
  });

  it('lets a claim from inside the task’s channel through without asking who it is', () => {
    expect(allowedToAnyoneThere('task.claim', { inChannel: true })).toBe(true);
    expect(allowedToAnyoneThere('task.claim', { inChannel: false })).toBe(false);
    expect(allowedToAnyoneThere('task.done', { inChannel: true })).toBe(false);
  });
});
