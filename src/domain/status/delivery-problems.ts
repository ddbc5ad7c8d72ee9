// Slack's refusals of Tandem's background messages, said in plain words with what an admin can
// do about them. The digest's own DM to the admins, `/tandem status` and the App Home banner all
// read these, so a problem is named the same way wherever it is seen.

/** What went wrong, and what an admin can do about it: each one sentence, mrkdwn-safe. */
export interface Explained {
  problem: string;
  fix: string;
}

/** Undeliverable nudges older than this are history, not a problem to show. */
export const RECENT_NUDGE_DAYS = 7;

const SET_CHANNEL = '`/tandem set digest-channel #channel`';
const ANOTHER_CHANNEL = `pick another with ${SET_CHANNEL}`;

/**
 * An error's own words, kept to what cannot break mrkdwn or a mention: Slack's codes are
 * `snake_case`, but a network error can say anything.
 */
export function plainReason(reason: string): string {
  const kept = reason
    .replace(/[^\w .:=()/-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return kept.length > 80 ? `${kept.slice(0, 79)}…` : kept || 'no reason given';
}

/**
 * Why the digest could not be posted. `channel` names the channel it was sent to (a mention),
 * or null when none is set.
 */
export function explainDigestFailure(reason: string, channel: string | null): Explained {
  const where = channel ? `the digest channel ${channel}` : 'the digest channel';
  switch (reason) {
    case 'is_archived':
      return { problem: `${cap(where)} is archived.`, fix: `${cap(ANOTHER_CHANNEL)}.` };
    case 'channel_not_found':
      return {
        problem: `${cap(where)} no longer exists, or Tandem cannot see it.`,
        fix: `${cap(ANOTHER_CHANNEL)}.`,
      };
    case 'not_in_channel':
      return {
        problem: `Tandem is not a member of ${where}.`,
        fix: `Invite Tandem there with \`/invite @Tandem\`, or ${ANOTHER_CHANNEL}.`,
      };
    case 'restricted_action':
      return {
        problem: `Slack does not let Tandem post in ${where}.`,
        fix: `Let apps post there in the channel’s settings, or ${ANOTHER_CHANNEL}.`,
      };
    case 'missing_scope':
    case 'not_allowed_token_type':
      return {
        problem: 'Tandem lacks a Slack permission it needs to post.',
        fix: 'Reinstall Tandem so that Slack grants every permission its manifest asks for.',
      };
    case 'not_authed':
    case 'invalid_auth':
    case 'account_inactive':
    case 'token_revoked':
      return {
        problem: 'Slack no longer accepts Tandem’s token: the app was removed or its token revoked.',
        fix: 'Reinstall Tandem in this workspace.',
      };
    default:
      return {
        problem: `Slack or the network failed (\`${plainReason(reason)}\`).`,
        fix: 'Nothing to change unless it keeps happening: the next digest is tried as usual, and `/digest now` shows today’s to you meanwhile.',
      };
  }
}

/** Recorded as the refusal of a nudge whose DM failed on every try for passing reasons. */
export const DM_GAVE_UP = 'gave_up';

/** Why Slack will not take a DM for someone, as the end of "<@U…> …". */
export function explainDmRefusal(refusal: string | null): string {
  switch (refusal) {
    case DM_GAVE_UP:
      return 'could not be reached: Slack failed every try over a couple of hours';
    case 'cannot_dm_bot':
      return 'is a bot, and bots cannot receive direct messages';
    case 'user_disabled':
    case 'account_inactive':
      return 'has been deactivated';
    case 'user_not_found':
      return 'is not someone Slack knows in this workspace';
    case 'user_not_visible':
      return 'is hidden from Tandem by Slack';
    default:
      return refusal
        ? `cannot receive Tandem’s direct messages (\`${plainReason(refusal)}\`)`
        : 'cannot receive Tandem’s direct messages';
  }
}

/** What to do about nudges nobody can receive: the work, and the lists, need someone who can. */
export const UNDELIVERABLE_NUDGES_FIX =
  'Give their work to someone else, and take them off the leads or admins with `/tandem set pr-leads`, `social-leads` or `admins`.';

export type DigestState = 'sending' | 'sent' | 'skipped' | 'retrying' | 'failed';

export interface DigestRunFacts {
  localDate: string;
  status: DigestState;
  /** The channel last tried (or posted in). */
  channel: string | null;
  lastError: string | null;
}

/**
 * Whether the latest digest day is a problem still standing. A day given up in a channel that is
 * no longer the digest channel was most likely fixed by choosing another: the next digest tells.
 */
export function digestProblem(
  run: DigestRunFacts | null,
  digestChannel: string | null,
): 'given-up' | 'retrying' | 'fixed-since' | null {
  if (!run || (run.status !== 'failed' && run.status !== 'retrying')) return null;
  if (run.channel && digestChannel && run.channel !== digestChannel) return 'fixed-since';
  return run.status === 'failed' ? 'given-up' : 'retrying';
}

const cap = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
