import type { Logger } from '../../logger.js';
import { bounded } from './bounded-drafter.js';
import type { Drafter } from './drafter.js';
import { withFallback } from './fallback-drafter.js';
import { type OpenAiSettings, openAiDrafter } from './openai-drafter.js';
import { templateDrafter } from './template-drafter.js';

export const MODEL_CONCURRENCY = { running: 4, waiting: 32 };

/** A model when OPENAI_API_KEY is set (with the offline drafter behind it), else offline only. */
export function chooseDrafter(openai: OpenAiSettings | undefined, logger: Logger): Drafter {
  if (!openai) return templateDrafter;
  return withFallback(bounded(openAiDrafter(openai), MODEL_CONCURRENCY), templateDrafter, logger);
}
