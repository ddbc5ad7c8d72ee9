import { z } from 'zod';
import type { NewRelease } from '../../core/stores/releases.js';
import { slackTextToPlain } from '../../domain/commands/slack-refs.js';
import { countWords, MIN_RELEASE_WORDS } from '../../domain/drafts/draft-command.js';
import { parseHashtags, parseLink } from '../../domain/drafts/draft-options.js';
import { measure, NETWORK_RULES, networkLabel } from '../../domain/drafts/networks.js';
import { NETWORKS, type Network, TONES, type Tone } from '../../domain/drafts/types.js';
import { type DraftModalMetadata, FIELDS } from './modals.js';

const field = <T extends z.ZodRawShape>(id: string, shape: T) => ({
  [id]: z.object({ [id]: z.object(shape) }).optional(),
});

const stateSchema = z.object({
  ...field(FIELDS.release, { value: z.string().nullish() }),
  ...field(FIELDS.title, { value: z.string().nullish() }),
  ...field(FIELDS.link, { value: z.string().nullish() }),
  ...field(FIELDS.networks, { selected_options: z.array(z.object({ value: z.string() })).nullish() }),
  ...field(FIELDS.tone, { selected_option: z.object({ value: z.string() }).nullish() }),
  ...field(FIELDS.hashtags, { value: z.string().nullish() }),
  ...field(FIELDS.embargo, { selected_date_time: z.number().nullish() }),
  ...field(FIELDS.initiative, { selected_option: z.object({ value: z.string() }).nullish() }),
});

/** What the form sets of a release; the body is null when the shortcut stored it before the form opened. */
export type DraftOptions = Omit<NewRelease, 'body' | 'channelId'> & { body: string | null };

export type Submission<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const metadataSchema = z.object({ channelId: z.string().min(1), releaseId: z.string().optional() });

/** What the form carried through the client since it opened; null when it is not ours or out of date. */
export function parseDraftMetadata(privateMetadata: string): DraftModalMetadata | null {
  let json: unknown;
  try {
    json = JSON.parse(privateMetadata || '{}');
  } catch {
    return null;
  }
  const metadata = metadataSchema.safeParse(json);
  return metadata.success ? metadata.data : null;
}

const isNetwork = (v: string): v is Network => (NETWORKS as readonly string[]).includes(v);
const isTone = (v: string): v is Tone => (TONES as readonly string[]).includes(v);

/** Reads the draft form; every problem comes back at once, keyed by block id as Slack wants. */
export function parseDraftSubmission(
  values: unknown,
  metadata: DraftModalMetadata,
  now: Date,
): Submission<DraftOptions> {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success)
    return {
      ok: false,
      errors: { [FIELDS.networks]: 'The form arrived incomplete; please submit it again.' },
    };
  const v = parsed.data;
  const read = (id: string) =>
    (v as Record<string, Record<string, Record<string, unknown>> | undefined>)[id]?.[id];
  const errors: Record<string, string> = {};

  let body: string | null = null;
  if (!metadata.releaseId) {
    body = slackTextToPlain(String(read(FIELDS.release)?.value ?? '')).trim();
    const words = countWords(body);
    if (words < MIN_RELEASE_WORDS)
      errors[FIELDS.release] =
        `That is ${words} word${words === 1 ? '' : 's'}; paste the whole press release (at least ${MIN_RELEASE_WORDS} words).`;
  }
  const networks = ((read(FIELDS.networks)?.selected_options as Array<{ value: string }> | null) ?? [])
    .map((o) => o.value)
    .filter(isNetwork);
  if (networks.length === 0) errors[FIELDS.networks] = 'Pick at least one network, e.g. X and LinkedIn.';
  const toneValue = (read(FIELDS.tone)?.selected_option as { value: string } | null)?.value ?? 'neutral';
  const tone: Tone = isTone(toneValue) ? toneValue : 'neutral';

  const link = parseLink(String(read(FIELDS.link)?.value ?? ''));
  if (!link.ok) errors[FIELDS.link] = `${link.error.message} Example: ${link.error.example}`;
  const hashtags = parseHashtags(String(read(FIELDS.hashtags)?.value ?? ''));
  if (!hashtags.ok) errors[FIELDS.hashtags] = `${hashtags.error.message} Example: ${hashtags.error.example}`;

  const embargoSeconds = read(FIELDS.embargo)?.selected_date_time as number | null | undefined;
  const embargoUntil = typeof embargoSeconds === 'number' ? new Date(embargoSeconds * 1000) : null;
  if (embargoUntil && embargoUntil.getTime() <= now.getTime())
    errors[FIELDS.embargo] =
      'That time has passed. Pick a later one, or leave it empty if the release is already public.';

  if (Object.keys(errors).length > 0 || !link.ok || !hashtags.ok) return { ok: false, errors };
  const title = slackTextToPlain(String(read(FIELDS.title)?.value ?? '')).trim();
  return {
    ok: true,
    value: {
      body,
      title: title || null,
      link: link.value,
      networks: NETWORKS.filter((n) => networks.includes(n)),
      tone,
      hashtags: hashtags.value,
      embargoUntil,
      initiativeId: (read(FIELDS.initiative)?.selected_option as { value: string } | null)?.value ?? null,
    },
  };
}

/** An edited post, checked against its network's limit the way the network counts. */
export function parseEditSubmission(values: unknown, network: Network): Submission<string> {
  const raw = z
    .object({ [FIELDS.text]: z.object({ [FIELDS.text]: z.object({ value: z.string().nullish() }) }) })
    .safeParse(values);
  const text = raw.success ? (raw.data[FIELDS.text]?.[FIELDS.text]?.value ?? '').trim() : '';
  if (text === '')
    return {
      ok: false,
      errors: { [FIELDS.text]: 'The post is empty. Write the post, or Cancel to keep the draft.' },
    };
  const rule = NETWORK_RULES[network];
  const length = measure(network, text);
  if (length > rule.limit) {
    const how = network === 'x' ? ' (every link counts as 23)' : '';
    return {
      ok: false,
      errors: {
        [FIELDS.text]: `${length.toLocaleString('en-US')} ${rule.unit}${how}; ${networkLabel(network)} allows ${rule.limit.toLocaleString('en-US')}. Cut ${(length - rule.limit).toLocaleString('en-US')}.`,
      },
    };
  }
  return { ok: true, value: text };
}
