import type { Database } from '../../src/db/database.js';
import type { SlackCall } from '../../test/harness/fake-slack.js';

/** Turns Slack mrkdwn into plain terminal text, with people and channels by name. */
export function plain(text: string, names: Record<string, string>): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${names[id] ?? id}`)
    .replace(
      /<#([A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_m, id: string, label?: string) => `#${names[id] ?? label ?? id}`,
    )
    .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
    .replace(/<!(channel|here|everyone)>/g, '@$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

interface BlockLike {
  type?: string;
  text?: { text?: string };
  fields?: Array<{ text?: string }>;
  elements?: Array<{ text?: string | { text?: string }; placeholder?: { text?: string } }>;
  accessory?: { text?: { text?: string } };
}

function blockLines(blocks: BlockLike[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.text?.text) lines.push(block.text.text);
    if (block.fields) lines.push(block.fields.map((f) => (f.text ?? '').replace('\n', ': ')).join('  |  '));
    if (block.type === 'context' && block.elements) {
      lines.push(block.elements.map((e) => (typeof e.text === 'string' ? e.text : '')).join(' '));
    }
    if (block.type === 'actions' && block.elements) {
      const controls = block.elements.map((e) =>
        typeof e.text === 'object' ? e.text.text : e.placeholder?.text,
      );
      lines.push(controls.map((c) => `[${c ?? 'control'}]`).join(' '));
    }
    // A section's button (Claim in lists and digests).
    if (block.accessory?.text?.text) lines.push(`[${block.accessory.text.text}]`);
  }
  return lines;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

/** The lines of `after` that are new since `before` (a longest-common-subsequence diff). */
function addedLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const width = b.length + 1;
  const common = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => common[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      common[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (j < b.length) {
    if (i < a.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (i < a.length && at(i + 1, j) >= at(i, j + 1)) i += 1;
    else added.push(b[j++] ?? '');
  }
  return added.join('\n');
}

/** The last rendering of each message and App Home, so an update shows only what changed in it. */
const rendered = new Map<string, string>();

/** What a person would have seen of each Slack call Tandem made. */
export function describeCalls(calls: SlackCall[], names: Record<string, string>): string[] {
  const out: string[] = [];
  for (const call of calls) {
    const blocks = (call.args.blocks as BlockLike[] | undefined) ?? [];
    const body = plain(blockLines(blocks).join('\n') || String(call.args.text ?? ''), names);
    switch (call.method) {
      case 'response_url':
        out.push(
          call.args.response_type === 'in_channel'
            ? `  Tandem (in the channel):\n${indent(body)}`
            : `  Tandem (only you can see this):\n${indent(body)}`,
        );
        break;
      case 'chat.postMessage': {
        const channel = String(call.args.channel);
        const where = channel.startsWith('D')
          ? `DM to @${names[channel.slice(1)] ?? channel}`
          : `in #${names[channel] ?? channel}${call.args.thread_ts ? ', in thread' : ''}`;
        out.push(`  Tandem (${where}):\n${indent(body)}`);
        break;
      }
      case 'chat.postEphemeral':
        out.push(
          `  Tandem (only @${names[String(call.args.user)] ?? call.args.user} can see this):\n${indent(body)}`,
        );
        break;
      case 'views.open':
        out.push('  Tandem opened a form.');
        break;
      case 'chat.update': {
        // A release card re-renders whole; the reader wants to see what changed on it.
        const key = `${call.args.channel}|${call.args.ts}`;
        const before = rendered.get(key);
        rendered.set(key, body);
        const where = `#${names[String(call.args.channel)] ?? call.args.channel}`;
        out.push(
          before === undefined
            ? `  Tandem updated its message in ${where}:\n${indent(body)}`
            : `  Tandem updated its message in ${where}; now it also reads:\n${indent(addedLines(before, body) || '(no visible change)')}`,
        );
        break;
      }
      case 'views.publish': {
        const view = call.args.view as { blocks?: BlockLike[] } | undefined;
        const home = plain(blockLines(view?.blocks ?? []).join('\n'), names);
        // A home re-renders whole after every change too: after the first, only what is new.
        const key = `home|${call.args.user_id}`;
        const before = rendered.get(key);
        rendered.set(key, home);
        const who = `App Home of @${names[String(call.args.user_id)] ?? call.args.user_id}`;
        out.push(
          before === undefined
            ? `  ${who}:\n${indent(home)}`
            : `  ${who}, now also showing:\n${indent(addedLines(before, home) || '(no visible change)')}`,
        );
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** What the demo left in the database, in one line. */
export async function recorded(db: Database, teamId: string): Promise<string> {
  const where = { teamId };
  const [initiatives, tasks, trends, drafts, approved, events] = await Promise.all([
    db.prisma.initiative.count({ where }),
    db.prisma.task.count({ where }),
    db.prisma.trend.count({ where }),
    db.prisma.socialDraft.count({ where }),
    db.prisma.socialDraft.count({ where: { teamId, status: 'approved' } }),
    db.prisma.ownershipEvent.count({ where }),
  ]);
  return `Recorded: ${initiatives} initiatives, ${tasks} tasks, ${trends} trend, ${drafts} social drafts (${approved} approved), ${events} ownership events.`;
}
