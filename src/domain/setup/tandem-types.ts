import type { SupportDiscipline } from '../initiatives/kinds.js';
import type { TaskReaction } from '../tasks/reactions.js';

// What `/tandem` can say, as the parsers return it and the listeners act on it.

export type WhoOwnsQuery =
  | { by: 'number'; number: number }
  | { by: 'task'; number: number }
  | { by: 'title'; words: string };

/**
 * An empty `userIds` clears the list (`/tandem set pr-leads none`). `my-discipline` is personal:
 * it sets the discipline of whoever typed it, and null clears it. `emoji` is typed as
 * `<reaction>-emoji` and holds a bare name (no colons, no skin tone), not yet checked for clashes
 * with the workspace's other reactions. A `workload` threshold of 0 turns the warning off.
 */
export type TandemSetting =
  | { key: 'pr-leads'; userIds: string[] }
  | { key: 'social-leads'; userIds: string[] }
  | { key: 'admins'; userIds: string[] }
  | { key: 'digest-channel'; channelId: string }
  | { key: 'digest-time'; time: string }
  | { key: 'timezone'; timezone: string }
  | { key: 'workload'; threshold: number }
  | { key: 'quiet-hours'; start: string; end: string }
  | { key: 'nudge-windows'; days: number[] }
  | { key: 'draft-approvers'; approvers: 'pr' | 'social' | 'both' }
  | { key: 'draft-approval'; approval: 'any' | 'all' }
  | { key: 'brand-hashtags'; hashtags: string[] }
  | { key: 'brand-link'; link: string | null }
  | { key: 'voice'; voice: string | null }
  | { key: 'banned-words'; words: string[] }
  | { key: 'emoji'; reaction: TaskReaction; emoji: string }
  | { key: 'my-discipline'; discipline: SupportDiscipline | null };

export type TandemCommand =
  /** `all`: every form; without it, the one-screen overview. */
  | { type: 'help'; topic?: 'all' }
  | { type: 'setup' }
  | { type: 'settings' }
  | { type: 'who-owns'; query: WhoOwnsQuery }
  | { type: 'set'; setting: TandemSetting }
  | { type: 'status' }
  | { type: 'export' };
