import { z } from 'zod';
import { resolveTimezone, suggestTimezone } from '../../domain/time/due-date.js';
import type { SettingsPatch } from './service.js';
import { DRAFT_APPROVAL_CHOICES, type DraftApprovalChoice, SETUP_FIELDS } from './views.js';

const stateSchema = z.object({
  [SETUP_FIELDS.prLeads.block]: z.object({
    value: z.object({ selected_users: z.array(z.string()).optional() }),
  }),
  [SETUP_FIELDS.socialLeads.block]: z.object({
    value: z.object({ selected_users: z.array(z.string()).optional() }),
  }),
  [SETUP_FIELDS.digestChannel.block]: z.object({
    value: z.object({ selected_conversation: z.string().nullish() }),
  }),
  [SETUP_FIELDS.digestTime.block]: z.object({ value: z.object({ selected_time: z.string().nullish() }) }),
  [SETUP_FIELDS.timezone.block]: z.object({ value: z.object({ value: z.string().nullish() }) }),
  // Optional: a form opened before the field existed is still saved, without changing approvals.
  [SETUP_FIELDS.drafts.block]: z
    .object({ value: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) })
    .optional(),
});

export type SetupSubmission =
  | { ok: true; patch: SettingsPatch }
  | { ok: false; errors: Record<string, string> };

/** Reads the setup modal's state; field errors come back keyed by block id, as Slack wants them. */
export function parseSetupSubmission(values: unknown): SetupSubmission {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success)
    return {
      ok: false,
      errors: { [SETUP_FIELDS.timezone.block]: 'The form arrived incomplete; please submit it again.' },
    };
  const v = parsed.data;
  const errors: Record<string, string> = {};
  const typedZone = (v[SETUP_FIELDS.timezone.block]?.value.value ?? '').trim();
  // Stored in its canonical spelling: `europe/london` becomes `Europe/London`.
  const timezone = resolveTimezone(typedZone);
  if (!timezone) {
    const suggestion = suggestTimezone(typedZone);
    errors[SETUP_FIELDS.timezone.block] =
      `“${typedZone}” is not a time zone Tandem knows.${suggestion ? ` Did you mean ${suggestion}?` : ' Try Europe/London or America/New_York.'}`;
  }
  const digestTime = v[SETUP_FIELDS.digestTime.block]?.value.selected_time;
  if (!digestTime || !/^([01]\d|2[0-3]):[0-5]\d$/.test(digestTime)) {
    errors[SETUP_FIELDS.digestTime.block] = 'Pick the time the daily digest should arrive, e.g. 09:00.';
  }
  const chosen = v[SETUP_FIELDS.drafts.block]?.value.selected_option?.value;
  const approval =
    chosen && Object.hasOwn(DRAFT_APPROVAL_CHOICES, chosen)
      ? DRAFT_APPROVAL_CHOICES[chosen as DraftApprovalChoice]
      : undefined;
  if (chosen && !approval) errors[SETUP_FIELDS.drafts.block] = 'Pick who approves social drafts.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      prLeads: v[SETUP_FIELDS.prLeads.block]?.value.selected_users ?? [],
      socialLeads: v[SETUP_FIELDS.socialLeads.block]?.value.selected_users ?? [],
      digestChannel: v[SETUP_FIELDS.digestChannel.block]?.value.selected_conversation ?? null,
      digestTime: digestTime as string,
      timezone: timezone as string,
      ...(approval ? { draftApprovers: approval.approvers, draftApproval: approval.approval } : {}),
    },
  };
}
