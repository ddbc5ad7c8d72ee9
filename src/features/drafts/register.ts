import type { App, BlockAction, ButtonAction, MessageShortcut } from '@slack/bolt';
import { queuedCommand } from '../../core/requests/command-queue.js';
import type { Deps } from '../../deps.js';
import {
  approveAction,
  changesSubmission,
  markPostedAction,
  postedSubmission,
  requestChangesAction,
  scheduleAction,
  scheduleSubmission,
} from './card-listeners.js';
import { CHANGES_MODAL, POSTED_MODAL, SCHEDULE_MODAL } from './card-modals.js';
import { draftFormAction } from './draft-form.js';
import {
  draftCommand,
  draftShortcut,
  draftSubmission,
  editAction,
  editSubmission,
  regenerateAction,
} from './listeners.js';
import { DRAFT_MODAL, EDIT_MODAL } from './modals.js';
import { DRAFT_ACTIONS } from './views.js';

/** The callback id of the "Draft social posts" message shortcut in manifest/manifest.json. */
export const DRAFT_SHORTCUT = 'draft_social_posts';

export function register(app: App, deps: Deps): void {
  app.command('/draft', queuedCommand(deps, draftCommand(deps)));
  app.shortcut<MessageShortcut>({ callback_id: DRAFT_SHORTCUT, type: 'message_action' }, draftShortcut(deps));
  app.view(DRAFT_MODAL, draftSubmission(deps));
  app.view(EDIT_MODAL, editSubmission(deps));
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.approve, approveAction(deps));
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.regenerate, regenerateAction(deps));
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.edit, editAction(deps));
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.openForm, draftFormAction(deps));
  // The card's Claim button is the tasks' own (DRAFT_ACTIONS.claim): the tasks feature handles it.
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.requestChanges, requestChangesAction(deps));
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.schedule, scheduleAction(deps));
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.markPosted, markPostedAction(deps));
  app.view(CHANGES_MODAL, changesSubmission(deps));
  app.view(SCHEDULE_MODAL, scheduleSubmission(deps));
  app.view(POSTED_MODAL, postedSubmission(deps));
}
