import { z } from 'zod';
import { closestMatch } from '../commands/closest-match.js';
import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';
import { lookup } from '../lookup.js';

export const INITIATIVE_KINDS = [
  'press_release',
  'influencer',
  'campaign',
  'trend_response',
  'crisis',
  'advocacy',
  'other',
] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const KIND_LABELS: Record<InitiativeKind, string> = {
  press_release: 'Press release',
  influencer: 'Influencer program',
  campaign: 'Campaign',
  trend_response: 'Trend response',
  crisis: 'Crisis response',
  advocacy: 'Employee advocacy',
  other: 'Other',
};

/** `joint` means PR and social lead together; it is only ever a lead, never a supporter. */
export const DISCIPLINES = ['pr', 'social', 'marketing', 'joint'] as const;
export type Discipline = (typeof DISCIPLINES)[number];
export type SupportDiscipline = Exclude<Discipline, 'joint'>;

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  pr: 'PR',
  social: 'Social',
  marketing: 'Marketing',
  joint: 'Joint (PR + social)',
};

// Keys are normalised (see normaliseWord). Deliberately absent: words that are common in titles
// but name no kind ("launch", "announcement"), since an unquoted title ends at the first kind word.
const KIND_ALIASES: Record<string, InitiativeKind> = {
  pressrelease: 'press_release',
  pr: 'press_release',
  release: 'press_release',
  press: 'press_release',
  newsrelease: 'press_release',
  influencer: 'influencer',
  influencers: 'influencer',
  influencerprogram: 'influencer',
  influencerprogramme: 'influencer',
  influencermarketing: 'influencer',
  creators: 'influencer',
  campaign: 'campaign',
  campaigns: 'campaign',
  paidsocial: 'campaign',
  trend: 'trend_response',
  trends: 'trend_response',
  trendresponse: 'trend_response',
  trendjacking: 'trend_response',
  newsjacking: 'trend_response',
  crisis: 'crisis',
  crisisresponse: 'crisis',
  crisiscomms: 'crisis',
  issues: 'crisis',
  issuesmanagement: 'crisis',
  advocacy: 'advocacy',
  employeeadvocacy: 'advocacy',
  advocacyprogram: 'advocacy',
  other: 'other',
  misc: 'other',
};

/** Case, hyphens, underscores and spaces don't change which kind someone means. */
const normaliseWord = (word: string): string => word.toLowerCase().replace(/[-_\s.]/g, '');

/** The kind a single word names, or null; for recognising a kind among other options. */
export function matchKind(word: string): InitiativeKind | null {
  return lookup(KIND_ALIASES, normaliseWord(word)) ?? null;
}

export const KIND_HINT: UsageHint = {
  usage: `Kinds: ${INITIATIVE_KINDS.join(', ')}`,
  example: '/initiative add "Q4 launch" press_release',
};

/** Only for messages: the nearest kind to a mistyped word, or null when nothing is close. */
export function suggestKind(word: string): InitiativeKind | null {
  const near = closestMatch(normaliseWord(word), Object.keys(KIND_ALIASES));
  return near === null ? null : (lookup(KIND_ALIASES, near) ?? null);
}

export function parseKind(text: string, hint: UsageHint = KIND_HINT): Parsed<InitiativeKind> {
  const kind = matchKind(text.trim());
  if (kind) return ok(kind);
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const near = suggestKind(text.trim());
  const suggestion = near ? ` Did you mean ${near}?` : '';
  return fail(`I don't know the kind "${shown}".${suggestion} Kinds: ${INITIATIVE_KINDS.join(', ')}.`, hint);
}

// --- Ownership matrix ---------------------------------------------------------------------------

export interface OwnershipRule {
  lead: Discipline;
  support: SupportDiscipline[];
}
export type OwnershipMatrix = Record<InitiativeKind, OwnershipRule>;

/**
 * How PR and social teams usually split the work (DESIGN.md). `other` is joint: it is nobody's
 * home ground, so both leads should see it rather than PR by default.
 */
export const DEFAULT_OWNERSHIP_MATRIX: OwnershipMatrix = {
  press_release: { lead: 'pr', support: ['social'] },
  influencer: { lead: 'joint', support: [] },
  campaign: { lead: 'social', support: ['marketing'] },
  trend_response: { lead: 'social', support: ['pr'] },
  crisis: { lead: 'pr', support: ['social'] },
  advocacy: { lead: 'pr', support: ['social'] },
  other: { lead: 'joint', support: [] },
};

