/**
 * Who may do what, as data: the decision, the refusal's "who can" and the README's table all
 * read this one table.
 *
 * - `sees`: anyone who can see the item (full members for items in public channels; members of
 *   its channel for private ones; guests and external people only in channels they are in).
 * - `owner`: the task's assignee, the initiative's owner, the release's author, the trend's
 *   reporter.
 * - `initiative-owner`: the owner of the task's initiative.
 * - `discipline-leads`: the leads of the item's discipline (both sides for joint work).
 * - `any-lead`: any PR or social lead.
 * - `admin`: a Tandem admin; workspace owners and admins and the installer count as one.
 * - `workspace-admin`: Slack workspace owners and admins.
 * - `installer`: whoever installed Tandem (OAuth installs).
 * - `first-setup`: any full member while Tandem was never set up, then whoever did that first
 *   setup until an admin changes a setting.
 * - `approvers`: the configured draft approvers; `admin-without-approvers`: an admin while no
 *   approvers are configured.
 * - `member`: any full member of the workspace (not guests or external people).
 */
export type Grant =
  | 'sees'
  | 'owner'
  | 'initiative-owner'
  | 'discipline-leads'
  | 'any-lead'
  | 'admin'
  | 'workspace-admin'
  | 'installer'
  | 'first-setup'
  | 'approvers'
  | 'admin-without-approvers'
  | 'member';

interface Rule {
  /** Any one of these is enough. */
  grants: readonly Grant[];
  /** How the README and refusals name the action. */
  label: string;
  /** Acts on one item, so the actor must be able to see it first. */
  onItem: boolean;
}

const TASK_STEWARDS = ['owner', 'initiative-owner', 'discipline-leads', 'admin'] as const;
const INITIATIVE_STEWARDS = ['owner', 'any-lead', 'admin'] as const;

export const RULES = {
  'task.add': { grants: ['sees'], label: 'add a task to an initiative', onItem: true },
  'task.claim': { grants: ['sees'], label: 'claim an unclaimed task', onItem: true },
  'task.take': { grants: TASK_STEWARDS, label: 'assign or take over a task', onItem: true },
  'task.release': { grants: TASK_STEWARDS, label: 'release a task', onItem: true },
  'task.done': { grants: TASK_STEWARDS, label: 'mark a task done', onItem: true },
  'task.block': { grants: TASK_STEWARDS, label: 'block or unblock a task', onItem: true },
  'task.snooze': { grants: TASK_STEWARDS, label: 'snooze a task’s nudges', onItem: true },
  'task.handoff': { grants: TASK_STEWARDS, label: 'hand a task off', onItem: true },
  'initiative.add': { grants: ['sees'], label: 'add an initiative', onItem: true },
  'initiative.claim': { grants: ['sees'], label: 'take an unowned initiative', onItem: true },
  'initiative.assign': {
    grants: INITIATIVE_STEWARDS,
    label: 'assign or hand off an initiative',
    onItem: true,
  },
  'initiative.status': { grants: INITIATIVE_STEWARDS, label: 'change an initiative’s status', onItem: true },
  'initiative.due': { grants: INITIATIVE_STEWARDS, label: 'change an initiative’s due date', onItem: true },
  'item.view': { grants: ['sees'], label: 'see an item', onItem: true },
  'trend.log': { grants: ['sees'], label: 'log a trend', onItem: true },
  'trend.task': { grants: ['sees'], label: 'turn a trend into a task', onItem: true },
  'trend.expire': { grants: ['owner', 'any-lead', 'admin'], label: 'expire a trend', onItem: true },
  'draft.create': { grants: ['sees'], label: 'draft social posts from a release', onItem: true },
  'draft.revise': { grants: ['sees'], label: 'edit or regenerate a draft', onItem: true },
  'draft.approve': {
    grants: ['approvers', 'admin-without-approvers'],
    label: 'approve a draft',
    onItem: true,
  },
  'draft.request-changes': {
    grants: ['approvers', 'admin-without-approvers'],
    label: 'request changes to a draft',
    onItem: true,
  },
  // The amplify line of one network: its claimant, the social leads (its discipline's) or an admin.
  'draft.schedule': {
    grants: ['owner', 'discipline-leads', 'admin'],
    label: 'set when a network’s post goes out',
    onItem: true,
  },
  'draft.mark-posted': {
    grants: ['owner', 'discipline-leads', 'admin'],
    label: 'mark a network’s post as posted',
    onItem: true,
  },
  'release.redraft': {
    grants: ['owner', 'any-lead', 'admin'],
    label: 'draft or post a saved release again',
    onItem: true,
  },
  'workspace.list': { grants: ['member'], label: 'list the workspace’s work', onItem: false },
  // Who gets private-channel work in the file is decided apart: workspace owners and admins only.
  'workspace.export': { grants: ['admin'], label: 'export the workspace’s data', onItem: false },
  // Delivery problems name people whose DMs failed and channels Tandem cannot post in.
  'status.view': { grants: ['admin'], label: 'see Tandem’s delivery status', onItem: false },
  'settings.change': {
    grants: ['workspace-admin', 'installer', 'admin', 'first-setup'],
    label: 'change Tandem’s settings',
    onItem: false,
  },
  'settings.admins': {
    grants: ['workspace-admin', 'installer'],
    label: 'choose Tandem admins',
    onItem: false,
  },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];
