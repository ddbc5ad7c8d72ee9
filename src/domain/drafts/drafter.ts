import type { Network, ReleaseInput } from './types.js';

/** Bumped whenever the instructions change, so each draft's provenance says which prompt made it. */
export const PROMPT_VERSION = 'drafts-v2';

export interface DraftRequest {
  release: ReleaseInput;
  networks: Network[];
  /** 0 for the first drafts; Regenerate asks for the next variant. */
  variant: number;
}

/** Raw posts, before the shared post-processing (limits, fact guard, mention neutralising). */
export interface RawDrafts {
  /** Provenance: the model's name, or "template". */
  drafter: string;
  promptVersion: string;
  texts: Partial<Record<Network, string>>;
  /** Shown on the message when a configured model failed and the offline drafter stepped in. */
  note?: string;
}

export interface Drafter {
  draft(request: DraftRequest): Promise<RawDrafts>;
}

/** Why a model could not draft; `reason` finishes the sentence "drafted offline: …". */
export class DrafterError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`drafter failed: ${reason}`, options);
    this.name = 'DrafterError';
  }
}
