import { quoteBack } from '../commands/command-args.js';
import { fail, ok, type Parsed, type UsageHint } from '../commands/result.js';

export const EXPORT_USAGE: UsageHint & { summary: string } = {
  usage: '/tandem export',
  example: '/tandem export',
  summary: "Sends you this workspace's Tandem data as a JSON file by DM (Tandem admins).",
};

/** Whether `/tandem …` asks for an export; its own module answers it, not the settings parser. */
export function isExportCommand(text: string): boolean {
  return text.trim().split(/\s+/)[0]?.toLowerCase() === 'export';
}

/** `/tandem export` takes nothing else: a filter or format typed after it would be silently ignored. */
export function parseExportCommand(text: string): Parsed<{ type: 'export' }> {
  const rest = text.trim().split(/\s+/).slice(1).join(' ');
  if (rest === '') return ok({ type: 'export' });
  return fail(
    `/tandem export takes nothing after it (got "${quoteBack(rest, 40)}"): it always exports the whole workspace.`,
    EXPORT_USAGE,
  );
}