const ruleSchema = z.object({
  lead: z.enum(DISCIPLINES),
  support: z.array(z.enum(['pr', 'social', 'marketing'])).optional(),
});

/** A stored matrix: any subset of kinds; kinds it leaves out keep the default. */
export const ownershipMatrixSchema = z.object(
  Object.fromEntries(INITIATIVE_KINDS.map((kind) => [kind, ruleSchema.optional()])) as Record<
    InitiativeKind,
    z.ZodOptional<typeof ruleSchema>
  >,
);
export type StoredOwnershipMatrix = z.infer<typeof ownershipMatrixSchema>;

function tidyRule(rule: OwnershipRule): OwnershipRule {
  // A discipline cannot support what it leads, and listing it twice means nothing.
  const support = [...new Set(rule.support)].filter((d) => d !== rule.lead);
  return { lead: rule.lead, support };
}

/**
 * The matrix to use, from whatever is stored (a JSON column, maybe a JSON string, maybe from an
 * older version). Each kind is checked on its own so one bad entry doesn't discard the rest; a
 * bad or missing entry keeps the default.
 */
export function resolveMatrix(stored: unknown): OwnershipMatrix {
  let raw = stored;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = null;
    }
  }
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const matrix = { ...DEFAULT_OWNERSHIP_MATRIX };
  for (const kind of INITIATIVE_KINDS) {
    const parsed = ruleSchema.safeParse(source[kind]);
    if (!parsed.success) continue;
    const fallback = DEFAULT_OWNERSHIP_MATRIX[kind];
    matrix[kind] = tidyRule({ lead: parsed.data.lead, support: parsed.data.support ?? fallback.support });
  }
  return matrix;
}

export interface Leads {
  pr: string[];
  social: string[];
  marketing?: string[];
}

export interface OwnerSuggestion {
  userId: string | null;
  /** The discipline that leads this kind, whoever ends up suggested. */
  discipline: Discipline;
  reason: string;
}

const SET_LEADS_COMMAND: Record<SupportDiscipline, string> = {
  pr: '/tandem set pr-leads @someone',
  social: '/tandem set social-leads @someone',
  // Marketing leads are optional and have no command of their own; an owner can be set per initiative.
  marketing: '/initiative assign <number> @someone',
};

/**
 * Who should own a new initiative of this kind: the first lead of the leading discipline (for
 * joint work, the PR lead first, then social). If that discipline has no leads, a supporting
 * discipline's lead stands in, because an owner who can hand it on beats an orphan.
 */
export function suggestOwner(kind: InitiativeKind, matrix: OwnershipMatrix, leads: Leads): OwnerSuggestion {
  const rule = matrix[kind];
  const label = KIND_LABELS[kind];
  const leadsOf = (d: SupportDiscipline): string[] =>
    d === 'marketing' ? (leads.marketing ?? []) : leads[d];
  const preferred: SupportDiscipline[] = rule.lead === 'joint' ? ['pr', 'social'] : [rule.lead];
  for (const d of preferred) {
    const userId = leadsOf(d)[0];
    if (userId) {
      const why =
        rule.lead === 'joint'
          ? `${label} is joint work; the ${DISCIPLINE_LABELS[d]} lead owns it first.`
          : `${DISCIPLINE_LABELS[d]} leads ${label.toLowerCase()} work.`;
      return { userId, discipline: rule.lead, reason: why };
    }
  }
  const missing = preferred.map((d) => DISCIPLINE_LABELS[d]).join(' or ');
  const fix = SET_LEADS_COMMAND[preferred[0] ?? 'pr'];
  for (const d of rule.support) {
    const userId = leadsOf(d)[0];
    if (userId) {
      return {
        userId,
        discipline: rule.lead,
        reason: `No ${missing} lead is set, so the ${DISCIPLINE_LABELS[d]} lead (who supports ${label.toLowerCase()} work) stands in. Run ${fix} to change that.`,
      };
    }
  }
  return {
    userId: null,
    discipline: rule.lead,
    reason: `Nobody owns it yet: no ${missing} lead is set. Run ${fix} so new ${label.toLowerCase()} work gets an owner.`,
  };
}
