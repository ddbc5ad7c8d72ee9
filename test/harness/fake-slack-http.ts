import type { IncomingMessage, ServerResponse } from 'node:http';

export type Answer = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function pick(args: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Throws on malformed JSON bodies so the caller can answer `invalid_json`. */
export function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed)) throw new Error('JSON body is not an object');
    return parsed;
  }
  // @slack/web-api sends nested arguments (blocks, view, attachments) as JSON strings inside form fields.
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = parseJsonField(value);
  }
  return args;
}

function parseJsonField(value: string): unknown {
  const first = value.trimStart()[0];
  if (first !== '[' && first !== '{') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function send(
  res: ServerResponse,
  status: number,
  body: Answer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Slack's cursor pagination over a list: `limit` per page (Slack's default when absent), opaque cursor. */
export function page<T>(items: readonly T[], args: Record<string, unknown>, defaultLimit: number) {
  const asked = Number(args.limit ?? 0);
  const limit = asked > 0 ? Math.min(asked, 1000) : defaultLimit;
  const from = typeof args.cursor === 'string' && args.cursor !== '' ? Number(atob(args.cursor).slice(5)) : 0;
  const more = from + limit < items.length;
  return {
    items: items.slice(from, from + limit),
    response_metadata: { next_cursor: more ? btoa(`from:${from + limit}`) : '' },
  };
}
