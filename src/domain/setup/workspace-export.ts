/**
 * What a workspace export holds, reduced to the fields that decide which rows may leave: each
 * row's channel and what it belongs to. Work in a private channel goes only to someone allowed to
 * read every private channel (workspace owners and admins); anyone else gets the rest and the
 * counts of what was left out, so nothing disappears without a word.
 */
export interface ExportRows {
  initiatives: ReadonlyArray<{ id: string; channelId: string | null }>;
  tasks: ReadonlyArray<{ id: string; initiativeId: string; messageChannel: string | null }>;
  ownershipEvents: ReadonlyArray<{ initiativeId: string | null; taskId: string | null }>;
  trends: ReadonlyArray<{ id: string; sourceChannel: string | null }>;
  trendLinks: ReadonlyArray<{ trendId: string; initiativeId: string }>;
  pressReleases: ReadonlyArray<{ id: string; channelId: string | null; initiativeId: string | null }>;
  socialDrafts: ReadonlyArray<{ releaseId: string }>;
}

export type LeftOut = Record<keyof ExportRows, number>;

const EXPORT_LISTS: ReadonlyArray<keyof ExportRows> = [
  'initiatives',
  'tasks',
  'ownershipEvents',
  'trends',
  'trendLinks',
  'pressReleases',
  'socialDrafts',
];

/** Every channel the rows name, to ask Slack once each whether it is private. */
export function channelsOf(rows: ExportRows): string[] {
  const named = [
    ...rows.initiatives.map((i) => i.channelId),
    ...rows.tasks.map((t) => t.messageChannel),
    ...rows.trends.map((t) => t.sourceChannel),
    ...rows.pressReleases.map((r) => r.channelId),
  ];
  return [...new Set(named.filter((c): c is string => Boolean(c)))].sort();
}

/**
 * Leaves out rows in private channels and the rows that hang off them (a private initiative's
 * tasks, history, trend links and releases; a left-out release's drafts).
 */
export function withoutPrivateChannels<T extends ExportRows>(
  rows: T,
  isPrivate: (channel: string) => boolean,
): { kept: T; leftOut: LeftOut } {
  const hidden = (channel: string | null) => channel !== null && isPrivate(channel);
  const initiativeIds = new Set(rows.initiatives.filter((i) => !hidden(i.channelId)).map((i) => i.id));
  const initiativeChannel = new Map(rows.initiatives.map((i) => [i.id, i.channelId]));
  const keepsInitiative = (id: string | null) => id === null || initiativeIds.has(id);

  const initiatives = rows.initiatives.filter((i) => initiativeIds.has(i.id));
  const tasks = rows.tasks.filter(
    (t) =>
      initiativeIds.has(t.initiativeId) &&
      !hidden(t.messageChannel ?? initiativeChannel.get(t.initiativeId) ?? null),
  );
  const taskIds = new Set(tasks.map((t) => t.id));
  const ownershipEvents = rows.ownershipEvents.filter(
    (e) => keepsInitiative(e.initiativeId) && (e.taskId === null || taskIds.has(e.taskId)),
  );
  const trends = rows.trends.filter((t) => !hidden(t.sourceChannel));
  const trendIds = new Set(trends.map((t) => t.id));
  const trendLinks = rows.trendLinks.filter(
    (l) => trendIds.has(l.trendId) && initiativeIds.has(l.initiativeId),
  );
  const pressReleases = rows.pressReleases.filter(
    (r) => !hidden(r.channelId) && keepsInitiative(r.initiativeId),
  );
  const releaseIds = new Set(pressReleases.map((r) => r.id));
  const socialDrafts = rows.socialDrafts.filter((d) => releaseIds.has(d.releaseId));

  const kept = {
    ...rows,
    initiatives,
    tasks,
    ownershipEvents,
    trends,
    trendLinks,
    pressReleases,
    socialDrafts,
  };
  const leftOut = Object.fromEntries(
    EXPORT_LISTS.map((key) => [key, rows[key].length - kept[key].length]),
  ) as LeftOut;
  return { kept: kept as T, leftOut };
}
