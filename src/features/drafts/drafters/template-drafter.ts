import { type Drafter, PROMPT_VERSION, type RawDrafts } from '../../../domain/drafts/drafter.js';
import { templateDraft } from '../../../domain/drafts/template-drafter.js';

/** Offline and deterministic: the default without OPENAI_API_KEY, and the fallback when a model fails. */
export const templateDrafter: Drafter = {
  async draft({ release, networks, variant }): Promise<RawDrafts> {
    const texts = Object.fromEntries(networks.map((n) => [n, templateDraft(release, n, variant)]));
    return { drafter: 'template', promptVersion: PROMPT_VERSION, texts };
  },
};
