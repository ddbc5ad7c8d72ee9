import OpenAI from 'openai';
import { z } from 'zod';
import type { OpenAiSettings } from '../../../config.js';
import {
  type Drafter,
  DrafterError,
  PROMPT_VERSION,
  type RawDrafts,
} from '../../../domain/drafts/drafter.js';
import { measure, NETWORK_RULES } from '../../../domain/drafts/networks.js';
import type { Network } from '../../../domain/drafts/types.js';
import { type ChatMessage, draftingMessages, shortenMessage } from './prompt.js';

/** Transport failures (timeouts, 429, 5xx, resets) get one more try from the SDK, with its backoff. */
const SDK_RETRIES = 1;
/** A first answer that is not the JSON asked for gets one more chance before the fallback. */
const ANSWER_ATTEMPTS = 2;

function answerSchema(networks: Network[]) {
  const shape = Object.fromEntries(networks.map((n) => [n, z.string().trim().min(1)]));
  return z.object({ drafts: z.object(shape) });
}

/** Strict JSON Schema for structured outputs: every requested network, nothing else. */
function jsonSchema(networks: Network[]) {
  return {
    type: 'object',
    properties: {
      drafts: {
        type: 'object',
        properties: Object.fromEntries(networks.map((n) => [n, { type: 'string' }])),
        required: networks,
        additionalProperties: false,
      },
    },
    required: ['drafts'],
    additionalProperties: false,
  };
}

function explain(error: unknown): DrafterError {
  if (error instanceof DrafterError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new DrafterError('the model did not answer in time', { cause: error });
  if (error instanceof OpenAI.RateLimitError)
    return new DrafterError('the model is rate-limited right now', { cause: error });
  if (error instanceof OpenAI.AuthenticationError)
    return new DrafterError('the model refused OPENAI_API_KEY', { cause: error });
  if (error instanceof OpenAI.APIConnectionError)
    return new DrafterError('the model could not be reached', { cause: error });
  if (error instanceof OpenAI.APIError)
    return new DrafterError(`the model's service failed (HTTP ${error.status ?? 'error'})`, { cause: error });
  return new DrafterError('the model failed', { cause: error });
}

export function openAiDrafter(settings: OpenAiSettings): Drafter {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
    timeout: settings.timeoutMs,
    maxRetries: SDK_RETRIES,
  });

  async function ask(messages: ChatMessage[], networks: Network[]): Promise<Record<string, string>> {
    const schema = answerSchema(networks);
    let lastProblem = '';
    for (let attempt = 0; attempt < ANSWER_ATTEMPTS; attempt++) {
      const completion = await client.chat.completions.create({
        model: settings.model,
        messages,
        temperature: 0.7,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'social_drafts', strict: true, schema: jsonSchema(networks) },
        },
      });
      const content = completion.choices[0]?.message.content ?? '';
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch {
        lastProblem = 'not JSON';
        continue;
      }
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data.drafts as Record<string, string>;
      lastProblem = 'missing networks';
    }
    throw new DrafterError(`the model's answer was not usable (${lastProblem})`);
  }

  return {
    async draft({ release, networks, variant }): Promise<RawDrafts> {
      try {
        const messages = draftingMessages(release, networks, variant);
        const texts: Partial<Record<Network, string>> = await ask(messages, networks);
        const over = networks
          .map((network) => ({ network, length: measure(network, texts[network] ?? '') }))
          .filter(({ network, length }) => length > NETWORK_RULES[network].limit);
        if (over.length > 0) {
          // One corrective retry; whatever is still too long is shortened (and flagged) afterwards.
          const retry = await ask(
            [
              ...messages,
              { role: 'assistant', content: JSON.stringify({ drafts: texts }) },
              shortenMessage(over),
            ],
            networks,
          ).catch(() => null);
          for (const { network } of over) {
            const shorter = retry?.[network];
            if (shorter && measure(network, shorter) < measure(network, texts[network] ?? '')) {
              texts[network] = shorter;
            }
          }
        }
        return { drafter: settings.model, promptVersion: PROMPT_VERSION, texts };
      } catch (error) {
        throw explain(error);
      }
    },
  };
}
