import type { OpenAiSettings } from '../../../config.js';
import type { Drafter } from '../../../domain/drafts/drafter.js';
import type { Logger } from '../../../logger.js';
import { bounded } from './bounded-drafter.js';
import { counted } from './counted-drafter.js';
import { withFallback } from './fallback-drafter.js';
import { templateDrafter } from './template-drafter.js';

export const MODEL_CONCURRENCY = { running: 4, waiting: 32 };

/**
 * A model when OPENAI_API_KEY is set (with the offline drafter behind it), else offline only.
 * The OpenAI SDK is loaded only when it will be used: it costs ~0.3 s of start-up.
 */
export async function chooseDrafter(openai: OpenAiSettings | undefined, logger: Logger): Promise<Drafter> {
  const offline = counted(templateDrafter, 'template');
  if (!openai) return offline;
  const { openAiDrafter } = await import('./openai-drafter.js');
  return withFallback(counted(bounded(openAiDrafter(openai), MODEL_CONCURRENCY), 'model'), offline, logger);
}
