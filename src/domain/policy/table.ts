import { decide } from './decide.js';
import type { ActorFacts, ItemFacts, SetupFacts } from './facts.js';
import { ACTIONS, type Grant, RULES } from './rules.js';

const person = (userId: string, extra: Partial<ActorFacts> = {}): ActorFacts => ({
  userId,
  role: 'member',
  tandemAdmin: false,
  installer: false,
  prLead: false,
  socialLead: false,
  ...extra,
});

/** The README's columns: who someone is to the item, from closest to furthest. */
const COLUMNS: Array<[string, ActorFacts]> = [
  ['Its owner', person('UOWNER')],
  ['Initiative’s owner', person('UINITIATIVE')],
  ['Leads', person('ULEAD', { prLead: true })],
  ['Tandem admins', person('UTADMIN', { tandemAdmin: true })],
  ['Workspace admins', person('UWADMIN', { role: 'admin' })],
  ['Members', person('UMEMBER')],
  ['Guests, external', person('UGUEST', { role: 'guest' })],
];

// A PR item in a public channel that guests are in; draft approvers are the PR leads.
const ITEM: ItemFacts = { ownerId: 'UOWNER', initiativeOwnerId: 'UINITIATIVE', discipline: 'pr' };
const SETUP: SetupFacts = { neverSetUp: false, firstSetupBy: null, approverIds: ['ULEAD'] };

const NOTES: Partial<Record<Grant, string>> = {
  'discipline-leads': 'leads of the task’s discipline (both sides for joint work)',
  'first-setup':
    'before anyone set Tandem up, any member may; its author keeps that right until an admin changes a setting',
  approvers:
    'the configured draft approvers (`/tandem set draft-approvers`); admins approve only while none are set',
  sees: 'only what they can see: private-channel work is for that channel’s members; guests and external people act only in channels they are in',
};

/** "Who can do what", as the README shows it, generated from the policy itself. */
export function permissionTable(): string {
  const head = `| Action | ${COLUMNS.map(([name]) => name).join(' | ')} |`;
  const rule = `| --- | ${COLUMNS.map(() => ':-:').join(' | ')} |`;
  const notes: string[] = [];
  const rows = ACTIONS.map((action) => {
    const { label, grants } = RULES[action];
    const marks = grants.flatMap((g) => {
      const note = NOTES[g];
      if (!note) return [];
      if (!notes.includes(note)) notes.push(note);
      return [`${notes.indexOf(note) + 1}`];
    });
    const cells = COLUMNS.map(([, actor]) => {
      const inChannel = actor.role === 'guest' ? { inChannel: true } : {};
      const allowed = decide(action, { actor, item: { ...ITEM, ...inChannel }, setup: SETUP }).allowed;
      return allowed ? '✓' : '—';
    });
    const label_ = marks.length ? `${label} (${marks.join(', ')})` : label;
    return `| ${label_} | ${cells.join(' | ')} |`;
  });
  const footnotes = notes.map((note, i) => `${i + 1}. ${note[0]?.toUpperCase()}${note.slice(1)}.`);
  return [head, rule, ...rows, '', ...footnotes].join('\n');
}
