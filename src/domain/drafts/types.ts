/** The vocabulary shared by both drafters, the fact guard, the network rules and the Slack views. */

export const NETWORKS = ['x', 'linkedin', 'instagram', 'facebook', 'threads', 'bluesky'] as const;
export type Network = (typeof NETWORKS)[number];

export const TONES = ['neutral', 'upbeat', 'formal', 'playful'] as const;
export type Tone = (typeof TONES)[number];

/** A press release as the drafters see it: plain text (no Slack markup), already stored. */
export interface ReleaseInput {
  title: string | null;
  body: string;
  link: string | null;
  /** Brand hashtags without the leading "#", e.g. ["NASA", "Artemis"]. */
  hashtags: string[];
  tone: Tone;
  /** The workspace's default link, used when the release gives none. */
  brandLink?: string | null;
  /** How the brand sounds ("plain, warm, no exclamation marks"), for the model. */
  voice?: string | null;
  /** Words the brand never uses; a draft containing one is flagged. */
  bannedWords?: string[];
}

/** Something a reviewer should look at before approving a draft. */
export type DraftFlag =
  | { kind: 'not-in-release'; fact: FactKind; text: string }
  | { kind: 'shortened'; from: number; to: number }
  | { kind: 'over-limit'; length: number; limit: number }
  | { kind: 'too-many-hashtags'; count: number; max: number }
  | { kind: 'banned-word'; word: string };

export type FactKind =
  | 'number'
  | 'percentage'
  | 'money'
  | 'date'
  | 'quote'
  | 'name'
  /** "down 39%" where the release says up. */
  | 'direction'
  /** A release quotation credited to someone else. */
  | 'speaker'
  | 'link'
  | 'handle'
  | 'hashtag';

/** A draft after the shared post-processing step: within the network's rules, flags attached. */
export interface FinishedDraft {
  network: Network;
  text: string;
  flags: DraftFlag[];
}
